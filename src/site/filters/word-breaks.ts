import { escapeHtml } from '../../model/text/escape-html.ts';
import { breakOpportunities } from '../../model/text/line-breaks.ts';


/**
 * Titles already marked: the same headings come back on every item page,
 * and a title's dictionary segmentation costs far more than a lookup.
 * Bounded, as the titles are data: emptied when full.
 */
const marked = new Map<string, string>();
const MARKED_LIMIT = 10_000;

/**
 * A title as HTML whose only break opportunities in Chinese are between
 * words: the text, escaped, with `<wbr>` at every word boundary of
 * `breakOpportunities(text).words`. With `word-break: keep-all` (the print
 * stylesheet's, for headings and captions) a browser then breaks the title
 * there and never inside a word (综合排/名表). Returns markup, so it is
 * registered as a safe filter; an empty or missing title gives ''.
 *
 * @example
 * wordBreaks('综合排名表')           // '综合排名表' (one word: no break inside)
 * wordBreaks('创新改革经验得分排名') // '创新<wbr>改革<wbr>经验<wbr>得分<wbr>排名'
 */
export function wordBreaks(title: string | null | undefined): string {
  const text = title ?? '';
  const known = marked.get(text);
  if (known !== undefined) return known;
  if (marked.size >= MARKED_LIMIT) marked.clear();
  let html = '';
  let from = 0;
  for (const at of breakOpportunities(text).words) {
    html += `${escapeHtml(text.slice(from, at))}<wbr>`;
    from = at;
  }
  html += escapeHtml(text.slice(from));
  marked.set(text, html);
  return html;
}
