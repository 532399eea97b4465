/**
 * What the downloads need of a narrative chapter: the fields of
 * `renderChapters(contentDir, report)` (src/site/render-chapters.ts) that
 * plain text and Word output read. Declared here so that the downloads do
 * not depend on the site's rendering code.
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
