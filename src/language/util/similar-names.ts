/**
 * "Did you mean …?": the known name closest to a misspelt one.
 *
 * A workspace declares tens of thousands of names and may misspell thousands
 * of them, so the names are indexed once (`SimilarNames`) and a look-up
 * compares the misspelt name only with the names that can be near it, never
 * with all of them. docs/limits.md describes the distance a suggestion may be.
 */

/**
 * Work done since the process started, for the scale tests and the soak report:
 * edit distances computed, and index entries read to find the names to compare.
 */
export const similarNameWork = { comparisons: 0, scanned: 0, remembered: 0 };

/**
 * The most answers an index keeps (each a name and its suggestion). The names of an index never
 * change, and the server keeps an index from one edit to the next while the workspace's names stay
 * the same: an unknown name in a file not being edited is asked again at every keystroke.
 */
export const MAX_ANSWERS_KEPT = 2_048;

/** The largest edit distance a suggestion may be from the name written (a third of its length, at least 1). */
export const MAX_SUGGESTION_DISTANCE = 3;

/** How far a suggestion for `name` may be: a third of its length, between 1 and MAX_SUGGESTION_DISTANCE. */
export function suggestionDistance(name: string): number {
  return Math.max(1, Math.min(MAX_SUGGESTION_DISTANCE, Math.floor(name.length / 3)));
}

/** Levenshtein distance, ignoring case; `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  similarNameWork.comparisons++;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The pairs of neighbouring characters of a name, ignoring case (as editDistance compares them). */
function bigrams(name: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < name.length; i++) grams.push(name[i]!.toLowerCase() + '\u0001' + name[i + 1]!.toLowerCase());
  return grams;
}

/**
 * Names indexed by their character pairs and their length, built once for a
 * list of names (in their order: of two equally close names the first wins;
 * a name listed again is indexed once).
 *
 * Why it finds every name within the distance d: one edit removes at most two
 * pair occurrences, so at most 2d of the query's distinct pairs are missing
 * from a name within d of it; such a name shares at least n − 2d of the
 * query's n distinct pairs, hence at least one of any 2d + 1 of them. The
 * look-up takes a few rare pairs that such a name must hold (see seedPairs),
 * and compares with the query only the names that hold one of them, whose
 * length is within d and that hold all but 2d of the query's pairs within d
 * places of where the query has them. A query too short for any seed (fewer
 * than 2d + 2 characters, and n ≤ 2d) is compared with the names whose length
 * is within d: short names are few.
 */
export class SimilarNames {
  private readonly names: string[];
  /** Pair → its number. */
  private readonly pairIds = new Map<string, number>();
  /** Each name's pairs, by number, in order: the pair at i is the name's characters i and i + 1. */
  private readonly pairsAt: Int32Array[] = [];
  /** Pair number → the positions of the names holding it, shortest name first. */
  private readonly byPair: number[][] = [];
  /** Length → the positions of the names of that length, ascending. */
  private readonly byLength = new Map<number, number[]>();
  private readonly lengths: Int32Array;
  /** Scratch space for a look-up: the query's pairs, and the names seen (by look-up number). */
  private queryPairs = new Uint8Array(0);
  private readonly seen: Int32Array;
  private lookups = 0;
  /** The answers given so far, the oldest first (at most MAX_ANSWERS_KEPT). */
  private readonly answers = new Map<string, string | undefined>();

  constructor(names: Iterable<string>) {
    // each name once: a name declared many times (a model pasted 300 times) is compared once, and
    // the answer is the same (of equally close names the first wins, and a repeat is never the first)
    this.names = [...new Set(names)];
    this.seen = new Int32Array(this.names.length);
    this.lengths = Int32Array.from(this.names, (name) => name.length);
    this.names.forEach((name, position) => {
      let sameLength = this.byLength.get(name.length);
      if (!sameLength) this.byLength.set(name.length, (sameLength = []));
      sameLength.push(position);
      const pairs = bigrams(name).map((gram) => {
        let id = this.pairIds.get(gram);
        if (id === undefined) {
          id = this.byPair.length;
          this.pairIds.set(gram, id);
          this.byPair.push([]);
        }
        const holders = this.byPair[id]!;
        if (holders[holders.length - 1] !== position) holders.push(position);
        return id;
      });
      this.pairsAt.push(Int32Array.from(pairs));
    });
    // holders shortest first, so that a look-up reads only those of a length near the query's
    for (const holders of this.byPair) holders.sort((a, b) => this.lengths[a]! - this.lengths[b]! || a - b);
    this.queryPairs = new Uint8Array(this.byPair.length);
  }

  get size(): number {
    return this.names.length;
  }

