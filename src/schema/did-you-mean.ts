/**
 * "Did you mean …?" for an id, field name or Chinese name that is not
 * known: the one candidate an editor most likely meant, or nothing when no
 * candidate is clearly the one.
 */

/** Something an editor may refer to: its id, and the Chinese name editors know it by. */
export interface Candidate {
  id: string;
  name?: string | undefined;
}

/** Ids and names longer than this are never typos of a short id; comparing them would only cost time. */
const LONGEST_COMPARED = 64;

/**
 * The candidate an unknown `input` most likely meant, or `undefined`.
 *
 * The rule, in order:
 * 1. Ids are compared after folding case, full-width letters (NFKC), and
 *    `_`, `-` and spaces alike, so `Zichuan`, `ｚｉｃｈｕａｎ` and
 *    `lead-assessment` find `zichuan` and `lead_assessment`.
 * 2. A Chinese name: the candidate whose `name` is the input (`淄川区`),
 *    or the only one whose name contains it or is contained in it
 *    (`淄川`, `淄博市淄川区`), or the only one one edit away (`淄州区`).
 * 3. Otherwise the Damerau–Levenshtein distance (optimal string alignment:
 *    insertions, deletions, substitutions, adjacent transpositions) to each
 *    id: at most 1 edit when the shorter of the two has 3 to 5 characters,
 *    at most 2 when longer, none below 3 characters, where every id is close.
 * Ties: when two candidates are equally near, nothing is suggested, since a
 * guess between them would mislead. Empty input or candidates: `undefined`.
 *
 * @example
 * const units = [{ id: 'zhangdian', name: '张店区' }, { id: 'zichuan', name: '淄川区' }];
 * didYouMean('zichaun', units)  // { id: 'zichuan', name: '淄川区' } (a transposition)
 * didYouMean('淄川', units)      // { id: 'zichuan', name: '淄川区' }
 * didYouMean('boshan', units)   // undefined (three edits or more from every id)
 */
export function didYouMean<C extends Candidate>(input: string, candidates: readonly C[]): C | undefined {
  const needle = foldId(input);
  if (needle === '' || needle.length > LONGEST_COMPARED) return undefined;

  const sameId = candidates.filter((c) => foldId(c.id) === needle);
  if (sameId.length > 0) return sameId.length === 1 ? sameId[0] : undefined;

  if (/[^\x00-\x7f]/.test(needle)) {
    const byName = nearestByName(needle, candidates);
    if (byName) return byName;
  }

  let best: C | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const candidate of candidates) {
    const id = foldId(candidate.id);
    const allowed = allowedEdits(Math.min(needle.length, id.length));
    if (allowed === 0 || id.length > LONGEST_COMPARED) continue;
    const distance = boundedDistance(needle, id, allowed);
    if (distance > allowed) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) tied = true;
  }
  return tied ? undefined : best;
}

/**
 * The hint an error message carries for a suggestion: `是否应为 淄川区 (zichuan)？`,
 * or `是否应为 lead_assessment？` for a candidate without a name; empty for none.
 *
 * @example
 * suggestionText({ id: 'zichuan', name: '淄川区' }) // '是否应为 淄川区 (zichuan)？'
 * suggestionText(undefined)                        // ''
 */
export function suggestionText(candidate: Candidate | undefined): string {
  if (!candidate) return '';
  return candidate.name ? `是否应为 ${candidate.name} (${candidate.id})？` : `是否应为 ${candidate.id}？`;
}

/**
 * How many edits a word of `length` characters may be from the id it was
 * meant to be: none for one or two characters, one up to five, two beyond.
 *
 * @example
 * allowedEdits(2) // 0
 * allowedEdits(7) // 2
 */
export function allowedEdits(length: number): number {
  if (length <= 2) return 0;
  return length <= 5 ? 1 : 2;
}

/**
 * The optimal-string-alignment distance between `a` and `b` (insertions,
 * deletions, substitutions and transpositions of neighbours each count 1),
 * or `max + 1` as soon as it is certain to exceed `max`.
 *
 * @example
 * boundedDistance('zichaun', 'zichuan', 2) // 1
 * boundedDistance('abc', 'xyz', 1)         // 2 (more than 1)
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Folds what editors vary without meaning to: case, full-width forms, `_` against `-`, blanks. */
function foldId(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

/** A Chinese name's match: equal, then a unique containment, then a unique single edit. */
function nearestByName<C extends Candidate>(needle: string, candidates: readonly C[]): C | undefined {
  const named = candidates.filter((c): c is C & { name: string } => typeof c.name === 'string' && c.name !== '');
  const folded = named.map((c) => ({ candidate: c, name: foldId(c.name) }));
  const unique = (found: Array<{ candidate: C }>): C | undefined => (found.length === 1 ? found[0]!.candidate : undefined);

  const equal = folded.filter((c) => c.name === needle);
  if (equal.length > 0) return unique(equal);
  if (needle.length >= 2) {
    const containing = folded.filter((c) => c.name.includes(needle) || (c.name.length >= 2 && needle.includes(c.name)));
    if (containing.length > 0) return unique(containing);
  }
  const near = folded.filter((c) => c.name.length >= 3 && c.name.length <= LONGEST_COMPARED && boundedDistance(needle, c.name, 1) <= 1);
  return unique(near);
}
