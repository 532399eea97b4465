import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/model/text/escape-html.ts';

describe('escapeHtml(text)', () => {
  it.each([
    ['<a href="x">&</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'],
    ["O'Neil", 'O&#39;Neil'],
    ['综合<wbr>排名', '综合&lt;wbr&gt;排名'],
    ['&amp;', '&amp;amp;'],
    ['', ''],
  ])('escapes %j as %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('leaves no markup character in any text', () => {
    fc.assert(fc.property(fc.string(), (text) => !/[<>"']/.test(escapeHtml(text))));
  });
});
