/**
 * `npm run bench`: how long the build takes and how much memory it needs,
 * against bare Eleventy writing the same number of pages in the same run,
 * for the default edition and synthetic editions at 10× and 50×; plus the
 * scoring benchmark (computeReport on 100,000 composites against a plain
 * loop), the cost of the rank uncertainty draws per size, and the page
 * weight of the default edition, and the time report.pdf takes to print
 * (apart: the builds measured print none). Per size it also
 * measures the floors of the fixed stack — js-yaml alone on the edition's
 * files, bare Eleventy writing the built pages' bytes, Pagefind alone on
 * them — and the build's memory sampled together with its children's; for
 * the default edition, what the first build after a clone costs.
 *
 *   npm run bench [-- --sizes default,10x,50x] [--write] [--no-scoring] [--no-uncertainty] [--no-weight] [--no-first-build] [--no-pdf]
 *                 [--repeat N]   (build sizes below 50x N times, default 3, alternating with bare Eleventy:
 *                                  the ratio is the median of the pairs', the other columns the median build's)
 *
 * Every measurement runs in its own Node process: the build through the
 * project's TypeScript loader as npm runs it (bench/child.ts), bare Eleventy
 * in plain Node (bench/eleventy-child.mjs), so each starts cold and its
 * memory is its own. `--write` replaces the generated tables in
 * bench/README.md. A benchmark, not a test: it reports, it never fails on
 * a budget.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticEdition } from './synth-edition.ts';
import { writeBareProject } from './bare-eleventy.ts';
import { judgeBuilds, medianOf, BUILD_BUDGET, type BuildMeasurement } from './build-budget.ts';
import { countOption, UsageError } from './count-option.ts';
import { markdownTable } from './markdown-table.ts';
import { replaceSection } from './doc-section.ts';
import { measureSiteWeight, weightTable } from './measure-weight.ts';
import { htmlBytes, htmlPages, writeSameBytesProject } from './same-bytes-eleventy.ts';
import { freshCheckout } from '../tests/helpers/fresh-checkout.ts';
import { simultaneousPeak, startTreeSampler, windowAt, type TreeSample } from './process-tree.ts';
import { floorVerdictText, judgeFloors, type FloorMeasurement } from './floor-verdict.ts';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The project's TypeScript loader, which every npm command runs with. */
const loader = pathToFileURL(path.join(root, 'scripts', 'loader', 'register.mjs')).href;
/** Per checkout, so that benchmarks of two worktrees running at once do not overwrite each other's sites. */
const work = path.join(os.tmpdir(), `pinggu-bench-${path.basename(root)}`);

/** The sizes the issue asks for; `startup` is the smallest edition, the reference for cost per page. */
const SIZES: Record<string, { experiences: number; units: number } | 'default'> = {
  startup: { experiences: 1, units: 2 },
  default: 'default',
  '10x': { experiences: 200, units: 90 },
  '50x': { experiences: 1000, units: 450 },
};

