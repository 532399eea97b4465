import { unzipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { workbookParts, type WorkbookSheets } from '../../src/downloads/workbook-parts.ts';

const sheets: WorkbookSheets = [
  {
    sheet: '附件1',
    stickyRowsCount: 1,
    columns: [{ width: 8 }, { width: 20 }],
    data: [
      [
        { value: '排名', type: String, fontWeight: 'bold' },
        { value: '单位 <&>', type: String, fontWeight: 'bold' },
      ],
      [
        { value: 1, type: Number, format: '0' },
        { value: '张店区', type: String },
      ],
    ],
  },
  { sheet: '说明', data: [[{ value: '来源', type: String }]] },
];
const options = { fontFamily: '宋体', fontSize: 11 };

describe('workbookParts(sheets, options)', () => {
  it('gives, part for part and in its order, the text write-excel-file zips into its .xlsx', async () => {
    const buffer = await writeExcelFile(sheets, options).toBuffer();
    const zipped = Object.entries(unzipSync(new Uint8Array(buffer))).map(([name, data]) => [name, new TextDecoder().decode(data)]);
    expect(Object.entries(workbookParts(sheets, options))).toEqual(zipped);
  });

  it('holds a sheet per sheet given, its cells escaped', () => {
    const parts = workbookParts(sheets, options);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']));
    expect(parts['xl/workbook.xml']).toContain('name="说明"');
    expect(parts['xl/sharedStrings.xml']).toContain('单位 &lt;&amp;&gt;');
  });

  it('refuses sheets write-excel-file refuses, with its error', () => {
    expect(() => workbookParts([{ sheet: 'a', data: [[{ value: 'x', type: Number }]] }] as unknown as WorkbookSheets, options)).toThrow();
  });
});
