import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RANGE_MARK, rankRangeText, rankText, TIE_MARK, type RankForm } from '../../../src/model/text/rank-text.ts';

describe('rankText(placing, form)', () => {
  it.each<[Parameters<typeof rankText>[0], RankForm, string]>([
    [{ rank: 3, tied: false }, 'label', '第3名'],
    [{ rank: 2, tied: true }, 'label', '并列第2名'],
    [{ rank: null }, 'label', '不排名'],
    [null, 'label', '不排名'],
    [{ rank: 3, tied: false }, 'cell', '3'],
    [{ rank: 2, tied: true }, 'cell', '2'],
    [{ rank: 2, tied: true }, 'tie', TIE_MARK],
    [{ rank: 2, tied: false }, 'tie', ''],
    [{ rank: null, tied: true }, 'tie', ''],
    [{ rank: null }, 'cell', '—'],
    [{ rank: 2, tied: true }, 'number', '2'],
    [{ rank: undefined }, 'number', '—'],
    [{ rank: 3, among: 9 }, 'among', '3/9'],
    [{ rank: null, among: 9 }, 'among', '—'],
    [{ rank: 5 }, 'position', '第5位'],
    [{ rank: 0 }, 'cell', '—'],
    [{ rank: NaN }, 'label', '不排名'],
  ])('prints %o in the %s form as %s', (placing, form, text) => {
    expect(rankText(placing, form)).toBe(text);
  });

  it('prints a label when no form is given', () => {
    expect(rankText({ rank: 1, tied: true })).toBe('并列第1名');
  });

  it('writes 并列 only in the sentence label and the 并列 column, never beside a rank number', () => {
    const forms: RankForm[] = ['label', 'cell', 'tie', 'number', 'among', 'position'];
    const withTie = forms.filter((form) => rankText({ rank: 4, tied: true, among: 9 }, form).includes('并列'));
    expect(withTie).toEqual(['label', 'tie']);
  });
});

describe('rankRangeText(range, form)', () => {
  it.each<[Parameters<typeof rankRangeText>[0], 'cell' | 'label', string]>([
    [{ low: 2, high: 5 }, 'cell', '2～5'],
    [{ low: 2, high: 5 }, 'label', '第2～5名'],
    [{ low: 3, high: 3 }, 'cell', '3'],
    [{ low: 3, high: 3 }, 'label', '第3名'],
    [{ low: 1, high: 12 }, 'cell', '1～12'],
    [{ low: null, high: 4 }, 'cell', '—'],
    [{ low: 2, high: undefined }, 'label', '不排名'],
    [{ low: NaN, high: NaN }, 'cell', '—'],
    [{ low: 0, high: 3 }, 'cell', '—'],
    [undefined, 'cell', '—'],
    [null, 'label', '不排名'],
  ])('prints %o in the %s form as %s', (range, form, text) => {
    expect(rankRangeText(range, form)).toBe(text);
  });

  it('joins the two ends with the full-width wave dash of GB/T 15835, never a hyphen or an en dash', () => {
    expect(RANGE_MARK).toBe('～');
    expect(rankRangeText({ low: 1, high: 2 })).not.toMatch(/[-–—~]/);
  });

  it('prints both ends of any range of two ranks, best first, and one rank once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (low, extra) => {
        const text = rankRangeText({ low, high: low + extra });
        expect(text).toBe(extra === 0 ? String(low) : `${low}～${low + extra}`);
        expect(rankRangeText({ low, high: low + extra }, 'label')).toBe(`第${text}名`);
      }),
    );
  });
});
