/**
 * What the search box does with Pagefind's results, as pure functions on
 * text: which pages and sections hold what the reader typed, and the piece
 * of a section shown under a result.
 *
 * Pagefind matches Chinese word by word: its extended build segments the
 * pages (淄川区 → 淄|川|区, 知晓率 → 知|晓|率, where its dictionary lacks the
 * word) and the browser segments the query, then each query word is matched
 * against the start of indexed words anywhere on the page. A page with 淄,
 * 川 and 区 in three different places is found for 淄川区, and its exact
 * mode ("…") misses the phrase whenever punctuation sits inside it or the
 * two segmenters cut it differently. So the box keeps Pagefind's ranking
 * and keeps only the pages, and picks the section, whose text holds each
 * part of the query as typed (spaces separate parts; punctuation, spaces
 * and case are ignored on both sides).
 */

/** A run of text under a result, marked where it holds a part of the query. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/** One section of a result: its text, and Pagefind's score of the query words in it. */
export interface SectionText {
  text: string;
  score: number;
}

/**
 * The parts of a query: what is separated by spaces, normalised as
 * {@link matchKey} normalises text; a part left empty (only punctuation)
 * is dropped, and a part given twice counts once.
 *
 * @example
 * queryParts(' 淄川区  “知晓率” ') // ['淄川区', '知晓率']
 * queryParts('，。')              // []
 */
export function queryParts(query: string): string[] {
  const parts = query
    .normalize('NFKC')
    .split(/\s+/u)
    .map(matchKey)
    .filter((part) => part.length > 0);
  return [...new Set(parts)];
}

/**
 * Text as the matching compares it: compatibility forms folded (full-width
 * １２３４５ is 12345), lower case, letters and digits only.
 *
 * @example
 * matchKey('打造“爱工惠”平台 ') // '打造爱工惠平台'
 * matchKey('ＡＢ１２')          // 'ab12'
 */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * True when every part is found in one of the texts (not necessarily all
 * in the same one); true for no parts.
 *
 * @example
 * holdsAll(['整合政务服务热线', 'hotline 12345'], ['12345', '热线']) // true
 * holdsAll(['淄 博 川 区'], ['淄川区'])                               // false
 */
export function holdsAll(texts: readonly string[], parts: readonly string[]): boolean {
  const keys = texts.map(matchKey);
  return parts.every((part) => keys.some((key) => key.includes(part)));
}

/**
 * The section a result links to: of the sections holding the most parts
 * of the query, the one where Pagefind scores the query words highest
 * (words in headings and captions weigh more); the first of equals.
 * -1 for no sections, or when none holds any part.
 *
 * @example
 * bestSection([{ text: '知晓率见附件', score: 1 }, { text: '各项经验群众知晓率', score: 100 }], ['知晓率']) // 1
 * bestSection([{ text: '工作机制', score: 9 }], ['爱工惠'])                                            // -1
 */
export function bestSection(sections: readonly SectionText[], parts: readonly string[]): number {
  let best = -1;
  let bestHeld = 0;
  let bestScore = -Infinity;
  sections.forEach((section, i) => {
    const key = matchKey(section.text);
    const held = parts.filter((part) => key.includes(part)).length;
    if (held > bestHeld || (held === bestHeld && held > 0 && section.score > bestScore)) {
      best = i;
      bestHeld = held;
      bestScore = section.score;
    }
  });
  return best;
}

/**
 * At most `length` characters of `text` (as {@link readableText} prints it) around the
 * first place that holds a part of the query, starting a fifth of the way
 * before it, with every part found inside marked and … where text was cut.
 * Where no part is found, the text's start. Parts are found as
 * {@link matchKey} finds them, so a mark may span punctuation (爱工惠 in
 * “爱工惠”).
 *
 * @example
 * excerpt('问卷调查显示，群众知晓率最高的是“爱工惠”项目', ['知晓率'], 12)
 * // [{ text: '…群众', mark: false }, { text: '知晓率', mark: true }, { text: '最高的是“爱工…', mark: false }]
 */
export function excerpt(text: string, parts: readonly string[], length: number): ExcerptPiece[] {
  const chars = Array.from(readableText(text));
  const marked = markedRanges(chars, parts);
  const first = marked[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 5), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const pieces: ExcerptPiece[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) pieces.push({ text: chars.slice(from, to).join(''), mark });
  };
  let at = start;
  for (const [from, to] of marked) {
    if (to <= start || from >= end) continue;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < chars.length) pieces.push({ text: '…', mark: false });
  return mergePlain(pieces);
}

