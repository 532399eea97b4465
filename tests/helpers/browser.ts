/**
 * The shared browser harness: Debian's chromium driven by playwright-core,
 * a guard that records everything a page must never do (log a console
 * error, throw, open a dialog, request another origin), and the rule that
 * browser tests may skip on a developer machine without chromium but must
 * fail in CI.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs } from '../../scripts/lib/chromium-args.ts';

/** Chromium's flags, the ones the PDF step uses (scripts/lib/chromium-args.ts). */
export { chromiumArgs };

/**
 * Where Debian installs chromium.
 *
 * @example
 * chromiumPath; // '/usr/bin/chromium'
 */
export const chromiumPath = '/usr/bin/chromium';

/**
 * True when the browser tests can run here.
 *
 * @example
 * if (!hasChromium) console.warn('browser tests will be skipped');
 */
export const hasChromium = existsSync(chromiumPath);

/**
 * Whether browser suites should be skipped: only when chromium is missing
 * outside CI. In CI a missing chromium throws, so the suite fails loudly
 * instead of passing by skipping. Use as `describe.skipIf(skipBrowser())`;
 * the arguments exist so the rule itself can be tested.
 *
 * @example
 * describe.skipIf(skipBrowser())('the home page', () => { … });
 * skipBrowser({ present: false, ci: undefined }); // true
 * skipBrowser({ present: false, ci: 'true' });    // throws
 */
export function skipBrowser(given: { present?: boolean; ci?: string | undefined } = {}): boolean {
  // `ci: undefined` means "not in CI", so the environment is read only when the key is absent.
  const present = 'present' in given ? given.present : hasChromium;
  const ci = 'ci' in given ? given.ci : process.env.CI;
  if (present) return false;
  if (ci && ci !== 'false' && ci !== '0') {
    throw new Error(`CI 环境缺少浏览器 ${chromiumPath} (chromium is required in CI; run .ci/run or apt-get install chromium)`);
  }
  return true;
}

/**
 * Launches headless chromium with sandboxing, GPU and every kind of
 * background networking off, so the only requests are the page's own.
 *
 * @example
 * const browser = await launchBrowser();
 * await browser.close();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
}


/** Everything a guarded page did that it must not do. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  foreignRequests: string[];
}

/** A guard on one page or context; see {@link guardContext}. */
export interface Guard {
  problems: PageProblems;
  /** Every problem as one readable list; empty when the page behaved. */
  list(): string[];
  /** Forgets what was recorded so far (to check one step on its own). */
  reset(): void;
}

/**
 * Watches every page of `context`: console errors, uncaught exceptions,
 * dialogs (dismissed at once, so an injected `alert` cannot block the test)
 * and requests to any origin other than `origin` (aborted, so a test never
 * waits on the network). `data:` and `blob:` URLs are the page's own.
 *
 * @example
 * const guard = guardContext(context, origin);
 * await page.goto(origin + '/');
 * expect(guard.list()).toEqual([]);
 */
export async function guardContext(context: BrowserContext, origin: string): Promise<Guard> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], dialogs: [], foreignRequests: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isSameOrigin(url, origin)) return route.continue();
    problems.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    problems,
    list: () => [
      ...problems.consoleErrors.map((p) => `console error: ${p}`),
      ...problems.pageErrors.map((p) => `page error: ${p}`),
      ...problems.dialogs.map((p) => `dialog: ${p}`),
      ...problems.foreignRequests.map((p) => `request left the origin: ${p}`),
    ],
    reset: () => {
      for (const list of Object.values(problems)) list.length = 0;
    },
  };
}

/**
 * True for URLs the page may load: same origin, or inline (`data:`, `blob:`,
 * `about:`).
 *
 * @example
 * isSameOrigin('http://127.0.0.1:3000/a.js', 'http://127.0.0.1:3000'); // true
 * isSameOrigin('https://cdn.example/x.js', 'http://127.0.0.1:3000');  // false
 */
export function isSameOrigin(url: string, origin: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
