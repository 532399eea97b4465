/**
 * The narrative chapters of an edition, rendered once per build: each
 * `content/NN-<slug>.md` goes through Nunjucks (autoescape on, context
 * `{ report }`, so every figure is a template expression over the data)
 * and then markdown-it (`html: false`, typographer off so full-width
 * punctuation stays as typed) with markdown-it-anchor.
 *
 * Every string the template reads from the report has Markdown's inline
 * punctuation escaped (`markdown-safe.ts`), so data stays text.
 *
 * Heading ids are ASCII and unique across the whole home page: the chapter
 * slug, then the heading's position, `features-2` for the second top-level
 * heading of `01-features.md` and `features-2-1` for its first subheading.
 * Headings are shifted so that a chapter's top level renders as `<h3>` (the
 * chapter title is the `<h2>`), and each heading with its content sits in a
 * `<section>`.
 */
import { join } from 'node:path';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
type MarkdownItInstance = InstanceType<typeof MarkdownIt>;
import anchor from 'markdown-it-anchor';
import nunjucks, { type Environment } from 'nunjucks';
import { EditionFileError, listEditionFolderSync, readEditionFileSync, type EditionFolder } from '../data/read-edition-file.ts';
import type { Report } from '../model/types.ts';
import { filters } from './filters/index.ts';
import { markdownSafe } from './markdown-safe.ts';

export interface ChapterHeading {
  /** Rendered level, 3 for a chapter's top-level heading. */
  level: number;
  id: string;
  text: string;
}

export interface Chapter {
  /** ASCII slug from the file name (`01-features.md` → `features`). */
  slug: string;
  title: string;
  /** Numeric file-name prefix. */
  order: number;
  /** File path the chapter came from, for error messages. */
  file: string;
  /** Markdown after Nunjucks (data filled in, `&`, `<`, `>` and quotes escaped as entities). */
  markdown: string;
  /** HTML from markdown-it, safe to insert unescaped (raw HTML is disabled). */
  html: string;
  headings: ChapterHeading[];
  /** The chapter's top-level headings (level 3), for the contents. */
  outline: ChapterHeading[];
}

/** An error in a chapter, in Chinese, naming the file and line. */
export class ChapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChapterError';
  }
}

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/;
/** The chapter's top-level heading renders at this level. */
const TOP_LEVEL = 3;

/**
 * Reads and renders every chapter in `contentDir`, ordered by the numeric
 * file-name prefix (ties by name). A missing folder, or a chapter that is
 * not a regular file of at most 1 MiB inside the folder, throws a
 * `ChapterError` naming it; a chapter without a `title`, or whose template names a value the report
 * lacks, throws a `ChapterError` naming `file:line:col`.
 *
 * @example
 * renderChapters('content', report)[0]
 * // { slug: 'features', title: '一、主要特点', order: 1, html: '<section>…', headings: [...] }
 */
export function renderChapters(contentDir: string, report: Report): Chapter[] {
  const folder = chapterFolder(contentDir);
  const files = folder.names
    .map((name) => ({ name, match: CHAPTER_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .sort((a, b) => Number(a.match[1]) - Number(b.match[1]) || a.name.localeCompare(b.name));
  const env = templateEnvironment();
  const used = new Set<string>();
  return files.map(({ name, match }) => {
    const file = join(contentDir, name);
    const order = Number(match[1]);
    const slug = uniqueSlug(chapterSlug(match[2] ?? '', order), used);
    return renderChapter(file, readChapterFile(file, folder.real), { slug, order, report, env });
  });
}

/** Lists the chapters folder; a missing path or a file in its place is a `ChapterError`. */
function chapterFolder(contentDir: string): EditionFolder {
  try {
    return listEditionFolderSync(contentDir);
  } catch (error) {
    if (!(error instanceof EditionFileError)) throw error;
    const reason = error.problem === 'missing' ? '章节文件夹不存在 (expected a folder of chapters, found nothing)' : error.reason;
    throw new ChapterError(`${contentDir}:1:1: ${reason}`);
  }
}

/**
 * A chapter's text: a regular file of at most 1 MiB inside the chapters
 * folder (`src/data/read-edition-file.ts`); anything else is a `ChapterError`
 * naming the file, and is never opened.
 */
function readChapterFile(file: string, within: string): string {
  try {
    return readEditionFileSync(file, { within }).toString('utf8');
  } catch (error) {
    if (!(error instanceof EditionFileError)) throw error;
    throw new ChapterError(`${file}:1:1: ${error.reason}`);
  }
}

/**
 * Turns a file-name stem into an ASCII slug, or `chapter-<order>` when the
 * stem has no ASCII letters or digits.
 *
 * @example
 * chapterSlug('Main Features', 1) // 'main-features'
 * chapterSlug('主要特点', 2)       // 'chapter-2'
 */
export function chapterSlug(stem: string, order: number): string {
  const slug = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : slug ? `chapter-${slug}` : `chapter-${order}`;
}

function uniqueSlug(slug: string, used: Set<string>): string {
  let candidate = slug;
  for (let i = 2; used.has(candidate); i++) candidate = `${slug}-${i}`;
  used.add(candidate);
  return candidate;
}

interface ChapterContext {
  slug: string;
  order: number;
  report: Report;
  env: Environment;
}

/**
 * Renders one chapter's source text; exported for tests that need no files.
 *
 * @example
 * renderChapter('content/01-a.md', '---\ntitle: 一、甲\n---\n## 小节\n正文', ctx).headings
 * // [{ level: 3, id: 'a-1', text: '小节' }]
 */
export function renderChapter(file: string, source: string, ctx: ChapterContext): Chapter {
  const { frontMatter, body, bodyLine } = splitFrontMatter(file, source);
  const title = frontMatter.title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new ChapterError(`${file}:1:1 title: 章节缺少标题（front matter 中的 title 须为非空文字）`);
  }
  let markdown: string;
  try {
    // Data reads Markdown-escaped, so a name can never become a link or emphasis. Autoescape
    // then writes every backslash as &#92;, which would undo those escapes: put them back.
    markdown = ctx.env.renderString(body, { report: markdownSafe(ctx.report) }).replaceAll('&#92;', '\\');
  } catch (error) {
    throw templateError(file, bodyLine, error);
  }
  const headings: ChapterHeading[] = [];
  const html = chapterMarkdown(ctx.slug, headings).render(markdown);
  const outline = headings.filter((h) => h.level === TOP_LEVEL);
  return { slug: ctx.slug, title, order: ctx.order, file, markdown, html, headings, outline };
}

/**
 * A Nunjucks environment for chapters: autoescape on, unknown values are
 * errors, and the site's filters.
 *
 * @example
 * templateEnvironment().renderString('{{ x }}', { x: '<b>' }) // '&lt;b&gt;'
 */
export function templateEnvironment(): Environment {
  const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: true });
  for (const [name, fn] of Object.entries(filters)) env.addFilter(name, fn as (...args: unknown[]) => unknown);
  return env;
}

