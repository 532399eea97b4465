/**
 * Reconciliation: each figure printed in the published text against the
 * statistic the build computes, compared as printed strings.
 */
import { formatLike } from './format.ts';

/** One printed figure against the computed statistic behind it. */
export interface Reconciliation {
  /** Key as in `reported` (`satisfaction`, `spread:minor-criminal-cases`). */
  key: string;
  printed: string;
  computed: string;
  ok: boolean;
}

/**
 * Formats each computed statistic at the precision of its printed figure
 * (its decimals; a `%` means the fraction times 100) and compares the two
 * strings. A key with no computed value (undefined or NaN) does not
 * match and shows `—`. Rows keep the order of `reported`.
 *
 * @example
 * reconcile({ satisfaction: '91%', unit_mean: '92.56' }, (k) => ({ satisfaction: 805 / 885, unit_mean: 92.555 })[k])
 * // [{ key: 'satisfaction', printed: '91%', computed: '91%', ok: true },
 * //  { key: 'unit_mean', printed: '92.56', computed: '92.56', ok: true }]
 */
export function reconcile(
  reported: Readonly<Record<string, string>>,
  computed: (key: string) => number | undefined,
): Reconciliation[] {
  return Object.entries(reported).map(([key, printed]) => {
    const value = computed(key);
    const text = value === undefined || Number.isNaN(value) ? '—' : formatLike(value, printed);
    return { key, printed, computed: text, ok: text === printed.trim() };
  });
}
