/**
 * The default edition, the Zibo 2017 report: it loads, every figure the
 * report printed reconciles with the computed model, and the facts the
 * published text states about rankings, applicability and counts hold in
 * the data (not just in the prose).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { builtSite, projectRoot } from '../helpers/built-site.ts';

const dataDir = path.join(projectRoot, 'data');

let report: Report;
beforeAll(async () => {
  report = await loadReport({ dataDir, cwd: projectRoot });
});

/** Every statistic the published text prints, as printed. */
const PRINTED: Record<string, string> = {
  experience_mean: '94.24',
  unit_mean: '92.56',
  satisfaction: '91%',
  rectification_share: '88.2%',
  internet_plus_share: '90%',
  'spread:minor-criminal-cases': '18.5',
  'awareness:ai-gong-hui': '73.6%',
};

/** Every count of activity the published text prints, by activity id. */
const PRINTED_ACTIVITY: Record<string, string> = {
  'site-inspections': '183',
  'on-site-promotions': '119',
  'higher-coordination': '121',
  'department-supervision-notices': '151',
  'district-supervision-notices': '1126',
  'national-reports-departments': '24',
  'national-reports-districts': '122',
  'national-keynotes': '25',
  'provincial-keynotes': '57',
  'promotion-meetings': '200余',
  'national-on-site-meetings': '50余',
  brochures: '67000余',
  posters: '2000余',
};

/** Experiences the published text names, by id, with their titles as printed. */
const NAMED_EXPERIENCES: Record<string, string> = {
  'judge-prosecutor-review': '开展法官检察官履职评议，创新司法监督工作',
  'budget-review': '坚持信息化引领，创新开展部门预算备案审查',
  'zichuan-culture-cloud': '创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式',
  'six-data-platforms': '探索构建“六大数据平台”，打造“互联网+精准预防”',
  'minor-criminal-cases': '探索建立轻微刑事案件快速办理机制',
  'internet-plus-agriculture': '互联网+农业供给侧结构性改革',
  'home-care': '探索创新社区互联网+居家养老服务模式',
  'digital-city-management': '创新数字化大城管',
  'cloud-desktop': '创新改革政务“云桌面”，开启政务服务新模式',
  'big-data-platform': '打破“信息孤岛”构建全领域“大数据”平台',
  'community-education-alliance': '探索“共同体+联盟”办学模式，推动城乡教育均衡发展',
};

