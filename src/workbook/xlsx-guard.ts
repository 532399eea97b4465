/**
 * The gate in front of the xlsx reader: an .xlsx file is a zip of XML
 * files, and a hostile one can be a zip bomb, a sheet of a million rows,
 * an XML entity bomb, or not a zip at all. This reads the zip's central
 * directory itself, refuses what is too large, too compressed, encrypted,
 * oddly named or not what it claims, inflates only the XML parts with a
 * cap on the output, and checks the XML before any reader sees it.
 */
import { inflateRawSync } from 'node:zlib';
import { formatScore } from '../scoring/format.ts';
import { parseCellAddress } from './cell-address.ts';
import { tagAttributes, xmlTags } from './xml-tags.ts';

/**
 * A workbook refused before (or while) reading, with a Chinese message for the editor.
 *
 * @example
 * throw new WorkbookFileError('文件过大，拒绝读取 (expected at most 16 MiB, found 200 MiB)');
 */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

/** How much a workbook may hold. */
export interface WorkbookLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest uncompressed XML part, in bytes. */
  maxEntryBytes: number;
  /** Largest sum of the uncompressed XML parts, in bytes. */
  maxTotalBytes: number;
  /** Highest compression ratio accepted for a part of more than 1 MiB. */
  maxRatio: number;
  /** Most rows in a sheet. */
  maxRows: number;
  /** Most columns in a sheet. */
  maxColumns: number;
}

/**
 * The limits every import uses: a 16 MiB file of at most 1,000 entries,
 * XML parts of at most 16 MiB each and 32 MiB together, compressed at most
 * 200:1, sheets of at most 50,000 rows and 1,000 columns. A score workbook
 * of a real edition is a few hundred rows and well under 1 MiB; the largest
 * accepted still reads in a few seconds.
 *
 * @example
 * unpackXlsx(bytes, { ...WORKBOOK_LIMITS, maxRows: 10 })
 */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxRatio: 200,
  maxRows: 50_000,
  maxColumns: 1000,
};

const MiB = 1024 * 1024;

/** A size in MiB for a message. */
function mib(bytes: number): string {
  return `${formatScore(bytes / MiB, 1)} MiB`;
}

/**
 * The start of a file says what it is: a zip (`PK\3\4`), an old binary
 * .xls or an encrypted workbook (OLE2), or something else.
 *
 * @example
 * sniffFile(new Uint8Array([0x50, 0x4b, 3, 4])) // 'zip'
 */
export function sniffFile(bytes: Uint8Array): 'zip' | 'ole2' | 'other' {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) return 'ole2';
  return 'other';
}

/** One entry of the central directory. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Reads the central directory: every entry's name, method and declared
 * sizes. Refuses zip64 archives, split archives, encrypted entries,
 * methods other than stored and deflate, names that climb out of the
 * archive (`..`, `/x`, `C:`, `\`), duplicate names and too many entries.
 */
