/**
 * What the search index leaves out of a page: the insides of its figures
 * (score tables, chart data) but their captions. Pagefind is told so with
 * `excludeSelectors`, and the same insides are also cut from each page
 * before it is handed over, where that provably changes nothing Pagefind
 * keeps: Pagefind then parses about a third less HTML (the tables) and
 * writes the same index, byte for byte (`tests/build/search-index.test.ts`).
 */

/**
 * Classes of the figures whose children, all but the caption, the index
 * leaves out: a caption names what its figure shows (知晓率), and the search
 * box links to the figure that holds the word. Score tables and chart data
 * repeat every name on hundreds of pages: indexing them made Pagefind ≈ 3×
 * slower and ≈ 3.5× larger in memory at 10× scale (docs/performance.md).
 */
const LEFT_OUT_FIGURES = ['table-figure', 'chart'] as const;

/**
 * Pagefind's `excludeSelectors` for {@link LEFT_OUT_FIGURES}.
 *
 * @example
 * leftOutSelectors // ['figure.table-figure > :not(figcaption)', 'figure.chart > :not(figcaption)']
 */
export const leftOutSelectors: readonly string[] = LEFT_OUT_FIGURES.map((name) => `figure.${name} > :not(figcaption)`);

/** Elements with no end tag: they open no level of nesting. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is not markup: skipped to their end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

/**
 * `html` with the children of every left-out figure cut, but its caption:
 * `<figure class="chart" …><figcaption>…</figcaption>…</figure>` becomes
 * `<figure class="chart" …><figcaption>…</figcaption></figure>`. A figure
 * is cut only when what goes is exactly what `leftOutSelectors` exclude and
 * nothing Pagefind reads: its `class` is one of the left-out names alone,
 * its first child is the caption, and after the caption come only elements
 * (text between them only ASCII white space), none of them a figure or carrying
 * a `data-pagefind-` attribute. Anything else is left as it is, for
 * Pagefind's own selectors. One pass, in time linear in the page.
 *
 * @example
 * withoutLeftOutFigures('<figure class="chart"><figcaption>得分</figcaption><table>…</table></figure>')
 * // '<figure class="chart"><figcaption>得分</figcaption></figure>'
 * withoutLeftOutFigures('<figure class="chart"><table>…</table><figcaption>得分</figcaption></figure>')
 * // unchanged: the caption is not first
 */
export function withoutLeftOutFigures(html: string): string {
  let kept = '';
  let copiedTo = 0;
  let from = 0;
  for (;;) {
    const open = html.indexOf('<figure class="', from);
    if (open === -1) break;
    const nameStart = open + '<figure class="'.length;
    const nameEnd = html.indexOf('"', nameStart);
    const tagEnd = nameEnd === -1 ? -1 : html.indexOf('>', nameEnd);
    if (tagEnd === -1) break;
    from = tagEnd + 1;
    if (!(LEFT_OUT_FIGURES as readonly string[]).includes(html.slice(nameStart, nameEnd))) continue;
    const caption = skipSpace(html, tagEnd + 1);
    if (!startsTag(html, caption, 'figcaption')) continue;
    const captionEnd = html.indexOf('</figcaption>', caption);
    if (captionEnd === -1) break;
    const cut = captionEnd + '</figcaption>'.length;
    const close = onlyElementsUntilClose(html, cut);
    if (close === -1) continue;
    kept += html.slice(copiedTo, cut);
    copiedTo = close;
    from = close;
  }
  return copiedTo === 0 ? html : kept + html.slice(copiedTo);
}

/**
 * Walks the children of a figure from `at` (just after its caption) to its
 * `</figure>`: returns where that end tag starts when every child there is
 * an element, with only ASCII white space between them, and none is a
 * figure or has a `data-pagefind-` attribute; else −1. Reads tag names
 * character by character and copies nothing but a name: a figure of a
 * 50× edition holds tens of thousands of cells.
 */
function onlyElementsUntilClose(html: string, at: number): number {
  let depth = 0;
  let i = at;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return -1;
    if (depth === 0 && !isBlank(html, i, lt)) return -1;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) return -1;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) return -1;
    if (html.charCodeAt(lt + 1) === SLASH) {
      if (depth === 0) return gt === lt + '</figure'.length && html.startsWith('</figure', lt) ? lt : -1;
      depth--;
      i = gt + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < gt && isNameCode(html.charCodeAt(nameEnd), nameEnd === lt + 1)) nameEnd++;
    if (nameEnd === lt + 1) return -1;
    // Names as the templates write them, in lower case: the end of a raw-text element is then found as written.
    const name = html.slice(lt + 1, nameEnd);
    if (name !== name.toLowerCase() || name === 'figure' || name === 'figcaption' || holds(html, 'data-pagefind-', nameEnd, gt)) return -1;
    i = gt + 1;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const end = html.indexOf(`</${name}>`, i);
      if (end === -1) return -1;
      i = end + name.length + 3;
    } else if (!VOID_ELEMENTS.has(name) && html.charCodeAt(gt - 1) !== SLASH) depth++;
  }
}

const SLASH = 47;

/** A character of a tag name: an ASCII letter first, then letters, digits or `-`. */
function isNameCode(c: number, first: boolean): boolean {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return first ? letter : letter || (c >= 48 && c <= 57) || c === 45;
}

/** HTML's white space: space, tab, line feed, form feed, carriage return. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Whether `html[from, to)` is white space alone (or nothing). */
function isBlank(html: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpaceCode(html.charCodeAt(k))) return false;
  return true;
}

/** Whether `needle` occurs inside `html[from, to)`, looking no further. */
function holds(html: string, needle: string, from: number, to: number): boolean {
  const first = needle.charCodeAt(0);
  for (let k = from; k + needle.length <= to; k++) if (html.charCodeAt(k) === first && html.startsWith(needle, k)) return true;
  return false;
}

function skipSpace(html: string, at: number): number {
  let i = at;
  while (i < html.length && isSpaceCode(html.charCodeAt(i))) i++;
  return i;
}

/** Whether the tag `<name` starts at `at`, followed by white space, `/` or `>`. */
function startsTag(html: string, at: number, name: string): boolean {
  if (!html.startsWith(`<${name}`, at)) return false;
  const next = html.charCodeAt(at + name.length + 1);
  return next === 62 /* > */ || next === SLASH || isSpaceCode(next);
}
