/**
 * What a context-map relationship says, in DDD terms: which context is upstream
 * and which downstream, which roles each side plays and which integration
 * pattern(s) that makes. The validation rules, the context-map diagram and hover
 * all read relationships through this module, so that they agree.
 *
 * `A -> B`: A is upstream (B depends on it); `A <- B`: B is upstream;
 * `A <-> B`: symmetric (shared kernel or partnership), neither side upstream.
 */
import type { BoundedContext, Name, Relationship, RelationshipArrow, RelationshipSide } from '../model/elements';

export type RoleCode = 'OHS' | 'PL' | 'ACL' | 'CF' | 'S' | 'C' | 'SK' | 'P';

/** Where a role belongs: the upstream side, the downstream side, or both sides of a `<->`. */
export type RolePosition = 'upstream' | 'downstream' | 'symmetric';

export type RelationshipPattern =
  | 'partnership'
  | 'shared-kernel'
  | 'customer-supplier'
  | 'open-host-service'
  | 'published-language'
  | 'conformist'
  | 'anti-corruption-layer'
  | 'upstream-downstream';

export interface RoleInfo {
  code: RoleCode;
  /** As a DDD practitioner says it: "anti-corruption layer". */
  name: string;
  position: RolePosition;
  pattern: RelationshipPattern;
  /** One paragraph: what playing this role means (hover shows it). */
  meaning: string;
  /** The pattern as a bit (internal: quick sets of patterns). */
  bit: number;
}

/** The order patterns are listed in; each is also a bit in a set of patterns. */
const patternOrder: RelationshipPattern[] = [
  'partnership',
  'shared-kernel',
  'customer-supplier',
  'open-host-service',
  'published-language',
  'conformist',
  'anti-corruption-layer',
  'upstream-downstream',
];

const patternBits = Object.fromEntries(patternOrder.map((pattern, bit) => [pattern, 1 << bit])) as Record<RelationshipPattern, number>;

/** The roles, in the order the language documents them. Codes are matched case-sensitively. */
export const roleDictionary: Readonly<Record<RoleCode, RoleInfo>> = {
  OHS: {
    code: 'OHS',
    name: 'open host service',
    position: 'upstream',
    pattern: 'open-host-service',
    bit: patternBits['open-host-service'],
    meaning:
      'The upstream context opens a well-documented API (a protocol such as REST with an OpenAPI spec, or gRPC with proto files) ' +
      'that serves all its consumers alike, instead of building a custom integration for each downstream. ' +
      'Consumers integrate against the service, not against the upstream\'s internal model.',
  },
  PL: {
    code: 'PL',
    name: 'published language',
    position: 'upstream',
    pattern: 'published-language',
    bit: patternBits['published-language'],
    meaning:
      'The upstream context publishes a documented, shared language for the information it exchanges (a schema, message or event format), ' +
      'usually spoken by its open host service. Downstream contexts translate from this stable language rather than from the upstream\'s internal model, ' +
      'so the upstream can change its internals without breaking them.',
  },
  ACL: {
    code: 'ACL',
    name: 'anti-corruption layer',
    position: 'downstream',
    pattern: 'anti-corruption-layer',
    bit: patternBits['anti-corruption-layer'],
    meaning:
      'The downstream context builds a translation layer that protects its own model from the upstream\'s: the upstream\'s concepts are translated ' +
      'into the downstream\'s ubiquitous language at the boundary and never leak inside. The usual way to wrap a legacy system or an external API. ' +
      'It is the opposite of conforming.',
  },
  CF: {
    code: 'CF',
    name: 'conformist',
    position: 'downstream',
    pattern: 'conformist',
    bit: patternBits['conformist'],
    meaning:
      'The downstream context adopts the upstream\'s model as it is, with no influence over it: take it or leave it (for example, using an external API as-is). ' +
      'Cheap to integrate, but the upstream\'s model and its changes flow straight into the downstream.',
  },
  S: {
    code: 'S',
    name: 'supplier',
    position: 'upstream',
    pattern: 'customer-supplier',
    bit: patternBits['customer-supplier'],
    meaning:
      'The upstream side of a customer-supplier relationship: the supplier provides to the downstream and lets the customer\'s needs factor into its planning; ' +
      'the customer can request features. It pairs with a customer (C) on the downstream side.',
  },
  C: {
    code: 'C',
    name: 'customer',
    position: 'downstream',
    pattern: 'customer-supplier',
    bit: patternBits['customer-supplier'],
    meaning:
      'The downstream side of a customer-supplier relationship: the customer depends on the supplier but has a say, requesting the features it needs ' +
      'and negotiating priorities with the supplier\'s team. It pairs with a supplier (S) on the upstream side.',
  },
  SK: {
    code: 'SK',
    name: 'shared kernel',
    position: 'symmetric',
    pattern: 'shared-kernel',
    bit: patternBits['shared-kernel'],
    meaning:
      'Two contexts share a small part of their model (for example a Money type or shared identity types), owned jointly: neither may change it without the other. ' +
      'It creates coupling, so keep it small and use it sparingly. Written on both sides of a `<->`, with what is shared in braces: `A [SK] <-> B [SK] { Money }`.',
  },
  P: {
    code: 'P',
    name: 'partnership',
    position: 'symmetric',
    pattern: 'partnership',
    bit: patternBits['partnership'],
    meaning:
      'Two teams collaborate closely with a mutual dependency: they succeed or fail together, so they plan and release in step. ' +
      'Neither side is upstream. Written on both sides of a `<->`.',
  },
};