/** Ranges [from, to) of `chars` holding a part, sorted and merged where they touch. */
function markedRanges(chars: readonly string[], parts: readonly string[]): Array<[number, number]> {
  // The text's letters and digits as matchKey sees them, each with the character it came from.
  let key = '';
  const from: number[] = [];
  chars.forEach((char, i) => {
    const folded = matchKey(char);
    key += folded;
    for (let k = 0; k < folded.length; k++) from.push(i);
  });
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    for (let at = key.indexOf(part); at >= 0 && part.length > 0; at = key.indexOf(part, at + part.length)) {
      ranges.push([from[at]!, from[at + part.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function mergePlain(pieces: ExcerptPiece[]): ExcerptPiece[] {
  const merged: ExcerptPiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && !last.mark && !piece.mark) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}

/**
 * The words of a query as the browser segments it (as Pagefind does before
 * it searches), punctuation dropped and normalised as {@link matchKey}
 * normalises text; one word per character where the browser cannot
 * segment. Used to mark the words of a result that holds no part whole.
 *
 * @example
 * queryWords('淄川区 知晓率') // ['淄', '川', '区', '知', '晓', '率'] (with the dictionary of Chromium 13x)
 */
export function queryWords(query: string): string[] {
  const text = query.normalize('NFKC');
  const words =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text), (s) => s.segment)
      : Array.from(text);
  return [...new Set(words.map(matchKey).filter((word) => word.length > 0))];
}

/**
 * Pagefind's page text as a reader sees it: Pagefind joins blocks (a
 * heading, a list item) with ". " where the block does not end in
 * punctuation, which reads as a stray full stop in Chinese; such a break
 * after a Han character or a digit becomes a space, and runs of spaces
 * become one. Text without breaks only has its spaces collapsed.
 *
 * @example
 * readableText('张店区. 得分94.04. 排名第2名.') // '张店区 得分94.04 排名第2名'
 * readableText('Mr. Smith  说')             // 'Mr. Smith 说'
 */
export function readableText(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\p{N}])\.(?=\s|$)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The label of a result that links into a section: the page's title, ›,
 * then the section's title without the page title it may repeat (a chart
 * captioned “经验名：各单位得分” on that experience's page reads 经验名 ›
 * 各单位得分). The page title alone when the section title is empty or the
 * same.
 *
 * @example
 * sectionLabel('淄川区', '淄川区：各项经验得分') // '淄川区 › 各项经验得分'
 * sectionLabel('报告全文', '评估概况')         // '报告全文 › 评估概况'
 * sectionLabel('淄川区', '淄川区')             // '淄川区'
 */
export function sectionLabel(pageTitle: string, sectionTitle: string): string {
  const section = sectionTitle.trim();
  const own = section.startsWith(pageTitle) ? section.slice(pageTitle.length).replace(/^[\p{P}\s]+/u, '') : section;
  return own.length === 0 || section === pageTitle ? pageTitle : `${pageTitle} › ${own}`;
}

/**
 * The texts a page is matched against: its indexed text, and each word of
 * its metadata on its own (a name's search words are listed one after
 * another, and a part must not match across two of them). The `kind`
 * field is the label of the page's type (创新改革经验), not its text, and
 * is left out.
 *
 * @example
 * pageTexts('正文', { title: '淄川区', name: '淄川区 川区 区 zichuan', kind: '单位' })
 * // ['正文', '淄川区', '淄川区', '川区', '区', 'zichuan']
 */
export function pageTexts(content: string, meta: Readonly<Record<string, string>>): string[] {
  const words = Object.entries(meta).flatMap(([key, value]) => (key === 'kind' ? [] : value.split(/\s+/u)));
  return [content, ...words.filter((word) => word.length > 0)];
}

/**
 * A query as the box hands it to Pagefind: a space after every Han
 * character, so that each is a word of its own, as in the index
 * (`indexedHtml` in scripts/lib/search-index.ts). Pagefind segments Chinese
 * with one dictionary when it indexes and the browser with another when it
 * searches, and matches a typed word only against the start of an indexed
 * word: where the two cut differently, a page holding the word was never
 * found. One character per word on both sides always agrees; the box then
 * keeps the pages that hold the query whole. Other text is left as it is.
 *
 * @example
 * spacedHan('“爱工惠”平台12345') // '“爱 工 惠 ”平 台 12345'
 */
export function spacedHan(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (han) => `${han} `);
}

/**
 * Text from the search index as the site wrote it: the zero-width spaces
 * Pagefind and the index put between words taken out.
 *
 * @example
 * unspacedHan('打\u200B造\u200B“爱工惠”') // '打造“爱工惠”'
 */
export function unspacedHan(text: string): string {
  return text.replace(/\u200B/gu, '');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * A page's text as Pagefind returns it (`content`, `plain_excerpt`: markup
 * characters written as entities) turned back into plain text, to be shown
 * with `textContent` and matched as written. Decimal and hexadecimal
 * references and the named ones Pagefind writes are decoded; any other
 * `&…;` (and a reference to no character) is left as it is.
 *
 * @example
 * plainText('R&amp;D &lt;b&gt; &#x4E00;&#20108; &copy;') // 'R&D <b> 一二 &copy;'
 */
export function plainText(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
