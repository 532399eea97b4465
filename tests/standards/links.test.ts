/**
 * No broken internal link and no broken anchor: every `href` and `src` of
 * every built page that points into the site resolves to a file that
 * exists, and every `#fragment` names an element id on the target page.
 * Nothing a page loads comes from another host.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type EditionName } from '../helpers/built-site.ts';
import { startTags } from '../helpers/html-tags.ts';
import { htmlPages, listFiles, pageUrl } from '../helpers/site-files.ts';

/** Attributes that load a resource into the page (must stay on the site). */
const LOADS = new Set(['script:src', 'link:href', 'img:src', 'source:src', 'video:src', 'audio:src', 'iframe:src']);

interface SiteIndex {
  files: Set<string>;
  /** Page file → ids (and `<a name>`s) on it. */
  anchors: Map<string, Set<string>>;
  /** Page file → [tag, attribute, value] of every link and resource. */
  refs: Map<string, Array<[string, string, string]>>;
}

async function indexSite(site: string): Promise<SiteIndex> {
  const files = new Set(await listFiles(site));
  const anchors = new Map<string, Set<string>>();
  const refs = new Map<string, Array<[string, string, string]>>();
  for (const page of await htmlPages(site)) {
    const tags = startTags(await readFile(path.join(site, page), 'utf8'));
    anchors.set(page, new Set(tags.flatMap((t) => [t.attrs.get('id'), t.name === 'a' ? t.attrs.get('name') : undefined]).filter((x): x is string => !!x)));
    refs.set(
      page,
      tags.flatMap((t) =>
        ['href', 'src'].filter((a) => t.attrs.has(a)).map((a): [string, string, string] => [t.name, a, t.attrs.get(a)!]),
      ),
    );
  }
  return { files, anchors, refs };
}

/**
 * What is wrong with one reference from `page`, or null when it resolves.
 * A folder URL resolves to its `index.html`; a fragment must be an id on
 * the target page.
 */
function brokenReason(index: SiteIndex, page: string, tag: string, attr: string, value: string): string | null {
  const base = new URL(pageUrl(page), 'http://site.invalid');
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return 'unparseable URL';
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return null;
  if (url.origin !== base.origin) {
    return LOADS.has(`${tag}:${attr}`) ? `loads from another host: ${url.href}` : null;
  }
  let file = decodeURIComponent(url.pathname).replace(/^\//, '');
  if (file === '' || file.endsWith('/')) file += 'index.html';
  if (!index.files.has(file)) {
    if (index.files.has(`${file}/index.html`)) file = `${file}/index.html`;
    else return `no such file ${file}`;
  }
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (fragment !== '' && fragment !== 'top') {
    const ids = index.anchors.get(file);
    if (!ids) return `#${fragment} points into ${file}, which is not a page`;
    if (!ids.has(fragment)) return `no element id="${fragment}" on ${file}`;
  }
  return null;
}

describe.each<EditionName>(['zibo', 'small', 'hostile'])('the links of the %s site', (edition) => {
  let index: SiteIndex;
  beforeAll(async () => {
    index = await indexSite(await builtSite(edition));
  });

  it('include links between pages, to anchors and to downloads (the crawl found something)', () => {
    const all = [...index.refs.values()].flat().map(([, , v]) => v);
    expect(all.some((v) => v.includes('#'))).toBe(true);
    expect(all.some((v) => /\/units\//.test(v))).toBe(true);
    expect(all.some((v) => /\.csv$/.test(v))).toBe(true);
  });

  it('has zero broken internal links and zero broken anchors', () => {
    const broken: string[] = [];
    for (const [page, refs] of index.refs) {
      for (const [tag, attr, value] of refs) {
        const reason = brokenReason(index, page, tag, attr, value);
        if (reason) broken.push(`${page}: <${tag} ${attr}="${value}"> ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives no two elements on one page the same id', async () => {
    const site = await builtSite(edition);
    const duplicates: string[] = [];
    for (const page of await htmlPages(site)) {
      const seen = new Set<string>();
      for (const tag of startTags(await readFile(path.join(site, page), 'utf8'))) {
        const id = tag.attrs.get('id');
        if (id === undefined) continue;
        if (seen.has(id)) duplicates.push(`${page}: #${id}`);
        seen.add(id);
      }
    }
    expect(duplicates).toEqual([]);
  });
});
