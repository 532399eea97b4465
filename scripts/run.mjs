#!/usr/bin/env node
/**
 * `node scripts/run.mjs <command> [args…]`: runs `scripts/<command>.ts`
 * (build, start, check, diff, template, import) as precompiled JavaScript instead of
 * compiling TypeScript through tsx on every run.
 *
 * The commands and the Eleventy config (`.eleventy.js`, which imports
 * `./src/…ts`) are bundled together by esbuild into
 * `node_modules/.cache/pinggu/cli/<key>/` — npm packages stay imports, the
 * project's own modules are shared chunks, sourcemaps are linked so stack
 * traces name the `.ts` files. `<key>` hashes every input file esbuild's
 * metafile listed, esbuild's version, the options and this file; the next
 * run hashes the same files again and reuses the bundle when nothing
 * changed, so a source edit is picked up on the next run.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root: the folder above this file. */
const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The commands `run.mjs` knows, each `scripts/<name>.ts`: the npm
 * scripts, and the guardian that build and start run beside themselves to
 * clean up after an interrupt.
 */
export const commands = ['build', 'start', 'check', 'diff', 'template', 'import', 'guard'];

/**
 * The entry points of the CLI bundle: every command and the Eleventy config.
 *
 * @example
 * cliEntries('/repo').config; // '/repo/.eleventy.js'
 */
export function cliEntries(root) {
  return {
    ...Object.fromEntries(commands.map((name) => [name, path.join(root, 'scripts', `${name}.ts`)])),
    config: path.join(root, '.eleventy.js'),
  };
}

/** esbuild options that shape the output; they are part of the cache key. */
const outputOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  splitting: true,
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'silent',
};

/**
 * esbuild plugin: `import.meta.url` in a project source means that source
 * file, not the bundle it ends up in, so paths derived from it (the project
 * root, "was I invoked directly?") keep working from the cache folder.
 */
function sourceUrls(root) {
  return {
    name: 'pinggu-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|js|mjs)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`) || !args.path.startsWith(root)) return undefined;
        const contents = await readFile(args.path, 'utf8');
        const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
        if (!contents.includes('import.meta.url')) return { contents, loader };
        return { contents: contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  };
}

/** sha256 over labelled parts, hex. */
function digest(parts) {
  const hash = createHash('sha256');
  for (const [label, value] of parts) hash.update(`${label}\0`).update(value).update('\0');
  return hash.digest('hex');
}

/**
 * The parts of the key that are not input files. The root is one of them:
 * two checkouts sharing one `node_modules` (a symlink, a git worktree) must
 * not read each other's manifest and run each other's bundle.
 */
function fixedParts(esbuildVersion, root, entries) {
  return [
    ['root', root],
    ['esbuild', esbuildVersion],
    ['options', JSON.stringify(outputOptions)],
    ['entries', JSON.stringify(entries)],
    ['runner', readFileSync(fileURLToPath(import.meta.url))],
  ];
}

/** The cache key of a set of input files (absolute paths), or undefined when one is gone. Synchronous reads: ≈ 150 small files, faster than a promise each. */
function inputsKey(fixed, inputs) {
  const parts = [...fixed];
  for (const file of [...inputs].sort()) {
    try {
      parts.push([file, readFileSync(file)]);
    } catch {
      return undefined;
    }
  }
  return digest(parts);
}

/**
 * Returns the folder holding an up-to-date bundle of `entries` under
 * `cacheDir`, bundling only when an input changed since the last bundle.
 * Concurrent runs are safe: a bundle is written to a temporary folder and
 * renamed into place, and the manifest naming the current one is replaced
 * atomically.
 *
 * @example
 * const { dir, reused } = await bundleCli({ root: '/repo', cacheDir: '/repo/node_modules/.cache/pinggu/cli' });
 * // dir '/repo/node_modules/.cache/pinggu/cli/3f9a…', reused true on the second call; import(path.join(dir, 'build.mjs'))
 */
export async function bundleCli({ root = defaultRoot, cacheDir = path.join(root, 'node_modules', '.cache', 'pinggu', 'cli'), entries = cliEntries(root) } = {}) {
  // esbuild's version from its package.json: importing esbuild is only paid when bundling.
  const { version } = createRequire(import.meta.url)('esbuild/package.json');
  const fixed = fixedParts(version, path.resolve(root), Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.relative(root, file)])));
  const manifestFile = path.join(cacheDir, `manifest-${digest(fixed).slice(0, 12)}.json`);

  const manifest = await readFile(manifestFile, 'utf8').then(JSON.parse, () => undefined);
  if (manifest && Array.isArray(manifest.inputs)) {
    const key = inputsKey(fixed, manifest.inputs);
    const dir = key && path.join(cacheDir, key);
    if (key === manifest.key && existsSync(path.join(dir, 'done'))) return { dir, reused: true };
  }

  const esbuild = await import('esbuild');
  if (esbuild.version !== version) throw new Error(`esbuild ${esbuild.version} 与 ${version} 不一致 (two esbuild versions installed)`);
  await mkdir(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      ...outputOptions,
      absWorkingDir: root,
      entryPoints: entries,
      outdir: tmp,
      metafile: true,
      plugins: [sourceUrls(root)],
    });
    const inputs = Object.keys(result.metafile.inputs).map((file) => path.resolve(root, file.replace(/^[a-z-]+:/, '')));
    const key = inputsKey(fixed, inputs);
    if (key === undefined) throw new Error('打包期间源文件被删除 (a source file vanished while bundling)');
    await writeFile(path.join(tmp, 'done'), '');
    const dir = path.join(cacheDir, key);
    await rename(tmp, dir).catch(async (error) => {
      // Another run bundled the same inputs first; theirs is as good as ours.
      if (!existsSync(path.join(dir, 'done'))) throw error;
      await rm(tmp, { recursive: true, force: true });
    });
    const manifestTmp = `${manifestFile}.${process.pid}`;
    await writeFile(manifestTmp, JSON.stringify({ key, inputs }));
    await rename(manifestTmp, manifestFile);
    await pruneCache(cacheDir, dir);
    return { dir, reused: false };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Removes bundles other than `keep` that have not been written for a day (a concurrent run may still use a fresh one). */
async function pruneCache(cacheDir, keep) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of await readdir(cacheDir)) {
    const dir = path.join(cacheDir, name);
    if (dir === keep || name.startsWith('manifest-')) continue;
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && info.mtimeMs < dayAgo) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs one command from the bundle, as `tsx scripts/<command>.ts args…`
 * would: `process.argv[1]` names the `.ts` source (the command checks it
 * was invoked directly), and Eleventy is pointed at the bundled config
 * through `PINGGU_ELEVENTY_CONFIG` (read by `scripts/lib/render-site.ts`).
 */
async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!commands.includes(command ?? '')) {
    process.stderr.write(`未知命令 ${command ?? ''} (unknown command)。用法: node scripts/run.mjs <${commands.join('|')}> [参数…]\n`);
    process.exitCode = 2;
    return;
  }
  process.setSourceMapsEnabled(true);
  const { dir } = await bundleCli();
  process.env.PINGGU_ELEVENTY_CONFIG = path.join(dir, 'config.mjs');
  process.argv = [process.argv[0], cliEntries(defaultRoot)[command], ...args];
  await import(pathToFileURL(path.join(dir, `${command}.mjs`)).href);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
