import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/downloads/csv-field.ts';
import { parseCsv } from './parse-csv.ts';

describe('csvField(value, { text })', () => {
  it.each([
    ['张店区', true, '张店区'],
    ['张店区,高新区', true, '"张店区,高新区"'],
    ['他说"好"', true, '"他说""好"""'],
    ['一行\r\n两行', true, '"一行\r\n两行"'],
    ['=cmd|\' /C calc\'!A0', true, "'=cmd|' /C calc'!A0"],
    ['+1', true, "'+1"],
    ['-1', true, "'-1"],
    ['@SUM(A1)', true, "'@SUM(A1)"],
    ['\tx', true, "'\tx"],
    ['\rx', true, `"'\rx"`],
    ['=a,b', true, `"'=a,b"`],
    ['-1.50', false, '-1.50'],
    ['92.56', false, '92.56'],
    ['', true, ''],
  ])('escapes %j (text cell: %s) as %j', (value, text, expected) => {
    expect(csvField(value, { text })).toBe(expected);
  });
});

describe('csvField(value, { text }) for any string', () => {
  it('reads back as the same text, with a leading quote mark only where a formula could start', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (cells) => {
        const line = `${cells.map((c) => csvField(c, { text: true })).join(',')}\r\n`;
        const [row] = parseCsv(line);
        expect(row).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
    );
  });
});
