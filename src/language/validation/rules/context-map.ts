/**
 * Context maps: the roles on each relationship are known, sit on the side they
 * belong to and make a coherent integration pattern; a pair of contexts is related
 * once per map; and upstream/downstream dependencies do not go round in circles.
 * How a relationship reads (upstream, downstream, patterns) is decided in
 * context-map/relationships.ts; this file only judges it.
 */
import {
  dependencyCycles,
  dependencyOf,
  describeRelationship,
  normaliseRelationship,
  otherSide,
  plays,
  roleCodes,
  roleDictionary,
  type Dependency,
  type NormalisedRelationship,
  type NormalisedSide,
  type RoleCode,
  type RolePosition,
  type WrittenRole,
} from '../../context-map/relationships';
import { boundedItems, boundedList } from '../../util/bounded-list';
import { closestName } from '../../util/similar-names';
import type { Accept, Rule, RuleSet } from '../rule';
import type { Aggregate, Relationship } from '../../model/elements';
import type { DddModel } from '../../model/model';
import { exposingContexts } from '../../model/strategic-links';
import { withArticle } from '../../util/article';
import { checkMapTeams, mapTeamOnLandscape } from './map-teams';

export const mapUnknownRole: Rule = {
  code: 'map-unknown-role',
  severity: 'error',
  title: 'A relationship role that the language does not know',
  explanation:
    'The roles in brackets name the integration patterns of DDD context mapping: OHS (open host service) and PL (published language) upstream; ' +
    'ACL (anti-corruption layer) and CF (conformist) downstream; S and C for supplier and customer; SK (shared kernel) and P (partnership) on both sides of `<->`. ' +
    'Codes are written in upper case. Replace the unknown role with one of these, or remove it: `A -> B` with no roles is a plain upstream/downstream relationship.',
  example: 'contextmap Shop {\n  Sales [XYZ] -> Support\n}',
};

export const mapRoleSide: Rule = {
  code: 'map-role-side',
  severity: 'error',
  title: 'A role written on the wrong side of the arrow',
  explanation:
    'The arrow points from the upstream context (whose model the other depends on) to the downstream one. ' +
    'Upstream roles (OHS, PL, S) describe what the upstream offers; downstream roles (ACL, CF, C) describe how the downstream copes with it: ' +
    'an anti-corruption layer is built by the context that consumes, to translate what it receives. ' +
    'Move the role to the other side, or reverse the arrow if the dependency goes the other way. A symmetric relationship (`<->`) has no upstream: directional roles do not belong on it.',
  example: 'contextmap Broken {\n  Warehouse [ACL] -> Sales   // the ACL belongs to the downstream: Warehouse -> Sales [ACL]\n}',
};

export const mapSymmetric: Rule = {
  code: 'map-symmetric',
  severity: 'error',
  title: 'A shared kernel or partnership written the wrong way',
  explanation:
    'A shared kernel (SK) and a partnership (P) are symmetric: neither context is upstream. A shared kernel is a small model both teams own and change together; ' +
    'a partnership is two teams that succeed or fail together. Write them with `<->` and the same role on both sides: `A [SK] <-> B [SK] { Money }`, `A [P] <-> B [P]`. ' +
    'A relationship is one or the other, not both; and `<->` without SK or P says nothing: use `->` for an upstream/downstream relationship.',
  example: 'contextmap Shop {\n  Sales [SK] -> Billing [SK]\n  Sales <-> Inventory\n}',
};

export const mapCustomerSupplier: Rule = {
  code: 'map-customer-supplier',
  severity: 'error',
  title: 'A supplier without a customer, or a customer without a supplier',
  explanation:
    'Customer-supplier is an upstream/downstream relationship in which the downstream (customer, C) has a say: its needs go into the upstream\'s (supplier, S) planning. ' +
    'The two roles come as a pair, S on the upstream side and C on the downstream side: `Sales [S] -> Shipping [C]`. ' +
    'Add the missing role, or remove the lone one for a plain upstream/downstream relationship. Customer-supplier is directional, so it never appears on `<->`.',
  example: 'contextmap Shop {\n  Sales [S] -> Shipping\n}',
};

