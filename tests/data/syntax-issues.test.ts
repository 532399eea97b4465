import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/errors.ts';
import { parseYaml } from '../../src/data/parse-yaml.ts';
import { slipMessage, syntaxIssues, translateReason } from '../../src/data/syntax-issues.ts';

/** An experience file as editors write it; each case below changes one line of it. */
const experience = [
  '# yaml-language-server: $schema=../../schema/experience.schema.json', // 1
  'id: minor-criminal-cases', //                                          2
  'title: 探索建立轻微刑事案件快速办理机制（试行）', //                      3
  'batch: 1', //                                                          4
  'lead: public-security', //                                             5
  'not_applicable:', //                                                   6
  '  high-tech-zone: 原因：不适合在高新区推广', //                          7
  'lead_assessment: {progress: 24.3, effect: 24.3}', //                   8
  'scores:', //                                                           9
  '  zhangdian: {unit: 96, department: 98.5}', //                        10
  '  zichuan:', //                                                       11
  '    unit: 93.5', //                                                   12
  '    department: 91.5', //                                             13
  'illustrative: [batch, lead]', //                                      14
  '',
].join('\n');

/** The experience file with line `line` (1-based) replaced. */
function withLine(line: number, text: string): string {
  const lines = experience.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

describe('parseYaml on the slips a Chinese keyboard makes', () => {
  it('reads the unchanged file without an issue', () => {
    expect(parseYaml(experience, 'x.yaml').issues).toEqual([]);
  });

  // Each case: the line typed, then where the issue must be and a fragment of its message.
  it.each<[string, number, string, number, RegExp, number?]>([
    ['a full-width colon after a block key (the parse fails)', 3, 'title：探索建立轻微刑事案件快速办理机制', 6, /^全角冒号“：”：改为半角冒号加空格“: ”，写作 title: 探索建立/],
    ['a full-width colon after the last key of a mapping (the parse fails)', 13, '    department：91.5', 15, /全角冒号.*写作 department: 91\.5 \(expected ": " after "department", found "："\)/],
    ['a full-width colon in a flow mapping (it parses, as a key with no value)', 10, '  zhangdian: {unit: 96, department：98.5}', 35, /全角冒号.*写作 department: 98\.5/],
    ['a full-width colon in a lone nested key (it parses, as a string)', 12, '    unit：93.5\n', 9, /全角冒号.*写作 unit: 93\.5/],
    ['a colon without a space in a flow mapping (it parses, as a key with no value)', 10, '  zhangdian: {unit:96, department: 98.5}', 19, /^冒号后缺少空格.*写作 unit: 96/],
    ['a full-width comma in a flow mapping', 10, '  zhangdian: {unit: 96，department: 98.5}', 23, /^全角逗号“，”：各项之间须用半角逗号“,”/],
    ['a full-width comma in a list of fields (it parses)', 14, 'illustrative: [batch，lead]', 21, /^全角逗号/],
    ['full-width braces', 8, 'lead_assessment: ｛progress: 24.3, effect: 24.3｝', 18, /^全角花括号“｛”：改为半角“\{”/, 2],
    ['lenticular brackets for a list (it parses, as a string)', 14, 'illustrative: 【batch, lead】', 15, /^全角方括号“【”：改为半角“\[”/, 2],
    ['full-width parentheses around a mapping', 8, 'lead_assessment: （progress: 24.3, effect: 24.3）', 18, /^全角圆括号“（”不是 YAML 的括号/, 2],
    ['a Chinese name and a full-width colon before a mapping (it parses, as a key)', 10, '  淄川区：{unit: 96}', 6, /^全角冒号“：”/],
    ['full-width quotes around a key (it parses)', 5, '“lead”: public-security', 1, /^全角引号 “ 不能给键加引号/],
    ['a full-width space for indentation (it parses, as a new key)', 13, '\u3000\u3000department: 91.5', 1, /^全角空格（U\+3000）/],
    ['a full-width space after a colon', 5, 'lead:\u3000public-security', 6, /^全角空格（U\+3000）/],
    ['a full-width dash for a list item', 14, 'illustrative:\n－ batch', 1, /^全角减号“－”/],
  ])('names %s at its line and column', (_, line, text, column, message, count = 1) => {
    const result = parseYaml(withLine(line, text), 'data/experiences/05-minor-criminal-cases.yaml');
    expect(result.value).toBeUndefined();
    expect(result.issues.map(formatIssue)).toHaveLength(count);
    expect(result.issues[0]).toMatchObject({ file: 'data/experiences/05-minor-criminal-cases.yaml', line: text.startsWith('illustrative:\n') ? line + 1 : line, column, path: '' });
    expect(result.issues[0]!.message).toMatch(message);
  });

  it.each<[string, number, string, number, number, RegExp]>([
    ['a flow mapping left open, found a line later', 10, '  zhangdian: {unit: 96, department: 98.5', 10, 14, /^第10行的 \{ 没有对应的 \}：在这一项末尾补上 \} \(expected "\}" to close the "\{" at 10:14, found none before 11:3\)/],
    ['a flow mapping left open on the last line', 14, 'illustrative: {batch: 1', 14, 15, /^第14行的 \{ 没有对应的 \}/],
    ['a list left open before the next key', 8, 'lead_assessment: [24.3, 24.3', 8, 18, /^第8行的 \[ 没有对应的 \]/],
    ['a list closed by a brace', 8, 'lead_assessment: {progress: [24.3, effect: 24.3}', 8, 29, /^第8行的 \[ 没有对应的 \]，在第8行先遇到了 \}/],
  ])('reports %s at the line where it was opened', (_, line, text, atLine, column, message) => {
    const result = parseYaml(withLine(line, text), 'x.yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ line: atLine, column, path: '' });
    expect(result.issues[0]!.message).toMatch(message);
  });

  it.each([
    ['NUL', '\u0000', 11, /U\+0000（NUL，空字符）/],
    ['an escape', '\u001b', 11, /U\+001B（ESC）/],
    ['a form feed', '\u000c', 11, /U\+000C（换页符）/],
    ['a C1 control after a next-line character, which YAML allows', '\u0085x\u0090', 13, /U\+0090/],
  ])('reports %s on line 33 at line 33, at its column', (_, control, column, message) => {
    const lines = Array.from({ length: 40 }, (_, i) => `key${i + 1}: 第${i + 1}行`);
    lines[32] = `key33: 第33${control}行`;
    const result = parseYaml(`${lines.join('\n')}\n`, 'data/report.yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ line: 33, column, path: '' });
    expect(result.issues[0]!.message).toMatch(message);
    expect(result.issues[0]!.message).toMatch(/请删除这个字符 \(expected printable text, found U\+/);
  });

  it('reports each control character in a double-quoted string, after a byte-order mark, at its own place', () => {
    const result = parseYaml('\ufeffa: "x\u0001"\nb: 1\nc: "\u0002"\n', 'x.yaml');
    expect(result.issues.map((i) => [i.line, i.column])).toEqual([
      [1, 6],
      [3, 5],
    ]);
  });

  it('lists a hundred slips and counts the rest', () => {
    const text = `a:\n${'\u3000b: 1\n'.repeat(150)}`;
    const issues = syntaxIssues(text, 'x.yaml');
    expect(issues).toHaveLength(101);
    expect(issues[100]!.message).toMatch(/^另有 50 处同类错误未逐一列出/);
  });

  it('reports a file saved in GBK by the replacement characters its bytes become', () => {
    const gbk = Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xb9, 0xd8, 0xd3, 0xda, 0x0a]); // "title: 关于" in GBK
    const result = parseYaml(gbk, 'data/report.yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ line: 1, column: 8 });
    expect(result.issues[0]!.message).toMatch(/没有以 UTF-8 编码保存（如 GBK、GB18030）/);
  });

  it('keeps js-yaml\'s own error, in Chinese, where no slip explains it', () => {
    const result = parseYaml(withLine(12, '   unit: 93.5'), 'x.yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.message).toMatch(/^YAML 语法错误：缩进不正确 \(bad indentation/);
  });

  it('reports a slip far before the failure and the failure itself', () => {
    const text = withLine(3, 'title: 关于').replace('lead: public-security', 'lead: public-security\n  oops: 1').replace('illustrative: [batch, lead]', 'illustrative: [batch，lead]');
    const lines = parseYaml(text, 'x.yaml').issues.map((i) => `${i.line} ${i.message.slice(0, 6)}`);
    expect(lines).toEqual(['15 全角逗号“，', '6 YAML 语']);
  });
});

describe('syntaxIssues(text, file, failure)', () => {
  const failureOf = (text: string) => {
    try {
      yaml.load(text);
    } catch (error) {
      const { mark, reason } = error as yaml.YAMLException & { mark: { line: number; column: number; position: number } };
      return { reason, ...mark };
    }
    throw new Error('expected the text to fail');
  };

  it('finds nothing in a clean file, with or without full-width text', () => {
    expect(syntaxIssues('a: 1\n', 'x.yaml')).toEqual([]);
    expect(syntaxIssues(experience, 'x.yaml')).toEqual([]);
  });

  it('explains a failure by a possible slip on the failing line or just before it', () => {
    const text = 'scores:\n  淄川区：\n    unit: 1\n';
    const issues = syntaxIssues(text, 'x.yaml', failureOf(text));
    expect(issues.map((i) => [i.line, i.column])).toEqual([[2, 6]]);
    expect(issues[0]!.message).toMatch(/^全角冒号/);
  });
});

describe('slipMessage(body, slip)', () => {
  it('writes the key and the value the editor meant', () => {
    const body = 'a: {department：98.5, unit: 94}';
    expect(slipMessage(body, { offset: 14, char: '：', kind: 'colon', certain: true, key: 'department' })).toBe(
      '全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98.5 (expected ": " after "department", found "：")',
    );
  });
});

describe('translateReason(reason)', () => {
  it.each([
    ['can not read a block mapping entry; a multiline key may not be an implicit key', /键: 值/],
    ['end of the stream or a document separator is expected', /此处不应再有内容/],
    ['unexpected end of the stream within a double quoted scalar', /引号没有闭合/],
    ['incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line', /无法解析/],
    ['tab characters must not be used in indentation', /制表符/],
  ])('translates %j', (reason, chinese) => {
    expect(translateReason(reason)).toMatch(chinese);
  });
});
