/**
 * The colours and font a chart is drawn with, read from CSS custom
 * properties on the figure so that light, dark, print and 大字 all come
 * from the stylesheet (`assets/css/charts.css`), never from script.
 */

/** Everything a chart needs from the page's current style. */
export interface ChartTheme {
  bar: string;
  flag: string;
  text: string;
  muted: string;
  grid: string;
  background: string;
  fontFamily: string;
  fontSize: number;
}

/** Used when a custom property is missing (the stylesheet failed to load). */
export const FALLBACK_THEME: ChartTheme = {
  bar: '#b3261e',
  flag: '#5b6470',
  text: '#1d1d1f',
  muted: '#555a60',
  grid: '#d9d4c8',
  background: '#ffffff',
  fontFamily: 'sans-serif',
  fontSize: 14,
};

/**
 * Reads the theme of `element` from its computed style: `--chart-bar`,
 * `--chart-flag`, `--chart-text`, `--chart-muted`, `--chart-grid`,
 * `--chart-bg`, and its font family and size. Missing values fall back to
 * {@link FALLBACK_THEME}.
 *
 * @example
 * readTheme(figure).bar // '#b3261e' in light mode, '#ff8a80' in dark mode
 */
export function readTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const prop = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const fontSize = Number.parseFloat(style.fontSize);
  return {
    bar: prop('--chart-bar', FALLBACK_THEME.bar),
    flag: prop('--chart-flag', FALLBACK_THEME.flag),
    text: prop('--chart-text', FALLBACK_THEME.text),
    muted: prop('--chart-muted', FALLBACK_THEME.muted),
    grid: prop('--chart-grid', FALLBACK_THEME.grid),
    background: prop('--chart-bg', FALLBACK_THEME.background),
    fontFamily: style.fontFamily || FALLBACK_THEME.fontFamily,
    fontSize: Number.isFinite(fontSize) && fontSize > 0 ? fontSize : FALLBACK_THEME.fontSize,
  };
}

/**
 * A fill for flagged bars that does not rest on colour alone: the flag
 * colour crossed by diagonal stripes of the background colour. Falls back
 * to the plain colour where a pattern cannot be made.
 *
 * @example
 * dataset.backgroundColor = (ctx) => flagged(ctx.dataIndex) ? hatch(theme) : theme.bar;
 */
export function hatch(theme: ChartTheme, ratio: number): CanvasPattern | string {
  const size = Math.round(8 * ratio);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return theme.flag;
  ctx.fillStyle = theme.flag;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = Math.max(1, 1.5 * ratio);
  ctx.beginPath();
  // One stripe corner to corner plus the two halves that make it seamless.
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2);
  ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5);
  ctx.lineTo(size * 1.5, size / 2);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? theme.flag;
}
