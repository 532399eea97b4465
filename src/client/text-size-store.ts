/**
 * The 大字 preference: a class on `<html>` remembered in localStorage, shared
 * by the early `prefs.ts` and the toggle in `text-size.ts`.
 */

/** localStorage key of the preference. */
export const TEXT_SIZE_KEY = 'pinggu:text-size';
/** Class on `<html>` that enlarges the text. */
export const LARGE_CLASS = 'text-large';

/**
 * Reads the stored preference (`'large'` or nothing) and sets the class;
 * storage that throws (private mode, disabled) counts as nothing stored.
 *
 * @example
 * applyStoredTextSize(document.documentElement, localStorage) // true when 大字 was chosen
 */
export function applyStoredTextSize(root: Element, storage: Pick<Storage, 'getItem'> | null): boolean {
  let large = false;
  try {
    large = storage?.getItem(TEXT_SIZE_KEY) === 'large';
  } catch {
    large = false;
  }
  root.classList.toggle(LARGE_CLASS, large);
  return large;
}

/**
 * Sets the preference on the page and remembers it; failures to store are ignored.
 *
 * @example
 * storeTextSize(document.documentElement, localStorage, true) // html.text-large, stored 'large'
 */
export function storeTextSize(root: Element, storage: Pick<Storage, 'setItem' | 'removeItem'> | null, large: boolean): void {
  root.classList.toggle(LARGE_CLASS, large);
  try {
    if (large) storage?.setItem(TEXT_SIZE_KEY, 'large');
    else storage?.removeItem(TEXT_SIZE_KEY);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}