function centralDirectory(bytes: Uint8Array, limits: WorkbookLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new WorkbookFileError(`文件不是完整的 xlsx（zip 结构损坏：${why}），请在 Excel 或 WPS 中另存为 .xlsx 后再导入`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw broken('找不到目录');
  const disk = view.getUint16(eocd + 4, true);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || view.getUint16(eocd + 8, true) !== count) throw broken('分卷压缩');
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) throw new WorkbookFileError('工作簿使用了 zip64 格式，超出本工具接受的大小 (expected a workbook under 16 MiB, found a zip64 archive)');
  if (count > limits.maxEntries) throw new WorkbookFileError(`工作簿中的文件过多，拒绝读取 (expected at most ${limits.maxEntries} zip entries, found ${count})`);
  if (offset + size > eocd) throw broken('目录位置越界');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw broken('目录项损坏');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > eocd) throw broken('目录项越界');
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(at + 46, at + 46 + nameLength));
    checkEntryName(name);
    if (names.has(name)) throw new WorkbookFileError(`工作簿中有重名的文件 ${JSON.stringify(name)}，拒绝读取 (expected unique zip entry names, found a duplicate)`);
    names.add(name);
    if (flags & 1) throw new WorkbookFileError('工作簿已加密（设置了打开密码），请取消密码后另存为 .xlsx 再导入 (expected an unencrypted workbook, found an encrypted entry)');
    if (method !== 0 && method !== 8) throw new WorkbookFileError(`工作簿使用了不支持的压缩方式 ${method}，请在 Excel 或 WPS 中另存为 .xlsx (expected stored or deflate, found method ${method})`);
    entries.push({ name, method, flags, compressedSize, size: declared, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses an entry name that could point outside the archive or hide
 * what it is: a `..` segment, an absolute path, a drive letter, a
 * backslash, or a control character.
 *
 * @example
 * checkEntryName('xl/worksheets/sheet1.xml') // passes
 * checkEntryName('../../etc/passwd')         // throws WorkbookFileError
 */
export function checkEntryName(name: string): void {
  const bad =
    name === '' ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((part) => part === '..');
  if (bad) throw new WorkbookFileError(`工作簿中有可疑的文件名 ${JSON.stringify(name)}（路径穿越），拒绝读取 (expected names inside the archive, found one that is not)`);
}

/** The entries a reader needs: the XML parts and their relationships. */
function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** A part's bytes, inflated with its declared size as the cap. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new WorkbookFileError(`工作簿中的 ${entry.name} 损坏，请在 Excel 或 WPS 中另存为 .xlsx (expected a local zip header, found none)`);
  }
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const localName = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
  if (localName !== entry.name) {
    throw new WorkbookFileError(`工作簿中 ${JSON.stringify(entry.name)} 的两处记录不一致，拒绝读取 (expected the same name in the directory and the entry, found ${JSON.stringify(localName)})`);
  }
  const start = at + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new WorkbookFileError(`工作簿中的 ${entry.name} 不完整 (expected ${entry.compressedSize} bytes of data, found fewer)`);
  const data = bytes.subarray(start, end);
  const sizeMismatch = () =>
    new WorkbookFileError(`工作簿中的 ${entry.name} 解压后的大小与声明不符，可能是压缩炸弹，拒绝读取 (expected ${entry.size} bytes, found more or fewer)`);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw sizeMismatch();
    return data;
  }
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw sizeMismatch();
    throw new WorkbookFileError(`工作簿中的 ${entry.name} 无法解压，文件可能已损坏 (expected deflate data, found ${(error as Error).message})`);
  }
  if (out.length !== entry.size) throw sizeMismatch();
  return out;
}

/**
 * Refuses XML that declares a document type or entities (the way to an
 * entity expansion bomb or to reading other files); spreadsheet XML never
 * needs either.
 *
 * @example
 * checkXml('xl/workbook.xml', '<?xml version="1.0"?><workbook/>') // passes
 */
function checkXml(name: string, xml: string): void {
  if (/<!\s*(?:DOCTYPE|ENTITY)/i.test(xml)) {
    throw new WorkbookFileError(`工作簿中的 ${name} 含有 DOCTYPE 或实体声明，可能是恶意文件，拒绝读取 (expected plain spreadsheet XML, found a document type declaration)`);
  }
}

/**
 * Refuses a sheet with more rows or columns than the limits, counted from
 * its row numbers and cell addresses (so a sheet that jumps to row
 * 1,000,000 counts as a million rows).
 *
 * @example
 * checkSheetSize('xl/worksheets/sheet1.xml', '<row r="1"><c r="B1"/></row>', WORKBOOK_LIMITS) // passes
 */
