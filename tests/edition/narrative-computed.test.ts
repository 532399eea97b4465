/**
 * The narrative's figures are computed, not typed: change one survey count
 * in a copy of the Zibo edition and the satisfaction figure in the rendered
 * chapters changes with it, while a printed figure left stale stops the
 * build.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditionError, loadReport } from '../../src/model/load-report.ts';
import { renderChapters } from '../../src/site/render-chapters.ts';
import { projectRoot } from '../helpers/built-site.ts';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A scratch copy of the default edition's data and content folders. */
async function copyEdition(): Promise<{ data: string; content: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-edition-'));
  temps.push(dir);
  const data = path.join(dir, 'data');
  const content = path.join(dir, 'content');
  await cp(path.join(projectRoot, 'data'), data, { recursive: true });
  await cp(path.join(projectRoot, 'content'), content, { recursive: true });
  return { data, content };
}

/** Replaces exactly one occurrence of `from` in a file, failing when it is not there once. */
async function edit(file: string, from: RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text.match(new RegExp(from.source, 'gm')), `${file} ${from}`).toHaveLength(1);
  await writeFile(file, text.replace(new RegExp(from.source, 'm'), to));
}

/** All chapters' HTML joined, as the home page shows it. */
async function narrativeHtml(data: string, content: string): Promise<string> {
  const report = await loadReport({ dataDir: data });
  return renderChapters(content, report)
    .map((c) => c.html)
    .join('\n');
}

describe('the satisfaction figure in the narrative', () => {
  it('is 91% for the edition as published', async () => {
    const { data, content } = await copyEdition();
    expect(await narrativeHtml(data, content)).toContain('群众满意度测评结果为91%');
  });

  it('follows the survey count when the count and its printed figure change together', async () => {
    const { data, content } = await copyEdition();
    // 700 of 885 valid questionnaires is 79.1%, printed at the precision of "91%" as 79%.
    await edit(path.join(data, 'survey.yaml'), /^satisfied: \d+$/, 'satisfied: 700');
    await edit(path.join(data, 'report.yaml'), /^ {2}satisfaction: "91%"$/, '  satisfaction: "79%"');
    const html = await narrativeHtml(data, content);
    expect(html).toContain('群众满意度测评结果为79%');
    expect(html).not.toContain('91%');
  });

  it('is recomputed when no printed figure constrains it', async () => {
    const { data, content } = await copyEdition();
    await edit(path.join(data, 'survey.yaml'), /^satisfied: \d+$/, 'satisfied: 700');
    await edit(path.join(data, 'report.yaml'), /^ {2}satisfaction: "91%"\n/, '');
    const report = await loadReport({ dataDir: data });
    expect(report.stats.satisfaction.value).toBeCloseTo(700 / 885, 12);
    const html = renderChapters(content, report)
      .map((c) => c.html)
      .join('\n');
    expect(report.stats.satisfaction.text).toMatch(/^79(\.\d+)?%$/);
    expect(html).toContain(`群众满意度测评结果为${report.stats.satisfaction.text}`);
  });

  it('stops the build when the survey changes but the printed 91% stays', async () => {
    const { data } = await copyEdition();
    await edit(path.join(data, 'survey.yaml'), /^satisfied: \d+$/, 'satisfied: 700');
    const failure = await loadReport({ dataDir: data }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EditionError);
    const message = (failure as Error).message;
    expect(message).toContain('report.yaml');
    expect(message).toContain('satisfaction');
    expect(message).toContain('91%');
    expect(message).toContain('79%');
  });
});
