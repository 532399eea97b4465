/**
 * The scoring benchmark of issue 2: `computeReport` on a synthetic edition
 * of 1,000 experiences × 100 units (100,000 composites, 5 methods), against
 * a plain summation loop over the same method scores in the same run.
 */
import { parseEdition } from '../src/schema/edition.ts';
import { computeReport } from '../src/model/compute-report.ts';
import { buildScoringMatrix } from '../src/scoring/scoring-matrix.ts';
import { scoreScheme } from '../src/scoring/score-scheme.ts';
import { generateEdition } from './synth/generate-edition.ts';
import { rawEditionFiles } from './synth/raw-edition-files.ts';

/** Timings of one scoring benchmark, milliseconds (medians over `runs`). */
export interface ScoringBenchResult {
  experiences: number;
  units: number;
  methods: number;
  composites: number;
  /** Scenarios computeReport ranks besides the baseline. */
  scenarios: number;
  runs: number;
  /** Median `computeReport` time: composites, ranks, every scenario, stats. */
  computeReportMs: number;
  /** Median time of the arithmetic alone: the scoring matrix and one scheme's composites and scores (no ranks, no scenarios, no model). */
  oneSchemeMs: number;
  /** Median time of the plain loop: weighted sum per composite, then means. */
  plainLoopMs: number;
  /** Time of the first (cold) computeReport call. */
  coldMs: number;
  /** Least CPU time (user + system) of one warm computeReport call: what a busy machine disturbs least. */
  computeReportCpuMs: number;
  ratio: number;
}

/**
 * Generate the edition in memory, parse it with the project's own schema
 * (untimed), warm up, then time `computeReport` and the plain loop
 * alternately `runs` times and keep the medians.
 *
 * @example
 * await runScoringBench({ experiences: 1000, units: 100, runs: 7 });
 * // { composites: 100000, computeReportMs: 310, plainLoopMs: 4, ratio: 77, … }
 */
export async function runScoringBench(size: { experiences: number; units: number; runs: number }): Promise<ScoringBenchResult> {
  const edition = parseGenerated(size.experiences, size.units);

  // The plain loop reads the same numbers from flat arrays: what scoring
  // would cost with no validation, no objects, no ranking.
  const methodIds = edition.scheme.methods.map((m: { id: string }) => m.id);
  const weights = Float64Array.from(edition.scheme.methods.map((m: { weight: number }) => m.weight));
  const flat: number[] = [];
  const perExperience: number[] = [];
  for (const experience of edition.experiences as Array<{ scores: Record<string, Record<string, unknown>> }>) {
    const units = Object.values(experience.scores);
    perExperience.push(units.length);
    for (const byMethod of units) {
      for (const id of methodIds) flat.push(asScore(byMethod[id]));
    }
  }
  const scores = Float64Array.from(flat);
  const counts = Int32Array.from(perExperience);
  const composites = scores.length / methodIds.length;

  let cold = 0;
  {
    const t = performance.now();
    computeReport(edition);
    cold = performance.now() - t;
  }
  plainLoop(scores, weights, counts);

  const schemeWeights = {
    methods: Object.fromEntries(edition.scheme.methods.map((m: { id: string; weight: number }) => [m.id, m.weight])),
    leadWeight: edition.scheme.lead_weight,
    notApplicable: edition.scheme.not_applicable,
  };
  scoreScheme(buildScoringMatrix(edition), schemeWeights);

  const reportTimes: number[] = [];
  const reportCpu: number[] = [];
  const schemeTimes: number[] = [];
  const loopTimes: number[] = [];
  let sink = 0;
  let scenarios = 0;
  for (let run = 0; run < size.runs; run++) {
    let t = performance.now();
    const cpu = process.cpuUsage();
    const report = computeReport(edition);
    reportTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    reportCpu.push((used.user + used.system) / 1000);
    scenarios = report.scenarios.length;
    t = performance.now();
    const schemeScores = scoreScheme(buildScoringMatrix(edition), schemeWeights);
    schemeTimes.push(performance.now() - t);
    sink += schemeScores.experiences[0] ?? 0;
    t = performance.now();
    sink += plainLoop(scores, weights, counts);
    loopTimes.push(performance.now() - t);
  }
  if (Number.isNaN(sink)) throw new Error('plain loop produced NaN');

  const computeReportMs = median(reportTimes);
  const plainLoopMs = median(loopTimes);
  return {
    experiences: size.experiences,
    units: size.units,
    methods: methodIds.length,
    composites,
    scenarios,
    runs: size.runs,
    computeReportMs,
    oneSchemeMs: median(schemeTimes),
    plainLoopMs,
    coldMs: cold,
    computeReportCpuMs: Math.min(...reportCpu),
    ratio: computeReportMs / plainLoopMs,
  };
}

/**
 * The weighted sum of every composite, divided by the weight sum, then the
 * mean composite of each experience, summed so the work cannot be skipped.
 */
function plainLoop(scores: Float64Array, weights: Float64Array, counts: Int32Array): number {
  const m = weights.length;
  let weightSum = 0;
  for (let k = 0; k < m; k++) weightSum += weights[k]!;
  let offset = 0;
  let total = 0;
  for (let e = 0; e < counts.length; e++) {
    const n = counts[e]!;
    let sum = 0;
    for (let u = 0; u < n; u++) {
      let c = 0;
      for (let k = 0; k < m; k++) c += weights[k]! * scores[offset + k]!;
      sum += c / weightSum;
      offset += m;
    }
    total += sum / n;
  }
  return total;
}

function asScore(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') return Object.values(value as Record<string, number>).reduce((a, b) => a + b, 0);
  return 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Parse a generated edition's files with the project's YAML reader and schema. */
function parseGenerated(experiences: number, units: number): any {
  // Every unit applies everywhere, so the edition has exactly experiences × units composites;
  // no uncertainty draws, which bench/uncertainty.ts times on its own.
  const files = generateEdition({ experiences, units, notApplicableShare: 0, uncertaintyDraws: 0 });
  const result = parseEdition(rawEditionFiles(files)) as any;
  if (result && Array.isArray(result.issues) && result.issues.length > 0) {
    throw new Error(`synthetic edition is invalid:\n${result.issues.slice(0, 10).map((i: any) => `${i.file}:${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n')}`);
  }
  return result?.edition ?? result;
}
