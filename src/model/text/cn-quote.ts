/**
 * Puts a title in Chinese double quotes, turning the double quotes inside
 * it into single ones, as GB/T 15834 nests quotation marks (“…‘…’…”).
 * Text and numbers only: an empty value prints nothing, and a mapping or
 * list is an error (quote its `title`, not the whole experience).
 *
 * @example
 * cnQuote('“互联网+”政务服务') // '“‘互联网+’政务服务”'
 * cnQuote('智慧法院')          // '“智慧法院”'
 * cnQuote(null)               // ''
 */
export function cnQuote(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' || typeof value === 'function') {
    throw new TypeError(`cnQuote 只能给文字加引号，例如 经验.title (expected text, found ${Array.isArray(value) ? 'a list' : 'a mapping'})`);
  }
  return `“${String(value).replaceAll('“', '‘').replaceAll('”', '’')}”`;
}
