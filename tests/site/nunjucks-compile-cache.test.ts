import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nunjucksModule from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCompileCache } from '../../scripts/loader/compile-cache.mjs';
import { cacheNunjucksCompiles } from '../../src/site/nunjucks-compile-cache.ts';

/** The parts of Nunjucks this test uses (the project's nunjucks.d.ts declares only what the site needs). */
interface Env {
  readonly opts?: unknown;
}
const nunjucks = nunjucksModule as unknown as {
  Environment: new (loaders: null, opts: { autoescape: boolean; trimBlocks?: boolean }) => Env;
  Template: { new (src: string, env: Env, path: string): { render(data: object): string }; prototype: object };
  compiler: { compile: (...args: unknown[]) => string };
};

cacheNunjucksCompiles(nunjucks);

/** Count how often Nunjucks really compiles (parses and generates code). */
function countCompiles<T>(run: () => T): { result: T; compiles: number } {
  const spy = vi.spyOn(nunjucks.compiler, 'compile');
  try {
    const result = run();
    return { result, compiles: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

const source = '{% for u in units %}<li>{{ u.name | upper }}</li>{% endfor %}{% block b %}[{{ n }}]{% endblock %}';

describe('cacheNunjucksCompiles(nunjucks)', () => {
  it('compiles a template once for many pages and renders each page with its own data', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    const { result, compiles } = countCompiles(() =>
      [1, 2, 3].map((n) => new nunjucks.Template(source, env, 'templates/units.njk').render({ n, units: [{ name: `a${n}` }] })),
    );
    expect(compiles).toBe(1);
    expect(result).toEqual(['<li>A1</li>[1]', '<li>A2</li>[2]', '<li>A3</li>[3]']);
  });

  it('compiles again for a different text, name or environment', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    const other = new nunjucks.Environment(null, { autoescape: false });
    const { result, compiles } = countCompiles(() => [
      new nunjucks.Template('{{ x }}', env, 'a.njk').render({ x: '<b>' }),
      new nunjucks.Template('{{ x }}!', env, 'a.njk').render({ x: '<b>' }),
      new nunjucks.Template('{{ x }}', env, 'b.njk').render({ x: '<b>' }),
      new nunjucks.Template('{{ x }}', other, 'a.njk').render({ x: '<b>' }),
    ]);
    expect(compiles).toBe(4);
    // The environment's own options still apply: autoescape on, then off.
    expect(result).toEqual(['&lt;b&gt;', '&lt;b&gt;!', '&lt;b&gt;', '<b>']);
  });

  it('changes nothing when applied twice', () => {
    const proto = nunjucks.Template.prototype as unknown as { _compile: unknown };
    const before = proto._compile;
    cacheNunjucksCompiles(nunjucks);
    expect(proto._compile).toBe(before);
  });

  it('gives the same output as an uncached compile', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    const data = { n: 7, units: [{ name: '张店区' }, { name: '<script>' }] };
    const cached = new nunjucks.Template(source, env, 'x.njk').render(data);
    const again = new nunjucks.Template(source, env, 'x.njk').render(data);
    expect(again).toBe(cached);
    expect(cached).toBe('<li>张店区</li><li>&lt;SCRIPT&gt;</li>[7]');
  });
});

describe('cacheNunjucksCompiles(nunjucks, { cache })', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pinggu-njk-'));
  beforeAll(() => cacheNunjucksCompiles(nunjucks, { cache: openCompileCache(dir) }));
  afterAll(() => {
    cacheNunjucksCompiles(nunjucks); // back to memory only for the other tests of this worker
    rmSync(dir, { recursive: true, force: true });
  });
  const render = (env: Env, text: string, name: string, data: object) => new nunjucks.Template(text, env, name).render(data);
  /** The cache's entries: files named by their key. */
  const entries = () => readdirSync(dir).filter((f) => /^[0-9a-f]{64}$/.test(f));

  it('keeps the generated code, so a new environment (the next build) renders without compiling', () => {
    const first = countCompiles(() => render(new nunjucks.Environment(null, { autoescape: true }), source, 'disk.njk', { n: 1, units: [{ name: '甲' }] }));
    expect(first.compiles).toBe(1);
    expect(entries()).toHaveLength(1);
    const next = countCompiles(() => render(new nunjucks.Environment(null, { autoescape: true }), source, 'disk.njk', { n: 2, units: [{ name: '<乙>' }] }));
    expect(next).toEqual({ result: '<li>&lt;乙&gt;</li>[2]', compiles: 0 });
  });

  it('compiles again when the text, the name or an option of the environment differs', () => {
    const { compiles } = countCompiles(() => [
      render(new nunjucks.Environment(null, { autoescape: true }), `${source} `, 'disk.njk', { n: 1, units: [] }),
      render(new nunjucks.Environment(null, { autoescape: true }), source, 'other.njk', { n: 1, units: [] }),
      render(new nunjucks.Environment(null, { autoescape: true, trimBlocks: true }), source, 'disk.njk', { n: 1, units: [] }),
    ]);
    expect(compiles).toBe(3);
  });

  it('compiles afresh, and repairs the entry, when a kept file is broken', () => {
    const text = '{{ a }}+{{ b }}';
    render(new nunjucks.Environment(null, { autoescape: true }), text, 'broken.njk', { a: 1, b: 2 });
    const before = new Set(readdirSync(dir));
    for (const file of entries()) writeFileSync(path.join(dir, file), 'return {{{ not javascript');
    const { result, compiles } = countCompiles(() => render(new nunjucks.Environment(null, { autoescape: true }), text, 'broken.njk', { a: 3, b: 4 }));
    expect({ result, compiles }).toEqual({ result: '3+4', compiles: 1 });
    expect(countCompiles(() => render(new nunjucks.Environment(null, { autoescape: true }), text, 'broken.njk', { a: 5, b: 6 }))).toEqual({ result: '5+6', compiles: 0 });
    expect(new Set(readdirSync(dir))).toEqual(before);
  });

  it('still reports a template error as Nunjucks does, and keeps nothing for it', () => {
    const files = readdirSync(dir).length;
    expect(() => render(new nunjucks.Environment(null, { autoescape: true }), '{% if %}', 'bad.njk', {})).toThrow(/bad\.njk/);
    expect(readdirSync(dir)).toHaveLength(files);
  });
});
