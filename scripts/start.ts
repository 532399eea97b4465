/**
 * `npm start`: builds the edition, serves it at http://localhost:$PORT
 * (default 8080) and rebuilds whenever a file under the data, content,
 * templates or assets folders changes; open pages reload by themselves.
 *
 * A rebuild validates the data first. When the data or a template is
 * broken, every issue is printed in the terminal (`file:line:col field:
 * 中文说明`) and the last good site keeps being served: pages are rendered
 * into a staging folder and swapped in only when rendering succeeded.
 * Search (Pagefind) is re-indexed after the swap, so an edit shows as soon
 * as the pages are ready. Changes to TypeScript under `src/` need a restart.
 *
 * Environment: `PORT`, `REPORT_DATA`, `REPORT_CONTENT`, `SITE_DIR` (default `_site`).
 */
import { watch, type FSWatcher } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadReport } from '../src/model/load-report.ts';
import { useReport } from '../src/site/report-source.ts';
import { buildFailure } from './lib/build-failure.ts';
import { formatBuildError } from './lib/format-build-error.ts';
import { startPreviewServer } from './lib/preview-server.ts';
import { renderSite } from './lib/render-site.ts';
import { assertSafeOutDir } from './lib/safe-out-dir.ts';
import { writeSearchIndex } from './lib/search-index.ts';
import { createStagingDir, discardStagingDir, publishStagingDir } from './lib/staging-dir.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folders and settings of one preview session. */
export interface PreviewOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  port: number;
}

/**
 * Reads the options from the environment, as `npm run build` does:
 * `REPORT_DATA`, `REPORT_CONTENT`, `SITE_DIR` (absolute paths) and `PORT`
 * (default 8080; `0` picks a free port).
 *
 * @example
 * previewOptions({ PORT: '8081' }).port // → 8081
 */
export function previewOptions(env: NodeJS.ProcessEnv = process.env): PreviewOptions {
  return {
    dataDir: path.resolve(env.REPORT_DATA || path.join(projectRoot, 'data')),
    contentDir: path.resolve(env.REPORT_CONTENT || path.join(projectRoot, 'content')),
    outDir: path.resolve(env.SITE_DIR || path.join(projectRoot, '_site')),
    port: Number(env.PORT || 8080),
  };
}

/**
 * True for editor back-up and swap files, which never change the site
 * (dot files, `~` back-ups, `.swp`, and vim's numbered probe files).
 *
 * @example
 * isScratchFile('.units.yaml.swp') // → true
 * isScratchFile('units.yaml') // → false
 */
export function isScratchFile(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp|bak)$/i.test(base) || /^\d+$/.test(base);
}

/**
 * Renders the edition into a staging folder and swaps it into `outDir`.
 * The data is validated and scored first, so broken data never reaches the
 * renderer. The previous search index is moved over until re-indexed
 * (if publishing then fails, search is missing until the next good build).
 * Throws (after cleaning up) on any failure; `outDir` is then untouched.
 */
async function rebuild(options: PreviewOptions): Promise<{ ms: number; steps: string; warnings: string[] }> {
  const started = performance.now();
  const report = await loadReport({ dataDir: options.dataDir });
  useReport(report);
  const loaded = performance.now();
  const staging = await createStagingDir(options.outDir);
  let rendered = loaded;
  try {
    await renderSite({ root: projectRoot, outDir: staging, quiet: true });
    rendered = performance.now();
    // The old site is about to be replaced: move its search index over (a rename, not a copy).
    await rename(path.join(options.outDir, 'pagefind'), path.join(staging, 'pagefind')).catch(() => undefined);
    await publishStagingDir(staging, options.outDir);
  } catch (error) {
    await discardStagingDir(staging);
    throw error;
  }
  const done = performance.now();
  const steps = `校验与计分 ${Math.round(loaded - started)} ms，渲染 ${Math.round(rendered - loaded)} ms，发布 ${Math.round(done - rendered)} ms`;
  return { ms: Math.round(done - started), steps, warnings: report.warnings };
}

/** Time of day for log lines. */
function now(): string {
  return new Date().toTimeString().slice(0, 8);
}

/**
 * Runs the preview: first build, server, watchers, and a rebuild queue that
 * never runs two builds at once and folds a burst of saves into one build.
 *
 * @example
 * await startPreview(previewOptions()); // prints 预览地址: http://localhost:8080/
 */
export async function startPreview(options: PreviewOptions): Promise<{ close: () => Promise<void> }> {
  assertSafeOutDir(options.outDir, [projectRoot, options.dataDir, options.contentDir]);
  // The Eleventy config reads the edition folders from the environment.
  process.env.REPORT_DATA = options.dataDir;
  process.env.REPORT_CONTENT = options.contentDir;

  let lastError = '';
  let running: Promise<void> | null = null;
  let pending = false;
  let indexStale = true;

  const server = await startPreviewServer({ siteDir: options.outDir, port: options.port, placeholder: () => lastError });

  const runOnce = async (why: string): Promise<void> => {
    try {
      const { ms, steps, warnings } = await rebuild(options);
      lastError = '';
      indexStale = true;
      server.reload();
      for (const warning of warnings) console.warn(`提示: ${warning}`);
      console.log(`[${now()}] 已更新 (${why})，用时 ${ms} ms（${steps}）`);
    } catch (error) {
      lastError = formatBuildError(error);
      server.showFailure(buildFailure(error));
      console.error(`[${now()}] ${lastError}`);
      console.error(`[${now()}] 网站未更新：继续提供上一次成功构建的版本。改正后保存即可自动重建。`);
    }
  };

  const schedule = (why: string): void => {
    if (running) {
      pending = true;
      return;
    }
    running = (async () => {
      await runOnce(why);
      while (pending) {
        pending = false;
        await runOnce('又有文件改动');
      }
      // Re-index search once the edits have settled.
      if (indexStale && !pending) {
        indexStale = false;
        await writeSearchIndex(options.outDir).catch((error) => console.error(`[${now()}] 搜索索引未更新: ${(error as Error).message}`));
      }
      running = null;
      if (pending) schedule('又有文件改动');
    })();
  };

  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const onChange = (file: string): void => {
    if (isScratchFile(file)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed].map((f) => path.relative(process.cwd(), f));
      changed.clear();
      schedule(files.slice(0, 3).join(', ') + (files.length > 3 ? ` 等 ${files.length} 个文件` : ''));
    }, 30);
  };

  const folders = [options.dataDir, options.contentDir, path.join(projectRoot, 'templates'), path.join(projectRoot, 'assets')];
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      watchers.push(watch(folder, { recursive: true }, (_event, name) => onChange(path.join(folder, String(name ?? '')))));
    } catch {
      console.warn(`提示: 无法监视 ${folder}（不存在？）`);
    }
  }

  console.log(`预览地址: ${server.origin}/`);
  console.log(`监视: ${folders.map((f) => path.relative(process.cwd(), f) || '.').join(', ')}（保存后自动重建；修改 src/ 下的代码需重新运行 npm start）`);
  schedule('首次构建');

  return {
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      // A build or search indexing in flight gets a moment to finish, not forever.
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await server.close();
    },
  };
}

async function main(): Promise<void> {
  const options = previewOptions();
  try {
    const preview = await startPreview(options);
    const stop = () => {
      setTimeout(() => process.exit(0), 2000).unref();
      void preview.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') console.error(`端口 ${options.port} 已被占用：请关闭占用它的程序，或用 PORT=8081 npm start 换一个端口。`);
    else console.error(formatBuildError(error));
    process.exit(1);
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
