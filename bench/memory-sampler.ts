/**
 * Samples the resident memory of this process and of its child processes
 * (Pagefind runs as a separate binary) while a benchmark runs, so that a
 * peak can be attributed to the stage whose time window contains it.
 */
import { readFileSync } from 'node:fs';
import { parseChildrenList, statusField } from './process-tree.ts';

/** One sample: time (performance.now ms), own RSS and children's peak RSS, MiB. */
export interface MemorySample {
  t: number;
  rssMiB: number;
  childPeakMiB: number;
}

/** A running sampler. */
export interface MemorySampler {
  /** Take a sample now (also useful right before and after a synchronous step). */
  sample(): void;
  /** Stop sampling and return every sample in time order. */
  stop(): MemorySample[];
}

/**
 * Start sampling every `intervalMs` milliseconds. Timers do not fire during
 * a long synchronous stretch, so the sampler also reads the kernel's
 * high-water mark: the sample after such a stretch still sees its peak.
 *
 * @example
 * const sampler = startMemorySampler(10);
 * await work();
 * const peak = Math.max(...sampler.stop().map((s) => s.rssMiB));
 */
export function startMemorySampler(intervalMs = 10): MemorySampler {
  const samples: MemorySample[] = [];
  const childPeaks = new Map<number, number>();
  const sample = (): void => {
    for (const pid of childPids()) {
      const hwm = statusKiB(pid, 'VmHWM');
      if (hwm !== undefined) childPeaks.set(pid, Math.max(childPeaks.get(pid) ?? 0, hwm));
    }
    let childPeak = 0;
    for (const kib of childPeaks.values()) childPeak = Math.max(childPeak, kib);
    samples.push({ t: performance.now(), rssMiB: process.memoryUsage.rss() / 1048576, childPeakMiB: childPeak / 1024 });
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}

/**
 * The peak own RSS and the peak child RSS among samples in [from, to];
 * when none fall inside (a stage shorter than the interval), the first
 * sample after `to`.
 *
 * @example
 * peakBetween([{ t: 1, rssMiB: 50, childPeakMiB: 0 }, { t: 5, rssMiB: 80, childPeakMiB: 20 }], 0, 2); // { rssMiB: 50, childPeakMiB: 0 }
 */
export function peakBetween(samples: readonly MemorySample[], from: number, to: number): { rssMiB: number; childPeakMiB: number } {
  let rss = 0;
  let child = 0;
  let seen = false;
  for (const s of samples) {
    if (s.t < from || s.t > to) continue;
    seen = true;
    rss = Math.max(rss, s.rssMiB);
    child = Math.max(child, s.childPeakMiB);
  }
  if (!seen) {
    // A stage shorter than the sampling interval: the next sample is the
    // first that can see its memory.
    const next = samples.find((s) => s.t > to);
    if (next) return { rssMiB: next.rssMiB, childPeakMiB: next.childPeakMiB };
  }
  return { rssMiB: rss, childPeakMiB: child };
}

function childPids(): number[] {
  try {
    return parseChildrenList(readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8'));
  } catch {
    return [];
  }
}

function statusKiB(pid: number, field: string): number | undefined {
  try {
    return statusField(readFileSync(`/proc/${pid}/status`, 'utf8'), field);
  } catch {
    return undefined;
  }
}

/**
 * CPU time this process has used, plus that of its finished child
 * processes (Pagefind), in milliseconds. Wall time on a shared machine
 * depends on what else runs; CPU time much less, so the benchmark reports
 * both. Children count once they have exited and been reaped (the kernel's
 * `cutime`/`cstime`).
 *
 * @example
 * cpuMs(); // e.g. 5230
 */
export function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the command name: state is field 3; cutime and cstime are fields 16 and 17.
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    // not Linux: own time only
  }
  return (own.user + own.system) / 1000 + children;
}