  /** The closest name within suggestionDistance(name) other than `name` itself; the first of the closest. */
  closest(name: string): string | undefined {
    if (this.answers.has(name)) {
      similarNameWork.remembered++;
      return this.answers.get(name);
    }
    const answer = this.search(name);
    if (this.answers.size >= MAX_ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(name, answer);
    return answer;
  }

  private search(name: string): string | undefined {
    const limit = suggestionDistance(name);
    let best: number | undefined;
    let bestDistance = limit + 1;
    for (const position of this.near(name, limit)) {
      const candidate = this.names[position]!;
      if (candidate === name) continue;
      const distance = editDistance(name, candidate, limit);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && position < best)) {
        best = position;
        bestDistance = distance;
      }
    }
    return best === undefined ? undefined : this.names[best];
  }

  /** The positions of the names that may be within `limit` of `name` (a superset of those that are). */
  private near(name: string, limit: number): number[] {
    const grams = bigrams(name);
    const ids = grams.map((gram) => this.pairIds.get(gram) ?? -1);
    // a pair no name has is shared by none
    const known = [...new Set(ids.filter((id) => id >= 0))];
    const needed = new Set(grams).size - 2 * limit;
    if (needed > known.length) return [];
    const seeds = this.seedPairs(name, ids, known, needed, limit);
    if (seeds === undefined) return this.byLengthWithin(name.length, limit);
    const lookup = ++this.lookups;
    const positions: number[] = [];
    for (const id of known) this.queryPairs[id] = 1;
    // a name misses at most 2·limit of the query's distinct pairs: counted first, it is the cheaper test
    const distinctNeeded = needed;
    for (const id of seeds) {
      const holders = this.byPair[id]!;
      for (let at = this.firstOfLength(holders, name.length - limit); at < holders.length; at++) {
        const position = holders[at]!;
        if (this.lengths[position]! > name.length + limit) break;
        similarNameWork.scanned++;
        if (this.seen[position] === lookup) continue;
        this.seen[position] = lookup;
        if (distinctNeeded > 0) {
          const pairs = this.pairsAt[position]!;
          let shared = 0;
          for (let i = 0; i < pairs.length; i++) shared += this.queryPairs[pairs[i]!]!;
          if (shared < distinctNeeded) continue;
        }
        if (this.sharesInPlace(ids, position, limit)) positions.push(position);
      }
    }
    for (const id of known) this.queryPairs[id] = 0;
    return positions;
  }

  /**
   * Whether the name at `position` holds all but 2·limit of the query's pairs
   * within `limit` places of where the query has them: a name within `limit`
   * edits does (an edit changes at most two pairs, and shifts the others by at
   * most one place).
   */
  private sharesInPlace(ids: readonly number[], position: number, limit: number): boolean {
    const pairs = this.pairsAt[position]!;
    let missing = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let found = false;
      if (id >= 0) {
        for (let j = Math.max(0, i - limit); j <= Math.min(pairs.length - 1, i + limit) && !found; j++) found = pairs[j] === id;
      }
      if (!found && ++missing > 2 * limit) return false;
    }
    return true;
  }

  /**
   * Pairs such that every name within `limit` of the query holds one of them,
   * the fewer holders the better; undefined when the query is too short for any.
   * Two ways to choose them: limit + 1 pairs of the query that do not overlap,
   * of which `limit` edits change at most `limit`, so a name within `limit`
   * holds one of them (a pair no name has is held by none: it needs no seed);
   * or the query's (known − needed + 1) rarest pairs, one of which a name
   * sharing `needed` of them holds.
   */
  private seedPairs(name: string, ids: readonly number[], known: readonly number[], needed: number, limit: number): number[] | undefined {
    const holders = (id: number) => (id < 0 ? 0 : this.byPair[id]!.length);
    const cost = (pairs: readonly number[]) => pairs.reduce((sum, id) => sum + holders(id), 0);
    let best: number[] | undefined;
    const pieces = limit + 1;
    if (name.length >= 2 * pieces) best = this.disjointPairs(ids, pieces, holders).filter((id) => id >= 0);
    if (needed > 0) {
      const rarest = [...known].sort((a, b) => holders(a) - holders(b)).slice(0, known.length - needed + 1);
      if (best === undefined || cost(rarest) < cost(best)) best = rarest;
    }
    return best;
  }

  /** `count` pairs of the query at places that do not overlap (two apart at least), with the fewest holders in all. */
  private disjointPairs(ids: readonly number[], count: number, holders: (id: number) => number): number[] {
    // least[c][i]: the fewest holders of c pairs chosen among the first i places
    const least = Array.from({ length: count + 1 }, (_, c) => Array.from({ length: ids.length + 1 }, () => (c === 0 ? 0 : Infinity)));
    for (let c = 1; c <= count; c++) {
      for (let i = 1; i <= ids.length; i++) {
        const taking = least[c - 1]![Math.max(0, i - 2)]! + holders(ids[i - 1]!);
        least[c]![i] = Math.min(least[c]![i - 1]!, taking);
      }
    }
    const chosen: number[] = [];
    for (let c = count, i = ids.length; c > 0 && i > 0; ) {
      if (least[c]![i] === least[c]![i - 1]) i--;
      else {
        chosen.push(ids[i - 1]!);
        c--;
        i -= 2;
      }
    }
    return chosen;
  }

  /** The first index in `holders` (shortest first) of a name at least `length` long. */
  private firstOfLength(holders: readonly number[], length: number): number {
    let low = 0;
    let high = holders.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.lengths[holders[middle]!]! < length) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private byLengthWithin(length: number, limit: number): number[] {
    const positions: number[] = [];
    for (let other = Math.max(0, length - limit); other <= length + limit; other++) positions.push(...(this.byLength.get(other) ?? []));
    similarNameWork.scanned += positions.length;
    return positions;
  }
}

/** The closest candidate within a distance that scales with the name's length, if any. */
export function closestName(name: string, candidates: Iterable<string> | SimilarNames): string | undefined {
  return (candidates instanceof SimilarNames ? candidates : new SimilarNames(candidates)).closest(name);
}

export function didYouMean(name: string, candidates: Iterable<string> | SimilarNames): string {
  const suggestion = closestName(name, candidates);
  return suggestion ? ` Did you mean ${suggestion}?` : '';
}
