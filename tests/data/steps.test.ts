import { describe, expect, it } from 'vitest';
import { runSteps, runStepsYielding, type Steps } from '../../src/data/steps.ts';

/** Counts to `n`, a step per number, noting each in `seen`. */
function* counting(n: number, seen: number[]): Steps<number> {
  for (let i = 1; i <= n; i++) {
    seen.push(i);
    yield;
  }
  return n * 10;
}

/** Fails after `n` steps. */
function* failing(n: number): Steps<never> {
  for (let i = 0; i < n; i++) yield;
  throw new Error('step failed');
}

/** Keeps the thread busy for `ms` milliseconds in each of `n` steps. */
function* busy(n: number, ms: number): Steps<void> {
  for (let i = 0; i < n; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
}

describe('runSteps(steps)', () => {
  it('runs every step at once and returns the result', () => {
    const seen: number[] = [];
    expect(runSteps(counting(3, seen))).toBe(30);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws what a step throws', () => {
    expect(() => runSteps(failing(2))).toThrow('step failed');
  });
});

describe('runStepsYielding(steps, sliceMs)', () => {
  it('gives the result runSteps gives', async () => {
    const a: number[] = [];
    const b: number[] = [];
    expect(await runStepsYielding(counting(500, a), 0)).toBe(runSteps(counting(500, b)));
    expect(a).toEqual(b);
  });

  it('rejects with what a step throws', async () => {
    await expect(runStepsYielding(failing(3), 0)).rejects.toThrow('step failed');
  });

  it('lets the event loop run between slices, so an immediate queued before it runs during it', async () => {
    let ranAt = -1;
    const seen: number[] = [];
    setImmediate(() => (ranAt = seen.length));
    await runStepsYielding(counting(50, seen), 0);
    expect(ranAt).toBeGreaterThanOrEqual(0);
    expect(ranAt).toBeLessThan(50);
  });

  it('runs several steps in one slice when each is shorter than the slice', async () => {
    const seen: number[] = [];
    let turns = 0;
    const tick = () => {
      turns += 1;
      if (seen.length < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    await runStepsYielding(counting(1000, seen), 1000);
    // One slice of 1 s holds all 1,000 steps: the loop got no turn before the end.
    expect(turns).toBe(0);
  });

  it('gives the loop a turn after a step longer than the slice', async () => {
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 0);
    await runStepsYielding(busy(5, 3), 1);
    clearInterval(timer);
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
