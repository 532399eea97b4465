/**
 * Plain text without hidden characters, for copy and download outputs that
 * newspaper staff paste into their own systems.
 */

/** Zero-width and invisible formatting characters, soft hyphen, bidi controls, BOM. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** Non-breaking and typographic spaces that should paste as an ordinary space. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;

/** C0/C1 control characters other than tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Removes hidden characters from a piece of text: zero-width characters,
 * soft hyphens, bidirectional controls and byte order marks are dropped,
 * non-breaking and typographic spaces become an ordinary space, control
 * characters other than tab and newline are dropped (a CR too: callers
 * choose line ends). Full-width punctuation and the ideographic space
 * U+3000 are real text and are kept.
 *
 * @example
 * cleanText('淄博\u200B市\u00A0张店区\u00AD') // → '淄博市 张店区'
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(CONTROLS, '');
}

/**
 * Cleans text and collapses every run of whitespace (including newlines
 * and tabs) into one space, trimming both ends: the form of one table cell
 * or one heading.
 *
 * @example
 * inlineText('  张店区\n\t 95.12 ') // → '张店区 95.12'
 */
export function inlineText(text: string): string {
  return cleanText(text.replace(/[\r\n\t]+/g, ' ')).replace(/ {2,}/g, ' ').trim();
}
