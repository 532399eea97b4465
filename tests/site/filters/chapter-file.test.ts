import { describe, expect, it } from 'vitest';
import { chapterFile } from '../../../src/site/filters/chapter-file.ts';

describe('chapterFile(slug)', () => {
  it.each([
    ['features', 'features.txt'],
    ['introduction', 'introduction.txt'],
    ['report', 'chapter-report.txt'],
    ['annex-1', 'chapter-annex-1.txt'],
  ])('names the text download of chapter %s %s', (slug, file) => {
    expect(chapterFile(slug)).toBe(file);
  });
});