interface BuildChild {
  pages: number;
  /** Epoch ms at which buildSite started. */
  startedEpoch: number;
  timings: { load: number; score: number; render: number; search: number; publish: number; total: number; peakMemoryMiB: number };
  peaks: Record<'load' | 'score' | 'render' | 'search' | 'publish', { rssMiB: number; childPeakMiB: number }>;
  /** CPU time of the build process and its Pagefind child, ms. */
  cpuMs: number;
  maxRssMiB: number;
  /** When the site was in place, from the start of the process. */
  sinceStartMs: number;
}
/** A bare Eleventy run in plain Node (`eleventy-child.mjs`). */
interface BareChild {
  pages: number;
  /** Importing Eleventy and writing, ms. */
  ms: number;
  /** The end of the write, from the start of the process. */
  sinceStartMs: number;
  cpuMs: number;
  maxRssMiB: number;
}
interface YamlFloorChild {
  files: number;
  bytes: number;
  ms: number;
  parseMs: number;
  cpuMs: number;
  /** The process's max RSS: Node plus every parsed value held at once. */
  maxRssMiB: number;
}
interface PagefindFloorChild {
  pages: number;
  ms: number;
  cpuMs: number;
  /** Pagefind process's high-water mark. */
  childPeakMiB: number;
}
interface SameBytesChild extends BareChild {
  bytes: number;
  /** Reading every built page once, files in the page cache, ms (apart, after the run). */
  readMs: number;
}
interface Floors {
  yaml: YamlFloorChild;
  pagefind: PagefindFloorChild;
  sameBytes: SameBytesChild;
}
/** The build's memory as sampled from outside, the build process and its descendants at the same instants. */
interface TreePeak {
  totalMiB: number;
  ownMiB: number;
  childrenMiB: number;
  /** The build stage the peak fell in. */
  stage: string;
  samples: number;
}
interface SizeResult {
  size: string;
  experiences: number;
  units: number;
  build: BuildChild;
  bare: BareChild;
  floors: Floors;
  tree: TreePeak;
  /** Build ÷ bare wall time and CPU time of each pair, in the order run. */
  pairs: Array<{ ratio: number; cpuRatio: number }>;
}

/** Run one measurement in a fresh Node process and return its result. */
async function child<T>(mode: string, options: object, cwd = root, tree?: TreeSample[]): Promise<T> {
  try {
    const running = run(process.execPath, ['--import', loader, path.join(root, 'bench', 'child.ts'), mode, JSON.stringify(options)], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // With `tree`, this process samples the child and its descendants
    // (Pagefind) at the same instants while it runs.
    const sampler = tree && running.child.pid !== undefined ? startTreeSampler(running.child.pid) : undefined;
    const { stdout } = await running.finally(() => tree?.push(...(sampler?.stop() ?? [])));
    const line = stdout.split('\n').reverse().find((l) => l.startsWith('BENCH_RESULT '));
    if (!line) throw new Error(`no result from ${mode}:\n${stdout.slice(-2000)}`);
    return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`基准测试子进程失败 (bench child ${mode} failed): ${e.stderr?.slice(-4000) || e.message}`);
  }
}

/**
 * Bare Eleventy on the project in `cwd`, in a fresh plain Node process (no
 * TypeScript loader: what an Eleventy user runs), with `pages` pages.
 */
async function eleventyChild(pages: number, cwd: string): Promise<BareChild> {
  try {
    const { stdout } = await run(process.execPath, [path.join(root, 'bench', 'eleventy-child.mjs'), String(pages)], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const line = stdout.split('\n').reverse().find((l) => l.startsWith('BENCH_RESULT '));
    if (!line) throw new Error(`no result:\n${stdout.slice(-2000)}`);
    return JSON.parse(line.slice('BENCH_RESULT '.length)) as BareChild;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`基准测试子进程失败 (bare Eleventy in ${cwd} failed): ${e.stderr?.slice(-4000) || e.message}`);
  }
}

/**
 * Bare Eleventy writing the built pages of `siteDir` again (the project in
 * `cwd`, written by `writeSameBytesProject`), checked to have written the
 * same bytes; then, apart, how long reading those pages takes with the
 * files in the page cache (the project's filter reads each page once).
 */
async function sameBytesChild(html: { pages: number; bytes: number }, siteDir: string, cwd: string): Promise<SameBytesChild> {
  const result = await eleventyChild(html.pages, cwd);
  const written = await htmlBytes(path.join(cwd, '_site'));
  if (written !== html.bytes) throw new Error(`same-bytes Eleventy wrote ${written} bytes of HTML, the build ${html.bytes}`);
  const started = performance.now();
  for (const rel of await htmlPages(siteDir)) await readFile(path.join(siteDir, rel), 'utf8');
  return { ...result, bytes: written, readMs: performance.now() - started };
}

