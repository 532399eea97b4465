import yaml from 'js-yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { reservedKeyPaths } from '../../src/schema/reserved-keys.ts';

const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });

describe('reservedKeyPaths(value)', () => {
  it('finds a __proto__ key that js-yaml keeps and a zod record would drop without a word', () => {
    const value = load('scores:\n  __proto__: {unit: 90}\n  alpha: {unit: 80}\n') as { scores: object };
    expect(Object.keys(value.scores)).toEqual(['__proto__', 'alpha']);
    expect(Object.keys(z.record(z.string(), z.unknown()).parse(value.scores))).toEqual(['alpha']);
    expect(reservedKeyPaths(value)).toEqual([['scores', '__proto__']]);
  });

  it.each([
    ['__proto__: 1\n', [['__proto__']]],
    ['- {id: a}\n- {__proto__: {x: 1}, id: b}\n', [[1, '__proto__']]],
    ['a: {b: [{c: {__proto__: 1}}]}\nd: {__proto__: 2}\n', [['a', 'b', 0, 'c', '__proto__'], ['d', '__proto__']]],
    ['constructor: 1\ntoString: 2\nhasOwnProperty: 3\n', []],
    ['[1, 2, 3]\n', []],
    ['text\n', []],
  ])('finds in %j the paths %j, in document order', (text, paths) => {
    expect(reservedKeyPaths(load(text))).toEqual(paths);
  });

  it('looks at a mapping reached through several aliases once', () => {
    expect(reservedKeyPaths(load('a: &x {__proto__: 1}\nb: *x\nc: *x\n'))).toEqual([['a', '__proto__']]);
  });

  it('walks a deeply nested document without recursion', () => {
    let deep: unknown = Object.defineProperty({}, '__proto__', { value: 1, enumerable: true });
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [path] = reservedKeyPaths(deep);
    expect(path).toHaveLength(100_001);
    expect(path!.at(-1)).toBe('__proto__');
  });
});
