/**
 * Issues about a YAML file's text rather than its values: the slips a
 * Chinese keyboard makes in its structure, a missing closing bracket,
 * control characters and text that is not UTF-8, each at the line and
 * column of the character at fault, and js-yaml's own syntax errors in
 * Chinese when nothing better explains them.
 */
import type { Issue, Position } from './errors.ts';
import { findControlCharacters, mayHoldSlips, scanStructure, type FlowCollection, type Slip } from './input-slips.ts';
import { lineColumnFinder } from './positions.ts';

/** A failed js-yaml parse: its reason and where it stopped (0-based line and column, offset in the text without its byte-order mark). */
export interface YamlFailure {
  reason: string;
  position: number;
  line: number;
  column: number;
}

/** Most issues of one kind reported for a file; the rest are counted in one more issue. */
const MOST_LISTED = 100;

/** Lines before a failure within which a possible slip explains it. */
const EXPLAINS_WITHIN = 2;

/**
 * The issues of a file's text. Without `failure` (js-yaml read the file):
 * the slips that cannot be right (`department：98.5`, `　lead: court`) and
 * replacement characters (U+FFFD) left by a file not saved as UTF-8; an
 * empty list for a clean file, found without scanning when the text holds
 * no full-width character and no colon run into a value. With `failure`: control characters when
 * js-yaml refused those; otherwise every certain slip, a possible slip
 * on the failing line or the two before it, and every flow collection left
 * open before the failure, at the line where it was opened; js-yaml's own
 * reason (in Chinese) only when none of these explains the failure.
 *
 * @example
 * syntaxIssues('a: {department：98.5}\n', 'x.yaml')[0]
 * // { file: 'x.yaml', line: 1, column: 15, path: '', message: '全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98.5 (…)' }
 * syntaxIssues('title: 关于……（试行）\n', 'x.yaml') // []
 */
export function syntaxIssues(text: string, file: string, failure?: YamlFailure): Issue[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = lineColumnFinder(body);
  const issue = (offset: number, message: string): Issue => ({ file, ...at(offset), path: '', message });

  if (!failure) {
    const issues = notUtf8(body, issue);
    if (!mayHoldSlips(body)) return issues;
    const scan = scanStructure(body);
    const slips = scan.slips.filter((s) => s.certain);
    return [...issues, ...listed(slips, scan.more, (s) => issue(s.offset, slipMessage(body, s)), issue)];
  }

  if (/null byte|non-printable|valid JSON character/.test(failure.reason)) {
    const { found, total } = findControlCharacters(body, MOST_LISTED);
    if (found.length > 0) {
      const issues = found.map((c) => issue(c.offset, controlMessage(c.code)));
      if (total > found.length) issues.push(issue(found.at(-1)!.offset, moreMessage(total - found.length)));
      return issues;
    }
  }

  const scan = scanStructure(body);
  const lineOf = (offset: number) => at(offset).line;
  const failedLine = failure.line + 1;
  const failedLineEnd = body.indexOf('\n', failure.position) === -1 ? body.length : body.indexOf('\n', failure.position);
  const near = (s: Slip) => s.offset <= failedLineEnd && lineOf(s.offset) >= failedLine - EXPLAINS_WITHIN;

  const slips = scan.slips.filter((s) => s.certain);
  if (!slips.some(near)) {
    const possible = scan.slips.filter((s) => !s.certain && near(s)).at(-1);
    if (possible) slips.push(possible);
  }
  slips.sort((a, b) => a.offset - b.offset);
  const issues = listed(slips, scan.more, (s) => issue(s.offset, slipMessage(body, s)), issue);

  // Flows a full-width bracket opened are reported as that slip already.
  const open = scan.flows.filter((f) => f.unclosed && f.open < failure.position && (f.char === '{' || f.char === '['));
  for (const flow of open) issues.push(issue(flow.open, unclosedMessage(flow, at, failure)));

  if (!slips.some(near) && open.length === 0) {
    issues.push({ file, line: failedLine, column: failure.column + 1, path: '', message: `YAML 语法错误：${translateReason(failure.reason)} (${failure.reason})` });
  }
  return [...notUtf8(body, issue), ...issues];
}

/** Issues for `slips`, at most `MOST_LISTED`, then one that counts the rest (`unlisted` more beyond the list given). */
function listed(slips: readonly Slip[], unlisted: number, toIssue: (slip: Slip) => Issue, issue: (offset: number, message: string) => Issue): Issue[] {
  const issues = slips.slice(0, MOST_LISTED).map(toIssue);
  const rest = slips.length - issues.length + unlisted;
  if (rest > 0) issues.push(issue(slips[issues.length - 1]!.offset, moreMessage(rest)));
  return issues;
}

function moreMessage(count: number): string {
  return `另有 ${count} 处同类错误未逐一列出，改正以上各处后再次检查 (expected no more, found ${count} more)`;
}

/** A replacement character (U+FFFD) is what undecodable bytes become: the file was saved in another encoding. */
function notUtf8(body: string, issue: (offset: number, message: string) => Issue): Issue[] {
  const offset = body.indexOf('\ufffd');
  if (offset === -1) return [];
  return [
    issue(
      offset,
      '文件中有无法识别的字符（U+FFFD），多半是文件没有以 UTF-8 编码保存（如 GBK、GB18030）：请在编辑器中以 UTF-8 编码重新保存 (expected UTF-8 text, found U+FFFD)',
    ),
  ];
}

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL，空字符',
  0x07: 'BEL',
  0x08: '退格',
  0x0b: '垂直制表符',
  0x0c: '换页符',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0xfffe: '非字符',
  0xffff: '非字符',
};

