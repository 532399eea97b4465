import type { Report } from '../../model/types.ts';
import { isKnownFieldwork, KNOWN_FIELDWORK } from '../../schema/fieldwork-keys.ts';

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
    const known = isKnownFieldwork(key) ? KNOWN_FIELDWORK[key] : undefined;
    const named = Object.hasOwn(report.meta.fieldworkLabels ?? {}, key) ? report.meta.fieldworkLabels[key] : undefined;
    return known ? { label: known.label, text: `${printed}${known.counter}` } : { label: named ?? key, text: printed };
  });
}