export const mapSelfRelationship: Rule = {
  code: 'map-self-relationship',
  severity: 'error',
  title: 'A context related to itself',
  explanation:
    'A context map shows how different bounded contexts integrate. Inside one context there is one model and one ubiquitous language: nothing to map. ' +
    'Name the other context, or remove the relationship.',
  example: 'context Sales\ncontextmap Shop {\n  Sales -> Sales\n}',
};

export const mapDuplicateRelationship: Rule = {
  code: 'map-duplicate-relationship',
  severity: 'warning',
  title: 'The same two contexts related twice in one map',
  explanation:
    'Each pair of contexts has one relationship on a map, in one direction: it is where the reader looks to learn who depends on whom and how. ' +
    'Two lines for the same pair (in either direction) contradict or repeat each other. Merge their roles into one relationship.',
  example: 'context Sales\ncontext Billing\ncontextmap Shop {\n  Sales -> Billing\n  Billing -> Sales\n}',
};

export const mapConflictingRoles: Rule = {
  code: 'map-conflicting-roles',
  severity: 'error',
  title: 'Roles on one side that contradict each other',
  explanation:
    'A downstream context either conforms to the upstream\'s model (CF) or translates it through an anti-corruption layer (ACL): conforming means taking the model as-is, ' +
    'translating means keeping it out. Likewise a customer (C) has a say in the supplier\'s plans while a conformist has none. Keep the role that describes what the team really does.',
  example: 'contextmap Shop {\n  PaymentProvider [OHS] -> Billing [ACL, CF]\n}',
};

export const mapRepeatedRole: Rule = {
  code: 'map-repeated-role',
  severity: 'warning',
  title: 'A role written twice on one side',
  explanation:
    'Each role is written once per side of a relationship: the repetition adds nothing, and usually hides a typo (another role was meant). Remove the second one, or write the role you meant.',
  example: 'contextmap Shop {\n  Sales [OHS, OHS] -> Support\n}',
};

export const mapSharedKernelContent: Rule = {
  code: 'map-shared-kernel-content',
  severity: 'warning',
  title: 'A list of shared elements on a relationship that is not a shared kernel',
  explanation:
    'The names in the braces after a relationship list what a shared kernel shares (`{ Money }`): the part of the model both contexts own together. ' +
    'The aggregates an upstream publishes are another matter: write them on an `exposes` line (`{ exposes Customers }`), which this rule never questions. ' +
    'Other relationships share no model: the downstream depends on the upstream\'s interface, not on common code. ' +
    'Make the relationship a shared kernel (`A [SK] <-> B [SK] { … }`) or remove the list.',
  example: 'contextmap Shop {\n  Sales -> Billing { Money }\n}',
};

export const mapExternalRole: Rule = {
  code: 'map-external-role',
  severity: 'warning',
  title: 'An external system playing a role only a context we own can play',
  explanation:
    'An external context is a system we do not own: we integrate with its published interface but do not build, plan or co-own its model. ' +
    'So it cannot carry our anti-corruption layer (the ACL belongs on our side, where we translate its model), share a kernel or a partnership with us ' +
    '(both mean changing a model together), or be the customer whose needs our team plans for (C). ' +
    'Typical shapes: `Provider [OHS] -> Ours [ACL]` or `Provider [OHS] -> Ours [CF]`.',
  example: 'context LegacyErp external\ncontext Inventory\ncontextmap Shop {\n  LegacyErp [SK] <-> Inventory [SK]\n}',
};

export const mapCycle: Rule = {
  code: 'map-cycle',
  severity: 'warning',
  title: 'Upstream/downstream dependencies that go round in a circle',
  explanation:
    'Upstream means "the other context depends on my model". When dependencies form a cycle, every context in it waits on the others: ' +
    'none can change its model alone, which is what bounded contexts are meant to allow. Cycles are looked for across all context maps; `<->` relationships do not count. ' +
    'Break the cycle: reverse one dependency (for example, the upstream publishes events the other consumes), or, if the teams really evolve together, make one pair a partnership (`<->`).',
  example: 'context Sales\ncontext Billing\ncontext Shipping\ncontextmap Shop {\n  Sales -> Billing\n  Billing -> Shipping\n  Shipping -> Sales\n}',
};

