/**
 * The search box in every page header. Without JavaScript the form stays
 * hidden (the header's 目录 link remains). With it, the form appears and
 * Pagefind's script is imported only once the reader focuses or types in
 * the box; results are rendered here as an accessible list with a live
 * count, never with Pagefind's own UI or styles.
 *
 * Pagefind ranks the pages; `search-match.ts` keeps those whose text holds
 * what was typed and picks, in each, the section that holds it. Results
 * are listed {@link PAGE_SIZE} at a time, with a 显示更多 button for the
 * rest.
 */
import {
  bestSection,
  excerpt,
  holdsAll,
  pageTexts,
  plainText,
  queryParts,
  queryWords,
  sectionLabel,
  spacedHan,
  unspacedHan,
  type ExcerptPiece,
} from './search-match.ts';

/** What this module uses of Pagefind's JS API. */
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, opts?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: Record<string, string>;
  /** The page's sections (from the start, and from each heading with an id or titled figure) holding query words, in page order. */
  sub_results?: PagefindSection[];
}
interface PagefindSection {
  url: string;
  title: string;
  /** The section's text, whole: see {@link PAGEFIND_OPTIONS}. */
  plain_excerpt: string;
  weighted_locations?: Array<{ balanced_score: number }>;
  anchor?: unknown;
}

/** Results listed at first, and added by each press of 显示更多. */
const PAGE_SIZE = 8;

/** Characters of the section shown under a result. */
const EXCERPT_LENGTH = 60;

/**
 * Pagefind's options. Excerpts as long as a section, so that the section's
 * whole text comes back (`plain_excerpt`) and the box can tell which
 * section holds the query and cut its own excerpt there. The weights of
 * the page-name fields the page templates write (`templates/_includes/layouts/base.njk`):
 * a unit's or department's name above an experience's title and the full
 * report's figure captions, so that 淄川 finds 淄川区 before the experience
 * 淄川文化云; each well above body text, so that a name finds its page first.
 */
const PAGEFIND_OPTIONS = {
  excerptLength: 100_000,
  ranking: { metaWeights: { name: 10, heading: 5, figures: 5 } },
};

/** One result as listed: where it links, what it is called, its kind and excerpt. */
interface ListedResult {
  href: string;
  title: string;
  kind: string | undefined;
  excerpt: ExcerptPiece[];
}

/**
 * Wires every `form[data-search]` (its value is the URL of `pagefind.js`).
 *
 * @example
 * initSearch(document); // typing 居家养老 lists the matching pages
 */
export function initSearch(doc: Document): void {
  for (const form of doc.querySelectorAll<HTMLFormElement>('form[data-search]')) wireForm(doc, form);
}

function wireForm(doc: Document, form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const results = form.querySelector<HTMLElement>('[data-search-results]');
  if (!input || !status || !results) return;
  form.hidden = false;
  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    pagefind ??= loadPagefind(form.dataset.search ?? '/pagefind/pagefind.js');
    return pagefind;
  };
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  const run = async () => {
    const term = input.value.trim();
    if (!term) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const found = await find(await load(), term);
      if (found === null || input.value.trim() !== term) return;
      showResults({ doc, results, status, found });
    } catch {
      status.textContent = '搜索暂不可用';
    }
  };
  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void run();
    }
  });
  // The results panel shows while focus is in the form (box, a result or 显示更多) and folds away after.
  form.addEventListener('focusin', () => form.setAttribute('data-open', ''));
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) form.removeAttribute('data-open');
  });
}

async function loadPagefind(url: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options(PAGEFIND_OPTIONS);
  await pagefind.init();
  return pagefind;
}

/** The results of one query, in Pagefind's order. */
interface Found {
  term: string;
  results: ListedResult[];
  /** False when no page holds the query whole and these pages hold its words apart. */
  whole: boolean;
}

