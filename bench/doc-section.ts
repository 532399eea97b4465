/**
 * Replace one generated section of a Markdown document, so that the
 * benchmark can rewrite its latest tables in `bench/README.md` without
 * touching the prose around them.
 */

/**
 * Put `body` between `<!-- name:start -->` and `<!-- name:end -->`,
 * replacing what was there; when the markers are missing the section is
 * appended at the end. Markers are kept, so a second run replaces the
 * first run's text; the rest of the document is untouched.
 *
 * @example
 * replaceSection('# Perf\n', 'bench', '| a |');
 * // '# Perf\n\n<!-- bench:start -->\n| a |\n<!-- bench:end -->\n'
 * replaceSection('x\n<!-- bench:start -->\nold\n<!-- bench:end -->\ny\n', 'bench', 'new');
 * // 'x\n<!-- bench:start -->\nnew\n<!-- bench:end -->\ny\n'
 */
export function replaceSection(document: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end, from);
  if (from === -1 || to === -1) {
    return `${document.replace(/\n*$/, '\n')}\n${block}\n`;
  }
  return document.slice(0, from) + block + document.slice(to + end.length);
}
