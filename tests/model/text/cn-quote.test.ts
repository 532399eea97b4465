import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnQuote } from '../../../src/model/text/cn-quote.ts';

describe('cnQuote(value)', () => {
  it.each([
    ['智慧法院', '“智慧法院”'],
    ['“互联网+”政务服务', '“‘互联网+’政务服务”'],
    ['“一号受理”“一网办理”', '“‘一号受理’‘一网办理’”'],
    ['', '“”'],
    [2017, '“2017”'],
    [null, ''],
    [undefined, ''],
  ])('prints %j as %j', (value, expected) => {
    expect(cnQuote(value)).toBe(expected);
  });

  it('refuses a mapping or a list, naming what it needs', () => {
    expect(() => cnQuote({ title: '甲' })).toThrow(/cnQuote 只能给文字加引号.*found a mapping/);
    expect(() => cnQuote(['甲'])).toThrow(/found a list/);
  });

  it('leaves exactly one pair of double quotes, around the whole title', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const quoted = cnQuote(title);
        expect(quoted.startsWith('“') && quoted.endsWith('”')).toBe(true);
        expect(quoted.slice(1, -1)).not.toMatch(/[“”]/);
        expect(quoted.length).toBe(title.length + 2);
      }),
    );
  });
});
