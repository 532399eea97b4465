import { describe, expect, it } from 'vitest';
import type { ChapterSource } from '../../src/model/chapter-source.ts';
import { chapterText, reportText, sourceLine } from '../../src/downloads/text.ts';
import { fixtureReport } from './report-fixture.ts';
import { illustrativeProvenance, TEST_NOTICE } from '../helpers/report-shell.ts';

const chapters: ChapterSource[] = [
  {
    slug: 'achievements',
    title: '二、主要成效',
    order: 2,
    markdown: '### （一）以信息化引领\n\n平均得分达到93.00分。',
  },
  {
    slug: 'features',
    title: '一、主要特点',
    order: 1,
    markdown: '## 一、主要特点\n\n市直牵头部门**紧紧围绕**部署。\n\n### （一）以“制度”为先\n\n全部实行\u00A0领导认领\u200B责任制。',
  },
];

const HIDDEN = /[\u00A0\u00AD\u200B-\u200F\u2060\uFEFF]/;

describe('sourceLine(report)', () => {
  it('names the evaluator and the report', () => {
    const report = fixtureReport();
    expect(sourceLine(report)).toBe(`来源：${report.meta.evaluator}《${report.meta.title}》`);
  });
});

describe('chapterText(report, chapter)', () => {
  it('prints the title once, the headings and paragraphs separated by blank lines, and the source line', () => {
    const report = fixtureReport();
    expect(chapterText(report, chapters[1]!)).toBe(
      [
        '一、主要特点',
        '',
        '市直牵头部门紧紧围绕部署。',
        '',
        '（一）以“制度”为先',
        '',
        '全部实行 领导认领责任制。',
        '',
        sourceLine(report),
        '',
      ].join('\r\n'),
    );
  });
});

describe('reportText(report, chapters)', () => {
  const report = fixtureReport();
  const text = reportText(report, chapters);
  const lines = text.split('\r\n');

  it('opens with the title, the evaluator, and the outlet with the date', () => {
    expect(lines.slice(0, 3)).toEqual([report.meta.title, report.meta.evaluator, '淄博日报　2018年7月6日']);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('puts the chapters in order', () => {
    expect(text.indexOf('一、主要特点')).toBeLessThan(text.indexOf('二、主要成效'));
    expect(text.indexOf('（一）以“制度”为先')).toBeLessThan(text.indexOf('（一）以信息化引领'));
  });

  it('writes every annex row with its rank, name and printed score', () => {
    for (const unit of report.units) {
      expect(lines.some((l) => l.includes(unit.name) && l.trim().startsWith(String(unit.rank)) && l.endsWith(unit.text))).toBe(true);
    }
    for (const e of report.experiences) {
      expect(lines.some((l) => l.includes(e.title) && l.includes(e.leadName) && l.endsWith(e.text))).toBe(true);
    }
    expect(text).not.toContain('市档案局');
  });

  it('marks a shared rank 并列 in its own column, the rank staying a number', () => {
    const rows = lines.filter((l) => report.units.some((u) => l.includes(u.name) && l.endsWith(u.text)));
    expect(rows.map((l) => l.trim().split(/ +/).slice(0, 2))).toEqual(report.units.map((u) => [String(u.rank), u.tied ? '并列' : u.name]));
    expect(lines.some((l) => /^排名  并列  单位 +得分$/.test(l))).toBe(true);
  });

  it('prints no 示意 notice when no score is illustrative, and each annex’s own notice under its table when some are', () => {
    expect(text).not.toContain('说明：');
    const illustrative = { ...report, provenance: illustrativeProvenance({ departmentScores: true, experienceScores: true }) };
    const out = reportText(illustrative, chapters).split('\r\n');
    const notes = out.filter((l) => l.startsWith('说明：'));
    expect(notes).toEqual([`说明：附件2${TEST_NOTICE}`, `说明：附件3${TEST_NOTICE}`]);
    // Each notice follows its annex's last row, before the next annex's title.
    expect(out.indexOf(notes[0]!)).toBeLessThan(out.findIndex((l) => l.startsWith('附件3　')));
  });

  it('uses CRLF line ends only and contains no hidden characters', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toMatch(HIDDEN);
  });

  it('ends with the source line', () => {
    expect(text.endsWith(`${sourceLine(report)}\r\n`)).toBe(true);
  });

  it('writes hostile names as plain inert text', () => {
    const hostile = fixtureReport({ units: ['<script>alert(1)</script>', '=cmd', '甲\u200B乙'] });
    const out = reportText(hostile, []);
    expect(out).toContain('<script>alert(1)</script>');
    expect(out).toContain('甲乙');
    expect(out).not.toMatch(HIDDEN);
  });
});

describe('chapterText(report, chapter) for a chapter of 200,000 paragraphs', () => {
  it('writes every paragraph, CRLF ended, without overflowing the stack', () => {
    const report = fixtureReport();
    const markdown = Array.from({ length: 200_000 }, (_, i) => `第${i}段。`).join('\n\n');
    const text = chapterText(report, { slug: 'long', title: '一、很长', order: 1, markdown });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('一、很长');
    expect(lines).toContain('第199999段。');
    expect(text).not.toMatch(/[^\r]\n/);
  }, 120_000);
});
