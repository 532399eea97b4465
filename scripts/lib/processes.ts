/**
 * Watching other processes: whether the process that started this one is
 * still there, and which children another process has (Linux `/proc`;
 * elsewhere none are found, and what depends on it degrades to nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Calls `onGone` once the process that started this one has ended (this
 * one is then adopted by another, and its parent id changes), looking
 * every `everyMs`. The timer never keeps the process alive. `npm run`
 * runs a command through `sh -c`: a SIGTERM sent to npm stops npm and
 * the shell, and without this would leave the command running on its own.
 *
 * @example
 * watchParent(() => process.kill(process.pid, 'SIGTERM'));
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

/** A process as `/proc` shows it: its id and when it started (clock ticks since boot), which together name it uniquely. */
export interface ProcessId {
  pid: number;
  started: number;
}

/**
 * The direct children of process `pid`, each with its start time, read
 * from `/proc/<pid>/task/<thread>/children` (empty where there is no `/proc`,
 * or once `pid` has ended).
 *
 * @example
 * childrenOf(process.pid); // [{ pid: 48211, started: 912345 }]
 */
export function childrenOf(pid: number): ProcessId[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: ProcessId[] = [];
  for (const task of tasks) {
    let ids: string[];
    try {
      ids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/);
    } catch {
      continue;
    }
    for (const id of ids) {
      const started = id === '' ? undefined : startTime(Number(id));
      if (started !== undefined && !children.some((c) => c.pid === Number(id))) children.push({ pid: Number(id), started });
    }
  }
  return children;
}

/**
 * When process `pid` started (field 22 of `/proc/<pid>/stat`, in clock
 * ticks since boot), or undefined when it is gone. A pid reused by a new
 * process has another start time.
 *
 * @example
 * startTime(process.pid); // 912301
 */
export function startTime(pid: number): number | undefined {
  return statField(pid, 22);
}

/**
 * The parent of process `pid` (field 4 of `/proc/<pid>/stat`), or undefined
 * when it is gone or there is no `/proc`.
 *
 * @example
 * parentOf(process.pid) === process.ppid; // true on Linux
 */
export function parentOf(pid: number): number | undefined {
  return statField(pid, 4);
}

/** Field `n` (1-based, as `proc(5)` numbers them) of `/proc/<pid>/stat`, as a number. */
function statField(pid: number, n: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[n - 3]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Kills (SIGKILL) each process of `processes` that still runs as the same
 * process (same start time); returns the pids signalled.
 *
 * @example
 * killProcesses(childrenOf(build.pid)); // [48211]
 */
export function killProcesses(processes: readonly ProcessId[]): number[] {
  const killed: number[] = [];
  for (const { pid, started } of processes) {
    if (startTime(pid) !== started) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // Ended meanwhile.
    }
  }
  return killed;
}
