/**
 * The chapters of an edition as an editor typed them, with the template
 * machinery taken out, for tests that check what the prose itself says:
 * that it types no figure and copies no published sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One chapter's typed prose, line by line (line numbers as in the file). */
export interface ChapterProse {
  /** Path relative to the project root. */
  file: string;
  /** The file's lines with front matter blanked and every template tag replaced by `HOLE`. */
  lines: string[];
}

/** What a template tag (`{{ … }}`, `{% … %}`, `{# … #}`) leaves behind: a character no prose uses. */
export const HOLE = '□';

const TEMPLATE_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

/**
 * Replaces every template tag by `HOLE`, keeping line breaks inside a tag
 * so that line numbers stay those of the file.
 *
 * @example
 * stripTemplate('满意度为{{ report.stats.satisfaction.text }}。') // '满意度为□。'
 */
export function stripTemplate(text: string): string {
  return text.replace(TEMPLATE_TAG, (tag) => HOLE + '\n'.repeat(tag.split('\n').length - 1));
}

/**
 * Reads every `NN-*.md` chapter of `contentDir` in order, blanking the
 * front matter and stripping template tags.
 *
 * @example
 * readChapterProse('content')[0].file // 'content/01-introduction.md'
 */
export function readChapterProse(contentDir: string, root: string): ChapterProse[] {
  return readdirSync(contentDir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort()
    .map((name) => {
      const full = path.join(contentDir, name);
      let text = readFileSync(full, 'utf8');
      const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text);
      if (frontMatter) text = frontMatter[0].replace(/[^\n]/g, '') + text.slice(frontMatter[0].length);
      return { file: path.relative(root, full), lines: stripTemplate(text).split('\n') };
    });
}
