import { describe, expect, it } from 'vitest';
import { floorVerdictText, judgeFloors, type FloorMeasurement } from '../floor-verdict.ts';

const size = (over: Partial<FloorMeasurement>): FloorMeasurement => ({
  size: 'x',
  pages: 1007,
  bareMs: 1000,
  buildMs: 5000,
  yamlMs: 100,
  sameBytesMs: 600,
  pagefindMs: 300,
  ...over,
});

describe('judgeFloors(sizes, startup)', () => {
  it('adds the floors and gives each, and the sum, as a ratio to bare Eleventy', () => {
    const [v] = judgeFloors([size({})]);
    expect(v!.floorsMs).toBe(1000);
    expect(v!.ratios).toEqual({ yaml: 0.1, sameBytes: 0.6, pagefind: 0.3, floors: 1 });
    expect(v!.buildOverFloors).toBe(5);
  });

  it.each([
    { name: 'no floor over the budget', m: size({}), aloneOver: [], floorsOver: false },
    { name: 'a floor exactly at 2× is not over', m: size({ sameBytesMs: 2000, yamlMs: 0, pagefindMs: 0 }), aloneOver: [], floorsOver: false },
    { name: 'one floor alone over 2×', m: size({ sameBytesMs: 2001 }), aloneOver: ['sameBytes'], floorsOver: true },
    { name: 'every floor over 2×', m: size({ yamlMs: 2500, sameBytesMs: 9000, pagefindMs: 3000 }), aloneOver: ['yaml', 'sameBytes', 'pagefind'], floorsOver: true },
    { name: 'none alone but the sum over 2×', m: size({ yamlMs: 700, sameBytesMs: 800, pagefindMs: 600 }), aloneOver: [], floorsOver: true },
  ])('$name', ({ m, aloneOver, floorsOver }) => {
    const [v] = judgeFloors([m]);
    expect(v!.aloneOver).toEqual(aloneOver);
    expect(v!.floorsOver).toBe(floorsOver);
  });

  it('charges only the floors beyond start-up to the pages beyond start-up', () => {
    const [v] = judgeFloors([size({ pages: 1007 })], { pages: 7, floorsMs: 400 });
    expect(v!.floorsMsPerPage).toBeCloseTo((1000 - 400) / 1000, 12);
  });

  it('gives no cost per page without a start-up size, or for the start-up size itself', () => {
    expect(judgeFloors([size({})])[0]!.floorsMsPerPage).toBeNull();
    expect(judgeFloors([size({ pages: 7 })], { pages: 7, floorsMs: 1000 })[0]!.floorsMsPerPage).toBeNull();
  });

  it('judges against another ratio when asked', () => {
    expect(judgeFloors([size({})], undefined, 0.5)[0]!.aloneOver).toEqual(['sameBytes']);
  });
});

describe('judgeFloors(sizes) with CPU times', () => {
  it('gives the CPU ratios beside the wall ones, and judges on wall time', () => {
    const [v] = judgeFloors([size({ sameBytesMs: 2500, cpuMs: { bare: 500, yaml: 50, sameBytes: 900, pagefind: 250 } })]);
    expect(v!.cpuRatios).toEqual({ yaml: 0.1, sameBytes: 1.8, pagefind: 0.5, floors: 2.4 });
    expect(v!.aloneOver).toEqual(['sameBytes']);
  });

  it('leaves the CPU ratios out when CPU time was not measured', () => {
    expect(judgeFloors([size({})])[0]!.cpuRatios).toBeUndefined();
  });
});

describe('floorVerdictText(verdict)', () => {
  it('quotes the CPU ratio of each floor it names', () => {
    const [v] = judgeFloors([size({ pagefindMs: 5900, cpuMs: { bare: 2100, yaml: 2100, sameBytes: 2500, pagefind: 12900 } })]);
    expect(floorVerdictText(v!)).toBe('floor alone already exceeds 2× bare (Pagefind 5.90× (CPU 6.14×)): unreachable with this stack');
  });


  it('names every floor that alone exceeds the budget, and says the budget is unreachable', () => {
    const [v] = judgeFloors([size({ sameBytesMs: 9000, pagefindMs: 3000 })]);
    expect(floorVerdictText(v!)).toBe('floor alone already exceeds 2× bare (Eleventy same bytes 9.00×, Pagefind 3.00×): unreachable with this stack');
  });

  it('says when only the floors together exceed the budget', () => {
    const [v] = judgeFloors([size({ yamlMs: 700, sameBytesMs: 800, pagefindMs: 600 })]);
    expect(floorVerdictText(v!)).toBe('no floor alone exceeds 2× bare; together 2.10×: unreachable while they run one after another');
  });

  it("says the rest is the project's code when the floors fit", () => {
    const [v] = judgeFloors([size({})]);
    expect(floorVerdictText(v!)).toBe("floors within 2× bare (1.00×): the rest is the project's code");
  });

  it('adds the floors per page when they alone break the per-page budget', () => {
    const [v] = judgeFloors([size({ sameBytesMs: 2600 })], { pages: 7, floorsMs: 0 });
    expect(floorVerdictText(v!)).toMatch(/; floors alone 3\.00 ms\/page beyond start-up > 1\.5$/);
  });
});
