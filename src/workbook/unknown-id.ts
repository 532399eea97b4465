/**
 * The one place a workbook error about an id that the edition does not
 * have is worded, with a "did you mean …?" suggestion of the id the editor
 * most likely meant.
 */
import { describeValue } from '../data/errors.ts';
import { didYouMean, suggestionText } from '../schema/did-you-mean.ts';

/** Something an id can name, as the message shows it. */
export interface KnownId {
  id: string;
  name: string;
}

/**
 * The message for an id the edition does not have: which list it must
 * come from, the nearest known id or name when one is clearly meant
 * (`didYouMean`: a typo of one or two edits, or the Chinese name written
 * where the id belongs), and what was found.
 *
 * @example
 * unknownIdMessage({ what: '单位', file: 'units.yaml', found: 'zichaun', known: [{ id: 'zichuan', name: '淄川区' }] })
 * // '未知的单位编号，须为 units.yaml 中的 id；是否应为 淄川区 (zichuan)？ (expected a unit id, found "zichaun")'
 */
export function unknownIdMessage(options: { what: '经验' | '单位'; file: string; found: string; known: readonly KnownId[] }): string {
  const kind = options.what === '经验' ? 'an experience id' : 'a unit id';
  const hint = suggestionText(didYouMean(options.found, options.known));
  return `未知的${options.what}编号，须为 ${options.file} 中的 id${hint ? `；${hint}` : ''} (expected ${kind}, found ${describeValue(options.found)})`;
}
