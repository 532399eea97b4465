/**
 * One measurement, run in its own Node process so that each size starts
 * cold and its peak memory is its own. The parent (`scripts/bench.ts`) runs
 *
 *   tsx scripts/bench/child.ts <mode> '<json options>'
 *
 * and reads the last stdout line, `BENCH_RESULT {json}`.
 *
 * Modes: `build` (the real `buildSite`, stage times and stage peaks),
 * `core` (load+validate and score timed apart), `bare` (bare Eleventy on
 * N trivial pages), `scoring` (computeReport against a plain loop).
 */
import { peakBetween, startMemorySampler } from './memory-sampler.ts';

const [mode, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as Record<string, any>;

async function run(): Promise<unknown> {
  if (mode === 'build') return measureBuild(options as { dataDir: string; contentDir: string; outDir: string });
  if (mode === 'core') return measureCore(options as { dataDir: string });
  if (mode === 'bare') {
    const { buildBareProject } = await import('./bare-eleventy.ts');
    const sampler = startMemorySampler();
    const result = await buildBareProject(options.pages as number);
    const peak = Math.max(...sampler.stop().map((s) => s.rssMiB));
    return { ...result, peakMiB: peak, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  }
  if (mode === 'scoring') {
    const { runScoringBench } = await import('./scoring.ts');
    return runScoringBench(options as { experiences: number; units: number; runs: number });
  }
  throw new Error(`unknown mode ${mode}`);
}

/** The whole build through the project's own `buildSite`, with peaks per stage window. */
async function measureBuild({ dataDir, contentDir, outDir }: { dataDir: string; contentDir: string; outDir: string }) {
  const { buildSite } = await import('../build.ts');
  const sampler = startMemorySampler();
  const started = performance.now();
  const result = await buildSite({ dataDir, contentDir, outDir, quiet: true });
  const samples = sampler.stop();
  // buildSite runs its stages one after another: rebuild their windows from
  // the durations it reports (staging-folder set-up is a few ms and is
  // counted in the following stage).
  const t = result.timings;
  const loadEnd = started + t.load;
  const renderEnd = loadEnd + t.render + 5;
  const searchEnd = renderEnd + t.search;
  return {
    pages: result.pages,
    timings: t,
    peaks: {
      load: peakBetween(samples, started, loadEnd),
      render: peakBetween(samples, loadEnd, renderEnd),
      search: peakBetween(samples, renderEnd, searchEnd),
      publish: peakBetween(samples, searchEnd, Number.POSITIVE_INFINITY),
    },
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Reading and validating, then scoring, timed apart, both cold. */
async function measureCore({ dataDir }: { dataDir: string }) {
  const { loadEditionFiles } = await import('../../src/data/load-edition-files.ts');
  const { parseEdition } = await import('../../src/schema/edition.ts');
  const { computeReport } = await import('../../src/model/compute-report.ts');
  const sampler = startMemorySampler();
  const t0 = performance.now();
  const files = await loadEditionFiles(dataDir);
  const parsed = parseEdition(files) as any;
  const t1 = performance.now();
  sampler.sample();
  if (parsed?.issues?.length) throw new Error(`edition ${dataDir} is invalid: ${parsed.issues[0].message}`);
  const report = computeReport(parsed.edition ?? parsed);
  const t2 = performance.now();
  sampler.sample();
  const samples = sampler.stop();
  return {
    loadMs: t1 - t0,
    scoreMs: t2 - t1,
    composites: report.experiences.reduce((n: number, e: { units: unknown[] }) => n + e.units.length, 0),
    scenarios: report.scenarios.length,
    peaks: { load: peakBetween(samples, t0, t1 + 1), score: peakBetween(samples, t1, t2 + 1) },
  };
}

try {
  const result = await run();
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
