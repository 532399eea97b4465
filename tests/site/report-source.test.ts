import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.ts';
import { currentReport, forgetReport, useReport } from '../../src/site/report-source.ts';

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
