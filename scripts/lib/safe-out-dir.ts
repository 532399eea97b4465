/**
 * A guard for the output folder: the build replaces it wholesale, so it
 * must never be a folder that holds the project or the edition.
 */
import path from 'node:path';

/**
 * Throws when `outDir` is the filesystem root, or is (or contains) any of
 * `protectedDirs` — replacing it would delete the project or the data.
 *
 * @example
 * assertSafeOutDir('/repo/_site', ['/repo', '/repo/data']); // ok
 * assertSafeOutDir('/repo', ['/repo']);
 * // throws '输出目录不安全 (unsafe output directory): /repo 包含 /repo'
 */
export function assertSafeOutDir(outDir: string, protectedDirs: string[]): void {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) {
    throw new Error(`输出目录不安全 (unsafe output directory): ${out} 是根目录`);
  }
  for (const dir of protectedDirs.map((d) => path.resolve(d))) {
    const rel = path.relative(out, dir);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new Error(`输出目录不安全 (unsafe output directory): ${out} 包含 ${dir}`);
    }
  }
}
