/**
 * Every named declaration of a workspace by simple name, in declaration order.
 *
 * Most names are declared once, so an entry is the declaration itself, and a
 * list only for a name declared more than once: a workspace of 50,000 lines
 * has some 50,000 names, and an array for each would be a good share of the
 * model's memory (and of the garbage collector's work).
 */
import type { Declaration } from './elements';

export class DeclarationIndex {
  private readonly entries = new Map<string, Declaration | Declaration[]>();
  /** The names declared more than once: few, so asking about one is cheap. */
  private readonly shared = new Set<string>();

  add(declaration: Declaration): void {
    const entry = this.entries.get(declaration.name);
    if (entry === undefined) this.entries.set(declaration.name, declaration);
    else if (Array.isArray(entry)) entry.push(declaration);
    else {
      this.entries.set(declaration.name, [entry, declaration]);
      this.shared.add(declaration.name);
    }
  }

  /** The declarations of a name. */
  get(name: string): readonly Declaration[] | undefined {
    const entry = this.entries.get(name);
    return entry === undefined || Array.isArray(entry) ? entry : [entry];
  }

  /** The declaration of a name declared once, or the list of a name declared more than once (no allocation: for the linker). */
  entry(name: string): Declaration | readonly Declaration[] | undefined {
    return this.entries.get(name);
  }

  /** Whether more than one declaration has this name (only then can two of them clash). */
  isShared(name: string): boolean {
    return this.shared.has(name);
  }

  /** The names declared more than once. */
  sharedNames(): ReadonlySet<string> {
    return this.shared;
  }

  /** The names with a declaration of one of `kinds`, in declaration order (no allocation per name: for "did you mean"). */
  namesOfKinds(kinds: ReadonlySet<string>): string[] {
    const names: string[] = [];
    for (const [name, entry] of this.entries) {
      if (Array.isArray(entry) ? entry.some((declaration) => kinds.has(declaration.kind)) : kinds.has(entry.kind)) names.push(name);
    }
    return names;
  }

  get size(): number {
    return this.entries.size;
  }

  *[Symbol.iterator](): IterableIterator<[string, readonly Declaration[]]> {
    for (const [name, entry] of this.entries) yield [name, Array.isArray(entry) ? entry : [entry]];
  }

  *values(): IterableIterator<readonly Declaration[]> {
    for (const entry of this.entries.values()) yield Array.isArray(entry) ? entry : [entry];
  }
}
