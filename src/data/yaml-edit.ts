/**
 * Changes numbers in a YAML file's text in place: every comment, key
 * order, flow or block style and untouched line stays byte for byte.
 *
 * The places come from the position recorder (`positions.ts`); from a
 * value's first character the token it starts is measured (a plain
 * number, a quoted string, a `{…}`/`[…]` collection, or an indented block),
 * and only those bytes are replaced. Whatever the splicing did, the new
 * text is parsed again and must give exactly the value the edits describe;
 * otherwise nothing is returned and a `YamlEditError` says why.
 */
import { isDeepStrictEqual } from 'node:util';
import yaml from 'js-yaml';
import type { PathKey, Position } from './errors.ts';
import { positionRecorder, type EntryPosition } from './positions.ts';

/** A number or a mapping of numbers: what an edit writes. */
export type YamlNumberValue = number | Readonly<Record<string, number>>;

/** One change to a mapping entry, named by its field path. */
export type YamlEdit =
  /** Replace the value at `path` (a number, or a whole mapping) by a number. */
  | { kind: 'set'; path: readonly PathKey[]; value: number }
  /** Remove the entry at `path` from its mapping. */
  | { kind: 'delete'; path: readonly PathKey[] }
  /**
   * Add the entry at `path` to its (existing) mapping. It goes right after
   * the kept entry that comes last before it in `order`, or first when none does.
   */
  | { kind: 'insert'; path: readonly PathKey[]; value: YamlNumberValue; order: readonly string[] };