function controlMessage(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[code];
  return `不可见的控制字符 ${hex}${name ? `（${name}）` : ''}：请删除这个字符 (expected printable text, found ${hex})`;
}

/** The value written after a slip, for the corrected example: up to the line's end, a comma or a closing bracket. */
function valueAfter(body: string, offset: number): string {
  const rest = /^[^\n,，}\]｝］】）#]*/.exec(body.slice(offset, offset + 80))![0].trim();
  return rest.length > 20 ? `${rest.slice(0, 20)}…` : rest;
}

/**
 * The Chinese message for a slip: what the character is, and what to type.
 *
 * @example
 * slipMessage('a：1', { offset: 1, char: '：', kind: 'colon', certain: true, key: 'a' })
 * // '全角冒号“：”：改为半角冒号加空格“: ”，写作 a: 1 (expected ": " after "a", found "：")'
 */
export function slipMessage(body: string, slip: Slip): string {
  const found = `found "${slip.char}"`;
  switch (slip.kind) {
    case 'colon': {
      const key = slip.key ?? '';
      const example = key === '' ? '' : `，写作 ${key}: ${valueAfter(body, slip.offset + 1)}`.trimEnd();
      return `全角冒号“：”：改为半角冒号加空格“: ”${example} (expected ": "${key === '' ? '' : ` after "${key}"`}, ${found})`;
    }
    case 'colon-space':
      return `冒号后缺少空格：键和值之间须写半角冒号加空格“: ”，写作 ${slip.key}: ${valueAfter(body, slip.offset + 1)} (expected ": " after "${slip.key}", found ":" directly followed by "${body[slip.offset + 1]}")`;
    case 'comma':
      return `全角逗号“，”：各项之间须用半角逗号“,” (expected ",", ${found})`;
    case 'brace': {
      const ascii = slip.char === '｛' ? '{' : '}';
      return `全角花括号“${slip.char}”：改为半角“${ascii}” (expected "${ascii}", ${found})`;
    }
    case 'bracket': {
      const ascii = slip.char === '［' || slip.char === '【' ? '[' : ']';
      return `全角方括号“${slip.char}”：改为半角“${ascii}” (expected "${ascii}", ${found})`;
    }
    case 'paren': {
      const ascii = slip.char === '（' ? '{' : '}';
      return `全角圆括号“${slip.char}”不是 YAML 的括号：映射用半角花括号“{ }”，列表用半角方括号“[ ]” (expected "${ascii}", ${found})`;
    }
    case 'quote':
      return `全角引号 ${slip.char} 不能给键加引号：改为半角引号 "，或去掉引号 (expected '"' or no quote, ${found})`;
    case 'space':
      return '全角空格（U+3000）：缩进和分隔只能用半角空格，请删除或改为半角空格 (expected " ", found U+3000)';
    case 'dash':
      return `全角减号“－”：列表的每一项须以半角减号加空格“- ”开头 (expected "- ", ${found})`;
  }
}

function unclosedMessage(flow: FlowCollection, at: (offset: number) => Position, failure: YamlFailure): string {
  const opened = at(flow.open);
  const closer = flow.kind === '{' ? '}' : ']';
  const where = `第${opened.line}行的 ${flow.char} 没有对应的 ${closer}`;
  if (flow.close) {
    const met = at(flow.close.offset);
    return `${where}，在第${met.line}行先遇到了 ${flow.close.char}：在这一项末尾补上 ${closer} (expected "${closer}" to close the "${flow.char}" at ${opened.line}:${opened.column}, found "${flow.close.char}" at ${met.line}:${met.column})`;
  }
  const stopped = `${failure.line + 1}:${failure.column + 1}`;
  return `${where}：在这一项末尾补上 ${closer} (expected "${closer}" to close the "${flow.char}" at ${opened.line}:${opened.column}, found none before ${stopped})`;
}

const REASONS: Array<[RegExp, string]> = [
  [/duplicated mapping key/, '同一映射中有重复的键'],
  [/end of the stream within a flow collection/, '方括号或花括号没有闭合'],
  [/bad indentation/, '缩进不正确'],
  [/unidentified alias/, '引用了未定义的锚点'],
  [/within a (?:single|double) quoted scalar/, '引号没有闭合'],
  [/unexpected end of the stream/, '文件意外结束'],
  [/missed comma/, '流式集合中缺少逗号'],
  [/nesting exceeded maxDepth/, '嵌套层级过深'],
  [/tab characters/, '缩进中不能使用制表符'],
  [/whitespace character is expected after the key-value separator/, '冒号后须有空格'],
  [/unknown tag/, '未知的 YAML 标签'],
  [/a multiline key may not be an implicit key|a colon is missed/, '这一行应写成“键: 值”，却没有找到半角冒号加空格'],
  [/end of the stream or a document separator is expected/, '此处不应再有内容，请检查缩进和冒号'],
  [/unknown escape sequence|expected hexadecimal character/, '双引号中的反斜杠写法无效（路径等文字请用单引号）'],
];

/**
 * js-yaml's reason for a failed parse, in Chinese.
 *
 * @example
 * translateReason('missed comma between flow collection entries') // '流式集合中缺少逗号'
 * translateReason('something new')                                 // '无法解析'
 */
export function translateReason(reason: string): string {
  for (const [pattern, chinese] of REASONS) if (pattern.test(reason)) return chinese;
  return '无法解析';
}
