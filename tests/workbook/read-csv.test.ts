import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsvSheet } from '../../src/workbook/read-csv.ts';
import { templateSheets } from '../../src/workbook/template-sheets.ts';
import { WORKBOOK_LIMITS } from '../../src/workbook/xlsx-guard.ts';
import { editionOf, importIn, readEditionTexts, SMALL, smallWithoutReported, writtenText } from './workbook-fixture.ts';

/** Text → GB18030 bytes, by inverting the decoder over the two-byte GBK range (Node has no GBK encoder). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return new Uint8Array(out);
}

/** A sheet's rows as CSV text the way Excel saves it: CRLF, quotes only where needed. */
function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

const texts = readEditionTexts(SMALL);
const csv = toCsv(templateSheets(editionOf(texts))[0]!.rows);

describe('readCsvSheet(bytes)', () => {
  it.each([
    ['UTF-8 without a byte-order mark', new TextEncoder().encode(csv)],
    ['UTF-8 with a byte-order mark, as Excel\'s "CSV UTF-8" saves it', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)])],
    ['GBK, as "CSV (逗号分隔)" saves it on a Chinese Windows', encodeGbk(csv)],
  ])('reads the 得分 sheet saved as %s, and the import finds nothing to change', (_name, bytes) => {
    const sheet = readCsvSheet(bytes);
    expect(sheet.name).toBe('得分');
    expect(sheet.rows[1]).toEqual(['smart-court', '建设智慧法院服务平台', 'alpha', '甲区', '96', '94', '90', null]);
    const outcome = importIn(texts, [sheet], 'csv');
    expect(outcome.status === 'ok' && outcome.written).toEqual([]);
  });

  it('imports a changed score from a CSV, leaving the lead assessment and survey alone', () => {
    const free = smallWithoutReported();
    const changed = csv.replace('alpha,甲区,96,94,90', 'alpha,甲区,96,94,91.5');
    const outcome = importIn(free, [readCsvSheet(new TextEncoder().encode(changed))], 'csv');
    expect(writtenText(outcome, 'experiences/01-smart-court.yaml')).toContain('alpha: {department: 96, unit: 94, survey: 91.5}');
    expect(outcome.status === 'ok' && outcome.written.length).toBe(1);
  });

  it('keeps quoted commas, quotes and line breaks inside a field', () => {
    expect(readCsvSheet(new TextEncoder().encode('a,"b, ""c""\r\nd"\r\n')).rows).toEqual([['a', 'b, "c"\r\nd']]);
  });

  it.each([
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x41, 0]), /UTF-16/],
    ['an .xlsx file named .csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /扩展名改为 \.xlsx/],
    ['binary content', new Uint8Array([0x41, 0, 0x42]), /二进制/],
    ['semicolons as separators', new TextEncoder().encode('经验编号;单位编号\r\n'), /分隔符应为英文逗号/],
    ['an unclosed quote', new TextEncoder().encode('a,b\r\n"c,d\r\n'), /CSV 格式错误.*引号没有成对/],
  ])('refuses %s with a Chinese message', (_name, bytes, message) => {
    expect(() => readCsvSheet(bytes)).toThrow(message);
  });

  it('refuses too many rows and too big a file before parsing', () => {
    expect(() => readCsvSheet(new TextEncoder().encode('a\n'.repeat(20)), { ...WORKBOOK_LIMITS, maxRows: 10 })).toThrow(/行数过多/);
    expect(() => readCsvSheet(new TextEncoder().encode('a\n'.repeat(20)), { ...WORKBOOK_LIMITS, maxFileBytes: 10 })).toThrow(/文件过大/);
  });
});

describe('decodeCsv(bytes)', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(decodeCsv(new TextEncoder().encode('张店区'))).toBe('张店区');
    expect(decodeCsv(encodeGbk('张店区'))).toBe('张店区');
  });
});
