import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/model/load-report.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/fixtures/small/data');
const script = path.join(root, 'scripts/diff.ts');

/** The environment without edition overrides, so the script reads `data/` of its working directory. */
function withoutEdition(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REPORT_DATA: _data, REPORT_CONTENT: _content, ...rest } = env;
  return rest;
}

/** Runs `scripts/diff.ts <args>` as `npm run diff` does, with the temporary repository as working directory. */
function runDiff(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [...typeScriptLoader, script, ...args], { cwd, encoding: 'utf8', env: withoutEdition(process.env) });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd, stdio: 'ignore' });
}

describe('npm run diff -- <git-ref>', () => {
  let repo: string;
  let unitName: string;

  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'pinggu-diff-test-'));
    cpSync(fixture, path.join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', 'data');
    git(repo, 'commit', '-q', '-m', 'first');
    // Second commit: the first unit of the first experience gets 0 from every method.
    const file = path.join(repo, 'data/experiences/01-smart-court.yaml');
    const doc = yaml.load(readFileSync(file, 'utf8')) as { scores: Record<string, Record<string, unknown>> };
    const [unit] = Object.keys(doc.scores);
    for (const method of Object.keys(doc.scores[unit!]!)) doc.scores[unit!]![method] = 0;
    writeFileSync(file, yaml.dump(doc));
    git(repo, 'commit', '-q', '-am', 'second');
    unitName = (yaml.load(readFileSync(path.join(repo, 'data/units.yaml'), 'utf8')) as Array<{ id: string; name: string }>).find(
      (u) => u.id === unit,
    )!.name;
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists what moved between two commits, with score and rank before → after, and exits 0', async () => {
    const run = runDiff(repo, 'HEAD~1');
    expect(run.code).toBe(0);
    const before = await loadReport({ dataDir: fixture });
    const after = await loadReport({ dataDir: path.join(repo, 'data'), reconcile: 'record' });
    const unitBefore = before.units.find((u) => u.name === unitName)!;
    const unitAfter = after.units.find((u) => u.name === unitName)!;
    expect(run.stdout).toContain('区县');
    const line = run.stdout.split('\n').find((l) => l.startsWith(unitName))!;
    expect(line).toContain(`${unitBefore.text} → ${unitAfter.text}`);
    expect(line).toContain(`${unitBefore.rank} → ${unitAfter.rank}`);
    expect(run.stdout).not.toContain('排名无变化');
  });

  it('says nothing moved when the working tree equals the commit, and exits 0', () => {
    const run = runDiff(repo, 'HEAD');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('排名无变化。');
  });

  it('fails with a Chinese message for an unknown ref', () => {
    const run = runDiff(repo, 'no-such-ref');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('找不到提交 no-such-ref');
  });

  it('fails with a Chinese message naming the file when the data at the ref is invalid', () => {
    const file = path.join(repo, 'data/units.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}\n- {id: Bad Id}\n`);
    git(repo, 'commit', '-q', '-am', 'broken');
    writeFileSync(file, good);
    const run = runDiff(repo, 'HEAD');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('数据无效');
    expect(run.stderr).toContain('HEAD:data/units.yaml');
    expect(run.stderr).not.toContain('pinggu-diff-');
  });
});
