/** Characters that could end a `<script>` element or break a line in a JS string. */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/json">` block, inert whatever the
 * strings hold: `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`
 * escapes, so `</script>` or `<!--` in a name cannot close or confuse the
 * element, and `JSON.parse` of the element's text gives the value back.
 * `undefined` (nothing serialisable) gives `null`.
 *
 * @example
 * scriptJson({ name: '</script>' }) // => '{"name":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
