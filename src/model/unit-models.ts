/**
 * The unit view of a report: each unit's score and rank, what it counted
 * in every experience, and its strongest and weakest experiences.
 * Part of `computeReport`.
 */
import { extremes } from '../scoring/extremes.ts';
import { ownValue } from '../scoring/own-record.ts';
import { competitionRank, rankOrder } from '../scoring/rank.ts';
import type { SchemeScores } from '../scoring/score-scheme.ts';
import { scoreStat, type ScoreStat } from '../scoring/score-stat.ts';
import type { ScoringMatrix } from '../scoring/scoring-matrix.ts';
import type { Edition } from '../schema/edition.ts';
import type { RankedExperience, RankedUnit, UnitExperienceEntry } from './types.ts';

/** What the unit view is built from: the baseline scores and what the experience view made. */
export interface UnitInputs {
  edition: Edition;
  matrix: ScoringMatrix;
  base: SchemeScores;
  experiences: readonly RankedExperience[];
  /** The experience view's printed composites (see `ExperienceView`). */
  composites: ReadonlyArray<ScoreStat | undefined>;
}

/**
 * Builds every unit's model, sorted by rank (ties in source order), from
 * the baseline scores and the printed composites the experience view made.
 *
 * @example
 * unitModels({ edition, matrix, base, experiences, composites })[0].rank // 1
 */
export function unitModels({ edition, matrix, base, experiences, composites: compositeStats }: UnitInputs): RankedUnit[] {
  const decimals = edition.scheme.decimals;
  const nU = matrix.unitIds.length;
  const nE = matrix.experienceIds.length;
  const scores = Array.from(base.units, (s) => scoreStat(s, decimals));
  const placings = competitionRank(scores.map((s) => s.score));
  // Rank of each unit inside each experience, looked up once: [e * units + u]; and how many units each ranks.
  const rankIn = new Float64Array(nE * nU).fill(Number.NaN);
  const ranked = new Int32Array(nE);
  const experienceIndex = new Map(matrix.experienceIds.map((id, e) => [id, e]));
  const unitIndex = new Map(matrix.unitIds.map((id, u) => [id, u]));
  for (const x of experiences) {
    const e = experienceIndex.get(x.id)!;
    ranked[e] = x.units.length;
    for (const r of x.units) rankIn[e * nU + unitIndex.get(r.unit)!] = r.rank;
  }

  const list = edition.units.map((unit, u): RankedUnit => {
    const composites = new Float64Array(nE);
    const entries = new Array<UnitExperienceEntry>(nE);
    for (let e = 0; e < nE; e++) {
      const experience = edition.experiences[e]!;
      const stat = compositeStats[e * nU + u];
      const applicable = stat !== undefined && !Number.isNaN(stat.value);
      composites[e] = applicable ? stat.value : Number.NaN;
      const counted = base.counted[e * nU + u]!;
      const entry: UnitExperienceEntry = {
        experience: experience.id,
        title: experience.title,
        status: experience.status,
        composite: applicable ? stat : null,
        counted: Number.isNaN(counted) ? null : counted,
        rank: applicable ? rankIn[e * nU + u]! : null,
        among: ranked[e]!,
      };
      const reason = ownValue(experience.not_applicable, unit.id);
      if (reason !== undefined) entry.notApplicableReason = reason;
      entries[e] = entry;
    }
    const { strongest, weakest } = extremes(composites, matrix.experienceIds, 3);
    const entryOf = (id: string) => entries[experienceIndex.get(id)!]!;
    const s = scores[u]!;
    return {
      id: unit.id,
      name: unit.name,
      exact: s.value,
      score: s.score,
      text: s.text,
      rank: placings[u]!.rank,
      tied: placings[u]!.tied,
      experiences: entries,
      strongest: strongest.map(entryOf),
      weakest: weakest.map(entryOf),
      illustrative: [...unit.illustrative],
    };
  });
  return rankOrder(scores.map((s) => s.score)).map((i) => list[i]!);
}
