import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisBounds, axisNote } from '../../../src/site/charts/axis.ts';

const limits = { floor: 0, ceiling: 100 };

describe('axisBounds(values, limits)', () => {
  it.each([
    ['close scores start at a round step below the lowest', [88.4, 96.12], { min: 85, max: 100 }],
    ['a wide range of shares starts at the floor', [20.1, 73.6], { min: 0, max: 80 }],
    ['low values start at the floor', [3, 9], { min: 0, max: 10 }],
    ['one value still gets a step of axis', [90], { min: 85, max: 90 }],
    ['no values give the whole scale', [], { min: 0, max: 100 }],
  ])('%s', (_name, values, expected) => {
    expect(axisBounds(values, limits)).toEqual(expected);
  });

  it('always contains every value and stays inside the limits', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const { min, max } = axisBounds(values, limits);
        expect(min).toBeGreaterThanOrEqual(0);
        expect(max).toBeLessThanOrEqual(100);
        expect(min).toBeLessThan(max);
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThanOrEqual(max);
        }
      }),
    );
  });
});

describe('axisNote(min, unit, orientation)', () => {
  it.each([
    [85, '分', 'horizontal', '注：横轴自85分起，条形长度不与数值成比例。'],
    [20, '%', 'vertical', '注：纵轴自20%起，条形长度不与数值成比例。'],
    [0, '分', 'horizontal', undefined],
  ] as const)('notes an axis from %s%s (%s) as %s', (min, unit, orientation, expected) => {
    expect(axisNote(min, unit, orientation)).toBe(expected);
  });
});
