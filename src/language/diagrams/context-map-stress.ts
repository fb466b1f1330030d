/**
 * Which pairs of contexts a context-map layout pulls towards their graph distance (stress
 * majorization): every pair for a map that fits a page, a sparse set for a big one.
 */

/**
 * Up to this many contexts, every pair of contexts pulls towards its graph distance (the
 * layout's quality, and O(n²) time and memory). Past it, each context pulls against its
 * neighbourhood and a fixed number of pivot contexts (sparse stress: O(n) pairs), and
 * overlaps are removed through a grid, so that 2,000 or 20,000 contexts lay out in seconds.
 */
export const DENSE_LAYOUT_LIMIT = 400;
/** Pivots of a sparse layout: each context keeps its distance to each of them. */
const PIVOTS = 48;
/** How far (in relationships) and how many contexts a sparse layout's neighbourhood reaches. */
const NEIGHBOURHOOD_DEPTH = 2;
const NEIGHBOURHOOD_SIZE = 48;

/** The pairs a layout of `n` contexts pulls towards their graph distance: all of them up to DENSE_LAYOUT_LIMIT, O(n) past it. */
export function stressPairs(n: number, neighbours: readonly number[][], random: () => number): Pairs {
  return n <= DENSE_LAYOUT_LIMIT ? allPairs(n, neighbours) : sparsePairs(n, neighbours, random);
}

export interface Pairs {
  pairI: Int32Array;
  pairJ: Int32Array;
  target: Float64Array;
  longest: number;
}

/** Every pair, with its graph distance (unrelated parts: a bit further than the longest path). */
function allPairs(n: number, neighbours: readonly number[][]): Pairs {
  const distance = new Int32Array(n * n).fill(-1);
  const queue = new Int32Array(Math.max(n, 1));
  let longest = 1;
  for (let source = 0; source < n; source++) {
    const row = source * n;
    distance[row + source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const at = queue[head++]!;
      const next = distance[row + at]! + 1;
      for (const other of neighbours[at]!) {
        if (distance[row + other] !== -1) continue;
        distance[row + other] = next;
        if (next > longest) longest = next;
        queue[tail++] = other;
      }
    }
  }
  const pairCount = (n * (n - 1)) / 2;
  const pairI = new Int32Array(pairCount);
  const pairJ = new Int32Array(pairCount);
  const target = new Float64Array(pairCount);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distance[i * n + j]!;
      pairI[p] = i;
      pairJ[p] = j;
      target[p] = d < 0 ? longest + 1 : d;
      p++;
    }
  }
  return { pairI, pairJ, target, longest };
}

/** A breadth-first search from `source`, into `distance` (reset to -1 by the caller), visiting at most `limit` contexts up to `depth`. */
function search(source: number, neighbours: readonly number[][], distance: Int32Array, queue: Int32Array, depth: number, limit: number): number {
  distance[source] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  while (head < tail && tail < limit) {
    const at = queue[head++]!;
    const next = distance[at]! + 1;
    if (next > depth) break;
    for (const other of neighbours[at]!) {
      if (distance[other] !== -1) continue;
      distance[other] = next;
      queue[tail++] = other;
      if (tail >= limit) break;
    }
  }
  return tail;
}

/** Each context with its near neighbourhood and with every pivot (sparse stress): O(n) pairs. */
function sparsePairs(n: number, neighbours: readonly number[][], random: () => number): Pairs {
  const pivots: number[] = [];
  const chosen = new Uint8Array(n);
  while (pivots.length < Math.min(PIVOTS, n)) {
    const pick = Math.floor(random() * n);
    if (chosen[pick]) continue;
    chosen[pick] = 1;
    pivots.push(pick);
  }
  const pairI: number[] = [];
  const pairJ: number[] = [];
  const target: number[] = [];
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(Math.max(n, 1));
  let longest = 1;
  const fromPivot: Int32Array[] = [];
  for (const pivot of pivots) {
    distance.fill(-1);
    const reached = search(pivot, neighbours, distance, queue, n, n);
    for (let k = 0; k < reached; k++) longest = Math.max(longest, distance[queue[k]!]!);
    fromPivot.push(distance.slice());
  }
  pivots.forEach((pivot, k) => {
    const row = fromPivot[k]!;
    for (let i = 0; i < n; i++) {
      if (i === pivot) continue;
      pairI.push(pivot);
      pairJ.push(i);
      target.push(row[i]! < 0 ? longest + 1 : row[i]!);
    }
  });
  for (let i = 0; i < n; i++) {
    const reached = search(i, neighbours, distance, queue, NEIGHBOURHOOD_DEPTH, NEIGHBOURHOOD_SIZE);
    for (let k = 1; k < reached; k++) {
      const j = queue[k]!;
      if (j > i) {
        pairI.push(i);
        pairJ.push(j);
        target.push(distance[j]!);
      }
    }
    for (let k = 0; k < reached; k++) distance[queue[k]!] = -1;
  }
  return { pairI: Int32Array.from(pairI), pairJ: Int32Array.from(pairJ), target: Float64Array.from(target), longest };
}
