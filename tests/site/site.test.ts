/**
 * Whole-site tests of the report site: two editions of different shapes
 * (the `small` fixture and the `other` fixture: one decimal, the exclude
 * policy, an idle department, partial survey awareness, an uncertainty
 * analysis that the small one lacks) are built for real
 * with the build CLI, and their HTML is checked against the report computed
 * from the same data. Nothing here knows the Zibo edition.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { rankCertaintyNote } from '../../src/site/filters/rank-certainty-note.ts';
import { rankLabel } from '../../src/site/filters/rank-label.ts';
import { rankRange } from '../../src/site/filters/rank-range.ts';
import { uncertaintySection } from '../../src/site/views/uncertainty-section.ts';
import { renderChapters } from '../../src/site/render-chapters.ts';
import { launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { builtSite, projectRoot, runBuildCli } from '../helpers/built-site.ts';
import { decodeEntities } from '../helpers/html-tags.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

interface Edition {
  name: string;
  data: string;
  content: string;
  build: () => Promise<string>;
}

const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);

/** `other` is this suite's own edition, built once into a temporary folder. */
let otherSite: Promise<string> | undefined;
let otherRoot: string | undefined;
afterAll(() => (otherRoot ? rm(otherRoot, { recursive: true, force: true }) : undefined));
function buildOther(): Promise<string> {
  otherSite ??= (async () => {
    otherRoot = await mkdtemp(path.join(os.tmpdir(), 'pinggu-other-'));
    const out = path.join(otherRoot, '_site');
    const run = await runBuildCli(['--out', out, '--data', path.join(fixture('other'), 'data'), '--content', path.join(fixture('other'), 'content')]);
    if (run.code !== 0) throw new Error(`构建 other 失败:\n${run.stderr}${run.stdout}`);
    return out;
  })();
  return otherSite;
}

const editions: Edition[] = [
  { name: 'small', data: path.join(fixture('small'), 'data'), content: path.join(fixture('small'), 'content'), build: () => builtSite('small') },
  { name: 'other', data: path.join(fixture('other'), 'data'), content: path.join(fixture('other'), 'content'), build: buildOther },
];

/** The text of an HTML fragment as a reader sees it (tags dropped, entities decoded, spaces collapsed). */
function text(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');
}

/** The element that starts with `<tag … id="id"` up to its matching close tag (same-tag nesting counted). */
function elementById(html: string, tag: string, id: string): string {
  const start = html.search(new RegExp(`<${tag}\\b[^>]*\\bid="${id}"`));
  if (start < 0) return '';
  const pattern = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

/** The body rows of the first table in `html`. */
function bodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.match(/<tr\b[\s\S]*?<\/tr>/g) ?? [];
}

