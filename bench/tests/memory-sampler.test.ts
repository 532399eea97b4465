import { describe, expect, it } from 'vitest';
import { peakBetween, type MemorySample } from '../memory-sampler.ts';

const samples: MemorySample[] = [
  { t: 0, rssMiB: 90, childPeakMiB: 0 },
  { t: 10, rssMiB: 120, childPeakMiB: 0 },
  { t: 20, rssMiB: 300, childPeakMiB: 40 },
  { t: 30, rssMiB: 200, childPeakMiB: 60 },
  { t: 40, rssMiB: 150, childPeakMiB: 60 },
];

describe('peakBetween(samples, from, to)', () => {
  it.each([
    { name: 'takes the highest own and child memory inside the window', from: 15, to: 35, rss: 300, child: 60 },
    { name: 'includes samples exactly at both ends', from: 10, to: 20, rss: 300, child: 40 },
    { name: 'uses the next sample for a window with no sample in it', from: 11, to: 12, rss: 300, child: 40 },
    { name: 'gives 0 when nothing was sampled at or after the window', from: 50, to: 60, rss: 0, child: 0 },
  ])('$name', ({ from, to, rss, child }) => {
    expect(peakBetween(samples, from, to)).toEqual({ rssMiB: rss, childPeakMiB: child });
  });
});
