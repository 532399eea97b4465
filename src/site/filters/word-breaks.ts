import { escapeHtml } from '../../model/text/escape-html.ts';
import { breakOpportunities } from '../../model/text/line-breaks.ts';


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
  let html = '';
  let from = 0;
  for (const at of breakOpportunities(text).words) {
    html += `${escapeHtml(text.slice(from, at))}<wbr>`;
    from = at;
  }
  return html + escapeHtml(text.slice(from));
}
