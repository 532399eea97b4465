/**
 * How sure a rank is, in the words a reader of an item's page reads:
 * `第3名（90%的情形下在第2～5名之间）`, worded from the rank interval the
 * uncertainty analysis computed (`RankSpread`) through the one rank printer
 * and the one number formatter.
 */
import { formatPercent } from '../scoring/format.ts';
import type { RankSpread } from '../scoring/rank-interval.ts';
import { rankRangeText, rankText, type Placing } from './text/rank-text.ts';
import type { UncertainAssumption, Uncertainty } from './types.ts';

/** The kinds of ranked item: each kind's score is computed by its own formula. */
export type RankedKind = 'unit' | 'department' | 'experience';

/**
 * The assumptions each kind of score is computed with (docs/data-format.md,
 * Scoring): a unit score averages composites (method weights) and counts
 * not-applicable pairs by the policy; an experience score weighs the lead
 * assessment against the units' mean composite (lead weight, method
 * weights; not-applicable units are left out either way); a department
 * score is a mean of lead assessments, which use none.
 *
 * @example
 * SCORE_ASSUMPTIONS.department // []
 */
export const SCORE_ASSUMPTIONS: Readonly<Record<RankedKind, readonly UncertainAssumption[]>> = {
  unit: ['weights', 'notApplicable'],
  experience: ['weights', 'leadWeight'],
  department: [],
};

/**
 * What each drawn assumption is called in a sentence.
 *
 * @example
 * ASSUMPTION_NAMES.leadWeight // '牵头部门评估所占比重'
 */
export const ASSUMPTION_NAMES: Readonly<Record<UncertainAssumption, string>> = {
  weights: '各评估方式权重',
  leadWeight: '牵头部门评估所占比重',
  notApplicable: '不适用项的计分方法',
};

/** What a kind's score is called in a sentence. */
const SCORE_NOUNS: Readonly<Record<RankedKind, string>> = {
  unit: '单位得分',
  department: '部门得分只取决于牵头部门评估得分，',
  experience: '经验得分',
};

/**
 * The assumptions the analysis varies (its `effects` marked `varied`), in
 * the order weights, lead weight, not-applicable policy; none without an
 * analysis.
 *
 * @example
 * drawnAssumptions(report.uncertainty) // ['weights', 'leadWeight']
 * drawnAssumptions(undefined)          // []
 */
export function drawnAssumptions(uncertainty: Pick<Uncertainty, 'effects'> | null | undefined): UncertainAssumption[] {
  return (uncertainty?.effects ?? []).filter((effect) => effect.varied).map((effect) => effect.assumption);
}

/**
 * Names joined as a Chinese list: `甲`, `甲和乙`, `甲、乙和丙`; none give ''.
 *
 * @example
 * joinNames(['各评估方式权重', '牵头部门评估所占比重']) // '各评估方式权重和牵头部门评估所占比重'
 */
