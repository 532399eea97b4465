import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached, detachStrings } from '../../src/data/detach-strings.ts';
import { parseYaml } from '../../src/data/parse-yaml.ts';

describe('detached(text)', () => {
  it.each([
    ['a title of Chinese', '建设智慧法院服务平台（第一批推广）'],
    ['a lone surrogate', `abcdefghijklmn\ud800xyz`],
    ['an empty string', ''],
    ['a short string', 'abc'],
  ])('returns an equal string for %s', (_, text) => {
    expect(detached(text)).toBe(text);
  });
});

describe('detachStrings(value)', () => {
  it('keeps every value, at any depth, in mappings and lists', () => {
    const long = 'x'.repeat(40);
    const value = { a: long, b: [long, 1, null, { c: long, d: 'short' }], e: { f: [[long]] }, g: true };
    const copy = structuredClone(value);
    detachStrings(value);
    expect(value).toEqual(copy);
    detachStrings('a scalar document');
    detachStrings(null);
  });

  it('lets the parsed file text go while a long string of it is kept', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // A file of ≈ 4 MiB as text (two bytes a character once it holds Chinese), of which one title is kept.
    const keepTitle = () => {
      const text = `title: 建设智慧法院服务平台（第一批推广）\nnote: "${'备注'.repeat(1 << 20)}"\n`;
      const raw = parseYaml(text, 'big.yaml', { maxBytes: 1 << 23, maxAliases: 0, maxExpandedValues: 10 });
      return (raw.value as { title: string }).title;
    };
    const before = heap();
    const title = keepTitle();
    const grown = heap() - before;
    expect(title).toBe('建设智慧法院服务平台（第一批推广）');
    expect(grown, 'heap kept after parsing a 4 MiB file and keeping one title').toBeLessThan(1 << 20);
  });
});
