/**
 * Turn a synthetic edition's values into the text of its files, laid out as
 * an edition folder (`data/…`, `content/…`) so a script can write them and a
 * test can read them without touching the disk.
 */
import yaml from 'js-yaml';
import { generateEditionData, type SynthEditionData, type SynthOptions } from './generate-edition-data.ts';

/** File path relative to the edition folder (`data/units.yaml`) -> file text. */
export type EditionFiles = Map<string, string>;

/**
 * Generate a synthetic edition of the given size as file texts: YAML under
 * `data/` (one experience per file, unit scores in flow style, one unit a
 * line, as an editor would type them) and Markdown chapters under `content/`.
 * The same options always give byte-identical files.
 *
 * @example
 * const files = generateEdition({ experiences: 20, units: 9 });
 * files.has('data/scheme.yaml'); // true
 * files.has('data/experiences/0001-exp-0001.yaml'); // true
 * files.has('content/01-overview.md'); // true
 */
export function generateEdition(options: SynthOptions): EditionFiles {
  return editionFiles(generateEditionData(options));
}

/**
 * Lay out already generated values as edition files.
 *
 * @example
 * editionFiles(generateEditionData({ experiences: 1, units: 2 })).size; // 7 data files + 3 chapters = 10
 */
export function editionFiles(data: SynthEditionData): EditionFiles {
  const files: EditionFiles = new Map();
  files.set('data/report.yaml', dump(data.report, 3));
  files.set('data/scheme.yaml', dump(data.scheme, 2));
  files.set('data/units.yaml', dump(data.units, 1));
  files.set('data/departments.yaml', dump(data.departments, 1));
  for (const experience of data.experiences) {
    // Level 2 is each unit's method scores: one unit per line.
    files.set(`data/experiences/${experience.fileName}`, dump(experience.data, 2));
  }
  files.set('data/survey.yaml', dump(data.survey, 2));
  files.set('data/activity.yaml', dump(data.activity, 1));
  for (const chapter of data.chapters) files.set(`content/${chapter.fileName}`, chapter.text);
  return files;
}

/** YAML text with maps at `flowLevel` and deeper written inline. */
function dump(value: unknown, flowLevel: number): string {
  return yaml.dump(value, { flowLevel, lineWidth: -1, noRefs: true, quotingType: '"' });
}
