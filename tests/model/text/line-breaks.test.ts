import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/model/text/display-width.ts';
import { breakLines, breakOpportunities, lineBreaker } from '../../../src/model/text/line-breaks.ts';

/** Where the lines of `lines` begin in their joined text, after the first. */
const cuts = (lines: string[]) => lines.slice(0, -1).reduce<number[]>((at, line) => [...at, (at.at(-1) ?? 0) + line.length], []);

describe('breakOpportunities(text)', () => {
  it.each([
    ['综合排名表', '综合排名表'],
    ['推广推介情况', '推广推介'],
    ['第三方评估报告', '第三方'],
    ['牵头部门', '牵头'],
  ])('never breaks a word between two of its characters (%s, inside %s)', (text, word) => {
    const title = `各区县对2017年20项创新改革经验${text}`;
    const start = title.indexOf(word);
    for (const at of breakOpportunities(title).words) expect(at <= start || at >= start + word.length).toBe(true);
  });

  it('breaks after a comma, before an opening quote and after a joining word', () => {
    const text = '打破信息孤岛，推行“大数据”人力资源和社会保障';
    const { words } = breakOpportunities(text);
    expect(words).toContain(text.indexOf('推行'));
    expect(words).toContain(text.indexOf('“'));
    expect(words).toContain(text.indexOf('社会'));
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation, at any tier', () => {
    const text = '甲（乙）丙，“丁”。';
    const { characters } = breakOpportunities(text);
    for (const at of characters) {
      expect('）”，。').not.toContain(text[at]);
      expect('（“').not.toContain(text[at - 1]);
    }
  });

  it('gives nothing for empty text or one character', () => {
    expect(breakOpportunities('')).toEqual({ words: [], segments: [], characters: [], anywhere: [] });
    expect(breakOpportunities('甲')).toEqual({ words: [], segments: [], characters: [], anywhere: [] });
  });
});

describe('breakLines(text, { width, mode })', () => {
  it('keeps text that fits on one line', () => {
    expect(breakLines('创新数字化大城管', { width: 16 })).toEqual(['创新数字化大城管']);
  });

  it('balances a title between words, the first line longer on a tie', () => {
    expect(breakLines('关于全市2017年20项创新改革经验推广推介情况的第三方评估报告', { width: 38, mode: 'balance' })).toEqual([
      '关于全市2017年20项创新改革经验',
      '推广推介情况的第三方评估报告',
    ]);
  });

  it('fills each line as far as the words go', () => {
    expect(breakLines('打破信息孤岛，推行“大数据+社保卡+基层平台”人社服务模式', { width: 30 })).toEqual([
      '打破信息孤岛，推行',
      '“大数据+社保卡+基层平台”',
      '人社服务模式',
    ]);
  });

  it('breaks inside a word only when no break between words fits', () => {
    expect(breakLines('综合排名表', { width: 6 })).toEqual(['综合', '排名表']);
    expect(breakLines('综合排名表', { width: 5 })).toEqual(['综合', '排名', '表']);
    expect(breakLines('甲', { width: 1 })).toEqual(['甲']);
  });

  it('breaks against the punctuation rules only when nothing else fits', () => {
    expect(breakLines('（创', { width: 2 })).toEqual(['（', '创']);
    expect(breakLines('（创新）', { width: 4 })).toEqual(['（创', '新）']);
  });

  it('breaks a text of 100,000 characters in time proportional to its length', () => {
    const text = '推广推介情况综合排名表，'.repeat(8_000);
    const started = performance.now();
    const lines = breakLines(text, { width: 40, mode: 'balance' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(lines.join('')).toBe(text);
    expect(lines.every((line) => displayWidth(line) <= 40)).toBe(true);
  });

  it('gives back the text, in the fewest lines no wider than the width the breaks allow', () => {
    const chinese = fc.constantFrom(...'创新改革经验推广推介情况综合排名表，、“”（）和的12ab'.split(''));
    fc.assert(
      fc.property(fc.array(chinese, { maxLength: 60 }), fc.integer({ min: 2, max: 40 }), fc.constantFrom('fill' as const, 'balance' as const), (chars, width, mode) => {
        const text = chars.join('');
        const lines = breakLines(text, { width, mode });
        expect(lines.join('')).toBe(text);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
        if (displayWidth(text) <= width) expect(lines).toEqual([text]);
        const { anywhere } = breakOpportunities(text);
        for (const at of cuts(lines)) expect(anywhere).toContain(at);
        // Filling and balancing differ only in where the lines break, not how many there are.
        expect(lines.length).toBe(breakLines(text, { width, mode: mode === 'fill' ? 'balance' : 'fill' }).length);
      }),
    );
  });
});

describe('lineBreaker(text)', () => {
  it('breaks one text at many widths as breakLines does', () => {
    const text = '市政务服务中心管理办公室';
    const lines = lineBreaker(text);
    expect(lines({ width: 14 })).toEqual(['市政务服务中心', '管理办公室']);
    expect(lines({ width: 24 })).toEqual([text]);
    for (const width of [4, 8, 12, 16, 20]) {
      for (const mode of ['fill', 'balance'] as const) expect(lines({ width, mode })).toEqual(breakLines(text, { width, mode }));
    }
  });
});
