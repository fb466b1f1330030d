/**
 * Work measured by counting, not by the clock: how many properties a check
 * reads from the model it is given. The same input gives the same count on any
 * machine, busy or not, so tests can bound the work (e.g. that it grows
 * linearly with the model) without a time limit that flakes.
 */
import { dddParser } from '../src/language/syntax/parser';

/**
 * A view of `root` that counts every property read on it and on every object
 * reached from it (arrays included). Maps, sets and their iterators count the
 * calls of their methods, and what these return is counted in turn.
 */
export function countingReads<T extends object>(root: T): { model: T; reads: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const made = new WeakSet<object>();
  const wrap = (value: unknown): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const target = value as object;
    const existing = proxies.get(target);
    if (existing) return existing;
    if (made.has(target)) return target; // a view already (the work stored it in the model and reads it back)
    if (typeof value === 'function' || Object.isFrozen(target)) return value;
    // built-ins with internal slots (maps, sets, their iterators, dates): their methods run on the object itself
    const tag = Object.prototype.toString.call(target);
    const collection = tag !== '[object Object]' && tag !== '[object Array]';
    const proxy = new Proxy(target, {
      get(object, key) {
        reads++;
        const property = Reflect.get(object, key, object);
        if (collection) return typeof property === 'function' ? (...args: unknown[]) => wrap((property as (...a: unknown[]) => unknown).apply(object, args)) : property;
        return wrap(property);
      },
    });
    proxies.set(target, proxy);
    made.add(proxy);
    return proxy;
  };
  return { model: wrap(root) as T, reads: () => reads };
}

/** The reads `work` makes of the model, counted. */
export function readsOf<T extends object>(model: T, work: (model: T) => unknown): number {
  const counting = countingReads(model);
  work(counting.model);
  return counting.reads();
}

/**
 * Runs `work` counting the parser's lookaheads (chevrotain's LA and LA_FAST, called
 * for every token the parser looks at, again on each retry or backtrack): a
 * measure of parsing work that, unlike time, does not depend on the machine.
 */
export function countingLookaheads<T>(work: () => T): { result: T; lookaheads: number } {
  let owner: Record<string, unknown> = dddParser(false) as unknown as Record<string, unknown>;
  while (!Object.prototype.hasOwnProperty.call(owner, 'LA')) owner = Object.getPrototypeOf(owner);
  const originals = { LA: owner['LA'] as (n: number) => unknown, LA_FAST: owner['LA_FAST'] as (n: number) => unknown };
  let lookaheads = 0;
  owner['LA'] = function (this: unknown, n: number) {
    lookaheads++;
    return originals.LA.call(this, n);
  };
  owner['LA_FAST'] = function (this: unknown, n: number) {
    lookaheads++;
    return originals.LA_FAST.call(this, n);
  };
  try {
    return { result: work(), lookaheads };
  } finally {
    Object.assign(owner, originals);
  }
}
