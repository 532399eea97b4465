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

/**
 * Why each rule of the recommended preset is changed in `.htmlvalidate.json`
 * (JSON has no comments, and html-validate rejects unknown keys, so the
 * reasons live here and the test below keeps the two lists in step).
 */
const ruleExceptions: Record<string, string> = {
  'doctype-style':
    'Stylistic only: `<!doctype html>` and `<!DOCTYPE html>` are the same to every parser (the doctype is case-insensitive).',
  'long-title':
    'The 70-character limit is an English search-snippet heuristic. Page titles here are a Chinese experience title plus the report title, as printed; 140 still catches a runaway title.',
  'prefer-native-element':
    'Kept, except for role="region": a scrollable table sits in <div role="region" aria-label tabindex="0"> so keyboard users can scroll it; a <section> would add a heading-less section to the outline instead.',
  'wcag/h32':
    'The only form is the header search box, which searches as the reader types and is hidden without JavaScript; pressing Enter submits it implicitly. Technique H32 is one sufficient way to meet WCAG 3.2.2, not a requirement.',
};

let config: ConfigData;
let validator: HtmlValidate;
beforeAll(async () => {
  config = JSON.parse(await readFile(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  validator = new HtmlValidate(config);
});

describe('the html-validate configuration', () => {
  it('extends the recommended preset and justifies every rule it changes', () => {
    expect(config.extends).toEqual(['html-validate:recommended']);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(ruleExceptions).sort());
  });

  it('catches an invalid page, so a pass below means something', async () => {
    const report = await validator.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p><div></div></p><button>b</button></body></html>', 'bad.html');
    expect(report.valid).toBe(false);
  });
});

/**
 * Per-edition relaxations: the hostile edition's names are long strings of
 * payloads on purpose, so page titles built from them exceed any sensible
 * title length; that says nothing about the markup, which is what the
 * hostile edition is validated for.
 */
const editionRules: Partial<Record<EditionName, ConfigData['rules']>> = {
  hostile: { 'long-title': 'off' },
};

describe.each<EditionName>(['zibo', 'small', 'hostile'])('every page of the %s site', (edition) => {
  it('is valid HTML with zero html-validate errors', async () => {
    const rules = editionRules[edition];
    const validate = rules ? new HtmlValidate({ ...config, rules: { ...config.rules, ...rules } }) : validator;
    const site = await builtSite(edition);
    const pages = await htmlPages(site);
    expect(pages.length).toBeGreaterThan(5);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validate.validateString(await readFile(path.join(site, page), 'utf8'), page);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
