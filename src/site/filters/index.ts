/**
 * Every filter of the site by name, registered in a loop by `.eleventy.js`
 * for page templates (Nunjucks) and by `chapter-liquid.ts` for chapters
 * (Liquid), under the same names. Filters only format values of
 * the computed report; none computes a score, a mean or a rank.
 */
import { annexTitle } from '../../model/annex-titles.ts';
import { chapterFileName } from '../../model/chapter-source.ts';
import { cnDate } from './cn-date.ts';
import { cnQuote } from './cn-quote.ts';
import { illustrativeFields } from './illustrative-fields.ts';
import { jsonText } from './json.ts';
import { methodCells } from './method-cells.ts';
import { naPolicy } from './na-policy.ts';
import { percent } from './percent.ts';
import { rankAmong } from './rank-among.ts';
import { rankCell } from './rank-cell.ts';
import { rankCertainty } from './rank-certainty.ts';
import { rankCertaintyNote } from './rank-certainty-note.ts';
import { rankLabel } from './rank-label.ts';
import { rankRange } from './rank-range.ts';
import { score } from './score.ts';
import { searchTerms } from './search-terms.ts';
import { statusLabel } from './status-label.ts';
import { weight } from './weight.ts';
import { wordBreaks } from './word-breaks.ts';

/**
 * Filter name → function.
 *
 * @example
 * filters.rankLabel({ rank: 1, tied: true }) // '并列第1名'
 */
export const filters = {
  score,
  rankLabel,
  rankCell,
  rankAmong,
  rankRange,
  rankCertainty,
  rankCertaintyNote,
  methodCells,
  percent,
  weight,
  json: jsonText,
  cnDate,
  cnQuote,
  searchTerms,
  naPolicy,
  statusLabel,
  illustrativeFields,
  annexTitle,
  chapterFile: chapterFileName,
  wordBreaks,
} satisfies Record<string, (...args: never[]) => string>;

/**
 * Filters whose output is already escaped for its context and must bypass
 * autoescape (wrap it in Nunjucks' SafeString when registering).
 *
 * @example
 * safeFilters.has('json') // true
 */
export const safeFilters: ReadonlySet<string> = new Set(['json', 'rankCell', 'methodCells', 'wordBreaks']);
