import { describe, expect, it } from 'vitest';
import { templateSheets } from '../../src/workbook/template-sheets.ts';
import { edit, editionOf, readEditionTexts, SMALL } from './workbook-fixture.ts';

describe('templateSheets(edition)', () => {
  const sheets = templateSheets(editionOf(readEditionTexts(SMALL)));
  const [scores, lead, survey] = sheets;

  it('writes the sheets 得分, 牵头部门评估 and 问卷 with the contract\'s headers', () => {
    expect(sheets.map((s) => s.name)).toEqual(['得分', '牵头部门评估', '问卷']);
    expect(scores!.rows[0]).toEqual(['经验编号', '创新改革经验', '单位编号', '单位', '部门评估', '区县评估', '问卷评估', '备注']);
    expect(lead!.rows[0]).toEqual(['经验编号', '创新改革经验', '牵头部门', '工作推进（满分60）', '实际效果（满分40）']);
    expect(survey!.rows[0]).toEqual(['项目', '人数']);
  });

  it('gives 得分 one row per experience and unit in source order, scores as numbers', () => {
    expect(scores!.rows.slice(1).map((r) => `${r[0]}/${r[2]}`)).toEqual(
      ['smart-court', 'family-doctor', 'court-mediation', 'health-cloud'].flatMap((e) => ['alpha', 'beta', 'gamma'].map((u) => `${e}/${u}`)),
    );
    expect(scores!.rows[1]).toEqual(['smart-court', '建设智慧法院服务平台', 'alpha', '甲区', 96, 94, 90, null]);
  });

  it('writes 不适用 in every method cell and the reason in 备注 for a unit the experience does not apply to', () => {
    expect(scores!.rows[6]).toEqual(['family-doctor', '推行互联网+家庭医生签约服务', 'gamma', '丙新区', '不适用', '不适用', '不适用', '不适合在丙新区推广']);
  });

  it('leaves a missing method empty and shows a criterion map as its sum', () => {
    expect(scores!.rows[7]!.slice(4, 7)).toEqual([90, 90, null]);
    expect(scores!.rows[9]!.slice(4, 7)).toEqual([95, 95, 95]);
  });

  it('gives 牵头部门评估 one row per experience with the lead department\'s name and the points by criterion', () => {
    expect(lead!.rows.slice(1)).toEqual([
      ['smart-court', '建设智慧法院服务平台', '市法院', 57, 38],
      ['family-doctor', '推行互联网+家庭医生签约服务', '市卫健委', 54, 36],
      ['court-mediation', '探索诉调对接多元化解纠纷机制', '市法院', 55, 35],
      ['health-cloud', '打造健康云数据平台', '市卫健委', 48, 32],
    ]);
  });

  it('gives 问卷 the counts, then a 知晓 row per experience, empty where it was not surveyed', () => {
    expect(survey!.rows.slice(1)).toEqual([
      ['发放', 120],
      ['有效', 100],
      ['满意', 87],
      ['知晓:建设智慧法院服务平台', 64],
      ['知晓:推行互联网+家庭医生签约服务', 35],
      ['知晓:探索诉调对接多元化解纠纷机制', 20],
      ['知晓:打造健康云数据平台', null],
    ]);
  });

  it('marks id columns as ids and score columns as numbers', () => {
    expect(scores!.columns).toEqual(['id', 'text', 'id', 'text', 'number', 'number', 'number', 'text']);
    expect(lead!.columns).toEqual(['id', 'text', 'text', 'number', 'number']);
  });

  it('refuses a scheme whose columns could not be told apart', () => {
    const texts = edit(readEditionTexts(SMALL), 'scheme.yaml', 'name: 区县评估', 'name: 部门评估');
    expect(() => templateSheets(editionOf(texts))).toThrow(/名称重复.*部门评估/);
  });

  it('names a 知晓 row by id when two experiences share a title', () => {
    const texts = edit(readEditionTexts(SMALL), 'experiences/02-family-doctor.yaml', 'title: 推行互联网+家庭医生签约服务', 'title: 建设智慧法院服务平台');
    const rows = templateSheets(editionOf(texts))[2]!.rows;
    expect(rows[4]![0]).toBe('知晓:smart-court');
    expect(rows[5]![0]).toBe('知晓:family-doctor');
  });
});