export const roleCodes = Object.keys(roleDictionary) as RoleCode[];

/** The role a code denotes, matched case-sensitively (`ACL`, not `acl`). */
export function roleInfo(code: string): RoleInfo | undefined {
  return roleByCode.get(code);
}

const roleByCode = new Map<string, RoleInfo>(Object.values(roleDictionary).map((info) => [info.code, info]));

export const patternNames: Readonly<Record<RelationshipPattern, string>> = {
  partnership: 'partnership',
  'shared-kernel': 'shared kernel',
  'customer-supplier': 'customer-supplier',
  'open-host-service': 'open host service',
  'published-language': 'published language',
  conformist: 'conformist',
  'anti-corruption-layer': 'anti-corruption layer',
  'upstream-downstream': 'upstream-downstream',
};

/** A role as written on one side, with its meaning when the code is known. */
export interface WrittenRole {
  name: Name;
  info?: RoleInfo;
}

export interface NormalisedSide {
  side: RelationshipSide;
  /** 'left' or 'right': where it is written. */
  written: 'left' | 'right';
  /** What the arrow makes this side (`symmetric` for both sides of `<->`). */
  position: RolePosition;
  /** The context, when its name resolves. */
  context: BoundedContext | undefined;
  roles: readonly WrittenRole[];
  /** The known roles, each once, in written order: what the side plays (unknown and repeated roles left out). */
  known: readonly WrittenRole[];
}

export interface NormalisedRelationship {
  relationship: Relationship;
  /** `<->`. */
  symmetric: boolean;
  /** Undefined when symmetric, or when the arrow is missing (a syntax error). */
  upstream: NormalisedSide | undefined;
  downstream: NormalisedSide | undefined;
  /** Both sides in written order. */
  sides: [NormalisedSide, NormalisedSide];
  /**
   * The patterns the roles express, in a stable order; `upstream-downstream` alone
   * for a directional relationship whose roles name none (`Sales -> Notification`).
   * Empty for a `<->` without SK or P. Roles written on the wrong side still count:
   * they say what the author means, the validation rules say where they belong.
   */
  patterns: readonly RelationshipPattern[];
}

const noRoles: readonly WrittenRole[] = Object.freeze([]);

