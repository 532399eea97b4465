/**
 * What the downloads need of a narrative chapter: the fields of
 * `renderChapters(contentDir, report)` (src/site/render-chapters.ts) that
 * plain text and Word output read, and the name of its text download, which
 * the site links to. Declared in the model, below both, so that neither
 * output depends on the other.
 */
export interface ChapterSource {
  /** File slug without the numeric prefix (`main-features`), used for `downloads/<slug>.txt`. */
  slug: string;
  /** Front-matter title as printed, carrying its own number (`一、主要特点`). */
  title: string;
  /** Position from the numeric file-name prefix. */
  order: number;
  /** The chapter's Markdown after Nunjucks has filled in every figure. */
  markdown: string;
}

/** Names the downloads use themselves, which a chapter's file must not take. */
const RESERVED = new Set(['report', 'annexes', 'annex-1', 'annex-2', 'annex-3', 'index']);

/**
 * The file name of a chapter's text download: `<slug>.txt`, or
 * `chapter-<slug>.txt` when the slug is one the downloads use themselves.
 *
 * @example
 * chapterFileName('features') // → 'features.txt'
 * chapterFileName('report') // → 'chapter-report.txt'
 */
export function chapterFileName(slug: string): string {
  return RESERVED.has(slug) ? `chapter-${slug}.txt` : `${slug}.txt`;
}
