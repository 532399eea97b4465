import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseChildrenList, readTree, simultaneousPeak, statusField, windowAt, type TreeSample } from '../process-tree.ts';

describe('parseChildrenList(text)', () => {
  it.each([
    { text: '4312 4377 \n', pids: [4312, 4377] },
    { text: '', pids: [] },
    { text: '\n', pids: [] },
    { text: '7', pids: [7] },
  ])('reads $pids from $text', ({ text, pids }) => {
    expect(parseChildrenList(text)).toEqual(pids);
  });
});

describe('statusField(text, field)', () => {
  const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t   90000 kB\nVmRSS:\t   81234 kB\nRssAnon:\t 70000 kB\n';

  it('reads the named field in KiB, not a field whose name contains it', () => {
    expect(statusField(status, 'VmRSS')).toBe(81234);
    expect(statusField(status, 'VmHWM')).toBe(90000);
  });

  it('gives undefined for a missing field (a zombie has no VmRSS)', () => {
    expect(statusField('Name:\tpagefind\nState:\tZ (zombie)\n', 'VmRSS')).toBeUndefined();
  });
});

describe('simultaneousPeak(samples)', () => {
  const s = (t: number, ownMiB: number, childrenMiB: number): TreeSample => ({ t, ownKiB: ownMiB * 1024, childrenKiB: childrenMiB * 1024, children: childrenMiB > 0 ? 1 : 0 });

  it('takes the largest sum at one instant, not the sum of separate peaks', () => {
    // Own peak 900 at t=1, children's peak 300 at t=3: the old estimate would say 1200.
    const peak = simultaneousPeak([s(1, 900, 0), s(2, 850, 100), s(3, 600, 300), s(4, 500, 0)]);
    expect(peak).toEqual({ t: 2, totalMiB: 950, ownMiB: 850, childrenMiB: 100 });
  });

  it('keeps the first of equal sums', () => {
    expect(simultaneousPeak([s(1, 100, 50), s(2, 150, 0)])?.t).toBe(1);
  });

  it('gives undefined for no samples', () => {
    expect(simultaneousPeak([])).toBeUndefined();
  });
});

describe('windowAt(t, bounds, names)', () => {
  const bounds = [100, 110, 130, 160];
  const names = ['load', 'score', 'render'];

  it.each([
    { t: 99, window: 'before' },
    { t: 100, window: 'load' },
    { t: 110, window: 'load' },
    { t: 111, window: 'score' },
    { t: 150, window: 'render' },
    { t: 160, window: 'render' },
    { t: 161, window: 'after' },
  ])('puts $t in $window', ({ t, window }) => {
    expect(windowAt(t, bounds, names)).toBe(window);
  });
});

describe.runIf(process.platform === 'linux')('readTree(pid)', () => {
  it("counts a child process's resident memory with the parent's", async () => {
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => b.length, 5000)'], { stdio: 'ignore' });
    try {
      // Wait until the child has touched its 64 MiB.
      let tree = readTree(process.pid);
      for (let i = 0; i < 100 && tree.childrenKiB < 64 * 1024; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        tree = readTree(process.pid);
      }
      expect(tree.children).toBeGreaterThanOrEqual(1);
      expect(tree.childrenKiB).toBeGreaterThanOrEqual(64 * 1024);
      expect(tree.ownKiB).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });

  it('reads nothing for a process that does not exist', () => {
    expect(readTree(2 ** 22 + 1)).toMatchObject({ ownKiB: 0, childrenKiB: 0, children: 0 });
  });
});