describe('the Zibo 2017 edition in data/', () => {
  it('loads and computes without an error', () => {
    expect(report.meta.title).toContain(String(report.meta.year));
    expect(report.warnings).toEqual([]);
  });

  it('reconciles every printed statistic with the computed one', () => {
    const byKey = Object.fromEntries(report.reconciliation.map((r) => [r.key, r]));
    for (const [key, printed] of Object.entries(PRINTED)) {
      expect(byKey[key], key).toMatchObject({ printed, computed: printed, ok: true });
    }
    expect(report.reconciliation.every((r) => r.ok)).toBe(true);
  });

  it('prints the headline statistics as the report did', () => {
    expect(report.stats.experienceMean.text).toBe('94.24');
    expect(report.stats.unitMean.text).toBe('92.56');
    expect(report.stats.satisfaction.text).toBe('91%');
    expect(report.stats.rectificationShare.text).toBe('88.2%');
    expect(report.stats.internetPlusShare.text).toBe('90%');
  });

  it('keeps the fieldwork figures exactly as printed', () => {
    expect(report.meta.fieldwork).toEqual({
      questionnaires_issued: '910',
      questionnaires_valid: '885',
      forums: '30余',
      site_visits: '32',
    });
    expect(report.survey).toMatchObject({ issued: 910, valid: 885 });
    expect(report.meta.duration).toBe('两个多月');
    expect(report.meta.principles).toEqual(['突出推广推介实效', '突出问题导向', '突出客观公正']);
    expect(report.meta.basis.map((b) => b.code)).toEqual(['淄改办发〔2017〕2号', '淄改办发〔2017〕20号']);
  });

  it('has twenty experiences, nine units and seventeen ranked lead departments', () => {
    expect(report.stats.counts).toMatchObject({ experiences: 20, units: 9, departments: 17, rankedDepartments: 17 });
    expect(report.departments.every((d) => d.ranked && d.rank !== null)).toBe(true);
  });

  it('lists the units in the official order', async () => {
    const units = yaml.load(await readFile(path.join(dataDir, 'units.yaml'), 'utf8')) as { name: string }[];
    expect(units.map((u) => u.name)).toEqual(['张店区', '淄川区', '博山区', '周村区', '临淄区', '桓台县', '高青县', '沂源县', '高新区']);
  });

  it('names the five criteria and the five methods the report names', () => {
    expect(report.scheme.criteria.map((c) => c.name)).toEqual(['工作推进', '责任落实', '考核监督', '实际效果', '舆论宣传']);
    expect(report.scheme.methods.map((m) => m.name)).toEqual(['区县评估', '部门评估', '座谈评估', '现场评估', '问卷评估']);
  });

  it('carries every experience the report names, under its printed title', () => {
    for (const [id, title] of Object.entries(NAMED_EXPERIENCES)) {
      expect(report.experienceById[id]?.title, id).toBe(title);
    }
    expect(report.departmentById['municipal-congress']?.experiences).toEqual(['judge-prosecutor-review', 'budget-review']);
  });

  it('records where the report says an experience was first developed', () => {
    expect(report.experienceById['zichuan-culture-cloud']!.origin).toBe('zichuan');
    expect(report.experienceById['big-data-platform']!.origin).toBe('linzi');
    expect(report.experienceById['cloud-party-building']!.origin).toBe('huantai');
    expect(['huantai', 'high-tech-zone']).toContain(report.experienceById['community-education-alliance']!.origin);
  });

  it('scores the site method on as many experience-unit pairs as the 32 projects visited', () => {
    const visited = report.experiences.flatMap((e) => e.units.filter((u) => u.methods.site !== undefined));
    expect(visited).toHaveLength(Number(report.meta.fieldwork.site_visits));
  });

  it('ranks the two discontinued experiences 19th and 20th, untied', () => {
    const cloud = report.experienceById['zichuan-culture-cloud']!;
    const platforms = report.experienceById['six-data-platforms']!;
    expect([cloud.status, platforms.status]).toEqual(['discontinued', 'discontinued']);
    expect(cloud.statusNote).toBeTruthy();
    expect(platforms.statusNote).toBeTruthy();
    expect([cloud.rank, cloud.tied, platforms.rank, platforms.tied]).toEqual([19, false, 20, false]);
    expect(report.stats.counts.discontinued).toBe(2);
  });

  it('does not apply the judicial-review and budget-review items to the high-tech zone', () => {
    for (const id of ['judge-prosecutor-review', 'budget-review']) {
      expect(report.experienceById[id]!.notApplicable.map((n) => n.unit)).toEqual(['high-tech-zone']);
    }
    const notApplicable = report.unitById['high-tech-zone']!.experiences.filter((e) => e.composite === null);
    expect(notApplicable.map((e) => e.experience)).toEqual(['judge-prosecutor-review', 'budget-review']);
  });

  it('counts the high-tech zone’s two not-applicable items against it, and excluding them raises its score and rank', () => {
    expect(report.scheme.notApplicable).toBe('lowest');
    const baseline = report.unitById['high-tech-zone']!;
    const exclude = report.scenarios.find((s) => s.kind === 'named' && s.notApplicable === 'exclude');
    expect(exclude).toBeDefined();
    const moved = exclude!.units.find((u) => u.id === 'high-tech-zone')!;
    expect(moved.score).toBeGreaterThan(baseline.score);
    expect(moved.rank).toBeLessThan(baseline.rank);
    // Units to which every experience applies are not moved by the policy.
    const zhangdian = exclude!.units.find((u) => u.id === 'zhangdian')!;
    expect(zhangdian.score).toBe(report.unitById.zhangdian!.score);
  });

  it('has eighteen 互联网+ items among the twenty', () => {
    expect(report.stats.counts.internetPlus).toBe(18);
    expect(report.experiences.filter((e) => e.internetPlus)).toHaveLength(18);
  });

  it('gives 15 of the 17 lead departments a rectification plan', () => {
    expect(report.departments.filter((d) => d.rectificationPlan === true)).toHaveLength(15);
  });

  it('shows an 18.5-point spread on the minor-criminal-case mechanism, the widest, with wide spreads on agriculture and home care', () => {
    expect(report.scheme.spreadMethod).toBe('department');
    expect(report.experienceById['minor-criminal-cases']!.spread.value).toBeCloseTo(18.5, 9);
    expect(report.stats.spreadMax?.experience).toBe('minor-criminal-cases');
    for (const id of ['internet-plus-agriculture', 'home-care']) {
      expect(report.experienceById[id]!.spread.value, id).toBeGreaterThanOrEqual(12);
    }
  });

  it('finds 爱工惠 the best-known experience at 73.6% and the least known near 20%', () => {
    expect(report.stats.awarenessMax).toMatchObject({ experience: 'ai-gong-hui', text: '73.6%' });
    expect(report.stats.awarenessMin!.value).toBeGreaterThanOrEqual(0.195);
    expect(report.stats.awarenessMin!.value).toBeLessThan(0.205);
    expect(report.experiences.every((e) => e.awareness !== undefined)).toBe(true);
  });

  it('quotes every activity count the report prints', () => {
    for (const [id, count] of Object.entries(PRINTED_ACTIVITY)) {
      expect(report.activity[id]?.count, id).toBe(count);
    }
  });

  it('marks the scores as illustrative and the report’s own facts as published', () => {
    expect(report.meta.illustrative).toEqual([]);
    expect(report.experiences.every((e) => e.illustrative.includes('scores') && e.illustrative.includes('lead_assessment'))).toBe(true);
    expect(report.survey.illustrative).toContain('satisfied');
    expect(report.provenance).toMatchObject({ unitScores: true, departmentScores: true, experienceScores: true });
    for (const id of Object.keys(PRINTED_ACTIVITY)) expect(report.activity[id]!.illustrative, id).toEqual([]);
    // Titles the report prints are published; the others are marked.
    for (const id of Object.keys(NAMED_EXPERIENCES)) expect(report.experienceById[id]!.illustrative, id).not.toContain('title');
  });
});

describe('the default build', () => {
  it('builds the whole site and prints the published figures on the home page', async () => {
    const site = await builtSite('zibo');
    const home = await readFile(path.join(site, 'index.html'), 'utf8');
    for (const printed of Object.values(PRINTED)) expect(home).toContain(printed);
    for (const count of Object.values(PRINTED_ACTIVITY)) expect(home).toContain(count);
    expect(home).not.toMatch(/\{\{|\{%/);
  }, 300_000);
});
