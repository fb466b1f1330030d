/**
 * What depends on an element in one version of the model: every element that
 * holds a reference to it (or to one of its members), found through the
 * model's references (each held by the innermost element around it); and the
 * contexts downstream of a context on the context maps.
 */
import { dependencyOf, normaliseRelationship, plays } from '../context-map/relationships';
import type { Declaration, Relationship } from '../model/elements';
import type { ComparedElement, ComparedModel, ComparedNode } from './compared-elements';

export interface Dependent {
  /** The innermost element whose source holds the reference. */
  holder: ComparedElement;
}

export interface Downstream {
  context: string;
  conformist: boolean;
  relationship: Relationship;
}

export class Dependents {
  private referrers: Map<Declaration, Dependent[]> | undefined;
  private children: Map<ComparedElement, ComparedElement[]> | undefined;
  private downstreams: Map<string, Downstream[]> | undefined;

  constructor(readonly compared: ComparedModel) {}

  private index(): Map<Declaration, Dependent[]> {
    if (this.referrers) return this.referrers;
    const referrers = new Map<Declaration, Dependent[]>();
    for (const reference of this.compared.model.references) {
      const target = reference.target;
      if (!target) continue;
      const holder = this.compared.holderOf(reference);
      if (!holder) continue;
      const list = referrers.get(target);
      if (list) list.push({ holder });
      else referrers.set(target, [{ holder }]);
    }
    return (this.referrers = referrers);
  }

  /** Whether any reference of the model names the element. */
  isNamed(element: ComparedElement): boolean {
    return this.index().has(element.node as Declaration);
  }

  /** The element's members, all the way down. */
  descendants(element: ComparedElement): ComparedElement[] {
    if (!this.children) {
      const children = new Map<ComparedElement, ComparedElement[]>();
      for (const child of this.compared.elements) {
        if (!child.parent) continue;
        const list = children.get(child.parent);
        if (list) list.push(child);
        else children.set(child.parent, [child]);
      }
      this.children = children;
    }
    const found: ComparedElement[] = [];
    const stack = [...(this.children.get(element) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      found.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return found;
  }

  /** The elements that refer to `element` (or, with `members`, to one of its members), outside it. */
  of(element: ComparedElement, members = true): Dependent[] {
    const referrers = this.index();
    const inside = new Set<ComparedElement>(members ? [element, ...this.descendants(element)] : [element]);
    const found: Dependent[] = [];
    const seen = new Set<ComparedElement>();
    const outside = new Set<ComparedElement>([element, ...this.descendants(element)]);
    for (const member of inside) {
      for (const dependent of referrers.get(member.node as Declaration) ?? []) {
        if (seen.has(dependent.holder) || isWithin(dependent.holder, outside)) continue;
        seen.add(dependent.holder);
        found.push(dependent);
      }
    }
    return found;
  }

  /** The contexts downstream of each context, with whether they conform. */
  downstreamOf(context: string): readonly Downstream[] {
    if (!this.downstreams) {
      const downstreams = new Map<string, Downstream[]>();
      for (const map of this.compared.model.contextMaps) {
        for (const relationship of map.relationships) {
          if (!relationship) continue;
          const normalised = normaliseRelationship(relationship);
          const edge = dependencyOf(normalised);
          if (!edge) continue;
          const entry = { context: edge.downstream.name, conformist: normalised.downstream ? plays(normalised.downstream, 'CF') !== undefined : false, relationship };
          const list = downstreams.get(edge.upstream.name);
          if (list) list.push(entry);
          else downstreams.set(edge.upstream.name, [entry]);
        }
      }
      this.downstreams = downstreams;
    }
    return this.downstreams.get(context) ?? [];
  }

  element(node: ComparedNode): ComparedElement | undefined {
    return this.compared.byNode.get(node);
  }
}

function isWithin(element: ComparedElement, inside: ReadonlySet<ComparedElement>): boolean {
  for (let at: ComparedElement | undefined = element; at; at = at.parent) if (inside.has(at)) return true;
  return false;
}
