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
});
