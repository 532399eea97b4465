import { describe, expect, it } from 'vitest';
import { annexTable } from '../../../src/downloads/annex-tables.ts';
import { loadReport } from '../../../src/model/load-report.ts';
import { annexTitle } from '../../../src/site/filters/annex-title.ts';

describe('annexTitle(report, n)', () => {
  it.each([1, 2, 3] as const)('names annex %i as the downloads do, from the edition’s year and counts', async (n) => {
    const report = await loadReport({ dataDir: 'tests/fixtures/small/data' });
    expect(annexTitle(report, n)).toBe(annexTable(report, n).title);
    expect(annexTitle(report, n)).toContain(`${report.stats.counts.experiences}项`);
  });
});