function normaliseSide(side: RelationshipSide, written: 'left' | 'right', position: RolePosition): NormalisedSide {
  const target = side.context?.target;
  const context = target?.kind === 'context' ? target : undefined;
  // every property set up front, so that every side has one object shape
  if (side.roles.length === 0) return { side, written, position, context, roles: noRoles, known: noRoles };
  const roles: WrittenRole[] = [];
  let known: WrittenRole[] | undefined;
  for (const name of side.roles) {
    const info = roleInfo(name.text);
    const role = info ? { name, info } : { name };
    const keep = info !== undefined && !roles.some((other) => other.info === info);
    // `known` stays `roles` itself until a role is left out of it
    if (!keep && !known) known = roles.slice();
    roles.push(role);
    if (keep && known) known.push(role);
  }
  return { side, written, position, context, roles, known: known ?? roles };
}

const arrowPositions: Record<RelationshipArrow, [RolePosition, RolePosition]> = {
  '->': ['upstream', 'downstream'],
  '<-': ['downstream', 'upstream'],
  '<->': ['symmetric', 'symmetric'],
};

const patternLists = new Map<number, readonly RelationshipPattern[]>();

/** The patterns of a bit set, as one shared, frozen list per set. */
function patternsOf(bits: number): readonly RelationshipPattern[] {
  let list = patternLists.get(bits);
  if (!list) {
    list = Object.freeze(patternOrder.filter((pattern) => (bits & patternBits[pattern]) !== 0));
    patternLists.set(bits, list);
  }
  return list;
}

export function normaliseRelationship(relationship: Relationship): NormalisedRelationship {
  const arrow = relationship.arrow;
  const sidePositions = arrowPositions[arrow ?? '<->'];
  const leftPosition = sidePositions[0];
  const left = normaliseSide(relationship.left, 'left', leftPosition);
  const right = normaliseSide(relationship.right, 'right', sidePositions[1]);
  const directional = arrow === '->' || arrow === '<-';
  const upstream = !directional ? undefined : leftPosition === 'upstream' ? left : right;
  const downstream = !directional ? undefined : leftPosition === 'upstream' ? right : left;
  let found = 0;
  for (const role of left.known) found |= role.info!.bit;
  for (const role of right.known) found |= role.info!.bit;
  if (found === 0 && directional) found = patternBits['upstream-downstream'];
  return { relationship, symmetric: arrow === '<->', upstream, downstream, sides: [left, right], patterns: patternsOf(found) };
}

/** The role of that code a side plays, if it does. */
export function plays(side: NormalisedSide, code: RoleCode): WrittenRole | undefined {
  return side.known.find((role) => role.info!.code === code);
}

/** The side opposite to `side` in its relationship. */
export function otherSide(normalised: NormalisedRelationship, side: NormalisedSide): NormalisedSide {
  return normalised.sides[0] === side ? normalised.sides[1] : normalised.sides[0];
}

/** `Sales [OHS, PL] -> Support [ACL]`, rebuilt from the model (for messages and hover). */
export function describeRelationship(relationship: Relationship): string {
  const side = (s: RelationshipSide) => (s.context?.text ?? '?') + (s.roles.length ? ` [${s.roles.map((r) => r.text).join(', ')}]` : '');
  return `${side(relationship.left)} ${relationship.arrow ?? '?'} ${side(relationship.right)}`;
}

// ---------------------------------------------------------------- cycles

/** An upstream → downstream edge between two resolved, different contexts. */
export interface Dependency {
  upstream: BoundedContext;
  downstream: BoundedContext;
  relationship: Relationship;
}

/** A cycle of dependencies: `contexts[0] → contexts[1] → … → contexts[0]`, one relationship per step. */
export interface DependencyCycle {
  contexts: BoundedContext[];
  relationships: Relationship[];
}

/** The upstream → downstream edge of a relationship, if it has one (not symmetric, both sides resolved, two different contexts). */
export function dependencyOf(normalised: NormalisedRelationship): Dependency | undefined {
  const upstream = normalised.upstream?.context;
  const downstream = normalised.downstream?.context;
  return upstream && downstream && upstream !== downstream ? { upstream, downstream, relationship: normalised.relationship } : undefined;
}

