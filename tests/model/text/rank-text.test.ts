import { describe, expect, it } from 'vitest';
import { rankText, TIE_MARK, type RankForm } from '../../../src/model/text/rank-text.ts';

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