function splitFrontMatter(file: string, source: string): { frontMatter: Record<string, unknown>; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, body: text, bodyLine: 1 };
  let parsed: unknown;
  try {
    parsed = yaml.load(match[1] ?? '');
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const where = mark ? `${mark.line + 2}:${mark.column + 1}` : '1:1';
    throw new ChapterError(`${file}:${where} front matter: 章节开头的 YAML 无法解析（${(error as Error).message.split('\n')[0]}）`);
  }
  const frontMatter = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { frontMatter, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

function templateError(file: string, bodyLine: number, error: unknown): ChapterError {
  // Nunjucks puts the position only in the message: "(unknown path) [Line 3, Column 1]\n  …".
  const message = String((error as Error)?.message ?? error);
  const where = /\[Line (\d+), Column (\d+)\]/.exec(message);
  const line = Number(where?.[1] ?? 1) + bodyLine - 1;
  const col = Number(where?.[2] ?? 1);
  const detail = message.replace(/^\(unknown path\)\s*(\[Line \d+, Column \d+\])?\s*/, '').replace(/^Error:\s*/, '').trim();
  return new ChapterError(`${file}:${line}:${col} template: 章节模板无法渲染，请检查引用的数据是否存在（${detail}）`);
}

/** A markdown-it instance for one chapter, collecting its headings into `headings`. */
function chapterMarkdown(slug: string, headings: ChapterHeading[]): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push('pinggu_heading_ids', (state) => {
    const levels = state.tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
    const shift = levels.length ? TOP_LEVEL - Math.min(...levels) : 0;
    const counters: number[] = [];
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open' && token.type !== 'heading_close') return;
      const level = Math.min(6, Number(token.tag.slice(1)) + shift);
      token.tag = `h${level}`;
      if (token.type === 'heading_close') return;
      const depth = level - TOP_LEVEL;
      counters.length = depth + 1;
      counters[depth] = (counters[depth] ?? 0) + 1;
      const id = [slug, ...Array.from(counters, (n) => n ?? 1)].join('-');
      token.attrSet('id', id);
      const text = (state.tokens[i + 1]?.children ?? [])
        .filter((t) => t.type === 'text' || t.type === 'code_inline')
        .map((t) => t.content)
        .join('');
      headings.push({ level, id, text });
    });
  });
  md.use(anchor, {
    level: [3, 4, 5, 6],
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: 'aria-label',
      assistiveText: () => '复制本节链接',
      class: 'heading-anchor',
      // The # is not text of the report: keep it out of search excerpts.
      renderAttrs: () => ({ 'data-pagefind-ignore': '' }),
      symbol: '#',
      placement: 'after',
      wrapper: ['<div class="heading">', '</div>'],
    }),
  });
  md.core.ruler.push('pinggu_sections', (state) => {
    const Token = state.Token;
    const out: typeof state.tokens = [];
    const open: number[] = [];
    const close = (level: number) => {
      while (open.length && (open[open.length - 1] ?? 0) >= level) {
        open.pop();
        out.push(Object.assign(new Token('html_block', '', 0), { content: '</section>\n' }));
      }
    };
    state.tokens.forEach((token, i) => {
      // The anchor plugin wraps each heading in <div class="heading">: open the section before the wrapper.
      const next = state.tokens[i + 1];
      if (token.type === 'html_block' && token.content.startsWith('<div class="heading">') && next?.type === 'heading_open') {
        const level = Number(next.tag.slice(1));
        close(level);
        open.push(level);
        out.push(Object.assign(new Token('html_block', '', 0), { content: `<section class="subsection" aria-labelledby="${next.attrGet('id')}">\n` }));
      }
      out.push(token);
    });
    close(0);
    state.tokens = out;
  });
  return md;
}
