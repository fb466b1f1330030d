/**
 * Every named declaration of a workspace by simple name, in declaration order.
 *
 * Most names are declared once, so an entry is the declaration itself, and a
 * list only for a name declared more than once: a workspace of 50,000 lines
 * has some 50,000 names, and an array for each would be a good share of the
 * model's memory (and of the garbage collector's work).
 */
import type { Declaration } from './elements';

type Entry = Declaration | Declaration[];

export class DeclarationIndex {
  /**
   * The names and their declarations; for an index made by `replacing`, only the names whose
   * declarations were replaced since `base` was built (the others are `base`'s).
   */
  private readonly entries: Map<string, Entry>;
  /** The names declared more than once: few, so asking about one is cheap. */
  private readonly shared: Set<string>;
  /** The whole index this one replaces declarations of, if it does. */
  private readonly base: DeclarationIndex | undefined;
  /** namesOfKinds' lists, by kinds. */
  private readonly namesByKinds = new Map<string, string[]>();
  /** declarationCount's answer, once asked. */
  private declarations: number | undefined;

  constructor(base?: DeclarationIndex, replaced?: Map<string, Entry>) {
    this.base = base;
    this.entries = replaced ?? new Map();
    this.shared = base ? base.shared : new Set();
  }

  add(declaration: Declaration): void {
    if (this.base) throw new Error('An index made by replacing declarations takes no more.');
    if (this.namesByKinds.size > 0) this.namesByKinds.clear();
    this.declarations = undefined;
    const entry = this.entries.get(declaration.name);
    if (entry === undefined) this.entries.set(declaration.name, declaration);
    else if (Array.isArray(entry)) entry.push(declaration);
    else {
      this.entries.set(declaration.name, [entry, declaration]);
      this.shared.add(declaration.name);
    }
  }

  /**
   * This index with declarations replaced by others of the same name and kind, at the same places,
   * as after an edit that changed no name (model.ts, indexAfterEdit): `names` are the names of the
   * declarations replaced. The index it was made from is left as it is (a model being read keeps it).
   * Undefined once the names replaced since the index was last built whole hold more than `maxShare`
   * of its declarations: then building it whole again costs less than replacing them. Counted in
   * declarations, not names: a workspace that declares each name many times (copies of a model side by
   * side) has few names, and a file that declares a good share of them is still a small part of it.
   */
  replacing(replaced: ReadonlyMap<Declaration, Declaration>, names: Iterable<string>, maxShare: number): DeclarationIndex | undefined {
    const base = this.base ?? this;
    const swap = (entry: Entry): Entry => {
      if (!Array.isArray(entry)) return replaced.get(entry) ?? entry;
      return entry.some((declaration) => replaced.has(declaration)) ? entry.map((declaration) => replaced.get(declaration) ?? declaration) : entry;
    };
    const entries = new Map<string, Entry>();
    // the names replaced before still hold declarations of the last build, which this edit may replace again
    if (this.base) for (const [name, entry] of this.entries) entries.set(name, swap(entry));
    for (const name of names) {
      if (entries.has(name)) continue;
      const entry = base.entries.get(name);
      if (entry !== undefined) entries.set(name, swap(entry));
    }
    if (declarationsIn(entries.values()) > base.declarationCount() * maxShare) return undefined;
    return new DeclarationIndex(base, entries);
  }

  /** The declarations of a name. */
  get(name: string): readonly Declaration[] | undefined {
    const entry = this.entries.get(name) ?? this.base?.entries.get(name);
    return entry === undefined || Array.isArray(entry) ? entry : [entry];
  }

  /** The declaration of a name declared once, or the list of a name declared more than once (no allocation: for the linker). */
  entry(name: string): Declaration | readonly Declaration[] | undefined {
    const entry = this.entries.get(name);
    return entry !== undefined || this.base === undefined ? entry : this.base.entries.get(name);
  }

  /** Whether more than one declaration has this name (only then can two of them clash). */
  isShared(name: string): boolean {
    return this.shared.has(name);
  }

  /** The names declared more than once. */
  sharedNames(): ReadonlySet<string> {
    return this.shared;
  }

  /**
   * The names with a declaration of one of `kinds`, in declaration order (no allocation per name: for
   * "did you mean"). Read only: worked out once per index, and an index made by `replacing` (the
   * same names, of the same kinds) gives its base's list, so that what is built from it is kept.
   */
  namesOfKinds(kinds: ReadonlySet<string>): readonly string[] {
    if (this.base) return this.base.namesOfKinds(kinds);
    const key = [...kinds].sort().join(' ');
    let names = this.namesByKinds.get(key);
    if (!names) {
      names = [];
      for (const [name, entry] of this.entries) {
        if (Array.isArray(entry) ? entry.some((declaration) => kinds.has(declaration.kind)) : kinds.has(entry.kind)) names.push(name);
      }
      this.namesByKinds.set(key, names);
    }
    return names;
  }

  /** How many declarations the index holds (worked out once: an index built whole takes no more after it is read). */
  private declarationCount(): number {
    this.declarations ??= declarationsIn(this.entries.values());
    return this.declarations;
  }

  get size(): number {
    return (this.base ?? this).entries.size;
  }

  *[Symbol.iterator](): IterableIterator<[string, readonly Declaration[]]> {
    for (const [name, entry] of this.entryList()) yield [name, Array.isArray(entry) ? entry : [entry as Declaration]];
  }

  *values(): IterableIterator<readonly Declaration[]> {
    for (const [, entry] of this.entryList()) yield Array.isArray(entry) ? entry : [entry as Declaration];
  }

  /** Every name and its entry, in the order the names were first declared. */
  private *entryList(): IterableIterator<[string, Entry]> {
    if (!this.base) {
      yield* this.entries;
      return;
    }
    // the same names as the base's, in its order: a replacement changes declarations, never names
    for (const [name, entry] of this.base.entries) yield [name, this.entries.get(name) ?? entry];
  }
}

/** How many declarations entries hold (an entry is one declaration, or the list of those of one name). */
function declarationsIn(entries: Iterable<Entry>): number {
  let count = 0;
  for (const entry of entries) count += Array.isArray(entry) ? entry.length : 1;
  return count;
}
