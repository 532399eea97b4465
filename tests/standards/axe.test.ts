/**
 * Accessibility: axe-core finds zero violations on every page type (home,
 * method, an experience, a unit, a department, downloads), in the light and
 * the dark colour scheme. axe is injected with `page.evaluate`, which the
 * pages' Content-Security-Policy does not govern, so the policy stays on.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContext, launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { builtSite } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';
import { pageTypes, pageUrl } from '../helpers/site-files.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** One violation per line: rule, impact, help and the first few offending nodes. */
function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
}

describe.skipIf(skipBrowser())('accessibility of every page type (axe-core)', () => {
  let browser: Browser;
  let server: ServedSite;
  let axeSource = '';
  let types: Record<string, string> = {};

  beforeAll(async () => {
    const site = await builtSite('zibo');
    types = await pageTypes(site);
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    server = await serveSite(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
    it.each(['home', 'method', 'experience', 'unit', 'department', 'downloads'])('finds zero violations on the %s page', async (type) => {
      const context = await browser.newContext({ colorScheme });
      const guard = await guardContext(context, server.origin);
      const page = await context.newPage();
      await page.goto(server.origin + pageUrl(types[type]!), { waitUntil: 'load' });
      // Let the page's own scripts (charts, 大字 preference) finish drawing.
      await page.waitForTimeout(200);
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      })) as AxeViolation[];
      expect(describeViolations(violations)).toEqual([]);
      expect(guard.list()).toEqual([]);
      await context.close();
    });
  });
});
