/**
 * Which level of an official document's structure a heading is, read from
 * its own number, as GB/T 9704-2012 7.3.3 orders them: 一、 then （一）
 * then 1. then （1）. Editors write a chapter's sections as `## （一）…`
 * under a chapter title `一、…`, so the Markdown level alone says nothing.
 */

const NUMERAL = '[一二三四五六七八九十百零〇]+';

/** Each level's number pattern, first level first; half-width brackets and dots are accepted as editors type them. */
const LEVELS: ReadonlyArray<RegExp> = [
  new RegExp(`^${NUMERAL}、`),
  new RegExp(`^[（(]${NUMERAL}[）)]`),
  /^\d+[.．、](?!\d)/,
  /^[（(]\d+[）)]/,
];

/**
 * The structural level (1–4) a heading's number gives it, or null when it
 * carries none: `一、` is 1, `（一）` 2, `1.` 3, `（1）` 4. A decimal number
 * such as `1.5倍` is no heading number.
 *
 * @example
 * headingLevel('（二）以宣传开路') // → 2
 * headingLevel('评估依据和原则')   // → null
 */
export function headingLevel(text: string): 1 | 2 | 3 | 4 | null {
  const found = LEVELS.findIndex((pattern) => pattern.test(text.trimStart()));
  return found < 0 ? null : ((found + 1) as 1 | 2 | 3 | 4);
}
