/**
 * The file-system edge of loading: reads every file of an edition folder
 * and parses each (positions are found later, on demand: see
 * `parseYaml`). Nothing here judges the content; `parseEdition`
 * (src/schema/edition.ts) does that.
 */
import path from 'node:path';
import { EditionError } from './errors.ts';
import { EditionFileError, listEditionFolderSync, readEditionFileSync } from './read-edition-file.ts';
import { DEFAULT_YAML_LIMITS, parseYaml, type YamlLimits } from './parse-yaml.ts';
import type { RawEditionFiles, RawFile } from './raw-files.ts';

/**
 * The single files of an edition, by their key in `RawEditionFiles`.
 *
 * @example
 * EDITION_FILES.survey // 'survey.yaml'
 */
export const EDITION_FILES = {
  report: 'report.yaml',
  scheme: 'scheme.yaml',
  units: 'units.yaml',
  departments: 'departments.yaml',
  survey: 'survey.yaml',
  activity: 'activity.yaml',
} as const;

/** Files an edition may leave out. */
const OPTIONAL = new Set(['activity']);

/**
 * Reads an edition folder: the six single files and every `.yaml` file in
 * `experiences/`, ordered by numeric file-name prefix (then by name).
 * A missing, unreadable or refused file becomes an issue on that file, so
 * the caller still sees every problem at once. A data file must be a
 * regular file of at most `limits.maxBytes`, inside the folder once links
 * are resolved: a folder, FIFO, device, socket or link leaving the edition
 * is refused by name and never opened (`src/data/read-edition-file.ts`).
 * File names are relative to `cwd`. Throws an `EditionError` when
 * `dataDir` itself is missing or not a folder: there is nothing to report
 * on file by file.
 *
 * @example
 * const files = await loadEditionFiles('tests/fixtures/small/data');
 * files.experiences.map((f) => f.file) // ['tests/fixtures/small/data/experiences/01-….yaml', …]
 * await loadEditionFiles('no-such-folder')
 * // throws EditionError 'no-such-folder:1:1: 数据文件夹不存在 (expected a folder, found nothing)'
 */
export async function loadEditionFiles(
  dataDir: string,
  options: { cwd?: string; limits?: YamlLimits } = {},
): Promise<RawEditionFiles> {
  const cwd = options.cwd ?? process.cwd();
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const shown = (abs: string) => path.relative(cwd, abs) || abs;

  const given = path.resolve(cwd, dataDir);
  let root: string;
  try {
    root = listEditionFolderSync(given, { shown: shown(given) }).real;
  } catch (error) {
    if (!(error instanceof EditionFileError)) throw error;
    const reason = error.problem === 'missing' ? '数据文件夹不存在 (expected a folder, found nothing)' : error.reason;
    throw new EditionError(missing(shown(given), reason).issues);
  }
  // Files are named as the reader gave the folder, not by its resolved path.
  const named = (real: string) => shown(path.join(given, path.relative(root, real)));

  const readOne = (abs: string, optional: boolean): RawFile | undefined => {
    let bytes: Buffer;
    try {
      bytes = readEditionFileSync(abs, { within: root, maxBytes: limits.maxBytes, shown: named(abs) });
    } catch (error) {
      if (!(error instanceof EditionFileError)) throw error;
      if (error.problem === 'missing' && optional) return undefined;
      const reason = error.problem === 'missing' ? '缺少必需的数据文件 (expected a file, found nothing)' : error.reason;
      return missing(named(abs), reason);
    }
    // The bytes, not the text: a parsed file keeps them to find places on demand.
    return parseYaml(bytes, named(abs), limits);
  };

  const single = Object.fromEntries(
    Object.entries(EDITION_FILES).map(([key, name]) => [key, readOne(path.join(root, name), OPTIONAL.has(key))]),
  ) as Record<keyof typeof EDITION_FILES, RawFile | undefined>;

  const experienceDir = path.join(root, 'experiences');
  let folder: { real: string; names: string[] } | undefined;
  let dirIssue: RawFile | undefined;
  try {
    folder = listEditionFolderSync(experienceDir, { within: root, shown: named(experienceDir) });
  } catch (error) {
    if (!(error instanceof EditionFileError)) throw error;
    const reason = error.problem === 'missing' ? '缺少 experiences 文件夹 (expected a folder of experience files, found nothing)' : error.reason;
    dirIssue = missing(named(experienceDir), reason);
  }
  const names = (folder?.names ?? []).filter((n) => /\.ya?ml$/.test(n)).sort(compareExperienceFiles);
  const experiences = names.map((n) => readOne(path.join(folder!.real, n), false)).filter(
    (f): f is RawFile => f !== undefined,
  );
  if (dirIssue) experiences.push(dirIssue);
  if (!dirIssue && experiences.length === 0) {
    experiences.push(missing(named(experienceDir), 'experiences 文件夹中没有任何经验文件 (expected at least one .yaml file, found none)'));
  }

  return {
    report: single.report!,
    scheme: single.scheme!,
    units: single.units!,
    departments: single.departments!,
    survey: single.survey!,
    activity: single.activity,
    experiences,
  };
}

/**
 * Orders experience files by their numeric prefix, then by name, so that
 * `2-x.yaml` comes before `10-y.yaml`.
 *
 * @example
 * ['10-b.yaml', '02-a.yaml'].sort(compareExperienceFiles) // ['02-a.yaml', '10-b.yaml']
 */
export function compareExperienceFiles(a: string, b: string): number {
  const na = Number(/^(\d+)/.exec(a)?.[1] ?? Number.POSITIVE_INFINITY);
  const nb = Number(/^(\d+)/.exec(b)?.[1] ?? Number.POSITIVE_INFINITY);
  if (na !== nb) return na < nb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function missing(file: string, message: string): RawFile {
  const at = { line: 1, column: 1 };
  return { file, value: undefined, issues: [{ file, ...at, path: '', message }], locate: () => at };
}
