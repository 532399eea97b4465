/**
 * The HTML escape of the site's filters that return markup (and so bypass
 * Nunjucks' autoescape): the same five characters autoescape replaces.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML element content and for attribute values in
 * either quote: `&`, `<`, `>`, `"` and `'` become entities, everything
 * else is kept; an empty text gives ''.
 *
 * @example
 * escapeHtml('<b>"甲&乙"</b>') // → '&lt;b&gt;&quot;甲&amp;乙&quot;&lt;/b&gt;'
 * escapeHtml("O'Neil")          // → 'O&#39;Neil'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
