/**
 * One measurement, run in its own Node process so that each size starts
 * cold and its peak memory is its own. The parent (`bench/bench.ts`) runs
 *
 *   node --import ./scripts/loader/register.mjs bench/child.ts <mode> '<json options>'
 *
 * (through the project's TypeScript loader, as every npm command runs) and
 * reads the last stdout line, `BENCH_RESULT {json}`.
 *
 * Modes: `build` (the real `buildSite` without report.pdf, stage times and
 * stage peaks), `pdf` (report.pdf printed from a built site, timed on its own),
 * `scoring` (computeReport against a plain loop), `uncertainty` (the
 * uncertainty draws of an edition against its computeReport without them),
 * and two floors of the fixed stack: `yaml-floor` (js-yaml alone on the
 * edition's files) and `pagefind-floor` (Pagefind alone on the built
 * pages). Bare Eleventy runs in plain Node instead (`eleventy-child.mjs`).
 */
import { cpuMs, peakBetween, startMemorySampler } from './memory-sampler.ts';

const [mode, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as Record<string, any>;

async function run(): Promise<unknown> {
  if (mode === 'build') return measureBuild(options as { dataDir: string; contentDir: string; outDir: string });
  if (mode === 'pdf') return measurePdf(options as { siteDir: string });
  if (mode === 'yaml-floor') {
    const { measureYamlFloor } = await import('./yaml-floor.ts');
    return measured(() => measureYamlFloor(options.dataDir as string));
  }
  if (mode === 'pagefind-floor') {
    const { measurePagefindFloor } = await import('./pagefind-floor.ts');
    return measured(() => measurePagefindFloor(options.siteDir as string, options.outDir as string), true);
  }
  if (mode === 'uncertainty') {
    const { measureUncertainty } = await import('./uncertainty.ts');
    return measureUncertainty(options as { dataDir: string });
  }
  if (mode === 'scoring') {
    const { runScoringBench } = await import('./scoring.ts');
    return runScoringBench(options as { experiences: number; units: number; runs: number });
  }
  throw new Error(`unknown mode ${mode}`);
}

/**
 * Run `work` with CPU time and memory sampled around it. With `reapChildren`
 * it waits a moment after the work so the kernel has reaped a child process
 * (Pagefind) and its CPU time counts.
 */
async function measured<T extends object>(work: () => Promise<T>, reapChildren = false) {
  const sampler = startMemorySampler();
  const cpuBefore = cpuMs();
  const result = await work();
  if (reapChildren) await new Promise((resolve) => setTimeout(resolve, 300));
  const cpu = cpuMs() - cpuBefore;
  const samples = sampler.stop();
  return {
    ...result,
    cpuMs: cpu,
    peakMiB: Math.max(...samples.map((s) => s.rssMiB)),
    childPeakMiB: Math.max(...samples.map((s) => s.childPeakMiB)),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

/** report.pdf printed from a built site as the build prints it: Chromium's start, the page, the PDF; null without Chromium. */
async function measurePdf({ siteDir }: { siteDir: string }) {
  const { planReportPdf, writeReportPdf, reportPdfFile } = await import('../scripts/lib/report-pdf.ts');
  const { stat } = await import('node:fs/promises');
  const plan = await planReportPdf({ requested: true });
  if (!plan.build) return { ms: null, bytes: 0, notice: plan.notice ?? '' };
  const started = performance.now();
  await writeReportPdf(siteDir, { chromium: plan.chromium });
  const ms = performance.now() - started;
  return { ms, bytes: (await stat(`${siteDir}/${reportPdfFile}`)).size, notice: '' };
}

/** The whole build through the project's own `buildSite`, with peaks per stage window. */
async function measureBuild({ dataDir, contentDir, outDir }: { dataDir: string; contentDir: string; outDir: string }) {
  const { buildSite } = await import('../scripts/build.ts');
  const sampler = startMemorySampler();
  const cpuBefore = cpuMs();
  const started = performance.now();
  // The bench ratio compares the site's build with bare Eleventy, as before report.pdf existed; the PDF is measured apart.
  const result = await buildSite({ dataDir, contentDir, outDir, quiet: true, pdf: false });
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
    /** Epoch ms at which buildSite started, for the parent's process-tree samples. */
    startedEpoch: performance.timeOrigin + started,
    timings: t,
    cpuMs: cpu,
    peaks: { load: window(0), score: window(1), render: window(2), search: window(3), publish: window(4) },
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    /** When the site was in place, from the start of this process: Node, the loader and the code loading included. */
    sinceStartMs: started + t.total,
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
