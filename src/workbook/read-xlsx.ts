/**
 * The xlsx adapter: bytes → sheets. The file passes `unpackXlsx` first;
 * read-excel-file then reads the values from a clean copy holding only
 * the checked XML parts, and a light scan of the same XML adds what values
 * alone do not tell: formulas without a saved value, error values,
 * percentage formats and merged ranges.
 */
import { zipSync } from 'fflate';
import readExcelFile from 'read-excel-file/universal';
import type { CellFact, CellValue, SheetInput } from './cell-value.ts';
import { unpackXlsx, WORKBOOK_LIMITS, WorkbookFileError, type WorkbookLimits } from './xlsx-guard.ts';

/**
 * Reads every sheet of an .xlsx file: values by read-excel-file (strings
 * trimmed, numbers as numbers, date-formatted numbers as dates, formulas
 * as their saved values, shared and inline strings alike), plus facts
 * and merged ranges from the sheet XML. Hidden sheets, rows and columns
 * are read like the others. A hostile or broken file throws a
 * `WorkbookFileError` in Chinese before the reader sees it.
 *
 * @example
 * const sheets = await readXlsxSheets(await readFile('scores.xlsx'));
 * sheets.map((s) => s.name) // ['得分', '牵头部门评估', '问卷']
 */
export async function readXlsxSheets(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<SheetInput[]> {
  const parts = unpackXlsx(bytes, limits);
  const encoder = new TextEncoder();
  // Stored, not compressed: the reader inflates nothing it was not shown already.
  const clean = zipSync(Object.fromEntries([...parts].map(([name, xml]) => [name, [encoder.encode(xml), { level: 0 }]])));
  let read: Array<{ sheet: string; data: CellValue[][] }>;
  try {
    read = (await readExcelFile(clean.buffer.slice(clean.byteOffset, clean.byteOffset + clean.byteLength) as ArrayBuffer)) as typeof read;
  } catch (error) {
    throw new WorkbookFileError(`工作簿内容无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入 (expected a readable workbook, found: ${(error as Error).message})`);
  }
  const paths = sheetPaths(parts);
  const percentStyles = percentStyleIds(parts.get(stylesPath(parts)) ?? '');
  return read.map(({ sheet, data }) => {
    const xml = parts.get(paths.get(sheet) ?? '') ?? '';
    return { name: sheet, rows: data, facts: cellFacts(xml, percentStyles), merges: mergedRanges(xml) };
  });
}

/**
 * XML text with its five named entities and character references resolved
 * (anything else is left as it is).
 *
 * @example
 * unescapeXml('得分 &amp; 备注 &#x4E2D;') // '得分 & 备注 中'
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp']!;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]!) : undefined;
}

/** A relationship target as a path inside the archive. */
function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const part of target.replace(/^\//, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Sheet name → the path of its XML part, from `xl/workbook.xml` and its relationships.
 *
 * @example
 * sheetPaths(parts).get('得分') // 'xl/worksheets/sheet1.xml'
 */
export function sheetPaths(parts: ReadonlyMap<string, string>): Map<string, string> {
  const rels = new Map<string, string>();
  for (const match of (parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id && target) rels.set(id, resolveTarget('xl', target));
  }
  const out = new Map<string, string>();
  for (const match of (parts.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(match[1]!, 'name');
    const id = attribute(match[1]!, 'id');
    if (name !== undefined && id && rels.has(id)) out.set(name, rels.get(id)!);
  }
  return out;
}

function stylesPath(parts: ReadonlyMap<string, string>): string {
  for (const match of (parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (/\/styles"?$/.test(attribute(match[1]!, 'Type') ?? '')) return resolveTarget('xl', attribute(match[1]!, 'Target') ?? '');
  }
  return 'xl/styles.xml';
}

/**
 * Indexes of the cell formats (`cellXfs`) that show numbers as
 * percentages: built-in formats 9 and 10, and custom formats with a `%`
 * outside quotes.
 *
 * @example
 * percentStyleIds('<cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs>') // Set {1}
 */
export function percentStyleIds(styles: string): Set<number> {
  const percentFormats = new Set([9, 10]);
  for (const match of styles.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attribute(match[1]!, 'numFmtId'));
    const code = (attribute(match[1]!, 'formatCode') ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
    if (code.includes('%')) percentFormats.add(id);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  const out = new Set<number>();
  let index = 0;
  for (const match of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    if (percentFormats.has(Number(attribute(match[1]!, 'numFmtId')))) out.add(index);
    index++;
  }
  return out;
}

/**
 * Facts about a sheet's cells, by address: a formula with or without its
 * saved value, an error value, a percentage-formatted number.
 *
 * @example
 * cellFacts('<c r="B2"><f>A2*2</f></c>', new Set()).get('B2') // { formula: 'uncached' }
 */
export function cellFacts(xml: string, percentStyles: ReadonlySet<number>): Map<string, CellFact> {
  const facts = new Map<string, CellFact>();
  for (const match of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const attrs = match[1]!;
    const body = match[2] ?? '';
    const address = attribute(attrs, 'r');
    if (!address) continue;
    const type = attribute(attrs, 't') ?? 'n';
    const fact: CellFact = {};
    const value = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
    if (/<(?:\w+:)?f\b/.test(body)) fact.formula = value === undefined ? 'uncached' : 'cached';
    if (type === 'e') fact.errorValue = unescapeXml(value ?? '#N/A');
    if (type === 'n' && percentStyles.has(Number(attribute(attrs, 's') ?? -1))) fact.percent = true;
    if (Object.keys(fact).length > 0) facts.set(address.toUpperCase(), fact);
  }
  return facts;
}

/**
 * The merged ranges of a sheet (`A2:A5`).
 *
 * @example
 * mergedRanges('<mergeCells><mergeCell ref="A2:A5"/></mergeCells>') // ['A2:A5']
 */
export function mergedRanges(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)].map((m) => attribute(m[1]!, 'ref') ?? '').filter(Boolean);
}
