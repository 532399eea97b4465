/** Test helper: the small fixture edition, parsed and typed. */
import { parseEdition, type Edition } from '../../src/schema/edition.ts';
import { rawFiles, readEditionTexts } from '../schema/edition-files.ts';

export function smallEdition(texts = readEditionTexts()): Edition {
  const result = parseEdition(rawFiles(texts));
  if ('issues' in result) throw new Error(result.issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
  return result.edition;
}