/**
 * Why an edit could not be made in place (a value written with an anchor,
 * a path that is not there, a result that would not read back).
 *
 * @example
 * try { editYaml(text, edits); } catch (e) { if (e instanceof YamlEditError) console.error(e.message); }
 */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** Replace `end - start` characters at `start` by `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A mapping entry located in the text. */
interface Entry {
  key: string;
  keyStart: number;
  /** First character of the value. */
  valueStart: number;
  /** Just past the value's last character. */
  valueEnd: number;
  /** First and last line (0-based) the entry occupies. */
  firstLine: number;
  lastLine: number;
}

interface Mapping {
  value: Record<string, unknown>;
  style: 'flow' | 'block';
  /** Where the mapping itself starts: `{` for flow, the first key for block. */
  start: number;
  entries: Entry[];
  /** For a nested mapping, the entry holding it; undefined for the root. */
  holder: { parent: Mapping; entry: Entry } | undefined;
}

const LOAD_OPTIONS = { schema: yaml.CORE_SCHEMA, json: false } as const;

/**
 * Applies edits to a YAML text and returns the new text. Only the bytes of
 * the values changed, the entries removed and the entries added differ; a
 * mapping written `{a: 1, b: 2}` stays on one line, a block mapping gets
 * one line per added key at its siblings' indentation. A block mapping
 * whose entries are all removed becomes `{}` (or a flow mapping of what
 * was added to it). No edits give the same text.
 *
 * @example
 * editYaml('a: {x: 1, y: 2} # c\n', [{ kind: 'set', path: ['a', 'y'], value: 3 }])
 * // 'a: {x: 1, y: 3} # c\n'
 * editYaml('a: {x: 1}\n', [{ kind: 'insert', path: ['a', 'w'], value: 2, order: ['w', 'x'] }])
 * // 'a: {w: 2, x: 1}\n'
 */
export function editYaml(text: string, edits: readonly YamlEdit[]): string {
  if (edits.length === 0) return text;
  const doc = readDocument(text);
  const splices: Splice[] = [];
  const byMapping = new Map<Mapping, YamlEdit[]>();
  const seen = new Set<string>();
  for (const edit of edits) {
    const key = JSON.stringify(edit.path);
    if (seen.has(key)) throw new YamlEditError(`同一位置有两处修改 (expected one edit per path, found two at ${key})`);
    seen.add(key);
    const parent = doc.mapping(edit.path.slice(0, -1));
    const list = byMapping.get(parent) ?? [];
    list.push(edit);
    byMapping.set(parent, list);
  }
  for (const [mapping, list] of byMapping) splices.push(...mappingSplices(doc, mapping, list));

  const result = applySplices(text, splices);
  const expected = applyToValue(doc.value, edits);
  let actual: unknown;
  try {
    actual = yaml.load(result, LOAD_OPTIONS);
  } catch (error) {
    throw new YamlEditError(`修改后的文本无法解析 (expected valid YAML, found ${(error as Error).message.split('\n')[0]})`);
  }
  if (!isDeepStrictEqual(actual, expected)) {
    throw new YamlEditError('无法在原处修改：修改后读回的值与预期不符 (expected the edited value to read back, found a different value)');
  }
  return result;
}

/**
 * The value the edits describe, applied to a copy of `value` (insertions
 * land at the end of their mapping: order does not matter for the check).
 *
 * @example
 * applyToValue({ a: { x: 1 } }, [{ kind: 'delete', path: ['a', 'x'] }]) // { a: {} }
 */
export function applyToValue(value: unknown, edits: readonly YamlEdit[]): unknown {
  const copy = structuredClone(value);
  for (const edit of edits) {
    const parent = edit.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PathKey, unknown>)[key], copy) as Record<
      PathKey,
      unknown
    >;
    const key = edit.path.at(-1)!;
    if (edit.kind === 'delete') delete parent[key];
    else parent[key] = typeof edit.value === 'number' ? edit.value : { ...edit.value };
  }
  return copy;
}

/**
 * A number as YAML writes it: the shortest text that reads back as the
 * same number (`95.5`, `0`, `1e-7`); negative zero is `0`.
 *
 * @example
 * yamlNumber(95.5) // '95.5'
 */
export function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new YamlEditError(`只能写入有限的数字 (expected a finite number, found ${value})`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** A key as written into a mapping: plain when it reads back as itself, otherwise double-quoted. */
function yamlKey(key: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(key)) {
    const back = yaml.load(`${key}: 0`, LOAD_OPTIONS) as Record<string, unknown> | null;
    if (back && Object.keys(back)[0] === key) return key;
  }
  return JSON.stringify(key);
}

function valueText(value: YamlNumberValue): string {
  if (typeof value === 'number') return yamlNumber(value);
  return `{${Object.entries(value)
    .map(([k, v]) => `${yamlKey(k)}: ${yamlNumber(v)}`)
    .join(', ')}}`;
}

// ---------------------------------------------------------------------------
// Reading the document: values, mappings and the extent of each entry.

interface Document {
  text: string;
  /** Offsets where each line starts. */
  lines: number[];
  value: unknown;
  mapping(path: readonly PathKey[]): Mapping;
}

function readDocument(text: string): Document {
  const { listener, index } = positionRecorder(text);
  let value: unknown;
  try {
    value = yaml.load(text, { ...LOAD_OPTIONS, listener });
  } catch (error) {
    throw new YamlEditError(`文件无法解析 (expected valid YAML, found ${(error as Error).message.split('\n')[0]})`);
  }
  const lines = lineStarts(text);
  const offset = (p: Position) => lines[p.line - 1]! + p.column - 1;
  const cache = new Map<unknown, Mapping>();

  const build = (node: unknown, start: number, holder: Mapping['holder']): Mapping => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      throw new YamlEditError('要修改的位置不是映射 (expected a mapping, found another value)');
    }
    const known = cache.get(node);
    if (known) return known;
    const style = text[start] === '{' ? 'flow' : 'block';
    const positions = index.entries.get(node) ?? new Map<PathKey, EntryPosition>();
    const entries: Entry[] = [];
    for (const [key, place] of positions) {
      entries.push(measureEntry(text, lines, { key: String(key), keyStart: offset(place.key), valueStart: offset(place.value), style }));
    }
    const mapping: Mapping = { value: node as Record<string, unknown>, style, start, entries, holder };
    cache.set(node, mapping);
    return mapping;
  };

  const root = (): Mapping => build(value, offset(index.root), undefined);
  return {
    text,
    lines,
    value,
    mapping(path) {
      let current = root();
      for (const key of path) {
        const entry = current.entries.find((e) => e.key === String(key));
        const child = current.value[String(key)];
        if (!entry || child === undefined) throw new YamlEditError(`找不到要修改的位置 (expected ${JSON.stringify(path)} in the file, found nothing)`);
        current = build(child, entry.valueStart, { parent: current, entry });
      }
      return current;
    },
  };
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(lines: number[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The end of a line's content (before `\r\n` or `\n`), or of the text. */
function lineEnd(text: string, lines: number[], line: number): number {
  let end = line + 1 < lines.length ? lines[line + 1]! - 1 : text.length;
  if (end > lines[line]! && text[end - 1] === '\r') end--;
  return end;
}

function measureEntry(text: string, lines: number[], at: { key: string; keyStart: number; valueStart: number; style: 'flow' | 'block' }): Entry {
  const { keyStart, valueStart } = at;
  const first = text[valueStart];
  let valueEnd: number;
  let lastLine: number;
  const keyLine = lineOf(lines, keyStart);
  if (first === '{' || first === '[') {
    valueEnd = closingBracket(text, valueStart) + 1;
    lastLine = lineOf(lines, valueEnd - 1);
  } else if (first === '"' || first === "'") {
    valueEnd = closingQuote(text, valueStart) + 1;
    lastLine = lineOf(lines, valueEnd - 1);
  } else if (lineOf(lines, valueStart) > keyLine && at.style === 'block') {
    // A block collection below its key: every following line indented deeper (or a `- ` item at the key's indentation).
    lastLine = blockLastLine(text, lines, keyLine, keyStart - lines[keyLine]!);
    valueEnd = lineEnd(text, lines, lastLine);
  } else {
    valueEnd = plainEnd(text, valueStart, at.style === 'flow');
    lastLine = lineOf(lines, valueEnd);
  }
  return { key: at.key, keyStart, valueStart, valueEnd, firstLine: keyLine, lastLine };
}

/** The last line of a block value whose key sits on `keyLine` at indentation `indent`. */
function blockLastLine(text: string, lines: number[], keyLine: number, indent: number): number {
  let last = keyLine;
  for (let line = keyLine + 1; line < lines.length; line++) {
    const start = lines[line]!;
    const end = lineEnd(text, lines, line);
    let i = start;
    while (i < end && text[i] === ' ') i++;
    if (i === end || text[i] === '#') continue;
    const depth = i - start;
    const item = text[i] === '-' && (i + 1 === end || text[i + 1] === ' ');
    if (depth > indent || (depth === indent && item)) last = line;
    else break;
  }
  return last;
}

/** Just past a plain scalar starting at `start`: up to a line end, a comment, or (in flow) `,` `}` `]`. */
function plainEnd(text: string, start: number, flow: boolean): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') break;
    if (ch === '#' && i > start && (text[i - 1] === ' ' || text[i - 1] === '\t')) break;
    if (flow && (ch === ',' || ch === '}' || ch === ']')) break;
    i++;
  }
  while (i > start && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  throw new YamlEditError('引号没有闭合 (expected a closing quote, found the end of the file)');
}

/** The offset of the bracket closing the one at `start`, skipping quoted text and comments. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") i = closingQuote(text, i);
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new YamlEditError('括号没有闭合 (expected a closing bracket, found the end of the file)');
}

// ---------------------------------------------------------------------------
// Turning one mapping's edits into splices.

function mappingSplices(doc: Document, mapping: Mapping, edits: readonly YamlEdit[]): Splice[] {
  const { text, lines } = doc;
  const entryOf = (key: string): Entry => {
    const entry = mapping.entries.find((e) => e.key === key);
    if (!entry) throw new YamlEditError(`找不到要修改的键 ${key} (expected the key in the file, found nothing)`);
    return entry;
  };
  const splices: Splice[] = [];
  const deleted = new Set<string>();
  const inserts: Array<{ key: string; value: YamlNumberValue; order: readonly string[] }> = [];

  for (const edit of edits) {
    const key = String(edit.path.at(-1));
    if (edit.kind === 'insert') {
      if (Object.prototype.hasOwnProperty.call(mapping.value, key)) throw new YamlEditError(`键 ${key} 已存在 (expected a new key, found it present)`);
      inserts.push({ key, value: edit.value, order: edit.order });
    } else if (edit.kind === 'delete') {
      entryOf(key);
      deleted.add(key);
    } else {
      splices.push(setSplice(doc, mapping, entryOf(key), edit.value));
    }
  }

  const kept = mapping.entries.filter((e) => !deleted.has(e.key));
  if (kept.length === 0 && mapping.entries.length > 0) {
    // Nothing of the old mapping stays: it is written anew, in flow style.
    const all = Object.fromEntries(inserts.map((i) => [i.key, i.value])) as Record<string, number>;
    return [...splices, replaceWholeMapping(doc, lines, mapping, valueTextOfMapping(all, inserts))];
  }
  if (mapping.style === 'flow') splices.push(...flowDeletes(mapping, deleted), ...flowInserts(text, mapping, kept, inserts));
  else splices.push(...blockDeletes(text, lines, mapping, deleted), ...blockInserts(text, lines, kept, inserts));
  return splices;
}

function valueTextOfMapping(all: Record<string, YamlNumberValue>, inserts: ReadonlyArray<{ key: string; order: readonly string[] }>): string {
  const sorted = [...inserts].sort((a, b) => orderIndex(a.order, a.key) - orderIndex(b.order, b.key));
  return `{${sorted.map((i) => `${yamlKey(i.key)}: ${valueText(all[i.key]!)}`).join(', ')}}`;
}

function orderIndex(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** Replaces an entry's value (a number, or a whole mapping) by a number. */
function setSplice(doc: Document, mapping: Mapping, entry: Entry, value: number): Splice {
  const current = mapping.value[entry.key];
  const text = yamlNumber(value);
  if (typeof current === 'number') {
    const token = doc.text.slice(entry.valueStart, entry.valueEnd);
    const read = readScalar(token);
    if (read !== current) throw new YamlEditError(`无法在原处修改 ${entry.key}：它的写法不是普通数字（可能用了锚点、标签或引号） (expected a plain number, found ${JSON.stringify(token)})`);
    return { start: entry.valueStart, end: entry.valueEnd, text };
  }
  if (current === null || typeof current !== 'object') throw new YamlEditError(`${entry.key} 的值不是数字或映射 (expected a number or a mapping, found another value)`);
  if (doc.text[entry.valueStart] === '{') return { start: entry.valueStart, end: entry.valueEnd, text };
  return { start: afterColon(doc.text, entry), end: entry.valueEnd, text: ` ${text}` };
}

function readScalar(token: string): unknown {
  try {
    return yaml.load(token, LOAD_OPTIONS);
  } catch {
    return undefined;
  }
}

/** Just past the `:` that ends an entry's key. */
function afterColon(text: string, entry: Entry): number {
  let i = entry.keyStart;
  if (text[i] === '"' || text[i] === "'") i = closingQuote(text, i) + 1;
  while (i < entry.valueStart && !(text[i] === ':' && /[\s]/.test(text[i + 1] ?? '\n'))) i++;
  if (text[i] !== ':') throw new YamlEditError(`找不到键 ${entry.key} 后的冒号 (expected "key:", found something else)`);
  return i + 1;
}

/** Replaces a mapping that loses every entry: a flow one inside its braces, a block one after its key's colon. */
function replaceWholeMapping(doc: Document, lines: number[], mapping: Mapping, flowText: string): Splice {
  if (mapping.style === 'flow') {
    const first = mapping.entries[0]!;
    const last = mapping.entries.at(-1)!;
    return { start: first.keyStart, end: last.valueEnd, text: flowText.slice(1, -1) };
  }
  if (!mapping.holder) throw new YamlEditError('不能删除文件顶层的全部键 (expected the file to keep a key, found none left)');
  const { entry } = mapping.holder;
  return { start: afterColon(doc.text, entry), end: entry.valueEnd, text: ` ${flowText}` };
}

function flowDeletes(mapping: Mapping, deleted: ReadonlySet<string>): Splice[] {
  const splices: Splice[] = [];
  const entries = mapping.entries;
  // A run of removed entries at the start goes up to the first kept key; any later one takes its leading `, ` with it.
  const firstKept = entries.findIndex((e) => !deleted.has(e.key));
  if (firstKept > 0) splices.push({ start: entries[0]!.keyStart, end: entries[firstKept]!.keyStart, text: '' });
  for (let i = firstKept + 1; i < entries.length; i++) {
    if (deleted.has(entries[i]!.key)) splices.push({ start: entries[i - 1]!.valueEnd, end: entries[i]!.valueEnd, text: '' });
  }
  return splices;
}

/** The kept entry a new key follows: the one latest in `order` before it; undefined to go first. */
function anchorOf(kept: readonly Entry[], order: readonly string[], key: string): Entry | undefined {
  const at = orderIndex(order, key);
  let best: Entry | undefined;
  let bestIndex = -1;
  for (const entry of kept) {
    const i = order.indexOf(entry.key);
    if (i !== -1 && i < at && i > bestIndex) {
      best = entry;
      bestIndex = i;
    }
  }
  return best;
}

/** Groups inserts by the kept entry they follow (undefined: before the first kept entry), each group in `order`. */
function groupInserts(
  kept: readonly Entry[],
  inserts: ReadonlyArray<{ key: string; value: YamlNumberValue; order: readonly string[] }>,
): Map<Entry | undefined, Array<{ key: string; value: YamlNumberValue }>> {
  const groups = new Map<Entry | undefined, Array<{ key: string; value: YamlNumberValue; order: readonly string[] }>>();
  for (const insert of inserts) {
    const anchor = anchorOf(kept, insert.order, insert.key);
    groups.set(anchor, [...(groups.get(anchor) ?? []), insert]);
  }
  for (const list of groups.values()) list.sort((a, b) => orderIndex(a.order, a.key) - orderIndex(b.order, b.key));
  return groups;
}

function flowInserts(
  text: string,
  mapping: Mapping,
  kept: readonly Entry[],
  inserts: ReadonlyArray<{ key: string; value: YamlNumberValue; order: readonly string[] }>,
): Splice[] {
  if (inserts.length === 0) return [];
  const pair = (i: { key: string; value: YamlNumberValue }) => `${yamlKey(i.key)}: ${valueText(i.value)}`;
  if (mapping.entries.length === 0) {
    // `{}`: the new entries go inside the braces.
    const sorted = [...inserts].sort((a, b) => orderIndex(a.order, a.key) - orderIndex(b.order, b.key));
    if (text[mapping.start] !== '{') throw new YamlEditError('空映射须写作 {} (expected "{}", found something else)');
    return [{ start: mapping.start + 1, end: closingBracket(text, mapping.start), text: sorted.map(pair).join(', ') }];
  }
  const splices: Splice[] = [];
  for (const [anchor, list] of groupInserts(kept, inserts)) {
    if (anchor) splices.push({ start: anchor.valueEnd, end: anchor.valueEnd, text: list.map((i) => `, ${pair(i)}`).join('') });
    else splices.push({ start: kept[0]!.keyStart, end: kept[0]!.keyStart, text: list.map((i) => `${pair(i)}, `).join('') });
  }
  return splices;
}

function blockDeletes(text: string, lines: number[], mapping: Mapping, deleted: ReadonlySet<string>): Splice[] {
  return mapping.entries
    .filter((e) => deleted.has(e.key))
    .map((entry) => {
      const start = lines[entry.firstLine]!;
      if (text.slice(start, entry.keyStart).trim() !== '') throw new YamlEditError(`无法删除 ${entry.key}：它与别的内容在同一行 (expected the key to start its line, found more before it)`);
      const end = entry.lastLine + 1 < lines.length ? lines[entry.lastLine + 1]! : text.length;
      return { start, end, text: '' };
    });
}

function blockInserts(
  text: string,
  lines: number[],
  kept: readonly Entry[],
  inserts: ReadonlyArray<{ key: string; value: YamlNumberValue; order: readonly string[] }>,
): Splice[] {
  if (inserts.length === 0) return [];
  const first = kept[0]!;
  const indent = first.keyStart - lines[first.firstLine]!;
  if (text.slice(lines[first.firstLine]!, first.keyStart).trim() !== '') {
    throw new YamlEditError('无法在此映射中添加键：它的第一个键与别的内容在同一行 (expected keys that start their lines, found more before one)');
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const line = (i: { key: string; value: YamlNumberValue }) => `${' '.repeat(indent)}${yamlKey(i.key)}: ${valueText(i.value)}`;
  const splices: Splice[] = [];
  for (const [anchor, list] of groupInserts(kept, inserts)) {
    const body = list.map(line);
    if (!anchor) {
      splices.push({ start: lines[first.firstLine]!, end: lines[first.firstLine]!, text: body.map((l) => l + newline).join('') });
    } else if (anchor.lastLine + 1 < lines.length) {
      const at = lines[anchor.lastLine + 1]!;
      splices.push({ start: at, end: at, text: body.map((l) => l + newline).join('') });
    } else {
      // The anchor ends the file, which has no final line break.
      splices.push({ start: text.length, end: text.length, text: body.map((l) => newline + l).join('') });
    }
  }
  return splices;
}

/**
 * Applies splices from the end of the text backwards, so earlier offsets
 * stay valid. At one offset a removal goes before an insertion, so the
 * inserted text survives.
 */
function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1]!;
    const earlier = sorted[i]!;
    if (earlier.end > later.start) throw new YamlEditError('修改的位置相互重叠 (expected separate places, found overlapping ones)');
  }
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
