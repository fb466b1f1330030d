/**
 * The context maps' relationships in words the exports share: for a
 * relationship, its two sides with their roles, the patterns it expresses and
 * a label (`Upstream-Downstream: OHS, PL → ACL`); for a context, the
 * relationships it takes part in, seen from its side.
 */
import { normaliseRelationship, patternNames, type NormalisedRelationship, type NormalisedSide } from '../context-map/relationships';
import type { ContextMap, Relationship } from '../model/elements';
import type { DddModel } from '../model/model';

export interface RelationshipView {
  map: ContextMap;
  relationship: Relationship;
  normalised: NormalisedRelationship;
  /** Upstream first for `->` and `<-`, written order for `<->`. */
  first: SideView;
  second: SideView;
  symmetric: boolean;
  /** `partnership`, `shared kernel`, `open host service`, …; `upstream-downstream` when no role names one. */
  patterns: string[];
}

export interface SideView {
  /** The context's name as written (`?` when missing). */
  name: string;
  /** The role codes as written: `OHS`, `PL`. */
  roles: string[];
  position: 'upstream' | 'downstream' | 'symmetric';
  /** A team (an organisational map relates teams), not a bounded context. */
  team: boolean;
}

function sideView(side: NormalisedSide): SideView {
  const team = side.side.context?.target?.kind === 'team';
  return { name: side.context?.name ?? side.side.context?.text ?? '?', roles: side.roles.map((role) => role.name.text), position: side.position, team };
}

export function relationshipView(map: ContextMap, relationship: Relationship): RelationshipView {
  const normalised = normaliseRelationship(relationship);
  const [left, right] = normalised.sides;
  const first = normalised.upstream ?? left;
  const second = normalised.downstream ?? right;
  return {
    map,
    relationship,
    normalised,
    first: sideView(first),
    second: sideView(second),
    symmetric: normalised.upstream === undefined,
    patterns: normalised.patterns.map((pattern) => patternNames[pattern]),
  };
}

/** Every relationship of every context map, in order. */
export function allRelationships(model: DddModel): RelationshipView[] {
  return model.contextMaps.flatMap((map) => map.relationships.filter(Boolean).map((relationship) => relationshipView(map, relationship)));
}

/** `Partnership`, `Shared kernel`, `Customer-supplier, open host service`, `Upstream-downstream`. */
export function patternTitle(view: RelationshipView): string {
  const words = view.patterns.length ? view.patterns.join(', ') : view.symmetric ? 'symmetric' : 'upstream-downstream';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `OHS, PL → ACL` (upstream roles, then downstream), `SK ↔ SK`; empty when no side has roles. */
export function rolesLabel(view: RelationshipView): string {
  if (!view.first.roles.length && !view.second.roles.length) return '';
  const side = (roles: string[]) => (roles.length ? roles.join(', ') : '–');
  return `${side(view.first.roles)} ${view.symmetric ? '↔' : '→'} ${side(view.second.roles)}`;
}

/** `Upstream-downstream: OHS, PL → ACL`. */
export function relationshipLabel(view: RelationshipView): string {
  const roles = rolesLabel(view);
  return roles ? `${patternTitle(view)}: ${roles}` : patternTitle(view);
}

/** What a context is in one relationship, from its side: `upstream of Support (OHS, PL; Support: ACL)`. */
export function seenFrom(view: RelationshipView, contextName: string): string | undefined {
  const own = view.first.name === contextName ? view.first : view.second.name === contextName ? view.second : undefined;
  if (!own) return undefined;
  const other = own === view.first ? view.second : view.first;
  const position = view.symmetric ? `${patternTitle(view).toLowerCase()} with` : own.position === 'upstream' ? 'upstream of' : 'downstream of';
  const roles = [own.roles.length ? own.roles.join(', ') : '', other.roles.length ? `${other.name}: ${other.roles.join(', ')}` : ''].filter(Boolean).join('; ');
  return `${position} ${other.name}${roles ? ` (${roles})` : ''}`;
}
