import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSafeOutDir } from '../../scripts/lib/safe-out-dir.ts';

const root = path.resolve('/repo');

// A tree /parent/repo for the case of an output folder that holds the project.
const nested = ['/parent/repo', '/parent/repo/data'];

describe('assertSafeOutDir(outDir, protectedDirs)', () => {
  it.each([
    ['/repo/_site'],
    ['/tmp/site'],
    ['/repo-site'],
    ['/repo/data-site'],
  ])('accepts %s as an output folder', (out) => {
    expect(() => assertSafeOutDir(out, [root, '/repo/data', '/repo/content'])).not.toThrow();
  });

  it.each([
    ['/', '根目录'],
    ['/repo', '包含'],
    ['/repo/data', '包含'],
    ['/repo/content/..', '包含'],
    ['/repo/../repo/data', '包含'],
  ])('refuses %s, which would delete the project or the data', (out, why) => {
    expect(() => assertSafeOutDir(out, [root, '/repo/data', '/repo/content'])).toThrow(why);
  });

  it('refuses a folder that contains the project', () => {
    expect(() => assertSafeOutDir('/parent', nested)).toThrow('包含 /parent/repo');
  });
});
