/**
 * A happy-dom page's objects as globals (`window`, `document`, `Node`, …) for a while, for the
 * tests whose code reads the DOM from the globals: every test file runs in Node, and a worker
 * runs its files one after the other, so what one file sets must be taken back before the next.
 */
/** Sets `globals` (name → value) on globalThis; the function it returns puts back what was there before. */
export function setDomGlobals(globals: Record<string, unknown>): () => void {
  const target = globalThis as Record<string, unknown>;
  const before = Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
  Object.assign(target, globals);
  return () => {
    for (const [name, descriptor] of before) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete target[name];
    }
  };
}

/** Runs `use` with `globals` set (as setDomGlobals does), then puts back what was there. */
export async function withDomGlobals<T>(globals: Record<string, unknown>, use: () => T | Promise<T>): Promise<T> {
  const restore = setDomGlobals(globals);
  try {
    return await use();
  } finally {
    restore();
  }
}