describe.each(editions)('the site built from the $name edition', (edition) => {
  let site: string;
  let report: Report;
  const page = (file: string) => readFile(path.join(site, file), 'utf8');

  beforeAll(async () => {
    site = await edition.build();
    report = await loadReport({ dataDir: edition.data });
  });

  describe('the home page', () => {
    let home: string;
    beforeAll(async () => {
      home = await page('index.html');
    });

    it('has one h1, the report title, and the title block from the data', () => {
      expect(home.match(/<h1\b/g)).toHaveLength(1);
      const block = text(/<div class="title-block">([\s\S]*?)<\/div>/.exec(home)?.[1] ?? '');
      for (const part of [report.meta.title, report.meta.evaluator, report.meta.commissionedBy, report.meta.published.outlet]) {
        expect(block).toContain(part);
      }
      for (const doc of report.meta.basis) expect(block).toContain(doc.code);
    });

    it('shows the key figures computed for this edition', () => {
      const figures = text(elementById(home, 'section', 'key-figures-title') || (/<section class="key-figures"[\s\S]*?<\/section>/.exec(home)?.[0] ?? ''));
      expect(figures).toContain(report.stats.experienceMean.text);
      expect(figures).toContain(report.stats.unitMean.text);
      expect(figures).toContain(report.stats.satisfaction.text);
    });

    it('renders every chapter in its own section, in order, with its headings linked from the contents', () => {
      const chapters = renderChapters(edition.content, report);
      expect(chapters.length).toBeGreaterThan(0);
      let last = -1;
      for (const chapter of chapters) {
        const at = home.indexOf(`<section class="chapter prose" id="${chapter.slug}"`);
        expect(at, chapter.slug).toBeGreaterThan(last);
        last = at;
        expect(text(elementById(home, 'section', chapter.slug))).toContain(chapter.title);
        const toc = elementById(home, 'nav', 'contents');
        expect(toc).toContain(`href="#${chapter.slug}"`);
        for (const heading of chapter.outline) expect(toc).toContain(`href="#${heading.id}"`);
        for (const heading of chapter.headings) {
          expect(home).toContain(`id="${heading.id}"`);
          expect(home).toContain(`<a class="heading-anchor" href="#${heading.id}" data-pagefind-ignore="" aria-label="复制本节链接">`);
        }
      }
    });

    it('gives every id on the page once', () => {
      const ids = [...home.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('lists every unit in annex 1 in rank order, with 并列 on shared ranks', () => {
      const rows = bodyRows(elementById(home, 'figure', 'annex-1-table'));
      expect(rows).toHaveLength(report.units.length);
      report.units.forEach((unit, i) => {
        const row = text(rows[i] ?? '');
        expect(row).toContain(unit.name);
        expect(row).toContain(unit.text);
        expect(row.trim().startsWith(String(unit.rank))).toBe(true);
        expect(row.includes('并列')).toBe(unit.tied);
        expect(rows[i]).toContain(`href="/units/${unit.id}/"`);
      });
    });

    it('lists every department in annex 2, ranked ones with their score and idle ones marked as not ranked', () => {
      const rows = bodyRows(elementById(home, 'figure', 'annex-2-table'));
      expect(rows).toHaveLength(report.departments.length);
      report.departments.forEach((dept, i) => {
        const row = text(rows[i] ?? '');
        expect(row).toContain(dept.name);
        if (dept.ranked) expect(row).toContain(dept.text ?? '');
        else expect(row).toContain('不排名');
        expect(row.includes('并列')).toBe(dept.tied);
      });
    });

    it('lists every experience in annex 3 with its lead department, flagging discontinued ones with their reason', () => {
      const rows = bodyRows(elementById(home, 'figure', 'annex-3-table'));
      expect(rows).toHaveLength(report.experiences.length);
      report.experiences.forEach((exp, i) => {
        const row = text(rows[i] ?? '');
        expect(row).toContain(exp.title);
        expect(row).toContain(exp.leadName);
        expect(row).toContain(exp.text);
        expect(row.includes('并列')).toBe(exp.tied);
        if (exp.status === 'discontinued') {
          expect(row).toContain('未持续推广');
          expect(row).toContain(exp.statusNote ?? '');
        } else {
          expect(row).not.toContain('未持续推广');
        }
      });
    });

    it('shows the illustrative note under an annex exactly when its scores are illustrative', () => {
      const flags = [report.provenance.unitScores, report.provenance.departmentScores, report.provenance.experienceScores];
      flags.forEach((flag, i) => {
        const annex = elementById(home, 'section', `annex-${i + 1}`);
        expect(annex.includes('示意值'), `annex-${i + 1}`).toBe(flag);
        expect(annex).toContain(`/downloads/annex-${i + 1}.csv`);
      });
    });

    it('gives every chart a data table that reads without JavaScript: its own, or an annex it links to', () => {
      const figures = home.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
      expect(figures.length).toBeGreaterThanOrEqual(3);
      /** The rows behind a chart: the annex table its canvas points at, else its own table. */
      const rowsBehind = (figure: string) => {
        const ref = /aria-details="([^"]+)"/.exec(figure)?.[1];
        if (ref) expect(figure).toMatch(new RegExp(`<p class="chart-table-ref">数据见<a href="#${ref}">附件\\d</a>。</p>`));
        return bodyRows(ref ? elementById(home, 'figure', ref) : figure);
      };
      for (const figure of figures) {
        expect(figure).toMatch(/<canvas[^>]*role="img"[^>]*aria-label="[^"]+"/);
        expect(rowsBehind(figure).length).toBeGreaterThan(0);
      }
      // The unit and experience rankings are annexes 1 and 3 row for row, so they are not listed twice.
      const unitChart = figures.find((f) => f.includes('id="chart-unit-ranking"')) ?? '';
      expect(unitChart).toContain('aria-details="annex-1-table"');
      expect(unitChart).not.toContain('<table');
      expect(rowsBehind(unitChart)).toHaveLength(report.units.length);
      const experienceChart = figures.find((f) => f.includes('id="chart-experience-scores"')) ?? '';
      expect(experienceChart).toContain('aria-details="annex-3-table"');
      expect(rowsBehind(experienceChart)).toHaveLength(report.experiences.length);
    });
  });

  it('has a page for every unit with its score, rank and every experience', async () => {
    for (const unit of report.units) {
      const html = await page(`units/${unit.id}/index.html`);
      expect(text(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')).toBe(unit.name);
      const body = text(html);
      expect(body).toContain(unit.text);
      expect(body).toContain(rankLabel(unit));
      const rows = bodyRows(elementById(html, 'figure', 'unit-experiences-table'));
      expect(rows).toHaveLength(report.experiences.length);
      for (const entry of unit.experiences) {
        const row = rows.find((r) => r.includes(`href="/experiences/${entry.experience}/"`)) ?? '';
        if (entry.composite) expect(text(row)).toContain(entry.composite.text);
        else expect(text(row)).toContain(entry.notApplicableReason ?? '不适用');
      }
      for (const entry of [...unit.strongest, ...unit.weakest]) expect(html).toContain(`href="/experiences/${entry.experience}/"`);
      expect(body.includes('示意值')).toBe(report.provenance.unitScores);
    }
  });

  it('has a page for every experience with each unit, the spread, status, reasons and the lead department', async () => {
    for (const exp of report.experiences) {
      const html = await page(`experiences/${exp.id}/index.html`);
      const body = text(html);
      expect(text(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')).toBe(exp.title);
      expect(body).toContain(exp.text);
      expect(body).toContain(rankLabel(exp));
      expect(body).toContain(exp.spread.text);
      expect(html).toContain(`href="/departments/${exp.lead}/"`);
      const rows = bodyRows(elementById(html, 'figure', 'experience-units-table'));
      expect(rows).toHaveLength(exp.units.length);
      exp.units.forEach((u, i) => expect(text(rows[i] ?? '')).toContain(u.composite.text));
      for (const na of exp.notApplicable) expect(body).toContain(na.reason);
      if (exp.awareness) expect(body).toContain(exp.awareness.text);
      expect(body.includes('未持续推广')).toBe(exp.status === 'discontinued');
      // The chart carries no copy of the table: it points at the unit table checked above.
      const chart = elementById(html, 'figure', `chart-experience-units-${exp.id}`);
      expect(chart).toContain('<canvas');
      expect(chart).toContain('aria-details="experience-units-table"');
      expect(chart).toContain('href="#experience-units-table"');
      expect(chart).not.toContain('<tbody>');
    }
  });

  it('has a page for every department with the experiences it leads and their assessment by criterion', async () => {
    for (const dept of report.departments) {
      const html = await page(`departments/${dept.id}/index.html`);
      const body = text(html);
      expect(text(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')).toBe(dept.name);
      if (!dept.ranked) {
        expect(body).toContain('不参加排名');
        continue;
      }
      expect(body).toContain(dept.text ?? '');
      expect(body).toContain(rankLabel(dept));
      const rows = bodyRows(elementById(html, 'figure', 'department-experiences-table'));
      expect(rows).toHaveLength(dept.experiences.length);
      for (const id of dept.experiences) {
        const exp = report.experienceById[id]!;
        const row = text(rows.find((r) => r.includes(`href="/experiences/${id}/"`)) ?? '');
        for (const criterion of report.scheme.criteria) {
          const points = exp.leadAssessment[criterion.id];
          if (points !== undefined) expect(row).toContain(String(points));
        }
      }
    }
  });

  it('explains the method with every criterion, method, scenario and a sensitivity row for every unit', async () => {
    const html = await page('method/index.html');
    const body = text(html);
    for (const c of report.scheme.criteria) expect(body).toContain(c.name);
    for (const m of report.scheme.methods) expect(body).toContain(m.name);
    const table = elementById(html, 'figure', 'sensitivity-units');
    const head = text(/<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '');
    for (const s of report.scenarios) expect(head).toContain(s.name);
    expect(head).toContain('各方案下名次范围');
    const rows = bodyRows(table);
    expect(rows).toHaveLength(report.units.length);
    const byBaseRank = [...report.units].sort((a, b) => a.rank - b.rank).map((u) => `href="/units/${u.id}/"`);
    expect(rows.map((tr) => byBaseRank.find((href) => tr.includes(href)))).toEqual(byBaseRank);
    for (const row of report.sensitivity.units) {
      const tr = rows.find((r) => r.includes(`href="/units/${row.id}/"`)) ?? '';
      const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => text(m[1] ?? ''));
      expect(cells).toEqual([String(row.ranks.baseline), ...report.scenarios.map((s) => String(row.ranks[s.id] ?? '—')), row.min === row.max ? String(row.min) : `${row.min}～${row.max}`]);
    }
    if (report.sensitivity.biggestMover) expect(body).toContain(report.sensitivity.biggestMover.sentence);
  });

  describe('how sure each rank is', () => {
    /** Every ranked item's page, the kind its score is, its interval (if any) and the filter's phrase for it. */
    const pages = () => [
      ...report.units.map((u) => ({ file: `units/${u.id}/index.html`, item: u, kind: 'unit' })),
      ...report.departments.map((d) => ({ file: `departments/${d.id}/index.html`, item: d, kind: 'department' })),
      ...report.experiences.map((e) => ({ file: `experiences/${e.id}/index.html`, item: e, kind: 'experience' })),
    ];
    const certaintyOf = (html: string) => text(/<p class="rank-certainty">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');

    it('says it in one sentence on every page of a ranked item, and nothing anywhere without an analysis', async () => {
      for (const { file, item, kind } of pages()) {
        const html = await page(file);
        const sentence = rankCertaintyNote(item, report.uncertainty, kind);
        if (!report.uncertainty || !item.uncertainty) {
          expect(sentence, file).toBe('');
          expect(html, file).not.toContain('rank-certainty');
          continue;
        }
        expect(sentence.startsWith(`排名：${rankLabel(item)}（`), file).toBe(true);
        expect(certaintyOf(html), file).toBe(`${sentence}详见评估说明。`);
        expect(html, file).toContain('href="/method/#uncertainty"');
      }
    });

    it('carries the 90% interval as a column of every annex, explained under it, only with an analysis', async () => {
      const home = await page('index.html');
      const annexes = [
        ['annex-1', report.units],
        ['annex-2', report.departments],
        ['annex-3', report.experiences],
      ] as const;
      for (const [annex, items] of annexes) {
        const figure = elementById(home, 'figure', `${annex}-table`);
        const note = elementById(home, 'p', `${annex}-interval-note`);
        if (!report.uncertainty) {
          expect(figure).not.toContain('90%区间');
          expect(note).toBe('');
          continue;
        }
        expect(figure).toContain(`<th scope="col" class="num" aria-describedby="${annex}-interval-note">90%区间</th>`);
        expect(text(note)).toMatch(/^90%区间：.+详见评估说明。$/);
        bodyRows(figure).forEach((row, i) => {
          const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => text(m[1] ?? ''));
          expect(cells.at(-1), `${annex} row ${i + 1}`).toBe(rankRange(items[i]!.uncertainty));
          // The rank stays a number: the first cell.
          expect(cells[0]?.startsWith(String(items[i]!.rank ?? '—'))).toBe(true);
        });
      }
    });

    it('explains it on the method page, with a chart and its table for every view that moves, or shows no section at all', async () => {
      const html = await page('method/index.html');
      const section = uncertaintySection(report);
      if (!section) {
        expect(html).not.toContain('aria-labelledby="uncertainty"');
        expect(html).not.toContain('<figure class="chart"');
        return;
      }
      // The section runs to the end of the page's content.
      const words = text(html.slice(html.indexOf('<section class="prose" aria-labelledby="uncertainty">')));
      expect(html).toContain('<h2 id="uncertainty">排名有多确定</h2>');
      const sentences = [section.intro, section.widthNote, section.influence, ...section.views.flatMap((v) => [v.text, v.indistinctText])];
      for (const sentence of sentences) expect(words).toContain(sentence);
      expect(bodyRows(elementById(html, 'figure', 'uncertainty-assumptions'))).toHaveLength(3);
      expect(words.includes('示意数据')).toBe(report.scheme.illustrative.includes('uncertainty'));
      expect(/assets\/js\/charts\.[0-9a-f]+\.js/.test(html)).toBe(section.hasCharts);
      for (const view of section.views) {
        const figure = elementById(html, 'figure', `chart-${view.chart?.id ?? 'none'}`);
        if (!view.chart) {
          expect(figure).toBe('');
          continue;
        }
        expect(figure).toContain('chart-key--median');
        const rows = bodyRows(figure);
        expect(rows).toHaveLength(report.uncertainty![view.id].length);
        report.uncertainty![view.id].forEach((item, i) => expect(text(rows[i] ?? '')).toContain(rankRange(item)));
        for (const group of view.indistinct) for (const member of group.members) expect(html).toContain(`href="${view.href}${member.id}/">`);
      }
    });
  });

  it('names every reconciled figure and fieldwork figure in Chinese on the method page and states the one tie convention', async () => {
    const html = await page('method/index.html');
    const rows = bodyRows(elementById(html, 'figure', 'reconciliation-table'));
    expect(rows).toHaveLength(report.reconciliation.length);
    report.reconciliation.forEach((r, i) => {
      const name = text(/<th scope="row">([\s\S]*?)<\/th>/.exec(rows[i] ?? '')?.[1] ?? '');
      expect(name).toBe(r.label);
      expect(name).not.toMatch(/[a-z_]/);
    });
    const body = text(html);
    for (const key of Object.keys(report.meta.fieldwork)) expect(body, key).not.toContain(key);
    expect(text(elementById(html, 'section', 'rounding') || html)).toMatch(/“排名”列只写名次数字.*“并列”列注明“并列”/);
  });

  it('carries the 示意 notice, worded as the data words it, with every annex and page of illustrative scores, and nowhere else', async () => {
    const home = await page('index.html');
    const { annexNotices, pageNotices, downloadsNotice } = report.provenance;
    const notes = [annexNotices.units, annexNotices.departments, annexNotices.experiences];
    notes.forEach((note, i) => {
      const annex = elementById(home, 'section', `annex-${i + 1}`);
      if (note) {
        expect(annex).toContain(`data-copy-note="${note}"`);
        expect(text(annex)).toContain(note);
      } else expect(annex).not.toContain('data-copy-note');
    });
    const charts = elementById(home, 'section', 'charts');
    if (charts) expect(charts.includes(`data-copy-note="${pageNotices.charts}"`)).toBe(pageNotices.charts !== null);
    const unitPage = await page(`units/${report.units[0]!.id}/index.html`);
    expect(unitPage.includes(`data-copy-note="${pageNotices.units}"`)).toBe(pageNotices.units !== null);
    const downloads = text(await page('downloads/index.html'));
    if (downloadsNotice) expect(downloads).toContain(downloadsNotice);
    else expect(downloads).not.toMatch(/示意|说明：/);
    if (report.provenance.notice === null) {
      for (const file of ['index.html', 'downloads/report.txt', 'downloads/annexes.txt', 'data/report.json']) expect(await page(file), file).not.toContain('示意');
    }
  });

  it('puts the same page shell on every page: CSP, zh-CN, viewport, description, search box and hashed assets', async () => {
    const manifest = JSON.parse(await page('assets/manifest.json')) as Record<string, string>;
    expect(manifest.site).toMatch(/^\/assets\/js\/site\.[0-9a-f]{10}\.js$/);
    expect(manifest.css).toMatch(/^\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
    for (const url of Object.values(manifest)) expect((await stat(path.join(site, url))).size).toBeGreaterThan(0);
    const pages = ['index.html', 'method/index.html', `units/${report.units[0]!.id}/index.html`, `departments/${report.departments[0]!.id}/index.html`];
    for (const file of pages) {
      const html = await page(file);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      expect(html).toMatch(/<meta name="description" content="[^"]{10,}">/);
      expect(html).toContain(`<script type="module" src="${manifest.site}">`);
      expect(html).toContain('id="site-search-input"');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });

  it('loads the charts script only on pages that have a chart', async () => {
    const manifest = JSON.parse(await page('assets/manifest.json')) as Record<string, string>;
    const files = [
      'index.html',
      'method/index.html',
      ...report.units.map((u) => `units/${u.id}/index.html`),
      ...report.experiences.map((e) => `experiences/${e.id}/index.html`),
    ];
    for (const file of files) {
      const html = await page(file);
      expect(html.includes(manifest.charts ?? 'charts.'), file).toBe(html.includes('<figure class="chart"'));
    }
  });

  it('writes a Pagefind index covering every page', async () => {
    const entry = JSON.parse(await page('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    const counted = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    expect(Object.keys(entry.languages)).toContain('zh-cn');
    expect(counted).toBeGreaterThanOrEqual(2 + report.units.length + report.departments.length + report.experiences.length);
    expect((await readdir(path.join(site, 'pagefind'))).length).toBeGreaterThan(0);
  });

  describe.skipIf(skipBrowser())('search in the browser', () => {
    let served: ServedSite;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    beforeAll(async () => {
      served = await serveSite(site);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    it('finds the page of every unit, department and experience by its Chinese name', async () => {
      const page = await browser.newPage();
      await page.goto(`${served.origin}/`);
      // A string, not a function: vitest would rewrite a function's import() before it reaches the page.
      const search = (term: string): Promise<string[]> =>
        page.evaluate(`(async () => {
          const pagefind = await import('/pagefind/pagefind.js');
          await pagefind.init();
          const found = await pagefind.search(${JSON.stringify(term)});
          const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
          return data.map((d) => d.url);
        })()`);
      const targets = [
        ...report.units.map((u) => [u.name, `/units/${u.id}/`]),
        ...report.departments.map((d) => [d.name, `/departments/${d.id}/`]),
        ...report.experiences.map((e) => [e.title, `/experiences/${e.id}/`]),
      ];
      for (const [term, url] of targets) expect(await search(term!), term).toContain(url);
      await page.close();
    });

    it('lists results in the header search box only after the reader uses it', async () => {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${served.origin}/method/`, { waitUntil: 'networkidle' });
      expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(false);
      const unit = report.units[report.units.length - 1]!;
      await page.locator('#site-search-input').fill(unit.name);
      const hit = page.locator(`[data-search-results] a[href*="/units/${unit.id}/"]`).first();
      await hit.waitFor({ timeout: 10_000 });
      expect(requested.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
      expect(await page.locator('[data-search-status]').textContent()).toMatch(/找到\d+个相关页面/);
      await page.close();
    });
  });
});
