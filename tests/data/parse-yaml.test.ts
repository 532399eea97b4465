import { describe, expect, it } from 'vitest';
import { isBlank, lazyLocator, parseYaml } from '../../src/data/parse-yaml.ts';

const text = [
  '# yaml-language-server: $schema=../schema/x.json', // 1
  'id: minor-criminal-cases', //                        2
  'scores:', //                                         3
  '  zichuan: {department: 96, unit: 95}', //           4
  '  boshan:', //                                       5
  '    department: 90', //                              6
  '    forum: {progress: 20, effect: 70}', //           7
  'list:', //                                           8
  '  - first', //                                       9
  '  - - nested-a', //                                 10
  '    - nested-b', //                                 11
  '  - {k: v}', //                                     12
  '', //
].join('\n');

describe('parseYaml(text, file)', () => {
  const raw = parseYaml(text, 'data/experiences/05-minor-criminal-cases.yaml');

  it('parses the document and reports no issue', () => {
    expect(raw.issues).toEqual([]);
    expect(raw.value).toMatchObject({ id: 'minor-criminal-cases', scores: { zichuan: { department: 96 } } });
  });

  it.each([
    [['id'], 2, 5],
    [['scores'], 3, 1],
    [['scores', 'zichuan'], 4, 3],
    [['scores', 'zichuan', 'department'], 4, 25],
    [['scores', 'zichuan', 'unit'], 4, 35],
    [['scores', 'boshan', 'department'], 6, 17],
    [['scores', 'boshan', 'forum', 'effect'], 7, 35],
    [['list', 0], 9, 5],
    [['list', 1, 1], 11, 7],
    [['list', 2, 'k'], 12, 9],
  ] as const)('puts %j at line %i, column %i (block and flow mappings, sequences)', (path, line, column) => {
    expect(raw.locate(path)).toEqual({ line, column });
  });

  it('points a missing field at its nearest existing parent', () => {
    expect(raw.locate(['scores', 'zhoucun', 'department'])).toEqual({ line: 3, column: 1 });
    expect(raw.locate(['nothing'])).toEqual({ line: 2, column: 1 });
  });

  it.each([
    ['date: 2018-07-06', '2018-07-06'],
    ['figure: "94.24"', '94.24'],
    ['answer: yes', 'yes'],
    ['code: 0x1F', 31],
    ['score: 94.5', 94.5],
  ])('reads %s with the YAML 1.2 core schema', (line, expected) => {
    const value = parseYaml(`${line}\n`, 'x.yaml').value as Record<string, unknown>;
    expect(Object.values(value)[0]).toEqual(expected);
  });

  it.each([
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 3, /重复的键/],
    ['an unclosed flow mapping', 'a: {b: 1\n', 1, /第1行的 \{ 没有对应的 \}/],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 3, /语法错误/],
    ['an unknown alias', 'a: *nothing\n', 1, /未定义的锚点/],
  ])('turns %s into an issue with its line', (_, source, line, message) => {
    const result = parseYaml(source, 'data/units.yaml');
    expect(result.value).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'data/units.yaml', line, path: '' });
    expect(result.issues[0]!.message).toMatch(message);
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments', '# yaml-language-server: $schema=x\n# nothing else\n'],
    ['a document that is only null', '~\n'],
  ])('refuses %s', (_, source) => {
    const result = parseYaml(source, 'data/survey.yaml');
    expect(result.issues[0]!.message).toMatch(/文件为空/);
  });

  it('refuses a file larger than the size cap', () => {
    const result = parseYaml(`a: "${'x'.repeat(2000)}"\n`, 'big.yaml', { maxBytes: 1000, maxAliases: 100, maxExpandedValues: 1000 });
    expect(result.issues[0]!.message).toMatch(/文件过大.*expected at most 1000 bytes/);
  });

  it('refuses a billion-laughs file within a second', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'].map((p) => p.split(''))) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const result = parseYaml(`${lines.join('\n')}\n`, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.value).toBeUndefined();
    expect(result.issues[0]!.message).toMatch(/别名/);
  });

  it('refuses more aliases than the cap even when they expand to little', () => {
    const source = `a: &a 1\nlist: [${Array(20).fill('*a').join(', ')}]\n`;
    const result = parseYaml(source, 'aliases.yaml', { maxBytes: 1 << 20, maxAliases: 10, maxExpandedValues: 1000 });
    expect(result.issues[0]!.message).toMatch(/别名（\*引用）过多/);
  });

  it('refuses a file without aliases whose values pass the cap, counting the empty items of a block list', () => {
    const limits = { maxBytes: 1 << 20, maxAliases: 100, maxExpandedValues: 20 };
    expect(parseYaml('-\n'.repeat(19), 'nulls.yaml', limits).issues).toEqual([]);
    const result = parseYaml('-\n'.repeat(20), 'nulls.yaml', limits);
    expect(result.value).toBeUndefined();
    expect(result.issues[0]!.message).toMatch(/别名展开后数据过大.*expected at most 20 values/);
    expect(parseYaml(`list: [${Array(30).fill('? k').join(', ')}]\n`, 'pairs.yaml', limits).issues[0]!.message).toMatch(/别名展开后数据过大/);
  });

  it('locates the same places whether or not another file was located first', () => {
    const a = parseYaml('a: 1\nb: {c: 2}\n', 'a.yaml');
    const b = parseYaml('# lead\n\nb:\n  c: 2\n', 'b.yaml');
    expect(b.locate(['b', 'c'])).toEqual({ line: 4, column: 6 });
    expect(a.locate(['b', 'c'])).toEqual({ line: 2, column: 8 });
    expect(b.locate(['b'])).toEqual({ line: 3, column: 1 });
  });
});

