/**
 * The `cnDate` filter: the model's one date printer (`src/model/cn-date.ts`),
 * so a date reads the same in a page, a Word file and a workbook.
 *
 * @example
 * cnDate('2018-07-06') // '2018年7月6日'
 */
export { cnDate } from '../../model/cn-date.ts';
