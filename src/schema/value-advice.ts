/**
 * Advice for values that are text where the data format needs a number or
 * a mapping: what the editor most likely typed (`15%`, `96分`, `"96"`,
 * full-width digits, `department：98.5`), and what to write instead.
 */
import type { PathKey } from '../data/errors.ts';

/** What a number stands for, which decides how a slip in it is explained. */
export type NumberRole = 'weight' | 'score' | 'count' | 'other';

/**
 * The role of the number at a field path: a weight (`methods[i].weight`,
 * `lead_weight`, a scenario's method weights), a score (`scores…`,
 * `lead_assessment…`), a count (`issued`, `valid`, `satisfied`,
 * `awareness…`), or any other number.
 *
 * @example
 * numberRole(['methods', 0, 'weight'])        // 'weight'
 * numberRole(['scores', 'zichuan', 'forum'])  // 'score'
 * numberRole(['year'])                        // 'other'
 */
export function numberRole(path: readonly PathKey[]): NumberRole {
  const last = path.at(-1);
  if (last === 'weight' || last === 'lead_weight' || (path[0] === 'scenarios' && path[2] === 'methods')) return 'weight';
  if (path[0] === 'scores' || path[0] === 'lead_assessment') return 'score';
  if (last === 'issued' || last === 'valid' || last === 'satisfied' || path[0] === 'awareness') return 'count';
  return 'other';
}

const WHAT: Record<NumberRole, string> = {
  weight: '权重须为数字',
  score: '得分应为 0 到满分的数字',
  count: '人数须为整数',
  other: '应为数字',
};

const DECIMAL = /^[-+]?\d+(?:\.\d+)?$/;

/**
 * Explains text found where a number belongs, for a number of `role`:
 * what is wrong with it and the number to write, without the
 * `(expected …, found …)` part. Only a number in quotes is told
 * 不要加引号; a percentage, a unit, full-width digits, thousands
 * separators, a Chinese decimal point or Chinese numerals each get
 * their own advice; other text only hears that a number belongs there.
 *
 * @example
 * explainNotANumber('15%', 'weight') // '权重须为数字，不能写百分号：15% 应写作 0.15'
 * explainNotANumber('96', 'score')   // '得分应为 0 到满分的数字，不要加引号'
 * explainNotANumber('96分', 'score') // '得分应为 0 到满分的数字，不能带“分”字：96分 应写作 96'
 */
export function explainNotANumber(text: string, role: NumberRole): string {
  const what = WHAT[role];
  const typed = text.trim();
  if (DECIMAL.test(typed)) return `${what}，不要加引号`;
  // NFKC turns full-width digits, points and percent signs into ASCII ones.
  const folded = typed.normalize('NFKC').replace(/\s+/g, '');
  const quoted = /^["'“‘「『]([^"'”’」』]*)["'”’」』]$/.exec(folded);
  if (quoted && DECIMAL.test(quoted[1]!)) return `${what}，不要加引号（全角引号也不要）：${typed} 应写作 ${quoted[1]}`;
  const percent = /^([-+]?\d+(?:\.\d+)?)%$/.exec(folded);
  if (percent) {
    const value = Number(percent[1]);
    if (role === 'weight') return `${what}，不能写百分号：${typed} 应写作 ${Number((value / 100).toPrecision(12))}`;
    if (role === 'score') return `${what}，不能写百分号：直接写分数，如 ${percent[1]}`;
    if (role === 'count') return `${what}，不能写百分比：请写人数（比率由程序按 人数 / 有效问卷数 计算）`;
    return `${what}，不能写百分号`;
  }
  if (DECIMAL.test(folded)) return `${what}，须用半角数字：${typed} 应写作 ${folded}`;
  const thousands = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.exec(folded);
  if (thousands) return `${what}，不要加千位分隔符：${typed} 应写作 ${folded.replace(/,/g, '')}`;
  const chinesePoint = /^([-+]?\d+)[。，,](\d+)$/.exec(folded);
  if (chinesePoint) return `${what}，小数点须用半角句点“.”：${typed} 应写作 ${chinesePoint[1]}.${chinesePoint[2]}`;
  const withUnit = /^([-+]?\d+(?:\.\d+)?)([^\d\s.,:：%][^\d]{0,3})$/.exec(folded);
  if (withUnit) return `${what}，不能带“${withUnit[2]}”字：${typed} 应写作 ${withUnit[1]}`;
  if (/^[零〇一二三四五六七八九十百千万两点]+$/.test(folded)) return `${what}，须用阿拉伯数字（如 96），不能写汉字数字`;
  const slip = colonSlipIn(typed);
  if (slip) return `${what}，却读到了一段文字：${slip}`;
  return what;
}

/**
 * Names the slip in a key or a piece of text that should have been a key
 * and its value (`department：98.5`, `department:98.5`, `　lead`,
 * `“spread”`), with what to write; `undefined` when there is none.
 *
 * @example
 * keySlip('department：98.5') // '全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98.5'
 * keySlip('smart-court')      // undefined
 */
export function keySlip(text: string): string | undefined {
  const colon = colonSlipIn(text);
  if (colon) return colon;
  if (text.includes('\u3000')) return '含全角空格（U+3000）：缩进和分隔只能用半角空格，请删除或改为半角空格';
  if (/[“”‘’＂＇]/.test(text)) return '含全角引号：键不用加引号，需要时用半角引号 "';
  if (text.includes('，')) return '含全角逗号“，”：各项之间须用半角逗号“,”';
  if (text.includes('：')) return '含全角冒号“：”：键和值之间须用半角冒号加空格“: ”';
  return undefined;
}

/** A key and its value run together by a full-width colon or a colon without a space (`department：98.5`, `department:98.5`). */
function colonSlipIn(text: string): string | undefined {
  const colon = /^([a-z0-9_][a-z0-9_-]*)[ \t]*([:：])[ \t]*(.*)$/.exec(text);
  if (!colon || (colon[2] === ':' && (colon[3] === '' || colon[3]!.startsWith('//') || text.includes(': ')))) return undefined;
  const example = `${colon[1]}: ${colon[3]!.length > 20 ? `${colon[3]!.slice(0, 20)}…` : colon[3]}`.trimEnd();
  return colon[2] === '：'
    ? `全角冒号“：”：改为半角冒号加空格“: ”，写作 ${example}`
    : `冒号后缺少空格：键和值之间须写半角冒号加空格“: ”，写作 ${example}`;
}
