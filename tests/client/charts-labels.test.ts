import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartHeight, wrapBalanced, wrapLabel } from '../../src/client/charts-labels.ts';

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

describe('wrapBalanced(label, maxWidth, measure, maxLines)', () => {
  it.each([
    ['evens out two lines instead of orphaning a character', '整合政务服务热线打造平台', 110, 3, ['整合政务服务', '热线打造平台']],
    ['keeps a label that fits on one line', '张店区', 110, 3, ['张店区']],
    ['leaves a label cut with … as wrapLabel cuts it', '创新改革政务云桌面', 40, 2, ['创新改革', '政务云…']],
  ])('%s', (_name, label, width, lines, expected) => {
    expect(wrapBalanced(label, width, measure, lines)).toEqual(expected);
  });

  it('uses no more lines than wrapLabel and keeps every line within the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('国', '家', 'a', '1'), maxLength: 40 }), fc.integer({ min: 20, max: 200 }), (label, width) => {
        const plain = wrapLabel(label, width, measure, 3);
        const even = wrapBalanced(label, width, measure, 3);
        expect(even.length).toBe(plain.length);
        expect(even.join('')).toBe(plain.join(''));
        for (const line of even) expect(measure(line)).toBeLessThanOrEqual(Math.max(width, 10));
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
