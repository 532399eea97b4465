/**
 * Every built page is valid HTML: html-validate with the recommended preset
 * (and the project's commented exceptions in `.htmlvalidate.json`) reports
 * zero errors, on the default edition, the small fixture and the hostile
 * edition (whose names are full of markup that must arrive as text).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, projectRoot, type EditionName } from '../helpers/built-site.ts';
import { htmlPages } from '../helpers/site-files.ts';

let validator: HtmlValidate;
beforeAll(async () => {
  const config = JSON.parse(await readFile(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData & { $comment?: unknown };
  validator = new HtmlValidate(config);
});

describe('the html-validate configuration', () => {
  it('catches an invalid page, so a pass below means something', async () => {
    const report = await validator.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p><div></div></p><button>b</button></body></html>', 'bad.html');
    expect(report.valid).toBe(false);
  });
});

describe.each<EditionName>(['zibo', 'small', 'hostile'])('every page of the %s site', (edition) => {
  it('is valid HTML with zero html-validate errors', async () => {
    const site = await builtSite(edition);
    const pages = await htmlPages(site);
    expect(pages.length).toBeGreaterThan(5);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readFile(path.join(site, page), 'utf8'), page);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
