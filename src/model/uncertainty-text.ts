/**
 * The uncertainty analysis in the words of the method page and the annexes:
 * what was drawn and how, which assumption moves ranks most, how many
 * intervals span more than one rank, and which neighbours cannot be told
 * apart. Worded from the model's `Uncertainty` through the one number
 * formatter and the one rank printer; the site only places the text.
 */
import { formatScore, formatWeight } from '../scoring/format.ts';
import { noticeText } from './illustrative-notice.ts';
import { POLICY_NAMES } from './mover-sentence.ts';
import { ASSUMPTION_NAMES, drawnAssumptions, fixedReason, joinNames, type RankedKind } from './rank-certainty.ts';
import { cnQuote } from './text/cn-quote.ts';
import { rankRangeText } from './text/rank-text.ts';
import type { AssumptionEffect, IndistinctPair, RankInterval, Report, UncertainAssumption, Uncertainty } from './types.ts';

/** The views an uncertainty analysis ranks. */
export type UncertaintyView = 'units' | 'departments' | 'experiences';

/** How each view is named, counted, linked and charted, in the order the method page shows them. */
const VIEWS: ReadonlyArray<{ id: UncertaintyView; kind: RankedKind; noun: string; counter: string; href: string; chart: string }> = [
  { id: 'units', kind: 'unit', noun: '单位', counter: '个', href: '/units/', chart: 'unit-intervals' },
  { id: 'departments', kind: 'department', noun: '牵头部门', counter: '个', href: '/departments/', chart: 'department-intervals' },
  { id: 'experiences', kind: 'experience', noun: '创新改革经验', counter: '项', href: '/experiences/', chart: 'experience-intervals' },
];

/** What the section's notice says after its subject (下表) when its assumptions are the editor's, not the report's. */
const ILLUSTRATIVE_WORDING = '所列排名不确定性分析的各项假设系编者拟定的示意数据，非原报告所载。';

/** One assumption as the method page's table lists it. */
export interface AssumptionRow {
  name: string;
  /** How it is drawn, or that it is held at one value. */
  drawn: string;
  /** One cell per `effectColumns`: the mean width of the 90% intervals when it alone is drawn, or `—` when it is not drawn. */
  effects: string[];
}

/** Neighbours by base rank whose intervals overlap one after the other: the ranks they span and who they are. */
export interface IndistinctGroup {
  /** The base ranks of the first and the last (`第1～4名`). */
  ranks: string;
  /** Names as printed in a list (experience titles in quotes). */
  members: Array<{ id: string; name: string }>;
}

/** What the method page says about one view (units, departments, experiences). */
export interface UncertaintyViewText {
  id: UncertaintyView;
  /** The id of its heading (`uncertainty-units`). */
  anchor: string;
  noun: string;
  /** Where an item's page is: `<href><id>/`. */
  href: string;
  /** The name of its interval chart (`unit-intervals`). */
  chart: string;
  /** True when some interval spans more than one rank or its median leaves the base rank: only then is a chart worth drawing. */
  informative: boolean;
  /** Which assumption moves these ranks most, and how many intervals span more than one rank. */
  text: string;
  /** What the list below says, or that no neighbours overlap; '' when the ranks cannot move. */
  indistinctText: string;
  indistinct: IndistinctGroup[];
}

/** The method page's section on how sure the ranks are, as text. */
export interface UncertaintyText {
  /** What was drawn, how often, and what a 90% interval and a median rank are. */
  intro: string;
  /** The 示意 notice when the scheme marks its uncertainty block as illustrative, else ''. */
  illustrative: string;
  /** One header per view whose ranks the assumptions can move (`单位排名`). */
  effectColumns: string[];
  assumptions: AssumptionRow[];
  /** What an interval's width is, under the table. */
  widthNote: string;
  /** Which assumption moves the ranks most, over every ranked item. */
  influence: string;
  /** The views that rank anything, units, departments, experiences. */
  views: UncertaintyViewText[];
}

/**
 * The method page's section on the uncertainty analysis, worded from the
 * model: the assumptions as drawn (draws, seed, weights ±h, the lead weight
 * range, the policies) and what each does alone (`effects`), the one that
 * moves ranks most (`mostInfluential`; an exact tie was already broken by
 * the shift), and per view that ranks anything whether its intervals are
 * worth a chart and which neighbours overlap (`indistinct`, consecutive
 * pairs joined into runs). Null when the report has no analysis.
 *
 * @example
 * uncertaintyText(report)!.influence // '总体而言，对排名影响最大的是牵头部门评估所占比重。'
 * uncertaintyText(report)!.views[2].indistinct[0]
 * // { ranks: '第1～4名', members: [{ id: 'ai-gong-hui', name: '“推广‘爱工惠’…”' }, …] }
 * uncertaintyText(reportWithoutUncertainty) // null
 */
