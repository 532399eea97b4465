import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Most positional parameters a function may take; past this, it takes an options object. */
const MAX_PARAMETERS = 4;

/**
 * Every function, method, constructor and arrow of a source text that
 * takes more than `MAX_PARAMETERS` positional parameters, as
 * `file:line name (n parameters)`. A TypeScript `this` parameter is not
 * one; a rest parameter or a destructured options object counts once.
 */
function longParameterLists(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const count = node.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this')).length;
      if (count > MAX_PARAMETERS) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.isConstructorDeclaration(node) ? 'constructor' : '(anonymous)';
        found.push(`${file}:${line} ${name} (${count} parameters)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('functions in src/, scripts/ and bench/', () => {
  it(`take at most ${MAX_PARAMETERS} positional parameters (past that, an options object)`, () => {
    const files = [...sourceFiles('src'), ...sourceFiles('scripts'), ...sourceFiles('bench')];
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => longParameterLists(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});

describe('longParameterLists(file, text)', () => {
  it.each([
    ['function f(a, b, c, d, e) {}', 'x.ts:1 f (5 parameters)'],
    ['const g = (a, b, c, d, e) => a;', 'x.ts:1 (anonymous) (5 parameters)'],
    ['class C {\n  m(a, b, c, d, e) {}\n}', 'x.ts:2 m (5 parameters)'],
    ['class C {\n  constructor(a, b, c, d, e) {}\n}', 'x.ts:2 constructor (5 parameters)'],
    ['xs.map(function (a, b, c, d, e) {});', 'x.ts:1 (anonymous) (5 parameters)'],
  ])('finds %s', (text, problem) => {
    expect(longParameterLists('x.ts', text)).toEqual([problem]);
  });

  it.each([
    ['function f(a, b, c, d) {}'],
    ['function f({ a, b, c, d, e }: Options) {}'],
    ['function f(this: Window, a, b, c, d) {}'],
    ['function f(a, ...rest: number[]) {}'],
    ['type T = (a: 1, b: 2, c: 3, d: 4, e: 5) => void;'],
  ])('lets %s through', (text) => {
    expect(longParameterLists('x.ts', text)).toEqual([]);
  });
});
