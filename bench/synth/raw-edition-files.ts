/**
 * Read generated edition files with the project's own YAML reader, in
 * memory, so a test or a benchmark can hand a synthetic edition to the
 * schema without writing it to disk.
 */
import { compareExperienceFiles } from '../../src/data/load-edition-files.ts';
import { parseYaml } from '../../src/data/parse-yaml.ts';
import type { RawEditionFiles } from '../../src/data/raw-files.ts';
import type { EditionFiles } from './generate-edition.ts';

/**
 * The raw files of a generated edition, as `loadEditionFiles` would read
 * them from a folder: experience files ordered by their numeric prefix.
 *
 * @example
 * const raw = rawEditionFiles(generateEdition({ experiences: 2, units: 3 }));
 * raw.experiences.length; // 2
 * parseEdition(raw); // { edition }
 */
export function rawEditionFiles(files: EditionFiles): RawEditionFiles {
  const read = (file: string) => parseYaml(files.get(file) ?? '', file);
  const optional = (file: string) => (files.has(file) ? read(file) : undefined);
  return {
    report: read('data/report.yaml'),
    scheme: read('data/scheme.yaml'),
    units: read('data/units.yaml'),
    departments: read('data/departments.yaml'),
    survey: read('data/survey.yaml'),
    activity: optional('data/activity.yaml'),
    experiences: [...files.keys()]
      .filter((file) => file.startsWith('data/experiences/'))
      .sort((a, b) => compareExperienceFiles(a.slice('data/experiences/'.length), b.slice('data/experiences/'.length)))
      .map(read),
  };
}
