import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.ts';
import { chapterEngine } from '../../src/site/chapter-liquid.ts';
import { ChapterError, chapterSlug, renderChapter, renderChapters } from '../../src/site/render-chapters.ts';
import { makeFifo } from '../helpers/special-files.ts';

/** Just the fields the chapters below quote; a chapter never sees more than `report`. */
const report = {
  meta: { title: '测试报告', year: 2020, evaluator: '评估组<甲>', principles: ['客观', '公正'] },
  stats: { satisfaction: { value: 0.91, text: '91%' }, counts: { experiences: 5 } },
  experiences: [
    { id: 'a', title: '“互联网+”政务服务', score: 92.456, rank: 1 },
    { id: 'b', title: '智慧法院', score: 88.1, rank: 2 },
  ],
} as unknown as Report;

const env = chapterEngine();

function render(source: string, slug = 'intro') {
  return renderChapter(`content/01-${slug}.md`, source, { slug, order: 1, report, env });
}

/** The message `render(source)` throws, or a note that it rendered. */
function refusal(source: string): string {
  try {
    render(source);
    return 'rendered';
  } catch (error) {
    expect(error).toBeInstanceOf(ChapterError);
    return (error as ChapterError).message;
  }
}

describe('renderChapter(file, source, context)', () => {
  it('fills figures from the report through the chapter language before Markdown', () => {
    const chapter = render('---\ntitle: 一、概况\n---\n满意度{{ report.stats.satisfaction.text }}，共{{ report.stats.counts.experiences }}项。');
    expect(chapter.title).toBe('一、概况');
    expect(chapter.markdown).toContain('满意度91%，共5项。');
    expect(chapter.html).toContain('<p>满意度91%，共5项。</p>');
  });

  it('escapes data in the Markdown and never lets raw HTML through', () => {
    const chapter = render('---\ntitle: 甲\n---\n{{ report.meta.evaluator }} <script>alert(1)</script>');
    expect(chapter.html).not.toContain('<script>');
    expect(chapter.html).not.toContain('<甲>');
    expect(chapter.html).toContain('评估组&lt;甲&gt;');
  });

  it('keeps full-width punctuation and straight quotes as typed', () => {
    const chapter = render('---\ntitle: 甲\n---\n以“制度”为先，"quoted" -- 不替换...');
    expect(chapter.html).toContain('以“制度”为先，&quot;quoted&quot; -- 不替换...');
  });

  it('numbers heading ids by position under the chapter slug and renders the top level as h3', () => {
    const chapter = render('---\ntitle: 甲\n---\n## 第一节\n\n### 小节\n\n### 小节\n\n## 第二节\n', 'features');
    expect(chapter.headings).toEqual([
      { level: 3, id: 'features-1', text: '第一节' },
      { level: 4, id: 'features-1-1', text: '小节' },
      { level: 4, id: 'features-1-2', text: '小节' },
      { level: 3, id: 'features-2', text: '第二节' },
    ]);
    expect(chapter.outline.map((h) => h.id)).toEqual(['features-1', 'features-2']);
    expect(chapter.html).toContain('<h3 id="features-1">第一节</h3>');
    expect(chapter.html).toContain('<a class="heading-anchor" href="#features-1-2" data-pagefind-ignore="" aria-label="复制本节链接">#</a>');
    expect(chapter.html).not.toMatch(/<h[12][ >]/);
  });

  it('wraps each heading and its content in a section, nested by level', () => {
    const html = render('---\ntitle: 甲\n---\n## 一\n\n正文\n\n### 甲\n\n细节\n\n## 二\n\n结尾\n', 'a').html;
    const opens = html.match(/<section/g) ?? [];
    const closes = html.match(/<\/section>/g) ?? [];
    expect(opens).toHaveLength(3);
    expect(closes).toHaveLength(3);
    expect(html.indexOf('<section class="subsection" aria-labelledby="a-2">')).toBeGreaterThan(html.indexOf('细节'));
  });

  it('treats a chapter whose headings start at # the same as one starting at ##', () => {
    const chapter = render('---\ntitle: 甲\n---\n# 大标题\n\n## 小标题\n', 'b');
    expect(chapter.headings.map((h) => [h.level, h.id])).toEqual([
      [3, 'b-1'],
      [4, 'b-1-1'],
    ]);
  });

  it('loops over report lists, tests conditions, assigns, captures and formats with the site filters', () => {
    const source = [
      '---',
      'title: 甲',
      '---',
      '{%- assign n = report.stats.counts.experiences -%}',
      '{%- capture both %}{{ n }}项{% endcapture -%}',
      '共{{ both }}：{% for e in report.experiences %}{{ e.title | cnQuote }}{{ e.score | score: 1 }}分{% unless forloop.last %}、{% endunless %}{% endfor %}。',
      '{% if report.stats.awarenessMax %}有{% else %}无{% endif %}知晓率；原则为{{ report.meta.principles | join: "、" }}。',
      '{% case report.experiences.size %}{% when 2 %}两项{% else %}多项{% endcase %}{% comment %}{{ report.nothing }}{% endcomment %}',
    ].join('\n');
    expect(render(source).markdown).toBe(
      '共5项：“‘互联网+’政务服务”92.5分、“智慧法院”88.1分。\n无知晓率；原则为客观、公正。\n两项',
    );
  });

  it('names the file and line, in Chinese, when a template quotes a value the report lacks', () => {
    const source = '---\ntitle: 甲\n---\n第一行\n\n{{ report.stats.nothing.text }}\n';
    expect(() => render(source)).toThrow(ChapterError);
    expect(() => render(source)).toThrow(/^content\/01-intro\.md:6:4 template: 报告中没有这个值：report\.stats\.nothing/);
  });

  it.each([
    ['a value the report lacks', '{{ report.nothing }}', /:5:6 template: 报告中没有这个值：report\.nothing，/],
    ['a Nunjucks {% set %}', '{% set x = 1 %}', /:5:3 template: 章节中不能使用 \{% set %\}：给值起名请用 \{% assign/],
    ['a Nunjucks macro', '{% macro q(e) %}{% endmacro %}', /:5:3 template: 章节中不能使用 \{% macro %\}/],
    ['a Nunjucks filter call', '{{ report.meta.year | score(2) }}', /:5:\d+ template: 章节模板语法错误/],
    ['a Nunjucks comment', '{# 注释 #}', /:5:3 template: 注释请写作/],
    ['an unknown filter', '{{ report.meta.year | upper }}', /:5:3 template: 章节中没有过滤器 upper/],
    ['an unknown tag', '{% frobnicate %}', /:5:3 template: 章节中没有 \{% frobnicate %\} 这个标签/],
    ['a file include', '{% include "../data/units.yaml" %}', /:5:3 template: 章节中不能使用 \{% include %\}：章节不能引用其他文件/],
    ['a constructor', '{{ report.constructor }}', /:5:6 template: 不能读取对象的内部属性 constructor/],
    ['an unclosed block', '{% if report.meta.year %}', /:5:3 template: 标签或 \{\{ \}\} 没有闭合/],
  ])('reports %s at the line and column of the file, front matter counted', (_, tag, expected) => {
    expect(refusal(`---\ntitle: 甲\n---\n第一行\n  ${tag}\n`)).toMatch(expected);
  });

  it('counts lines the same in a file with CRLF line ends and a byte order mark', () => {
    expect(refusal('\uFEFF---\r\ntitle: 甲\r\n---\r\n第一行\r\n  {{ report.nothing }}\r\n')).toMatch(/^content\/01-intro\.md:5:6 template:/);
  });

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['a form feed', '\f', 'U+000C'],
    ['a C1 control', '\u0085', 'U+0085'],
    ['a right-to-left override', '\u202E', 'U+202E'],
  ])('refuses %s at its line and column', (_, char, code) => {
    expect(refusal(`---\ntitle: 甲\n---\n${'第一行\n'.repeat(29)}正文${char}正文\n`)).toBe(
      `content/01-intro.md:33:3 text: 章节中有不可见的控制字符 ${code}，请删除 (expected printable text, found ${code})`,
    );
  });

  it('renders 1,000 headings and refuses the 1,001st, at the first line of the body', () => {
    expect(render(`---\ntitle: 甲\n---\n${'## 节\n'.repeat(1000)}`).headings).toHaveLength(1000);
    expect(refusal(`---\ntitle: 甲\n---\n${'## 节\n'.repeat(1001)}`)).toBe(
      'content/01-intro.md:4:1 text: 章节中的小标题过多，超过 1000 个，请拆分为几章 (expected at most 1000 headings, found 1001)',
    );
  });

  it('refuses a chapter without a title', () => {
    expect(() => render('正文')).toThrow(/content\/01-intro\.md:1:1 title: 章节缺少标题/);
  });

  it('names a front matter that is not YAML at its line', () => {
    expect(refusal('---\ntitle: 甲\nx: [\n---\n正文')).toMatch(/^content\/01-intro\.md:\d+:\d+ front matter: 章节开头的 YAML 无法解析/);
  });

  it('names the file relative to the working directory', () => {
    const file = join(process.cwd(), 'content', '07-x.md');
    expect(() => renderChapter(file, '正文', { slug: 'x', order: 7, report, env })).toThrow(/^content\/07-x\.md:1:1 title:/);
    const outside = join(tmpdir(), '07-x.md');
    expect(() => renderChapter(outside, '正文', { slug: 'x', order: 7, report, env })).toThrow(`${relative(process.cwd(), outside)}:1:1 title:`);
  });
});

