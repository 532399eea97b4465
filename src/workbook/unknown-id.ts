/**
 * The one place a workbook error about an id that the edition does not
 * have is worded, so a "did you mean …?" suggestion can be added to every
 * such error at once.
 */

/** Something an id can name, as the message shows it. */
export interface KnownId {
  id: string;
  name: string;
}

/**
 * The message for an id the edition does not have: which list it must
 * come from and what was found. `known` holds every id of that list with
 * its name, for a suggestion of the nearest one.
 *
 * @example
 * unknownIdMessage({ what: '单位', file: 'units.yaml', found: 'zichaun', known: [{ id: 'zichuan', name: '淄川区' }] })
 * // '未知的单位编号，须为 units.yaml 中的 id (expected a unit id, found "zichaun")'
 */
export function unknownIdMessage(options: { what: '经验' | '单位'; file: string; found: string; known: readonly KnownId[] }): string {
  const kind = options.what === '经验' ? 'an experience id' : 'a unit id';
  return `未知的${options.what}编号，须为 ${options.file} 中的 id (expected ${kind}, found ${JSON.stringify(options.found)})`;
}
