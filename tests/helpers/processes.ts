/**
 * Watching other processes from a test: whether one has ended, and the
 * children of one (Linux `/proc`).
 */
import { readFileSync } from 'node:fs';

/**
 * True when process `pid` has ended (or is a zombie waiting to be reaped,
 * which runs no more code) within `ms` milliseconds.
 *
 * @example
 * await isGone(child.pid!, 2000); // true once it has exited
 */
export async function isGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    let state: string | undefined;
    try {
      state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    } catch {
      return true;
    }
    if (state === 'Z' || state === 'X') return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The command name of process `pid` (`/proc/<pid>/comm`), or '' when it is gone.
 *
 * @example
 * processName(4250); // 'pagefind_extend'
 */
export function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
