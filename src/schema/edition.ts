/**
 * The whole edition: every file's loose YAML value → one typed `Edition`,
 * or every issue found, each naming file, line and field.
 *
 * Pure: the raw files come in already parsed, with a `locate` function
 * for positions (see src/data/parse-yaml.ts); nothing here reads files.
 */
import { z } from 'zod';
import { formatPath, type Issue, type PathKey, type Position } from '../data/errors.ts';
import type { RawEditionFiles, RawFile } from '../data/raw-files.ts';
import { checkEdition } from './check-edition.ts';
import { experienceFileSchema } from './experience-file.ts';
import { reservedKeyPaths } from './reserved-keys.ts';
import { reportFileSchema } from './report-file.ts';
import { schemeFileSchema } from './scheme-file.ts';
import { activityFileSchema, surveyFileSchema } from './survey-file.ts';
import { departmentsFileSchema, unitsFileSchema } from './units-file.ts';
import type { Candidate } from './did-you-mean.ts';
import { zodIssuesToIssues, type ZodIssueContext } from './zod-issues.ts';

/** Which file of an edition: a single file by name, or an experience by index. */
export type EditionPart = 'report' | 'scheme' | 'units' | 'departments' | 'survey' | 'activity' | number;

/** Where a value came from: file name, line and column. */
export interface SourceLocation extends Position {
  file: string;
}

/** Lets the computing core point issues it finds (a reconciliation mismatch) at lines. */
export interface EditionSource {
  locate(part: EditionPart, path: readonly PathKey[]): SourceLocation;
}

/**
 * zod schema of a whole edition, file by file (shapes only; cross-file
 * rules are in `checkEdition`).
 *
 * @example
 * type Edition = z.output<typeof editionSchema>;
 */
export const editionSchema = z.object({
  report: reportFileSchema,
  scheme: schemeFileSchema,
  units: unitsFileSchema,
  departments: departmentsFileSchema,
  experiences: z.array(experienceFileSchema).min(1),
  survey: surveyFileSchema,
  activity: activityFileSchema,
});

/**
 * The typed, validated input of one edition (zod-inferred), plus optional
 * positions so later stages can point at lines.
 */
export type Edition = z.output<typeof editionSchema> & { source?: EditionSource };

type SingleKey = 'report' | 'scheme' | 'units' | 'departments' | 'survey' | 'activity';

const SINGLE_SCHEMAS: Record<SingleKey, z.ZodType> = {
  report: reportFileSchema,
  scheme: schemeFileSchema,
  units: unitsFileSchema,
  departments: departmentsFileSchema,
  survey: surveyFileSchema,
  activity: activityFileSchema,
};

/**
 * Validates every file of an edition and cross-checks them (ids, sums,
 * ranges, reconciliation keys). Reports every issue at once; a file that
 * could not be read contributes its read issue and is otherwise skipped.
 *
 * @example
 * const result = parseEdition(await loadEditionFiles('data'));
 * if ('issues' in result) console.error(formatIssues(result.issues));
 * else computeReport(result.edition);
 */
export function parseEdition(files: RawEditionFiles): { edition: Edition } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const parsed: Partial<Record<SingleKey, unknown>> = {};

  // Appended one by one: a file with 100,000 mistakes would overflow the stack as spread arguments.
  const addAll = (more: readonly Issue[]) => {
    for (const issue of more) issues.push(issue);
  };
  const parseOne = (raw: RawFile, schema: z.ZodType, references?: ZodIssueContext['references']): unknown => {
    if (raw.issues.length > 0) {
      addAll(raw.issues);
      return undefined;
    }
    const reserved = reservedKeyPaths(raw.value);
    const reservedAt = new Set<string>();
    for (const path of reserved) {
      reservedAt.add(formatPath(path));
      issues.push({
        file: raw.file,
        ...raw.locate(path),
        path: formatPath(path),
        message: '键名不能是 __proto__：这是 JavaScript 的保留名称，读入时会被丢弃 (expected an id or a field name, found "__proto__")',
      });
    }
    const result = schema.safeParse(raw.value, { reportInput: true });
    if (!result.success) {
      // A reserved key that is also no field of the file is reported once, as reserved.
      addAll(zodIssuesToIssues(raw.file, raw.locate, result.error.issues, { schema, references }).filter((i) => !reservedAt.has(i.path)));
      return undefined;
    }
    return reserved.length > 0 ? undefined : result.data;
  };

  for (const key of Object.keys(SINGLE_SCHEMAS) as SingleKey[]) {
    const raw = files[key];
    parsed[key] = raw ? parseOne(raw, SINGLE_SCHEMAS[key]) : key === 'activity' ? [] : undefined;
  }
  const references = experienceReferences(parsed.units as Candidate[] | undefined, parsed.departments as Candidate[] | undefined);
  const experiences = files.experiences.map((raw) => parseOne(raw, experienceFileSchema, references));
  if (files.experiences.length === 0) {
    // The loader names the empty folder; an edition built in memory gets the same refusal here.
    const folder = `${files.report.file.replace(/[^/\\]*$/, '')}experiences`;
    issues.push({ file: folder, line: 1, column: 1, path: '', message: '没有任何经验文件，无法计分 (expected at least one experience, found none)' });
  }

  const parts = {
    report: parsed.report,
    scheme: parsed.scheme,
    units: parsed.units,
    departments: parsed.departments,
    survey: parsed.survey,
    activity: parsed.activity,
    experiences,
  } as Parameters<typeof checkEdition>[0];
  addAll(checkEdition(parts, files));

  if (issues.length > 0) return { issues };
  const source = editionSource(files);
  const edition: Edition = {
    report: parts.report!,
    scheme: parts.scheme!,
    units: parts.units!,
    departments: parts.departments!,
    experiences: parts.experiences as NonNullable<(typeof parts.experiences)[number]>[],
    survey: parts.survey!,
    activity: parts.activity ?? [],
    source,
  };
  return { edition };
}

/**
 * What an experience's references may name, for a "did you mean" on a
 * malformed one (`lead: 市法院`): the departments for `lead`, the units
 * for `origin` (each `undefined` when its file did not validate).
 *
 * @example
 * experienceReferences(units, departments)(['lead']) // departments
 */
function experienceReferences(units: Candidate[] | undefined, departments: Candidate[] | undefined): ZodIssueContext['references'] {
  return (path) => (path.length !== 1 ? undefined : path[0] === 'lead' ? departments : path[0] === 'origin' ? units : undefined);
}

type Locator = Pick<RawFile, 'file' | 'locate'>;

/**
 * Positions for the computing core, holding only each file's name and
 * `locate`, not its loose value: the typed edition is all that outlives
 * validation.
 *
 * @example
 * editionSource(files).locate('report', ['reported', 'unit_mean']) // { file: 'data/report.yaml', line: 18, column: 14 }
 */
function editionSource(files: RawEditionFiles): EditionSource {
  const only = (raw: RawFile | undefined): Locator | undefined => raw && { file: raw.file, locate: raw.locate };
  const single: Partial<Record<SingleKey, Locator>> = {};
  for (const key of Object.keys(SINGLE_SCHEMAS) as SingleKey[]) single[key] = only(files[key]);
  const experiences = files.experiences.map(only);
  return {
    locate(part, path) {
      const raw = typeof part === 'number' ? experiences[part] : single[part];
      if (!raw) return { file: String(part), line: 1, column: 1 };
      return { file: raw.file, ...raw.locate(path) };
    },
  };
}
