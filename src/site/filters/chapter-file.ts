import { chapterFileName } from '../../downloads/index.ts';

/**
 * The name of a chapter's text download, as the downloads write it
 * (`features.txt`; `chapter-report.txt` for a slug the downloads use).
 *
 * @example
 * chapterFile('features') // 'features.txt'
 */
export function chapterFile(slug: string): string {
  return chapterFileName(slug);
}
