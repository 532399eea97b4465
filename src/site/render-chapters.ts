/**
 * The narrative chapters of an edition, rendered once per build: each
 * `content/NN-<slug>.md` goes through the chapter language, LiquidJS set
 * up for untrusted authors (`chapter-liquid.ts`: output escaped, context
 * `{ report }`, so every figure is a template expression over the data,
 * and nothing else reachable), and then markdown-it (`html: false`,
 * typographer off so full-width punctuation stays as typed) with
 * markdown-it-anchor.
 *
 * Every string the template reads from the report has Markdown's inline
 * punctuation escaped (`markdown-safe.ts`), so data stays text.
 *
 * A chapter that cannot be rendered is refused with its file (relative to
 * the working directory, as data files are named), line and column counted
 * in the file, front matter included, and a Chinese message.
 *
 * Heading ids are ASCII and unique across the whole home page: the chapter
 * slug, then the heading's position, `features-2` for the second top-level
 * heading of `01-features.md` and `features-2-1` for its first subheading.
 * Headings are shifted so that a chapter's top level renders as `<h3>` (the
 * chapter title is the `<h2>`), and each heading with its content sits in a
 * `<section>`.
 */
import path, { join } from 'node:path';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
type MarkdownItInstance = InstanceType<typeof MarkdownIt>;
import anchor from 'markdown-it-anchor';
import { formatIssue, sortIssues, type Issue } from '../data/errors.ts';
import { EditionFileError, listEditionFolderSync, readEditionFileSync, type EditionFolder } from '../data/read-edition-file.ts';
import type { Report } from '../model/types.ts';
import { chapterEngine, ChapterTemplateError, renderChapterTemplate, textPosition, type ChapterEngine } from './chapter-liquid.ts';
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
  /** File the chapter came from, relative to the working directory, as error messages name it. */
  file: string;
  /** Markdown after the template (data filled in, `&`, `<`, `>` and quotes escaped as entities). */
  markdown: string;
  /** HTML from markdown-it, safe to insert unescaped (raw HTML is disabled). */
  html: string;
  headings: ChapterHeading[];
  /** The chapter's top-level headings (level 3), for the contents. */
  outline: ChapterHeading[];
}

/**
 * Chapters that cannot be rendered: every issue names file, line, column
 * and what is wrong, in Chinese, and the message lists them one per line
 * (`content/03-results.md:33:5 template: 说明 (…)`), as `EditionError` does
 * for data files.
 *
 * @example
 * new ChapterError([{ file: 'content/01-a.md', line: 1, column: 1, path: 'title', message: '章节缺少标题' }]).message
 * // 'content/01-a.md:1:1 title: 章节缺少标题'
 */
export class ChapterError extends Error {
  readonly issues: Issue[];

  constructor(issues: readonly Issue[]) {
    const sorted = sortIssues(issues);
    super(sorted.map(formatIssue).join('\n'));
    this.name = 'ChapterError';
    this.issues = sorted;
  }
}

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/;
/** The chapter's top-level heading renders at this level. */
const TOP_LEVEL = 3;
/**
 * Most headings one chapter may have. Each heading costs the anchor and
 * section rules far more than a paragraph (8,000 took about 2 s, 200,000
 * did not finish in 5 minutes); a chapter of the default edition has 8.
 */
const MAX_HEADINGS = 1_000;

