/**
 * Runs synchronously in `<head>` before the first paint: marks <html> with
 * `js` (so the stylesheet can lay out what the scripts will fill, e.g. the
 * charts' reserved areas, without a layout shift) and applies the reader's
 * remembered 大字 preference so a page never flashes small text.
 * Kept tiny and dependency-free; `text-size.ts` owns the toggle.
 */
import { applyStoredTextSize } from './text-size-store.ts';

document.documentElement.classList.add('js');
applyStoredTextSize(document.documentElement, safeStorage());

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
