import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertCell } from '../../../src/model/text/inert-cell.ts';

describe('inertCell(text, { figure })', () => {
  it.each([
    ['张店区', false, '张店区'],
    ['=1+2', false, "'=1+2"],
    ['+1', false, "'+1"],
    ['-3', false, "'-3"],
    ['@SUM(A1)', false, "'@SUM(A1)"],
    ['\t=1', false, "'\t=1"],
    ['\r=1', false, "'\r=1"],
    ['-3', true, '-3'],
    ['+1.50', true, '+1.50'],
    ['-12.5%', true, '-12.5%'],
    ['92.56', true, '92.56'],
    ['=1+2', true, "'=1+2"],
    ['-1e3', true, "'-1e3"],
    ['', false, ''],
    ['“=”', false, '“=”'],
  ])('writes %j (figure: %s) as %j', (text, figure, expected) => {
    expect(inertCell(text, { figure })).toBe(expected);
  });

  it('leaves no cell starting with a formula character unless it is a plain number in a figure cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, figure) => {
        const out = inertCell(text, { figure });
        if (out === text) expect(!/^[=+\-@\t\r]/.test(text) || (figure && /^[+-]?\d+(\.\d+)?%?$/.test(text))).toBe(true);
        else expect(out).toBe(`'${text}`);
      }),
    );
  });
});
