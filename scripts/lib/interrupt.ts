/**
 * Stopping a command cleanly on Ctrl-C (SIGINT), SIGTERM, a closed
 * terminal (SIGHUP) or the end of the process that started it: child processes are killed first, so nothing writes
 * any more, then the registered clean-ups run (removing staging folders),
 * and the process exits with 128 + the signal's number.
 *
 * Everything here is synchronous: once a signal has arrived no further
 * asynchronous work is awaited, so the command ends as soon as the event
 * loop next runs, however long the step it was in would have taken.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Clean-ups to run on an interrupt, most recently registered first. */
const cleanups = new Set<() => void>();

/**
 * The signals {@link exitOnInterrupt} handles.
 *
 * @example
 * INTERRUPT_SIGNALS // ['SIGINT', 'SIGTERM', 'SIGHUP']
 */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Registers a synchronous clean-up to run if the process is interrupted;
 * returns the function that unregisters it.
 *
 * @example
 * const done = onInterrupt(() => rmSync(staging, { recursive: true, force: true }));
 * // … work …
 * done();
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Installs the handlers: on the first SIGINT, SIGTERM or SIGHUP, kills
 * every child process, runs the registered clean-ups (newest first; one
 * that throws does not stop the others), writes `message(signal)` to
 * stderr and exits with 128 + the signal number (130 for Ctrl-C). A
 * second signal during the clean-up takes the default action.
 *
 * The process that started this one ending counts as a SIGHUP: `npm run`
 * runs a command through `sh -c`, and a SIGTERM sent to npm stops npm and
 * the shell but would leave this process running on its own. The parent
 * is looked at every `parentCheckMs` (default 250 ms).
 *
 * @example
 * exitOnInterrupt({ message: (signal) => `构建已中断 (${signal})` });
 */
export function exitOnInterrupt({ message, parentCheckMs = 250 }: { message: (signal: NodeJS.Signals) => string; parentCheckMs?: number }): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const other of INTERRUPT_SIGNALS) process.removeAllListeners(other);
    killChildProcessesSync();
    for (const cleanup of [...cleanups].reverse()) {
      try {
        cleanup();
      } catch {
        // Best effort while the process is going down; the next clean-up still runs.
      }
    }
    process.stderr.write(`\n${message(signal)}\n`);
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  for (const signal of INTERRUPT_SIGNALS) process.once(signal, () => stop(signal));
  watchParent(() => stop('SIGHUP'), parentCheckMs);
}

/**
 * Calls `onGone` once the process that started this one has ended (this
 * one is then adopted by another, and its parent id changes), looking
 * every `everyMs`. The timer never keeps the process alive.
 *
 * @example
 * watchParent(() => process.exit(129)); // npm run check stops when npm is killed
 */
export function watchParent(onGone: () => void, everyMs = 250): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}

/**
 * Kills (SIGKILL) every direct child of this process: the Pagefind
 * indexer, esbuild's service. Read from Linux's `/proc/self/task/<id>/children`;
 * elsewhere it finds none, and the clean-ups registered by the steps that
 * started children (Pagefind's `close()`) stop them instead.
 *
 * @example
 * killChildProcessesSync(); // [48211] — the pids it signalled
 */
export function killChildProcessesSync(): number[] {
  const killed: number[] = [];
  for (const pid of childProcessIds()) {
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // Already gone.
    }
  }
  return killed;
}

/**
 * The process ids of this process's direct children (Linux; empty elsewhere).
 *
 * @example
 * childProcessIds(); // [48211]
 */
export function childProcessIds(): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const task of tasks) {
    try {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(/\s+/)) if (pid !== '') pids.add(Number(pid));
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return [...pids];
}
