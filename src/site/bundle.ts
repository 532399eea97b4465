/**
 * Bundles the browser code and the stylesheet with esbuild into
 * content-hashed, minified files (`assets/js/site.3f2a1c9e.js`), so a page
 * can be cached for ever and a changed file gets a new name. Output is
 * deterministic: the same sources give the same bytes and names.
 *
 * Given a compile cache, a build does not re-bundle Chart.js every time: an
 * entry's bundle is kept under the esbuild version, the options and the
 * entry, with the SHA-256 of the content of every input esbuild read (its
 * metafile) and of `package.json`, `package-lock.json` and `tsconfig.json`;
 * it is used only while every one of those files has the same content.
 * Cached and fresh bundles are byte-identical.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';
import type { CompileCache } from './compile-cache.ts';

/** One thing to bundle: a name for templates, its source and its kind. */
export interface AssetEntry {
  /** Key templates use (`site`, `charts`, `prefs`, `css`). */
  name: string;
  /** Source file, relative to the project root. */
  source: string;
  /** Browser script (ES module or classic) or stylesheet. */
  kind: 'module' | 'classic' | 'css';
}

/** A bundled file ready to write: its URL path and its bytes. */
export interface BundledAsset {
  name: string;
  url: string;
  contents: Uint8Array;
}

/** The site's entries; entries whose source does not exist yet are skipped. */
export const siteEntries: AssetEntry[] = [
  { name: 'prefs', source: 'src/client/prefs.ts', kind: 'classic' },
  { name: 'site', source: 'src/client/site.ts', kind: 'module' },
  { name: 'charts', source: 'src/client/charts.ts', kind: 'module' },
  { name: 'css', source: 'assets/css/site.css', kind: 'css' },
];

/**
 * Bundles each entry whose source exists into memory. Scripts target
 * ES2020 browsers; `module` entries keep ES module format (loaded with
 * `type="module"`), `classic` ones are an IIFE for a blocking `<script>` in
 * `<head>`. Hash: the first 10 hex digits of the SHA-256 of the bytes.
 *
 * @example
 * const assets = await bundleAssets(siteEntries, process.cwd());
 * assets.find((a) => a.name === 'site')?.url // '/assets/js/site.1a2b3c4d5e.js'
 */
export async function bundleAssets(entries: AssetEntry[], root: string, options: BundleOptions = {}): Promise<BundledAsset[]> {
  const present = entries.filter((entry) => existsSync(join(root, entry.source)));
  return Promise.all(present.map((entry) => bundleOne(entry, root, options.cache)));
}

/** Options for {@link bundleAssets}. */
export interface BundleOptions {
  /** Where bundles are kept for the next build; none: bundled afresh by every process. */
  cache?: CompileCache;
}

/**
 * Last bundle of each entry with the modification times of every file that
 * went into it: a rebuild in watch mode (`npm start`) reuses the bundle
 * while none of those files changed, instead of re-running esbuild.
 */
const bundled = new Map<string, { inputs: Array<[string, number]>; asset: BundledAsset }>();

async function bundleOne(entry: AssetEntry, root: string, cache: CompileCache | undefined): Promise<BundledAsset> {
  const key = `${root}\0${entry.name}\0${entry.source}\0${entry.kind}`;
  const cached = bundled.get(key);
  if (cached && cached.inputs.every(([file, mtime]) => mtimeOf(file) === mtime)) return cached.asset;
  const options = esbuildOptions(entry, root);
  const kept = cache && { cache, parts: cacheParts(entry, options) };
  const fromDisk = kept && (await readKept(kept, root));
  const { asset, inputs } = fromDisk ?? (await bundleFresh(entry, options, root, kept));
  bundled.set(key, { asset, inputs: inputs.map((file): [string, number] => [file, mtimeOf(file)]) });
  return asset;
}

/** Modification time of a file in ms, or -1 when it is gone. */
function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The esbuild options of an entry; they are part of its cache key. */
function esbuildOptions(entry: AssetEntry, root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [entry.source],
    bundle: true,
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    target: entry.kind === 'css' ? ['chrome100', 'firefox100', 'safari15'] : 'es2020',
    format: entry.kind === 'module' ? 'esm' : entry.kind === 'classic' ? 'iife' : undefined,
    platform: 'browser',
    logLevel: 'silent',
    outdir: 'out',
    metafile: true,
  };
}

