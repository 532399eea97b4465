/**
 * The experience view of a report: each experience with its score, rank,
 * units ranked inside it, spread and awareness. Part of `computeReport`.
 */
import { formatLike, formatPercent, formatScore } from '../scoring/format.ts';
import { ownRecord, ownValue } from '../scoring/own-record.ts';
import { competitionRank, rankOrder } from '../scoring/rank.ts';
import type { SchemeScores } from '../scoring/score-scheme.ts';
import { scoreStat, type ScoreStat } from '../scoring/score-stat.ts';
import type { ScoringMatrix } from '../scoring/scoring-matrix.ts';
import { share } from '../scoring/share.ts';
import { spread } from '../scoring/spread.ts';
import type { Edition } from '../schema/edition.ts';
import type { ExperienceUnitResult, RankedExperience } from './types.ts';

/** What the experience view is built from. */
export interface ExperienceInputs {
  edition: Edition;
  matrix: ScoringMatrix;
  /** The baseline scheme's scores. */
  base: SchemeScores;
  /** Names by id, for the units and departments the experiences mention. */
  unitName: ReadonlyMap<string, string>;
  departmentName: ReadonlyMap<string, string>;
}

/** The experience view, and the printed composites it made, which the unit view shares. */
export interface ExperienceView {
  /** Sorted by rank, ties in source order. */
  experiences: RankedExperience[];
  /** Printed composite of unit u in experience e at `[e * units + u]`; undefined where e does not apply to u. */
  composites: Array<ScoreStat | undefined>;
}

/**
 * Builds every experience's model, sorted by rank (ties in source order),
 * with the printed composites it made on the way.
 *
 * @example
 * const { experiences, composites } = experienceModels({ edition, matrix, base, unitName, departmentName });
 * experiences[0].rank // 1
 */
export function experienceModels({ edition, matrix, base, unitName, departmentName }: ExperienceInputs): ExperienceView {
  const decimals = edition.scheme.decimals;
  const compositeStats = new Array<ScoreStat | undefined>(matrix.experienceIds.length * matrix.unitIds.length);
  const nU = matrix.unitIds.length;
  const nM = matrix.methodIds.length;
  const spreadIndex = matrix.methodIds.indexOf(edition.scheme.spread_method);
  const survey = edition.survey;
  const reported = edition.report.reported;
  const scores = Array.from(base.experiences, (s) => scoreStat(s, decimals));
  const placings = competitionRank(scores.map((s) => s.score));

  const list = edition.experiences.map((experience, e): RankedExperience => {
    // Applicable units with their composites, ranked within the experience.
    const applicable: number[] = [];
    const printed: number[] = [];
    const spreadScores: number[] = [];
    const spreadIds: string[] = [];
    for (let u = 0; u < nU; u++) {
      if (matrix.applicable[e * nU + u] === 0) continue;
      const c = scoreStat(base.composites[e * nU + u]!, decimals);
      compositeStats[e * nU + u] = c;
      applicable.push(u);
      printed.push(c.score);
      spreadScores.push(spreadIndex >= 0 ? matrix.scores[(e * nU + u) * nM + spreadIndex]! : Number.NaN);
      spreadIds.push(matrix.unitIds[u]!);
    }
    const order = rankOrder(printed);
    const unitPlacings = competitionRank(printed, order);
    const units = order.map((i): ExperienceUnitResult => {
      const u = applicable[i]!;
      const unit = matrix.unitIds[u]!;
      const offset = (e * nU + u) * nM;
      const methods = ownRecord<number>([]);
      for (let m = 0; m < nM; m++) {
        const s = matrix.scores[offset + m]!;
        if (!Number.isNaN(s)) methods[matrix.methodIds[m]!] = s;
      }
      const placing = unitPlacings[i]!;
      return {
        unit,
        unitName: unitName.get(unit) ?? unit,
        composite: compositeStats[e * nU + u]!,
        methods,
        rank: placing.rank,
        tied: placing.tied,
      };
    });

    const gap = spread(spreadScores, spreadIds);
    const spreadKey = `spread:${experience.id}`;
    const spreadPrinted = ownValue(reported, spreadKey);
    const spreadText = spreadPrinted !== undefined ? formatLike(gap.value, spreadPrinted) : formatScore(gap.value, decimals);
    const surveyed = Object.hasOwn(survey.awareness, experience.id);
    const awareCount = ownValue(survey.awareness, experience.id) ?? 0;
    const awareValue = share(awareCount, survey.valid);
    const awarePrinted = ownValue(reported, `awareness:${experience.id}`);

    const s = scores[e]!;
    return {
      id: experience.id,
      title: experience.title,
      order: e + 1,
      batch: experience.batch,
      lead: experience.lead,
      leadName: departmentName.get(experience.lead) ?? experience.lead,
      ...(experience.origin !== undefined ? { origin: experience.origin, originName: unitName.get(experience.origin) ?? experience.origin } : {}),
      internetPlus: experience.internet_plus,
      status: experience.status,
      ...(experience.status_note !== undefined ? { statusNote: experience.status_note } : {}),
      notApplicable: Object.entries(experience.not_applicable).map(([unit, reason]) => ({
        unit,
        unitName: unitName.get(unit) ?? unit,
        reason,
      })),
      leadAssessment: ownRecord(Object.entries(experience.lead_assessment)),
      leadTotal: matrix.leadTotals[e]!,
      unitMean: { value: base.unitMeans[e]!, text: formatScore(base.unitMeans[e]!, decimals) },
      exact: s.value,
      score: s.score,
      text: s.text,
      rank: placings[e]!.rank,
      tied: placings[e]!.tied,
      units,
      spread: {
        value: gap.value,
        text: spreadText,
        ...(gap.best !== undefined ? { best: gap.best } : {}),
        ...(gap.worst !== undefined ? { worst: gap.worst } : {}),
      },
      ...(surveyed
        ? {
            awareness: {
              value: awareValue,
              text: awarePrinted !== undefined ? formatLike(awareValue, awarePrinted) : formatPercent(awareValue, 1),
              count: awareCount,
            },
          }
        : {}),
      illustrative: [...experience.illustrative],
    };
  });
  return { experiences: rankOrder(scores.map((s) => s.score)).map((i) => list[i]!), composites: compositeStats };
}