export function uncertaintyText(report: Pick<Report, 'uncertainty' | 'scheme' | 'units' | 'departments' | 'experiences'>): UncertaintyText | null {
  const u = report.uncertainty;
  if (!u) return null;
  const drawn = drawnAssumptions(u);
  const movable = VIEWS.filter((view) => u[view.id].length > 0 && !fixedReason({ kind: view.kind, drawn }));
  return {
    intro: intro(u, drawn),
    illustrative: noticeText('下表', report.scheme.illustrative.includes('uncertainty'), ILLUSTRATIVE_WORDING) ?? '',
    effectColumns: movable.map((view) => `${view.noun}排名`),
    assumptions: u.effects.map((effect) => ({
      name: ASSUMPTION_NAMES[effect.assumption],
      drawn: howDrawn(effect.assumption, u, report.scheme.leadWeight),
      effects: movable.map((view) => (effect.varied ? formatScore(effect.width[view.id], 2) : '—')),
    })),
    widthNote: `区间宽度是90%区间两端相差的名次（如第2～5名宽3个名次），表中为同类各项的平均值${u.effects.some((e) => !e.varied) ? '；“—”表示该项假设没有抽样变动' : ''}。`,
    influence: u.mostInfluential.overall
      ? `总体而言，对排名影响最大的是${ASSUMPTION_NAMES[u.mostInfluential.overall]}。`
      : '单独变动任何一项假设，排名都不变。',
    views: VIEWS.filter((view) => u[view.id].length > 0).map((view) => viewText(report, u, { ...view, drawn })),
  };
}

/**
 * The note under an annex that explains its 90%区间 column: what was
 * drawn and how often, and how to read a cell; for a view whose ranks no
 * drawn assumption can move, why its interval is its rank. '' without an
 * analysis. Throws, in Chinese, on a view it does not know.
 *
 * @example
 * intervalNote(report, 'units')
 * // '90%区间：各评估方式权重和牵头部门评估所占比重在设定范围内抽样变动10000次、每次重新计分排名时，90%的情形下名次所在的范围，如“2～5”即第2～5名之间；只写一个数，即至少90%的情形下都是这一名次。'
 * intervalNote(report, 'departments')
 * // '90%区间：部门得分只取决于牵头部门评估得分，不受……影响，排名不随抽样变动，区间即其排名。'
 */
export function intervalNote(report: Pick<Report, 'uncertainty'>, view: string): string {
  const known = VIEWS.find((v) => v.id === view);
  if (!known) throw new Error(`intervalNote：第二个参数应为 units、departments 或 experiences (expected units, departments or experiences, found ${String(view)})`);
  const u = report.uncertainty;
  if (!u) return '';
  const drawn = drawnAssumptions(u);
  const reason = fixedReason({ kind: known.kind, drawn });
  if (reason) return `90%区间：${reason}，排名不随抽样变动，区间即其排名。`;
  const names = joinNames(drawn.map((a) => ASSUMPTION_NAMES[a]));
  return `90%区间：${names}在设定范围内抽样变动${formatScore(u.draws, 0)}次、每次重新计分排名时，90%的情形下名次所在的范围，如“2～5”即第2～5名之间；只写一个数，即至少90%的情形下都是这一名次。`;
}

/** The section's opening paragraph. */
function intro(u: Uncertainty, drawn: readonly UncertainAssumption[]): string {
  if (drawn.length === 0) return '本次分析的各项假设均取方案值，没有抽样变动，各项排名即报告排名。';
  return (
    `为检验排名在多大程度上取决于评估方案中的假设，按下表所列范围随机抽取${joinNames(drawn.map((a) => ASSUMPTION_NAMES[a]))}，` +
    `共抽样${formatScore(u.draws, 0)}次（随机数种子为${formatScore(u.seed, 0)}，每次生成的结果相同），每次按与报告相同的规则重新计分和排名，` +
    '统计每个单位、牵头部门和经验的名次。一项排名的“90%区间”是90%的情形下名次所在的范围（各次名次的第5～95百分位数），“中位排名”是各次名次的中位数。'
  );
}

