/**
 * 下载图片: a chart as a PNG file with its title and an opaque background
 * (a Chart.js canvas is transparent, which shows black or checkered in
 * image viewers).
 */
import type { ChartTheme } from './charts-theme.ts';

/** What goes around a chart in its image, and how it is drawn. */
export interface PngFrame {
  title: string;
  /** A note under the chart (the axis note), when it has one. */
  footnote?: string | undefined;
  theme: ChartTheme;
  /** The source canvas's pixels per CSS pixel. */
  ratio: number;
}

/**
 * A new canvas holding `source` under a title line and above an optional
 * footnote (the axis note), on the theme's background, at the source's
 * pixel density.
 *
 * @example
 * const canvas = composePng(chart.canvas, { title: '各单位综合得分排名', theme, ratio: 2, footnote: '注：横轴自85分起…' });
 */
export function composePng(source: HTMLCanvasElement, { title, footnote, theme, ratio }: PngFrame): HTMLCanvasElement {
  const titleSize = Math.round(theme.fontSize * 1.15 * ratio);
  const noteSize = Math.round(theme.fontSize * 0.85 * ratio);
  const pad = Math.round(theme.fontSize * ratio);
  const out = document.createElement('canvas');
  out.width = source.width + pad * 2;
  out.height = source.height + titleSize + pad * 3 + (footnote ? noteSize + pad : 0);
  const ctx = out.getContext('2d');
  if (!ctx) return source;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = theme.text;
  ctx.font = `700 ${titleSize}px ${theme.fontFamily}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad, out.width - pad * 2);
  ctx.drawImage(source, pad, titleSize + pad * 2);
  if (footnote) {
    ctx.fillStyle = theme.muted;
    ctx.font = `400 ${noteSize}px ${theme.fontFamily}`;
    ctx.fillText(footnote, pad, titleSize + pad * 3 + source.height, out.width - pad * 2);
  }
  return out;
}

/**
 * Saves `canvas` as `<fileName>.png` through a temporary object URL and
 * download link (no data leaves the page).
 *
 * @example
 * downloadPng(canvas, 'unit-ranking'); // the browser saves unit-ranking.png
 */
export function downloadPng(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName}.png`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, 'image/png');
}
