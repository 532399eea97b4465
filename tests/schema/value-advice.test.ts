import { describe, expect, it } from 'vitest';
import { explainNotANumber, keySlip, numberRole, type NumberRole } from '../../src/schema/value-advice.ts';

describe('numberRole(path)', () => {
  it.each<[Array<string | number>, NumberRole]>([
    [['methods', 0, 'weight'], 'weight'],
    [['lead_weight'], 'weight'],
    [['scenarios', 1, 'methods', 'unit'], 'weight'],
    [['scenarios', 1, 'lead_weight'], 'weight'],
    [['scores', 'zichuan', 'forum'], 'score'],
    [['scores', 'zichuan', 'forum', 'progress'], 'score'],
    [['lead_assessment', 'progress'], 'score'],
    [['valid'], 'count'],
    [['awareness', 'ai-gong-hui'], 'count'],
    [['year'], 'other'],
    [['criteria', 0, 'max'], 'other'],
  ])('gives %j the role %s', (path, role) => {
    expect(numberRole(path)).toBe(role);
  });
});

describe('explainNotANumber(text, role)', () => {
  it.each<[string, NumberRole, string]>([
    ['15%', 'weight', '权重须为数字，不能写百分号：15% 应写作 0.15'],
    ['15％', 'weight', '权重须为数字，不能写百分号：15％ 应写作 0.15'],
    ['33.3%', 'weight', '权重须为数字，不能写百分号：33.3% 应写作 0.333'],
    ['95%', 'score', '得分应为 0 到满分的数字，不能写百分号：直接写分数，如 95'],
    ['64%', 'count', '人数须为整数，不能写百分比：请写人数（比率由程序按 人数 / 有效问卷数 计算）'],
    ['5%', 'other', '应为数字，不能写百分号'],
    ['96', 'score', '得分应为 0 到满分的数字，不要加引号'],
    [' 0.5 ', 'weight', '权重须为数字，不要加引号'],
    ['“96”', 'score', '得分应为 0 到满分的数字，不要加引号（全角引号也不要）：“96” 应写作 96'],
    ['96分', 'score', '得分应为 0 到满分的数字，不能带“分”字：96分 应写作 96'],
    ['100 份', 'count', '人数须为整数，不能带“份”字：100 份 应写作 100'],
    ['９６．５', 'score', '得分应为 0 到满分的数字，须用半角数字：９６．５ 应写作 96.5'],
    ['1,000', 'count', '人数须为整数，不要加千位分隔符：1,000 应写作 1000'],
    ['96。5', 'score', '得分应为 0 到满分的数字，小数点须用半角句点“.”：96。5 应写作 96.5'],
    ['九十六', 'score', '得分应为 0 到满分的数字，须用阿拉伯数字（如 96），不能写汉字数字'],
    ['department：98.5', 'score', '得分应为 0 到满分的数字，却读到了一段文字：全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98.5'],
    ['优秀', 'score', '得分应为 0 到满分的数字'],
    ['abc', 'other', '应为数字'],
  ])('explains %j as a %s', (text, role, message) => {
    expect(explainNotANumber(text, role)).toBe(message);
  });

  it('tells 不要加引号 only for a number in quotes', () => {
    for (const text of ['15%', '96分', '一百', 'abc', '1,000', '９６']) {
      expect(explainNotANumber(text, 'other')).not.toContain('不要加引号');
    }
  });
});

describe('keySlip(text)', () => {
  it.each<[string, string | undefined]>([
    ['department：98.5', '全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98.5'],
    ['department:98.5', '冒号后缺少空格：键和值之间须写半角冒号加空格“: ”，写作 department: 98.5'],
    ['\u3000lead', '含全角空格（U+3000）：缩进和分隔只能用半角空格，请删除或改为半角空格'],
    ['“lead”', '含全角引号：键不用加引号，需要时用半角引号 "'],
    ['batch，lead', '含全角逗号“，”：各项之间须用半角逗号“,”'],
    ['淄川区：96', '含全角冒号“：”：键和值之间须用半角冒号加空格“: ”'],
    ['smart-court', undefined],
    ['spread:smart-court', '冒号后缺少空格：键和值之间须写半角冒号加空格“: ”，写作 spread: smart-court'],
    ['http://example.org', undefined],
    ['note: x', undefined],
  ])('names the slip in %j', (text, slip) => {
    expect(keySlip(text)).toBe(slip);
  });
});