/** Milliseconds from spawning `node args…` in `cwd` to its exit; rejects when it fails. */
async function processMs(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  try {
    await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`基准测试子进程失败 (node ${args.join(' ')} in ${cwd} failed): ${e.stderr?.slice(-4000) || e.message}`);
  }
  return performance.now() - started;
}

/** The first build after a clone and the next one, whole processes, against bare Eleventy's whole process. */
interface FirstBuild {
  pages: number;
  firstMs: number;
  nextMs: number;
  bareMs: number;
  runs: number;
}

/**
 * What the first build after a clone costs: `npm run build`'s command, run
 * in a fresh checkout of this working tree (`tests/helpers/fresh-checkout.ts`:
 * no compile cache, so every TypeScript file, page template and browser
 * bundle is compiled), then once more in the same checkout (caches
 * filled), each timed from spawning the process to its exit, against bare
 * Eleventy's whole process for the same pages (`bareDir`). Medians of `runs`
 * fresh checkouts.
 */
async function measureFirstBuild(pages: number, bareDir: string, runs: number): Promise<FirstBuild> {
  const first: number[] = [];
  const next: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = path.join(work, 'first-build');
    await rm(dir, { recursive: true, force: true });
    const checkout = freshCheckout(root, path.join(dir, 'checkout'));
    // Without report.pdf, as every build this benchmark compares with bare Eleventy; the PDF is timed apart.
    const build = ['--import', './scripts/loader/register.mjs', 'scripts/build.ts', '--out', path.join(dir, '_site'), '--no-pdf'];
    first.push(await processMs(build, checkout));
    next.push(await processMs(build, checkout));
    bare.push(await processMs([path.join(root, 'bench', 'eleventy-child.mjs'), String(pages)], bareDir));
  }
  const middle = (values: number[]) => median(values, (v) => v);
  return { pages, firstMs: middle(first), nextMs: middle(next), bareMs: middle(bare), runs };
}

/** The middle element by `key` (the lower middle for an even count). */
function median<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[(items.length - 1) >> 1]!;
}

/** The simultaneous peak of a build's process tree, and the build stage it fell in. */
function treePeak(samples: readonly TreeSample[], build: BuildChild): TreePeak {
  const peak = simultaneousPeak(samples);
  if (!peak) return { totalMiB: 0, ownMiB: 0, childrenMiB: 0, stage: 'none', samples: 0 };
  const t = build.timings;
  const bounds = [build.startedEpoch];
  for (const stage of [t.load, t.score, t.render, t.search, t.publish]) bounds.push(bounds.at(-1)! + stage);
  return { ...peak, stage: windowAt(peak.t, bounds, ['load', 'score', 'render', 'search', 'publish']), samples: samples.length };
}

/**
 * Measure one edition size: the real build, bare Eleventy with the same
 * page count, and the floors of the fixed stack on the same edition and
 * the pages the build wrote.
 */
