/**
 * Find all references: every place a symbol's name is written, across files.
 */
import { isBuiltinType, isIdentityTypeName } from '../model/builtin-types';
import type { Reference } from '../model/elements';
import { isTypeReference, type DddModel } from '../model/model';
import { navIndex } from './nav-index';
import type { NavLocation, NavSymbol } from './types';

export interface ReferenceLocation extends NavLocation {
  /** True where the symbol is declared (each block of an open context; a saga state's first use). */
  isDeclaration: boolean;
}

export interface ReferencesOptions {
  /** Include the declaration itself (default true). */
  includeDeclaration?: boolean;
}

/**
 * Every reference whose target is `symbol`, plus its declaration: for a context,
 * every `context X` block of the merged context and every `X.` qualifier; for a
 * saga state, every place the saga names it. Sorted by document, then position.
 */
export function referencesTo(model: DddModel, symbol: NavSymbol, options: ReferencesOptions = {}): ReferenceLocation[] {
  const includeDeclaration = options.includeDeclaration ?? true;
  const index = navIndex(model);
  const result: ReferenceLocation[] = [];
  const seen = new Set<string>();
  const push = (location: ReferenceLocation) => {
    const key = `${location.uri}#${location.range.start}:${location.range.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push(location);
  };
  if (symbol.kind === 'sagaState') {
    symbol.occurrences.forEach((range, i) => {
      if (i > 0 || includeDeclaration) push({ uri: symbol.uri, range, isDeclaration: i === 0 });
    });
  } else {
    for (const use of index.uses.get(symbol) ?? []) {
      const isDeclaration = use.what === 'declaration';
      if (isDeclaration && !includeDeclaration) continue;
      push({ uri: use.uri, range: use.range, isDeclaration });
    }
  }
  return result.sort(byPlace);
}

export function byPlace(a: ReferenceLocation, b: ReferenceLocation): number {
  return a.uri === b.uri ? a.range.start - b.range.start : a.uri < b.uri ? -1 : 1;
}

/** An undeclared type ending in `Id`, written as a bare name: an identity type (`customer: CustomerId`). */
export function isIdentityTypeUse(reference: Reference | undefined, name: string): reference is Reference {
  return (
    !!reference &&
    !reference.target &&
    reference.text === name &&
    isTypeReference(reference) &&
    isIdentityTypeName(name) &&
    !isBuiltinType(name)
  );
}

/**
 * Every place an identity type is written. It has no declaration: its uses are
 * the type references with its name that no declaration answers. Sorted by
 * document, then position.
 */
export function identityTypeUses(model: DddModel, name: string): ReferenceLocation[] {
  const uses: ReferenceLocation[] = [];
  for (const reference of model.references) if (isIdentityTypeUse(reference, name)) uses.push({ uri: reference.uri, range: reference.range, isDeclaration: false });
  return uses.sort(byPlace);
}
