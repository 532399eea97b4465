/**
 * Samples the resident memory of a process and of all its descendants at
 * the same instants, from outside the process. The benchmark runs this in
 * the parent while a measuring child builds, so the samples keep coming
 * while the build's own event loop is busy (a synchronous stretch, a DOCX
 * being zipped), and the peak of the sum is the memory the machine really
 * had to hold at once — unlike the child's own max RSS plus Pagefind's
 * high-water mark, which adds two peaks that need not overlap.
 */
import { readFileSync } from 'node:fs';
import { childrenOf } from '../scripts/lib/processes.ts';

/** One sample: epoch time (ms) and resident memory at that instant, KiB. */
export interface TreeSample {
  /** `performance.timeOrigin + performance.now()` of the sampling process. */
  t: number;
  /** VmRSS of the root process. */
  ownKiB: number;
  /** Sum of VmRSS of every descendant alive at that instant. */
  childrenKiB: number;
  /** Number of descendants seen. */
  children: number;
}

/** A running sampler. */
export interface TreeSampler {
  /** Stop sampling and return every sample in time order. */
  stop(): TreeSample[];
}

/**
 * Pids listed in a `/proc/<pid>/task/<tid>/children` file (space-separated).
 *
 * @example
 * parseChildrenList('4312 4377 \n'); // [4312, 4377]
 */
export function parseChildrenList(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

/**
 * One `kB` field of a `/proc/<pid>/status` text, in KiB; undefined when the
 * field is absent (a zombie has no VmRSS).
 *
 * @example
 * statusField('Name:\tnode\nVmHWM:\t  90000 kB\nVmRSS:\t  81234 kB\n', 'VmRSS'); // 81234
 */
export function statusField(text: string, field: string): number | undefined {
  const match = text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : undefined;
}

/**
 * The sample with the largest sum of the root's and its descendants' memory,
 * and that sum in MiB; undefined for no samples.
 *
 * @example
 * simultaneousPeak([
 *   { t: 1, ownKiB: 1024 * 900, childrenKiB: 0, children: 0 },
 *   { t: 2, ownKiB: 1024 * 700, childrenKiB: 1024 * 250, children: 1 },
 * ]); // { t: 1, totalMiB: 900, ownMiB: 900, childrenMiB: 0 }
 */
export function simultaneousPeak(
  samples: readonly TreeSample[],
): { t: number; totalMiB: number; ownMiB: number; childrenMiB: number } | undefined {
  let best: TreeSample | undefined;
  for (const s of samples) if (!best || s.ownKiB + s.childrenKiB > best.ownKiB + best.childrenKiB) best = s;
  if (!best) return undefined;
  return { t: best.t, totalMiB: (best.ownKiB + best.childrenKiB) / 1024, ownMiB: best.ownKiB / 1024, childrenMiB: best.childrenKiB / 1024 };
}

/**
 * Which window an instant falls in, given the windows' boundaries in
 * order (`bounds[i]` to `bounds[i + 1]` is window `names[i]`); `before` /
 * `after` outside them.
 *
 * @example
 * windowAt(15, [0, 10, 20], ['load', 'render']); // 'render'
 * windowAt(25, [0, 10, 20], ['load', 'render']); // 'after'
 */
export function windowAt(t: number, bounds: readonly number[], names: readonly string[]): string {
  if (bounds.length === 0 || t < bounds[0]!) return 'before';
  for (let i = 0; i < names.length && i + 1 < bounds.length; i++) if (t <= bounds[i + 1]!) return names[i]!;
  return 'after';
}

/** Direct children of `pid`, over every thread (`childrenOf`, which the build's guardian uses). */
function childPids(pid: number): number[] {
  return childrenOf(pid).map((child) => child.pid);
}

function rssKiB(pid: number): number | undefined {
  try {
    return statusField(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  } catch {
    return undefined; // exited
  }
}

/**
 * Read the resident memory of `pid` and of every descendant now. Linux only
 * (`/proc`); elsewhere every reading is 0.
 *
 * @example
 * readTree(process.pid); // { t: 1.7e12, ownKiB: 81234, childrenKiB: 0, children: 0 }
 */
export function readTree(pid: number): TreeSample {
  const t = performance.timeOrigin + performance.now();
  const ownKiB = rssKiB(pid) ?? 0;
  let childrenKiB = 0;
  let children = 0;
  const queue = childPids(pid);
  const seen = new Set<number>();
  while (queue.length > 0) {
    const child = queue.pop()!;
    if (seen.has(child)) continue;
    seen.add(child);
    const kib = rssKiB(child);
    if (kib === undefined) continue;
    childrenKiB += kib;
    children++;
    queue.push(...childPids(child));
  }
  return { t, ownKiB, childrenKiB, children };
}

/**
 * Start sampling `pid` and its descendants every `intervalMs` milliseconds
 * (run it in another process than `pid`: its timers must not wait on the
 * measured work).
 *
 * @example
 * const child = spawn('node', ['build.mjs']);
 * const sampler = startTreeSampler(child.pid!);
 * child.on('exit', () => console.log(simultaneousPeak(sampler.stop())));
 */
export function startTreeSampler(pid: number, intervalMs = 10): TreeSampler {
  const samples: TreeSample[] = [];
  const sample = (): void => {
    const s = readTree(pid);
    if (s.ownKiB > 0) samples.push(s);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
