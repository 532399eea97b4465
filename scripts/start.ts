/**
 * `npm start`: builds the edition, serves it at http://$HOST:$PORT
 * (default http://127.0.0.1:8080, this machine only) and rebuilds whenever a file under the data, content,
 * templates or assets folders changes; open pages reload by themselves.
 *
 * A rebuild validates the data first. When the data or a template is
 * broken, every issue is printed in the terminal (`file:line:col field:
 * 中文说明`) and the last good site keeps being served: pages are rendered
 * into a staging folder and swapped in only when rendering succeeded.
 * Search (Pagefind) is re-indexed after the swap, so an edit shows as soon
 * as the pages are ready. Changes to TypeScript under `src/` need a restart.
 *
 * The output folder is checked and replaced as `npm run build` does
 * (`scripts/lib/output-folder.ts`). Ctrl-C or SIGTERM stops it at once,
 * a rebuild in flight included; its guardian process then removes the
 * staging folder (`scripts/lib/guardian.ts`).
 *
 * Environment: `HOST` (default `127.0.0.1`; `0.0.0.0` to let other machines
 * in), `PORT`, `REPORT_DATA`, `REPORT_CONTENT`, `SITE_DIR` (default `_site`).
 */
import { watch, type FSWatcher } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeDownloads } from '../src/downloads/index.ts';
import { loadReport } from '../src/model/load-report.ts';
import type { CompileCache } from '../src/site/compile-cache.ts';
import { renderChapters } from '../src/site/render-chapters.ts';
import { openCompileCache, projectCacheDir } from './loader/compile-cache.mjs';
import { buildFailure } from './lib/build-failure.ts';
import { formatBuildError } from './lib/format-build-error.ts';
import { startPreviewServer } from './lib/preview-server.ts';
import { renderSite } from './lib/render-site.ts';
import { checkEditionFolders, folderSetting } from './lib/edition-folders.ts';
import { startGuardian } from './lib/guardian.ts';
import { watchParent } from './lib/processes.ts';
import { checkOutputFolder, type OutputFolder } from './lib/output-folder.ts';
import { writeSearchIndex } from './lib/search-index.ts';
import { createStagingDir, discardStagingDir, publishStagingDir, removeStaleStagingDirs } from './lib/staging-dir.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folders and settings of one preview session. */
export interface PreviewOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  port: number;
  /** Address to listen on (default `127.0.0.1`). */
  host: string;
}

/**
 * Reads the options from the environment, as `npm run build` does:
 * `REPORT_DATA`, `REPORT_CONTENT`, `SITE_DIR` (resolved from the working
 * directory; an empty one is an error), `PORT` (default 8080; `0` picks a
 * free port) and `HOST` (default `127.0.0.1`).
 *
 * @example
 * previewOptions({ PORT: '8081' }).port // → 8081
 * previewOptions({}).host // → '127.0.0.1'
 */
export function previewOptions(env: NodeJS.ProcessEnv = process.env): PreviewOptions {
  return {
    dataDir: path.resolve(folderSetting(env, 'REPORT_DATA') ?? path.join(projectRoot, 'data')),
    contentDir: path.resolve(folderSetting(env, 'REPORT_CONTENT') ?? path.join(projectRoot, 'content')),
    outDir: path.resolve(folderSetting(env, 'SITE_DIR') ?? path.join(projectRoot, '_site')),
    port: Number(env.PORT || 8080),
    host: env.HOST || '127.0.0.1',
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
async function rebuild(options: PreviewOptions, output: OutputFolder, cache: CompileCache): Promise<{ ms: number; steps: string; warnings: string[] }> {
  const started = performance.now();
  const report = await loadReport({ dataDir: options.dataDir });
  const loaded = performance.now();
  const staging = await createStagingDir(output);
  let rendered = loaded;
  try {
    const chapters = renderChapters(options.contentDir, report);
    await renderSite({ report, chapters, outDir: staging, cache });
    await writeDownloads({ report, chapters, outputDir: staging });
    rendered = performance.now();
    // The old site is about to be replaced: move its search index over (a rename, not a copy).
    await rename(path.join(output.path, 'pagefind'), path.join(staging, 'pagefind')).catch(() => undefined);
    await publishStagingDir(staging, output);
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
 * await startPreview(previewOptions(), { guard: true }); // prints 预览地址: http://127.0.0.1:8080/
 */
export async function startPreview(options: PreviewOptions, { guard = false } = {}): Promise<{ close: () => Promise<void> }> {
  const output = checkOutputFolder(options.outDir, { projectRoot, editionDirs: [options.dataDir, options.contentDir] });
  checkEditionFolders(options);
  const cleaned = removeStaleStagingDirs(output);
  // The guardian removes a rebuild's staging folder if this process is killed (scripts/lib/guardian.ts).
  if (guard) startGuardian(output.path);
  for (const folder of cleaned.removed) console.warn(`提示: 已删除上次被强行中止的构建留下的临时文件夹 ${folder}`);
  for (const folder of cleaned.kept) console.warn(`提示: ${folder} 看似构建临时文件夹，但无法证明由已结束的 pinggu 构建创建，未删除`);
  const cache = openCompileCache(projectCacheDir(projectRoot));

  let lastError = '';
  let running: Promise<void> | null = null;
  let pending = false;
  let indexStale = true;

  const server = await startPreviewServer({ siteDir: output.path, port: options.port, host: options.host, placeholder: () => lastError });

  const runOnce = async (why: string): Promise<void> => {
    try {
      const { ms, steps, warnings } = await rebuild(options, output, cache);
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
        await writeSearchIndex(output.path).catch((error) => console.error(`[${now()}] 搜索索引更新失败，搜索结果可能缺页: ${(error as Error).message}`));
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
  // Ctrl-C ends the preview at once, even mid-rebuild: no handler waits for the event loop, and the
  // guardian removes the staging folder. A preview whose npm was killed ends the same way.
  watchParent(() => process.kill(process.pid, 'SIGTERM'));
  let options: PreviewOptions | undefined;
  try {
    options = previewOptions();
    // Folders given in the environment are relative to where the command ran; Eleventy works from the project root.
    process.chdir(projectRoot);
    await startPreview(options, { guard: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') console.error(`端口 ${options?.port} 已被占用：请关闭占用它的程序，或用 PORT=8081 npm start 换一个端口。`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') console.error(`无法在地址 ${options?.host} 上监听：请检查 HOST 的值。`);
    else console.error(formatBuildError(error));
    process.exit(1);
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
