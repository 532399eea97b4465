/**
 * Node module hooks that load the project's own `.ts` files as JavaScript.
 * They run on Node's loader thread, registered by `register.mjs`.
 *
 * A `.ts` file under the project root (outside `node_modules`) has its
 * types stripped by esbuild, one file at a time, with an inline source map
 * so stack traces name the `.ts` line; the JavaScript is kept in the
 * compile cache under a key of esbuild's version, the options, the file's
 * path and its text, so an unchanged file is read back instead of
 * transformed. Every other module, Eleventy's and the libraries' included,
 * goes to Node's own loader untouched. Nothing is bundled or rewritten: a
 * module keeps its own URL, so `import.meta.url` names its source file.
 *
 * Plain JavaScript: this is what makes TypeScript run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openCompileCache, projectCacheDir } from './compile-cache.mjs';

/**
 * esbuild's transform options; part of every entry's key. The module
 * syntax is kept as written (`verbatimModuleSyntax`, as `tsc` checks it),
 * so an import is dropped only when it says `import type`. The source map
 * holds positions only: a stack trace needs the `.ts` line, and the file
 * itself is on disk.
 */
const transformOptions = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  sourcesContent: false,
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
};

/** Set by {@link initialize}. */
let project = { url: '', cache: undefined, esbuildVersion: '' };

/** esbuild, imported on the first file that is not in the cache. */
let esbuild;

/**
 * Node calls this with the `data` given to `register`: the project root,
 * whose `.ts` files are transformed and whose cache is used.
 *
 * @example
 * register('./typescript-hooks.mjs', import.meta.url, { data: { root: '/repo' } });
 */
export function initialize({ root }) {
  const resolved = path.resolve(root);
  project = {
    url: pathToFileURL(resolved + path.sep).href,
    cache: openCompileCache(projectCacheDir(resolved)),
    esbuildVersion: createRequire(import.meta.url)('esbuild/package.json').version,
  };
}

/**
 * True for a `.ts` file of the project, outside `node_modules`.
 *
 * @example
 * isProjectTypeScript('file:///repo/src/site/plugin.ts'); // true with the root /repo
 * isProjectTypeScript('file:///repo/node_modules/x/index.ts'); // false
 */
export function isProjectTypeScript(url) {
  if (!url.startsWith(project.url)) return false;
  const { pathname } = new URL(url);
  return pathname.endsWith('.ts') && !pathname.endsWith('.d.ts') && !pathname.includes('/node_modules/');
}

/**
 * Node's `load` hook: the project's `.ts` files as ES modules of
 * JavaScript, everything else from the next loader.
 */
export async function load(url, context, nextLoad) {
  if (!isProjectTypeScript(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const parts = ['typescript', project.esbuildVersion, JSON.stringify(transformOptions), file, source];
  let code = project.cache.read(parts);
  if (code === undefined) {
    esbuild ??= await import('esbuild');
    code = (await esbuild.transform(source, { ...transformOptions, sourcefile: file })).code;
    project.cache.write(parts, code);
  }
  return { format: 'module', source: code, shortCircuit: true };
}
