/**
 * Wrapping of long Chinese bar labels for the charts: pure, with the text
 * measurement passed in, so it runs in tests without a canvas.
 */

/**
 * Splits `label` into at most `maxLines` lines that each measure at most
 * `maxWidth`, breaking between any two characters (Chinese has no spaces);
 * a label that still does not fit ends its last line with `…`. A single
 * character wider than `maxWidth` still gets a line of its own, and closing
 * punctuation (`，` `”` `）` …) stays at the end of the line it closes rather
 * than starting the next. Empty labels give one empty line.
 *
 * @example
 * const measure = (s: string) => s.length * 10;
 * wrapLabel('创新改革政务云桌面', 40, measure, 2) // => ['创新改革', '政务云…']
 * wrapLabel('张店区', 40, measure, 2)            // => ['张店区']
 */
export function wrapLabel(label: string, maxWidth: number, measure: (text: string) => number, maxLines: number): string[] {
  const chars = Array.from(label);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const next = line + char;
    // Closing punctuation never starts a line (it stays on the line it closes).
    if (line === '' || measure(next) <= maxWidth || NO_LINE_START.has(char)) {
      line = next;
      continue;
    }
    lines.push(line);
    line = char;
    if (lines.length === maxLines) {
      return [...lines.slice(0, -1), ellipsize(lines[lines.length - 1]!, maxWidth, measure)];
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Like {@link wrapLabel}, but with the lines evened out: a label that needs
 * two lines gets two lines of about equal length rather than a full line
 * and an orphaned character. Labels that fit on one line, or that are cut
 * with `…`, wrap as in `wrapLabel`.
 *
 * @example
 * const measure = (s: string) => s.length * 10;
 * wrapLabel('整合政务服务热线打造平台', 110, measure, 3)     // => ['整合政务服务热线打造平', '台']
 * wrapBalanced('整合政务服务热线打造平台', 110, measure, 3)  // => ['整合政务服务', '热线打造平台']
 */
export function wrapBalanced(label: string, maxWidth: number, measure: (text: string) => number, maxLines: number): string[] {
  const lines = wrapLabel(label, maxWidth, measure, maxLines);
  if (lines.length < 2 || lines.join('') !== label) return lines;
  const step = Math.max(1, measure('国') / 2);
  for (let width = measure(label) / lines.length; width < maxWidth; width += step) {
    const even = wrapLabel(label, width, measure, lines.length + 1);
    if (even.length === lines.length) return even;
  }
  return lines;
}

/** Punctuation that must not begin a line in Chinese typesetting. */
const NO_LINE_START = new Set(Array.from('，。、；：？！”’）》」』】〕…·,.;:?!)]'));

/** `text` shortened from the end until `text…` fits. */
function ellipsize(text: string, maxWidth: number, measure: (text: string) => number): string {
  const chars = Array.from(text);
  while (chars.length > 0 && measure(`${chars.join('')}…`) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * How tall a horizontal bar chart must be so that no label overlaps
 * another: each bar gets room for its tallest wrapped label (or a minimum
 * slot), plus room for the value axis.
 *
 * @example
 * chartHeight([1, 2, 1], 16) // => 218 (3 slots of 51.2 px for two-line labels, 64 px of axis)
 */
export function chartHeight(lineCounts: readonly number[], fontSize: number): number {
  const lineHeight = fontSize * 1.3;
  const tallest = Math.max(1, ...lineCounts);
  const slot = Math.max(fontSize * 2, tallest * lineHeight + fontSize * 0.6);
  const axis = fontSize * 4;
  return Math.round(lineCounts.length * slot + axis);
}
