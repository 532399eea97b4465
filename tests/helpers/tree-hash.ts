/**
 * Fingerprints of a folder tree, for proving two builds are byte-identical
 * or that a failed build left a site untouched.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
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

/**
 * Everything at `target`, without following links: each path (relative,
 * `.` for `target` itself) with its kind, and a SHA-256 for files. For
 * proving a refused output left a folder, a file, a link or a FIFO exactly
 * as it was, dot files and empty folders included; empty when nothing is there.
 *
 * @example
 * snapshotTree('/tmp/home'); // { '.': 'dir', '.bashrc': 'file 9f86d0…', 'docs': 'dir', 'link': 'link ../x' }
 */
export function snapshotTree(target: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (file: string, name: string) => {
    let info;
    try {
      info = lstatSync(file);
    } catch {
      return;
    }
    if (info.isSymbolicLink()) entries[name] = `link ${readlinkSync(file)}`;
    else if (info.isFile()) entries[name] = `file ${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    else if (info.isDirectory()) {
      entries[name] = 'dir';
      for (const child of readdirSync(file).sort()) visit(path.join(file, child), name === '.' ? child : `${name}/${child}`);
    } else entries[name] = 'other';
  };
  visit(target, '.');
  return entries;
}
