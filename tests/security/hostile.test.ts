/**
 * The hostile edition (`tests/fixtures/hostile`) puts script tags,
 * attribute break-outs, `</script>` and `</canvas>` break-outs, template
 * syntax and spreadsheet formulas into every name, title, label, reason and
 * note. Built for real, every page must stay inert and show the payloads as
 * the literal text the editor typed; the downloads must carry them as
 * literal text too, and a browser opening every page sees no dialog.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContext, launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { builtSite, editionDirs } from '../helpers/built-site.ts';
import { startTags, visibleText } from '../helpers/html-tags.ts';
import { inertnessProblems } from '../helpers/page-security.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';
import { htmlPages, pageUrl } from '../helpers/site-files.ts';
import { docxText } from '../helpers/zip-entries.ts';
import { parseCsv } from '../downloads/parse-csv.ts';

const dirs = editionDirs('hostile');
const readYaml = async <T>(file: string): Promise<T> => yaml.load(await readFile(path.join(dirs.data, file), 'utf8')) as T;

interface Named {
  id: string;
  name: string;
}

let site = '';
let pages: string[] = [];
let units: Named[] = [];
let departments: Named[] = [];
let experiences: Array<{ id: string; title: string }> = [];
let meta: { title: string; evaluator: string };
const html = new Map<string, string>();

beforeAll(async () => {
  site = await builtSite('hostile');
  pages = await htmlPages(site);
  for (const page of pages) html.set(page, await readFile(path.join(site, page), 'utf8'));
  units = await readYaml('units.yaml');
  departments = await readYaml('departments.yaml');
  meta = await readYaml('report.yaml');
  experiences = await Promise.all(
    ['01-fast-cases.yaml', '02-one-window.yaml', '03-night-market.yaml'].map((f) => readYaml<{ id: string; title: string }>(`experiences/${f}`)),
  );
});

const page = (file: string): string => {
  const text = html.get(file);
  if (text === undefined) throw new Error(`the hostile site has no ${file}; it has ${pages.join(', ')}`);
  return text;
};

describe('the hostile edition, built', () => {
  it('is built with a page for every unit, department and experience', () => {
    for (const u of units) expect(pages).toContain(`units/${u.id}/index.html`);
    for (const d of departments) expect(pages).toContain(`departments/${d.id}/index.html`);
    for (const e of experiences) expect(pages).toContain(`experiences/${e.id}/index.html`);
  });

  it('has no page with an injected script, event handler, style or script URL', () => {
    const problems = pages.flatMap((p) => inertnessProblems(page(p)).map((problem) => `${p}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('has no element that came from data (img, svg with handlers, iframe, b with handlers)', () => {
    for (const p of pages) {
      const injected = startTags(page(p)).filter(
        (t) => (t.name === 'img' && t.attrs.get('src') === 'x') || t.name === 'iframe' || (t.name === 'svg' && t.attrs.has('onload')),
      );
      expect(injected.map((t) => `${p}: <${t.name}>`)).toEqual([]);
    }
  });

  it("shows each unit's full name, payload included, as literal text on its page", () => {
    for (const u of units) expect(visibleText(page(`units/${u.id}/index.html`))).toContain(u.name);
  });

  it("shows each department's and experience's name as literal text on its page", () => {
    for (const d of departments) expect(visibleText(page(`departments/${d.id}/index.html`))).toContain(d.name);
    for (const e of experiences) expect(visibleText(page(`experiences/${e.id}/index.html`))).toContain(e.title);
  });

  it('shows the report title and the evaluator literally on the home page', () => {
    const text = visibleText(page('index.html'));
    expect(text).toContain(meta.title);
    expect(text).toContain(meta.evaluator);
  });

  it('never evaluates template syntax typed in data: {{ 7*7 }} stays literal and no 49 appears', () => {
    expect(visibleText(page('index.html'))).toContain('{{ 7*7 }}');
    // No score of the fixture is 49, so a whole number 49 could only come from evaluating a payload.
    for (const p of pages) expect(visibleText(page(p)), p).not.toMatch(/(^|[^\d.])49([^\d.]|$)/);
  });

  it('renders raw HTML typed in a Markdown chapter as visible text, not markup', () => {
    const text = visibleText(page('index.html'));
    expect(text).toContain('<script>alert("raw html in markdown")</script>');
    expect(text).toContain('<div onclick="alert(1)">原始HTML块</div>');
    expect(text).toContain('<b onmouseover=alert(1)>粗体</b>');
  });

  it('keeps a javascript: link written in Markdown from becoming a link', () => {
    for (const p of pages) {
      const hrefs = startTags(page(p)).flatMap((t) => (t.attrs.has('href') ? [t.attrs.get('href')!] : []));
      expect(hrefs.filter((h) => /script:/i.test(h))).toEqual([]);
    }
  });

  it('keeps every JSON data block parseable, free of markup, and holding the names intact', () => {
    let blocks = 0;
    for (const p of pages) {
      for (const tag of startTags(page(p)).filter((t) => t.name === 'script' && t.attrs.get('type') === 'application/json')) {
        blocks++;
        expect(tag.text ?? '', p).not.toMatch(/<\/?script|<!--/i);
        expect(() => JSON.parse(tag.text ?? ''), p).not.toThrow();
      }
    }
    const anyJson = pages
      .flatMap((p) => startTags(page(p)).filter((t) => t.name === 'script' && t.attrs.get('type') === 'application/json'))
      .map((t) => JSON.stringify(JSON.parse(t.text ?? 'null')))
      .join('\n');
    // Charts carry their data in JSON blocks, so the hostile names must reach at least one.
    expect(blocks).toBeGreaterThan(0);
    expect(units.some((u) => anyJson.includes(JSON.stringify(u.name).slice(1, -1)))).toBe(true);
  });
});

describe('the hostile edition’s downloads', () => {
  it('lists every unit name literally in annex 1, with formula-like names made inert', async () => {
    const rows = parseCsv((await readFile(path.join(site, 'downloads/annex-1.csv'), 'utf8')).replace(/^\uFEFF/, ''));
    const names = rows.slice(1).map((r) => r[1]);
    for (const u of units) expect(names).toContain(/^[=+\-@]/.test(u.name) ? `'${u.name}` : u.name);
    for (const cell of rows.slice(1).flatMap((r) => [r[1], r[2]])) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('lists every experience title literally in annex 3, formula titles made inert', async () => {
    const rows = parseCsv((await readFile(path.join(site, 'downloads/annex-3.csv'), 'utf8')).replace(/^\uFEFF/, ''));
    const titles = rows.slice(1).map((r) => r[1]);
    for (const e of experiences) expect(titles).toContain(/^[=+\-@]/.test(e.title) ? `'${e.title}` : e.title);
  });

  it('carries the payloads as plain literal text in report.txt, not HTML-escaped', async () => {
    const text = await readFile(path.join(site, 'downloads/report.txt'), 'utf8');
    expect(text).toContain(meta.evaluator);
    expect(text).toContain('<script>alert("raw html in markdown")</script>');
    expect(text).not.toContain('&lt;script');
    expect(text).not.toContain('&quot;');
  });

  it('carries the payloads as literal text in report.docx', async () => {
    const text = docxText(await readFile(path.join(site, 'downloads/report.docx')));
    expect(text).toContain(meta.evaluator);
    expect(text).not.toContain('&lt;script');
  });

  it('keeps every name intact in data/report.json', async () => {
    const json = JSON.parse(await readFile(path.join(site, 'data/report.json'), 'utf8')) as {
      units: Named[];
      experiences: Array<{ id: string; title: string }>;
    };
    expect(json.units.map((u) => u.name).sort()).toEqual(units.map((u) => u.name).sort());
    expect(json.experiences.map((e) => e.title).sort()).toEqual(experiences.map((e) => e.title).sort());
  });
});

describe.skipIf(skipBrowser())('the hostile site in a browser', () => {
  let browser: Browser;
  let server: ServedSite;
  beforeAll(async () => {
    await builtSite('hostile');
    server = await serveSite(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens every page with no dialog, no console error and no request leaving the origin', async () => {
    const context = await browser.newContext();
    const guard = await guardContext(context, server.origin);
    const tab = await context.newPage();
    for (const p of pages) {
      await tab.goto(server.origin + pageUrl(p), { waitUntil: 'load' });
      // Give deferred scripts (charts, search) a moment to run their code on the page.
      await tab.waitForTimeout(150);
    }
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('searches for a hostile unit name and shows the result as text, with no dialog', async () => {
    const context = await browser.newContext();
    const guard = await guardContext(context, server.origin);
    const tab = await context.newPage();
    await tab.goto(server.origin + '/');
    const box = tab.locator('input[type="search"]').first();
    await box.fill('北区');
    const hit = tab.locator(`[data-search-results] a[href*="/units/${units[0]!.id}/"]`).first();
    await hit.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(hit.innerText()).resolves.toContain('北区');
    await tab.waitForTimeout(300);
    expect(guard.list()).toEqual([]);
    await context.close();
  });
});
