/**
 * The one rank printer: every rank a reader sees (the summaries' 第3名, the
 * annex and chart cells, the text downloads, the ranking diff, a sentence's
 * 第3位, a range such as 2～5) is printed here from the model's `rank` and
 * `tied` (or an interval's ends), so 并列, ranges and an item without a rank
 * read the same everywhere. Pure and free of imports.
 */

/** A rank as the model holds it: null (or absent) for an item that is not ranked. */
export interface Placing {
  rank?: number | null | undefined;
  tied?: boolean | undefined;
  /** How many items the rank is among, for the `among` form. */
  among?: number | undefined;
}

/**
 * How a rank is printed:
 * - `label`: `第3名`, `并列第3名`; not ranked `不排名` (summaries, page descriptions);
 * - `cell`: `3`; not ranked `—` (a table's rank column: the rank stays a number, so it sorts);
 * - `tie`: `并列` for a shared rank, else empty (the 并列 column beside the rank column);
 * - `number`: `3`; not ranked `—` (data files and the diff, where 并列 is not written: equal numbers say it);
 * - `among`: `3/9`, the rank among `among` items; not ranked `—`;
 * - `position`: `第3位`, inside a sentence; not ranked `不排名`.
 */
export type RankForm = 'label' | 'cell' | 'tie' | 'number' | 'among' | 'position';

/** The word in the 并列 column beside a shared rank, and that column's header. */
export const TIE_MARK = '并列';

/**
 * Prints a rank in one of the report's forms (see {@link RankForm}). A rank
 * that is missing, zero or not a finite number counts as not ranked; `tied`
 * marks 并列 in the `label` form and gives the `tie` form its word.
 *
 * @example
 * rankText({ rank: 3, tied: false })          // '第3名'
 * rankText({ rank: 2, tied: true })           // '并列第2名'
 * rankText({ rank: null })                    // '不排名'
 * rankText({ rank: 2, tied: true }, 'cell')   // '2'
 * rankText({ rank: 2, tied: true }, 'tie')    // '并列'
 * rankText({ rank: 2, tied: true }, 'number') // '2'
 * rankText({ rank: 3, among: 9 }, 'among')    // '3/9'
 * rankText({ rank: 5 }, 'position')           // '第5位'
 */
export function rankText(placing: Placing | null | undefined, form: RankForm = 'label'): string {
  const rank = placing?.rank;
  const ranked = typeof rank === 'number' && Number.isFinite(rank) && rank !== 0;
  const tied = placing?.tied === true;
  switch (form) {
    case 'label':
      return ranked ? `${tied ? '并列' : ''}第${rank}名` : '不排名';
    case 'cell':
      return ranked ? `${rank}` : '—';
    case 'tie':
      return ranked && tied ? TIE_MARK : '';
    case 'number':
      return ranked ? `${rank}` : '—';
    case 'among':
      return ranked ? `${rank}/${placing?.among ?? '—'}` : '—';
    case 'position':
      return ranked ? `第${rank}位` : '不排名';
  }
}

/** What joins the two ends of a range of ranks (GB/T 15835: a wave dash between numbers). */
export const RANGE_MARK = '～';

/** A range of ranks, best end first: an interval's 5th and 95th percentile, or a sensitivity row's best and worst rank. */
export interface RankRange {
  low?: number | null | undefined;
  high?: number | null | undefined;
}

/**
 * Prints a range of ranks: `2～5` (the `cell` form, for tables) or
 * `第2～5名` (the `label` form, inside a sentence). A range of one rank
 * prints that rank alone (`3`, `第3名`). An end that is missing, zero or
 * not a finite number gives `—` (label: `不排名`), as an unranked item does.
 *
 * @example
 * rankRangeText({ low: 2, high: 5 })          // '2～5'
 * rankRangeText({ low: 3, high: 3 })          // '3'
 * rankRangeText({ low: 2, high: 5 }, 'label') // '第2～5名'
 * rankRangeText({ low: 3, high: 3 }, 'label') // '第3名'
 * rankRangeText({ low: null, high: 4 })       // '—'
 */
export function rankRangeText(range: RankRange | null | undefined, form: 'cell' | 'label' = 'cell'): string {
  const ends = [range?.low, range?.high];
  if (!ends.every((end) => typeof end === 'number' && Number.isFinite(end) && end !== 0)) return form === 'label' ? '不排名' : '—';
  const [low, high] = ends as [number, number];
  const span = low === high ? `${low}` : `${low}${RANGE_MARK}${high}`;
  return form === 'label' ? `第${span}名` : span;
}
