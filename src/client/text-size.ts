/**
 * The 大字 toggle in the header: a button (hidden without JavaScript, where
 * it could not work) whose `aria-pressed` mirrors the enlarged text.
 */
import { LARGE_CLASS, storeTextSize } from './text-size-store.ts';

/**
 * Shows and wires every `[data-text-size-toggle]` button.
 *
 * @example
 * initTextSize(document); // the 大字 button now toggles html.text-large
 */
export function initTextSize(doc: Document): void {
  const root = doc.documentElement;
  const storage = (() => {
    try {
      return doc.defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  })();
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-text-size-toggle]')) {
    button.hidden = false;
    button.setAttribute('aria-pressed', String(root.classList.contains(LARGE_CLASS)));
    button.addEventListener('click', () => {
      const large = !root.classList.contains(LARGE_CLASS);
      storeTextSize(root, storage, large);
      for (const b of doc.querySelectorAll('[data-text-size-toggle]')) b.setAttribute('aria-pressed', String(large));
    });
  }
}