// ---- Context Mapper parity (issue 13): a relationship's exposed aggregates
export const mapExposedAggregate: Rule = {
  code: 'map-exposed-aggregate',
  severity: 'error',
  title: "`exposes` naming something other than an aggregate of the upstream context",
  explanation:
    'A relationship\'s `exposes` line names the aggregates the upstream context publishes to the downstream: its part of the published model. ' +
    'They are looked up in the upstream context (the one the arrow points from; either side of `<->`), so each must be an aggregate declared there. ' +
    'Fix the name, or, if the aggregate lives in another context, relate that context instead. Exposed aggregates are not a shared kernel: they never need `[SK]`.',
  example: 'context Customers { aggregate Customer { root entity Customer { id: CustomerId } } }\ncontext Portal\ncontextmap Shop {\n  Customers -> Portal { exposes Custmer }\n}',
};

function checkExposed(model: DddModel, relationship: Relationship, accept: Accept): void {
  const upstream = exposingContexts(model, relationship);
  if (upstream.length === 0) return; // unknown contexts: unknown-reference's job
  const names = upstream.map((context) => context.name);
  const where = boundedList(names, { last: ' or ' });
  for (const reference of relationship.exposes ?? []) {
    const name = reference.text;
    if (reference.target || !name.trim()) continue;
    const elsewhere = (model.index.get(name) ?? []).filter((declaration): declaration is Aggregate => declaration.kind === 'aggregate');
    const other = elsewhere.find((aggregate) => !names.includes(aggregate.contextName));
    if (other) {
      accept(mapExposedAggregate, {
        uri: reference.uri,
        range: reference.range,
        message: `${name} is an aggregate of ${other.contextName}, not of ${where}: a relationship exposes its upstream's aggregates. Relate ${other.contextName} instead, or name one of ${where}'s aggregates.`,
        related: [{ uri: other.uri, range: other.nameRange, message: `aggregate ${other.contextName}.${other.name}` }],
        data: { name, context: other.contextName, upstream: names },
      });
      continue;
    }
    const own = upstream.flatMap((context) => context.aggregates.map((aggregate) => aggregate.name));
    const suggestion = closestName(name, own);
    accept(mapExposedAggregate, {
      uri: reference.uri,
      range: reference.range,
      message: `${where} has no aggregate ${name}${own.length ? ` (its aggregates: ${boundedList(own)})` : ''}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      data: { name, upstream: names, ...(suggestion ? { suggestion } : {}) },
    });
  }
}
// ---- end of the exposed aggregates block

const roleList = 'OHS, PL (upstream); ACL, CF (downstream); S, C (supplier, customer); SK, P (shared kernel, partnership: both sides of <->)';

const roleWords = (code: RoleCode) => `${code} (${roleDictionary[code].name})`;
// error recovery stands in an empty name for one that is not written (`A -> [ACL]`)
const sideName = (side: NormalisedSide) => side.side.context?.text || 'the other context';

/** Roles already reported as misplaced (or as part of a wrong arrow): the later checks leave them alone. */
type Reported = Set<WrittenRole>;

function checkRoleNames(normalised: NormalisedRelationship, accept: Accept): void {
  const uri = normalised.relationship.uri;
  for (const side of normalised.sides) {
    for (const role of side.roles) {
      const text = role.name.text;
      if (role.info) {
        if (!side.known.includes(role)) {
          accept(mapRepeatedRole, { uri, range: role.name.range, message: `${text} is already given for ${sideName(side)}: remove the repetition.`, data: { role: text } });
        }
        continue;
      }
      const suggestion = (roleCodes as string[]).includes(text.toUpperCase()) ? text.toUpperCase() : closestName(text, roleCodes);
      accept(mapUnknownRole, {
        uri,
        range: role.name.range,
        message: `Unknown role ${text}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Valid roles: ${roleList}.`,
        data: { role: text, valid: roleCodes, ...(suggestion ? { suggestion } : {}) },
      });
    }
  }
}

function checkConflicts(normalised: NormalisedRelationship, accept: Accept): void {
  for (const side of normalised.sides) {
    const conformist = plays(side, 'CF');
    for (const other of conformist ? (['ACL', 'C'] as const) : []) {
      const role = plays(side, other);
      if (!role) continue;
      const why =
        other === 'ACL'
          ? "a downstream either conforms to the upstream's model (CF) or translates it in an anti-corruption layer (ACL), not both"
          : "a customer (C) has a say in the supplier's plans, a conformist (CF) has none";
      accept(mapConflictingRoles, {
        uri: normalised.relationship.uri,
        range: (role.name.range.start > conformist!.name.range.start ? role : conformist!).name.range,
        message: `${sideName(side)} is both ${roleWords(other)} and ${roleWords('CF')}: ${why}. Keep the one that describes what the team does.`,
        data: { roles: [other, 'CF'], context: side.side.context?.text },
      });
    }
  }
}

/** `->` and `<-`: directional roles on their side; SK and P not here. */
function checkDirectional(normalised: NormalisedRelationship, reported: Reported, accept: Accept): void {
  const { relationship } = normalised;
  const upstream = normalised.upstream!;
  const downstream = normalised.downstream!;
  const all = [...upstream.known, ...downstream.known];
  const symmetric = all.filter((role) => role.info!.position === 'symmetric');
  if (symmetric.length) {
    symmetric.forEach((role) => reported.add(role));
    const code = symmetric[0]!.info!.code;
    accept(mapSymmetric, {
      uri: relationship.uri,
      range: symmetric[0]!.name.range,
      message: `${roleWords(code)} is symmetric: neither context is upstream. Write ${sideName(upstream)} [${code}] <-> ${sideName(downstream)} [${code}], or remove ${code} for an upstream/downstream relationship.`,
      data: { role: code, arrow: '<->' },
    });
  }
  const onUpstream = upstream.known.filter((role) => role.info!.position === 'downstream');
  const onDownstream = downstream.known.filter((role) => role.info!.position === 'upstream');
  if (onUpstream.length && onDownstream.length && onUpstream.length + onDownstream.length + symmetric.length === all.length) {
    // every role says the dependency goes the other way: the arrow is reversed
    const reversed = relationship.arrow === '->' ? '<-' : '->';
    all.forEach((role) => reported.add(role));
    accept(mapRoleSide, {
      uri: relationship.uri,
      range: relationship.arrowRange ?? relationship.range,
      message: `The roles make ${sideName(downstream)} upstream and ${sideName(upstream)} downstream, but the arrow points the other way: reverse it (${reversed}) or swap the roles.`,
      data: { fix: 'reverse-arrow', arrow: reversed },
    });
    return;
  }
  for (const [role, belongs] of [...onUpstream.map((r) => [r, downstream] as const), ...onDownstream.map((r) => [r, upstream] as const)]) {
    reported.add(role);
    const { position, name } = role.info!;
    accept(mapRoleSide, {
      uri: relationship.uri,
      range: role.name.range,
      message: `${role.name.text} is ${withArticle(position)} role (${name}): put it on the ${position} side, ${sideName(belongs)} (the one the arrow points ${position === 'downstream' ? 'to' : 'from'}).`,
      data: { role: role.name.text, moveTo: belongs.written, context: belongs.side.context?.text },
    });
  }
}

/** `<->`: SK or P on both sides, not mixed; no directional roles. */
function checkSymmetricArrow(normalised: NormalisedRelationship, reported: Reported, accept: Accept): void {
  const { relationship, sides } = normalised;
  const range = relationship.arrowRange ?? relationship.range;
  const kinds = (['SK', 'P'] as const).filter((code) => sides.some((side) => plays(side, code)));
  if (kinds.length === 0) {
    // say which arrow the directional roles imply: upstream roles on the right, or downstream ones on the left, mean `<-`
    const says = (side: NormalisedSide, position: RolePosition) => side.known.some((role) => role.info!.position === position);
    const arrow = says(sides[1], 'upstream') || says(sides[0], 'downstream') ? '<-' : '->';
    sides.forEach((side) => side.known.forEach((role) => reported.add(role)));
    accept(mapSymmetric, {
      uri: relationship.uri,
      range,
      message: `<-> is for a shared kernel or a partnership: write [SK] or [P] on both sides, or use ${arrow} for an upstream/downstream relationship.`,
      data: { fix: 'use-arrow', arrow },
    });
    return;
  }
  if (kinds.length === 2) {
    accept(mapSymmetric, {
      uri: relationship.uri,
      range,
      message: 'A relationship is a shared kernel (SK: a model owned together) or a partnership (P: teams that plan together), not both: choose one and write it on both sides.',
      data: { roles: ['SK', 'P'] },
    });
  }
  for (const side of kinds.length === 1 ? sides.filter((side) => !plays(side, kinds[0]!)) : []) {
    const code = kinds[0]!;
    accept(mapSymmetric, {
      uri: relationship.uri,
      range: side.side.context?.range ?? range,
      message: `A ${roleDictionary[code].name} is symmetric: write [${code}] on ${sideName(side)} too.`,
      data: { role: code, addTo: side.written, context: side.side.context?.text },
    });
  }
  for (const role of [...sides[0].known, ...sides[1].known]) {
    const { position, code, name } = role.info!;
    if (position === 'symmetric' || code === 'S' || code === 'C') continue; // S and C: map-customer-supplier
    reported.add(role);
    accept(mapRoleSide, {
      uri: relationship.uri,
      range: role.name.range,
      message: `${role.name.text} is ${withArticle(position)} role (${name}), but <-> has no ${position} side: remove it, or describe an upstream/downstream relationship with -> instead.`,
      data: { role: role.name.text, fix: 'remove-role' },
    });
  }
}

function checkCustomerSupplier(normalised: NormalisedRelationship, reported: Reported, accept: Accept): void {
  const uri = normalised.relationship.uri;
  for (const side of normalised.sides) {
    for (const code of ['S', 'C'] as const) {
      const role = plays(side, code);
      const partner = code === 'S' ? 'C' : 'S';
      const other = otherSide(normalised, side);
      if (!role || reported.has(role) || (!normalised.symmetric && plays(other, partner))) continue;
      accept(mapCustomerSupplier, {
        uri,
        range: role.name.range,
        message: normalised.symmetric
          ? `${roleWords(code)} belongs to a customer-supplier relationship, which is directional: use -> with S upstream and C downstream, or remove ${code}.`
          : `A ${roleDictionary[code].name} needs a ${roleDictionary[partner].name}: write [${partner}] on ${sideName(other)}, or remove ${code} for a plain upstream/downstream relationship.`,
        data: normalised.symmetric ? { role: code } : { role: code, missing: partner, addTo: other.written, context: other.side.context?.text },
      });
    }
  }
}

const externalReasons: Partial<Record<RoleCode, string>> = {
  ACL: 'an anti-corruption layer is built by the context that translates, and we build nothing inside a system we do not own. Put the ACL on our side of the relationship, with the external system upstream',
  SK: 'a shared kernel is a model both teams own and change together, and we own nothing of an external system. Integrate through its published interface instead (OHS/PL upstream, ACL or CF on our side)',
  P: "a partnership means two teams that plan and release together, and an external system's team is not ours to plan with. Make it an upstream/downstream relationship",
  C: 'a customer is a team whose needs we plan for in a customer-supplier relationship; for a system we do not own, publish an interface instead (OHS/PL on our side)',
};

function checkExternal(normalised: NormalisedRelationship, reported: Reported, accept: Accept): void {
  for (const side of normalised.sides) {
    for (const role of side.context?.external ? side.known : []) {
      const reason = externalReasons[role.info!.code];
      if (!reason || reported.has(role)) continue;
      accept(mapExternalRole, {
        uri: normalised.relationship.uri,
        range: role.name.range,
        message: `${side.context!.name} is external (a system we do not own), so it cannot be ${roleWords(role.info!.code)}: ${reason}.`,
        data: { role: role.info!.code, context: side.context!.name },
      });
    }
  }
}

function checkSharedContent(normalised: NormalisedRelationship, accept: Accept): void {
  const { shared, uri } = normalised.relationship;
  if (shared.length === 0 || normalised.sides.some((side) => plays(side, 'SK'))) return;
  accept(mapSharedKernelContent, {
    uri,
    range: { start: shared[0]!.range.start, end: shared[shared.length - 1]!.range.end },
    message: "Only a shared kernel shares part of its model: make this relationship one (A [SK] <-> B [SK] { … }), write the upstream's published aggregates on an exposes line ({ exposes … }), or remove the list.",
    data: { shared: shared.map((reference) => reference.text) },
  });
}

/** One finding per cycle, on the relationship written last: the one that closed it. */
function reportCycles(edges: Dependency[], accept: Accept): void {
  for (const { contexts, relationships } of dependencyCycles(edges)) {
    // two opposite lines in one map are already a map-duplicate-relationship
    if (relationships.length < 2 || (relationships.length === 2 && relationships[0]!.map === relationships[1]!.map)) continue;
    const names = [...contexts.map((context) => context.name), contexts[0]!.name];
    const closing = relationships[relationships.length - 1]!;
    accept(mapCycle, {
      uri: closing.uri,
      range: closing.range,
      message: `Upstream/downstream cycle: ${boundedList(names, { separator: ' → ', repeats: true })}. None of these contexts can change its model without the others: reverse one dependency, or make one pair a partnership (<->).`,
      related: boundedItems(relationships.slice(0, -1)).map((relationship) => ({ uri: relationship.uri, range: relationship.range, message: describeRelationship(relationship) })),
      data: { cycle: names },
    });
  }
}

export const contextMapRules: RuleSet = {
  concern: 'context-map',
  summary: 'Context maps: each relationship uses known roles on the right side and forms a coherent pattern; no pair is mapped twice; dependencies have no cycles.',
  rules: [mapUnknownRole, mapRoleSide, mapSymmetric, mapCustomerSupplier, mapSelfRelationship, mapDuplicateRelationship, mapConflictingRoles, mapRepeatedRole, mapSharedKernelContent, mapExternalRole, mapCycle, mapExposedAggregate, mapTeamOnLandscape],
  check(model, accept) {
    const edges: Dependency[] = [];
    const reported: Reported = new Set();
    for (const map of model.contextMaps) {
      checkMapTeams(map, accept);
      const pairs = new Map<string, NormalisedRelationship>();
      for (const relationship of map.relationships) {
        if (!relationship.arrow) continue; // a syntax error, reported by the parser
        if (relationship.exposes?.length) checkExposed(model, relationship, accept);
        const normalised = normaliseRelationship(relationship);
        const hasRoles = relationship.left.roles.length > 0 || relationship.right.roles.length > 0;
        if (hasRoles) checkRoleNames(normalised, accept);
        if (hasRoles) checkConflicts(normalised, accept);
        // these two first: the later checks skip the roles they report as misplaced
        if (normalised.symmetric) checkSymmetricArrow(normalised, reported, accept);
        else if (hasRoles) checkDirectional(normalised, reported, accept);
        if (hasRoles) checkCustomerSupplier(normalised, reported, accept);
        if (hasRoles) checkExternal(normalised, reported, accept);
        checkSharedContent(normalised, accept);
        const left = normalised.sides[0].context;
        const right = normalised.sides[1].context;
        if (!left || !right) continue; // unknown contexts: unknown-reference's job
        const edge = dependencyOf(normalised);
        if (edge) edges.push(edge);
        if (left === right) {
          accept(mapSelfRelationship, {
            uri: relationship.uri,
            range: relationship.range,
            message: `${left.name} is related to itself: a context map relates different bounded contexts. Name the other context, or remove the relationship.`,
            data: { context: left.name },
          });
          continue;
        }
        const key = left.name < right.name ? `${left.name} ${right.name}` : `${right.name} ${left.name}`;
        const first = pairs.get(key);
        if (!first) {
          pairs.set(key, normalised);
          continue;
        }
        accept(mapDuplicateRelationship, {
          uri: relationship.uri,
          range: relationship.range,
          message: `${left.name} and ${right.name} are already related in ${map.name} (${describeRelationship(first.relationship)}): merge the two into one relationship.`,
          related: [{ uri: first.relationship.uri, range: first.relationship.range, message: 'the first relationship between them' }],
          data: { contexts: [left.name, right.name], first: describeRelationship(first.relationship) },
        });
      }
    }
    reportCycles(edges, accept);
  },
};
