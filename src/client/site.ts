/**
 * The script every page loads (as a module, so it runs after parsing):
 * 大字 toggle, heading links, copy buttons, the lazy search box, the
 * contents' current chapter, and the tables of charts whose script never ran. Each part only enhances HTML that already
 * works without JavaScript.
 */
import { initChartFallback } from './chart-fallback.ts';
import { initCopy } from './copy.ts';
import { initHeadingLinks } from './heading-links.ts';
import { initSearch } from './search.ts';
import { initTextSize } from './text-size.ts';
import { initToc } from './toc.ts';

initTextSize(document);
initHeadingLinks(document);
initSearch(document);
initCopy(document);
initToc(document);
initChartFallback(window, document);
