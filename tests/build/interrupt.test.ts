/**
 * `scripts/lib/interrupt.ts` with real processes and real signals: a small
 * program installs the handlers, starts a child, registers clean-ups, and
 * is signalled while it works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { childProcessIds } from '../../scripts/lib/interrupt.ts';
import { isGone } from '../helpers/processes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pinggu-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The program under test: prints its child's pid once everything is set up, then keeps busy until signalled. */
function program(log: string): string {
  const lib = pathToFileURL(path.join(root, 'scripts/lib/interrupt.ts')).href;
  return `
    import { appendFileSync } from 'node:fs';
    import { spawn } from 'node:child_process';
    import { exitOnInterrupt, onInterrupt } from ${JSON.stringify(lib)};
    exitOnInterrupt({ message: (signal) => 'stopped by ' + signal });
    onInterrupt(() => appendFileSync(${JSON.stringify(log)}, 'first\\n'));
    onInterrupt(() => { throw new Error('a failing clean-up'); });
    const forget = onInterrupt(() => appendFileSync(${JSON.stringify(log)}, 'unregistered\\n'));
    forget();
    onInterrupt(() => appendFileSync(${JSON.stringify(log)}, 'last\\n'));
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    // Short synchronous steps, as a build makes, with the event loop free between them.
    const busy = () => { const until = Date.now() + 20; while (Date.now() < until); setImmediate(busy); };
    busy();
    setTimeout(() => console.log('ready ' + child.pid), 100);
  `;
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('exitOnInterrupt(options) on %s', (signal, code) => {
  it(`kills its children (only those), runs the clean-ups newest first, and exits ${code} within 2 s`, async () => {
    const log = path.join(scratch, `${signal}.log`);
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program(log)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const childPid = await new Promise<number>((resolve, reject) => {
      proc.stdout.on('data', () => {
        const match = /ready (\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      proc.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    // A process that is not its child: it must survive.
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    const sent = Date.now();
    proc.kill(signal);
    const exit = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(exit).toBe(code);
    expect(stderr).toContain(`stopped by ${signal}`);
    expect(readFileSync(log, 'utf8')).toBe('last\nfirst\n');
    expect(await isGone(childPid, 2000)).toBe(true);
    expect(await isGone(bystander.pid!, 200)).toBe(false);
    bystander.kill('SIGKILL');
  });
});

describe('childProcessIds()', () => {
  it('lists a child this process started, and not this process', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    try {
      expect(childProcessIds()).toContain(child.pid);
      expect(childProcessIds()).not.toContain(process.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
