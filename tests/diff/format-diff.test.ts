import { describe, expect, it } from 'vitest';
import { formatDiff, NOTHING_MOVED } from '../../src/diff/format-diff.ts';

describe('formatDiff(diff)', () => {
  it('prints one line saying nothing moved for an empty diff', () => {
    expect(formatDiff({ units: [], departments: [], experiences: [] })).toBe(`${NOTHING_MOVED}\n`);
  });

  it('prints a table per ranking that moved, with score and rank before → after', () => {
    const text = formatDiff({
      units: [{ id: 'a', name: '淄川区', scoreBefore: '92.10', scoreAfter: '93.40', rankBefore: 4, rankAfter: 2 }],
      departments: [],
      experiences: [],
    });
    expect(text).toBe(
      ['区县（1项变化）：', '名称    得分 前→后     排名 前→后', '淄川区  92.10 → 93.40  4 → 2', ''].join('\n'),
    );
    expect(text).not.toContain('牵头部门');
  });

  it('marks added and removed items', () => {
    const text = formatDiff({
      units: [],
      departments: [],
      experiences: [
        { id: 'n', name: '新经验', scoreBefore: null, scoreAfter: '90.00', rankBefore: null, rankAfter: 3 },
        { id: 'o', name: '旧经验', scoreBefore: '80.00', scoreAfter: null, rankBefore: 5, rankAfter: null },
      ],
    });
    expect(text).toContain('创新改革经验（2项变化）：');
    expect(text).toMatch(/新经验\s+— → 90\.00\s+— → 3\s+新增/);
    expect(text).toMatch(/旧经验\s+80\.00 → —\s+5 → —\s+删除/);
  });
});