export function joinNames(names: readonly string[]): string {
  if (names.length < 2) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/**
 * How often an item ranks first, as a clause: every draw says
 * `各种情形下均排名第一`, a share prints through the number formatter as a
 * whole percentage after 约 (`约52%的情形下排名第一`), one that would print
 * 100% or 0% without being so says `99%以上` or `不到1%`; no draw at rank 1
 * (or no share) gives ''.
 *
 * @example
 * topShareText(1)      // '各种情形下均排名第一'
 * topShareText(0.5184) // '约52%的情形下排名第一'
 * topShareText(0.998)  // '99%以上的情形下排名第一'
 * topShareText(0)      // ''
 */
export function topShareText(top: number): string {
  if (!(top > 0)) return '';
  if (top >= 1) return '各种情形下均排名第一';
  const printed = formatPercent(top, 0);
  const share = printed === '100%' ? '99%以上' : printed === '0%' ? '不到1%' : `约${printed}`;
  return `${share}的情形下排名第一`;
}

/** An item as the sentence needs it: its rank, 并列, and its interval when the analysis ranked it. */
export interface CertainItem extends Placing {
  uncertainty?: RankSpread | undefined;
}

/** What the sentence needs beyond the item. */
export interface CertaintyWording {
  kind: RankedKind;
  /** The assumptions the analysis varies (see {@link drawnAssumptions}). */
  drawn: readonly UncertainAssumption[];
}

/**
 * The item's rank and how sure it is, in one phrase: the rank as the one
 * rank printer labels it, then in brackets
 * - when its score uses none of the drawn assumptions: that the rank does
 *   not move, and why (`第3名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受……影响）`);
 * - a 90% interval of several ranks: `90%的情形下在第2～5名之间`, with the
 *   share at rank 1 (see {@link topShareText}) when the interval reaches it;
 * - an interval of rank 1 alone: the share at rank 1 (`各种情形下均排名第一`);
 * - an interval of one other rank: `至少90%的情形下仍为第3名` (仍 when it is
 *   the base rank): the 5th and 95th percentile agree, so at least 90% of
 *   the draws give that rank, but a draw outside them may not.
 * An item without an interval (no analysis, a department that is not
 * ranked) or without a rank gives ''.
 *
 * @example
 * rankCertainty({ rank: 3, tied: false, uncertainty: { median: 3, low: 2, high: 5, top: 0 } }, { kind: 'unit', drawn: ['weights'] })
 * // '第3名（90%的情形下在第2～5名之间）'
 * rankCertainty({ rank: 1, tied: false, uncertainty: { median: 1, low: 1, high: 2, top: 0.52 } }, { kind: 'experience', drawn: ['leadWeight'] })
 * // '第1名（90%的情形下在第1～2名之间，约52%的情形下排名第一）'
 * rankCertainty({ rank: 4, tied: false, uncertainty: { median: 4, low: 4, high: 4, top: 0 } }, { kind: 'unit', drawn: ['weights'] })
 * // '第4名（至少90%的情形下仍为第4名）'
 */
export function rankCertainty(item: CertainItem | null | undefined, wording: CertaintyWording): string {
  const spread = item?.uncertainty;
  if (!item || !spread || rankText(item, 'number') === '—' || !Number.isFinite(spread.low) || !Number.isFinite(spread.high)) return '';
  const label = rankText(item, 'label');
  const fixedBy = fixedReason(wording);
  if (fixedBy) return `${label}（排名不随抽样变动：${fixedBy}）`;
  const { low, high, top } = spread;
  const range = rankRangeText(spread, 'label');
  const clauses =
    low !== high
      ? [`90%的情形下在${range}之间`, low === 1 ? topShareText(top) : '']
      : low === 1
        ? [topShareText(top) || `至少90%的情形下为${range}`]
        : [`至少90%的情形下${low === item.rank ? '仍' : ''}为${range}`];
  return `${label}（${clauses.filter(Boolean).join('，')}）`;
}

/**
 * The sentence an item's page says about its rank: `排名：` and the phrase
 * of {@link rankCertainty}, then, when the phrase speaks of 情形 (draws),
 * what a 情形 is. '' when the phrase is empty (no analysis, no rank).
 *
 * @example
 * rankCertaintyNote({ rank: 3, tied: false, uncertainty: { median: 3, low: 2, high: 5, top: 0 } }, { kind: 'unit', drawn: ['weights'] })
 * // '排名：第3名（90%的情形下在第2～5名之间）。“情形”指评估方案的各项假设在设定范围内随机抽样、每次重新计分排名的结果。'
 * rankCertaintyNote({ rank: 2, tied: false, uncertainty: { median: 2, low: 2, high: 2, top: 0 } }, { kind: 'department', drawn: ['weights'] })
 * // '排名：第2名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受各评估方式权重影响）。'
 */
export function rankCertaintyNote(item: CertainItem | null | undefined, wording: CertaintyWording): string {
  const phrase = rankCertainty(item, wording);
  if (!phrase) return '';
  return `排名：${phrase}。${phrase.includes('情形') ? SCENARIO_MEANING : ''}`;
}

/** What 情形 means in a rank's phrase. */
const SCENARIO_MEANING = '“情形”指评估方案的各项假设在设定范围内随机抽样、每次重新计分排名的结果。';

/**
 * Why no draw can move an item of this kind, or '' when one can: nothing is
 * drawn, or its score uses none of what is.
 *
 * @example
 * fixedReason({ kind: 'department', drawn: ['weights'] }) // '部门得分只取决于牵头部门评估得分，不受各评估方式权重影响'
 * fixedReason({ kind: 'unit', drawn: ['weights'] })       // ''
 */
export function fixedReason(wording: CertaintyWording): string {
  const { kind, drawn } = wording;
  if (drawn.length === 0) return '各项假设均取方案值，没有抽样变动';
  if (drawn.some((assumption) => SCORE_ASSUMPTIONS[kind].includes(assumption))) return '';
  return `${SCORE_NOUNS[kind]}不受${joinNames(drawn.map((a) => ASSUMPTION_NAMES[a]))}影响`;
}
