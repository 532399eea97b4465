/**
 * Static security checks of one built page: what its Content-Security-Policy
 * allows and whether its markup contains anything that could run.
 */
import { startTags } from './html-tags.ts';

/**
 * Parses a CSP string into directive → source list.
 *
 * @example
 * parseCsp("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'")['script-src'];
 * // ["'self'", "'wasm-unsafe-eval'"]
 */
export function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !(name.toLowerCase() in directives)) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** Script sources a page may allow: its own origin, and WebAssembly for Pagefind. */
const ALLOWED_SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'"]);

/**
 * What is wrong with a page's Content-Security-Policy meta tag: missing, or
 * a `script-src` (or the `default-src` it falls back to) that allows
 * anything but `'self'` and `'wasm-unsafe-eval'`, or a `style-src` that
 * allows inline styles. Empty when the policy is right.
 *
 * @example
 * cspProblems(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`); // []
 */
export function cspProblems(html: string): string[] {
  const metas = startTags(html).filter(
    (t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1) return [`expected one CSP meta tag, found ${metas.length}`];
  const csp = parseCsp(metas[0]!.attrs.get('content') ?? '');
  const problems: string[] = [];
  const scripts = csp['script-src'] ?? csp['default-src'];
  if (!scripts) problems.push('CSP has neither script-src nor default-src');
  else {
    if (!scripts.includes("'self'")) problems.push(`script-src lacks 'self': ${scripts.join(' ')}`);
    const extra = scripts.filter((s) => !ALLOWED_SCRIPT_SOURCES.has(s));
    if (extra.length > 0) problems.push(`script-src allows more than the site itself: ${extra.join(' ')}`);
  }
  const styles = csp['style-src'] ?? csp['default-src'];
  if (styles?.some((s) => s === "'unsafe-inline'" || s === '*')) problems.push(`style-src allows inline styles: ${styles.join(' ')}`);
  if (!csp['object-src']?.includes("'none'") && !csp['default-src']?.every((s) => s === "'self'" || s === "'none'")) {
    problems.push('object-src is not restricted');
  }
  return problems;
}

/**
 * Everything in a page's markup that could run or style inline: a
 * `<script>` that is neither an external same-origin file nor a JSON data
 * block, a JSON block a browser would not read as pure data, an `on…`
 * event-handler attribute, a `style` attribute or element, a `javascript:`
 * (or `data:`/`vbscript:`) URL, and embedding elements (`iframe`, `object`,
 * `embed`, `base`, `form` actions). Empty when the page is inert.
 *
 * @example
 * inertnessProblems('<p onclick="x()">a</p>'); // ['<p> has event handler onclick']
 */
export function inertnessProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of startTags(html)) {
    const where = `<${tag.name}>`;
    if (tag.name === 'script') {
      const src = tag.attrs.get('src');
      const type = tag.attrs.get('type')?.toLowerCase();
      if (src !== undefined) {
        if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) problems.push(`${where} loads a script from another origin: ${src}`);
        if ((tag.text ?? '').trim() !== '') problems.push(`${where} with src also has inline text`);
      } else if (type === 'application/json') {
        const text = tag.text ?? '';
        if (/<!--|<\/?script/i.test(text)) problems.push(`${where} JSON block contains markup: ${text.slice(0, 80)}`);
        try {
          JSON.parse(text);
        } catch {
          problems.push(`${where} JSON block is not valid JSON: ${text.slice(0, 80)}`);
        }
      } else {
        problems.push(`${where} inline script (type=${type ?? 'none'}): ${(tag.text ?? '').slice(0, 80)}`);
      }
    }
    if (tag.name === 'style') problems.push(`${where} inline style element`);
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag.name)) problems.push(`${where} embedding element`);
    for (const [name, value] of tag.attrs) {
      if (name.startsWith('on')) problems.push(`${where} has event handler ${name}`);
      if (name === 'style') problems.push(`${where} has a style attribute`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data'].includes(name)) {
        if (/^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u001f]/g, ''))) {
          if (!(name === 'src' && tag.name === 'img' && /^data:image\/(png|svg\+xml);/i.test(value))) {
            problems.push(`${where} ${name} is a script URL: ${value.slice(0, 60)}`);
          }
        }
      }
    }
  }
  return problems;
}
