/**
 * Turns whatever a failed build threw into the text an editor reads on the
 * console: Chinese first, then the details, every edition issue on its own
 * line as `file:line:col field.path: 说明`.
 */

/**
 * Formats a build failure. An `EditionError` or a `ChapterError` (anything
 * carrying an `issues` list) prints its count and its own formatted
 * `message`, which already has one issue per line; any other error prints its message followed by the
 * messages of its `cause`/`originalError` chain. Eleventy wraps the Nunjucks
 * error: the wrapper names the template, the inner error carries `lineno`
 * and `colno`, and the two are joined into `file:line:col message`.
 *
 * @example
 * formatBuildError(new Error('boom'));
 * // '构建失败 (build failed):\nboom'
 */
export function formatBuildError(error: unknown): string {
  if (isEditionError(error)) {
    const [what, english] = error.name === 'ChapterError' ? ['正文', 'chapters'] : ['数据', 'edition data'];
    return `构建失败: ${what}有 ${error.issues.length} 处错误 (build failed: invalid ${english})\n${error.message}`;
  }
  const lines: string[] = [];
  let template: string | undefined;
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current && !seen.has(current)) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    template = /template (\S+?)(?: |$)/m.exec(message)?.[1]?.replace(/^\.\//, '') ?? template;
    const { lineno, colno } = current as { lineno?: unknown; colno?: unknown };
    const where = template && typeof lineno === 'number' ? `${template}:${lineno}:${typeof colno === 'number' ? colno : 1} ` : '';
    if (message && !lines.includes(message)) lines.push(`${where}${message}`);
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return `构建失败 (build failed):\n${lines.join('\n')}`;
}

function isEditionError(error: unknown): error is Error & { issues: unknown[] } {
  return error instanceof Error && Array.isArray((error as { issues?: unknown }).issues);
}
