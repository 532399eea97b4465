/**
 * `scripts/lib/processes.ts` with real processes: a parent that dies, a
 * child to list and to kill.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { childrenOf, killProcesses, parentOf, startTime } from '../../scripts/lib/processes.ts';
import { isGone, processName } from '../helpers/processes.ts';
import { until } from '../helpers/run-command.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pinggu-processes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('watchParent(onGone)', () => {
  it('calls onGone once the process that started this one has died, and not before', async () => {
    const log = path.join(scratch, 'orphan.log');
    const lib = pathToFileURL(path.join(root, 'scripts/lib/processes.ts')).href;
    const orphan = `
      import { writeFileSync } from 'node:fs';
      import { watchParent } from ${JSON.stringify(lib)};
      watchParent(() => { writeFileSync(${JSON.stringify(log)}, 'gone'); process.exit(0); }, 50);
      writeFileSync(${JSON.stringify(log)}, 'watching');
      setInterval(() => {}, 1000);
    `;
    // The parent: starts the watcher and lives until it is killed, as npm and its shell do.
    const parentProgram = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ${JSON.stringify([...typeScriptLoader, '--input-type=module', '-e', orphan])}, { stdio: 'ignore', cwd: ${JSON.stringify(root)} });
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', parentProgram], { stdio: 'ignore' });
    await until('the watcher', () => (existsSync(log) && readFileSync(log, 'utf8') === 'watching' ? true : undefined), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readFileSync(log, 'utf8')).toBe('watching');
    const killed = Date.now();
    parent.kill('SIGKILL');
    await until('the orphan noticing', () => (readFileSync(log, 'utf8') === 'gone' ? true : undefined), 5000);
    expect(Date.now() - killed).toBeLessThan(2000);
  });
});

describe('childrenOf(pid), startTime(pid) and killProcesses(processes)', () => {
  it('lists a child of this process with its start time, and kills it', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    const listed = childrenOf(process.pid).find((c) => c.pid === child.pid);
    expect(listed).toEqual({ pid: child.pid, started: startTime(child.pid!) });
    expect(killProcesses([listed!])).toEqual([child.pid]);
    expect(await isGone(child.pid!, 2000)).toBe(true);
  });

  it('never kills a process whose start time differs (a pid reused by another process)', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      expect(killProcesses([{ pid: child.pid!, started: startTime(child.pid!)! - 1 }])).toEqual([]);
      expect(await isGone(child.pid!, 200)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('finds nothing for a process that does not exist', () => {
    expect(childrenOf(2 ** 22 + 1)).toEqual([]);
    expect(startTime(2 ** 22 + 1)).toBeUndefined();
    expect(parentOf(2 ** 22 + 1)).toBeUndefined();
  });

  it('reads a process’s parent, even when its command name holds spaces and parentheses', async () => {
    expect(parentOf(process.pid)).toBe(process.ppid);
    const link = path.join(scratch, 'sleep (odd) name');
    symlinkSync('/bin/sleep', link);
    const child = spawn(link, ['60'], { stdio: 'ignore' });
    try {
      await until('the child to run', () => (processName(child.pid!).startsWith('sleep (odd)') ? true : undefined), 5000);
      expect(parentOf(child.pid!)).toBe(process.pid);
      expect(startTime(child.pid!)).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
