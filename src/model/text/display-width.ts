/**
 * How many columns a string takes in a monospaced plain-text view, so that
 * annex tables line up in a newspaper's text editor.
 */

/**
 * Ranges of East Asian Wide and Fullwidth characters (Unicode UAX #11),
 * plus the ambiguous-width punctuation that Chinese text uses (curly
 * quotes, ellipsis, middle dot), which CJK fonts draw full width.
 */
const WIDE: Array<[number, number]> = [
  [0x00b7, 0x00b7],
  [0x1100, 0x115f],
  [0x2014, 0x2014],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2026, 0x2026],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

/**
 * Width of one code point: 2 for wide characters, 0 for combining marks,
 * 1 otherwise.
 *
 * @example
 * charWidth('张'.codePointAt(0)!) // → 2
 */
export function charWidth(codePoint: number): number {
  if (codePoint >= 0x0300 && codePoint <= 0x036f) return 0;
  for (const [from, to] of WIDE) if (codePoint >= from && codePoint <= to) return 2;
  return 1;
}

/**
 * Display width of a string: the sum of its code points' widths. The empty
 * string is 0 wide.
 *
 * @example
 * displayWidth('张店区 92.56') // → 12
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}