/** The upstream → downstream edges of some relationships. */
export function dependencies(relationships: Iterable<NormalisedRelationship>): Dependency[] {
  const edges: Dependency[] = [];
  for (const normalised of relationships) {
    const edge = dependencyOf(normalised);
    if (edge) edges.push(edge);
  }
  return edges;
}

/**
 * One cycle per strongly connected component of the dependency graph (Tarjan,
 * iterative): the shortest cycle through the component's first context, turned so
 * that it ends with the relationship that comes last in `edges` (in model order:
 * the one that closed the cycle). Linear in the number of edges.
 */
export function dependencyCycles(edges: readonly Dependency[]): DependencyCycle[] {
  // contexts numbered in order of appearance; the graph as arrays indexed by number
  const ids = new Map<BoundedContext, number>();
  const nodes: BoundedContext[] = [];
  const outgoing: Dependency[][] = [];
  const idOf = (context: BoundedContext) => {
    let id = ids.get(context);
    if (id === undefined) {
      ids.set(context, (id = nodes.length));
      nodes.push(context);
      outgoing.push([]);
    }
    return id;
  };
  const targets: number[][] = [];
  for (const edge of edges) {
    const from = idOf(edge.upstream);
    const to = idOf(edge.downstream);
    outgoing[from]!.push(edge);
    (targets[from] ??= []).push(to);
  }
  const count = nodes.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const work: number[] = []; // node, next edge, node, next edge, …
  const components: BoundedContext[][] = [];
  let counter = 0;
  const visit = (node: number) => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    work.push(node, 0);
  };
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    visit(root);
    while (work.length) {
      const node = work[work.length - 2]!;
      const next = work[work.length - 1]!;
      const out = targets[node] ?? [];
      if (next < out.length) {
        work[work.length - 1] = next + 1;
        const target = out[next]!;
        if (index[target] === -1) visit(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.length -= 2;
      if (work.length) low[work[work.length - 2]!] = Math.min(low[work[work.length - 2]!]!, low[node]!);
      if (low[node] !== index[node]) continue;
      const component: BoundedContext[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(nodes[member]!);
      } while (member !== node);
      if (component.length > 1) components.push(component.reverse());
    }
  }
  if (components.length === 0) return [];
  const byContext = new Map(nodes.map((node, id) => [node, outgoing[id]!]));
  const order = new Map(edges.map((edge, position) => [edge.relationship, position]));
  return components.map((component) => closedLast(shortestCycle(component, byContext), order));
}

function closedLast(cycle: DependencyCycle, order: Map<Relationship, number>): DependencyCycle {
  const { contexts, relationships } = cycle;
  let last = 0;
  for (let i = 1; i < relationships.length; i++) if (order.get(relationships[i]!)! > order.get(relationships[last]!)!) last = i;
  const turn = <T>(list: T[]) => [...list.slice(last + 1), ...list.slice(0, last + 1)];
  return { contexts: turn(contexts), relationships: turn(relationships) };
}

function shortestCycle(component: BoundedContext[], outgoing: Map<BoundedContext, Dependency[]>): DependencyCycle {
  const members = new Set(component);
  const start = component[0]!;
  const via = new Map<BoundedContext, Dependency>();
  const queue: BoundedContext[] = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of outgoing.get(queue[head]!)!) {
      if (!members.has(edge.downstream)) continue;
      if (edge.downstream === start) {
        const steps = [edge];
        for (let at = edge.upstream; at !== start; at = via.get(at)!.upstream) steps.unshift(via.get(at)!);
        return { contexts: steps.map((step) => step.upstream), relationships: steps.map((step) => step.relationship) };
      }
      if (!via.has(edge.downstream)) {
        via.set(edge.downstream, edge);
        queue.push(edge.downstream);
      }
    }
  }
  // unreachable: every member of a strongly connected component lies on a cycle through the first
  return { contexts: component, relationships: [] };
}
