/**
 * The slips a Chinese keyboard makes in YAML structure, found in the text
 * itself: full-width colons, commas, brackets, quotes, dashes and spaces
 * (U+3000) where YAML needs the ASCII ones, a colon with no space after
 * it, and flow collections (`{ }`, `[ ]`) whose closing bracket is missing.
 *
 * A light scanner, not a YAML parser: it follows just enough of YAML
 * (comments, quoted scalars, block scalars, flow collections, keys and
 * values) to tell structure from text, so that `title: 关于……（试行）` or a
 * reason written `原因：机构改革` is never taken for a slip. Each slip is
 * `certain` (the character cannot be right where it stands) or only
 * possible (it explains a failed parse nearby, and is reported only then).
 */

/** What an editor typed where YAML structure belongs. */
export type SlipKind = 'colon' | 'colon-space' | 'comma' | 'brace' | 'bracket' | 'paren' | 'quote' | 'space' | 'dash';

/** One slip: where it is, what it is, and how sure the scanner is. */
export interface Slip {
  /** Offset of the character in the scanned text. */
  offset: number;
  /** The character found (`：`, `，`, `｛`, U+3000 …; `:` for a colon without a space). */
  char: string;
  kind: SlipKind;
  /** True when the character cannot be correct text where it stands. */
  certain: boolean;
  /** For a colon: the key before it (`department`). */
  key?: string;
}

/** A flow collection (`{ … }` or `[ … ]`) as the scanner met it. */
export interface FlowCollection {
  /** Offset of its opening bracket. */
  open: number;
  /** The opening bracket as typed (`{`, `[`, or a full-width one). */
  char: string;
  /** `{` for a mapping, `[` for a sequence. */
  kind: '{' | '[';
  /** Where it was closed, and by what; absent when it never was. */
  close?: { offset: number; char: string };
  /** True when its closing bracket is missing (the file ended, a block entry began, or another bracket closed first). */
  unclosed?: boolean;
}

/** What `scanStructure` found. */
export interface StructureScan {
  /** The slips, at most 10,000. */
  slips: Slip[];
  /** Certain slips found beyond those listed. */
  more: number;
  flows: FlowCollection[];
}

/**
 * True when a text holds anything a slip is made of (a full-width
 * character, or a colon with a letter or digit right after it), so a file
 * without any need not be scanned.
 *
 * @example
 * mayHoldSlips('a: 1\n')   // false
 * mayHoldSlips('a：1\n')   // true
 * mayHoldSlips('a:1\n')    // true
 */
