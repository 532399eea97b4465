import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EDITION_FILE_MAX_BYTES,
  EditionFileError,
  isInside,
  listEditionFolderSync,
  readEditionFileSync,
} from '../../src/data/read-edition-file.ts';
import { canMakeDevices, makeEndlessDevice, makeFifo, makeSocket } from '../helpers/special-files.ts';

const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'pinggu-read-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let edition = '';
let outside = '';
let closers: Array<() => Promise<void>> = [];
beforeEach(() => {
  const case_ = mkdtempSync(path.join(scratch, 'case-'));
  edition = path.join(case_, 'edition');
  outside = path.join(case_, 'outside');
  mkdirSync(edition);
  mkdirSync(outside);
  writeFileSync(path.join(edition, 'good.yaml'), 'a: 1\n');
  writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
});
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** The reader, wrapped so that a case can await its result or its refusal alike. */
const readers = [['readEditionFileSync', async (file: string, options: Parameters<typeof readEditionFileSync>[1]) => readEditionFileSync(file, options)]] as const;

/** What each hostile kind of path is made of, and the start of the reason it is refused with. */
const refusals: Array<[string, (file: string) => void | Promise<void>, string]> = [
  ['a folder', (file) => mkdirSync(file), '这是一个文件夹，不是文件，拒绝读取 (expected a file, found a directory)'],
  ['a FIFO', (file) => makeFifo(file), '这是一个命名管道（FIFO），不是文件，拒绝读取 (expected a file, found a FIFO)'],
  ['a socket', async (file) => void closers.push(await makeSocket(file)), '这是一个套接字（socket），不是文件，拒绝读取 (expected a file, found a socket)'],
  ['a link to a file outside the edition', (file) => symlinkSync(path.join(outside, 'secret.txt'), file), '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link to /dev/zero', (file) => symlinkSync('/dev/zero', file), '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link into a sibling folder sharing the prefix', (file) => {
    mkdirSync(`${edition}-x`);
    writeFileSync(`${edition}-x/f.yaml`, 'a: 1\n');
    symlinkSync(`${edition}-x/f.yaml`, file);
  }, '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link to a FIFO inside the edition', (file) => {
    makeFifo(path.join(edition, 'pipe'));
    symlinkSync(path.join(edition, 'pipe'), file);
  }, '这是一个命名管道（FIFO）'],
  ['a dangling link', (file) => symlinkSync(path.join(edition, 'nothing'), file), '符号链接指向不存在的位置'],
  ['a link loop', (file) => {
    symlinkSync(path.join(edition, 'b.yaml'), path.join(edition, 'a.yaml'));
    symlinkSync(path.join(edition, 'a.yaml'), path.join(edition, 'b.yaml'));
    symlinkSync(path.join(edition, 'a.yaml'), file);
  }, '符号链接循环'],
  ['a file one byte over the cap', (file) => writeFileSync(file, Buffer.alloc(EDITION_FILE_MAX_BYTES + 1, 0x61)), `文件过大，拒绝读取 (expected at most ${EDITION_FILE_MAX_BYTES} bytes, found ${EDITION_FILE_MAX_BYTES + 1})`],
];

