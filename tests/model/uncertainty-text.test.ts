import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/model/compute-report.ts';
import type { Report } from '../../src/model/types.ts';
import { intervalNote, uncertaintyText } from '../../src/model/uncertainty-text.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
import { HOSTILE, makeReport, makeUncertainty } from '../site/charts/report-fixture.ts';
import { smallEdition } from './small-edition.ts';

/** The small edition computed with an uncertainty block (alpha and beta tie; the first two experiences swap with the lead weight). */
const smallWith = (block: string): Report =>
  computeReport(smallEdition(edit(readEditionTexts(), 'scheme.yaml', 'spread_method: department\n', `spread_method: department\n${block}\n`)));

describe('uncertaintyText(report)', () => {
  const section = uncertaintyText(makeReport())!;

  it('is null for an edition without an uncertainty analysis, so the page shows none of it', () => {
    expect(uncertaintyText(makeReport({ uncertainty: undefined }))).toBeNull();
  });

  it('says what is drawn, how often, with which seed, and what an interval and a median are', () => {
    expect(section.intro).toBe(
      '为检验排名在多大程度上取决于评估方案中的假设，按下表所列范围随机抽取各评估方式权重和牵头部门评估所占比重，共抽样1000次（随机数种子为7，每次生成的结果相同），' +
        '每次按与报告相同的规则重新计分和排名，统计每个单位、牵头部门和经验的名次。一项排名的“90%区间”是90%的情形下名次所在的范围（各次名次的第5～95百分位数），“中位排名”是各次名次的中位数。',
    );
  });

  it('states every assumption as drawn, with what it does alone to the views it can move', () => {
    expect(section.effectColumns).toEqual(['单位排名', '创新改革经验排名']);
    expect(section.assumptions).toEqual([
      { name: '各评估方式权重', drawn: '每种评估方式的权重在方案权重上下25%的范围内均匀抽取，再按比例调整，使合计为100%', effects: ['1.33', '0.33'] },
      { name: '牵头部门评估所占比重', drawn: '在40%～60%之间均匀抽取（方案为50%）', effects: ['0.00', '0.67'] },
      { name: '不适用项的计分方法', drawn: '固定为“按该项最低分计入”（不抽样）', effects: ['—', '—'] },
    ]);
    expect(section.widthNote).toContain('“—”表示该项假设没有抽样变动');
  });

  it.each<[string, Partial<ReturnType<typeof makeUncertainty>['assumptions']>, string]>([
    ['fixed weights', { weights: 0 }, '固定为方案权重（不抽样）'],
    ['a fixed lead weight', { leadWeight: { low: 0.45, high: 0.45 } }, '固定为45%（不抽样）'],
    ['every policy', { notApplicable: ['lowest', 'exclude', 'zero'] }, '在“按该项最低分计入”“不计入”“按0分计入”中等可能地抽取一种'],
  ])('words %s', (_case, assumptions, text) => {
    const u = makeUncertainty();
    u.assumptions = { ...u.assumptions, ...assumptions };
    expect(uncertaintyText(makeReport({ uncertainty: u }))!.assumptions.map((row) => row.drawn)).toContain(text);
  });

  it('names the assumption that moves ranks most overall, and in each view how far each moves them alone', () => {
    expect(section.influence).toBe('总体而言，对排名影响最大的是各评估方式权重。');
    const [units, departments, experiences] = section.views;
    expect(units!.text).toBe(
      '单位排名受各评估方式权重影响最大：单独变动这一项时，90%区间平均宽1.33个名次。各项假设同时变动时，3个单位的90%区间不止一个名次，见下图。',
    );
    expect(experiences!.text).toBe(
      '创新改革经验排名受牵头部门评估所占比重影响最大：单独变动这一项时，90%区间平均宽0.67个名次；单独变动各评估方式权重时平均宽0.33个名次。' +
        '各项假设同时变动时，2项创新改革经验的90%区间不止一个名次，见下图。',
    );
    expect(departments!.text).toBe('部门得分只取决于牵头部门评估得分，不受各评估方式权重和牵头部门评估所占比重影响，各牵头部门的排名不随抽样变动。');
  });

  it('marks as worth a chart the views whose intervals say something, and not the departments, which cannot move', () => {
    expect(section.views.map((view) => [view.id, view.anchor, view.chart, view.informative])).toEqual([
      ['units', 'uncertainty-units', 'unit-intervals', true],
      ['departments', 'uncertainty-departments', 'department-intervals', false],
      ['experiences', 'uncertainty-experiences', 'experience-intervals', true],
    ]);
  });

  it('joins overlapping neighbours into runs, with their base ranks, experience titles in quotes', () => {
    const [units, departments, experiences] = section.views;
    expect(units!.indistinctText).toBe('以下相邻名次的90%区间相互重叠，数据不足以区分其先后：');
    expect(units!.indistinct).toEqual([
      { ranks: '第1～2名', members: [{ id: 'alpha', name: '甲区' }, { id: 'beta', name: HOSTILE }, { id: 'gamma', name: '丙县' }] },
    ]);
    expect(experiences!.indistinct).toEqual([
      { ranks: '第2～3名', members: [{ id: 'second', name: '“创新数字化大城管”' }, { id: 'third', name: '“构建六大数据平台”' }] },
    ]);
    expect(departments!.indistinctText).toBe('');
    expect(departments!.indistinct).toEqual([]);
  });

  it('keeps separate runs apart and says so when no neighbours overlap', () => {
    const u = makeUncertainty();
    const items = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, rank: i + 1, median: i + 1, low: i + 1, high: i + 1, top: i === 0 ? 1 : 0 }));
    u.units = items;
    u.indistinct.units = [{ higher: 'a', lower: 'b' }, { higher: 'b', lower: 'c' }, { higher: 'd', lower: 'e' }];
    const view = uncertaintyText(makeReport({ uncertainty: u }))!.views[0]!;
    expect(view.indistinct.map((group) => [group.ranks, group.members.map((m) => m.id)])).toEqual([
      ['第1～3名', ['a', 'b', 'c']],
      ['第4～5名', ['d', 'e']],
    ]);
    u.indistinct.units = [];
    expect(uncertaintyText(makeReport({ uncertainty: u }))!.views[0]!.indistinctText).toBe('相邻名次的90%区间互不重叠，各单位的先后可以区分。');
  });

  it('names tied neighbours by their one shared rank', () => {
    const u = makeUncertainty();
    u.indistinct.units = [{ higher: 'beta', lower: 'gamma' }];
    expect(uncertaintyText(makeReport({ uncertainty: u }))!.views[0]!.indistinct).toEqual([
      { ranks: '第2名', members: [{ id: 'beta', name: HOSTILE }, { id: 'gamma', name: '丙县' }] },
    ]);
  });

  it('lists every overlapping pair, and only those, as neighbours in its runs', () => {
    const u = makeUncertainty();
    u.units = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, rank: i + 1, median: i + 1, low: i + 1, high: i + 2, top: 0 }));
    fc.assert(
      fc.property(fc.subarray([...Array(11).keys()]), (starts) => {
        u.indistinct.units = starts.map((i) => ({ higher: `u${i}`, lower: `u${i + 1}` }));
        const groups = uncertaintyText(makeReport({ uncertainty: u }))!.views[0]!.indistinct;
        const pairs = groups.flatMap((g) => g.members.slice(1).map((m, i) => ({ higher: g.members[i]!.id, lower: m.id })));
        expect(pairs).toEqual(u.indistinct.units);
        const rank = (id: string) => Number(id.slice(1)) + 1;
        for (const g of groups) expect(g.ranks).toBe(`第${rank(g.members[0]!.id)}～${rank(g.members.at(-1)!.id)}名`);
      }),
    );
  });

  it('finds no chart worth drawing for a view whose intervals are all its base ranks, and says so', () => {
    const u = makeUncertainty();
    u.units = u.units.map((item) => ({ ...item, median: item.rank, low: item.rank, high: item.rank }));
    u.effects = u.effects.map((effect) => ({ ...effect, width: { ...effect.width, units: 0 } }));
    const view = uncertaintyText(makeReport({ uncertainty: u }))!.views[0]!;
    expect(view.informative).toBe(false);
    expect(view.text).toBe(
      '单独变动任何一项假设，单位排名的90%区间都只含一个名次；相对而言各评估方式权重的影响最大，但只在少数情形下改变名次。各项假设同时变动时，各单位的90%区间也都只含一个名次。',
    );
  });

  it('says so when no assumption alone moves any rank', () => {
    const u = makeUncertainty();
    u.mostInfluential = { units: null, departments: null, experiences: null, overall: null };
    const s = uncertaintyText(makeReport({ uncertainty: u }))!;
    expect(s.influence).toBe('单独变动任何一项假设，排名都不变。');
    expect(s.views[0]!.text.startsWith('单独变动任何一项假设，单位排名都不变。')).toBe(true);
  });

  it('gives the 示意 notice exactly when the scheme lists uncertainty among its illustrative fields', () => {
    expect(section.illustrative).toBe('');
    const report = makeReport();
    expect(uncertaintyText({ ...report, scheme: { ...report.scheme, illustrative: ['methods', 'uncertainty'] } })!.illustrative).toBe(
      '说明：下表所列排名不确定性分析的各项假设系编者拟定的示意数据，非原报告所载。',
    );
  });

  it('agrees with the model on a computed edition: every view, its most influential assumption and its overlapping neighbours', () => {
    const report = smallWith('uncertainty: {draws: 2000, seed: 7, weights: 0.3, lead_weight: [0.3, 0.7], not_applicable: [lowest, exclude, zero]}');
    const s = uncertaintyText(report)!;
    const u = report.uncertainty!;
    expect(s.views.map((view) => view.id)).toEqual(['units', 'departments', 'experiences']);
    expect(s.assumptions.every((row) => row.effects.every((cell) => /^\d+\.\d\d$/.test(cell)))).toBe(true);
    for (const view of s.views) {
      const pairs = u.indistinct[view.id];
      const listed = view.indistinct.flatMap((group) => group.members.map((m) => m.id).slice(1).map((lower, i) => [group.members[i]!.id, lower]));
      expect(listed).toEqual(view.id === 'departments' ? [] : pairs.map((p) => [p.higher, p.lower]));
    }
    expect(s.influence).toContain(['各评估方式权重', '牵头部门评估所占比重', '不适用项的计分方法'][['weights', 'leadWeight', 'notApplicable'].indexOf(u.mostInfluential.overall!)]!);
  });
});

describe('intervalNote(report, view)', () => {
  it('explains a view’s interval column from what was drawn and how often', () => {
    expect(intervalNote(makeReport(), 'units')).toBe(
      '90%区间：各评估方式权重和牵头部门评估所占比重在设定范围内抽样变动1000次、每次重新计分排名时，90%的情形下名次所在的范围，如“2～5”即第2～5名之间；只写一个数，即至少90%的情形下都是这一名次。',
    );
  });

  it('says why a department’s interval is its rank', () => {
    expect(intervalNote(makeReport(), 'departments')).toBe(
      '90%区间：部门得分只取决于牵头部门评估得分，不受各评估方式权重和牵头部门评估所占比重影响，排名不随抽样变动，区间即其排名。',
    );
  });

  it('is empty without an analysis and refuses, in Chinese, a view it does not know', () => {
    expect(intervalNote(makeReport({ uncertainty: undefined }), 'experiences')).toBe('');
    expect(() => intervalNote(makeReport(), 'unit')).toThrow(/intervalNote：第二个参数应为 units、departments 或 experiences .*found unit\)/);
  });
});
