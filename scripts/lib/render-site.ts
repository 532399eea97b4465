/**
 * The Eleventy step of the build: renders `templates/` with the project's
 * `.eleventy.js` into a given folder, programmatically.
 */
import path from 'node:path';

/** Options for {@link renderSite}. */
export interface RenderOptions {
  /** Project root holding `templates/` and `.eleventy.js`. */
  root: string;
  /** Folder to write the pages into (the build's staging folder). */
  outDir: string;
  /** Suppress Eleventy's own console output. */
  quiet?: boolean;
  /**
   * Eleventy config file to use (default `PINGGU_ELEVENTY_CONFIG`, set by
   * `scripts/run.mjs` to its bundled copy, else `<root>/.eleventy.js`).
   */
  configPath?: string;
}

/** What the render step reports back. */
export interface RenderResult {
  /** Output paths (relative to `outDir`) of every page Eleventy wrote. */
  pages: string[];
}

/**
 * Runs Eleventy 3 once, writing into `outDir`. A template error rejects
 * (Eleventy's `write()` rethrows after logging), so a broken template fails
 * the build instead of leaving a page out. Eleventy resolves its input and
 * config relative to the working directory, so the project root is passed
 * as absolute paths. Under `scripts/run.mjs` the config is its bundled,
 * precompiled copy, and no TypeScript loader is registered.
 *
 * @example
 * await renderSite({ root: '/repo', outDir: '/repo/_site.tmp-3f9a1c2b', quiet: true });
 * // { pages: ['index.html', 'method/index.html', …] }
 */
export async function renderSite({ root, outDir, quiet = true, configPath: config }: RenderOptions): Promise<RenderResult> {
  const configFile = path.resolve(config ?? process.env.PINGGU_ELEVENTY_CONFIG ?? path.join(root, '.eleventy.js'));
  // The source config imports TypeScript; a bundled one is plain JavaScript.
  if (configFile === path.join(path.resolve(root), '.eleventy.js')) await ensureTypeScriptImports();
  const { default: Eleventy } = await import('@11ty/eleventy');
  const input = path.relative(process.cwd(), path.join(root, 'templates')) || '.';
  const configPath = path.relative(process.cwd(), configFile);
  const elev = new Eleventy(input, path.resolve(outDir), { configPath, quietMode: quiet });
  if (quiet) elev.disableLogger();

  const [, templates] = await elev.write();
  const pages = (templates ?? [])
    .map((t) => t.outputPath)
    .filter((p): p is string => typeof p === 'string' && p.endsWith('.html'))
    .map((p) => path.relative(path.resolve(outDir), path.resolve(p)))
    .sort();
  return { pages };
}

let tsxRegistered = false;

/**
 * `.eleventy.js` imports the site's TypeScript modules with Node's own
 * loader. Under `tsx` (the CLI, the bench) that already works; inside a
 * Vitest worker it does not, so tsx's loader is registered once for the
 * process. The config then gets its own copy of `report-source.ts`, which
 * keeps its state on `globalThis` so it still sees the injected report.
 */
async function ensureTypeScriptImports(): Promise<void> {
  if (tsxRegistered || process.execArgv.some((arg) => arg.includes('tsx'))) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
}
