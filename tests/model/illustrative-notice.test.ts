import { describe, expect, it } from 'vitest';
import { annexRun, notices, noticeText, provenance } from '../../src/model/illustrative-notice.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
import { smallEdition } from './small-edition.ts';

const wording = '所列得分系示意值。';

describe('noticeText(subject, illustrative, wording)', () => {
  it.each([
    ['附件1', true, wording, '说明：附件1所列得分系示意值。'],
    ['本页', true, wording, '说明：本页所列得分系示意值。'],
    ['附件1', false, wording, null],
    ['附件1', true, undefined, null],
  ])('puts %s before the wording when illustrative=%s', (subject, flag, text, want) => {
    expect(noticeText(subject, flag, text)).toBe(want);
  });
});

describe('annexRun(numbers)', () => {
  it.each([
    [[1, 2, 3], '附件1至附件3'],
    [[2, 3], '附件2、附件3'],
    [[1, 3], '附件1、附件3'],
    [[2], '附件2'],
    [[], ''],
  ])('names %j as %s', (numbers, want) => expect(annexRun(numbers)).toBe(want));
});

describe('notices(inputs)', () => {
  it('gives no notice anywhere when no score is illustrative, whatever the wording', () => {
    expect(notices({ unitScores: false, departmentScores: false, experienceScores: false, wording })).toEqual({
      notice: null,
      annexNotices: { units: null, departments: null, experiences: null },
      pageNotices: { units: null, departments: null, experiences: null, charts: null },
      downloadsNotice: null,
    });
  });

  it('gives each annex and page its own notice, all in the one wording', () => {
    const all = notices({ unitScores: false, departmentScores: true, experienceScores: true, wording });
    expect(all.notice).toBe(wording);
    expect(all.annexNotices).toEqual({ units: null, departments: '说明：附件2所列得分系示意值。', experiences: '说明：附件3所列得分系示意值。' });
    expect(all.pageNotices).toEqual({
      units: null,
      departments: '说明：本页所列得分系示意值。',
      experiences: '说明：本页所列得分系示意值。',
      charts: '说明：以下图表所列得分系示意值。',
    });
    expect(all.downloadsNotice).toBe('说明：附件2、附件3所列得分系示意值。');
  });
});

describe('provenance(edition)', () => {
  it('reads which scores are illustrative from the experiences and the wording from report.yaml', () => {
    const p = provenance(smallEdition());
    expect(p).toMatchObject({ unitScores: false, departmentScores: true, experienceScores: true, survey: true });
    expect(p.annexNotices.departments).toBe('说明：附件2所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。');
  });

  it('makes unit and experience scores illustrative when an experience lists its scores', () => {
    const texts = edit(readEditionTexts(), 'experiences/04-health-cloud.yaml', 'illustrative: [lead_assessment]', 'illustrative: [scores]');
    expect(provenance(smallEdition(texts))).toMatchObject({ unitScores: true, departmentScores: false, experienceScores: true });
  });
});
