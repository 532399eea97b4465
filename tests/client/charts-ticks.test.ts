import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tickLabel, tickStep } from '../../src/client/charts-ticks.ts';

describe('tickStep(min, max, maxTicks)', () => {
  it.each([
    [85, 100, 8, 5],
    [85, 100, 20, 1],
    [0, 80, 4, 20],
    [0, 80, 8, 10],
    [0, 100, 2, 50],
    [90, 95, 10, 1],
    [90, 90, 5, 1],
  ])('steps %s..%s in at most %s intervals by %s', (min, max, maxTicks, expected) => {
    expect(tickStep(min, max, maxTicks)).toBe(expected);
  });

  it('always lands on both ends of the axis', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 12 }), (a, b, maxTicks) => {
        const min = a * 5;
        const max = min + b * 5;
        const step = tickStep(min, max, maxTicks);
        expect(Number.isInteger(Math.round((min / step) * 1e9) / 1e9)).toBe(true);
        expect(Number.isInteger(Math.round(((max - min) / step) * 1e9) / 1e9)).toBe(true);
      }),
    );
  });
});

describe('tickLabel(value, step)', () => {
  it.each([
    [85, 5, '85'],
    [0, 20, '0'],
    [1000, 50, '1000'],
    [0.3, 0.1, '0.3'],
    [0.30000000000000004, 0.1, '0.3'],
    [2.25, 0.25, '2.25'],
    [2.5, 2.5, '2.5'],
  ])('prints the tick %d of a step of %d as %s', (value, step, text) => {
    expect(tickLabel(value, step)).toBe(text);
  });
});
