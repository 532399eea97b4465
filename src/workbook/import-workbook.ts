/**
 * The import, start to end, without touching a file: read the sheets
 * against the edition, turn the changed values into in-place YAML edits,
 * validate the edited edition in full (schema, cross-file rules, scoring,
 * reconciliation of every printed figure), and say what would be written
 * and how the rankings move. Any problem anywhere means nothing is
 * written; each names the workbook cells it comes from.
 */
import { EditionError, formatIssue, formatPath, type Issue } from '../data/errors.ts';
import { parseYaml } from '../data/parse-yaml.ts';
import type { RawEditionFiles, RawFile } from '../data/raw-files.ts';
import { editYaml, YamlEditError, type YamlEdit } from '../data/yaml-edit.ts';
import { rankingDiff, type RankingDiff } from '../model/ranking-diff.ts';
import { computeReport } from '../model/compute-report.ts';
import type { Report } from '../model/types.ts';
import { parseEdition, type Edition } from '../schema/edition.ts';
import { parseReportedKey } from '../schema/reported-keys.ts';
import { cellAddress } from './cell-address.ts';
import type { SheetInput } from './cell-value.ts';
import { readWorkbook } from './read-workbook.ts';
import type { WorkbookChange } from './workbook-change.ts';
import { sortWorkbookIssues, type WorkbookIssue } from './workbook-issue.ts';

/** What an import works from: the edition as loaded, the text of the files it may rewrite, and the sheets. */
export interface ImportInput {
  files: RawEditionFiles;
  /** Text of every experience file and of survey.yaml, by the file name the loader gave it (`RawFile.file`). */
  texts: ReadonlyMap<string, string>;
  sheets: readonly SheetInput[];
  kind: 'xlsx' | 'csv';
}

/** A file the import rewrites: its new text and how many values changed in it. */
export interface WrittenFile {
  file: string;
  text: string;
  changes: number;
}

/** How an import ends. */
export type ImportOutcome =
  /** The edition was invalid before the import: nothing was read. */
  | { status: 'edition-invalid'; issues: Issue[] }
  /** The workbook (or the edition it would make) has problems: nothing may be written. */
  | { status: 'refused'; issues: WorkbookIssue[]; notices: WorkbookIssue[] }
  /** Everything is valid: `written` is what to write (empty when nothing changed). */
  | { status: 'ok'; written: WrittenFile[]; changes: WorkbookChange[]; notices: WorkbookIssue[]; diff: RankingDiff; before: Report; after: Report };

/**
 * Runs an import in memory. The edition must be valid (and reconcile)
 * before. Only values that differ are edited, in place; a criterion-map
 * score whose sum changed becomes the number (a notice says so). The
 * edited files are parsed again and the whole edition validated and
 * scored as a build would; a problem there is reported at the cells that
 * changed the values involved (a printed figure that no longer reconciles
 * names the cells that feed it). An unchanged workbook writes nothing.
 *
 * @example
 * const outcome = importWorkbook({ files, texts, sheets, kind: 'xlsx' });
 * if (outcome.status === 'ok') for (const f of outcome.written) await writeFile(f.file, f.text);
 */
export function importWorkbook(input: ImportInput): ImportOutcome {
  const parsed = parseEdition(input.files);
  if ('issues' in parsed) return { status: 'edition-invalid', issues: parsed.issues };
  let before: Report;
  try {
    before = computeReport(parsed.edition);
  } catch (error) {
    if (error instanceof EditionError) return { status: 'edition-invalid', issues: error.issues };
    throw error;
  }
  const edition = parsed.edition;

  const reading = readWorkbook(edition, input.sheets, input.kind);
  const notices = [...reading.notices, ...criterionMapNotices(reading.changes, edition)];
  const refuse = (issues: WorkbookIssue[]): ImportOutcome => ({ status: 'refused', issues: sortWorkbookIssues(issues), notices: sortWorkbookIssues(notices) });
  if (reading.issues.length > 0) return refuse(reading.issues);

  // Edit each file in place.
  const byFile = new Map<RawFile, WorkbookChange[]>();
  for (const change of reading.changes) {
    const raw = change.target.part === 'survey' ? input.files.survey : input.files.experiences[change.target.part]!;
    byFile.set(raw, [...(byFile.get(raw) ?? []), change]);
  }
  const written: WrittenFile[] = [];
  const editIssues: WorkbookIssue[] = [];
  for (const [raw, changes] of byFile) {
    const text = input.texts.get(raw.file);
    if (text === undefined) throw new Error(`没有 ${raw.file} 的文本 (expected the text of every file the import may edit)`);
    try {
      written.push({ file: raw.file, text: editYaml(text, yamlEdits(raw, changes, edition)), changes: changes.length });
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      editIssues.push(atCells(changes, `${raw.file} 无法在原处修改，未写入：${error.message}；请手工修改该文件`));
    }
  }
  if (editIssues.length > 0) return refuse(editIssues);
  if (written.length === 0) return { status: 'ok', written, changes: [], notices: sortWorkbookIssues(notices), diff: rankingDiff(before, before), before, after: before };

  // Validate the edited edition as a build would.
  const edited = new Map(written.map((w) => [w.file, parseYaml(w.text, w.file)]));
  const files: RawEditionFiles = {
    ...input.files,
    survey: edited.get(input.files.survey.file) ?? input.files.survey,
    experiences: input.files.experiences.map((f) => edited.get(f.file) ?? f),
  };
  const reparsed = parseEdition(files);
  if ('issues' in reparsed) return refuse(reparsed.issues.map((issue) => editionIssue(issue, reading.changes, files, edition)));
  const after = computeReport(reparsed.edition, { reconcile: 'record' });
  const mismatches = after.reconciliation.filter((r) => !r.ok);
  if (mismatches.length > 0) {
    return refuse(
      mismatches.map((r) => {
        const at = reparsed.edition.source!.locate('report', ['reported', r.key]);
        const feeding = figureChanges(r.key, reading.changes, edition);
        const message = `导入后与报告所载数字不符：${at.file}:${at.line}:${at.column} reported.${r.key}；如确为新数据，请同时修改该印刷数字 (expected "${r.printed}" as printed, found "${r.computed}" as computed)`;
        return feeding.length > 0 ? atCells(feeding, message) : { sheet: at.file, message };
      }),
    );
  }
  return { status: 'ok', written, changes: reading.changes, notices: sortWorkbookIssues(notices), diff: rankingDiff(before, after), before, after };
}

