/**
 * An Eleventy user's first move, `npx @11ty/eleventy`, builds the report as
 * `npm run build` does: the same pages, downloads and search index, byte
 * for byte. So does `npx @11ty/eleventy --serve`, which builds again with a
 * freshly computed report when a data file changes.
 *
 * Everything runs in a fresh checkout (`tests/helpers/fresh-checkout.ts`):
 * no compile cache, as after `npm ci`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/built-site.ts';
import { freshCheckout } from '../helpers/fresh-checkout.ts';
import { until } from '../helpers/run-command.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

let work = '';
let checkout = '';
const edition = { REPORT_DATA: 'edition/data', REPORT_CONTENT: 'edition/content' };

beforeAll(() => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-eleventy-cli-')));
  checkout = freshCheckout(projectRoot, path.join(work, 'checkout'));
  // The small fixture, as an edition of its own that the serve case may edit.
  cpSync(path.join(projectRoot, 'tests/fixtures/small'), path.join(checkout, 'edition'), { recursive: true });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command in the fresh checkout with the small edition, failing the test on a non-zero exit. */
function runInCheckout(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: checkout, env: { ...process.env, ...edition }, encoding: 'utf8', timeout: 240_000 });
  expect(result.status, `${command} ${args.join(' ')}\n${result.stderr}${result.stdout}`).toBe(0);
  return result.stdout;
}

/** Every file of a built site but the marker only `npm run build` writes (it publishes into place). */
async function siteFiles(dir: string): Promise<Record<string, string>> {
  const { '.pinggu-site': _marker, ...files } = await hashTree(dir);
  return files;
}

describe('npx @11ty/eleventy after a fresh npm ci', () => {
  let built: Record<string, string>;

  beforeAll(async () => {
    runInCheckout('npm', ['run', 'build', '--', '--out', path.join(work, 'npm-build')]);
    built = await siteFiles(path.join(work, 'npm-build'));
  }, 300_000);

  it('writes the same site as npm run build: every page, download and search file, byte for byte', async () => {
    expect(existsSync(path.join(checkout, 'node_modules', '.cache'))).toBe(true); // the build filled the caches
    rmSync(path.join(checkout, 'node_modules', '.cache'), { recursive: true, force: true });
    const out = path.join(work, 'eleventy');
    runInCheckout('npx', ['@11ty/eleventy', `--output=${out}`]);
    expect(Object.keys(built)).toEqual(expect.arrayContaining(['index.html', 'downloads/report.docx', 'data/report.json', 'pagefind/pagefind.js']));
    expect(treeDifferences(built, await siteFiles(out))).toEqual([]);
  }, 240_000);

  describe('with --serve', () => {
    let server: ChildProcess | undefined;
    let output = '';
    const out = () => path.join(work, 'serve');
    afterAll(() => {
      if (server?.pid) process.kill(-server.pid, 'SIGKILL');
    });

    it('writes the same site, then builds again with the new report when a data file changes', async () => {
      const port = String(20_000 + Math.floor(Math.random() * 20_000));
      server = spawn('npx', ['@11ty/eleventy', '--serve', `--port=${port}`, `--output=${out()}`], {
        cwd: checkout,
        env: { ...process.env, ...edition },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const builds = () => output.match(/Wrote \d+ files/g)?.length ?? 0;
      // Pagefind and the downloads follow the pages: wait for the last file they write.
      await until('the first build', () => (builds() >= 1 && existsSync(path.join(out(), 'pagefind', 'pagefind-entry.json')) ? true : undefined), 180_000);
      await until('the downloads', () => (existsSync(path.join(out(), 'data', 'report.json')) ? true : undefined), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(treeDifferences(built, await siteFiles(out())), output).toEqual([]);

      // Rename a unit in the data: its page must show the new name, computed into a new report.
      const unitsFile = path.join(checkout, 'edition', 'data', 'units.yaml');
      const units = readFileSync(unitsFile, 'utf8');
      const name = /name: ([^,}\s]+)/.exec(units)![1]!;
      writeFileSync(unitsFile, units.replace(`name: ${name}`, `name: ${name}改`));
      await until('the rebuild', () => (builds() >= 2 ? true : undefined), 120_000);
      await until('the renamed unit', () => (readFileSync(path.join(out(), 'index.html'), 'utf8').includes(`${name}改`) ? true : undefined), 30_000);
    }, 300_000);
  });
});