describe('renderChapters(contentDir, report)', () => {
  it('orders chapters by their numeric prefix and ignores other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
    writeFileSync(join(dir, '10-later.md'), '---\ntitle: 十\n---\n## 甲\n');
    writeFileSync(join(dir, '2-early.md'), '---\ntitle: 二\n---\n## 甲\n');
    writeFileSync(join(dir, 'README.md'), '# not a chapter');
    const chapters = renderChapters(dir, report);
    expect(chapters.map((c) => [c.order, c.slug, c.title])).toEqual([
      [2, 'early', '二'],
      [10, 'later', '十'],
    ]);
    expect(chapters[0]?.headings[0]?.id).toBe('early-1');
  });

  it('reports the mistakes of every chapter at once, in file order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
    writeFileSync(join(dir, '01-a.md'), '---\ntitle: 甲\n---\n{{ report.nothing }}\n');
    writeFileSync(join(dir, '02-b.md'), '---\ntitle: 乙\n---\n正常\n');
    writeFileSync(join(dir, '03-c.md'), '---\ntitle: 丙\n---\n\n{% include "x" %}\n');
    let error: unknown;
    try {
      renderChapters(dir, report);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChapterError);
    const issues = (error as ChapterError).issues;
    expect(issues.map((i) => [i.file.endsWith('01-a.md'), i.line, i.path])).toEqual([
      [true, 4, 'template'],
      [false, 5, 'template'],
    ]);
    expect((error as ChapterError).message.split('\n')).toHaveLength(2);
  });

  it('refuses a missing folder, naming it, instead of giving no chapters', () => {
    expect(() => renderChapters('/nonexistent/content', report)).toThrow(ChapterError);
    expect(() => renderChapters('/nonexistent/content', report)).toThrow(`${relative(process.cwd(), '/nonexistent/content')}:1:1: 章节文件夹不存在`);
  });

  it.each([
    ['a folder', (file: string) => mkdirSync(file), '这是一个文件夹'],
    ['a FIFO', (file: string) => makeFifo(file), '这是一个命名管道（FIFO）'],
    ['a link to a file outside the folder', (file: string) => symlinkSync('/etc/hostname', file), '符号链接指向版本文件夹之外'],
    ['a file over 1 MiB', (file: string) => writeFileSync(file, `---\ntitle: 大\n---\n${'字'.repeat(400_000)}`), '文件过大'],
  ])('refuses a chapter that is %s, naming the file, without reading it', (_kind, make, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-chapter-kind-'));
    writeFileSync(join(dir, '01-good.md'), '---\ntitle: 一\n---\n正文');
    make(join(dir, '02-bad.md'));
    expect(() => renderChapters(dir, report)).toThrow(ChapterError);
    expect(() => renderChapters(dir, report)).toThrow(`${relative(process.cwd(), join(dir, '02-bad.md'))}:1:1: ${reason}`);
  });
});

describe('chapterSlug(stem, order)', () => {
  it.each([
    ['features', 1, 'features'],
    ['Main Features', 1, 'main-features'],
    ['主要特点', 2, 'chapter-2'],
    ['2017-results', 3, 'chapter-2017-results'],
  ])('turns %s (chapter %i) into %s', (stem, order, expected) => {
    expect(chapterSlug(stem, order)).toBe(expected);
  });
});
