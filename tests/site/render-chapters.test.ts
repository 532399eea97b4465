import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.ts';
import { ChapterError, chapterSlug, renderChapter, renderChapters, templateEnvironment } from '../../src/site/render-chapters.ts';
import { makeFifo } from '../helpers/special-files.ts';

/** Just the fields the chapters below quote; a chapter never sees more than `report`. */
const report = {
  meta: { title: '测试报告', year: 2020, evaluator: '评估组<甲>' },
  stats: { satisfaction: { value: 0.91, text: '91%' }, counts: { experiences: 5 } },
} as unknown as Report;

function render(source: string, slug = 'intro') {
  return renderChapter(`content/01-${slug}.md`, source, { slug, order: 1, report, env: templateEnvironment() });
}

describe('renderChapter(file, source, context)', () => {
  it('fills figures from the report through Nunjucks before Markdown', () => {
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

  it('names the file and line, in Chinese, when a template quotes a value the report lacks', () => {
    const source = '---\ntitle: 甲\n---\n第一行\n\n{{ report.stats.nothing.text }}\n';
    expect(() => render(source)).toThrow(ChapterError);
    expect(() => render(source)).toThrow(/^content\/01-intro\.md:6:\d+ template: 章节模板无法渲染/);
  });

  it('refuses a chapter without a title', () => {
    expect(() => render('正文')).toThrow(/content\/01-intro\.md:1:1 title: 章节缺少标题/);
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

  it('refuses a missing folder, naming it, instead of giving no chapters', () => {
    expect(() => renderChapters('/nonexistent/content', report)).toThrow(ChapterError);
    expect(() => renderChapters('/nonexistent/content', report)).toThrow('/nonexistent/content:1:1: 章节文件夹不存在');
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
    expect(() => renderChapters(dir, report)).toThrow(`${join(dir, '02-bad.md')}:1:1: ${reason}`);
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
