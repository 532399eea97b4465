/**
 * The words a page's name is found by, for the search index's weighted
 * metadata fields. Pagefind splits metadata into words at spaces only, and
 * matches each typed word against the start of a word; the search box
 * types each Han character as a word of its own (`spacedHan` in
 * src/client/search-match.ts). So a name in Chinese becomes one word per
 * starting character, each cut at {@link SEARCH_TERM_LENGTH} characters
 * (淄川区 川区 区): every character the reader types of the name meets a
 * word that starts with it, and the page's name counts as matched in full.
 * Letters and digits (12345, hotline) stay whole words.
 */

/** Longest word made from one starting character: it bounds the metadata a long title adds (at most this many characters per character). */
export const SEARCH_TERM_LENGTH = 8;

/**
 * The name's search words, separated by spaces, each at most once, in the
 * order of their start: for each run of letters and digits (punctuation
 * and spaces end a run), a run holding Han characters gives the piece of it
 * starting at each character, cut at {@link SEARCH_TERM_LENGTH}; any other
 * run is one word. Further values (an id such as `hotline-12345`) add their
 * runs as whole words. An empty or missing value adds nothing.
 *
 * @example
 * searchTerms('淄川区', 'zichuan')                // '淄川区 川区 区 zichuan'
 * searchTerms('打造“一号通”平台', 'hotline-12345') // '打造 造 一号通 号通 通 平台 台 hotline 12345'
 * searchTerms(null)                              // ''
 */
export function searchTerms(value: unknown, ...more: unknown[]): string {
  const words = new Set<string>();
  for (const run of runs(value)) {
    const chars = Array.from(run);
    if (!/\p{Script=Han}/u.test(run)) {
      words.add(run);
      continue;
    }
    for (let i = 0; i < chars.length; i++) words.add(chars.slice(i, i + SEARCH_TERM_LENGTH).join(''));
  }
  for (const extra of more) for (const run of runs(extra)) words.add(run);
  return [...words].join(' ');
}

function runs(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object' || typeof value === 'function') {
    throw new TypeError(`searchTerms 只能处理文字 (expected text, found ${Array.isArray(value) ? 'a list' : 'a mapping'})`);
  }
  return String(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}
