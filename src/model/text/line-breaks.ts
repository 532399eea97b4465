/**
 * Where a line of Chinese text may break, and the breaks that keep words
 * whole: titles and table cells of the Word download are broken here, by
 * rule, rather than by the word processor, which breaks Chinese between
 * any two characters (综合排/名表); the site marks the same places in its
 * titles, for the browser.
 */
import { charWidth } from './display-width.ts';

/** Punctuation a line may not start with (GB/T 15834 and the usual 避头点). */
const NO_LINE_START = new Set('，、。．；：？！）》」』】〕〉”’…—～·%‰,.;:?!)]}');
/** Punctuation a line may not end with. */
const NO_LINE_END = new Set('（《「『【〔〈“‘([{');
/** A break after these is always between words. */
const BREAK_AFTER = /[，、。；：？！）》」』】〕〉”]$/u;
/** A break before these is always between words. */
const BREAK_BEFORE = /^[（《「『【〔〈“]/u;
/** One-character words that join two phrases (和, 及, 的 …): a line may end with one when a word follows. */
const JOINING_WORD = /^[和与及或并的之]$/u;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Code units ICU segments at once: its Chinese dictionary takes time growing with the square of a run's length. */
const CHUNK = 200;

/** A piece of the dictionary segmentation, its offset in the whole text. */
interface Piece {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/**
 * The dictionary segmentation of `text`, ICU's, run on pieces of at most
 * {@link CHUNK} code units cut after punctuation or a space where there is
 * one (else anywhere but inside a surrogate pair), so a text of any length
 * takes time in proportion to it.
 */
function segmentation(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const window = text.slice(start, end);
      const cut = Math.max(...[...'，、。；：？！ ,;'].map((p) => window.lastIndexOf(p)));
      if (cut > CHUNK / 4) end = start + cut + 1;
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
    }
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(start, end))) {
      pieces.push({ segment, index: start + index, isWordLike: isWordLike ?? false });
    }
    start = end;
  }
  return pieces;
}

/** Number of code points in a string. */
const length = (text: string) => [...text].length;

/**
 * The places, as offsets into `text` (UTF-16 code units), where a line may
 * break, in tiers from best to last resort:
 *
 * 1. `words`: after or before Chinese punctuation that ends or opens a
 *    phrase (，、“ …), between two dictionary words of at least two
 *    characters each, and after a joining word (和, 及, 的 …) between two
 *    such words. Any other one-character piece is often a bound morpheme
 *    the dictionary split off (推广推|介, 排名|表, 第三|方), so no break
 *    touches it, nor comes before the word it ends (综合|排名表).
 * 2. `segments`: every boundary of the dictionary segmentation.
 * 3. `characters`: between any two characters.
 *
 * None of these breaks before closing or after opening punctuation; only
 * `anywhere`, every boundary between two characters, does, for a line
 * that cannot be made to fit otherwise. Offsets are strictly inside the
 * text, ascending; an empty text has none.
 *
 * @example
 * breakOpportunities('各区县对2017年20项创新改革经验推广推介情况综合排名表').words
 * // → offsets after 创新, 改革, 经验 … (never inside 推介 or 排名表)
 */
export function breakOpportunities(text: string): { words: number[]; segments: number[]; characters: number[]; anywhere: number[] } {
  const pieces = segmentation(text);
  // Looked up by the characters on either side, never by matching the rest of the text (a cell may be long).
  const allowed = (at: number) => at > 0 && at < text.length && !NO_LINE_START.has(text[at]!) && !NO_LINE_END.has(text[at - 1]!);
  const words: number[] = [];
  const segments: number[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const before = pieces[i - 1]!.segment;
    const after = pieces[i]!.segment;
    const at = pieces[i]!.index;
    if (!allowed(at)) continue;
    segments.push(at);
    const phrase = BREAK_AFTER.test(before) || BREAK_BEFORE.test(after);
    // A word with a one-character suffix (排名|表, 保障|局) is the head of a compound with the word before it (综合排名表);
    // two one-character pieces in a row are rather a word the dictionary split (推广|推|介).
    const single = (k: number) => pieces[k] !== undefined && pieces[k]!.isWordLike && length(pieces[k]!.segment) === 1;
    const headOfCompound = single(i + 1) && !JOINING_WORD.test(pieces[i + 1]!.segment) && !single(i + 2);
    const words2 = pieces[i - 1]!.isWordLike && pieces[i]!.isWordLike && length(after) >= 2 && !headOfCompound;
    const twoWords = words2 && (length(before) >= 2 || (JOINING_WORD.test(before) && length(pieces[i - 2]?.segment ?? '') >= 2));
    if (phrase || twoWords) words.push(at);
  }
  const characters: number[] = [];
  const anywhere: number[] = [];
  let at = 0;
  for (const ch of text) {
    if (at > 0) anywhere.push(at);
    if (at > 0 && allowed(at)) characters.push(at);
    at += ch.length;
  }
  return { words, segments, characters, anywhere };
}