/** Pagefind's results for `term`, kept to the pages that hold each part whole (all of them when none does); null when a newer query superseded it. */
async function find(pagefind: Pagefind, term: string): Promise<Found | null> {
  const search = await pagefind.debouncedSearch(spacedHan(term), {}, 250);
  if (search === null) return null;
  const pages = await Promise.all(search.results.map(async (result) => asWritten(await result.data())));
  const parts = queryParts(term);
  const holding = pages.filter((page) => holdsAll(pageTexts(page.content, page.meta), parts));
  if (holding.length > 0 || pages.length === 0) return { term, results: holding.map((page) => listed(page, parts)), whole: true };
  const words = queryWords(term);
  return { term, results: pages.map((page) => listed(page, words)), whole: false };
}

/** A page's data as the site wrote it: without the spaces the index put between Han characters, and its text with no entities. */
function asWritten(page: PagefindData): PagefindData {
  return {
    ...page,
    content: plainText(unspacedHan(page.content)),
    meta: Object.fromEntries(Object.entries(page.meta).map(([key, value]) => [key, unspacedHan(value)])),
    sub_results: page.sub_results?.map((section) => ({ ...section, title: unspacedHan(section.title), plain_excerpt: plainText(unspacedHan(section.plain_excerpt)) })),
  };
}

/** Where a page's result links: the section that holds the most of `parts`, where they weigh most; the page itself when no section does. */
function listed(page: PagefindData, parts: string[]): ListedResult {
  const sections = page.sub_results ?? [];
  const best = sections[bestSection(sections.map(sectionText), parts)];
  const title = page.meta.title ?? page.url;
  const anchored = best?.anchor !== undefined && best.url.includes('#');
  return {
    href: anchored ? best.url : page.url,
    title: anchored ? sectionLabel(title, best.title) : title,
    kind: page.meta.kind,
    excerpt: excerpt(best?.plain_excerpt ?? page.content, parts, EXCERPT_LENGTH),
  };
}

function sectionText(section: PagefindSection): { text: string; score: number } {
  const score = (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
  return { text: section.plain_excerpt, score };
}

interface ShowOptions {
  doc: Document;
  results: HTMLElement;
  status: HTMLElement;
  found: Found;
}

/** Lists the first results with a 显示更多 button for the rest, and says in the live region how many there are and how many are listed. */
function showResults({ doc, results, status, found }: ShowOptions): void {
  const total = found.results.length;
  const list = doc.createElement('ul');
  list.className = 'search-results-list';
  const more = doc.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  let shown = 0;
  const showMore = () => {
    const next = found.results.slice(shown, shown + PAGE_SIZE).map((result) => resultItem(doc, result));
    list.append(...next);
    shown += next.length;
    more.textContent = `显示更多（还有${total - shown}个）`;
    status.textContent = countText(found, shown);
    return next;
  };
  showMore();
  more.hidden = shown >= total;
  results.replaceChildren(list, more);
  more.addEventListener('click', () => {
    const added = showMore();
    // Focus goes on to the first new result, so keyboard and screen reader users go on from
    // where the list grew; only then is the button hidden, or hiding it would drop the focus
    // out of the form and fold the panel away.
    added[0]?.querySelector('a')?.focus();
    more.hidden = shown >= total;
  });
}

function countText(found: Found, shown: number): string {
  const total = found.results.length;
  if (total === 0) return '没有找到相关页面';
  const count = found.whole ? `找到${total}个相关页面` : `没有页面含有完整的“${found.term}”，${total}个页面含有其中的字词`;
  if (shown >= total) return shown > PAGE_SIZE ? `${count}，已全部列出` : count;
  return `${count}，已列出${shown}个`;
}

function resultItem(doc: Document, result: ListedResult): HTMLLIElement {
  const li = doc.createElement('li');
  const link = doc.createElement('a');
  link.href = result.href;
  link.textContent = result.title;
  li.append(link);
  if (result.kind) {
    const kind = doc.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = result.kind;
    li.append(kind);
  }
  const text = doc.createElement('p');
  for (const piece of result.excerpt) {
    if (piece.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = piece.text;
      text.append(mark);
    } else {
      text.append(doc.createTextNode(piece.text));
    }
  }
  li.append(text);
  return li;
}
