import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/model/types.ts';
import type { RenderBatch } from '../../src/site/render-batches.ts';
import {
  currentBatch,
  currentReport,
  forgetReport,
  handOverDownloads,
  receiveDownloads,
  sharedWork,
  useBatch,
  useReport,
  type DownloadsJob,
} from '../../src/site/report-source.ts';

const smallData = path.join(import.meta.dirname, '..', 'fixtures', 'small', 'data');

describe('currentReport()', () => {
  const saved = process.env.REPORT_DATA;
  afterEach(() => {
    useReport(undefined);
    forgetReport();
    if (saved === undefined) delete process.env.REPORT_DATA;
    else process.env.REPORT_DATA = saved;
  });

  it('returns the injected report without reading any files', async () => {
    process.env.REPORT_DATA = '/nonexistent';
    const injected = { units: [] } as unknown as Report;
    useReport(injected);
    expect(await currentReport()).toBe(injected);
  });

  it('loads REPORT_DATA once and keeps it until forgotten', async () => {
    process.env.REPORT_DATA = smallData;
    const first = await currentReport();
    expect(first.units.length).toBeGreaterThan(0);
    expect(await currentReport()).toBe(first);
    forgetReport();
    const again = await currentReport();
    expect(again).not.toBe(first);
    expect(again.units.map((u) => u.id)).toEqual(first.units.map((u) => u.id));
  });

  it('rejects with the loader error for a folder that is not an edition', async () => {
    process.env.REPORT_DATA = '/nonexistent/edition';
    await expect(currentReport()).rejects.toThrow();
  });
});

describe('one state for every copy of the module', () => {
  afterEach(() => useReport(undefined));

  it('lets a second copy (as .eleventy.js gets inside a Vitest worker) see the injected report', async () => {
    const injected = { units: [] } as unknown as Report;
    useReport(injected);
    vi.resetModules();
    const copyUrl = new URL('../../src/site/report-source.ts?copy', import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ copyUrl)) as typeof import('../../src/site/report-source.ts');
    expect(copy.currentReport).not.toBe(currentReport); // really a second copy of the module
    expect(await copy.currentReport()).toBe(injected);
  });
});

describe('handOverDownloads(job)', () => {
  afterEach(() => receiveDownloads(undefined));
  const job = { report: { units: [] }, chapters: [], outputDir: '/tmp/site' } as unknown as DownloadsJob;

  it('returns false when nobody declared to write the downloads, so the config writes them', () => {
    expect(handOverDownloads(job)).toBe(false);
  });

  it('passes the job to the receiver and returns true until the receiver is removed', () => {
    const received: DownloadsJob[] = [];
    receiveDownloads((j) => received.push(j));
    expect(handOverDownloads(job)).toBe(true);
    expect(received).toEqual([job]);
    receiveDownloads(undefined);
    expect(handOverDownloads(job)).toBe(false);
    expect(received).toHaveLength(1);
  });
});

describe('useBatch(batch) and currentBatch()', () => {
  afterEach(() => useBatch(undefined));

  it('has no batch (every page in one run) until one is declared, and again after it is cleared', () => {
    expect(currentBatch()).toBeUndefined();
    const batch: RenderBatch = { index: 1, count: 3, ranges: { experiences: [4, 9], units: [0, 0], departments: [0, 0] } };
    useBatch(batch);
    expect(currentBatch()).toBe(batch);
    useBatch(undefined);
    expect(currentBatch()).toBeUndefined();
  });
});

describe('sharedWork()', () => {
  afterEach(() => forgetReport());

  it('keeps what one build memoised into it across calls until forgetReport()', async () => {
    const chapters = Promise.resolve([]);
    sharedWork().chapters ??= chapters;
    expect(sharedWork().chapters).toBe(chapters);
    forgetReport();
    expect(sharedWork().chapters).toBeUndefined();
    expect(sharedWork().assets).toBeUndefined();
  });
});
