/**
 * `extends`: an entity, value object, command or domain event inherits the fields of its
 * base (of the same kind). The chain is followed through linked references,
 * bounded, and stops at a cycle or at a base of another kind (both are errors
 * the tactical rules report).
 */
import type { Command, Declaration, DomainEvent, Entity, Field, ValueObject } from './elements';

export type InheritingDeclaration = Entity | ValueObject | Command | DomainEvent;

/** The kinds that may be `abstract` and `extends` a base of their kind (each is also the keyword that declares one). */
export const inheritingKindNames: readonly InheritingDeclaration['kind'][] = ['entity', 'value', 'command', 'event'];
const inheritingKinds: ReadonlySet<string> = new Set(inheritingKindNames);

/** Whether a declaration is of a kind that inherits (`abstract`, `extends`). */
export function isInheriting(declaration: Declaration): declaration is InheritingDeclaration {
  return inheritingKinds.has(declaration.kind);
}

/** How many bases a chain may have (a longer one is almost certainly a mistake; the walk stays bounded). */
export const MAX_INHERITANCE_DEPTH = 32;

/** The bases of `declaration`, nearest first: linked, of the same kind, without repeating one (a cycle ends the chain). */
export function baseChain(declaration: InheritingDeclaration): InheritingDeclaration[] {
  const chain: InheritingDeclaration[] = [];
  let current: InheritingDeclaration = declaration;
  while (chain.length < MAX_INHERITANCE_DEPTH) {
    const base = current.extends?.target;
    if (!base || base.kind !== declaration.kind || base === declaration || chain.includes(base as InheritingDeclaration)) break;
    chain.push(base as InheritingDeclaration);
    current = base as InheritingDeclaration;
  }
  return chain;
}

/** Whether following `extends` from `declaration` comes back to it. */
export function inheritsFromItself(declaration: InheritingDeclaration): boolean {
  let current: InheritingDeclaration = declaration;
  for (let depth = 0; depth < MAX_INHERITANCE_DEPTH; depth++) {
    const base = current.extends?.target;
    if (!base || base.kind !== declaration.kind) return false;
    if (base === declaration) return true;
    current = base as InheritingDeclaration;
  }
  return false;
}

/** The fields inherited from the bases (nearest first), those the declaration redeclares left out. */
export function inheritedOnly(declaration: InheritingDeclaration): { field: Field; from: InheritingDeclaration }[] {
  const seen = new Set(declaration.fields.map((field) => field.name));
  const inherited: { field: Field; from: InheritingDeclaration }[] = [];
  for (const base of baseChain(declaration)) {
    for (const field of base.fields) {
      if (!field || seen.has(field.name)) continue;
      seen.add(field.name);
      inherited.push({ field, from: base });
    }
  }
  return inherited;
}

/** Its own fields, then the ones it inherits. */
export function inheritedFields(declaration: InheritingDeclaration): Field[] {
  if (!declaration.extends) return declaration.fields;
  return [...declaration.fields, ...inheritedOnly(declaration).map((entry) => entry.field)];
}
