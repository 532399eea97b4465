import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { findControlCharacters, mayHoldSlips, scanStructure, type SlipKind } from '../../src/data/input-slips.ts';
import { lineColumnFinder } from '../../src/data/positions.ts';

/** The slips of a text as `line:column kind` (certain ones) or `line:column kind?` (possible ones). */
function slipsOf(text: string): string[] {
  const at = lineColumnFinder(text);
  return scanStructure(text).slips.map((s) => {
    const { line, column } = at(s.offset);
    return `${line}:${column} ${s.kind}${s.certain ? '' : '?'}`;
  });
}

describe('scanStructure(text)', () => {
  it.each<[string, string, string[]]>([
    ['a full-width colon in a flow mapping', 'scores: {department：98.5, unit: 94}\n', ['1:20 colon']],
    ['a full-width colon after a block key', 'id: x\ntitle：建设智慧法院\n', ['2:6 colon']],
    ['a full-width colon after a nested block key', 'scores:\n  zichuan:\n    department：98.5\n', ['3:15 colon']],
    ['a full-width colon in a value that is data', 'zichuan: department：98.5\n', ['1:20 colon']],
    ['a full-width colon after a list dash', '- id：zhangdian\n  name: 张店区\n', ['1:5 colon']],
    ['a full-width colon after a quoted key', '"spread:x"：1\n', ['1:11 colon']],
    ['a Chinese key and a full-width colon before a flow mapping', 'scores:\n  淄川区：{unit: 1}\n', ['2:6 colon']],
    ['a Chinese key and a full-width colon before a space (possibly text)', 'scores:\n  淄川区： 好\n', ['2:6 colon?']],
    ['a colon without a space in a flow mapping', 'a: {department:98.5}\n', ['1:15 colon-space']],
    ['a colon without a space after a block key', 'a:\n  department:98.5\n', ['2:13 colon-space']],
    ['a full-width comma between entries', 'a: {department: 96，unit: 94}\n', ['1:19 comma']],
    ['a full-width comma after a quoted value', 'a: ["x"，"y"]\n', ['1:8 comma']],
    ['a full-width comma between ids in a list', 'illustrative: [batch，lead]\n', ['1:21 comma']],
    ['full-width braces', 'a: ｛department: 96｝\n', ['1:4 brace', '1:19 brace']],
    ['a full-width closing brace only', 'a: {department: 96｝\nb: 1\n', ['1:19 brace']],
    ['full-width square brackets', 'illustrative: ［batch, lead］\n', ['1:15 bracket', '1:27 bracket']],
    ['lenticular brackets for a list', 'illustrative: 【batch, lead】\n', ['1:15 bracket', '1:27 bracket']],
    ['full-width parentheses around a mapping', 'a: （department: 96）\n', ['1:4 paren', '1:19 paren']],
    ['full-width quotes around a key', '“spread:x”: "16"\n', ['1:1 quote']],
    ['a full-width space for indentation', 'a:\n\u3000b: 1\n', ['2:1 space']],
    ['a full-width space after two spaces of indentation', 'a:\n  \u3000b: 1\n', ['2:3 space']],
    ['a full-width space after a colon', 'lead:\u3000court\n', ['1:6 space']],
    ['a full-width space after a comma in a flow mapping', '- {id: a,\u3000name: b}\n', ['1:10 space']],
    ['a full-width space after a list dash', '-\u3000x\n', ['1:2 space']],
    ['a full-width dash for a list item', '- a\n－ b\n', ['2:1 dash']],
  ])('finds %s', (_, text, expected) => {
    expect(slipsOf(text)).toEqual(expected);
  });

  it.each([
    ['a title with full-width brackets and ellipsis', 'title: 关于……（试行）\n'],
    ['Chinese text in a list that closes a bracket of its own', 'a: [[关】], {t: 甲｝}]\n'],
    ['a reason with a full-width colon', 'not_applicable:\n  gamma: 原因：机构改革\n'],
    ['a time with a full-width colon', 'a: {note: 会议时间，14：30开始}\n'],
    ['a flow mapping value with commas and quotes', 'a: {title: 关于“放管服”改革，GDP，CPI的意见, code: 淄改办发〔2017〕2号}\n'],
    ['a list of Chinese principles', 'principles: [突出实效，突出问题导向, （试行）办法]\n'],
    ['a value starting with lenticular brackets', 'title: 【专题】关于推广的意见\n'],
    ['a value in full-width parentheses', 'note: （注：不含高新区）\n'],
    ['a value starting with Chinese quotes', 'title: “互联网+”行动\n'],
    ['a value with a full-width space inside', 'name: 张　三\n'],
    ['a block scalar with full-width paragraph indents and colons', 'note: |\n  \u3000\u3000第一段：说明\n  abc：12\n  \u3000- 列表\nnext: 1\n'],
    ['a folded block scalar under a list item', '- text: >\n    key：value\n  other: 2\n'],
    ['a quoted key and a quoted value', '"a：b": "c，d：1"\n'],
    ['a single-quoted value across lines', "a: 'x：1\n  ｛y'\n"],
    ['a comment', '# 说明：department：98.5，｛｝\na: 1 # 注：｛\n'],
    ['a URL and a time', 'source: http://example.org/a\nat: 10:30\n'],
    ['a reported key with a colon', 'reported:\n  spread:smart-court: "16"\n  "awareness:x": "5%"\n'],
    ['a multi-line flow mapping', 'scores: {\n  a: 1,\n  b: 2\n}\n'],
  ])('finds no certain slip in %s', (_, text) => {
    expect(slipsOf(text).filter((s) => !s.endsWith('?'))).toEqual([]);
  });

  it('finds no certain slip in Chinese text values however js-yaml writes them', () => {
    const cjk = fc.constantFrom(...'关于测试市年项经验推广情况张店区');
    const char = fc.oneof(cjk, fc.constantFrom(...'，：（）“”、。；《》【】－ 0123456789abc'));
    const text = fc.tuple(cjk, fc.string({ unit: char, maxLength: 12 })).map(([a, b]) => (a + b).trim());
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
    const { document } = fc.letrec((tie) => ({
      document: fc.oneof({ maxDepth: 3 }, text, fc.dictionary(key, tie('document'), { maxKeys: 4 }), fc.array(tie('document'), { maxLength: 4 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, document, { minKeys: 1, maxKeys: 4 }), fc.integer({ min: -1, max: 2 }), (value, flowLevel) => {
        const written = yaml.dump(value, { flowLevel, lineWidth: -1 });
        expect(yaml.load(written)).toEqual(value);
        expect(scanStructure(written).slips.filter((s) => s.certain), written).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, string, Array<[number, string, boolean]>]>([
    ['a flow mapping left open before the next key', 'a: {x: 1\nb: 2\n', [[3, '{', true]]],
    ['a flow mapping left open at the end of the file', 'a: {x: 1\n', [[3, '{', true]]],
    ['a flow mapping left open before the next list item', 'a:\n  - {x: 1\n  - {y: 2}\n', [[7, '{', true], [17, '{', false]]],
    ['a list closed by a brace', 'a: {x: [1, 2}\n', [[3, '{', false], [7, '[', true]]],
    ['a multi-line flow mapping that is closed', 'a: {\n  x: 1,\n  y: 2\n}\n', [[3, '{', false]]],
    ['brackets inside quotes and comments', 'a: "{[" # {\nb: [x]\n', [[15, '[', false]]],
  ])('follows flow collections: %s', (_, text, expected) => {
    expect(scanStructure(text).flows.map((f) => [f.open, f.char, f.unclosed === true])).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a line of Chinese text full of full-width colons', `a: ${'甲：'.repeat(100_000)}`],
    ['a key of colons', `a${':b'.repeat(100_000)}`],
    ['a flow mapping of full-width commas', `a: {${'x: 1，'.repeat(40_000)}`],
    ['a line of full-width brackets', `a: [${'【'.repeat(200_000)}`],
    ['full-width braces nested without end', `a: ${'｛'.repeat(200_000)}`],
    ['full-width quotes on every line', '“a\n'.repeat(60_000)],
    ['lists nested without end', '['.repeat(200_000)],
    ['a full-width space on every line', '\u3000a: 1\n'.repeat(40_000)],
  ])('stays linear on %s (200,000 characters), listing at most 10,000 slips', (_, text) => {
    const started = performance.now();
    const scan = scanStructure(text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(scan.slips.length).toBeLessThanOrEqual(10_000);
    expect(scan.flows.length).toBeLessThanOrEqual(10_000);
  });

  it('scans a file of a million characters within a second', () => {
    const line = '  unit-0001: {department: 89, unit: 87.5, forum: 86.5, site: 83.5, survey: 86}  # 注：示意\n';
    const text = `scores:\n${line.repeat(Math.ceil(1_000_000 / line.length))}`;
    const started = performance.now();
    expect(scanStructure(text).slips).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('mayHoldSlips(text)', () => {
  it.each<[string, boolean]>([
    ['a: 1\nb: [x, y]\n', false],
    ['date: 2018-07-06\nurl: http://x\n', false],
    ['a：1\n', true],
    ['a:1\n', true],
    ['title: 关于（试行）\n', true],
    ['\u3000a: 1\n', true],
  ])('says whether %j may hold a slip: %s', (text, may) => {
    expect(mayHoldSlips(text)).toBe(may);
  });

  it('agrees with the scanner: a text it clears has no slip', () => {
    const char = fc.constantFrom(...'ab1 :：，,{}[]｛［（“\u3000-－\n#"');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 30 }), (text) => {
        if (!mayHoldSlips(text)) expect(scanStructure(text).slips).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findControlCharacters(text, limit)', () => {
  it('finds each control character js-yaml refuses, with its offset, and counts past the limit', () => {
    const text = 'a: 1\nb: x\u0000y\n# \u001b\nc: \u007f\td\r\n';
    expect(findControlCharacters(text)).toEqual({
      found: [
        { offset: 9, code: 0 },
        { offset: 14, code: 0x1b },
        { offset: 19, code: 0x7f },
      ],
      total: 3,
    });
    expect(findControlCharacters(text, 1)).toEqual({ found: [{ offset: 9, code: 0 }], total: 3 });
    expect(findControlCharacters('tabs\tand\r\nline breaks\n').total).toBe(0);
  });
});

const kinds: SlipKind[] = ['colon', 'colon-space', 'comma', 'brace', 'bracket', 'paren', 'quote', 'space', 'dash'];
it('has a case above for every kind of slip', () => {
  expect(kinds.length).toBe(9);
});
