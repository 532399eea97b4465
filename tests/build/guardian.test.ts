/**
 * `scripts/lib/guardian.ts` with a real command process: it makes a
 * staging folder and starts a child, and is killed; the guardian, reading
 * the command's output pipe, kills the child and removes the folder, and
 * only that folder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuardian } from '../../scripts/lib/guardian.ts';
import { isGone } from '../helpers/processes.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-guardian-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for a build: makes a staging folder, starts a child, says where both are, then keeps busy. */
function command(out: string): string {
  const lib = pathToFileURL(path.join(root, 'scripts/lib/staging-dir.ts')).href;
  return `
    import { spawn } from 'node:child_process';
    import { writeFileSync } from 'node:fs';
    import { createStagingDir } from ${JSON.stringify(lib)};
    const staging = await createStagingDir(${JSON.stringify(out)});
    writeFileSync(staging + '/index.html', 'half');
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    console.log(JSON.stringify({ staging, child: child.pid, pid: process.pid }));
    setInterval(() => {}, 1000);
  `;
}

describe.each(['SIGTERM', 'SIGKILL'] as const)('runGuardian(options) when its command dies by %s', (signal) => {
  it('kills the command’s child and removes the command’s staging folder, leaving another build’s alone', async () => {
    const parent = path.join(scratch, signal);
    const out = path.join(parent, '_site');
    mkdirSync(parent);
    // A live build's staging folder, made by the test process itself.
    const other = path.join(parent, '_site.tmp-0123abcd');
    mkdirSync(other);
    writeFileSync(path.join(other, '.pinggu-staging'), `pinggu-staging 1\nfolder: _site.tmp-0123abcd\npid: ${process.pid}\nhost: ${os.hostname()}\n`);

    const proc = spawn(process.execPath, [...typeScriptLoader, '--input-type=module', '-e', command(out)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const guarded = runGuardian({ outDir: out, commandPid: proc.pid!, input: proc.stdout!, everyMs: 20 });
    const started = await new Promise<{ staging: string; child: number; pid: number }>((resolve) => {
      let text = '';
      proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) resolve(JSON.parse(text));
      });
    });
    expect(readdirSync(started.staging)).toContain('index.html');
    // Let the guardian see the child at least once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = Date.now();
    proc.kill(signal);
    const report = await guarded;
    expect(Date.now() - sent).toBeLessThan(2000);
    // The TypeScript loader's esbuild service may be among the children killed.
    expect(report).toEqual({ killed: expect.arrayContaining([started.child]), removed: [started.staging], kept: [] });
    expect(readdirSync(parent)).toEqual(['_site.tmp-0123abcd']);
    expect(await isGone(started.child, 2000)).toBe(true);
  });
});

describe('runGuardian(options) when the process that started its command dies', () => {
  it('ends the command with SIGTERM, as npm killed by SIGTERM leaves its shell’s child running', async () => {
    const parent = path.join(scratch, 'orphaned');
    mkdirSync(parent);
    const out = path.join(parent, '_site');
    // npm and its shell: a process that starts the command, sharing its output pipe, and is then killed.
    const starter = spawn(
      process.execPath,
      ['-e', `require('node:child_process').spawn(process.execPath, ${JSON.stringify([...typeScriptLoader, '--input-type=module', '-e', command(out)])}, { stdio: ['ignore', 'inherit', 'inherit'], cwd: ${JSON.stringify(root)} }); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const started = await new Promise<{ staging: string; child: number; pid: number }>((resolve) => {
      let text = '';
      starter.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) resolve(JSON.parse(text));
      });
    });
    const guarded = runGuardian({ outDir: out, commandPid: started.pid, input: starter.stdout!, everyMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const killed = Date.now();
    starter.kill('SIGKILL');
    const report = await guarded;
    expect(Date.now() - killed).toBeLessThan(2000);
    expect(await isGone(started.pid, 0)).toBe(true);
    expect(report.removed).toEqual([started.staging]);
  });
});

