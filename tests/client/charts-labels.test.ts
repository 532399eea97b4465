import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartHeight, wrapLabel } from '../../src/client/charts-labels.ts';

/** Every character 10 px wide, like a monospaced CJK font. */
const measure = (text: string): number => Array.from(text).length * 10;

describe('wrapLabel(label, maxWidth, measure, maxLines)', () => {
  it.each([
    ['keeps a short label on one line', '张店区', 40, 2, ['张店区']],
    ['breaks a long label between characters', '创新数字化大城管', 40, 2, ['创新数字', '化大城管']],
    ['ends the last line with … when the label does not fit', '创新改革政务云桌面', 40, 2, ['创新改革', '政务云…']],
    ['keeps closing punctuation on the line it closes', '打破“信息孤岛”构建', 60, 3, ['打破“信息孤', '岛”构建']],
    ['gives one empty line for an empty label', '', 40, 2, ['']],
    ['gives a too-wide character a line of its own', '甲乙', 5, 3, ['甲', '乙']],
  ])('%s', (_name, label, width, lines, expected) => {
    expect(wrapLabel(label, width, measure, lines)).toEqual(expected);
  });

  it('never exceeds the line limit and never loses text without marking it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 4 }), (label, width, maxLines) => {
        const lines = wrapLabel(label, width, measure, maxLines);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        const joined = lines.join('');
        if (joined !== label) expect(joined.endsWith('…')).toBe(true);
      }),
    );
  });
});

describe('chartHeight(lineCounts, fontSize)', () => {
  it('gives every bar room for the tallest label, plus the axis', () => {
    expect(chartHeight([1, 2, 1], 16)).toBe(218);
  });

  it('grows with the number of bars and with the lines of the labels', () => {
    expect(chartHeight([1, 1, 1, 1], 16)).toBeGreaterThan(chartHeight([1, 1, 1], 16));
    expect(chartHeight([3, 1, 1], 16)).toBeGreaterThan(chartHeight([2, 1, 1], 16));
  });
});
