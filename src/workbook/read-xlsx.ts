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
import { tagAttributes, xmlTags, type XmlTag } from './xml-tags.ts';

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

/** An attribute of a tag, entities resolved. */
function attribute(tag: XmlTag, name: string): string | undefined {
  const value = tagAttributes(tag.attributes).get(name);
  return value === undefined ? undefined : unescapeXml(value);
}

/** The opening tags of one name in a part. */
function* opening(xml: string, name: string): Generator<XmlTag> {
  for (const tag of xmlTags(xml)) if (!tag.closing && tag.name === name) yield tag;
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
  for (const tag of opening(parts.get('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) rels.set(id, resolveTarget('xl', target));
  }
  const out = new Map<string, string>();
  for (const tag of opening(parts.get('xl/workbook.xml') ?? '', 'sheet')) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'id');
    if (name !== undefined && id && rels.has(id)) out.set(name, rels.get(id)!);
  }
  return out;
}

function stylesPath(parts: ReadonlyMap<string, string>): string {
  for (const tag of opening(parts.get('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    if ((attribute(tag, 'Type') ?? '').endsWith('/styles')) return resolveTarget('xl', attribute(tag, 'Target') ?? '');
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
  const out = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  for (const tag of xmlTags(styles)) {
    if (tag.name === 'numFmt' && !tag.closing) {
      const code = (attribute(tag, 'formatCode') ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
      if (code.includes('%')) percentFormats.add(Number(attribute(tag, 'numFmtId')));
    } else if (tag.name === 'cellXfs') inCellXfs = !tag.closing && !tag.selfClosing;
    else if (inCellXfs && tag.name === 'xf' && !tag.closing) {
      if (percentFormats.has(Number(attribute(tag, 'numFmtId')))) out.add(index);
      index++;
    }
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
  let cell: { address: string; type: string; style: number; formula: boolean; value: string | undefined } | undefined;
  let valueStart = -1;
  const finish = () => {
    if (!cell) return;
    const fact: CellFact = {};
    if (cell.formula) fact.formula = cell.value === undefined ? 'uncached' : 'cached';
    if (cell.type === 'e') fact.errorValue = unescapeXml(cell.value ?? '#N/A');
    if (cell.type === 'n' && percentStyles.has(cell.style)) fact.percent = true;
    if (Object.keys(fact).length > 0) facts.set(cell.address.toUpperCase(), fact);
    cell = undefined;
  };
  for (const tag of xmlTags(xml)) {
    if (tag.name === 'c') {
      if (tag.closing) finish();
      else {
        finish();
        const address = attribute(tag, 'r');
        cell = address ? { address, type: attribute(tag, 't') ?? 'n', style: Number(attribute(tag, 's') ?? -1), formula: false, value: undefined } : undefined;
        if (tag.selfClosing) finish();
      }
    } else if (cell && tag.name === 'f' && !tag.closing) cell.formula = true;
    else if (cell && tag.name === 'v') {
      if (!tag.closing && !tag.selfClosing) valueStart = tag.end;
      else if (tag.closing && valueStart !== -1) {
        cell.value = xml.slice(valueStart, tag.start);
        valueStart = -1;
      }
    }
  }
  finish();
  return facts;
}

/**
 * The merged ranges of a sheet (`A2:A5`).
 *
 * @example
 * mergedRanges('<mergeCells><mergeCell ref="A2:A5"/></mergeCells>') // ['A2:A5']
 */
export function mergedRanges(xml: string): string[] {
  return [...opening(xml, 'mergeCell')].map((tag) => attribute(tag, 'ref') ?? '').filter(Boolean);
}