/**
 * Reads and renders every chapter in `contentDir`, ordered by the numeric
 * file-name prefix (ties by name). A missing folder is a `ChapterError`
 * naming it. A chapter that is not a regular file of at most 1 MiB inside
 * the folder (never opened), has no `title`, or whose template names a value
 * the report lacks or anything outside the chapter language, is an issue
 * naming `file:line:col`, and one `ChapterError` carries the issues of every
 * chapter.
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
  const env = chapterEngine();
  const used = new Set<string>();
  const issues: Issue[] = [];
  const chapters = files.map(({ name, match }) => {
    const file = join(contentDir, name);
    const order = Number(match[1]);
    const slug = uniqueSlug(chapterSlug(match[2] ?? '', order), used);
    return collectIssues(issues, () => renderChapter(file, readChapterFile(file, folder.real), { slug, order, report, env }));
  });
  if (issues.length > 0) throw new ChapterError(issues);
  return chapters.filter((chapter): chapter is Chapter => chapter !== undefined);
}

/** Runs `render`, adding the issues of a `ChapterError` it throws to `issues` instead of throwing. */
function collectIssues(issues: Issue[], render: () => Chapter): Chapter | undefined {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof ChapterError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/** Lists the chapters folder; a missing path or a file in its place is a `ChapterError`. */
function chapterFolder(contentDir: string): EditionFolder {
  try {
    return listEditionFolderSync(contentDir);
  } catch (error) {
    if (!(error instanceof EditionFileError)) throw error;
    const message = error.problem === 'missing' ? '章节文件夹不存在 (expected a folder of chapters, found nothing)' : error.reason;
    throw new ChapterError([{ file: shownPath(contentDir), line: 1, column: 1, path: '', message }]);
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
    throw new ChapterError([{ file: shownPath(file), line: 1, column: 1, path: '', message: error.reason }]);
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

/** What {@link renderChapter} needs besides the file: its place, the report and the chapter language. */
export interface ChapterContext {
  slug: string;
  order: number;
  report: Report;
  /** The chapter language (`chapterEngine()`), shared by the chapters of one build. */
  env: ChapterEngine;
}

/**
 * Renders one chapter's source text; exported for tests that need no files.
 * Throws a `ChapterError` with one issue when the chapter cannot be rendered.
 *
 * @example
 * renderChapter('content/01-a.md', '---\ntitle: 一、甲\n---\n## 小节\n正文', ctx).headings
 * // [{ level: 3, id: 'a-1', text: '小节' }]
 */
export function renderChapter(file: string, source: string, ctx: ChapterContext): Chapter {
  const shown = shownPath(file);
  const refuse = (line: number, column: number, field: string, message: string): never => {
    throw new ChapterError([{ file: shown, line, column, path: field, message }]);
  };
  const text = source.replace(/^\uFEFF/, '');
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const { line, column } = textPosition(text, control.index);
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    refuse(line, column, 'text', `章节中有不可见的控制字符 ${code}，请删除 (expected printable text, found ${code})`);
  }
  const { frontMatter, body, bodyLine } = splitFrontMatter(shown, text);
  const title = frontMatter.title;
  if (typeof title !== 'string' || title.trim() === '') {
    refuse(1, 1, 'title', '章节缺少标题（front matter 中的 title 须为非空文字）');
  }
  let markdown = '';
  try {
    // Data reads Markdown-escaped, so a name can never become a link or emphasis.
    markdown = renderChapterTemplate(ctx.env, body, { report: markdownSafe(ctx.report) });
  } catch (error) {
    if (!(error instanceof ChapterTemplateError)) throw error;
    refuse(bodyLine + error.line - 1, error.column, 'template', error.message);
  }
  const headings: ChapterHeading[] = [];
  let html = '';
  try {
    html = chapterMarkdown(ctx.slug, headings).render(markdown);
  } catch (error) {
    if (!(error instanceof TooManyHeadings)) throw error;
    refuse(bodyLine, 1, 'text', `章节中的小标题过多，超过 ${MAX_HEADINGS} 个，请拆分为几章 (expected at most ${MAX_HEADINGS} headings, found ${error.count})`);
  }
  const outline = headings.filter((h) => h.level === TOP_LEVEL);
  return { slug: ctx.slug, title: title as string, order: ctx.order, file: shown, markdown, html, headings, outline };
}

/**
 * Characters no chapter has a use for and that hide in an editor: C0 and C1
 * controls other than tab and line breaks (NUL among them), and the
 * bidirectional overrides and isolates that can make text read in another
 * order than it is stored.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A file as errors name it: relative to the working directory, as the data loader names data files. */
function shownPath(file: string): string {
  return path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file;
}

function splitFrontMatter(file: string, text: string): { frontMatter: Record<string, unknown>; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, body: text, bodyLine: 1 };
  let parsed: unknown;
  try {
    parsed = yaml.load(match[1] ?? '');
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const [line = 1, column = 1] = mark ? [mark.line + 2, mark.column + 1] : [];
    throw new ChapterError([{ file, line, column, path: 'front matter', message: `章节开头的 YAML 无法解析 (${(error as Error).message.split('\n')[0]})` }]);
  }
  const frontMatter = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { frontMatter, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Thrown by the heading rule before the anchor rule would spend minutes on a chapter with too many headings. */
class TooManyHeadings extends Error {
  constructor(readonly count: number) {
    super(`${count} headings`);
  }
}

/** A markdown-it instance for one chapter, collecting its headings into `headings`. */
function chapterMarkdown(slug: string, headings: ChapterHeading[]): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push('pinggu_heading_ids', (state) => {
    const levels = state.tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
    if (levels.length > MAX_HEADINGS) throw new TooManyHeadings(levels.length);
    // A reduce, not Math.min(...levels): a chapter may have more headings than a call may take arguments.
    const shift = levels.length ? TOP_LEVEL - levels.reduce((min, level) => Math.min(min, level)) : 0;
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
