/**
 * The TypeScript loader with real Node processes: a small project in a
 * scratch folder is run through `typescript-hooks.mjs`, registered for that
 * folder as `register.mjs` registers it for the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCacheDir } from '../../../scripts/loader/compile-cache.mjs';

const hooks = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/loader/typescript-hooks.mjs')).href;
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `files` into a new project folder. */
function project(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Runs `entry` of the project at `root` with the hooks registered for that root. */
function run(root: string, entry: string): { status: number | null; stdout: string; stderr: string } {
  const program = `
    import { register } from 'node:module';
    process.setSourceMapsEnabled(true);
    register(${JSON.stringify(hooks)}, { data: { root: ${JSON.stringify(root)} } });
    await import(${JSON.stringify(pathToFileURL(path.join(root, entry)).href)});
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const entries = (root: string) => readdirSync(projectCacheDir(root)).filter((f) => /^[0-9a-f]{64}$/.test(f));

describe('typescript-hooks.mjs', () => {
  it('runs the project’s TypeScript with its types stripped, each module keeping its own import.meta.url', () => {
    const root = project('plain', {
      'main.ts': [
        "import type { Unit } from './types.ts';",
        "import { describe } from './lib/describe.ts';",
        "const unit: Unit = { name: '张店区', score: 92.5 };",
        'console.log(describe(unit));',
        'console.log(import.meta.url);',
      ].join('\n'),
      'types.ts': 'export interface Unit { name: string; score: number }\n',
      'lib/describe.ts': "import type { Unit } from '../types.ts';\nexport const describe = (u: Unit): string => `${u.name} ${u.score} ${import.meta.url}`;\n",
    });
    const result = run(root, 'main.ts');
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      `张店区 92.5 ${pathToFileURL(path.join(root, 'lib/describe.ts')).href}`,
      pathToFileURL(path.join(root, 'main.ts')).href,
      '',
    ]);
  });

  it('keeps an import that is not `import type`, so a module imported for its effect still runs', () => {
    const root = project('effects', {
      'main.ts': "import { unused } from './effect.ts';\nconsole.log('main');\n",
      'effect.ts': "console.log('effect');\nexport const unused: number = 1;\n",
    });
    expect(run(root, 'main.ts').stdout).toBe('effect\nmain\n');
  });

  it('keeps each transformed module in the compile cache and reads it back until the file changes', () => {
    const root = project('cached', { 'main.ts': "const greeting: string = 'first';\nconsole.log(greeting);\n" });
    expect(run(root, 'main.ts').stdout).toBe('first\n');
    const [entry] = entries(root);
    expect(entries(root)).toHaveLength(1);
    // Served from the cache as long as the source is the same: plant a marker to prove it is read.
    writeFileSync(path.join(projectCacheDir(root), entry!), "console.log('from the cache');\n");
    expect(run(root, 'main.ts').stdout).toBe('from the cache\n');
    writeFileSync(path.join(root, 'main.ts'), "const greeting: string = 'second';\nconsole.log(greeting);\n");
    expect(run(root, 'main.ts').stdout).toBe('second\n');
    expect(entries(root)).toHaveLength(2);
  });

  it('names the .ts file and line in a stack trace', () => {
    const root = project('stack', {
      'main.ts': ['interface Big {', '  a: number;', '  b: string;', '}', 'export function fail(x: Big): never {', "  throw new Error(`bad ${x.a}`);", '}', "fail({ a: 1, b: 'x' });"].join('\n'),
    });
    const result = run(root, 'main.ts');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`${path.join(root, 'main.ts')}:6`);
  });

  it('leaves TypeScript outside the project and in node_modules to Node, which refuses it', () => {
    const root = project('outside', {
      'main.ts': "import { x } from './node_modules/dep/index.ts';\nconsole.log(x);\n",
      'node_modules/dep/index.ts': 'export const x: number = 1;\n',
    });
    const result = run(root, 'main.ts');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ERR_UNKNOWN_FILE_EXTENSION|Unknown file extension/);
  });

  it('reports a syntax error with the file it is in, and keeps nothing for it', () => {
    const root = project('broken', { 'main.ts': 'const x: number = ;\n' });
    const result = run(root, 'main.ts');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(path.join(root, 'main.ts'));
    expect(existsSync(projectCacheDir(root)) ? entries(root) : []).toEqual([]);
  });
});
