/**
 * The `fieldwork` keys of report.yaml that the site names on its own; any
 * other key needs its Chinese name in `fieldwork_labels`, so no reader
 * sees a key such as `interviews`.
 */

/**
 * Fieldwork figures every edition may quote without naming them.
 *
 * @example
 * KNOWN_FIELDWORK.includes('forums') // true
 */
export const KNOWN_FIELDWORK = ['questionnaires_issued', 'questionnaires_valid', 'forums', 'site_visits'] as const;

/**
 * Whether the site names a fieldwork key itself.
 *
 * @example
 * isKnownFieldwork('site_visits') // true
 * isKnownFieldwork('interviews')  // false
 */
export function isKnownFieldwork(key: string): boolean {
  return (KNOWN_FIELDWORK as readonly string[]).includes(key);
}
