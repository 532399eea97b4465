/**
 * Runs the npm commands as npm runs them (`node --import
 * ./scripts/loader/register.mjs scripts/<command>.ts`), from any working
 * directory, with any environment, and lets a test signal them while they
 * work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot, typeScriptLoader } from './built-site.ts';

/** How one command run ended. */
export interface CommandRun {
  /** Exit code; null when ended by a signal. */
  code: number | null;
  /** The signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from start to exit. */
  ms: number;
  /** Killed by the helper for running past its time limit. */
  timedOut: boolean;
  /** When the process exited (`Date.now()`). */
  exitedAt: number;
}

/** A command still running. */
export interface RunningCommand {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  done: Promise<CommandRun>;
}

/** Options for {@link startCommand}. */
export interface CommandOptions {
  /** Added to the environment. */
  env?: Record<string, string>;
  /** Environment variables not to inherit (e.g. `SITE_DIR` from the caller's shell); `env` may set them again. */
  unset?: string[];
  /** Working directory (default the project root). */
  cwd?: string;
  /** Killed with SIGKILL after this many milliseconds (default 120 s). */
  timeoutMs?: number;
}

/**
 * Starts `scripts/<command>.ts args…` as its npm script does.
 *
 * @example
 * const run = startCommand('build', ['--out', '/tmp/s']);
 * run.child.kill('SIGTERM');
 * (await run.done).code; // 143
 */
export function startCommand(command: string, args: string[] = [], options: CommandOptions = {}): RunningCommand {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of options.unset ?? []) delete env[name];
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [...typeScriptLoader, path.join(projectRoot, 'scripts', `${command}.ts`), ...args], {
    cwd: options.cwd ?? projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 120_000);
  const done = new Promise<CommandRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const exitedAt = Date.now();
      clearTimeout(timer);
      // Output still in the pipes arrives with 'close'.
      child.on('close', () => resolve({ code, signal, stdout, stderr, ms: exitedAt - started, timedOut, exitedAt }));
    });
  });
  return { child, output: () => stdout + stderr, done };
}

/**
 * Runs a command to its end.
 *
 * @example
 * const run = await runCommand('build', ['--out', 'src']);
 * run.code; // 1
 */
export function runCommand(command: string, args: string[] = [], options: CommandOptions = {}): Promise<CommandRun> {
  return startCommand(command, args, options).done;
}

/**
 * Polls `check` every 10 ms until it returns a value, or throws after `ms`.
 *
 * @example
 * await until('the staging folder', () => stagingFolders(parent)[0]);
 */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
