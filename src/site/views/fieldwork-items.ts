import type { Report } from '../../model/types.ts';

/** What the method page calls each known fieldwork figure of report.yaml, and the counter after it. */
const FIELDWORK_LABELS: Readonly<Record<string, readonly [label: string, counter: string]>> = {
  questionnaires_issued: ['发放调查问卷', '份'],
  questionnaires_valid: ['回收有效问卷', '份'],
  forums: ['召开座谈会', '场'],
  site_visits: ['实地考察具体工作项目', '个'],
};

/** One line of the method page's fieldwork list. */
export interface FieldworkItem {
  /** What the figure counts (`发放调查问卷`), or the edition's name for a key the site does not know. */
  label: string;
  /** The printed figure with its counter (`910份`); a figure under an unknown key as printed. */
  text: string;
}

/**
 * The fieldwork figures of report.yaml as the method page lists them, in
 * the file's order: a known key gets its Chinese label and counter, any
 * other key the name report.yaml gives it in `fieldwork_labels` (the
 * schema requires one), or the key itself in a hand-built report without
 * it (own keys only, so a key such as `constructor` is just a key).
 *
 * @example
 * fieldworkItems(report)[0] // { label: '发放调查问卷', text: '910份' }
 * fieldworkItems({ meta: { fieldwork: { hotline_calls: '120' }, fieldworkLabels: { hotline_calls: '热线来电' } } })[0] // { label: '热线来电', text: '120' }
 */
export function fieldworkItems(report: Pick<Report, 'meta'>): FieldworkItem[] {
  return Object.entries(report.meta.fieldwork).map(([key, printed]) => {
    const known = Object.hasOwn(FIELDWORK_LABELS, key) ? FIELDWORK_LABELS[key] : undefined;
    const named = Object.hasOwn(report.meta.fieldworkLabels ?? {}, key) ? report.meta.fieldworkLabels[key] : undefined;
    return known ? { label: known[0], text: `${printed}${known[1]}` } : { label: named ?? key, text: printed };
  });
}