/** The cache key: what, besides the inputs' content, decides an entry's bytes and URL. */
function cacheParts(entry: AssetEntry, options: BuildOptions): string[] {
  return ['bundle', esbuildVersion, JSON.stringify({ format: 1, entry, options })];
}

/** An entry's place in the compile cache. */
interface KeptBundle {
  cache: CompileCache;
  parts: string[];
}

/** Project files that change how esbuild resolves or compiles without being one of its inputs. */
const RESOLUTION_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];

/** What a cache entry holds. */
interface CacheRecord {
  /** Every input esbuild read, relative to the root as its metafile names it, with the SHA-256 of its content. */
  inputs: Array<[string, string]>;
  asset: { name: string; url: string; contents: string };
}

/** A kept bundle whose inputs all still have the recorded content, else `undefined`. */
async function readKept({ cache, parts }: KeptBundle, root: string): Promise<{ asset: BundledAsset; inputs: string[] } | undefined> {
  let record: CacheRecord;
  try {
    record = JSON.parse(cache.read(parts) ?? '') as CacheRecord;
  } catch {
    return undefined; // not kept yet, or a damaged entry: bundle afresh
  }
  const files = record.inputs.map(([input]) => join(root, input));
  const hashes = await Promise.all(files.map((file) => readFile(file).then(sha256, () => null)));
  if (hashes.some((hash, i) => hash !== record.inputs[i]![1])) return undefined;
  const contents = new Uint8Array(Buffer.from(record.asset.contents, 'base64'));
  return { asset: { name: record.asset.name, url: record.asset.url, contents }, inputs: files };
}

async function bundleFresh(
  entry: AssetEntry,
  options: BuildOptions,
  root: string,
  kept: KeptBundle | undefined,
): Promise<{ asset: BundledAsset; inputs: string[] }> {
  const result = await build(options);
  const file = result.outputFiles!.find((f) => f.path.endsWith(entry.kind === 'css' ? '.css' : '.js'));
  if (!file) throw new Error(`esbuild 未生成 ${entry.source} 的输出`);
  const hash = sha256(file.contents).slice(0, 10);
  const folder = entry.kind === 'css' ? 'css' : 'js';
  const base = entry.kind === 'css' ? 'site' : entry.name;
  const asset = { name: entry.name, url: `/assets/${folder}/${base}.${hash}.${entry.kind === 'css' ? 'css' : 'js'}`, contents: file.contents };
  // Besides what esbuild read, the files that steer how it resolves and transforms (dependency versions, tsconfig).
  const settings = RESOLUTION_FILES.filter((file) => existsSync(join(root, file)));
  const relative = [...Object.keys(result.metafile!.inputs), ...settings];
  const inputs = relative.map((input) => join(root, input));
  // Only inputs that are plain files can be checked later; anything else (a virtual module) is never cached.
  if (kept && relative.every((input) => !input.includes(':') && !isAbsolute(input))) {
    const hashes = await Promise.all(inputs.map((abs) => readFile(abs).then(sha256, () => null)));
    if (hashes.every((h): h is string => h !== null)) {
      const record: CacheRecord = {
        inputs: relative.map((input, i) => [input, hashes[i]!]),
        asset: { name: asset.name, url: asset.url, contents: Buffer.from(file.contents).toString('base64') },
      };
      kept.cache.write(kept.parts, JSON.stringify(record));
    }
  }
  return { asset, inputs };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes bundled assets under `outputDir` at their URL paths, and
 * `assets/manifest.json` (name → URL) so tools can find the hashed files.
 *
 * @example
 * await writeAssets(assets, '_site');
 * // _site/assets/js/site.1a2b3c4d5e.js …, _site/assets/manifest.json {"site":"/assets/js/site.1a2b3c4d5e.js",…}
 */
export async function writeAssets(assets: BundledAsset[], outputDir: string): Promise<void> {
  for (const asset of assets) {
    const target = join(outputDir, asset.url);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, asset.contents);
  }
  await mkdir(join(outputDir, 'assets'), { recursive: true });
  await writeFile(join(outputDir, 'assets', 'manifest.json'), `${JSON.stringify(assetUrls(assets), null, 2)}\n`);
}

/**
 * Name → URL for templates (`assets.site`, `assets.css`); a missing entry is absent.
 *
 * @example
 * assetUrls(assets).css // '/assets/css/site.0a1b2c3d4e.css'
 */
export function assetUrls(assets: BundledAsset[]): Record<string, string> {
  return Object.fromEntries(assets.map((a) => [a.name, a.url]));
}
