import { describe, expect, it } from 'vitest';
import { chapterFileName } from '../../src/model/chapter-source.ts';

describe('chapterFileName(slug)', () => {
  it.each([
    ['features', 'features.txt'],
    ['report', 'chapter-report.txt'],
    ['annexes', 'chapter-annexes.txt'],
    ['annex-3', 'chapter-annex-3.txt'],
    ['index', 'chapter-index.txt'],
  ])('names the text download of chapter %s %s, never one of the downloads’ own names', (slug, file) => {
    expect(chapterFileName(slug)).toBe(file);
  });
});
