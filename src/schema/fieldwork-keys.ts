/**
 * The `fieldwork` keys of report.yaml that the site names on its own, with
 * what each counts; any other key needs its Chinese name in
 * `fieldwork_labels`, so no reader sees a key such as `interviews`.
 */

/** What a known fieldwork figure counts, and the counter printed after it. */
export interface FieldworkName {
  label: string;
  counter: string;
}

/**
 * Fieldwork figures every edition may quote without naming them, and
 * their names on the method page.
 *
 * @example
 * KNOWN_FIELDWORK.forums // { label: '召开座谈会', counter: '场' }
 */
export const KNOWN_FIELDWORK: Readonly<Record<string, FieldworkName>> = Object.freeze({
  questionnaires_issued: { label: '发放调查问卷', counter: '份' },
  questionnaires_valid: { label: '回收有效问卷', counter: '份' },
  forums: { label: '召开座谈会', counter: '场' },
  site_visits: { label: '实地考察具体工作项目', counter: '个' },
});

/**
 * Whether the site names a fieldwork key itself (own keys only, so
 * `constructor` is not one).
 *
 * @example
 * isKnownFieldwork('site_visits') // true
 * isKnownFieldwork('interviews')  // false
 */
export function isKnownFieldwork(key: string): boolean {
  return Object.hasOwn(KNOWN_FIELDWORK, key);
}