async function measureSize(size: string, repeat: number): Promise<SizeResult> {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size ${size}; use ${Object.keys(SIZES).join(', ')}`);
  const dir = path.join(work, size);
  await mkdir(dir, { recursive: true });
  let dataDir = path.join(root, 'data');
  let contentDir = path.join(root, 'content');
  let experiences = 0;
  let units = 0;
  if (spec !== 'default') {
    await writeSyntheticEdition(spec, path.join(dir, 'edition'));
    dataDir = path.join(dir, 'edition', 'data');
    contentDir = path.join(dir, 'edition', 'content');
    ({ experiences, units } = spec);
  }
  // Build and bare Eleventy alternate, so both see the same machine: the
  // ratio judged is the median of the pairs' ratios, and the other columns
  // are those of the pair with the median build time.
  // The floors run in the same loop, each in its own child too; with
  // --repeat each floor's median run is kept.
  const pairs: Array<{ build: BuildChild; bare: BareChild; tree: TreeSample[] }> = [];
  const floorRuns: Floors[] = [];
  const bareDir = path.join(dir, 'bare');
  const sameDir = path.join(dir, 'same-bytes');
  const siteDir = path.join(dir, '_site');
  let html = { pages: 0, bytes: 0 };
  for (let run = 0; run < repeat; run++) {
    const tree: TreeSample[] = [];
    const build = await child<BuildChild>('build', { dataDir, contentDir, outDir: siteDir }, root, tree);
    if (run === 0) {
      await writeBareProject(bareDir, build.pages);
      html = await writeSameBytesProject(sameDir, siteDir);
      if (html.pages !== build.pages) throw new Error(`${size}: ${html.pages} HTML files in the site, the build reported ${build.pages} pages`);
    }
    const bare = await eleventyChild(build.pages, bareDir);
    pairs.push({ build, bare, tree });
    floorRuns.push({
      yaml: await child<YamlFloorChild>('yaml-floor', { dataDir }),
      pagefind: await child<PagefindFloorChild>('pagefind-floor', { siteDir, outDir: path.join(dir, 'pagefind-floor') }),
      sameBytes: await sameBytesChild(html, siteDir, sameDir),
    });
  }
  const { build, bare, tree } = median(pairs, (p) => p.build.timings.total);
  const floors: Floors = {
    yaml: median(floorRuns.map((f) => f.yaml), (f) => f.ms),
    pagefind: median(floorRuns.map((f) => f.pagefind), (f) => f.ms),
    sameBytes: median(floorRuns.map((f) => f.sameBytes), (f) => f.ms),
  };
  if (spec === 'default') {
    const report = JSON.parse(await readFile(path.join(dir, '_site', 'data', 'report.json'), 'utf8'));
    experiences = report.experiences.length;
    units = report.units.length;
  }
  const ratios = pairs.map((p) => ({ ratio: p.build.timings.total / p.bare.ms, cpuRatio: p.build.cpuMs / p.bare.cpuMs }));
  return { size, experiences, units, build, bare, floors, tree: treePeak(tree, build), pairs: ratios };
}

const ms = (n: number) => Math.round(n);
const mib = (n: number) => Math.round(n);
const ok = (b: boolean) => (b ? '达标 met' : '**未达标 not met**');

function stageTable(results: SizeResult[]): string {
  return markdownTable(
    ['size', 'experiences × units', 'pages', 'load+validate ms', 'score ms', 'render ms', 'search index ms', 'publish ms', 'build total ms', 'pages/s', 'peak MiB load / score / render / search (+Pagefind)', 'max RSS MiB'],
    results.map((r) => {
      const p = r.build.peaks;
      return [
        r.size,
        `${r.experiences} × ${r.units}`,
        r.build.pages,
        ms(r.build.timings.load),
        ms(r.build.timings.score),
        ms(r.build.timings.render),
        ms(r.build.timings.search),
        ms(r.build.timings.publish),
        ms(r.build.timings.total),
        Math.round((r.build.pages / r.build.timings.total) * 1000),
        `${mib(p.load.rssMiB)} / ${mib(p.score.rssMiB)} / ${mib(p.render.rssMiB)} / ${mib(p.search.rssMiB)} (+${mib(p.search.childPeakMiB)})`,
        mib(r.build.maxRssMiB),
      ];
    }),
  );
}

function budgetTable(results: SizeResult[]): string {
  const startup = results.find((r) => r.size === 'startup')!;
  const measured: BuildMeasurement[] = results.map((r) => ({
    size: r.size,
    pages: r.build.pages,
    buildMs: r.build.timings.total,
    bareMs: r.bare.ms,
    peakMiB: r.build.maxRssMiB + r.build.peaks.search.childPeakMiB,
    pairRatios: r.pairs.map((p) => p.ratio),
  }));
  // Over several pairs, a ratio is the median of the pairs' own and its range follows in brackets.
  const spread = (values: number[], judged: number) =>
    values.length > 1 ? `${judged.toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})` : judged.toFixed(2);
  const verdicts = judgeBuilds(measured, { pages: startup.build.pages, buildMs: startup.build.timings.total });
  return markdownTable(
    ['size', 'pages', 'build ms', 'bare Eleventy ms', 'ratio (≤ 2): median of the pairs (range)', 'from process start ms: build / bare', 'ratio from start', 'render / bare', 'ms per page beyond start-up (≤ 1.5)', 'ms per page from the size before', 'CPU s build / bare', 'CPU ratio: median of the pairs (range)', 'peak MiB incl. Pagefind (< 1024)', 'peak MiB sampled together: build + children (stage)', 'verdict'],
    verdicts.map((v, i) => [
      v.size,
      v.pages,
      ms(v.buildMs),
      ms(v.bareMs),
      spread(results[i]!.pairs.map((p) => p.ratio), v.ratio),
      `${ms(results[i]!.build.sinceStartMs)} / ${ms(results[i]!.bare.sinceStartMs)}`,
      (results[i]!.build.sinceStartMs / results[i]!.bare.sinceStartMs).toFixed(2),
      (results[i]!.build.timings.render / v.bareMs).toFixed(2),
      v.msPerPage === null ? '—' : v.msPerPage.toFixed(2),
      i > 1 && v.pages > verdicts[i - 1]!.pages ? ((v.buildMs - verdicts[i - 1]!.buildMs) / (v.pages - verdicts[i - 1]!.pages)).toFixed(2) : '—',
      `${(results[i]!.build.cpuMs / 1000).toFixed(1)} / ${(results[i]!.bare.cpuMs / 1000).toFixed(1)}`,
      spread(
        results[i]!.pairs.map((p) => p.cpuRatio),
        medianOf(results[i]!.pairs.map((p) => p.cpuRatio)),
      ),
      mib(v.peakMiB),
      `${mib(results[i]!.tree.totalMiB)}: ${mib(results[i]!.tree.ownMiB)} + ${mib(results[i]!.tree.childrenMiB)} (${results[i]!.tree.stage})`,
      v.size === 'startup'
        ? 'reference'
        : [v.ratioOk ? null : `ratio ${v.ratio.toFixed(2)} > ${BUILD_BUDGET.maxRatio}`, v.perPageOk ? null : `${v.msPerPage!.toFixed(2)} ms/page`, v.memoryOk ? null : 'memory']
            .filter(Boolean)
            .join(', ') || ok(true),
    ]),
  );
}

/**
 * The floors of the fixed stack per size: each step the stack cannot skip,
 * timed alone on that size's edition and pages, against bare Eleventy on
 * trivial pages (the budget's baseline) from the same run.
 */
function floorsTable(results: SizeResult[]): string {
  const startup = results.find((r) => r.size === 'startup');
  const measured: FloorMeasurement[] = results.map((r) => ({
    size: r.size,
    pages: r.build.pages,
    bareMs: r.bare.ms,
    buildMs: r.build.timings.total,
    yamlMs: r.floors.yaml.ms,
    sameBytesMs: r.floors.sameBytes.ms,
    pagefindMs: r.floors.pagefind.ms,
    cpuMs: { bare: r.bare.cpuMs, yaml: r.floors.yaml.cpuMs, sameBytes: r.floors.sameBytes.cpuMs, pagefind: r.floors.pagefind.cpuMs },
  }));
  const startupFloors = startup && measured.find((m) => m.size === 'startup');
  const verdicts = judgeFloors(
    measured,
    startupFloors && { pages: startupFloors.pages, floorsMs: startupFloors.yamlMs + startupFloors.sameBytesMs + startupFloors.pagefindMs },
    BUILD_BUDGET.maxRatio,
  );
  const withRatio = (msValue: number, ratio: number) => `${ms(msValue)} (${ratio.toFixed(2)}×)`;
  const table = markdownTable(
    ['size', 'pages', 'HTML MiB', 'bare Eleventy, trivial pages, ms', 'YAML load ms (× bare)', 'Eleventy, same bytes, ms (× bare)', 'Pagefind ms (× bare)', 'floors together ms (× bare)', 'build ms (× floors)', 'ms per page beyond start-up (≤ 1.5): floors / bare trivial', 'CPU s YAML / Eleventy same bytes / Pagefind (bare)', 'max RSS MiB YAML / Eleventy same bytes; Pagefind peak', 'verdict'],
    verdicts.map((v, i) => {
      const r = results[i]!;
      const cpu = (n: number) => (n / 1000).toFixed(1);
      return [
        v.size,
        v.pages,
        (r.floors.sameBytes.bytes / 1048576).toFixed(1),
        ms(v.bareMs),
        withRatio(v.yamlMs, v.ratios.yaml),
        withRatio(v.sameBytesMs, v.ratios.sameBytes),
        withRatio(v.pagefindMs, v.ratios.pagefind),
        withRatio(v.floorsMs, v.ratios.floors),
        `${ms(v.buildMs)} (${v.buildOverFloors.toFixed(2)}×)`,
        v.floorsMsPerPage === null || !startupFloors ? '—' : `${v.floorsMsPerPage.toFixed(2)} / ${((v.bareMs - startupFloors.bareMs) / (v.pages - startupFloors.pages)).toFixed(2)}`,
        `${cpu(r.floors.yaml.cpuMs)} / ${cpu(r.floors.sameBytes.cpuMs)} / ${cpu(r.floors.pagefind.cpuMs)} (${cpu(r.bare.cpuMs)})`,
        `${mib(r.floors.yaml.maxRssMiB)} / ${mib(r.floors.sameBytes.maxRssMiB)}; ${mib(r.floors.pagefind.childPeakMiB)}`,
        v.size === 'startup' ? 'reference' : floorVerdictText(v, BUILD_BUDGET.maxRatio, BUILD_BUDGET.maxMsPerPage),
      ];
    }),
  );
  const reads = results.map((r) => `${r.size} ${ms(r.floors.sameBytes.readMs)}`).join(', ');
  const files = results.map((r) => `${r.size} ${r.floors.yaml.files} files, ${(r.floors.yaml.bytes / 1048576).toFixed(2)} MiB, parsing alone ${ms(r.floors.yaml.parseMs)} ms`).join('; ');
  return `${table}

