/**
 * The Chinese sentence that says which unit moves most across the
 * sensitivity scenarios, where to and why, worded from the facts the
 * scoring layer found (`biggestMover`).
 */
import type { Mover, MoveCause } from '../scoring/biggest-mover.ts';
import { formatScore, formatWeight } from '../scoring/format.ts';
import type { NotApplicablePolicy } from '../scoring/unit-score.ts';
import { cnQuote } from './text/cn-quote.ts';
import { rankText } from './text/rank-text.ts';

/**
 * What each not-applicable policy is called inside a sentence.
 *
 * @example
 * POLICY_NAMES.lowest // '按该项最低分计入'
 */
export const POLICY_NAMES: Readonly<Record<NotApplicablePolicy, string>> = {
  exclude: '不计入',
  lowest: '按该项最低分计入',
  zero: '按0分计入',
};

/** What the wording needs beyond the facts: method names and the printed precision of scores. */
export interface MoverWording {
  methodNames: Readonly<Record<string, string>>;
  decimals: number;
}

/**
 * The sentence: the scenario, the unit, its rank at the baseline and under
 * the scenario, and the causes (see {@link explainMove}); a move with no
 * cause to name ends after 变动最大.
 *
 * @example
 * moverSentence(mover, { methodNames, decimals: 2 })
 * // '在“不适用项不计入”情形下，高新区的排名由第9位升至第3位，变动最大，原因是高新区有2项经验不适用，该情形将不适用项由“按该项最低分计入”改为“不计入”。'
 */
export function moverSentence(mover: Mover, wording: MoverWording): string {
  const from = rankText({ rank: mover.baselineRank }, 'position');
  const to = rankText({ rank: mover.scenarioRank }, 'position');
  const cause = explainMove(mover, wording);
  return `在${cnQuote(mover.scenarioName)}情形下，${mover.name}的排名由${from}${mover.rose ? '升至' : '降至'}${to}，变动最大${cause ? `，原因是${cause}。` : '。'}`;
}

/**
 * Says why the scenario moves the unit, one clause per cause, joined by
 * `；`: a dropped method (the unit's mean under it against its other
 * methods, or that it has no score under it), a not-applicable policy (how
 * many experiences do not apply to it), or the new method weights. No
 * causes give the empty string.
 *
 * @example
 * explainMove({ name: '高新区', rose: true, causes: [{ kind: 'dropped-method', method: 'site', own: 85.2, others: 91.3 }] },
 *   { methodNames: { site: '现场评估' }, decimals: 2 })
 * // '高新区的现场评估平均得分（85.20）低于其在其他评估方式的平均得分（91.30），不计该方式后排名上升'
 */
export function explainMove(mover: Pick<Mover, 'name' | 'rose' | 'causes'>, wording: MoverWording): string {
  return mover.causes.map((cause) => clause(mover, cause, wording)).join('；');
}

function clause(mover: Pick<Mover, 'name' | 'rose'>, cause: MoveCause, wording: MoverWording): string {
  const methodName = (id: string) => wording.methodNames[id] ?? id;
  switch (cause.kind) {
    case 'dropped-method': {
      const name = methodName(cause.method);
      if (Number.isNaN(cause.own) || Number.isNaN(cause.others)) {
        return `${mover.name}没有${name}的得分，不计该方式后其他单位的得分随之变化`;
      }
      const relation = cause.own < cause.others ? '低于' : cause.own > cause.others ? '高于' : '等于';
      const own = formatScore(cause.own, wording.decimals);
      const others = formatScore(cause.others, wording.decimals);
      return `${mover.name}的${name}平均得分（${own}）${relation}其在其他评估方式的平均得分（${others}），不计该方式后排名${mover.rose ? '上升' : '下降'}`;
    }
    case 'not-applicable': {
      const change = `将不适用项由“${POLICY_NAMES[cause.from]}”改为“${POLICY_NAMES[cause.to]}”`;
      return cause.count > 0
        ? `${mover.name}有${cause.count}项经验不适用，该情形${change}`
        : `${mover.name}没有不适用的经验，该情形${change}，改变了其他单位的得分`;
    }
    case 'reweighted':
      return `该情形将各评估方式的权重调整为${cause.weights.map((w) => `${methodName(w.method)}${formatWeight(w.weight)}`).join('、')}`;
  }
}
