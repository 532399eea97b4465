/**
 * Runs synchronously in `<head>` before the first paint: applies the
 * reader's remembered 大字 preference so a page never flashes small text.
 * Kept tiny and dependency-free; `text-size.ts` owns the toggle.
 */
import { applyStoredTextSize } from './text-size-store.ts';

applyStoredTextSize(document.documentElement, safeStorage());

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
