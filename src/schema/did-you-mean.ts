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
  const index = indexOf(candidates);

  const sameId = index.byId.get(needle);
  if (sameId) return sameId.length === 1 ? index.folded[sameId[0]!]!.candidate : undefined;

  if (/[^\x00-\x7f]/.test(needle)) {
    const byName = nearestByName(needle, index);
    if (byName) return byName;
  }

  let best: C | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const i of nearIds(needle, index)) {
    const { candidate, id } = index.folded[i]!;
    const allowed = allowedEdits(Math.min(needle.length, id.length));
    if (allowed === 0 || Math.abs(id.length - needle.length) > allowed) continue;
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

interface Folded<C> {
  candidate: C;
  id: string;
  name: string | undefined;
}

/** A candidate list folded once, with its ids by folded form and by every form with up to two characters deleted. */
interface CandidateIndex<C> {
  folded: Folded<C>[];
  byId: Map<string, number[]>;
  byDeletion: Map<string, number[]>;
  /** The candidates that have a name. */
  named: number[];
  /** Names of three characters or more, by every form with up to one character deleted. */
  byNameDeletion: Map<string, number[]>;
}

/** Candidate lists are asked again and again while one edition is checked: each is indexed once. */
const INDEXES = new WeakMap<readonly Candidate[], CandidateIndex<Candidate>>();

function indexOf<C extends Candidate>(candidates: readonly C[]): CandidateIndex<C> {
  const known = INDEXES.get(candidates) as CandidateIndex<C> | undefined;
  if (known) return known;
  const folded = candidates.map((candidate) => ({ candidate, id: foldId(candidate.id), name: candidate.name ? foldId(candidate.name) : undefined }));
  const byId = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list.at(-1) !== i) list.push(i);
  };
  const byNameDeletion = new Map<string, number[]>();
  const named: number[] = [];
  folded.forEach(({ id, name }, i) => {
    if (name) named.push(i);
    add(byId, id, i);
    if (id.length <= LONGEST_COMPARED) for (const variant of deletions(id, 2)) add(byDeletion, variant, i);
    if (name && name.length >= 3 && name.length <= LONGEST_COMPARED) for (const variant of deletions(name, 1)) add(byNameDeletion, variant, i);
  });
  const index = { folded, byId, byDeletion, named, byNameDeletion };
  INDEXES.set(candidates, index);
  return index;
}

/** Few candidates: every one of them, in order. */
const LINEAR_UP_TO = 32;

/**
 * The candidates (in list order) whose ids may be within two edits of
 * `needle`: all of a short list; of a long one, those that share a form
 * with up to two characters deleted, the only ones that can be that near.
 */
function nearIds<C>(needle: string, index: CandidateIndex<C>): number[] {
  if (index.folded.length <= LINEAR_UP_TO) return index.folded.map((_, i) => i);
  const near = new Set<number>();
  for (const variant of deletions(needle, 2)) for (const i of index.byDeletion.get(variant) ?? []) near.add(i);
  return [...near].sort((a, b) => a - b);
}

/** `word` and every word made from it by deleting up to `depth` characters. */
function deletions(word: string, depth: number): Set<string> {
  const all = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return all;
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
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
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
function nearestByName<C extends Candidate>(needle: string, index: CandidateIndex<C>): C | undefined {
  const unique = (found: number[]): C | undefined => (found.length === 1 ? index.folded[found[0]!]!.candidate : undefined);
  const { named } = index;
  const equal = named.filter((i) => index.folded[i]!.name === needle);
  if (equal.length > 0) return unique(equal);
  if (needle.length >= 2) {
    const containing = named.filter((i) => {
      const name = index.folded[i]!.name!;
      return name.includes(needle) || (name.length >= 2 && needle.includes(name));
    });
    if (containing.length > 0) return unique(containing);
  }
  const near = new Set<number>();
  for (const variant of deletions(needle, 1)) for (const i of index.byNameDeletion.get(variant) ?? []) near.add(i);
  return unique([...near].filter((i) => boundedDistance(needle, index.folded[i]!.name!, 1) <= 1));
}
