import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_TERM_LENGTH, searchTerms } from '../../../src/site/filters/search-terms.ts';

describe('searchTerms(value, ...more)', () => {
  it.each([
    [['淄川区', 'zichuan'], '淄川区 川区 区 zichuan'],
    [['打造“一号通”平台', 'hotline-12345'], '打造 造 一号通 号通 通 平台 台 hotline 12345'],
    [['互联网+农业'], '互联网 联网 网 农业 业'],
    [['一二三四五六七八九十'], '一二三四五六七八 二三四五六七八九 三四五六七八九十 四五六七八九十 五六七八九十 六七八九十 七八九十 八九十 九十 十'],
    [['区 区', '区'], '区'],
    [['Cloud Desktop'], 'Cloud Desktop'],
    [[null], ''],
    [[undefined, 'x'], 'x'],
    [['，。'], ''],
    [[12345], '12345'],
  ])('gives %j the words %j', (args, words) => {
    const [value, ...more] = args as unknown[];
    expect(searchTerms(value, ...more)).toBe(words);
  });

  it.each([[{ name: '淄川区' }], [['淄川区']]])('refuses %j with a Chinese message', (value) => {
    expect(() => searchTerms(value)).toThrow(/searchTerms 只能处理文字/);
  });

  it('gives, for every piece of a Chinese name up to the cut, a word that starts with it', () => {
    const name = fc.string({ unit: fc.constantFrom(...'淄川区张店高新知晓率热线一号通'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(name, fc.nat(), fc.integer({ min: 1, max: SEARCH_TERM_LENGTH }), (text, at, length) => {
        const chars = Array.from(text);
        const from = at % chars.length;
        const piece = chars.slice(from, from + length).join('');
        const words = searchTerms(text).split(' ');
        expect(words.some((word) => word.startsWith(piece))).toBe(true);
        expect(words.every((word) => Array.from(word).length <= SEARCH_TERM_LENGTH)).toBe(true);
      }),
    );
  });
});
