/**
 * The Pagefind step of the build: indexes every HTML page of a rendered
 * site and writes the search bundle to `<siteDir>/pagefind/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the search step reports back. */
export interface SearchIndexResult {
  /** Number of HTML pages Pagefind indexed. */
  pages: number;
}

/** Options for {@link writeSearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Work to run while the Pagefind process indexes the pages (the build
   * writes the downloads then). It starts as soon as the pages are being
   * handed to Pagefind, which this thread does whenever the work awaits,
   * keeping up to {@link PAGES_IN_FLIGHT} pages queued in Pagefind, and may
   * run on while Pagefind writes its index; it must not add or change HTML
   * pages. Its failure fails the step, which never ends before the work
   * does.
   */
  whileIndexing?: () => Promise<unknown>;
}

/**
 * Builds the Pagefind index for `siteDir` through Pagefind's Node API,
 * each page given as {@link indexedHtml} makes it (every Han character a
 * word of its own); any error Pagefind reports fails the build, and an
 * empty index (no page indexed) is an error too, since search would then
 * silently find nothing. The Pagefind service process is always closed, so
 * the caller's process can exit; if the caller dies, its input pipe closes
 * and it ends too.
 *
 * @example
 * await writeSearchIndex('/repo/_site.tmp-3f9a1c2b'); // { pages: 52 }
 */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const pagefind = await import('pagefind');
  let work: Promise<unknown> | undefined;
  try {
    // Score tables and chart data repeat every name on hundreds of pages: indexing
    // them made Pagefind ~3x slower and ~3.5x larger in memory at 10x scale
    // (docs/performance.md). Headings, prose, summaries and the figures' captions
    // stay searchable: a caption names what its figure shows (知晓率), and the
    // search box links to the figure that holds the word.
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: ['.table-figure > :not(figcaption)', 'figure.chart > :not(figcaption)'],
    });
    if (!index || errors.length > 0) throw searchError('创建索引失败', errors);

    // The Pagefind process reads the pages and writes the index on its own:
    // the caller's work runs meanwhile, through both steps.
    const adding = addPages(index, path.resolve(siteDir));
    work = Promise.resolve().then(() => options.whileIndexing?.());
    work.catch(() => undefined); // awaited below; a failure while Pagefind is still busy is not unhandled
    const added = await adding;
    if (added.errors.length > 0) throw searchError('索引页面失败', added.errors);
    if (added.pages === 0) throw searchError('没有可索引的页面', ['0 pages indexed']);

    const written = await index.writeFiles({ outputPath: path.join(path.resolve(siteDir), 'pagefind') });
    if (written.errors.length > 0) throw searchError('写入索引失败', written.errors);
    await work;
    return { pages: added.pages };
  } finally {
    // Never return (or let the caller delete the folder) while the caller's work still writes into it.
    await work?.catch(() => undefined);
    await pagefind.close();
  }
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof import('pagefind').createIndex>>['index']>;

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
 *
 * @example
 * indexedHtml('<dt>批次</dt><dd>第2批</dd>') // '<dt>批\u200B次 </dt><dd>第2批 </dd>'
 */
export function indexedHtml(html: string): string {
  return html.replace(/(?<=\p{Script=Han})(?=\p{Script=Han})/gu, '\u200B').replace(/(?<=\p{Script=Han})(?=<)/gu, ' ');
}

/**
 * Hands Pagefind every HTML page of `siteDir` as {@link indexedHtml} makes
 * it; the pages on disk are left as they are. At most
 * {@link PAGES_IN_FLIGHT} pages wait in Pagefind at a time.
 */
async function addPages(index: PagefindIndex, siteDir: string): Promise<{ pages: number; errors: string[] }> {
  const files = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  const errors: string[] = [];
  let pages = 0;
  const waiting = new Set<Promise<void>>();
  for (const file of files) {
    const content = indexedHtml(await readFile(path.join(siteDir, file), 'utf8'));
    const adding: Promise<void> = index
      .addHTMLFile({ sourcePath: file.split(path.sep).join('/'), content })
      .then((added) => {
        if (added.errors.length > 0) errors.push(...added.errors.map((error) => `${file}: ${error}`));
        else pages += 1;
      })
      .finally(() => waiting.delete(adding));
    waiting.add(adding);
    if (waiting.size >= PAGES_IN_FLIGHT) await Promise.race(waiting);
  }
  await Promise.all(waiting);
  return { pages, errors };
}

function searchError(what: string, errors: string[]): Error {
  return new Error(`搜索索引${what} (Pagefind): ${errors.join('; ')}`);
}
