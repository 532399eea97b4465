/**
 * Every built page carries a Content-Security-Policy that lets scripts run
 * only from the site itself, and contains nothing that such a policy would
 * have to allow inline: no inline scripts (JSON data blocks excepted), no
 * event-handler attributes, no inline styles.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type EditionName } from '../helpers/built-site.ts';
import { cspProblems, inertnessProblems, parseCsp } from '../helpers/page-security.ts';
import { htmlPages } from '../helpers/site-files.ts';

describe('parseCsp(policy)', () => {
  it.each([
    ["script-src 'self'", { 'script-src': ["'self'"] }],
    ["default-src 'self'; script-src 'self' 'wasm-unsafe-eval';", { 'default-src': ["'self'"], 'script-src': ["'self'", "'wasm-unsafe-eval'"] }],
    ["SCRIPT-SRC 'self'; script-src *", { 'script-src': ["'self'"] }],
  ])('reads %j into directives, the first of a repeated directive winning', (policy, expected) => {
    expect(parseCsp(policy)).toEqual(expected);
  });
});

describe('cspProblems(html)', () => {
  const meta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  it.each([
    ["default-src 'self'", []],
    ["default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'", []],
  ])('accepts %s', (policy, expected) => {
    expect(cspProblems(meta(policy))).toEqual(expected);
  });
  it.each([
    ["default-src 'self'; script-src 'self' 'unsafe-inline'", 'unsafe-inline'],
    ["default-src 'self'; script-src 'self' 'unsafe-eval'", 'unsafe-eval'],
    ["default-src 'self'; script-src *", 'lacks'],
    ["default-src 'self'; style-src 'self' 'unsafe-inline'", 'style-src'],
    ["img-src 'self'", 'neither'],
  ])('rejects %s', (policy, problem) => {
    expect(cspProblems(meta(policy)).join('\n')).toContain(problem);
  });
  it('rejects a page without a policy', () => {
    expect(cspProblems('<html><head></head></html>')).toEqual(['expected one CSP meta tag, found 0']);
  });
});

describe('inertnessProblems(html)', () => {
  it.each([
    '<script src="/assets/js/site.js" defer></script>',
    '<script type="application/json" id="d">{"name":"\\u003c/script\\u003e"}</script>',
    '<p title="&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    '<title>a &lt;/title&gt;&lt;script&gt;</title>',
    '<a href="/units/a/">北区</a>',
  ])('passes inert markup: %s', (html) => {
    expect(inertnessProblems(html)).toEqual([]);
  });
  it.each([
    ['<script>alert(1)</script>', 'inline script'],
    ['<script type="module">import "x"</script>', 'inline script'],
    ['<script src="https://cdn.example/x.js"></script>', 'another origin'],
    ['<script type="application/json">{"a":"</script><script>alert(1)</script>"}</script>', 'inline script'],
    ['<img src=x onerror=alert(1)>', 'event handler onerror'],
    ['<p style="color:red">x</p>', 'style attribute'],
    ['<style>p{}</style>', 'inline style element'],
    ['<a href="javascript:alert(1)">x</a>', 'script URL'],
    ['<a href=" java\tscript:alert(1)">x</a>', 'script URL'],
    ['<iframe src="/x"></iframe>', 'embedding element'],
    ['<title>x</title><script>alert(1)</script>', 'inline script'],
  ])('flags %s', (html, problem) => {
    expect(inertnessProblems(html).join('\n')).toContain(problem);
  });
});

describe.each<EditionName>(['zibo', 'small', 'hostile'])('every page of the %s site', (edition) => {
  let site = '';
  let pages: string[] = [];
  beforeAll(async () => {
    site = await builtSite(edition);
    pages = await htmlPages(site);
  });

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it("declares a CSP allowing scripts only from 'self', with no 'unsafe-inline'", async () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const problem of cspProblems(await readFile(path.join(site, page), 'utf8'))) problems.push(`${page}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no inline script, event handler, inline style or script URL', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const problem of inertnessProblems(await readFile(path.join(site, page), 'utf8'))) problems.push(`${page}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
