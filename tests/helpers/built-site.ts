/**
 * Real builds of whole editions for tests, through the real CLI
 * (`scripts/build.ts`, run as `npm run build` runs it), shared by every
 * test file of one `vitest run`.
 *
 * Vitest runs test files in separate worker processes, so a build is shared
 * through the file system: the global setup (`tests/helpers/global-setup.ts`)
 * provides one folder per run, the first worker that needs an edition takes
 * a lock (an atomic `mkdir`) and builds it, and the others wait for its
 * `done` (or `failed`) marker.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inject } from 'vitest';

/**
 * The project root.
 *
 * @example
 * path.join(projectRoot, '.htmlvalidate.json');
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Node's arguments that make it run the project's TypeScript, as every npm
 * command does: put them before a `.ts` file, or before `-e` code that
 * imports one.
 *
 * @example
 * spawn(process.execPath, [...typeScriptLoader, 'scripts/check.ts']);
 */
export const typeScriptLoader = ['--import', pathToFileURL(path.join(projectRoot, 'scripts', 'loader', 'register.mjs')).href];

/** Editions the tests build: the default edition and the fixtures. */
export type EditionName = 'zibo' | 'small' | 'hostile' | 'other';

/** The data and content folders of an edition. */
export interface EditionDirs {
  data: string;
  content: string;
}

/**
 * Where an edition's folders are: `zibo` is the default edition at the
 * project root, any other name is `tests/fixtures/<name>/`.
 *
 * @example
 * editionDirs('small').data; // '<root>/tests/fixtures/small/data'
 */
export function editionDirs(name: EditionName): EditionDirs {
  if (name === 'zibo') return { data: path.join(projectRoot, 'data'), content: path.join(projectRoot, 'content') };
  const base = path.join(projectRoot, 'tests', 'fixtures', name);
  return { data: path.join(base, 'data'), content: path.join(base, 'content') };
}

/** What one run of the build CLI did. */
export interface CliRun {
  /** Exit code; null when it was killed for running too long. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds. */
  ms: number;
  timedOut: boolean;
}

/**
 * Runs `scripts/build.ts` with `args` from the project root, with
 * `env` added to the environment, and kills it after `timeoutMs`.
 *
 * @example
 * const run = await runBuildCli(['--out', '/tmp/s', '--data', 'broken/data']);
 * run.code; // 1
 */
export function runBuildCli(args: string[], env: Record<string, string> = {}, timeoutMs = 180_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...typeScriptLoader, path.join(projectRoot, 'scripts', 'build.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

/** The per-run folder shared by every worker (from the global setup), or a private one. */
async function buildsDir(): Promise<string> {
  let provided: string | undefined;
  try {
    provided = inject('pingguBuildsDir');
  } catch {
    provided = undefined;
  }
  if (provided) return provided;
  privateDir ??= mkdtemp(path.join(os.tmpdir(), 'pinggu-builds-'));
  return privateDir;
}
let privateDir: Promise<string> | undefined;

const builds = new Map<EditionName, Promise<string>>();

/**
 * The folder of a finished build of `name`, building it the first time any
 * test of this run asks. Rejects with the build's stderr when it failed, so
 * every dependent test fails with the editor-facing message.
 *
 * @example
 * const dir = await builtSite('small');
 * await readFile(path.join(dir, 'index.html'), 'utf8');
 */
export function builtSite(name: EditionName): Promise<string> {
  let build = builds.get(name);
  if (!build) {
    build = buildShared(name);
    builds.set(name, build);
  }
  return build;
}

async function buildShared(name: EditionName): Promise<string> {
  const dir = await buildsDir();
  const out = path.join(dir, name, '_site');
  const done = path.join(dir, `${name}.done`);
  const failed = path.join(dir, `${name}.failed`);
  let owner = true;
  try {
    await mkdir(path.join(dir, `${name}.lock`), { recursive: false });
  } catch {
    owner = false;
  }

  if (owner) {
    const { data, content } = editionDirs(name);
    // Only the default edition's build prints report.pdf (vitest.config.ts turns it off for the others).
    const run = await runBuildCli(['--out', out, '--data', data, '--content', content], { REPORT_PDF: name === 'zibo' ? '1' : '0' });
    if (run.code !== 0) {
      const why = `构建 ${name} 失败 (exit ${run.code}${run.timedOut ? ', timed out' : ''}):\n${run.stderr}${run.stdout}`;
      await writeFile(failed, why);
      throw new Error(why);
    }
    await writeFile(done, run.stdout);
    return out;
  }

  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (await exists(done)) return out;
    if (await exists(failed)) throw new Error(await readFile(failed, 'utf8'));
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`等待 ${name} 构建超时 (timed out waiting for the shared build)`);
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pingguBuildsDir: string;
  }
}
