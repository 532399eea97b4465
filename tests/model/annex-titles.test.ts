import { describe, expect, it } from 'vitest';
import { annexTable } from '../../src/downloads/annex-tables.ts';
import { annexTitle } from '../../src/model/annex-titles.ts';
import { loadReport } from '../../src/model/load-report.ts';
import { filters } from '../../src/site/filters/index.ts';

describe('annexTitle(report, n)', () => {
  it.each([
    [1, '各区县对2017年3项创新改革经验推广推介情况综合排名表'],
    [2, '3项创新改革经验牵头部门得分及排名'],
    [3, '3项创新改革经验项目得分及排名'],
  ] as const)('names annex %i from the edition’s year and number of experiences: %s', (n, title) => {
    expect(annexTitle({ meta: { year: 2017 }, stats: { counts: { experiences: 3 } } } as Parameters<typeof annexTitle>[0], n)).toBe(title);
  });

  it.each([1, 2, 3] as const)('gives annex %i the same caption on the page (the annexTitle filter) and in the downloads', async (n) => {
    const report = await loadReport({ dataDir: 'tests/fixtures/small/data' });
    expect(filters.annexTitle(report, n)).toBe(annexTitle(report, n));
    expect(annexTable(report, n).title).toBe(annexTitle(report, n));
  });
});
