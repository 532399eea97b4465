import { describe, expect, it } from 'vitest';
import { sensitivityRows } from '../../src/scoring/sensitivity.ts';

describe('sensitivityRows(items, baseline, scenarios)', () => {
  it('lists each item’s rank under the baseline and every scenario, with min and max', () => {
    expect(
      sensitivityRows([{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }], [1, 2], { 'exclude-na': [2, 1], 'without-site': [1, 2] }),
    ).toEqual([
      { id: 'a', name: '甲', ranks: { baseline: 1, 'exclude-na': 2, 'without-site': 1 }, min: 1, max: 2 },
      { id: 'b', name: '乙', ranks: { baseline: 2, 'exclude-na': 1, 'without-site': 2 }, min: 1, max: 2 },
    ]);
  });

  it('gives an item with no scenario its baseline as min and max', () => {
    expect(sensitivityRows([{ id: 'a', name: '甲' }], [3], {})[0]).toMatchObject({ min: 3, max: 3 });
  });

  it('leaves out ranks that are NaN', () => {
    expect(sensitivityRows([{ id: 'a', name: '甲' }], [2], { x: [NaN] })[0]).toMatchObject({ min: 2, max: 2 });
  });

  it('gives no rows for no items', () => expect(sensitivityRows([], [], {})).toEqual([]));
});
