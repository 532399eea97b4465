import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownRecord, ownValue } from '../../src/scoring/own-record.ts';

const inherited = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];

describe('ownRecord(entries)', () => {
  it.each(inherited)('gives undefined for %s when it was not put in', (key) => {
    expect(ownRecord<number>([['a', 1]])[key]).toBeUndefined();
  });

  it.each(inherited)('stores and returns %s like any other id', (key) => {
    const record = ownRecord([[key, 7]]);
    expect(record[key]).toBe(7);
    expect(Object.keys(record)).toEqual([key]);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ [key]: 7 });
  });

  it('keeps the order of its entries, a later entry replacing an earlier one', () => {
    expect(Object.entries(ownRecord([['b', 1], ['a', 2], ['b', 3]]))).toEqual([['b', 3], ['a', 2]]);
  });

  it('answers a lookup of any string with exactly what was put in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.string(), (plain, probe) => {
        const record = ownRecord(Object.entries(plain));
        expect(record[probe]).toBe(Object.hasOwn(plain, probe) ? plain[probe] : undefined);
      }),
    );
  });
});

describe('ownValue(record, key)', () => {
  it.each(inherited)('never returns the inherited %s of a plain object', (key) => {
    expect(ownValue({ a: 1 }, key)).toBeUndefined();
  });

  it('returns an own value, even one stored under constructor', () => {
    expect(ownValue({ constructor: 5 }, 'constructor')).toBe(5);
  });
});
