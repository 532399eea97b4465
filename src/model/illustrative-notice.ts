/**
 * Where the report's figures come from, and the 示意 notice that goes with
 * every illustrative score wherever it is printed: the site's annexes and
 * pages, the table copies, the text, Word and Excel downloads and
 * report.json. The notice is worded once, in report.yaml
 * (`illustrative_notice`); this file only puts a subject before it
 * (`附件1`, `本页`).
 */
import type { Edition } from '../schema/edition.ts';
import type { Provenance } from './types.ts';

/** What the notices are built from: which scores are illustrative, and the edition's wording. */
export interface NoticeInputs {
  unitScores: boolean;
  departmentScores: boolean;
  experienceScores: boolean;
  /** report.yaml's `illustrative_notice`, e.g. `所列得分系……示意值，非原报告公布数值。` */
  wording: string | undefined;
}

/**
 * The note printed under a table or on a page: `说明：` + subject + the
 * edition's wording; null when the scores are not illustrative or the
 * edition words no notice.
 *
 * @example
 * noticeText('附件1', true, '所列得分系示意值。')  // '说明：附件1所列得分系示意值。'
 * noticeText('附件1', false, '所列得分系示意值。') // null
 */
export function noticeText(subject: string, illustrative: boolean, wording: string | undefined): string | null {
  return illustrative && wording ? `说明：${subject}${wording}` : null;
}

/**
 * The annexes named together, as the report names a run of them: `附件1至附件3`
 * for three or more in a row, else `附件1、附件3`; empty for none.
 *
 * @example
 * annexRun([1, 2, 3]) // '附件1至附件3'
 * annexRun([2, 3])    // '附件2、附件3'
 * annexRun([])        // ''
 */
export function annexRun(numbers: readonly number[]): string {
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  if (numbers.length >= 3 && consecutive) return `附件${numbers[0]}至附件${numbers[numbers.length - 1]}`;
  return numbers.map((n) => `附件${n}`).join('、');
}

/**
 * Every notice the outputs print, from which scores are illustrative:
 * one per annex (units, departments, experiences), one per kind of page
 * (`本页所列得分…`), one over the home page's charts (`以下图表所列得分…`),
 * and one for the downloads page naming every annex
 * whose scores are illustrative. With nothing illustrative, every notice
 * is null and `notice` too.
 *
 * @example
 * notices({ unitScores: false, departmentScores: true, experienceScores: true, wording: '所列得分系示意值。' }).downloads
 * // '说明：附件2、附件3所列得分系示意值。'
 */
export function notices(inputs: NoticeInputs): Pick<Provenance, 'notice' | 'annexNotices' | 'pageNotices' | 'downloadsNotice'> {
  const { unitScores, departmentScores, experienceScores, wording } = inputs;
  const flags = [unitScores, departmentScores, experienceScores];
  const any = flags.some(Boolean);
  const illustrativeAnnexes = flags.flatMap((flag, i) => (flag ? [i + 1] : []));
  return {
    notice: any && wording ? wording : null,
    annexNotices: {
      units: noticeText('附件1', unitScores, wording),
      departments: noticeText('附件2', departmentScores, wording),
      experiences: noticeText('附件3', experienceScores, wording),
    },
    pageNotices: {
      units: noticeText('本页', unitScores, wording),
      departments: noticeText('本页', departmentScores, wording),
      experiences: noticeText('本页', experienceScores, wording),
      charts: noticeText('以下图表', any, wording),
    },
    downloadsNotice: noticeText(annexRun(illustrativeAnnexes), any, wording),
  };
}

/**
 * The report's provenance from the edition: which scores are illustrative
 * (an experience listing `scores` makes unit and experience scores so,
 * one listing `lead_assessment` department and experience scores), whether
 * the survey is, and the notices that go with them.
 *
 * @example
 * provenance(edition).annexNotices.units // '说明：附件1所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。'
 */
export function provenance(edition: Edition): Provenance {
  const marks = (field: string) => edition.experiences.some((e) => e.illustrative.includes(field));
  const unitScores = marks('scores');
  const departmentScores = marks('lead_assessment');
  const experienceScores = unitScores || departmentScores;
  return {
    unitScores,
    departmentScores,
    experienceScores,
    survey: edition.survey.illustrative.length > 0,
    ...notices({ unitScores, departmentScores, experienceScores, wording: edition.report.illustrative_notice }),
  };
}
