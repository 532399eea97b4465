import { describe, expect, it } from 'vitest';
import { judgeBuilds, type BuildMeasurement } from '../build-budget.ts';

const startup = { pages: 10, buildMs: 1000 };
const size = (over: Partial<BuildMeasurement>): BuildMeasurement => ({
  size: 'x',
  pages: 1010,
  buildMs: 2000,
  bareMs: 1500,
  peakMiB: 300,
  ...over,
});

describe('judgeBuilds(sizes, startup)', () => {
  it.each([
    { name: 'passes a build within every limit', m: size({}), ratioOk: true, perPageOk: true, memoryOk: true },
    { name: 'fails a build slower than twice bare Eleventy', m: size({ bareMs: 999 }), ratioOk: false, perPageOk: true, memoryOk: true },
    { name: 'passes a build exactly twice bare Eleventy', m: size({ buildMs: 2000, bareMs: 1000 }), ratioOk: true, perPageOk: true, memoryOk: true },
    { name: 'fails more than 1.5 ms per page beyond start-up', m: size({ buildMs: 2600, bareMs: 2000 }), ratioOk: true, perPageOk: false, memoryOk: true },
    { name: 'fails 1 GB of peak memory', m: size({ peakMiB: 1024 }), ratioOk: true, perPageOk: true, memoryOk: false },
  ])('$name', ({ m, ratioOk, perPageOk, memoryOk }) => {
    const [v] = judgeBuilds([m], startup);
    expect(v).toMatchObject({ ratioOk, perPageOk, memoryOk });
  });

  it('charges only the time beyond start-up to the pages beyond start-up', () => {
    const [v] = judgeBuilds([size({ pages: 1010, buildMs: 2500 })], startup);
    expect(v!.msPerPage).toBeCloseTo(1.5, 12);
    expect(v!.ratio).toBeCloseTo(2500 / 1500, 12);
  });

  it('gives the start-up size itself no cost per page', () => {
    const [v] = judgeBuilds([size({ pages: 10, buildMs: 1000 })], startup);
    expect(v!.msPerPage).toBeNull();
    expect(v!.perPageOk).toBe(true);
  });

  it('judges the median of the pairs when the size was built more than once', () => {
    const [v] = judgeBuilds([size({ buildMs: 1100, bareMs: 470, pairRatios: [1.71, 2.34, 1.84] })], startup);
    expect(v!.ratio).toBe(1.84);
    expect(v!.ratioOk).toBe(true);
    const [w] = judgeBuilds([size({ buildMs: 1100, bareMs: 600, pairRatios: [2.1, 1.9, 2.3, 2.05] })], startup);
    expect(w!.ratio).toBeCloseTo(2.075, 12);
    expect(w!.ratioOk).toBe(false);
  });

  it('judges build ÷ bare when there is one pair or none', () => {
    expect(judgeBuilds([size({ buildMs: 1100, bareMs: 500, pairRatios: [] })], startup)[0]!.ratio).toBeCloseTo(2.2, 12);
    expect(judgeBuilds([size({ buildMs: 1100, bareMs: 500, pairRatios: [2.2] })], startup)[0]!.ratioOk).toBe(false);
  });
});
