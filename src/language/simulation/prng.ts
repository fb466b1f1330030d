/**
 * A tiny seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence on every machine, so simulated runs are reproducible. Its whole
 * state is one 32-bit integer, which `state` exposes so that a bulk run can be
 * replayed from the middle of a sequence.
 */

export class Prng {
  /** The generator's whole state: a 32-bit unsigned integer. */
  state: number;

  constructor(seed = 1) {
    this.state = seedState(seed);
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }
}

/** Any number (or a string, hashed) as a 32-bit starting state. */
export function seedState(seed: number | string): number {
  if (typeof seed === 'string') {
    let hash = 2166136261;
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
    return hash >>> 0;
  }
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}
