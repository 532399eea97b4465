import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEleventy } from '../../scripts/lib/load-eleventy.ts';
import { projectRoot, typeScriptLoader } from '../helpers/built-site.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-load-eleventy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const url = (file: string) => JSON.stringify(pathToFileURL(file).href);

/**
 * Runs the ES module `code` in a Node process started as npm commands start it (the project's TypeScript
 * loader), with one more module hook that notes every URL it is asked to load. Returns what the process
 * printed and the URLs the hook saw.
 */
function runWatched(code: string): { stdout: string; hooked: string[] } {
  const hook = path.join(scratch, 'watch-hook.mjs');
  writeFileSync(hook, "import { writeSync } from 'node:fs';\nexport async function load(url, context, next) { writeSync(2, `hooked ${url}\\n`); return next(url, context); }\n");
  const register = path.join(scratch, 'watch-register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${url(hook)});\n`);
  const script = path.join(scratch, 'script.mjs');
  writeFileSync(script, code);
  const run = spawnSync(process.execPath, [...typeScriptLoader, '--import', register, script], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  const hooked = run.stderr.split('\n').filter((line) => line.startsWith('hooked ')).map((line) => line.slice('hooked '.length));
  return { stdout: run.stdout, hooked };
}

describe('loadEleventy()', () => {
  it('gives the Eleventy class, the one instance an import gives', async () => {
    const Eleventy = await loadEleventy();
    expect(typeof Eleventy).toBe('function');
    expect(Eleventy.name).toBe('Eleventy');
    expect(Eleventy).toBe((await import('@11ty/eleventy')).default);
  });

  it.skipIf(!process.features.require_module)('loads Eleventy without the module hooks, which an import goes through', () => {
    const loader = url(path.join(projectRoot, 'scripts', 'lib', 'load-eleventy.ts'));
    const required = runWatched(`const { loadEleventy } = await import(${loader});\nconsole.log((await loadEleventy()).name);\n`);
    expect(required.stdout.trim()).toBe('Eleventy');
    // The hook saw the project's TypeScript it was asked for, and of Eleventy only the module hook Eleventy
    // registers itself (module.register loads it on the loader thread, through the hooks before it).
    expect(required.hooked.some((u) => u.endsWith('/scripts/lib/load-eleventy.ts'))).toBe(true);
    const eleventyFiles = required.hooked.filter((u) => u.includes('/@11ty/eleventy/')).map((u) => u.replace(/^.*\/@11ty\/eleventy\//, ''));
    expect(eleventyFiles).not.toContain('src/Eleventy.js');
    expect(eleventyFiles.every((f) => ['src/Util/EsmResolver.js', 'src/Util/PathNormalizer.js'].includes(f))).toBe(true);

    const entry = url(path.join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'src', 'Eleventy.js'));
    const imported = runWatched(`const { default: Eleventy } = await import(${entry});\nconsole.log(Eleventy.name);\n`);
    expect(imported.stdout.trim()).toBe('Eleventy');
    expect(imported.hooked.filter((u) => u.includes('/@11ty/eleventy/src/')).length).toBeGreaterThan(50);
  });
});