export function mayHoldSlips(text: string): boolean {
  // A loop, not a regular expression: a match would keep the whole text alive as RegExp's last input.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2018 && FULL_WIDTH.has(c)) return true;
    if (c === 58 /* : */ && i > 0 && isKeyCode(text.charCodeAt(i - 1)) && startsValue(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

const FULL_WIDTH = new Set([...'\u3000：，｛｝［］【】（）“”‘’＂＇－'].map((c) => c.charCodeAt(0)));

/** a-z, 0-9, `_` and `-`: the characters of a key. */
function isKeyCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** What starts a value run into its key's colon: a letter, digit, quote or bracket. */
function startsValue(c: number): boolean {
  return (isKeyCode(c) && c !== 45) || c === 34 || c === 39 || c === 123 || c === 91;
}

/**
 * Makes a one-character string the last input of RegExp: V8 keeps the last
 * string a regular expression matched alive, and the scanner matches slices
 * of a file's text, which keep the whole text alive with them.
 */
function forgetLastMatch(): void {
  FORGET.test(' ');
}
const FORGET = /^ $/;

/** Opening full-width quotes and the one that closes each. */
const CLOSING_QUOTE: Record<string, string> = { '“': '”', '‘': '’', '＂': '＂', '＇': '＇' };
/** Full-width brackets and their ASCII meaning. */
const FULL_WIDTH_OPENER: Record<string, { kind: '{' | '['; close: string; slip: SlipKind }> = {
  '｛': { kind: '{', close: '｝', slip: 'brace' },
  '［': { kind: '[', close: '］', slip: 'bracket' },
  '【': { kind: '[', close: '】', slip: 'bracket' },
  '（': { kind: '{', close: '）', slip: 'paren' },
};
const FULL_WIDTH_CLOSER: Record<string, { kind: '{' | '['; slip: SlipKind }> = {
  '｝': { kind: '{', slip: 'brace' },
  '］': { kind: '[', slip: 'bracket' },
  '】': { kind: '[', slip: 'bracket' },
  '）': { kind: '{', slip: 'paren' },
};

/** Keys and ids as the data format writes them: lowercase ASCII, digits, `_` and `-`, starting with a letter (so `14：30` stays a time). */
const KEY = /^[a-z_][a-z0-9_-]*$/;
/** What starts a value that is data rather than Chinese text: a number, a bracket, a quote, or nothing. */
const DATA_VALUE = /^[ \t]*(?:$|#|[-+]?[0-9.]|[{[｛［【"'“])/;
/** A key and its colon, as the next entry of a flow mapping starts. */
const NEXT_KEY = /^[ \t\u3000]*(?:[a-z_][a-z0-9_-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)/;
/** The same with a full-width colon and data after it (`unit：94`), which follows only data, not Chinese text. */
const NEXT_KEY_FULL_WIDTH = /^[ \t\u3000]*[a-z_][a-z0-9_-]*[ \t]*：[ \t]*(?:[-+]?[0-9]|[{[｛［"'“])/;
/** A value that is data: a number, an id, a word of ASCII. */
const DATA_TOKEN = /^[\w.+-]+$/;
/** A line that starts a block entry (`key: …` or `- …`), which cannot continue a flow collection at its indentation. */
const BLOCK_ENTRY = /^(?:-(?:[ \t\r]|$)|[^\s#:,{}[\]][^#:,{}[\]\n]*:(?:[ \t\r]|$))/;

type Expect = 'block-key' | 'key' | 'item' | 'value' | 'after';

/** How far past a character the scanner looks to judge it. */
const LOOK_AHEAD = 200;
/** Longer tokens are no key (`before` gives a NUL for them, which no pattern matches). */
const LONGEST_TOKEN = 64;
/** Longest value a full-width bracket is taken to wrap. */
const LONGEST_WRAPPED = 2000;
/** Most slips recorded; the rest are only counted. */
const MOST_RECORDED = 10_000;
/** Flow collections nested deeper than this end the scan (js-yaml refuses such a file anyway). */
const DEEPEST_FLOW = 1000;

/**
 * Scans YAML text for the slips described above and for the flow
 * collections it opens. The text should not start with a byte-order mark
 * (offsets then agree with js-yaml's, which strips it).
 *
 * @example
 * scanStructure('scores: {department：98.5}\n').slips
 * // [{ offset: 19, char: '：', kind: 'colon', certain: true, key: 'department' }]
 * scanStructure('title: 关于……（试行）\n').slips // []
 * scanStructure('a: {b: 1\nc: 2\n').flows[0] // { open: 3, char: '{', kind: '{', unclosed: true }
 */
export function scanStructure(text: string): StructureScan {
  const slips: Slip[] = [];
  let more = 0;
  const flows: FlowCollection[] = [];
  let givenUp = false;
  const stack: Array<{ flow: FlowCollection; lineIndent: number }> = [];
  const n = text.length;
  let blockScalarParent = -1;
  let flowExpect: Expect = 'key';
  let lineStart = 0;
  let lineIndent = 0;

  const slip = (offset: number, kind: SlipKind, certain: boolean, key?: string) => {
    // A run of full-width spaces is one slip, at its first.
    const last = slips.at(-1);
    if (kind === 'space' && last?.kind === 'space' && offset - last.offset <= 16 && /^[ \u3000]*$/.test(text.slice(last.offset, offset + 1))) return;
    if (slips.length >= MOST_RECORDED) {
      if (certain) more++;
      return;
    }
    const found: Slip = { offset, char: text[offset]!, kind, certain };
    if (key !== undefined) found.key = key;
    slips.push(found);
  };
  const lineEndFrom = (from: number): number => {
    const end = text.indexOf('\n', from);
    return end === -1 ? n : end;
  };
  // Judging a character looks only this far around it, so a hostile line of a million of them stays linear.
  const ahead = (from: number): string => {
    const part = text.slice(from, Math.min(n, from + LOOK_AHEAD));
    const end = part.indexOf('\n');
    return end === -1 ? part : part.slice(0, end);
  };
  const before = (s: number, q: number): string => (q - s > LONGEST_TOKEN ? '\u0000' : text.slice(s, q));
  const expectAfterComma = (): Expect => (stack.at(-1)!.flow.kind === '{' ? 'key' : 'item');

  const open = (offset: number, kind: '{' | '['): void => {
    if (stack.length >= DEEPEST_FLOW || flows.length >= MOST_RECORDED) {
      givenUp = true;
      return;
    }
    const flow: FlowCollection = { open: offset, char: text[offset]!, kind };
    flows.push(flow);
    stack.push({ flow, lineIndent: stack.length === 0 ? lineIndent : stack[0]!.lineIndent });
    flowExpect = kind === '{' ? 'key' : 'item';
  };
  // A closer pops up to the collection of its kind; any left open inside it lost their closing bracket.
  const close = (offset: number, kind: '{' | '['): void => {
    let at = stack.length - 1;
    while (at >= 0 && stack[at]!.flow.kind !== kind) at--;
    if (at < 0) return;
    while (stack.length > at + 1) {
      const inner = stack.pop()!.flow;
      inner.unclosed = true;
      inner.close = { offset, char: text[offset]! };
    }
    stack.pop()!.flow.close = { offset, char: text[offset]! };
    flowExpect = 'after';
  };

  /** Whether `text[from]`, a full-width bracket, wraps a whole value that ends with its partner on this line. */
  const wrapsValue = (from: number, closer: string): number => {
    const opener = text[from]!;
    const end = Math.min(lineEndFrom(from), from + LONGEST_WRAPPED);
    let depth = 0;
    for (let q = from; q < end; q++) {
      if (text[q] === opener) depth++;
      else if (text[q] === closer && --depth === 0) {
        const ends = stack.length > 0 ? /^[ \t]*(?:$|[,}\]]|#)/ : /^[ \t]*(?:$|#)/;
        return ends.test(ahead(q + 1).replace(/\r$/, '')) ? q : -1;
      }
    }
    return -1;
  };

  /**
   * Scans a plain scalar from `s` to where it ends (a comment, the line end,
   * a flow indicator, or a key's colon), judging the full-width characters
   * it meets. Returns where scanning goes on and what is expected there.
   */
  const plain = (s: number, expect: Expect, afterDash: boolean): { next: number; expect: Expect } => {
    const inFlow = stack.length > 0;
    const keyish = expect === 'block-key' || expect === 'key';
    for (let q = s; q < n; q++) {
      const c = text.charCodeAt(q);
      if (c === 10 || c === 13) return { next: q, expect: 'after' };
      if (c === 35 /* # */ && (text[q - 1] === ' ' || text[q - 1] === '\t')) return { next: q, expect: 'after' };
      if (inFlow && (c === 44 /* , */ || c === 125 /* } */ || c === 93 /* ] */ || c === 123 || c === 91)) return { next: q, expect: 'after' };
      if (c === 58 /* : */) {
        const next = text[q + 1];
        if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || (inFlow && ',[]{}'.includes(next))) {
          return { next: q + 1, expect: 'value' };
        }
        const token = before(s, q);
        if (next === '\u3000' && (keyish || KEY.test(token))) {
          slip(q + 1, 'space', true);
          return { next: q + 2, expect: 'value' };
        }
        if (keyish && !afterDash && startsValue(text.charCodeAt(q + 1)) && KEY.test(token) && !hasKeyColon(ahead(q + 1), inFlow)) {
          slip(q, 'colon-space', true, token);
          return { next: q + 1, expect: 'value' };
        }
      } else if (c === 0xff1a /* ： */) {
        const token = before(s, q).trim();
        const certainty = colonSlip(token, ahead(q + 1), expect, afterDash);
        // Only a certain slip is read as the colon it stands for; a possible one stays text.
        if (certainty !== undefined) slip(q, 'colon', certainty, token);
        if (certainty === true) return { next: q + 1, expect: 'value' };
      } else if (c === 0xff0c /* ， */ && inFlow) {
        const token = before(s, q).trim();
        const top = stack.at(-1)!.flow;
        const rest = ahead(q + 1);
        const isSlip =
          top.kind === '{'
            ? NEXT_KEY.test(rest) || (DATA_TOKEN.test(token) && NEXT_KEY_FULL_WIDTH.test(rest))
            : KEY.test(token) && /^[ \t]*[a-z_]/.test(rest);
        if (isSlip) {
          slip(q, 'comma', true);
          return { next: q + 1, expect: expectAfterComma() };
        }
      } else if (inFlow && c >= 0x3000 && FULL_WIDTH_CLOSER[text[q]!]) {
        const closer = FULL_WIDTH_CLOSER[text[q]!]!;
        const top = stack.at(-1)!.flow;
        const token = before(s, q);
        // Only after data (`{department: 96｝`, `[batch, lead】`): after Chinese text it closes a bracket of the text.
        const matches = closer.slip === 'paren' ? top.char === '（' : top.kind === closer.kind && (token.trim() === '' || DATA_TOKEN.test(token.trim()));
        if (matches) {
          slip(q, closer.slip, true);
          close(q, closer.kind);
          return { next: q + 1, expect: 'after' };
        }
      }
    }
    return { next: n, expect: 'after' };
  };

  /** Scans from `from` to the end of its line (or past it, inside a quoted scalar); returns the line end. */
  const scanLine = (from: number): number => {
    let p = from;
    let expect: Expect = stack.length > 0 ? flowExpect : 'block-key';
    let afterDash = false;
    let nodeColumn = from - lineStart;
    while (!givenUp) {
      while (p < n && isBlankCode(text.charCodeAt(p))) {
        if (text.charCodeAt(p) === 0x3000 && (expect === 'key' || expect === 'item' || (expect === 'block-key' && afterDash))) slip(p, 'space', true);
        p++;
      }
      if (p >= n || text[p] === '\n') break;
      const c = text[p]!;
      const next = text[p + 1];
      const blankNext = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
      if (c === '#' && (p === from || isBlankCode(text.charCodeAt(p - 1)))) return lineEndFrom(p);
      if (stack.length > 0) {
        if (c === ',' || c === '，') {
          if (c === '，') slip(p, 'comma', true);
          p++;
          expect = flowExpect = expectAfterComma();
          continue;
        }
        if (c === '}' || c === ']') {
          close(p, c === '}' ? '{' : '[');
          p++;
          expect = stack.length > 0 ? (flowExpect = 'after') : 'after';
          continue;
        }
        const closer = FULL_WIDTH_CLOSER[c];
        if (closer && (closer.slip === 'paren' ? stack.at(-1)!.flow.char === '（' : stack.at(-1)!.flow.kind === closer.kind)) {
          slip(p, closer.slip, true);
          close(p, closer.kind);
          p++;
          expect = stack.length > 0 ? (flowExpect = 'after') : 'after';
          continue;
        }
      }
      if (c === ':' && (blankNext || (stack.length > 0 && ',[]{}'.includes(next!)))) {
        p++;
        expect = 'value';
        if (stack.length > 0) flowExpect = expect;
        continue;
      }
      if (c === '：' && expect === 'after') {
        slip(p, 'colon', true);
        p++;
        expect = 'value';
        if (stack.length > 0) flowExpect = expect;
        continue;
      }
      if (stack.length === 0 && expect === 'block-key' && (c === '-' || c === '－') && (blankNext || next === '\u3000')) {
        if (c === '－') slip(p, 'dash', true);
        if (next === '\u3000') slip(p + 1, 'space', true);
        p += next === '\u3000' ? 2 : 1;
        afterDash = true;
        nodeColumn = p - 1 - lineStart;
        continue;
      }
      if (c === '?' && blankNext) {
        p++;
        continue;
      }
      if (c === '&' || c === '!' || c === '*') {
        while (p < n && !/[\s,{}[\]]/.test(text[p]!)) p++;
        if (c === '*') expect = 'after';
        continue;
      }
      if ((c === '|' || c === '>') && stack.length === 0 && (expect === 'value' || (expect === 'block-key' && afterDash))) {
        blockScalarParent = nodeColumn;
        return lineEndFrom(p);
      }
      if (expect !== 'value' && stack.length === 0) nodeColumn = p - lineStart;
      if (c === '"' || c === "'") {
        p = skipQuoted(text, p);
        expect = 'after';
        if (stack.length > 0) flowExpect = expect;
        continue;
      }
      if (c === '{' || c === '[') {
        open(p, c);
        p++;
        expect = flowExpect;
        continue;
      }
      const wide = FULL_WIDTH_OPENER[c];
      const wrapped = wide && c !== '｛' ? wrapsValue(p, wide.close) : -1;
      if (wide && (c === '｛' || (wrapped !== -1 && (wide.slip !== 'paren' || /[a-z0-9_-][ \t]*[:：]/.test(text.slice(p, wrapped)))))) {
        slip(p, wide.slip, true);
        open(p, wide.kind);
        p++;
        expect = flowExpect;
        continue;
      }
      const closing = CLOSING_QUOTE[c];
      if (closing && (expect === 'block-key' || expect === 'key')) {
        const end = ahead(p + 1).indexOf(closing);
        if (end !== -1 && /^[ \t]*[:：]/.test(ahead(p + 2 + end))) {
          slip(p, 'quote', true);
          p = p + 2 + end;
          expect = 'after';
          continue;
        }
      }
      const scanned = plain(p, expect, afterDash);
      // Every step moves on, whatever the text: a scanner that stood still would hang the build.
      p = Math.max(scanned.next, p + 1);
      expect = scanned.expect;
      if (stack.length > 0) flowExpect = expect;
    }
    return p;
  };

  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n && !givenUp) {
    lineStart = i;
    let j = i;
    while (j < n && text.charCodeAt(j) === 32) j++;
    lineIndent = j - i;
    const lineEnd = lineEndFrom(j);
    let k = j;
    while (k < lineEnd && isBlankCode(text.charCodeAt(k))) k++;
    const blank = k === lineEnd;
    if (blockScalarParent >= 0) {
      if (blank || lineIndent > blockScalarParent) {
        i = lineEnd + 1;
        continue;
      }
      blockScalarParent = -1;
    }
    for (let w = j; w < k; w++) if (text.charCodeAt(w) === 0x3000) slip(w, 'space', true);
    const first = text.charCodeAt(k);
    const directive = k === lineStart && stack.length === 0 && (first === 37 /* % */ || /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(k, k + 4)));
    if (blank || first === 35 /* # */ || directive) {
      i = lineEnd + 1;
      continue;
    }
    // A block entry at or left of where an open flow collection began: its closing bracket is missing.
    if (stack.length > 0 && lineIndent <= stack[0]!.lineIndent && BLOCK_ENTRY.test(text.slice(k, Math.min(lineEnd, k + 200)))) {
      for (const { flow } of stack) flow.unclosed = true;
      stack.length = 0;
    }
    i = scanLine(k) + 1;
  }
  // A scan given up knows nothing of where its open collections close.
  if (!givenUp) for (const { flow } of stack) flow.unclosed = true;
  forgetLastMatch();
  return { slips, more, flows };
}

/**
 * Judges a full-width colon after `token`, with `after` the rest of its
 * line: `true` when it must be a key's colon, `false` when it may be,
 * `undefined` when it is text (`原因：机构改革`).
 */
function colonSlip(token: string, after: string, expect: Expect, afterDash: boolean): boolean | undefined {
  const lowercaseKey = KEY.test(token);
  const looksLikeKey = token !== '' && !/\s/.test(token);
  const dataFollows = DATA_VALUE.test(after) || /^[ \t]/.test(after);
  if ((expect === 'block-key' && !afterDash) || expect === 'key') {
    if (lowercaseKey) return true;
    // `淄川区：{unit: 96}` or `淄川区：96`: any key, when data follows at once.
    if (looksLikeKey && /^[ \t]*(?:[-+]?[0-9]|[{[｛［"'“])/.test(after)) return true;
    return looksLikeKey && dataFollows ? false : undefined;
  }
  if (expect === 'block-key' || expect === 'item') {
    if (lowercaseKey) return /^[ \t]*(?:$|#|[-+]?[0-9]|[a-z{[｛［"'“])/.test(after) ? true : false;
    return looksLikeKey && dataFollows ? false : undefined;
  }
  if (expect === 'value' && lowercaseKey) return DATA_VALUE.test(after);
  return undefined;
}

/** Space, tab, carriage return or U+3000: what may stand before a line's content. */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0x3000;
}

/** True when a key's colon (`: ` or a colon at the end) comes in `rest` (what follows on the line) before the plain scalar ends. */
function hasKeyColon(rest: string, inFlow: boolean): boolean {
  for (let q = 0; q < rest.length; q++) {
    const c = rest[q]!;
    if ((c === '#' && rest[q - 1] === ' ') || (inFlow && ',{}[]'.includes(c))) return false;
    if (c === ':') {
      const next = rest[q + 1];
      if (next === undefined || next === ' ' || next === '\t' || next === '\r') return true;
    }
  }
  return false;
}

/** The offset just after the quoted scalar that starts at `from` (or the text's end when it never closes). */
function skipQuoted(text: string, from: number): number {
  const quote = text[from];
  for (let q = from + 1; q < text.length; q++) {
    const c = text[q];
    if (quote === '"' && c === '\\') q++;
    else if (c === quote) {
      if (quote === "'" && text[q + 1] === "'") q++;
      else return q + 1;
    }
  }
  return text.length;
}

/**
 * Control characters js-yaml refuses (NUL, the C0 and C1 controls other
 * than tab and line breaks, U+FFFE, U+FFFF), each with its offset, at most
 * `limit` of them, plus how many there are in all.
 *
 * @example
 * findControlCharacters('a: 1\nb: \u0000\n') // { found: [{ offset: 8, code: 0 }], total: 1 }
 */
export function findControlCharacters(text: string, limit = 100): { found: Array<{ offset: number; code: number }>; total: number } {
  const found: Array<{ offset: number; code: number }> = [];
  let total = 0;
  const pattern = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    total++;
    if (found.length < limit) found.push({ offset: match.index, code: match[0].charCodeAt(0) });
  }
  forgetLastMatch();
  return { found, total };
}
