/**
 * A small HTML start-tag lexer for static checks of built pages (CSP,
 * injected markup, links). It follows the HTML tokenizer where it matters
 * for security: comments are skipped, and the text inside `<script>`,
 * `<style>`, `<title>` and `<textarea>` is not markup, so an escaped payload
 * there is not mistaken for a tag — while an unescaped `</script>` does end
 * the element, exactly as a browser would see it.
 */

/** One start tag as a browser would tokenize it. */
export interface StartTag {
  /** Lower-case tag name. */
  name: string;
  /** Attributes, names lower-cased, values with character references decoded. */
  attrs: Map<string, string>;
  /** Text content for raw-text elements (`script`, `style`, `title`, `textarea`). */
  text?: string;
  /** Offset of the `<` in the page. */
  index: number;
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const TAG = /<([a-zA-Z][^\s/>]*)((?:[\s/]*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)[\s/]*>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * Lists the start tags of `html` in document order.
 *
 * @example
 * startTags('<p id="a">x</p><script>"<b>"</script>').map((t) => t.name);
 * // ['p', 'script']
 */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) {
      i = lt + 1;
      continue;
    }
    const name = match[1]!.toLowerCase();
    const tag: StartTag = { name, attrs: parseAttributes(match[2] ?? ''), index: lt };
    i = TAG.lastIndex;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const end = close.exec(html);
      tag.text = html.slice(i, end ? end.index : html.length);
      i = end ? end.index : html.length;
    }
    tags.push(tag);
  }
  return tags;
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/**
 * Decodes the character references a built page uses in attribute values
 * (named `&amp; &lt; &gt; &quot; &#39; &apos; &nbsp;`, decimal and hex).
 *
 * @example
 * decodeEntities('a&amp;b&#x3C;'); // 'a&b<'
 */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/**
 * The text a reader sees: tags, comments and raw-text element contents
 * removed, character references decoded.
 *
 * @example
 * visibleText('<p>a &lt;b&gt;</p><script>x</script>'); // 'a <b>'
 */
export function visibleText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(stripped);
}
