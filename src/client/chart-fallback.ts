/**
 * The safety net for chart pages: the stylesheet shapes every chart figure
 * for its drawing from the first paint (so nothing moves later), which
 * would leave an empty frame and a folded table if the chart script never
 * ran (blocked, failed to load, a browser too old for it). Once the page
 * has loaded, a figure the chart script never took over falls back to its
 * table, as it does without JavaScript.
 */

/** Set on <html> by the chart script when it starts (`data-charts="ready"`). */
export const CHARTS_READY = 'ready';

/**
 * After `load`, marks every `figure.chart` with `chart--failed` unless the
 * chart script announced itself; does nothing on pages without charts.
 *
 * @example
 * initChartFallback(window, document); // charts.js 404 → every table shows
 */
export function initChartFallback(win: Window, doc: Document): void {
  const fallBack = (): void => {
    if (doc.documentElement.dataset.charts === CHARTS_READY) return;
    for (const figure of doc.querySelectorAll<HTMLElement>('figure.chart')) figure.classList.add('chart--failed');
  };
  if (doc.readyState === 'complete') fallBack();
  else win.addEventListener('load', fallBack, { once: true });
}
