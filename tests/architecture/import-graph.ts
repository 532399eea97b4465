/**
 * The imports of the project's TypeScript, read with the TypeScript
 * scanner, and the two rules the layers keep: an import points only down
 * (or stays in its own layer), and no chain of imports comes back to where
 * it started.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One relative import: the importing file, its line, and the file it names (paths relative to the root, with `/`). */
export interface ImportEdge {
  from: string;
  line: number;
  to: string;
}

/**
 * The layers from the bottom up: a folder of `src/` may import its own
 * folder and the folders of any row below its own; folders in one row sit
 * side by side and import none of each other. An `apart` folder imports
 * only the folders it lists, and no folder imports it.
 */
export interface LayerRules {
  rows: ReadonlyArray<readonly string[]>;
  apart: Readonly<Record<string, readonly string[]>>;
}

/**
 * Every `import … from`, `export … from`, `import(…)` and `require(…)` of a
 * source text whose specifier is relative, with its 1-based line. Comments
 * and strings are skipped by the scanner, so an import written in a comment
 * does not count.
 *
 * @example
 * relativeImports("import { a } from './a.ts';\nexport * from 'zod';") // [{ specifier: './a.ts', line: 1 }]
 */
export function relativeImports(text: string): Array<{ specifier: string; line: number }> {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false);
  return importedFiles
    .filter((file) => file.fileName.startsWith('.'))
    .map((file) => ({ specifier: file.fileName, line: source.getLineAndCharacterOfPosition(file.pos).line + 1 }));
}

/**
 * Every relative import of every `.ts` file under `dirs` (relative to
 * `root`), resolved to the file it names.
 *
 * @example
 * sourceImports(process.cwd(), ['src'])[0] // { from: 'src/client/charts.ts', line: 16, to: 'src/client/chart-fallback.ts' }
 */
export function sourceImports(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of dirs.flatMap((dir) => tsFiles(root, dir))) {
    for (const { specifier, line } of relativeImports(readFileSync(path.join(root, file), 'utf8'))) {
      edges.push({ from: file, line, to: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) });
    }
  }
  return edges;
}

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The layer of a file under `src/`: its first folder (`src/model/text/rank-text.ts` → `model`).
 *
 * @example
 * layerOf('src/model/text/rank-text.ts') // 'model'
 */
export function layerOf(file: string): string {
  return file.split('/')[1] ?? '';
}

/**
 * One line per import that breaks the rules, naming the file, the line and
 * the two layers; also one per folder of `src/` that the rules do not
 * place. No problems give an empty list.
 *
 * @example
 * layerProblems([{ from: 'src/scoring/a.ts', line: 5, to: 'src/model/b.ts' }], rules)
 * // ['src/scoring/a.ts:5 imports src/model/b.ts: scoring is below model and may not import it']
 */
export function layerProblems(edges: readonly ImportEdge[], rules: LayerRules): string[] {
  const row = new Map<string, number>();
  rules.rows.forEach((layers, i) => layers.forEach((layer) => row.set(layer, i)));
  const problems: string[] = [];
  const unplaced = new Set<string>();
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    for (const layer of [from, to]) if (!row.has(layer) && !Object.hasOwn(rules.apart, layer)) unplaced.add(layer);
    if (from === to || !row.has(from) && !Object.hasOwn(rules.apart, from)) continue;
    const at = `${edge.from}:${edge.line} imports ${edge.to}`;
    if (Object.hasOwn(rules.apart, to)) problems.push(`${at}: ${to} is apart and nothing imports it`);
    else if (Object.hasOwn(rules.apart, from)) {
      if (!rules.apart[from]!.includes(to)) problems.push(`${at}: ${from} is apart and imports only ${rules.apart[from]!.join(', ')}`);
    } else if (!row.has(to)) continue;
    else if (row.get(to)! > row.get(from)!) problems.push(`${at}: ${from} is below ${to} and may not import it`);
    else if (row.get(to) === row.get(from)) problems.push(`${at}: ${from} and ${to} sit side by side; move what both need into a lower layer`);
  }
  for (const layer of unplaced) problems.push(`src/${layer}/ is in no layer: place it in the rules`);
  return problems;
}

/**
 * The import cycles among the files: each cycle as the files on it, from
 * its first file in path order back to the file that imports it. No
 * cycles give an empty list.
 *
 * @example
 * importCycles([{ from: 'a.ts', line: 1, to: 'b.ts' }, { from: 'b.ts', line: 1, to: 'a.ts' }]) // [['a.ts', 'b.ts']]
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  // Tarjan's strongly connected components: a component of more than one file, or a file importing itself, is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (next.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}
