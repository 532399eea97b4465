/**
 * Floor of the load stage: js-yaml 4 `load` of every data file of an
 * edition, nothing else — no positions recorded, no limits checked, no
 * schema, no cross-references. The project's loader cannot be faster than
 * this with this parser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';

/** What one run of {@link measureYamlFloor} found. */
export interface YamlFloorResult {
  files: number;
  bytes: number;
  /** Reading the files and parsing them, ms. */
  ms: number;
  /** Parsing alone (the files already in memory), ms. */
  parseMs: number;
}

/**
 * The YAML files the loader reads from `dataDir`: the ones at its top level
 * and those in `experiences/` (`src/data/load-edition-files.ts` reads the
 * same folders), sorted.
 *
 * @example
 * await editionYamlFiles('data'); // ['data/activity.yaml', …, 'data/experiences/01-judge-prosecutor-review.yaml', …]
 */
export async function editionYamlFiles(dataDir: string): Promise<string[]> {
  const yamlIn = async (dir: string) =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
  return [...(await yamlIn(dataDir)), ...(await yamlIn(path.join(dataDir, 'experiences')))];
}

/**
 * Read every data file of the edition in `dataDir` and `yaml.load` it with
 * the schema the loader uses (YAML 1.2 core), timing the whole and the
 * parsing alone. js-yaml is imported before the clock starts, as the build
 * imports its loader before its load stage. The parsed values stay alive
 * until the result is returned.
 *
 * @example
 * await measureYamlFloor('data'); // { files: 27, bytes: 160000, ms: 30, parseMs: 25 }
 */
export async function measureYamlFloor(dataDir: string): Promise<YamlFloorResult> {
  const started = performance.now();
  const files = await editionYamlFiles(dataDir);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const parsing = performance.now();
  // Every value is kept until the end, as the loader keeps them: holding
  // them makes garbage collection dearer, and the process's peak memory is
  // then what the parsed edition takes.
  const values = texts.map((text) => yaml.load(text, { schema: yaml.CORE_SCHEMA }));
  const ended = performance.now();
  const empty = values.filter((v) => v === undefined).length;
  if (empty > 0) throw new Error(`YAML 基准: ${empty} 个文件为空 (empty data files)`);
  return {
    files: files.length,
    bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0),
    ms: ended - started,
    parseMs: ended - parsing,
  };
}
