import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkEntryName, sniffFile, unpackXlsx, WORKBOOK_LIMITS, WorkbookFileError } from '../../src/workbook/xlsx-guard.ts';
import { buildXlsx } from './xlsx-fixture.ts';

const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A tiny valid workbook. */
const small = buildXlsx({ flavor: 'excel', sheets: [{ name: '问卷', rows: [[{ shared: '项目' }, { shared: '人数' }]] }] });

/** A zip of the given parts (quickly compressed: the test builds parts of many megabytes). */
function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, body] of Object.entries(parts)) files[name] = [typeof body === 'string' ? strToU8(body) : body, { level: 1 }];
  return zipSync(files);
}

/** Offsets of every central-directory record and of the end record. */
function directory(bytes: Uint8Array): { records: number[]; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const records: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    records.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { records, end };
}

/** Refuses within seconds, with a Chinese message matching `message`. */
function expectRefused(bytes: Uint8Array, message: RegExp, limits = WORKBOOK_LIMITS): void {
  const started = performance.now();
  let error: unknown;
  try {
    unpackXlsx(bytes, limits);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkbookFileError);
  expect((error as Error).message).toMatch(message);
  expect(performance.now() - started).toBeLessThan(5000);
}

describe('unpackXlsx(bytes, limits)', () => {
  it('gives back the XML parts of a sound workbook, and nothing else', () => {
    const parts = unpackXlsx(small);
    expect([...parts.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
  });

  it('refuses a file above the size limit before opening it', () => {
    expectRefused(small, /文件过大/, { ...WORKBOOK_LIMITS, maxFileBytes: 1000 });
  });

  it.each([
    ['a text file', strToU8('经验编号,单位编号\n'), /不是 xlsx 工作簿/],
    ['an old .xls (OLE2) file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 \.xls/],
    ['a truncated zip', small.subarray(0, 200), /zip 结构损坏/],
  ])('refuses %s', (_name, bytes, message) => {
    expectRefused(bytes, message);
  });

  it('refuses a zip bomb by its declared size and by its compression ratio', () => {
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) }), /解压后过大/);
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': new Uint8Array(3 * 1024 * 1024) }), /压缩比异常/);
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`xl/p${i}.xml`, new Uint8Array(900 * 1024)]));
    expectRefused(zip(many), /解压后过大/, { ...WORKBOOK_LIMITS, maxTotalBytes: 4 * 1024 * 1024 });
  });

  it('stops inflating at the declared size of a part that lies about it', () => {
    const bytes = zip({ 'xl/worksheets/sheet1.xml': new Uint8Array(512 * 1024) });
    const view = new DataView(bytes.buffer);
    view.setUint32(directory(bytes).records[0]! + 24, 100, true);
    view.setUint32(22, 100, true);
    expectRefused(bytes, /解压后的大小与声明不符，可能是压缩炸弹/);
  });

  it('refuses too many entries, an encrypted entry, a duplicate name and a zip64 archive', () => {
    expectRefused(zip(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`x${i}.xml`, '<a/>']))), /文件过多/, { ...WORKBOOK_LIMITS, maxEntries: 5 });
    const encrypted = zip({ 'xl/workbook.xml': '<workbook/>' });
    new DataView(encrypted.buffer).setUint16(directory(encrypted).records[0]! + 8, 1, true);
    expectRefused(encrypted, /已加密/);
    const twins = zip({ 'xl/a.xml': '<a/>', 'xl/b.xml': '<b/>' });
    const second = directory(twins).records[1]!;
    twins[second + 46 + 3] = 'a'.charCodeAt(0);
    expectRefused(twins, /重名/);
    const zip64 = zip({ 'xl/a.xml': '<a/>' });
    new DataView(zip64.buffer).setUint32(directory(zip64).end + 16, 0xffffffff, true);
    expectRefused(zip64, /zip64/);
  });

  it.each(['../evil.xml', '/etc/passwd.xml', 'xl/../../evil.xml', 'C:/evil.xml', 'xl\\evil.xml'])('refuses the entry name %s', (name) => {
    expectRefused(zip({ [name]: '<a/>' }), /路径穿越/);
    expect(() => checkEntryName(name)).toThrow(WorkbookFileError);
  });

  it('refuses XML that declares a document type or entities', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><workbook>&lol2;</workbook>';
    expectRefused(zip({ 'xl/workbook.xml': laughs }), /DOCTYPE 或实体声明/);
    expectRefused(zip({ 'xl/sharedStrings.xml': '<!ENTITY x SYSTEM "file:///etc/passwd"><sst/>' }), /DOCTYPE 或实体声明/);
  });

  it('refuses a million-row sheet, dense or jumping straight to row 1,000,000, and too many columns', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': SHEET_HEAD + rows(1_000_000) + SHEET_TAIL }), /解压后过大/);
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': SHEET_HEAD + rows(50_001) + SHEET_TAIL }), /行数过多/);
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': `${SHEET_HEAD}<row r="1000000"><c r="A1000000"><v>1</v></c></row>${SHEET_TAIL}` }), /行数过多/);
    expectRefused(zip({ 'xl/worksheets/sheet1.xml': `${SHEET_HEAD}<row r="1"><c r="XFD1"><v>1</v></c></row>${SHEET_TAIL}` }), /列数过多/);
  });

  it('reads a sheet of unclosed tags (under 1 MiB, so no ratio check) in one pass', () => {
    const hostile = `${SHEET_HEAD}${'<row r="1"><c r="A1">'.repeat(45_000)}<row${SHEET_TAIL}`;
    const started = performance.now();
    expect(unpackXlsx(zip({ 'xl/worksheets/sheet1.xml': hostile })).size).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('sniffFile(bytes)', () => {
  it('tells a zip, an OLE2 file and anything else apart', () => {
    expect(sniffFile(small)).toBe('zip');
    expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole2');
    expect(sniffFile(strToU8('a,b'))).toBe('other');
  });
});
