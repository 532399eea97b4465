import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/scoring/reconcile.ts';

describe('reconcile(reported, computed)', () => {
  const values: Record<string, number> = { satisfaction: 805 / 885, unit_mean: 92.555, experience_mean: 94.2449, spread: 18.5 };
  const computed = (key: string) => values[key];

  it.each([
    ['satisfaction', '91%', '91%', true],
    ['unit_mean', '92.56', '92.56', true],
    ['experience_mean', '94.24', '94.24', true],
    ['spread', '18.5', '18.5', true],
    ['unit_mean', '92.55', '92.56', false],
    ['satisfaction', '90.9%', '91.0%', false],
    ['missing', '12', '—', false],
  ])('compares %s printed %s with computed %s', (key, printed, text, ok) => {
    expect(reconcile({ [key]: printed }, computed)).toEqual([{ key, printed, computed: text, ok }]);
  });

  it('keeps the order of the printed figures', () => {
    expect(reconcile({ unit_mean: '92.56', satisfaction: '91%' }, computed).map((r) => r.key)).toEqual(['unit_mean', 'satisfaction']);
  });
});