YAML: ${files}. Eleventy, same bytes, includes its filter reading each built page once; reading them all apart (files cached) takes ms: ${reads}.`;
}

interface UncertaintyChild {
  experiences: number;
  units: number;
  draws: number;
  computeReportMs: number;
  uncertaintyMs: number;
}

/**
 * One row of the uncertainty table: medians of the cold runs, the ratio to
 * computeReport in the same processes, and what the draws add to this run's
 * build of the same edition (whose score stage ran them): uncertainty /
 * (build total − uncertainty). Budgets: under 10% of the default build,
 * under 2 s at 10×.
 */
function uncertaintyRow(r: SizeResult, runs: readonly UncertaintyChild[]): Array<string | number> {
  const uncertainty = median(runs, (x) => x.uncertaintyMs);
  const report = median(runs, (x) => x.computeReportMs);
  const build = r.build.timings.total;
  const added = uncertainty.uncertaintyMs / Math.max(1, build - uncertainty.uncertaintyMs);
  const budget =
    r.size === 'default' ? `${ok(added < 0.1)} (< 10%)` : r.size === '10x' ? `${ok(uncertainty.uncertaintyMs < 2000)} (< 2 s)` : '—';
  return [
    r.size,
    `${uncertainty.experiences} × ${uncertainty.units}`,
    uncertainty.draws,
    `${uncertainty.uncertaintyMs.toFixed(1)} (${runs.length})`,
    report.computeReportMs.toFixed(1),
    (uncertainty.uncertaintyMs / report.computeReportMs).toFixed(2),
    ms(build),
    `${(100 * added).toFixed(1)}%`,
    budget,
  ];
}

async function machine(): Promise<string> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} × ${cpu} · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM · Node ${process.version} · ${os.type()} ${os.release()}`;
}

