/**
 * One measurement, run in its own Node process so that each size starts
 * cold and its peak memory is its own. The parent (`scripts/bench.ts`) runs
 *
 *   tsx scripts/bench/child.ts <mode> '<json options>'
 *
 * and reads the last stdout line, `BENCH_RESULT {json}`.
 *
 * Modes: `build` (the real `buildSite`, stage times and stage peaks), `bare` (bare Eleventy on
 * N trivial pages), `scoring` (computeReport against a plain loop).
 */
import { cpuMs, peakBetween, startMemorySampler } from './memory-sampler.ts';

const [mode, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as Record<string, any>;

async function run(): Promise<unknown> {
  if (mode === 'build') return measureBuild(options as { dataDir: string; contentDir: string; outDir: string });
  if (mode === 'bare') {
    const { buildBareProject } = await import('./bare-eleventy.ts');
    const sampler = startMemorySampler();
    const cpuBefore = cpuMs();
    const result = await buildBareProject(options.pages as number);
    const cpu = cpuMs() - cpuBefore;
    const peak = Math.max(...sampler.stop().map((s) => s.rssMiB));
    return { ...result, cpuMs: cpu, peakMiB: peak, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
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
  const cpuBefore = cpuMs();
  const started = performance.now();
  const result = await buildSite({ dataDir, contentDir, outDir, quiet: true });
  // Let Node reap the Pagefind process so its CPU time is counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const cpu = cpuMs() - cpuBefore;
  const samples = sampler.stop();
  // buildSite runs its stages one after another: rebuild their windows from
  // the durations it reports. Scoring is synchronous, so no timer fires
  // during it; each window reaches one sampling interval past its end so the
  // first sample after a synchronous stretch (which sees its memory) counts.
  const t = result.timings;
  const bounds = [started];
  for (const stage of [t.load, t.score, t.render, t.search]) bounds.push(bounds.at(-1)! + stage);
  const slack = 15;
  const window = (i: number) => peakBetween(samples, bounds[i]!, (bounds[i + 1] ?? Number.POSITIVE_INFINITY) + slack);
  return {
    pages: result.pages,
    timings: t,
    cpuMs: cpu,
    peaks: { load: window(0), score: window(1), render: window(2), search: window(3), publish: window(4) },
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
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
