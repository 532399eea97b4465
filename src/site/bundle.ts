/**
 * Bundles the browser code and the stylesheet with esbuild into
 * content-hashed, minified files (`assets/js/site.3f2a1c9e.js`), so a page
 * can be cached for ever and a changed file gets a new name. Output is
 * deterministic: the same sources give the same bytes and names.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

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
export async function bundleAssets(entries: AssetEntry[], root: string): Promise<BundledAsset[]> {
  const present = entries.filter((entry) => existsSync(join(root, entry.source)));
  return Promise.all(present.map((entry) => bundleOne(entry, root)));
}

/**
 * Last bundle of each entry with the modification times of every file that
 * went into it: a rebuild in watch mode (`npm start`) reuses the bundle
 * while none of those files changed, instead of re-running esbuild.
 */
const bundled = new Map<string, { inputs: Array<[string, number]>; asset: BundledAsset }>();

async function bundleOne(entry: AssetEntry, root: string): Promise<BundledAsset> {
  const key = `${root}\0${entry.name}\0${entry.source}\0${entry.kind}`;
  const cached = bundled.get(key);
  if (cached && cached.inputs.every(([file, mtime]) => mtimeOf(file) === mtime)) return cached.asset;
  return bundleFresh(entry, root);
}

/** Modification time of a file in ms, or -1 when it is gone. */
function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

async function bundleFresh(entry: AssetEntry, root: string): Promise<BundledAsset> {
  const result = await build({
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
  });
  const file = result.outputFiles.find((f) => f.path.endsWith(entry.kind === 'css' ? '.css' : '.js'));
  if (!file) throw new Error(`esbuild 未生成 ${entry.source} 的输出`);
  const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 10);
  const folder = entry.kind === 'css' ? 'css' : 'js';
  const base = entry.kind === 'css' ? 'site' : entry.name;
  const asset = { name: entry.name, url: `/assets/${folder}/${base}.${hash}.${entry.kind === 'css' ? 'css' : 'js'}`, contents: file.contents };
  const inputs = Object.keys(result.metafile.inputs).map((input): [string, number] => {
    const abs = join(root, input);
    return [abs, mtimeOf(abs)];
  });
  bundled.set(`${root}\0${entry.name}\0${entry.source}\0${entry.kind}`, { inputs, asset });
  return asset;
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
