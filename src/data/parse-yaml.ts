/**
 * One YAML file's text → its value, the issues that stop it being read,
 * and a way to find any entry's line and column. The YAML 1.2 core schema
 * keeps dates and quoted figures as strings; duplicate keys, syntax
 * errors, empty files, oversized files and alias bombs become issues,
 * never exceptions. Syntax errors and the slips of a Chinese keyboard
 * (full-width colons, commas, brackets and spaces, a missing closing
 * bracket, control characters) are named and placed by `syntaxIssues`.
 *
 * Positions are only read when something is wrong, so the file is parsed
 * once without them; the first `locate` call parses the same text again
 * with the position recorder (see `lazyLocator`).
 */
import yaml from 'js-yaml';
import type { Issue, PathKey, Position } from './errors.ts';
import { detachStrings } from './detach-strings.ts';
import { expandedSize, treeSize } from './expanded-size.ts';
import { locate, positionRecorder, type YamlListener } from './positions.ts';
import type { RawFile } from './raw-files.ts';
import { EDITION_FILE_MAX_BYTES } from './read-edition-file.ts';
import { syntaxIssues } from './syntax-issues.ts';

/** Limits that keep a hostile file from exhausting memory or time. */
export interface YamlLimits {
  /** Largest file accepted, in bytes (default 1 MiB). */
  maxBytes: number;
  /** Most alias nodes (`*name`) accepted (default 100). */
  maxAliases: number;
  /** Most values the document may hold once aliases are expanded (default 200,000). */
  maxExpandedValues: number;
}

/**
 * The limits every edition file is read with: 1 MiB, 100 aliases, 200,000 expanded values.
 *
 * @example
 * parseYaml(text, file, { ...DEFAULT_YAML_LIMITS, maxBytes: 4096 })
 */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: EDITION_FILE_MAX_BYTES,
  maxAliases: 100,
  maxExpandedValues: 200_000,
};

const NOWHERE: Position = { line: 1, column: 1 };

/** How every edition file is parsed, with and without the position recorder. */
function load(text: string, file: string, listener: YamlListener): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, json: false, listener });
}

/**
 * Parses one file with js-yaml (YAML 1.2 core schema). Its `locate` finds
 * the line and column of any field path; the positions are worked out on
 * the first call only. Given the file's bytes (as read from disk), the
 * file keeps those for `locate` rather than the decoded text, which takes
 * twice the memory once a file holds any Chinese.
 *
 * @example
 * const raw = parseYaml('id: x\nscores: {a: 96}\n', 'data/experiences/01-x.yaml');
 * raw.value                        // { id: 'x', scores: { a: 96 } }
 * raw.locate(['scores', 'a'])      // { line: 2, column: 13 }
 * parseYaml('', 'data/survey.yaml').issues[0].message // '文件为空 …'
 * parseYaml(await readFile('data/survey.yaml'), 'data/survey.yaml').value // the same as from its text
 */
export function parseYaml(source: string | Uint8Array, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): RawFile {
  const failedWith = (issues: Issue[]): RawFile => {
    const at = issues[0] ? { line: issues[0].line, column: issues[0].column } : NOWHERE;
    return { file, value: undefined, issues, locate: () => at };
  };
  const failed = (message: string, at: Position = NOWHERE): RawFile => failedWith([{ file, line: at.line, column: at.column, path: '', message }]);

  const text = typeof source === 'string' ? source : decode(source);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    return failed(`文件过大，拒绝读取 (expected at most ${limits.maxBytes} bytes, found ${bytes})`);
  }
  if (isBlank(text)) {
    return failed('文件为空，没有任何数据 (expected a YAML mapping or list, found an empty file)');
  }

  let aliases = 0;
  let value: unknown;
  try {
    value = load(text, file, (event, state) => {
      // An alias closes with no kind of its own and the anchored value as its result.
      if (event === 'close' && !state.kind && state.result !== null && state.result !== undefined) aliases++;
    });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = (error as yaml.YAMLException & { mark?: { line: number; column: number; position: number } }).mark;
      const failure = mark ? { reason: error.reason, ...mark } : { reason: error.reason, line: 0, column: 0, position: 0 };
      return failedWith(syntaxIssues(text, file, failure));
    }
    throw error;
  }
  if (value === null || value === undefined) {
    return failed('文件为空，没有任何数据 (expected a YAML mapping or list, found an empty document)');
  }
  // A slip such as `department：98.5` may still parse, as a string or a key with no value.
  const slips = syntaxIssues(text, file);
  if (slips.length > 0) return failedWith(slips);
  if (aliases > limits.maxAliases) {
    return failed(`别名（*引用）过多，拒绝读取 (expected at most ${limits.maxAliases} aliases, found ${aliases})`);
  }
  // Without aliases nothing is shared: a plain walk counts what `expandedSize` would.
  // (The nodes parsed do not bound it: the empty items of a block list are no nodes.)
  const size = aliases === 0 ? treeSize(value, limits.maxExpandedValues) : expandedSize(value, limits.maxExpandedValues);
  if (size > limits.maxExpandedValues) {
    return failed(`别名展开后数据过大，拒绝读取 (expected at most ${limits.maxExpandedValues} values, found more)`);
  }
  // The value outlives the text (the typed edition keeps its strings); let the text go.
  detachStrings(value);
  return { file, value, issues: [], locate: lazyLocator(typeof source === 'string' ? source : () => decode(source), file) };
}

/**
 * A `locate` for a file that parsed without issues: on its first call it
 * parses the text again with the position recorder and keeps the result,
 * so files nobody asks about never pay for positions. The text (or the
 * function that decodes it again) is the one the value was parsed from,
 * and parsing is deterministic, so the second parse has the same entries
 * at the same paths.
 *
 * @example
 * const find = lazyLocator('a:\n  b: 1\n', 'x.yaml');
 * find(['a', 'b']) // { line: 2, column: 6 }
 */
export function lazyLocator(text: string | (() => string), file: string): (path: readonly PathKey[]) => Position {
  let located: { value: unknown; recorder: ReturnType<typeof positionRecorder> } | undefined;
  return (path) => {
    if (!located) {
      const whole = typeof text === 'string' ? text : text();
      const recorder = positionRecorder(whole);
      located = { value: load(whole, file, recorder.listener), recorder };
    }
    return locate(located.value, located.recorder.index, path);
  };
}

/** UTF-8 bytes → text, as `readFile(file, 'utf8')` decodes them (a byte-order mark kept). */
function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * True when a file holds nothing but blanks and comments (a byte-order
 * mark counts as a blank): the text is empty once every `#` to the end of
 * its line is removed and the rest trimmed, found without copying the text.
 *
 * @example
 * isBlank('# only a comment\n\n') // true
 * isBlank('a: 1 # and a comment')  // false
 */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
    } else if (!(c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]!)))) {
      return false;
    }
  }
  return true;
}
