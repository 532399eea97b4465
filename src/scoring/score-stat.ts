/**
 * A score with its unrounded value, its printed number and its printed text.
 */
import { formatScore } from './format.ts';
import { roundHalfUp } from './round-half-up.ts';

/** `value` unrounded, `score` printed (half up), `text` as printed. */
export interface ScoreStat {
  value: number;
  score: number;
  text: string;
}

/**
 * Rounds a score for printing: `score` half up at `decimals` (see
 * `roundHalfUp`), `text` as the one formatter prints it (`formatScore`). NaN gives
 * score NaN and text `—`.
 *
 * @example
 * scoreStat(92.555, 2) // { value: 92.555, score: 92.56, text: '92.56' }
 * scoreStat(94, 2)     // { value: 94, score: 94, text: '94.00' }
 */
export function scoreStat(value: number, decimals: number): ScoreStat {
  if (!Number.isFinite(value)) return { value, score: Number.NaN, text: '—' };
  return { value, score: roundHalfUp(value, decimals), text: formatScore(value, decimals) };
}
