/**
 * How many elements of each kind the model holds, and their names: what
 * `ddd summary --format json` prints. Every kind of element is counted, in the
 * order of `kindWords` (a kind added to the model is counted once it has its
 * words); declarations are found by the one walk (element-tree.ts), nameless
 * parts (relationships, saga steps and reactions, stickies) through
 * `partLists`. Names are paths from the top of the model, as the walk meets
 * them (`Sales.Order.OrderItem`, `Sales.Order.Order.id`), sorted.
 */
import type { ElementKind } from './elements';
import { forEachElement, partLists, type ModelElement } from './element-tree';
import { kindWords, type DddModel } from './model';

/** The most names listed for one kind; the count stays exact. docs/limits.md lists it. */
export const CENSUS_NAME_LIMIT = 10_000;

export interface KindCensus {
  count: number;
  /** The declarations' paths, sorted; none for nameless parts; at most CENSUS_NAME_LIMIT. */
  names: string[];
}

/** Every element kind, in the order of kindWords (the merged bounded context stands for its blocks). */
export const censusKinds: readonly ElementKind[] = Object.keys(kindWords).filter((kind): kind is ElementKind => kind !== 'contextDeclaration');

export type ElementCensus = Record<ElementKind, KindCensus>;

/** Counts and names of every kind of element; every kind is present (count 0 when none), keys in `censusKinds` order. */
export function elementCensus(model: DddModel, nameLimit = CENSUS_NAME_LIMIT): ElementCensus {
  const census = {} as ElementCensus;
  for (const kind of censusKinds) census[kind] = { count: 0, names: [] };
  const paths = new Map<ModelElement, string>();
  forEachElement(model, (element, parent) => {
    const path = parent === undefined ? element.name : `${paths.get(parent) ?? ''}.${element.name}`;
    paths.set(element, path);
    const entry = census[element.kind as ElementKind] as KindCensus | undefined;
    if (entry) {
      entry.count++;
      entry.names.push(path);
    }
    for (const list of partLists(element)) {
      for (const part of list) {
        const counted = part ? (census[part.kind] as KindCensus | undefined) : undefined;
        if (counted) counted.count++;
      }
    }
  });
  for (const kind of censusKinds) {
    const names = census[kind].names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length > nameLimit) names.length = nameLimit;
  }
  return census;
}
