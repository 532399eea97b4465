/**
 * Reads the files inside a ZIP archive (a DOCX is one) with nothing but
 * `node:zlib`, so tests can look at `word/document.xml`.
 */
import { inflateRawSync } from 'node:zlib';

/**
 * Every entry of a ZIP archive, name → bytes, read from the central
 * directory; stored (0) and deflated (8) entries are supported.
 *
 * @example
 * const entries = zipEntries(await readFile('report.docx'));
 * entries.get('word/document.xml')?.toString('utf8');
 */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, Buffer.from(raw));
    else if (method === 8) entries.set(name, inflateRawSync(raw));
    else throw new Error(`unsupported zip method ${method} for ${name}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The text of a DOCX body: every `<w:t>` run joined, XML references decoded,
 * paragraphs on their own lines.
 *
 * @example
 * docxText(await readFile('report.docx')).includes('张店区'); // true
 */
export function docxText(docx: Buffer): string {
  const xml = zipEntries(docx).get('word/document.xml')?.toString('utf8');
  if (xml === undefined) throw new Error('docx has no word/document.xml');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_, t: string | undefined) => t ?? '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}
