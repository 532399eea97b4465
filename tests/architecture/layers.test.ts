import { describe, expect, it } from 'vitest';
import { importCycles, layerProblems, relativeImports, sourceImports, type LayerRules } from './import-graph.ts';

/**
 * `data → schema → scoring → model → downloads | site | diff | workbook`,
 * with `client` (the browser bundle) apart: it uses the pure printing and
 * shared types of scoring and model. Measurement code lives outside
 * `src/`, in the top-level `bench/`: it may use every layer, and nothing in
 * `src/` or `scripts/` imports it.
 */
const RULES: LayerRules = {
  rows: [['data'], ['schema'], ['scoring'], ['model'], ['downloads', 'site', 'diff', 'workbook']],
  apart: { client: ['scoring', 'model'] },
};

describe('the layers of src/', () => {
  const edges = sourceImports(process.cwd(), ['src']);

  it('finds the imports it checks', () => {
    expect(edges.some((e) => e.from.startsWith('src/model/') && e.to.startsWith('src/scoring/'))).toBe(true);
  });

  it('import only downwards or within their own layer', () => {
    expect(layerProblems(edges, RULES)).toEqual([]);
  });

  it('import no file that, through its own imports, comes back to the importer', () => {
    expect(importCycles(sourceImports(process.cwd(), ['src', 'scripts', 'bench']))).toEqual([]);
  });
});

describe('the measurement code in bench/', () => {
  const edges = sourceImports(process.cwd(), ['bench']);

  it('uses the product through its modules', () => {
    expect(edges.some((e) => e.to.startsWith('src/'))).toBe(true);
  });

  it('is imported by nothing in src/ or scripts/', () => {
    const product = sourceImports(process.cwd(), ['src', 'scripts']);
    expect(product.filter((e) => e.to.startsWith('bench/')).map((e) => `${e.from}:${e.line} imports ${e.to}`)).toEqual([]);
  });
});

describe('layerProblems(edges, rules)', () => {
  const rules: LayerRules = { rows: [['data'], ['scoring'], ['model'], ['site', 'downloads']], apart: { client: ['scoring'] } };
  it.each([
    ['src/scoring/a.ts', 'src/model/b.ts', 'src/scoring/a.ts:7 imports src/model/b.ts: scoring is below model and may not import it'],
    ['src/site/a.ts', 'src/downloads/b.ts', 'src/site/a.ts:7 imports src/downloads/b.ts: site and downloads sit side by side; move what both need into a lower layer'],
    ['src/client/a.ts', 'src/model/b.ts', 'src/client/a.ts:7 imports src/model/b.ts: client is apart and imports only scoring'],
    ['src/site/a.ts', 'src/client/b.ts', 'src/site/a.ts:7 imports src/client/b.ts: client is apart and nothing imports it'],
    ['src/tools/a.ts', 'src/model/b.ts', 'src/tools/ is in no layer: place it in the rules'],
  ])('refuses %s importing %s', (from, to, problem) => {
    expect(layerProblems([{ from, line: 7, to }], rules)).toEqual([problem]);
  });

  it.each([
    ['src/model/a.ts', 'src/scoring/b.ts'],
    ['src/site/a.ts', 'src/data/b.ts'],
    ['src/model/a.ts', 'src/model/text/b.ts'],
    ['src/client/a.ts', 'src/scoring/b.ts'],
  ])('lets %s import %s', (from, to) => {
    expect(layerProblems([{ from, line: 1, to }], rules)).toEqual([]);
  });
});

describe('importCycles(edges)', () => {
  const edge = (from: string, to: string) => ({ from, line: 1, to });
  it('finds a cycle through several files, and a file that imports itself', () => {
    const edges = [edge('c.ts', 'a.ts'), edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('e.ts', 'e.ts')];
    expect(importCycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('finds none in imports that only fan out and join again', () => {
    expect(importCycles([edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('c.ts', 'd.ts')])).toEqual([]);
  });
});

describe('relativeImports(text)', () => {
  it('reads every kind of import with its line, and skips packages and comments', () => {
    const text = [
      "import type { A } from './a.ts';",
      "export { b } from '../b.ts';",
      '// import { c } from "./c.ts";',
      "const d = await import('./d.ts');",
      "import yaml from 'js-yaml';",
      "export * from './e.ts';",
    ].join('\n');
    expect(relativeImports(text)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../b.ts', line: 2 },
      { specifier: './d.ts', line: 4 },
      { specifier: './e.ts', line: 6 },
    ]);
  });
});
