/**
 * Every figure in the narrative comes from the data: outside template
 * expressions the chapters type no digit, except inside a short list of
 * fixed names that contain digits.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/built-site.ts';
import { readChapterProse, stripTemplate } from './narrative-source.ts';

/**
 * Names that contain digits and are not figures: the “6+X” mediation model
 * of 沂源县 and its parts, as the report spells them.
 */
const FIXED_NAMES = ['“6+X”', '“6”'];

/**
 * The digit runs a line of prose types itself, after the fixed names are
 * taken out. Full-width digits count too.
 *
 * @example
 * typedDigits('问卷885份') // ['885']
 */
function typedDigits(line: string): string[] {
  let rest = line;
  for (const name of FIXED_NAMES) rest = rest.split(name).join('');
  return rest.match(/[0-9０-９]+/g) ?? [];
}

describe('typedDigits(line)', () => {
  it.each([
    ['群众满意度测评结果为91%。', ['91']],
    ['发放问卷９１０份', ['９１０']],
    [stripTemplate('群众满意度测评结果为{{ report.stats.satisfaction.text }}。'), []],
    [stripTemplate('{% if a > 2 %}得分{{ x | score: 2 }}分{% endif %}'), []],
    ['探索出“6+X”多元化解矛盾纠纷的新路径：“6”是县委政法委', []],
    ['“6+X”之外另有7个部门', ['7']],
  ])('finds the figures typed in %s', (line, expected) => {
    expect(typedDigits(line)).toEqual(expected);
  });
});

describe('the chapters in content/', () => {
  const chapters = readChapterProse(path.join(projectRoot, 'content'), projectRoot);

  it('exist, one file a chapter', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(5);
  });

  it('type no figure outside a template expression', () => {
    const typed = chapters.flatMap(({ file, lines }) =>
      lines.flatMap((line, i) => typedDigits(line).map((digits) => `${file}:${i + 1} 正文中直接写了数字 ${digits}`)),
    );
    expect(typed).toEqual([]);
  });
});
