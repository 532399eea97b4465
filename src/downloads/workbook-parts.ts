/**
 * The parts of a workbook as write-excel-file makes them, as text, before
 * it zips them. Its public functions only give the finished `.xlsx`,
 * deflated by fflate in JavaScript; `annexesXlsx` edits some parts
 * (filter, print setup, properties) and zips them again with fixed dates,
 * so that first deflate was made, inflated and thrown away on every build:
 * two thirds of the workbook's time (docs/performance.md).
 *
 * The part maker is the module write-excel-file's own writers call
 * (`modules/xlsx/generateXlsxFileContents.js`), loaded by its path inside
 * the package, which its `exports` do not list. The version is pinned in
 * package.json; a maker that is gone or gives anything but text fails
 * here, by name, and the workbook tests say so.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type writeExcelFile from 'write-excel-file/node';

/** The sheets write-excel-file takes, as its default export names them. */
export type WorkbookSheets = Parameters<typeof writeExcelFile>[0];
/** Its workbook options (the font of every cell). */
export type WorkbookOptions = Parameters<typeof writeExcelFile>[1];

type MakeParts = (sheets: WorkbookSheets, options: WorkbookOptions) => Record<string, unknown>;

/** Where write-excel-file keeps the function that makes the parts, inside its package. */
const MAKER = 'modules/xlsx/generateXlsxFileContents.js';

/**
 * The part maker, loaded with this module, as a static import would load
 * it (one without `exports` cannot name it).
 */
const makeParts: MakeParts = await (async () => {
  const root = path.dirname(createRequire(import.meta.url).resolve('write-excel-file/package.json'));
  const loaded = (await import(pathToFileURL(path.join(root, ...MAKER.split('/'))).href)) as { default?: unknown };
  if (typeof loaded.default !== 'function') throw new Error(`write-excel-file: ${MAKER} 不再导出生成函数，请核对所装版本`);
  return loaded.default as MakeParts;
})();

/**
 * The parts of the workbook write-excel-file makes of `sheets`, by their
 * paths in the package, in its order: the same text its `.xlsx` holds.
 *
 * @example
 * const parts = workbookParts([{ sheet: '附件1', data: [[{ value: 1, type: Number }]] }], { fontFamily: '宋体' });
 * Object.keys(parts) // → ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', …]
 */
export function workbookParts(sheets: WorkbookSheets, options: WorkbookOptions): Record<string, string> {
  const made = makeParts(sheets, options);
  const parts: Record<string, string> = {};
  for (const [name, content] of Object.entries(made)) {
    // Images would come as streams or blobs; the annexes have none.
    if (typeof content !== 'string') throw new Error(`write-excel-file: ${name} 不是文本 (${typeof content})`);
    parts[name] = content;
  }
  return parts;
}
