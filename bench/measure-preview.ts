/**
 * Live-preview latency: under `npm start`, how long from saving a YAML edit
 * until the preview server serves the updated page (budget: 1 s for the
 * default edition).
 *
 *   node --import ./scripts/loader/register.mjs bench/measure-preview.ts [--edits 5] [--write]
 *
 * The default edition is copied to a temporary folder, so the real data is
 * never touched; `scripts/start.ts` is started on that copy
 * (`REPORT_DATA`/`REPORT_CONTENT`, and `SITE_DIR` in the same temporary
 * folder so the project's `_site` is left alone), and the page it prints a
 * URL for is polled. Each edit changes the title of the first experience to a fresh
 * marker and measures save → first response of that experience's page
 * containing the marker. `--write` replaces the `preview` section of
 * bench/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownTable } from './markdown-table.ts';
import { replaceSection } from './doc-section.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start `npm start` on an edition copy and resolve the origin it prints. */
async function startPreview(dataDir: string, contentDir: string, siteDir: string, port: number): Promise<{ child: ChildProcess; origin: string; log: () => string }> {
  const loader = pathToFileURL(path.join(root, 'scripts', 'loader', 'register.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env: { ...process.env, REPORT_DATA: dataDir, REPORT_CONTENT: contentDir, SITE_DIR: siteDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-3000)}`);
    const match = /https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d+/.exec(output);
    if (match) {
      const origin = match[0];
      try {
        const res = await fetch(`${origin}/`);
        if (res.ok) return { child, origin, log: () => output };
      } catch {
        // not listening yet
      }
    }
    await sleep(100);
  }
  throw new Error(`npm start printed no reachable URL in 120 s:\n${output.slice(-3000)}`);
}

/** Poll `url` until its body contains `marker`; the time it first did, ms since `from`. */
async function waitFor(url: string, marker: string, from: number, timeoutMs: number): Promise<number> {
  while (performance.now() - from < timeoutMs) {
    try {
      const res = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
      if (res.ok && (await res.text()).includes(marker)) return performance.now() - from;
    } catch {
      // server busy rebuilding
    }
    await sleep(10);
  }
  return Number.POSITIVE_INFINITY;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '5' }, write: { type: 'boolean', default: false }, port: { type: 'string', default: '8391' } } });
  const work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-preview-'));
  const dataDir = path.join(work, 'data');
  const contentDir = path.join(work, 'content');
  await cp(path.join(root, 'data'), dataDir, { recursive: true });
  await cp(path.join(root, 'content'), contentDir, { recursive: true });
  const file = path.join(dataDir, 'experiences', (await readdir(path.join(dataDir, 'experiences'))).filter((n) => n.endsWith('.yaml')).sort()[0]!);
  const original = await readFile(file, 'utf8');
  const id = /^id:\s*(\S+)/m.exec(original)?.[1];
  if (!id || !/^title:/m.test(original)) throw new Error(`${file}: expected top-level id and title`);

  const { child, origin } = await startPreview(dataDir, contentDir, path.join(work, '_site'), Number(values.port));
  const latencies: number[] = [];
  try {
    const url = `${origin}/experiences/${id}/`;
    for (let edit = 1; edit <= Number(values.edits); edit++) {
      const marker = `预览测量${edit}号${Date.now() % 100000}`;
      await sleep(1500); // let the previous rebuild settle, as an editor would between saves
      const from = performance.now();
      await writeFile(file, original.replace(/^title:\s*(.*)$/m, (_, t: string) => `title: ${t.replace(/^["']|["']$/g, '')}${marker}`));
      const ms = await waitFor(url, marker, from, 30_000);
      latencies.push(ms);
      console.log(`edit ${edit}: ${Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'not seen within 30 s'}`);
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await rm(work, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  const max = sorted.at(-1)!;
  const table = markdownTable(
    ['edition', 'edits', 'median ms', 'max ms', 'all ms', 'budget ≤ 1000 ms'],
    [['default', latencies.length, Math.round(median), Number.isFinite(max) ? Math.round(max) : '∞', latencies.map((l) => (Number.isFinite(l) ? Math.round(l) : '∞')).join(', '), max <= 1000 ? '达标 met (every edit)' : median <= 1000 ? '**部分达标 median met, not every edit**' : '**未达标 not met**']],
  );
  const stamp = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · save of the first experience's title → first response of its page containing the new title`;
  console.log(`${stamp}\n\n${table}`);
  if (values.write) {
    const doc = path.join(root, 'bench', 'README.md');
    await writeFile(doc, replaceSection(await readFile(doc, 'utf8'), 'preview', `${stamp}\n\n${table}`));
  }
}

await main();