function checkSheetSize(name: string, xml: string, limits: WorkbookLimits): void {
  let rows = 0;
  let maxRow = 0;
  let maxColumn = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.closing || (tag.name !== 'row' && tag.name !== 'c')) continue;
    const attributes = tagAttributes(tag.attributes);
    if (tag.name === 'row') {
      rows++;
      maxRow = Math.max(maxRow, Number(attributes.get('r') ?? 0) || 0);
    } else {
      const address = parseCellAddress(attributes.get('r') ?? '');
      if (address) {
        maxRow = Math.max(maxRow, address.row + 1);
        maxColumn = Math.max(maxColumn, address.column + 1);
      }
    }
    if (Math.max(rows, maxRow) > limits.maxRows || maxColumn > limits.maxColumns) break;
  }
  const rowCount = Math.max(rows, maxRow);
  if (rowCount > limits.maxRows) {
    throw new WorkbookFileError(`工作表 ${name} 的行数过多，拒绝读取 (expected at most ${limits.maxRows} rows, found at least ${rowCount})`);
  }
  if (maxColumn > limits.maxColumns) {
    throw new WorkbookFileError(`工作表 ${name} 的列数过多，拒绝读取 (expected at most ${limits.maxColumns} columns, found more)`);
  }
}

/**
 * Opens an .xlsx file's bytes safely and returns its XML parts by name,
 * as text. Everything a hostile file could do is refused first with a
 * `WorkbookFileError` in Chinese: too big a file; not a zip (an old .xls,
 * a renamed CSV); a broken, split, zip64 or encrypted archive; too many
 * entries; names that climb out of the archive; parts whose declared size
 * is too big, too compressed or not what inflating gives (inflating stops
 * at the declared size); DOCTYPE or entities in the XML; a sheet with too
 * many rows or columns.
 *
 * @example
 * const parts = unpackXlsx(await readFile('scores.xlsx'));
 * parts.get('xl/workbook.xml') // '<?xml …'
 */
export function unpackXlsx(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): Map<string, string> {
  if (bytes.length > limits.maxFileBytes) {
    throw new WorkbookFileError(`文件过大（${mib(bytes.length)}），拒绝读取；得分工作簿通常不到 1 MiB (expected at most ${mib(limits.maxFileBytes)}, found ${mib(bytes.length)})`);
  }
  const kind = sniffFile(bytes);
  if (kind === 'ole2') {
    throw new WorkbookFileError('这是旧版 .xls 文件或加密的工作簿，请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入 (expected an .xlsx zip, found an OLE2 compound file)');
  }
  if (kind !== 'zip') throw new WorkbookFileError('文件不是 xlsx 工作簿（xlsx 是 zip 格式），请在 Excel 或 WPS 中另存为 .xlsx (expected a zip file, found something else)');

  const entries = centralDirectory(bytes, limits);
  const parts = entries.filter((e) => isXmlPart(e.name));
  let total = 0;
  for (const entry of parts) {
    if (entry.size > limits.maxEntryBytes) {
      throw new WorkbookFileError(`工作簿中的 ${entry.name} 解压后过大（${mib(entry.size)}），拒绝读取 (expected at most ${mib(limits.maxEntryBytes)}, found ${mib(entry.size)})`);
    }
    if (entry.size > MiB && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new WorkbookFileError(`工作簿中的 ${entry.name} 压缩比异常（${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1），可能是压缩炸弹，拒绝读取 (expected at most ${limits.maxRatio}:1, found more)`);
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    throw new WorkbookFileError(`工作簿解压后过大（${mib(total)}），可能是压缩炸弹，拒绝读取 (expected at most ${mib(limits.maxTotalBytes)}, found ${mib(total)})`);
  }

  const out = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (const entry of parts) {
    const xml = decoder.decode(inflateEntry(bytes, entry));
    checkXml(entry.name, xml);
    if (/<(?:\w+:)?sheetData[\s/>]/.test(xml)) checkSheetSize(entry.name, xml, limits);
    out.set(entry.name, xml);
  }
  return out;
}