/**
 * Builds of each size below 50× without `--repeat`, each followed by bare
 * Eleventy: one build against one bare run moved the default edition's
 * ratio by ±0.2 on a busy machine, the median of three pairs far less.
 */
const DEFAULT_REPEAT = 3;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'default,10x,50x' },
      write: { type: 'boolean', default: false },
      'no-scoring': { type: 'boolean', default: false },
      'no-uncertainty': { type: 'boolean', default: false },
      'no-weight': { type: 'boolean', default: false },
      'no-first-build': { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false },
      runs: { type: 'string' },
      repeat: { type: 'string' },
    },
  });
  const repeat = countOption('repeat', values.repeat, DEFAULT_REPEAT, 100);
  const runs = countOption('runs', values.runs, 7, 100);
  const requested = values.sizes!.split(',').map((s) => s.trim()).filter(Boolean);
  const sizes = ['startup', ...requested.filter((s) => s !== 'startup')];
  await mkdir(work, { recursive: true });
  const sections: Record<string, string> = { 'bench-machine': await machine() };

  const results: SizeResult[] = [];
  for (const size of sizes) {
    process.stderr.write(`测量 ${size} …\n`);
    // The 50x edition takes minutes a build; repeat only the smaller ones.
    results.push(await measureSize(size, size === '50x' ? 1 : repeat));
  }
  sections['bench-stages'] = stageTable(results);
  sections['bench-budget'] = budgetTable(results);
  sections['bench-floors'] = floorsTable(results);
  console.log(`\n## Build stages\n\n${sections['bench-stages']}\n\n## Against bare Eleventy\n\n${sections['bench-budget']}\n\n## Floors of the fixed stack\n\n${sections['bench-floors']}\n`);

  const defaultSize = results.find((r) => r.size === 'default');
  if (defaultSize && !values['no-first-build']) {
    process.stderr.write('测量克隆后首次构建 …\n');
    // Each run is a fresh checkout of the working tree: once unless --repeat asks for more.
    const f = await measureFirstBuild(defaultSize.build.pages, path.join(work, 'default', 'bare'), values.repeat === undefined ? 1 : repeat);
    sections['bench-first-build'] = markdownTable(
      ['edition', 'pages', `first build after a clone, ms (median of ${f.runs})`, 'next build, ms', 'bare Eleventy, ms', 'first / bare', 'next / bare'],
      [['default', f.pages, ms(f.firstMs), ms(f.nextMs), ms(f.bareMs), (f.firstMs / f.bareMs).toFixed(2), (f.nextMs / f.bareMs).toFixed(2)]],
    );
    console.log(`## First build after a clone (whole processes)\n\n${sections['bench-first-build']}\n`);
  }

  if (!values['no-scoring']) {
    process.stderr.write('测量评分 1000×100 …\n');
    const s = await child<{
      experiences: number; units: number; methods: number; composites: number; scenarios: number;
      runs: number; computeReportMs: number; oneSchemeMs: number; plainLoopMs: number; coldMs: number; computeReportCpuMs: number; ratio: number;
    }>('scoring', { experiences: 1000, units: 100, runs });
    sections['bench-scoring'] = markdownTable(
      ['edition', 'composites', 'methods', 'scenarios re-ranked', 'computeReport ms (median of ' + s.runs + ')', 'first call ms', 'least CPU ms', 'one scheme, scores only, ms', 'plain loop ms', 'ratio computeReport / loop', 'under 1 s'],
      [[`${s.experiences} × ${s.units}`, s.composites, s.methods, s.scenarios, s.computeReportMs.toFixed(1), s.coldMs.toFixed(1), s.computeReportCpuMs.toFixed(1), s.oneSchemeMs.toFixed(1), s.plainLoopMs.toFixed(2), Math.round(s.ratio), ok(s.computeReportMs < 1000 && s.coldMs < 1000 && s.computeReportCpuMs < 1000)]],
    );
    console.log(`## Scoring\n\n${sections['bench-scoring']}\n`);
  }

  if (!values['no-uncertainty']) {
    const rows: Array<Array<string | number>> = [];
    for (const r of results.filter((x) => x.size !== 'startup')) {
      process.stderr.write(`测量排名不确定性 ${r.size} …\n`);
      const dataDir = r.size === 'default' ? path.join(root, 'data') : path.join(work, r.size, 'edition', 'data');
      // Each run is a cold process, as a build is; the 50x edition takes long enough to run once.
      const sizeRuns = r.size === '50x' ? 1 : runs;
      const measured: UncertaintyChild[] = [];
      for (let i = 0; i < sizeRuns; i++) measured.push(await child<UncertaintyChild>('uncertainty', { dataDir }));
      rows.push(uncertaintyRow(r, measured));
    }
    sections['bench-uncertainty'] = markdownTable(
      ['size', 'experiences × units', 'draws', 'uncertainty ms (cold, median of runs)', 'computeReport without it ms', 'ratio', 'build total ms (this run)', 'added to the build', 'budget'],
      rows,
    );
    console.log(`## Rank uncertainty\n\n${sections['bench-uncertainty']}\n`);
  }

  if (!values['no-pdf'] && results.some((r) => r.size === 'default')) {
    process.stderr.write('测量 PDF 版 …\n');
    // Printed from the default edition's site built above, three times in fresh processes; the builds above print none.
    const runs: Array<{ ms: number | null; bytes: number; notice: string }> = [];
    for (let i = 0; i < 3; i++) runs.push(await child('pdf', { siteDir: path.join(work, 'default', '_site') }));
    const times = runs.map((r) => r.ms).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
    sections['bench-pdf'] = times.length
      ? markdownTable(['edition', 'report.pdf ms (median of 3, not in the build times above)', 'min – max ms', 'size KB'], [['default', Math.round(times[1] ?? times[0]!), `${Math.round(times[0]!)} – ${Math.round(times.at(-1)!)}`, Math.round(runs[0]!.bytes / 1024)]])
      : `not measured: ${runs[0]!.notice}`;
    console.log(`## PDF (default edition)\n\n${sections['bench-pdf']}\n`);
  }

  if (!values['no-weight']) {
    if (results.some((r) => r.size === 'default')) {
      const weight = await measureSiteWeight(path.join(work, 'default', '_site'));
      sections['bench-weight'] = weightTable(weight);
      console.log(`## Page weight (default edition)\n\n${sections['bench-weight']}\n`);
    }
    const rows: Array<Array<string | number>> = [];
    for (const r of results.filter((x) => x.size !== 'startup')) {
      const w = await measureSiteWeight(path.join(work, r.size, '_site'));
      const kb = (n: number) => Number((n / 1024).toFixed(1));
      rows.push([r.size, kb(w.home.totalGzip), `${kb(w.heaviest.totalGzip)} (${w.heaviest.page})`, kb(w.maxChartGzip), w.chartCodeWithoutChart.length, w.eagerSearch.length, Object.values(w.budgets).every(Boolean) ? ok(true) : ok(false)]);
    }
    sections['bench-weight-sizes'] = markdownTable(
      ['size', 'home + loads, KB gzip (≤ 150)', 'heaviest page + loads, KB gzip', 'chart code KB gzip (≤ 60)', 'plain pages with chart code', 'pages loading search at once', 'weight budgets'],
      rows,
    );
    console.log(`## Page weight by size\n\n${sections['bench-weight-sizes']}\n`);
  }

  if (values.write) {
    const file = path.join(root, 'bench', 'README.md');
    let doc = await readFile(file, 'utf8').catch(() => '# Measurements\n');
    for (const [name, body] of Object.entries(sections)) doc = replaceSection(doc, name, body);
    await writeFile(file, doc);
    console.log(`已写入 ${path.relative(process.cwd(), file)}`);
  }
}

await main().catch((error: unknown) => {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
});