describe.each(readers)('%s(file, options)', (_name, read) => {
  it('reads a regular file inside the edition whole', async () => {
    const bytes = await read(path.join(edition, 'good.yaml'), { within: edition });
    expect(bytes.toString('utf8')).toBe('a: 1\n');
  });

  it('follows a link whose target stays inside the edition', async () => {
    mkdirSync(path.join(edition, 'shared'));
    writeFileSync(path.join(edition, 'shared', 'units.yaml'), 'b: 2\n');
    symlinkSync('shared/units.yaml', path.join(edition, 'units.yaml'));
    expect((await read(path.join(edition, 'units.yaml'), { within: edition })).toString('utf8')).toBe('b: 2\n');
  });

  it('reads a file of exactly the cap, and an empty file', async () => {
    writeFileSync(path.join(edition, 'cap.yaml'), Buffer.alloc(1000, 0x62));
    expect((await read(path.join(edition, 'cap.yaml'), { within: edition, maxBytes: 1000 })).length).toBe(1000);
    writeFileSync(path.join(edition, 'empty.yaml'), '');
    expect((await read(path.join(edition, 'empty.yaml'), { within: edition })).length).toBe(0);
  });

  it('says "missing" when nothing is at the path', async () => {
    const failure = read(path.join(edition, 'absent.yaml'), { within: edition, shown: 'data/absent.yaml' });
    await expect(failure).rejects.toBeInstanceOf(EditionFileError);
    await expect(failure).rejects.toMatchObject({ problem: 'missing', file: 'data/absent.yaml', message: 'data/absent.yaml: 文件不存在 (expected a file, found nothing)' });
  });

  it.each(refusals)('refuses %s by name, before reading a byte', async (_kind, make, reason) => {
    const file = path.join(edition, 'units.yaml');
    await make(file);
    const started = Date.now();
    const failure = read(file, { within: edition, shown: 'data/units.yaml' });
    await expect(failure).rejects.toMatchObject({ problem: 'refused', file: 'data/units.yaml' });
    await expect(failure).rejects.toThrow(`data/units.yaml: ${reason}`);
    // A FIFO or device that was opened would block or never end: the refusal is immediate.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(!canMakeDevices())('refuses a character device (an endless /dev/zero) inside the edition', async () => {
    const file = path.join(edition, 'units.yaml');
    expect(makeEndlessDevice(file)).toBe(true);
    await expect(read(file, { within: edition })).rejects.toThrow('这是一个设备文件，不是普通文件，拒绝读取 (expected a file, found a character device)');
  });

  it('returns exactly the bytes written, and refuses exactly the files over the cap (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 96 }), fc.integer({ min: 0, max: 96 }), async (bytes, cap) => {
        const file = path.join(edition, 'p.yaml');
        writeFileSync(file, bytes);
        const result = read(file, { within: edition, maxBytes: cap });
        if (bytes.length > cap) await expect(result).rejects.toThrow('文件过大');
        else expect([...(await result)]).toEqual([...bytes]);
      }),
      { numRuns: 60 },
    );
  });
});

describe.each([['listEditionFolderSync', async (dir: string, options?: Parameters<typeof listEditionFolderSync>[1]) => listEditionFolderSync(dir, options)]] as const)('%s(dir, options)', (_name, list) => {
  it('lists a folder, sorted, with its real path', async () => {
    writeFileSync(path.join(edition, 'b.yaml'), '');
    symlinkSync(edition, path.join(outside, 'link'));
    expect(await list(path.join(outside, 'link'))).toEqual({ real: edition, names: ['b.yaml', 'good.yaml'] });
  });

  it.each([
    ['nothing', () => undefined, '文件夹不存在 (expected a folder, found nothing)', 'missing'],
    ['a file', (dir: string) => writeFileSync(dir, ''), '这不是文件夹 (expected a folder, found a file)', 'refused'],
    ['a FIFO', (dir: string) => makeFifo(dir), '这不是文件夹 (expected a folder, found a FIFO)', 'refused'],
    ['a dangling link', (dir: string) => symlinkSync(path.join(edition, 'nothing'), dir), '符号链接指向不存在的位置', 'refused'],
    ['a link loop', (dir: string) => symlinkSync(dir, dir), '符号链接循环', 'refused'],
  ])('refuses %s where a folder is expected', async (_kind, make, reason, problem) => {
    const dir = path.join(edition, 'experiences');
    make(dir);
    const failure = list(dir, { shown: 'data/experiences' });
    await expect(failure).rejects.toMatchObject({ problem });
    await expect(failure).rejects.toThrow(`data/experiences: ${reason}`);
  });

  it('refuses a folder that leaves `within` through a link', async () => {
    symlinkSync(outside, path.join(edition, 'experiences'));
    await expect(list(path.join(edition, 'experiences'), { within: edition })).rejects.toThrow('符号链接指向版本文件夹之外');
  });
});

describe('isInside(inner, outer)', () => {
  it.each([
    ['/a/data', '/a/data', true],
    ['/a/data/x.yaml', '/a/data', true],
    ['/a/data-x/x.yaml', '/a/data', false],
    ['/a', '/a/data', false],
    ['/b/data', '/a/data', false],
  ])('%s inside %s: %s', (inner, outer, inside) => {
    expect(isInside(inner, outer)).toBe(inside);
  });
});
