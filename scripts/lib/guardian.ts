/**
 * The guardian of a build or preview: a small separate process that cleans
 * up after the command once it has ended, however it ended.
 *
 * The commands install no signal handler. Node runs a handler only when the
 * event loop next turns, and Eleventy renders every page of a template in
 * one chain of promises (about half a second of CPU at ten times the
 * default edition, several seconds on a busy machine), so Ctrl-C or SIGTERM
 * could not be honoured within a bounded time. Instead the command dies at
 * once by the signal's default action: every thread stops, nothing more is
 * written, and Pagefind, whose input pipe closes, ends too. The guardian,
 * started beside it in its own process group (a Ctrl-C in the terminal does
 * not reach it) and ignoring signals, sees its input pipe from the command
 * close, kills what is left of the command's children, and deletes the
 * staging and aside folders the command made (proved by their markers,
 * `scripts/lib/staging-dir.ts`), putting the previous site back if the
 * command died in the middle of the swap.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childrenOf, killProcesses, parentOf, type ProcessId } from './processes.ts';
import { removeStaleStagingDirs, type StaleCleanup } from './staging-dir.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts the guardian of this process's output folder `outDir` (a resolved
 * path): `scripts/guard.ts <outDir> <this pid>`, run as every command runs
 * (through the TypeScript loader), detached, its standard input a pipe only
 * this process holds. Neither it nor the pipe keeps this process alive; its
 * messages go to this process's stderr.
 *
 * @example
 * startGuardian(output.path); // before the first staging folder is made
 */
export function startGuardian(outDir: string): void {
  const loader = pathToFileURL(path.join(projectRoot, 'scripts', 'loader', 'register.mjs')).href;
  const guardian = spawn(process.execPath, ['--import', loader, path.join(projectRoot, 'scripts', 'guard.ts'), outDir, String(process.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
    windowsHide: true,
  });
  guardian.on('error', () => undefined);
  guardian.stdin?.on('error', () => undefined);
  guardian.unref();
  (guardian.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

/** Options for {@link runGuardian}. */
export interface GuardianOptions {
  /** The output folder the guarded command publishes into. */
  outDir: string;
  /** The guarded command's process id. */
  commandPid: number;
  /** The pipe from the command; it ends when the command does (default stdin). */
  input?: Readable;
  /** How often the command's children are listed, in ms (default 100). */
  everyMs?: number;
}

/** What the guardian did after its command ended. */
export interface GuardianReport extends StaleCleanup {
  /** Children of the command still running when it ended, killed. */
  killed: number[];
}

/**
 * Waits for the guarded command to end (its pipe to close), listing the
 * command's children meanwhile, and ends the command with SIGTERM if the
 * process that started it ends first; then kills those still running and removes
 * the staging and aside folders the command left beside `outDir`
 * (`removeStaleStagingDirs` with `madeBy`: only folders whose marker names
 * the command). The `guard` command ignores SIGINT, SIGTERM and SIGHUP
 * while this waits, so that it outlives the command it cleans up after.
 *
 * @example
 * const report = await runGuardian({ outDir: '/repo/_site', commandPid: 4242 });
 * // { killed: [4250], removed: ['/repo/_site.tmp-3f9a1c2b'], kept: [] } after a Ctrl-C during indexing
 */
export async function runGuardian({ outDir, commandPid, input = process.stdin, everyMs = 100 }: GuardianOptions): Promise<GuardianReport> {
  // Every child seen while the command ran; killProcesses skips those that ended (or whose pid now names another process).
  const children = new Map<string, ProcessId>();
  const look = () => {
    // The guardian is a child of the command too.
    for (const child of childrenOf(commandPid)) if (child.pid !== process.pid) children.set(`${child.pid}@${child.started}`, child);
  };
  look();
  // The command's own parent: when it ends (npm killed by SIGTERM leaves the command running under init),
  // the command is stopped here, at once, rather than by its own timer, which waits for its event loop.
  const parent = parentOf(commandPid);
  const timer = setInterval(() => {
    look();
    const now = parentOf(commandPid);
    if (parent !== undefined && now !== undefined && now !== parent) {
      try {
        process.kill(commandPid, 'SIGTERM');
      } catch {
        // Ended meanwhile.
      }
    }
  }, everyMs);
  await new Promise<void>((resolve) => {
    input.on('data', () => undefined);
    input.once('end', resolve);
    input.once('close', resolve);
    input.once('error', () => resolve());
  });
  clearInterval(timer);
  const killed = killProcesses([...children.values()]);
  return { killed, ...removeStaleStagingDirs(outDir, { madeBy: commandPid }) };
}
