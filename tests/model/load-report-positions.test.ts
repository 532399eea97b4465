/**
 * Files are parsed without positions and re-parsed only when an issue
 * needs its line and column (src/data/parse-yaml.ts, `lazyLocator`).
 * These tests pin the places of issues found in several files at once,
 * by the schema and by the cross-file checks (in files whose first parse
 * found nothing wrong), in files with CRLF line ends and a byte-order
 * mark, and that a valid edition is parsed once per file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EditionError, loadEdition, loadReport } from '../../src/model/load-report.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-load-positions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A copy of the small edition with some files replaced by `change(text)`. */
function copyWith(changes: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(path.join(scratch, 'edition-'));
  cpSync('tests/fixtures/small/data', dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const at = path.join(dir, file);
    const before = readFileSync(at, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the change to ${file} changed nothing`);
    writeFileSync(at, after);
  }
  return dir;
}

/** Every issue of a failed load as `file:line:col path`, file relative to the edition folder. */
async function placesOf(dir: string): Promise<string[]> {
  const error = await loadReport({ dataDir: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EditionError);
  const rel = path.relative(process.cwd(), dir);
  return (error as EditionError).issues.map((i) => `${path.relative(rel, i.file)}:${i.line}:${i.column} ${i.path}`);
}

const SEVERAL = {
  // Schema (zod) issue deep in a block mapping: line 14 is `    unit: 95`.
  'experiences/03-court-mediation.yaml': (t: string) => t.replace('    unit: 95', '    unit: "95"'),
  // Cross-file issues in files the schema accepts.
  'experiences/01-smart-court.yaml': (t: string) => t.replace('alpha: {department: 96,', 'alpha: {department: 105,'),
  'experiences/02-family-doctor.yaml': (t: string) => t.replace('lead: health', 'lead: nowhere'),
  'survey.yaml': (t: string) => t.replace('satisfied: 87', 'satisfied: 187'),
};

describe('issue places after a parse without positions', () => {
  it('puts issues in several files, from the schema and the cross-file checks, at their own line and column', async () => {
    expect(await placesOf(copyWith(SEVERAL))).toEqual([
      'experiences/01-smart-court.yaml:11:23 scores.alpha.department', // `  alpha: {department: 105,`: the 105
      'experiences/02-family-doctor.yaml:5:7 lead', // `lead: nowhere`: the value
      'experiences/03-court-mediation.yaml:14:11 scores.gamma.unit', // `    unit: "95"`: the quoted value
      'survey.yaml:4:12 satisfied', // `satisfied: 187`
    ]);
  });

  it('finds the same places in files with CRLF line ends, a byte-order mark and extra comments', async () => {
    const crlf = (t: string) => `\ufeff${t.replace(/([^\n])\n/g, '$1  # 备注 note\n').replaceAll('\n', '\r\n')}`;
    const dir = copyWith(
      Object.fromEntries(Object.entries(SEVERAL).map(([file, change]) => [file, (t: string) => crlf(change(t))])),
    );
    expect(await placesOf(dir)).toEqual([
      'experiences/01-smart-court.yaml:11:23 scores.alpha.department',
      'experiences/02-family-doctor.yaml:5:7 lead',
      'experiences/03-court-mediation.yaml:14:11 scores.gamma.unit',
      'survey.yaml:4:12 satisfied',
    ]);
  });

  it('points each issue into its own file when two files put different content on the same line', async () => {
    // Both issues are on line 12 of an experience file, in different columns;
    // a position taken from the wrong file's parse would show.
    const dir = copyWith({
      'experiences/02-family-doctor.yaml': (t) => t.replace('alpha: {department: 92, unit: 90, survey: 88}', 'alpha: {department: 92, unit: 90, survey: 188}'),
      'experiences/01-smart-court.yaml': (t) => t.replace('  beta: {department: 90, unit: 92, survey: 85}', '  beta: {department: 90, unit: 92, survey: 85}\n  delta: {department: 1}'),
    });
    expect(await placesOf(dir)).toEqual([
      'experiences/01-smart-court.yaml:13:3 scores.delta', // the unknown unit's key
      'experiences/02-family-doctor.yaml:12:45 scores.alpha.survey', // the 188
    ]);
  });

  it('puts a printed figure that does not reconcile, found after validation, on its value', async () => {
    const dir = copyWith({ 'report.yaml': (t) => t.replace('satisfaction: "87%"', 'satisfaction: "88%"') });
    expect(await placesOf(dir)).toEqual(['report.yaml:20:17 reported.satisfaction']);
  });
});

describe('parsing a valid edition', () => {
  const files = 6 + readdirSync('tests/fixtures/small/data/experiences').length;

  it('parses each file once, and a file again only when a place in it is asked for', async () => {
    const load = vi.spyOn(yaml, 'load');
    const edition = await loadEdition({ dataDir: 'tests/fixtures/small/data' });
    expect(load).toHaveBeenCalledTimes(files);

    expect(edition.source?.locate('report', ['reported', 'satisfaction'])).toEqual({ file: 'tests/fixtures/small/data/report.yaml', line: 20, column: 17 });
    expect(load).toHaveBeenCalledTimes(files + 1);
    expect(edition.source?.locate('report', ['reported', 'unit_mean'])).toEqual({ file: 'tests/fixtures/small/data/report.yaml', line: 18, column: 14 });
    expect(edition.source?.locate(0, ['scores', 'beta', 'unit'])).toEqual({ file: 'tests/fixtures/small/data/experiences/01-smart-court.yaml', line: 12, column: 32 });
    expect(load, 'the report file is parsed with positions once, then reused').toHaveBeenCalledTimes(files + 2);
  });
});