/** How one assumption is drawn, in words: its range, or the one value it is held at. */
function howDrawn(assumption: UncertainAssumption, u: Uncertainty, schemeLeadWeight: number): string {
  const { weights, leadWeight, notApplicable } = u.assumptions;
  switch (assumption) {
    case 'weights':
      return weights > 0
        ? `每种评估方式的权重在方案权重上下${formatWeight(weights)}的范围内均匀抽取，再按比例调整，使合计为100%`
        : '固定为方案权重（不抽样）';
    case 'leadWeight':
      return leadWeight.low < leadWeight.high
        ? `在${formatWeight(leadWeight.low)}～${formatWeight(leadWeight.high)}之间均匀抽取（方案为${formatWeight(schemeLeadWeight)}）`
        : `固定为${formatWeight(leadWeight.low)}（不抽样）`;
    case 'notApplicable':
      return notApplicable.length > 1
        ? `在${notApplicable.map((p) => `“${POLICY_NAMES[p]}”`).join('')}中等可能地抽取一种`
        : `固定为“${POLICY_NAMES[notApplicable[0]!]}”（不抽样）`;
  }
}

/** What the page says about one view. */
function viewText(
  report: Pick<Report, 'units' | 'departments' | 'experiences'>,
  u: Uncertainty,
  view: (typeof VIEWS)[number] & { drawn: readonly UncertainAssumption[] },
): UncertaintyViewText {
  const items = u[view.id];
  const base = { id: view.id, anchor: `uncertainty-${view.id}`, noun: view.noun, href: view.href, chart: view.chart };
  const reason = fixedReason({ kind: view.kind, drawn: view.drawn });
  if (reason) return { ...base, informative: false, text: `${reason}，各${view.noun}的排名不随抽样变动。`, indistinctText: '', indistinct: [] };

  const moving = items.filter((item) => item.low !== item.high).length;
  const together =
    moving === 0
      ? `各项假设同时变动时，各${view.noun}的90%区间也都只含一个名次。`
      : `各项假设同时变动时，${moving}${view.counter}${view.noun}的90%区间不止一个名次，见下图。`;
  const groups = indistinctGroups(items, u.indistinct[view.id], names(report, view.id));
  return {
    ...base,
    informative: moving > 0 || items.some((item) => item.median !== item.rank),
    text: `${influenceIn(u, view)}${together}`,
    indistinctText: groups.length > 0 ? '以下相邻名次的90%区间相互重叠，数据不足以区分其先后：' : `相邻名次的90%区间互不重叠，各${view.noun}的先后可以区分。`,
    indistinct: groups,
  };
}

/** Which assumption alone moves a view's ranks most, and how far each does. */
function influenceIn(u: Uncertainty, view: { id: UncertaintyView; noun: string }): string {
  const best = u.mostInfluential[view.id];
  if (!best) return `单独变动任何一项假设，${view.noun}排名都不变。`;
  const width = (effect: AssumptionEffect) => effect.width[view.id];
  const bestEffect = u.effects.find((effect) => effect.assumption === best)!;
  if (!(width(bestEffect) > 0)) {
    return `单独变动任何一项假设，${view.noun}排名的90%区间都只含一个名次；相对而言${ASSUMPTION_NAMES[best]}的影响最大，但只在少数情形下改变名次。`;
  }
  const others = u.effects
    .filter((effect) => effect.varied && effect.assumption !== best && width(effect) > 0)
    .sort((a, b) => width(b) - width(a))
    .map((effect) => `；单独变动${ASSUMPTION_NAMES[effect.assumption]}时平均宽${formatScore(width(effect), 2)}个名次`);
  return `${view.noun}排名受${ASSUMPTION_NAMES[best]}影响最大：单独变动这一项时，90%区间平均宽${formatScore(width(bestEffect), 2)}个名次${others.join('')}。`;
}

/** Each item's printed name in a view, by id: experience titles in quotes, as they hold commas of their own. */
function names(report: Pick<Report, 'units' | 'departments' | 'experiences'>, view: UncertaintyView): Map<string, string> {
  if (view === 'experiences') return new Map(report.experiences.map((e) => [e.id, cnQuote(e.title)]));
  return new Map(report[view].map((item) => [item.id, item.name]));
}

/**
 * Joins overlapping neighbours into runs: pairs (a, b) and (b, c) make one
 * group a, b, c. Pairs come best first, as `indistinct` lists them.
 */
function indistinctGroups(items: readonly RankInterval[], pairs: readonly IndistinctPair[], nameOf: Map<string, string>): IndistinctGroup[] {
  const rankOf = new Map(items.map((item) => [item.id, item.rank]));
  const runs: string[][] = [];
  for (const pair of pairs) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === pair.higher) last.push(pair.lower);
    else runs.push([pair.higher, pair.lower]);
  }
  return runs.map((run) => ({
    ranks: rankRangeText({ low: rankOf.get(run[0]!), high: rankOf.get(run[run.length - 1]!) }, 'label'),
    members: run.map((id) => ({ id, name: nameOf.get(id) ?? id })),
  }));
}
