/**
 * The Pagefind step of the build: indexes every HTML page of the site,
 * handed over as Eleventy renders it (`npm run build`) or read from a site
 * on disk, and writes the search bundle to `<siteDir>/pagefind/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { leftOutSelectors, withoutLeftOutFigures } from './left-out-figures.ts';

/** What the search step reports back. */
export interface SearchIndexResult {
  /** Number of HTML pages Pagefind indexed. */
  pages: number;
}

/** Options for {@link SearchIndex.write} and {@link writeSearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Work to run while the Pagefind process indexes the pages (the build
   * writes the downloads then). It starts before the last pages are
   * handed to Pagefind, which this thread does whenever the work awaits,
   * keeping up to {@link PAGES_IN_FLIGHT} pages queued in Pagefind, and may
   * run on while Pagefind writes its index; it must not add or change HTML
   * pages. Its failure fails the step, which never ends before the work
   * does.
   */
  whileIndexing?: () => Promise<unknown>;
}

/**
 * A Pagefind index being built: pages are handed to it as they are
 * rendered, and it is written into the site once they all are. Open one
 * with {@link openSearchIndex}; it owns a Pagefind service process until
 * {@link SearchIndex.write} or {@link SearchIndex.close}.
 */
export interface SearchIndex {
  /**
   * Hands one page to Pagefind, as {@link indexedHtml} makes it, by its
   * path inside the site (`experiences/E01/index.html`). Returns at once:
   * the page is marked and sent on a later turn of the event loop, at most
   * {@link PAGES_IN_FLIGHT} at a time, while the caller goes on rendering.
   * Pagefind's index depends on the order it is given the pages: see
   * {@link SearchIndex.expect}.
   * A page Pagefind refuses fails {@link SearchIndex.write}.
   */
  add(page: string, html: string): void;
  /**
   * Names every page this index will be given, before the first: Pagefind
   * then takes them in path order whatever order they come in (a page
   * waits until every page before it has come), so the index is byte for
   * byte the one built from the same pages read from disk. A page added
   * that is not named here fails at once; one named and never added fails
   * {@link SearchIndex.write}. Without it, pages go to Pagefind in the
   * order added.
   */
  expect(pages: string[]): void;
  /** Resolves once every page added so far has been indexed: the caller may then drop them. */
  drained(): Promise<void>;
  /**
   * Waits for every page, writes the index to `<siteDir>/pagefind/` and
   * closes the service; `whileIndexing` runs meanwhile and may run on while
   * Pagefind writes (it must not add or change HTML pages). Its failure
   * fails the step, which never ends before the work does. An index of no
   * pages is an error: search would silently find nothing. Pagefind is
   * asked to write as soon as the last page is sent, so when a page is
   * refused (or none is indexed) the step fails after `pagefind/` has been
   * written without it: write into a folder that is discarded on failure.
   */
  write(siteDir: string, options?: SearchIndexOptions): Promise<SearchIndexResult>;
  /** Stops the Pagefind service without writing (a build that failed). Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Starts a Pagefind service process and an empty index, to be given the
 * pages as they are rendered: `npm run build` opens it before Eleventy
 * runs and adds every page Eleventy writes, so Pagefind (another process,
 * on another core) indexes while the next pages render. If the caller dies,
 * the service's input pipe closes and it ends too.
 *
 * @example
 * const search = await openSearchIndex();
 * search.add('index.html', html); // … every page
 * await search.write('/repo/_site.tmp-3f9a1c2b'); // { pages: 52 }
 */
export async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= pagefind.close().then(() => undefined));
  // The figures' tables and chart data stay out of the index, their captions in (left-out-figures.ts).
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...leftOutSelectors] });
  if (!index || errors.length > 0) {
    await close();
    throw searchError('创建索引失败', errors);
  }

  const queue: Array<{ page: string; html: string }> = [];
  // With expect(): the pages in the order Pagefind takes them, how many of them have gone to the queue, the
  // ones not yet added, and the ones added ahead of an earlier page.
  let order: string[] | undefined;
  let sent = 0;
  let waitingFor = new Set<string>();
  const early = new Map<string, string>();
  const refused: string[] = [];
  let indexed = 0;
  let inFlight = 0;
  let scheduled = false;
  let waiters: Array<() => void> = [];
  let sendWaiters: Array<() => void> = [];
  const settle = () => {
    if (queue.length > 0) return;
    for (const resolve of sendWaiters) resolve();
    sendWaiters = [];
    if (inFlight > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  // Marks and sends queued pages, never more than PAGES_IN_FLIGHT waiting in Pagefind. It runs on its own
  // turn of the event loop (setImmediate), not inside the caller's add(): the caller's step stays its own.
  const pump = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < PAGES_IN_FLIGHT) {
      const { page, html } = queue.shift()!;
      inFlight += 1;
      index
        .addHTMLFile({ sourcePath: page, content: indexedHtml(html) })
        .then(
          (added) => {
            if (added.errors.length > 0) refused.push(...added.errors.map((error) => `${page}: ${error}`));
            else indexed += 1;
          },
          (error: unknown) => refused.push(`${page}: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          inFlight -= 1;
          schedule();
          settle();
        });
    }
    settle();
  };
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(pump);
  };
  const drained = () => new Promise<void>((resolve) => {
    waiters.push(resolve);
    settle();
  });
  // Every page added so far handed to Pagefind (some may still be indexing).
  const handedOver = () => new Promise<void>((resolve) => {
    sendWaiters.push(resolve);
    settle();
  });

  return {
    add(page, html) {
      const name = page.split(path.sep).join('/');
      if (!order) queue.push({ page: name, html });
      else {
        if (!waitingFor.has(name)) throw searchError('收到未预期的页面', [`${name} was not among the pages named before rendering, or came twice`]);
        waitingFor.delete(name);
        early.set(name, html);
        for (let next = order[sent]; next !== undefined && early.has(next); next = order[++sent]) {
          queue.push({ page: next, html: early.get(next)! });
          early.delete(next);
        }
      }
      schedule();
    },
    expect(pages) {
      // Only before the first page: pages added before it have gone to Pagefind in the order they came.
      if (order || queue.length > 0 || inFlight > 0 || indexed > 0 || refused.length > 0) throw new Error('expect() must come once, before the first page');
      const named = pages.map((page) => page.split(path.sep).join('/')).sort();
      const unique = new Set(named);
      if (unique.size !== named.length) throw searchError('页面重复', [`a page was named twice: ${named.find((page, i) => page === named[i + 1])}`]);
      order = named;
      waitingFor = unique;
    },
    drained,
    async write(siteDir, options = {}) {
      let work: Promise<unknown> | undefined;
      let writing: Promise<{ errors: string[] }> | undefined;
      try {
        if (waitingFor.size > 0) throw searchError('页面未渲染', [`never added: ${[...waitingFor].slice(0, 5).join(', ')}${waitingFor.size > 5 ? ', …' : ''}`]);
        // Pages still queued go to Pagefind first, then the caller's work runs while Pagefind indexes them and
        // writes the index: started first, the work's long synchronous stretches would keep them waiting.
        pump();
        work = Promise.resolve().then(() => options.whileIndexing?.());
        work.catch(() => undefined); // awaited below; a failure while Pagefind is still busy is not unhandled
        // Pagefind handles its messages one after another, in the order sent: asked to write as soon as the last
        // page is sent, it writes once that page is indexed, without waiting for this thread to hear back.
        await handedOver();
        writing = index.writeFiles({ outputPath: path.join(path.resolve(siteDir), 'pagefind') });
        writing.catch(() => undefined); // awaited below, unless a refused page fails the step first
        await drained();
        if (refused.length > 0) throw searchError('索引页面失败', refused);
        if (indexed === 0) throw searchError('没有可索引的页面', ['0 pages indexed']);
        const written = await writing;
        if (written.errors.length > 0) throw searchError('写入索引失败', written.errors);
        await work;
        return { pages: indexed };
      } finally {
        // Never return (or let the caller delete the folder) while the caller's work or Pagefind still writes into it.
        await work?.catch(() => undefined);
        await writing?.catch(() => undefined);
        await close();
      }
    },
    close,
  };
}

/**
 * Builds the Pagefind index for a site already on disk (`npx @11ty/eleventy`,
 * the live preview, a build rendered in batches): every HTML page of
 * `siteDir`, read in path order and handed to `index` (default a new
 * {@link openSearchIndex}), then written as {@link SearchIndex.write}
 * writes it, with `whileIndexing` running from the first page on. Any
 * error Pagefind reports fails the step.
 *
 * @example
 * await writeSearchIndex('/repo/_site'); // { pages: 52 }
 */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions & { index?: SearchIndex } = {}): Promise<SearchIndexResult> {
  const search = options.index ?? (await openSearchIndex());
  const root = path.resolve(siteDir);
  let work: Promise<unknown> | undefined;
  try {
    work = Promise.resolve().then(() => options.whileIndexing?.());
    work.catch(() => undefined);
    // In the order expect() gives the pages: by path with `/`, as the site names them.
    const pages = (await readdir(root, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    for (const [i, page] of pages.entries()) {
      search.add(page, await readFile(path.join(root, ...page.split('/')), 'utf8'));
      // Read no further ahead than Pagefind takes them: the pages on disk may not all fit in memory.
      if ((i + 1) % PAGES_IN_FLIGHT === 0) await search.drained();
    }
    const started = work;
    return await search.write(root, { whileIndexing: () => started });
  } finally {
    await work?.catch(() => undefined);
    await search.close();
  }
}

/** Pages handed to Pagefind and not yet indexed: enough to keep it busy, few enough to keep memory low. */
const PAGES_IN_FLIGHT = 64;

/**
 * A page as Pagefind is given it: every Han character a word of its own,
 * as the search box makes each of the query (`spacedHan` in
 * src/client/search-match.ts). Pagefind segments Chinese with its own
 * dictionary (市民政局 as 市民|政局) and the browser with another (民政局),
 * and a typed word is matched only against the start of an indexed word,
 * so a word cut differently on the two sides was never found. Between two
 * Han characters goes a zero-width space, which Pagefind puts between the
 * words of the text it returns anyway, so excerpts read as written; between
 * a Han character and markup a space, so that the text of two elements
 * never runs into one word. Text without Han characters is left as it is.
 * The insides of figures the index leaves out are cut first, where that
 * changes nothing Pagefind keeps (`withoutLeftOutFigures`).
 *
 * @example
 * indexedHtml('<dt>批次</dt><dd>第2批</dd>') // '<dt>批\u200B次 </dt><dd>第2批 </dd>'
 */
export function indexedHtml(html: string): string {
  return spacedHanHtml(withoutLeftOutFigures(html));
}

/**
 * The Han characters of `html` spaced as {@link indexedHtml} describes,
 * nothing cut.
 *
 * @example
 * spacedHanHtml('<p>市民政局</p>') // '<p>市\u200B民\u200B政\u200B局 </p>'
 */
export function spacedHanHtml(html: string): string {
  // One pass over runs of Han characters (two look-behind passes over every position took ≈ 3× as long).
  return html.replace(/\p{Script=Han}+/gu, (run: string, at: number) => {
    const spaced = run.length === 1 ? run : Array.from(run).join('\u200B');
    return html[at + run.length] === '<' ? `${spaced} ` : spaced;
  });
}

function searchError(what: string, errors: string[]): Error {
  return new Error(`搜索索引${what} (Pagefind): ${errors.join('; ')}`);
}
