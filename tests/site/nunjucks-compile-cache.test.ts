import nunjucksModule from 'nunjucks';
import { describe, expect, it, vi } from 'vitest';
import { cacheNunjucksCompiles } from '../../src/site/nunjucks-compile-cache.ts';

/** The parts of Nunjucks this test uses (the project's nunjucks.d.ts declares only what the site needs). */
interface Env {
  readonly opts?: unknown;
}
const nunjucks = nunjucksModule as unknown as {
  Environment: new (loaders: null, opts: { autoescape: boolean }) => Env;
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