/** Display width of `text` from offset 0 to each offset (code units), for O(1) widths of any slice. */
function prefixWidths(text: string): number[] {
  const widths = new Array<number>(text.length + 1).fill(0);
  let at = 0;
  for (const ch of text) {
    widths[at + ch.length] = widths[at]! + charWidth(ch.codePointAt(0) ?? 0);
    // The low half of a surrogate pair shares the width reached before it.
    if (ch.length === 2) widths[at + 1] = widths[at]!;
    at += ch.length;
  }
  return widths;
}

/** The fewest lines no wider than `width` using only `breaks`, first lines as full as they go; null when a piece is too wide. */
function fill(widths: number[], breaks: number[], end: number, width: number): number[] | null {
  const chosen: number[] = [];
  let start = 0;
  let last = -1;
  for (const at of [...breaks, end]) {
    if (widths[at]! - widths[start]! <= width) {
      last = at;
      continue;
    }
    if (last <= start) return null;
    chosen.push(last);
    start = last;
    if (widths[at]! - widths[start]! > width) return null;
    last = at;
  }
  return chosen;
}

/**
 * The fewest lines no wider than `width` using only `breaks`, then the
 * narrowest widest line, then the longest first line; null when a piece is
 * too wide. Dynamic programming over the break positions, from the end.
 */
function balance(widths: number[], breaks: number[], end: number, width: number): number[] | null {
  const points = [0, ...breaks, end];
  type Best = { lines: number; widest: number; first: number; next: number };
  const best: Array<Best | null> = new Array(points.length).fill(null);
  best[points.length - 1] = { lines: 0, widest: 0, first: 0, next: -1 };
  for (let i = points.length - 2; i >= 0; i--) {
    for (let j = i + 1; j < points.length; j++) {
      const line = widths[points[j]!]! - widths[points[i]!]!;
      if (line > width) break;
      const rest = best[j];
      if (!rest) continue;
      const candidate = { lines: rest.lines + 1, widest: Math.max(line, rest.widest), first: line, next: j };
      const current = best[i];
      if (
        !current ||
        candidate.lines < current.lines ||
        (candidate.lines === current.lines &&
          (candidate.widest < current.widest || (candidate.widest === current.widest && candidate.first > current.first)))
      ) {
        best[i] = candidate;
      }
    }
  }
  if (!best[0]) return null;
  const chosen: number[] = [];
  for (let i = best[0].next; i > 0 && i < points.length - 1; i = best[i]!.next) chosen.push(points[i]!);
  return chosen;
}

/** How {@link breakLines} shares text among its lines. */
export interface LineBreakOptions {
  /** The widest a line may be, in display columns (a CJK character is 2). */
  width: number;
  /**
   * `fill` (default): each line as full as it goes, as text in a table
   * cell is set. `balance`: lines as even as the breaks allow, the first
   * one longer on a tie, as a centred title is set (回行时排列对称).
   */
  mode?: 'fill' | 'balance';
}

/**
 * Breaks `text` into the fewest lines no wider than `width`, breaking
 * between words where it can ({@link breakOpportunities}: phrases and
 * words first, then any dictionary boundary, then any character, and
 * against the punctuation rules only when nothing else fits). Text
 * that fits stays one line; a single character wider than `width` gets a
 * line of its own. Joining the lines gives the text back.
 *
 * @example
 * breakLines('各区县对2017年20项创新改革经验推广推介情况综合排名表', { width: 38, mode: 'balance' })
 * // → ['各区县对2017年20项创新改革经验', '推广推介情况综合排名表']
 */
export function breakLines(text: string, options: LineBreakOptions): string[] {
  return lineBreaker(text)(options);
}

/**
 * {@link breakLines} for one text at many widths: the text is measured and
 * segmented once, and each width then costs only the choice of breaks, as
 * when a table's column widths are being tried.
 *
 * @example
 * const lines = lineBreaker('市政务服务中心管理办公室');
 * lines({ width: 14 }) // → ['市政务服务中心', '管理办公室']
 * lines({ width: 24 }) // → ['市政务服务中心管理办公室']
 */
export function lineBreaker(text: string): (options: LineBreakOptions) => string[] {
  const widths = prefixWidths(text);
  let tiers: ReturnType<typeof breakOpportunities> | undefined;
  return ({ width, mode = 'fill' }) => {
    if (widths[text.length]! <= width) return [text];
    tiers ??= breakOpportunities(text);
    const layout = mode === 'balance' ? balance : fill;
    for (const breaks of [tiers.words, tiers.segments, tiers.characters, tiers.anywhere]) {
      const chosen = layout(widths, breaks, text.length, width);
      if (chosen) return slices(text, chosen);
    }
    // A character wider than the line: it gets a line of its own.
    return slices(text, fill(widths, tiers.anywhere, text.length, Math.max(width, 2)) ?? tiers.anywhere);
  };
}

/** `text` cut at the given ascending offsets. */
function slices(text: string, at: number[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const cut of at) {
    lines.push(text.slice(start, cut));
    start = cut;
  }
  lines.push(text.slice(start));
  return lines;
}
