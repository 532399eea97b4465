/**
 * Fingerprints of a folder tree, for proving two builds are byte-identical
 * or that a failed build left a site untouched.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './site-files.ts';

/**
 * SHA-256 of every file under `dir`, by relative path, in sorted order.
 *
 * @example
 * await hashTree('/tmp/site'); // { 'index.html': '9f86d0…', … }
 */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    hashes[file] = createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex');
  }
  return hashes;
}

/**
 * The files that differ between two trees: present in one only, or with
 * different contents. Empty when the trees are byte-identical.
 *
 * @example
 * treeDifferences({ a: '1', b: '2' }, { a: '1', c: '3' }); // ['b (only in first)', 'c (only in second)']
 */
export function treeDifferences(first: Record<string, string>, second: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(first), ...Object.keys(second)])].sort();
  return names.flatMap((name) => {
    if (!(name in second)) return [`${name} (only in first)`];
    if (!(name in first)) return [`${name} (only in second)`];
    return first[name] === second[name] ? [] : [`${name} (contents differ)`];
  });
}
