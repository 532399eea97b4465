/**
 * The search box in every page header. Without JavaScript the form stays
 * hidden (the header's 目录 link remains). With it, the form appears and
 * Pagefind's script is imported only once the reader focuses or types in
 * the box; results are rendered here as an accessible list with a live
 * count, never with Pagefind's own UI or styles.
 */

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
  excerpt: string;
  meta: Record<string, string>;
  /** Matches within the page's sections (headings with ids), best first. */
  sub_results?: Array<{ url: string; title: string; excerpt: string }>;
}

/** At most this many results are listed. */
const MAX_RESULTS = 8;

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
      const search = await (await load()).debouncedSearch(term, {}, 250);
      if (search === null || input.value.trim() !== term) return;
      const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      results.replaceChildren(resultList(doc, found));
      status.textContent = search.results.length ? `找到${search.results.length}个相关页面` : '没有找到相关页面';
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
  // The results panel shows while focus is in the form (box or a result) and folds away after.
  form.addEventListener('focusin', () => form.setAttribute('data-open', ''));
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) form.removeAttribute('data-open');
  });
}

async function loadPagefind(url: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

function resultList(doc: Document, found: PagefindData[]): HTMLElement {
  const list = doc.createElement('ul');
  list.className = 'search-results-list';
  for (const item of found) {
    const li = doc.createElement('li');
    const link = doc.createElement('a');
    // On a long page (the whole report), go straight to the best-matching section.
    const best = item.sub_results?.[0];
    const section = best?.url.includes('#') ? best : undefined;
    const title = item.meta.title ?? item.url;
    link.href = section?.url ?? item.url;
    link.textContent = section && section.title !== title ? `${title} › ${section.title}` : title;
    li.append(link);
    if (item.meta.kind) {
      const kind = doc.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = item.meta.kind;
      li.append(kind);
    }
    const excerpt = doc.createElement('p');
    excerpt.append(...excerptNodes(doc, section?.excerpt ?? item.excerpt));
    li.append(excerpt);
    list.append(li);
  }
  return list;
}

/** Pagefind's excerpt as text with `<mark>` kept, parsed inertly so nothing else from it becomes markup. */
function excerptNodes(doc: Document, excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild;
  const nodes: Node[] = [];
  parsed?.childNodes.forEach((node) => {
    if (node.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(doc.createTextNode(node.textContent ?? ''));
    }
  });
  return nodes;
}
