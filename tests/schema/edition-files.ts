/**
 * Test helper: the small fixture edition's files as text, changed in
 * memory and parsed the way the loader does, without touching the disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareExperienceFiles } from '../../src/data/load-edition-files.ts';
import { parseYaml } from '../../src/data/parse-yaml.ts';
import type { RawEditionFiles } from '../../src/data/raw-files.ts';
import { parseEdition } from '../../src/schema/edition.ts';

export const SMALL = 'tests/fixtures/small/data';

/** Every file of an edition folder: path relative to the folder → text. */
export function readEditionTexts(dir = SMALL): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.yaml')) texts.set(name, readFileSync(path.join(dir, name), 'utf8'));
  }
  for (const name of readdirSync(path.join(dir, 'experiences'))) {
    texts.set(`experiences/${name}`, readFileSync(path.join(dir, 'experiences', name), 'utf8'));
  }
  return texts;
}

/** Replaces exactly one occurrence of `from` in a file (failing loudly when it is not there once). */
export function edit(texts: Map<string, string>, file: string, from: string, to: string): Map<string, string> {
  const text = texts.get(file);
  if (text === undefined) throw new Error(`no file ${file}`);
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`"${from}" is not in ${file} exactly once`);
  const next = new Map(texts);
  next.set(file, text.slice(0, at) + to + text.slice(at + from.length));
  return next;
}

/** Parses texts as the loader would, with files named `data/<name>`. */
export function rawFiles(texts: Map<string, string>, prefix = 'data'): RawEditionFiles {
  const read = (name: string) => parseYaml(texts.get(name) ?? '', `${prefix}/${name}`);
  return {
    report: read('report.yaml'),
    scheme: read('scheme.yaml'),
    units: read('units.yaml'),
    departments: read('departments.yaml'),
    survey: read('survey.yaml'),
    activity: texts.has('activity.yaml') ? read('activity.yaml') : undefined,
    experiences: [...texts.keys()]
      .filter((k) => k.startsWith('experiences/'))
      .sort((a, b) => compareExperienceFiles(a.slice(12), b.slice(12)))
      .map(read),
  };
}

/** Parses texts and returns the issues (an empty list when the edition is valid). */
export function issuesOf(texts: Map<string, string>) {
  const result = parseEdition(rawFiles(texts));
  return 'issues' in result ? result.issues : [];
}