describe('lazyLocator(text, file)', () => {
  it('finds places in the text it was given, parsing it on the first call only', () => {
    const find = lazyLocator('a:\n  b: 1\nlist:\n  - x\n  - {y: 2}\n', 'x.yaml');
    expect(find(['a', 'b'])).toEqual({ line: 2, column: 6 });
    expect(find(['list', 1, 'y'])).toEqual({ line: 5, column: 9 });
    expect(find(['list', 7])).toEqual({ line: 3, column: 1 });
  });
});

describe('parseYaml(bytes, file)', () => {
  it('reads a file\'s UTF-8 bytes as it reads their text, places and issues included', () => {
    const source = `\ufeff# 注释\r\nid: 甲-x\r\nscores: {a: 96, b: "九"}\r\nlist:\r\n  - 1\r\n`;
    const fromBytes = parseYaml(Buffer.from(source, 'utf8'), 'x.yaml');
    const fromText = parseYaml(source, 'x.yaml');
    expect(fromBytes.value).toEqual(fromText.value);
    for (const path of [['id'], ['scores', 'b'], ['list', 0], ['missing']]) {
      expect(fromBytes.locate(path)).toEqual(fromText.locate(path));
    }
    expect(fromBytes.locate(['scores', 'b'])).toEqual({ line: 3, column: 20 });
    const bad = 'a: 1\nb: [1, 2\n';
    expect(parseYaml(new TextEncoder().encode(bad), 'bad.yaml').issues).toEqual(parseYaml(bad, 'bad.yaml').issues);
  });
});

describe('isBlank(text)', () => {
  const old = (text: string) => text.replace(/^\ufeff/, '').replace(/#[^\n]*/g, '').trim() === '';
  it.each([
    '', '\n\n', '# c', '# c\n  # d\n', '\ufeff# c\n', '\u3000\u00a0\t\r\n', '#a#b#c\n#', ' x', '# c\nx', 'a: 1 # c',
    '\u3000甲', '#\n\u2028\n', '\ufeff', '  #\n  -', '#######x',
  ])('says what the comment-stripping, trimming test says for %j', (text) => {
    expect(isBlank(text)).toBe(old(text));
  });
});
