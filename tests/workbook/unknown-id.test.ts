import { describe, expect, it } from 'vitest';
import { unknownIdMessage } from '../../src/workbook/unknown-id.ts';

const units = [
  { id: 'zhangdian', name: '张店区' },
  { id: 'zichuan', name: '淄川区' },
  { id: 'boshan', name: '博山区' },
];

describe('unknownIdMessage(options)', () => {
  it.each([
    ['a transposed id', 'zichaun', '；是否应为 淄川区 (zichuan)？'],
    ['the Chinese name where the id belongs', '淄川区', '；是否应为 淄川区 (zichuan)？'],
    ['part of the Chinese name', '博山', '；是否应为 博山区 (boshan)？'],
  ])('suggests the id an editor most likely meant for %s', (_case, found, hint) => {
    expect(unknownIdMessage({ what: '单位', file: 'units.yaml', found, known: units })).toBe(
      `未知的单位编号，须为 units.yaml 中的 id${hint} (expected a unit id, found ${JSON.stringify(found)})`,
    );
  });

  it('suggests nothing when no id is clearly meant', () => {
    expect(unknownIdMessage({ what: '经验', file: 'experiences/*.yaml', found: 'linzi', known: units })).toBe(
      '未知的经验编号，须为 experiences/*.yaml 中的 id (expected an experience id, found "linzi")',
    );
  });

  it('shows a pasted id with a bidi control or a whole paragraph escaped and cut short', () => {
    const message = unknownIdMessage({ what: '单位', file: 'units.yaml', found: `zi\u202Echuan${'x'.repeat(40000)}`, known: units });
    expect(message).toContain('found "zi\\u202Echuan');
    expect(message).not.toContain('\u202E');
    expect(message.length).toBeLessThan(200);
  });
});
