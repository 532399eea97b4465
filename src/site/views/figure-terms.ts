import type { ChartSpec } from '../../model/chart-spec.ts';
import { searchTerms } from '../filters/search-terms.ts';

/**
 * The search words of a page's chart titles, so that a word of a title
 * (知晓率) finds the page that draws the chart: the {@link searchTerms} of
 * all titles, each word once, in the order of the charts; empty for no
 * charts.
 *
 * @example
 * figureTerms([{ title: '各项经验群众知晓率', … }]) // '各项经验群众知晓率 项经验群众知晓率 … 知晓率 晓率 率'
 * figureTerms([])                                   // ''
 */
export function figureTerms(specs: readonly Pick<ChartSpec, 'title'>[]): string {
  return searchTerms(specs.map((spec) => spec.title).join(' '));
}
