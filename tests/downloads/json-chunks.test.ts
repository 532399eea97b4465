import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/downloads/json-chunks.ts';

const joined = (value: unknown, indent?: number, depth?: number) => [...jsonChunks(value, indent, depth)].join('');

/** Values with everything JSON.stringify treats specially, at any depth. */
const awkward = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, '', '中文\n"引号"\u2028', new Date(Date.UTC(2018, 6, 6))),
    fc.constant(() => 1),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonChunks(value, indent, depth)', () => {
  it('joins to exactly JSON.stringify(value, null, indent), for any value, indent and depth', () => {
    fc.assert(
      fc.property(awkward, fc.integer({ min: -1, max: 12 }), fc.integer({ min: 0, max: 5 }), (value, indent, depth) => {
        expect(joined(value, indent, depth)).toBe(JSON.stringify(value, null, indent) ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it('writes nested containers key by key down to the depth, in pieces no larger than one deeper value', () => {
    const value = { experiences: Array.from({ length: 3 }, (_, i) => ({ id: `e${i}`, units: [1, 2, 3] })), empty: [], none: {} };
    const pieces = [...jsonChunks(value, 2, 2)];
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    expect(pieces).toContain('{\n      "id": "e1",\n      "units": [\n        1,\n        2,\n        3\n      ]\n    }');
    // One piece per experience at most: the document is never one string.
    expect(pieces.filter((p) => p.includes('"id"')).map((p) => p.match(/"id"/g)!.length)).toEqual([1, 1, 1]);
  });

  it('leaves out what JSON.stringify leaves out, and turns it into null inside arrays', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Number.NaN], d: { toJSON: () => 'D' } };
    expect(joined(value)).toBe('{\n  "c": [\n    null,\n    null,\n    null\n  ],\n  "d": "D"\n}');
    expect(joined(undefined)).toBe('');
    expect(joined({ only: undefined })).toBe('{}');
  });
});
