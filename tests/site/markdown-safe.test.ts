import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, markdownSafe } from '../../src/site/markdown-safe.ts';

describe('escapeMarkdown(text)', () => {
  it.each([
    ['张店区', '张店区'],
    ['94.24', '94.24'],
    ['73.6%', '73.6%'],
    ['“互联网+”政务服务', '“互联网+”政务服务'],
    ['*甲*', '\\*甲\\*'],
    ['[点我](https://evil.example)', '\\[点我\\](https://evil.example)'],
    ['a_b~~c~~`d`|e\\', 'a\\_b\\~\\~c\\~\\~\\`d\\`\\|e\\\\'],
  ])('escapes %s as %s', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('makes markdown-it print the original text and no markup', () => {
    const md = new MarkdownIt({ html: false });
    for (const text of ['[点我](https://evil.example)', '**粗**', '`code`', '~~删~~', '![图](x.png)', 'a\\b']) {
      const html = md.renderInline(escapeMarkdown(text));
      expect(html).toBe(md.utils.escapeHtml(text));
    }
  });
});

describe('markdownSafe(value)', () => {
  const report = Object.freeze({
    units: Object.freeze([Object.freeze({ name: '*甲*', score: 92.5, tied: false })]),
    meta: Object.freeze({ title: '报告', missing: null }),
  });

  it('escapes strings at any depth and leaves numbers, booleans and null alone', () => {
    const safe = markdownSafe(report);
    expect(safe.units[0]!.name).toBe('\\*甲\\*');
    expect(safe.units[0]!.score).toBe(92.5);
    expect(safe.units[0]!.tied).toBe(false);
    expect(safe.meta.missing).toBeNull();
  });

  it('keeps arrays as arrays whose methods read through the view', () => {
    const safe = markdownSafe(report);
    expect(Array.isArray(safe.units)).toBe(true);
    expect(safe.units.length).toBe(1);
    expect(safe.units.map((u) => u.name)).toEqual(['\\*甲\\*']);
  });

  it('shows only own data: no prototype, nothing inherited, no function, getter or class instance', () => {
    class Unit {
      name = '甲';
    }
    const data = {
      plain: { a: 1 },
      list: [1, 2],
      fn: () => 'called',
      get side(): string {
        throw new Error('a getter ran');
      },
      instance: new Unit(),
      date: new Date(0),
    };
    const safe = markdownSafe(data) as Record<string, unknown> & { plain: Record<string, unknown>; list: unknown[] };
    expect(Object.getPrototypeOf(safe)).toBeNull();
    expect(safe.constructor).toBeUndefined();
    expect(safe.plain.toString).toBeUndefined();
    expect('constructor' in safe.plain).toBe(false);
    expect(Object.hasOwn(safe.plain, '__proto__')).toBe(false);
    expect(safe.fn).toBeUndefined();
    expect(safe.side).toBeUndefined();
    expect(safe.instance).toBeUndefined();
    expect(safe.date).toBeUndefined();
    expect(Object.hasOwn(safe.list, 'map')).toBe(false);
    expect([...safe.list]).toEqual([1, 2]);
  });

  it('leaves the report itself untouched and refuses writes through the view', () => {
    const plain = { name: '_乙_' };
    const safe = markdownSafe(plain);
    expect(() => {
      (safe as { name: string }).name = 'x';
    }).toThrow();
    expect(() => Object.setPrototypeOf(safe, { evil: true })).toThrow();
    expect(plain.name).toBe('_乙_');
  });
});

describe('markdownSafe(value) in a chapter template', () => {
  it('lets a chapter loop over, join and look up values of a frozen report, all printed as text', async () => {
    const { renderChapter } = await import('../../src/site/render-chapters.ts');
    const { chapterEngine } = await import('../../src/site/chapter-liquid.ts');
    const report = Object.freeze({
      items: Object.freeze([Object.freeze({ id: 'a', name: '[甲](https://x.example)' }), Object.freeze({ id: 'b', name: '乙&<丙>' })]),
      byId: Object.freeze({ a: Object.freeze({ text: '9_1\\*' }) }),
    });
    const source =
      '---\ntitle: 甲\n---\n{% for i in report.items %}{{ i.name }};{% endfor %}{{ report.items | map: "name" | join: "、" }};{{ report.byId["a"].text }};{% for pair in report.byId %}{{ pair[0] }}{% endfor %}';
    const chapter = renderChapter('content/01-a.md', source, { slug: 'a', order: 1, report: report as never, env: chapterEngine() });
    expect(chapter.html).not.toContain('<a ');
    expect(chapter.html).toContain(
      '<p>[甲](https://x.example);乙&amp;&lt;丙&gt;;[甲](https://x.example)、乙&amp;&lt;丙&gt;;9_1\\*;a</p>',
    );
  });
});