/** The in-place edits for one file's changes. */
function yamlEdits(raw: RawFile, changes: readonly WorkbookChange[], edition: Edition): YamlEdit[] {
  const edits: YamlEdit[] = [];
  const methodOrder = edition.scheme.methods.map((m) => m.id);
  const experienceOrder = edition.experiences.map((e) => e.id);
  // survey.yaml may leave `awareness` out: new counts then go in as one `awareness: {…}` entry.
  const value = raw.value as Record<string, unknown>;
  const newAwareness: Record<string, number> = {};
  for (const change of changes) {
    const path = change.target.path;
    if (change.after === undefined) edits.push({ kind: 'delete', path });
    else if (change.before !== undefined) edits.push({ kind: 'set', path, value: change.after });
    else if (path[0] === 'awareness' && value.awareness === undefined) newAwareness[path[1]!] = change.after;
    else edits.push({ kind: 'insert', path, value: change.after, order: path[0] === 'awareness' ? experienceOrder : methodOrder });
  }
  if (Object.keys(newAwareness).length > 0) {
    const ordered = Object.fromEntries(experienceOrder.filter((id) => id in newAwareness).map((id) => [id, newAwareness[id]!]));
    edits.push({ kind: 'insert', path: ['awareness'], value: ordered, order: ['issued', 'valid', 'satisfied', 'awareness', 'illustrative'] });
  }
  return edits;
}

/** Notices for criterion-map scores the import replaces by a number or removes. */
function criterionMapNotices(changes: readonly WorkbookChange[], edition: Edition): WorkbookIssue[] {
  const names = new Map(edition.scheme.criteria.map((c) => [c.id, c.name]));
  return changes
    .filter((c) => c.before !== undefined && typeof c.before === 'object')
    .map((c) => {
      const parts = Object.entries(c.before as Record<string, number>).map(([id, points]) => `${names.get(id) ?? id} ${points}`);
      const detail = `原为按指标给分（${parts.join('、')}）`;
      const message =
        c.after === undefined
          ? `${detail}，单元格已清空，该评估方式连同指标明细一并删除`
          : `${detail}，合计与单元格不同，改记为总分 ${c.after}，指标明细已删除`;
      return { sheet: c.sheet, row: c.row, column: c.column, message };
    });
}

/** One issue at the cells of several changes (the first cell places it). */
function atCells(changes: readonly WorkbookChange[], message: string): WorkbookIssue {
  const first = changes[0]!;
  return {
    sheet: first.sheet,
    row: first.row,
    column: first.column,
    cells: changes.map((c) => `${c.sheet}!${cellAddress(c.row, c.column)}`),
    message,
  };
}

function fileOf(change: WorkbookChange, files: RawEditionFiles): string {
  return change.target.part === 'survey' ? files.survey.file : files.experiences[change.target.part]!.file;
}

/** An issue of the edited edition, placed at the cells whose changes it concerns. */
function editionIssue(issue: Issue, changes: readonly WorkbookChange[], files: RawEditionFiles, edition: Edition): WorkbookIssue {
  const related = issue.path.startsWith('reported.')
    ? figureChanges(issue.path.slice('reported.'.length), changes, edition)
    : changes.filter((c) => {
        if (fileOf(c, files) !== issue.file) return false;
        const path = formatPath(c.target.path);
        return issue.path === '' || path === issue.path || path.startsWith(`${issue.path}.`) || issue.path.startsWith(`${path}.`);
      });
  const message = `导入后数据不符合规则：${formatIssue(issue)}`;
  return related.length > 0 ? atCells(related, message) : { sheet: issue.file, message };
}

/** The changes that feed a printed figure (`unit_mean`, `spread:<id>`, `awareness:<id>` …). */
function figureChanges(key: string, changes: readonly WorkbookChange[], edition: Edition): WorkbookChange[] {
  const parsed = parseReportedKey(key);
  const field = (c: WorkbookChange) => c.target.path[0];
  const survey = (c: WorkbookChange, ...fields: string[]) => c.target.part === 'survey' && fields.includes(field(c)!);
  if (parsed.kind === 'statistic') {
    switch (parsed.statistic) {
      case 'unit_mean':
        return changes.filter((c) => field(c) === 'scores');
      case 'experience_mean':
        return changes.filter((c) => field(c) === 'scores' || field(c) === 'lead_assessment');
      case 'department_mean':
        return changes.filter((c) => field(c) === 'lead_assessment');
      case 'satisfaction':
        return changes.filter((c) => survey(c, 'satisfied', 'valid'));
      default:
        return [];
    }
  }
  if (parsed.kind === 'spread') {
    const index = edition.experiences.findIndex((e) => e.id === parsed.experience);
    return changes.filter((c) => c.target.part === index && field(c) === 'scores' && c.target.path[2] === edition.scheme.spread_method);
  }
  if (parsed.kind === 'awareness') {
    return changes.filter((c) => survey(c, 'valid') || (survey(c, 'awareness') && c.target.path[1] === parsed.experience));
  }
  return [];
}
