import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/downloads/zip.ts';
import { fixedDate, zipTime } from '../../src/downloads/zip-date.ts';

const mtime = zipTime(fixedDate('2018-07-06'));
const text = (s: string) => new TextEncoder().encode(s);
const files = {
  '[Content_Types].xml': text('<Types/>'),
  'word/document.xml': text('<w:p>评估报告</w:p>'.repeat(500)),
  'empty.xml': new Uint8Array(0),
};

/** The entries of a zip as its central directory lists them: name, method, DOS date and time. */
function centralEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const entries = [];
  for (let at = view.getUint32(end + 16, true), n = view.getUint16(end + 10, true); n > 0; n--) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('zipFiles(files, { mtime })', () => {
  it('gives back every file byte for byte, in the order given', () => {
    const unzipped = unzipSync(zipFiles(files, { mtime }));
    expect(Object.keys(unzipped)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) expect(unzipped[name]).toEqual(data);
  });

  it('deflates every entry and dates it mtime (2018-07-06 00:00 in DOS time)', () => {
    const entries = centralEntries(zipFiles(files, { mtime }));
    expect(entries.map((e) => e.method)).toEqual([8, 8, 8]);
    expect(new Set(entries.map((e) => e.date))).toEqual(new Set([((2018 - 1980) << 9) | (7 << 5) | 6]));
    expect(new Set(entries.map((e) => e.time))).toEqual(new Set([0]));
  });

  it('compresses, and gives the same bytes for the same files', () => {
    const zip = zipFiles(files, { mtime });
    expect(zip.byteLength).toBeLessThan(files['word/document.xml'].byteLength / 10);
    expect(zipFiles(files, { mtime })).toEqual(zip);
  });

  it('writes an archive Info-ZIP tests clean', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pinggu-zip-'));
    const file = path.join(dir, 'a.zip');
    writeFileSync(file, zipFiles(files, { mtime }));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });
});
