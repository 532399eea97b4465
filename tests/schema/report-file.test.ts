import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, reportFileSchema } from '../../src/schema/report-file.ts';

const report = (date: string, year = 2017) => ({
  title: '报告',
  year,
  evaluator: '项目组',
  commissioned_by: '改革办',
  published: { outlet: '日报', date },
});

describe('isCalendarDate(text)', () => {
  it.each([
    ['2018-07-06', true],
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['2019-02-29', false],
    ['1900-02-29', false],
    ['2018-02-30', false],
    ['2018-04-31', false],
    ['2018-13-45', false],
    ['2018-00-10', false],
    ['2018-01-00', false],
    ['0000-00-00', false],
    ['0999-01-01', false],
    ['2018-7-6', false],
    ['2018-07-06T00:00', false],
  ])('%s is a day of the calendar: %s', (text, ok) => expect(isCalendarDate(text)).toBe(ok));

  it('agrees with the calendar of Date for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2399 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(text)).toBe(real);
      }),
    );
  });
});

describe('reportFileSchema: published.date and year', () => {
  it.each([
    ['2018-07-06', 2017, undefined],
    ['2017-01-01', 2017, undefined],
    ['2018-02-30', 2017, /没有这一天.*found "2018-02-30"/],
    ['0000-00-00', 2017, /没有这一天/],
    ['2016-12-31', 2017, /^刊发日期早于评估年度 2017 年 \(expected a date in 2017 or later, found "2016-12-31"\)$/],
    ['2018/07/06', 2017, /.+/],
  ])('judges a report of %s for the year %d', (date, year, problem) => {
    const result = reportFileSchema.safeParse(report(date, year));
    if (problem === undefined) expect(result.success).toBe(true);
    else {
      expect(result.success).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join('.') === 'published.date');
      expect(issue?.message).toMatch(problem);
    }
  });

  it.each([999, 10_000, -2017, 2017.5])('refuses the year %d', (year) => {
    expect(reportFileSchema.safeParse(report('2018-07-06', year)).success).toBe(false);
  });
});

describe('reportFileSchema: fieldwork names', () => {
  const parse = (extra: object) => reportFileSchema.safeParse({ ...report('2018-07-06'), ...extra });
  const messages = (extra: object) => {
    const result = parse(extra);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes the known fieldwork keys without names', () => {
    expect(messages({ fieldwork: { questionnaires_issued: '910', forums: '30余', site_visits: '32' } })).toEqual([]);
  });

  it('asks for the Chinese name of any other fieldwork key, at that key', () => {
    expect(messages({ fieldwork: { interviews: '12' } })).toEqual([
      'fieldwork.interviews: 自定义的实地工作项须在 fieldwork_labels 中写明中文名称 (expected fieldwork_labels.interviews: <中文名称>, found nothing)',
    ]);
    expect(messages({ fieldwork: { interviews: '12' }, fieldwork_labels: { interviews: '深度访谈人次' } })).toEqual([]);
  });

  it('refuses a name for a figure that is not there, and a blank name', () => {
    expect(messages({ fieldwork_labels: { interviews: '深度访谈人次' } })).toEqual(['fieldwork_labels.interviews: fieldwork 中没有这一项 (expected a key of fieldwork, found "interviews")']);
    expect(messages({ fieldwork: { interviews: '12' }, fieldwork_labels: { interviews: '　' } }).length).toBeGreaterThan(0);
  });

  it('refuses a name for a figure the site names itself, since it would never be shown', () => {
    expect(messages({ fieldwork: { forums: '5' }, fieldwork_labels: { forums: '座谈会' } })).toEqual([
      'fieldwork_labels.forums: 网站对这一项已有固定名称，此处名称不会显示，请删去 (expected a custom fieldwork key, found "forums")',
    ]);
  });
});
