/**
 * A copy of the project as a fresh clone after `npm ci` has it: the working
 * tree's files (tracked, and new ones git does not ignore) and a
 * `node_modules` that links every installed package but holds no cache.
 * The project's TypeScript loader and compile caches then start empty, as
 * on the first build after a clone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Copies the project at `root` into `dir` (which must not exist yet) as a
 * fresh checkout, and returns `dir`.
 *
 * @example
 * const checkout = freshCheckout(projectRoot, '/tmp/x/checkout');
 * // /tmp/x/checkout/scripts/build.ts …, node_modules/<each package> → the project's, no node_modules/.cache
 */
export function freshCheckout(root: string, dir: string): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${root}: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(root, file))) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}
