/**
 * The narrative is in our own words: no sentence of the published report
 * (the seed text kept beside the repository, in `../shared/seed/`) appears
 * in a chapter, and no chapter shares a long run of characters with it.
 * Document titles in 《》 are names and are left out of the comparison.
 * Skips when the seed is not there (a clone without it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/built-site.ts';
import { HOLE, readChapterProse } from './narrative-source.ts';

/** A copied sentence longer than this many characters fails. */
const SENTENCE_MIN = 20;
/** A run of this many identical consecutive characters fails. */
const RUN_LENGTH = 30;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };

/**
 * Puts text in one comparable form: ASCII punctuation as its full-width
 * form, no whitespace, no stray backslashes (a scraping artefact of the
 * seed), no Markdown markers.
 *
 * @example
 * normalise('一、 主要特点\n(一)以\\’制度’为先') // '一、主要特点（一）以’制度’为先'
 */
function normalise(text: string): string {
  return text.replace(/[,:;()!?]/g, (c) => HALF_TO_FULL[c] ?? c).replace(/[\s\\#*>]/g, '');
}

/**
 * The sentences of a text, split at 。；！？ and line ends, normalised.
 *
 * @example
 * sentences('甲乙。丙丁；戊') // ['甲乙', '丙丁', '戊']
 */
function sentences(text: string): string[] {
  return text
    .split(/[。；！？\n]/)
    .map(normalise)
    .filter((s) => s.length > 0);
}

/** Prose with names in 《》 replaced by a hole, then normalised. */
function comparableProse(text: string): string {
  return normalise(text.replace(/《[^》\n]*》/g, HOLE));
}

/**
 * What a chapter copied from the seed: whole sentences longer than
 * `SENTENCE_MIN`, and runs of `RUN_LENGTH` identical characters.
 *
 * @example
 * copiedFrom('这是原文里一个相当长的句子，用来检验复制是否会被发现。', '前言。这是原文里一个相当长的句子，用来检验复制是否会被发现。')
 * // ['这是原文里一个相当长的句子，用来检验复制是否会被发现']
 */
function copiedFrom(seed: string, chapter: string): string[] {
  let prose = comparableProse(chapter);
  const found = sentences(seed).filter((s) => s.length > SENTENCE_MIN && prose.includes(s));
  // A copied sentence is reported once, not again as the runs inside it.
  for (const s of found) prose = prose.split(s).join(HOLE);
  const seedText = normalise(seed);
  const windows = new Set<string>();
  for (let i = 0; i + RUN_LENGTH <= seedText.length; i++) windows.add(seedText.slice(i, i + RUN_LENGTH));
  for (let i = 0; i + RUN_LENGTH <= prose.length; i++) {
    const run = prose.slice(i, i + RUN_LENGTH);
    if (!run.includes(HOLE) && windows.has(run)) {
      found.push(run);
      i += RUN_LENGTH - 1;
    }
  }
  return found;
}

describe('copiedFrom(seed, chapter)', () => {
  const seed =
    '市直牵头部门、各区县及高新区紧紧围绕市委改革办工作部署和要求,高起点谋划、高标准推进、高效率运转。淄川区20项创新改革经验推广推介工作全部由区领导认领,各有关部门分别成立由主要负责人担任组长的工作领导小组强力推广推介。';
  it.each([
    ['a sentence copied whole, even with full-width commas', '市直牵头部门、各区县及高新区紧紧围绕市委改革办工作部署和要求，高起点谋划、高标准推进、高效率运转。', 1],
    ['a long run copied inside a new sentence', '我们看到，各有关部门分别成立由主要负责人担任组长的工作领导小组强力推广推介，效果很好。', 1],
    ['a paraphrase', '对照市委改革办的部署，各牵头部门和各区县、高新区谋划起点高、推进标准严、运转效率快。', 0],
    ['a copy whose figure became a template expression', '淄川区□项创新改革经验推广推介工作全部由区领导认领，各有关部门分别成立由主要负责人担任组长', 1],
    ['a long document title in 《》', '出台了《各有关部门分别成立由主要负责人担任组长的工作领导小组强力推广推介》。', 0],
  ])('finds %s', (_, chapter, count) => {
    expect(copiedFrom(seed, chapter)).toHaveLength(count);
  });
});

const seedDir = path.resolve(projectRoot, '../shared/seed');
const seedFiles = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')) : [];

describe.skipIf(seedFiles.length === 0)('the chapters in content/, against the published text', () => {
  const seed = seedFiles.map((f) => readFileSync(path.join(seedDir, f), 'utf8')).join('\n');
  const chapters = readChapterProse(path.join(projectRoot, 'content'), projectRoot);

  it.each(chapters.map((c) => [c.file, c] as const))('%s copies no sentence and no long run of the seed', (_, chapter) => {
    expect(copiedFrom(seed, chapter.lines.join('\n'))).toEqual([]);
  });
});
