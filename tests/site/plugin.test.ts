/**
 * The pinggu plugin against a recording stand-in for Eleventy's
 * `eleventyConfig`: what it registers, from the options alone. The whole
 * plugin at work in Eleventy is tested by every site build
 * (`tests/build/`, `tests/site/site.test.ts`).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { filters, safeFilters } from '../../src/site/filters/index.ts';
import { pinggu, siteFolders, type PingguOptions } from '../../src/site/plugin.ts';
import { views } from '../../src/site/views/index.ts';
import { planRenderBatches } from '../../src/site/render-batches.ts';
import { renderChapters, type Chapter } from '../../src/site/render-chapters.ts';
import { editionDirs } from '../helpers/built-site.ts';

/** Everything a plugin asked of Eleventy. */
interface Recorded {
  calls: Array<[string, ...unknown[]]>;
  filters: Map<string, (...args: any[]) => unknown>;
  data: Map<string, unknown>;
  after: Array<(event: { directories: { output: string } }) => unknown>;
}

/** A stand-in `eleventyConfig` that records each call. */
function recordingConfig(): { config: UserConfig; recorded: Recorded } {
  const recorded: Recorded = { calls: [], filters: new Map(), data: new Map(), after: [] };
  const record = (name: string) => (...args: unknown[]) => void recorded.calls.push([name, ...args]);
  const config = {
    addPlugin: record('addPlugin'),
    addGlobalData: (name: string, data: unknown) => void recorded.data.set(name, data),
    addNunjucksFilter: (name: string, fn: (...args: any[]) => unknown) => void recorded.filters.set(name, fn),
    addPassthroughCopy: record('addPassthroughCopy'),
    addWatchTarget: record('addWatchTarget'),
    setNunjucksEnvironmentOptions: record('setNunjucksEnvironmentOptions'),
    setInputDirectory: record('setInputDirectory'),
    setIncludesDirectory: record('setIncludesDirectory'),
    setLayoutsDirectory: record('setLayoutsDirectory'),
    setDataDirectory: record('setDataDirectory'),
    setTemplateFormats: record('setTemplateFormats'),
    on: (event: string, listener: Recorded['after'][number]) => {
      expect(event).toBe('eleventy.after');
      recorded.after.push(listener);
    },
  } as UserConfig;
  return { config, recorded };
}

let report: Report;
let chapters: Chapter[];
let work = '';
beforeAll(async () => {
  const { data, content } = editionDirs('small');
  report = await loadReport({ dataDir: data });
  chapters = renderChapters(content, report);
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-plugin-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The plugin applied to a recording config. */
function applied(options: Partial<PingguOptions> = {}): Recorded {
  const { config, recorded } = recordingConfig();
  pinggu(config, { report, chapters, ...options });
  return recorded;
}

describe('pinggu(eleventyConfig, options)', () => {
  it('registers every site filter and every view under its name, and marks escaped output safe', () => {
    const { filters: registered } = applied();
    expect([...registered.keys()].sort()).toEqual([...Object.keys(filters), ...Object.keys(views)].sort());
    for (const [name, view] of Object.entries(views)) expect(registered.get(name)).toBe(view);
    // A filter whose output is escaped already is wrapped to return Nunjucks' SafeString; the others are registered as they are.
    for (const [name, fn] of Object.entries(filters)) {
      if (safeFilters.has(name)) expect(registered.get(name)).not.toBe(fn);
      else expect(registered.get(name)).toBe(fn);
    }
    expect(registered.get('json')!({ a: '<b>' })).toBeInstanceOf(nunjucks.runtime.SafeString);
  });

  it('hands templates the report, frozen at the top, its chapters, and every page when not batched', async () => {
    const { data } = applied();
    const given = await (data.get('report') as () => Report)();
    expect(Object.isFrozen(given)).toBe(true);
    expect(given.units).toBe(report.units);
    expect(await (data.get('chapters') as () => Chapter[])()).toBe(chapters);
    const pages = await (data.get('batch') as () => { once: true[]; units: unknown[] })();
    expect(pages.once).toEqual([true]);
    expect(pages.units).toBe(report.units);
  });

  it('hands a batched run only its slice of the pages', async () => {
    const plan = planRenderBatches(report, 1);
    const { data } = applied({ batch: plan[1] });
    const pages = await (data.get('batch') as () => { once: true[]; experiences: unknown[]; units: unknown[]; departments: unknown[] })();
    expect(pages.once).toEqual([]);
    expect(pages.experiences.length + pages.units.length + pages.departments.length).toBe(1);
  });

  it('copies only the icon, and watches the given folders and the browser code with a config reset, relative to the working directory', () => {
    const { calls } = applied({ watch: [path.resolve('tests/fixtures/small/data')] });
    expect(calls.filter(([name]) => name === 'addPassthroughCopy')).toEqual([['addPassthroughCopy', { 'assets/favicon.svg': 'favicon.svg' }]]);
    expect(calls.filter(([name]) => name === 'addWatchTarget')).toEqual([
      ['addWatchTarget', path.join('tests', 'fixtures', 'small', 'data'), { resetConfig: true }],
      ['addWatchTarget', 'assets', { resetConfig: true }],
      ['addWatchTarget', path.join('src', 'client'), { resetConfig: true }],
    ]);
  });

  it('writes the bundled assets after the pages and then calls whenWritten, once, with the site folder', async () => {
    const written: string[] = [];
    const { after } = applied({ whenWritten: async (dir) => void written.push(dir) });
    expect(after).toHaveLength(1);
    const out = path.join(work, 'one-run');
    await after[0]!({ directories: { output: out } });
    expect(written).toEqual([out]);
    const manifest = JSON.parse(await readFile(path.join(out, 'assets', 'manifest.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(['charts', 'css', 'prefs', 'site']);
  });

  it('leaves the shared files to the last run of a batched build', async () => {
    const plan = planRenderBatches(report, 1);
    const written: number[] = [];
    for (const batch of plan) {
      const { after } = applied({ batch, whenWritten: async () => void written.push(batch.index) });
      await after[0]!({ directories: { output: path.join(work, 'batched') } });
    }
    expect(written).toEqual([plan.length - 1]);
  });
});

describe('siteFolders(eleventyConfig, input)', () => {
  it('sets the template folders, Nunjucks templates only, from templates/ unless told another input', () => {
    const { config, recorded } = recordingConfig();
    siteFolders(config);
    siteFolders(config, 'elsewhere');
    expect(recorded.calls).toEqual([
      ['setInputDirectory', 'templates'],
      ['setIncludesDirectory', '_includes'],
      ['setLayoutsDirectory', '_includes/layouts'],
      ['setDataDirectory', '_data'],
      ['setTemplateFormats', ['njk']],
      ['setInputDirectory', 'elsewhere'],
      ['setIncludesDirectory', '_includes'],
      ['setLayoutsDirectory', '_includes/layouts'],
      ['setDataDirectory', '_data'],
      ['setTemplateFormats', ['njk']],
    ]);
  });
});
