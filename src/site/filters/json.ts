/**
 * Serialises a value for a `<script type="application/json">` block: `<`,
 * `>`, `&`, U+2028 and U+2029 become `\u` escapes so a name containing
 * `</script>` stays inert. Returns a Nunjucks-safe string when used as a
 * filter (the escaping here replaces autoescape).
 *
 * @example
 * jsonText({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
