import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordBreaks } from '../../../src/site/filters/word-breaks.ts';

describe('wordBreaks(title)', () => {
  it.each([
    ['综合排名表', '综合排名表'],
    ['创新改革经验得分排名', '创新<wbr>改革<wbr>经验<wbr>得分<wbr>排名'],
    ['各区县对2017年20项创新改革经验推广推介情况综合排名表', '各区县对2017年20项创新<wbr>改革<wbr>经验<wbr>推广推介情况<wbr>综合排名表'],
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['', ''],
  ])('marks the word boundaries of %j', (title, html) => {
    expect(wordBreaks(title)).toBe(html);
  });

  it('gives an empty string for a missing title', () => {
    expect(wordBreaks(undefined)).toBe('');
    expect(wordBreaks(null)).toBe('');
  });

  it('never breaks inside a word it knows: 排名表 and 推广推介 stay whole', () => {
    const html = wordBreaks('各区县对2017年20项创新改革经验推广推介情况综合排名表');
    expect(html).not.toMatch(/排<wbr>名|名<wbr>表|推<wbr>介|推广<wbr>推介/);
  });

  it('adds nothing but <wbr> to the escaped text, and no markup survives from the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'排名表创新改革经验<>&"\'a1，（）、 '.split('')), maxLength: 40 }), (title) => {
        const html = wordBreaks(title);
        const unescaped = html.replace(/<wbr>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(unescaped).toBe(title);
        expect(html.replace(/<wbr>/g, '')).not.toMatch(/[<>"']/);
      }),
    );
  });

  it('gives a title asked for again the same markup, a <wbr> typed in the title escaped both times', () => {
    const title = '创新<wbr>改革经验得分排名';
    const first = wordBreaks(title);
    expect(wordBreaks(title)).toBe(first);
    expect(first.startsWith('创新&lt;wbr&gt;')).toBe(true);
  });
});
