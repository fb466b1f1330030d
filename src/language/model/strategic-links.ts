/**
 * Linking what issue 13 (Context Mapper parity) added to the strategic model:
 * a context's attribute lines merged across its blocks, teams and requirements
 * in the name index, the teams that realize each context, the aggregates a
 * relationship exposes (looked up in its upstream context), and the names a
 * subdomain's body uses (its own entities and values first).
 */
import type { Aggregate, AttributeSetting, BoundedContext, ContextDeclaration, Declaration, Reference, Relationship, Subdomain } from './elements';
import type { DddModel } from './model';
import { noteRelink, type Relink } from './index-after-edit';
import { simpleName } from './qualified-names';

/** The first block that says something about the context wins (`context-merge-conflict` is the duplicate rules' business). */
export function mergeStrategicAttributes(context: BoundedContext, declaration: ContextDeclaration): void {
  if (declaration.vision !== undefined && context.vision === undefined) context.vision = declaration.vision;
  if (declaration.technology !== undefined && context.technology === undefined) context.technology = declaration.technology;
  if (declaration.businessModel !== undefined && context.businessModel === undefined) context.businessModel = declaration.businessModel;
  if (declaration.responsibilities?.length) (context.responsibilities ??= []).push(...declaration.responsibilities);
  for (const setting of declaration.attributes ?? []) {
    const attributes = (context.attributes ??= []);
    if (!attributes.some((other) => other.attribute === setting.attribute)) attributes.push(setting);
  }
}

/** Teams, use cases, user stories, stakeholders (and their groups) and value registers, by name. */
export function indexRequirements(model: DddModel, index: { add(declaration: Declaration): void }): void {
  for (const team of model.teams) index.add(team);
  for (const requirement of model.requirements) index.add(requirement);
  for (const register of model.stakeholders) {
    for (const group of register.groups) {
      index.add(group);
      for (const stakeholder of group.stakeholders) index.add(stakeholder);
    }
    for (const stakeholder of register.stakeholders) index.add(stakeholder);
  }
  for (const register of model.valueRegisters) index.add(register);
}

export function linkStrategic(model: DddModel, relinked: Relink[]): void {
  for (const team of model.teams) {
    for (const reference of team.realizes) {
      const context = reference.target;
      if (context?.kind !== 'context') continue;
      const teams = (context.teams ??= []);
      if (!teams.includes(team)) teams.push(team);
    }
  }
  for (const map of model.contextMaps) for (const relationship of map.relationships) if (relationship?.exposes?.length) linkExposed(model, relationship, relinked);
  let settled: Set<Reference> | undefined;
  for (const subdomain of model.subdomains) {
    for (const reference of linkSubdomainNames(subdomain, relinked)) (settled ??= new Set()).add(reference);
  }
  if (settled) model.unsettled = model.unsettled.filter((reference) => !settled.has(reference));
}

/** The contexts whose aggregates a relationship exposes: the upstream one (either side of `<->`). */
export function exposingContexts(model: DddModel, relationship: Relationship): BoundedContext[] {
  const sides = relationship.arrow === '->' ? [relationship.left] : relationship.arrow === '<-' ? [relationship.right] : [relationship.left, relationship.right];
  const contexts: BoundedContext[] = [];
  for (const side of sides) {
    const name = side?.context?.text;
    const context = name ? model.contexts.get(name) : undefined;
    if (context) contexts.push(context);
  }
  return contexts;
}

function linkExposed(model: DddModel, relationship: Relationship, relinked: Relink[]): void {
  const upstream = exposingContexts(model, relationship);
  for (const reference of relationship.exposes ?? []) {
    noteRelink(relinked, reference);
    reference.candidates = undefined;
    const name = simpleName(reference.text);
    let found: Aggregate | undefined;
    for (const context of upstream) {
      found = context.aggregates.find((aggregate) => aggregate.name === name);
      if (found) break;
    }
    reference.target = found;
  }
}

/** Settles the references written in a subdomain's body on its own entities and values; returns those it settled. */
function linkSubdomainNames(subdomain: Subdomain, relinked: Relink[]): Reference[] {
  const references = subdomain.localReferences;
  if (!references?.length) return [];
  const own = new Map<string, Declaration>();
  for (const list of [subdomain.entities, subdomain.values, subdomain.services]) for (const member of list ?? []) if (!own.has(member.name)) own.set(member.name, member);
  const settled: Reference[] = [];
  for (const reference of references) {
    const member = own.get(reference.text);
    if (!member || !reference.expected.includes(member.kind)) continue;
    noteRelink(relinked, reference);
    reference.target = member;
    reference.candidates = undefined;
    settled.push(reference);
  }
  return settled;
}

/**
 * Visits every enumerated attribute written in the model, with the document it is written in. Asked by
 * the validation at every edit: it allocates nothing for the many elements that set no attribute.
 */
export function forEachAttributeSetting(model: DddModel, visit: (uri: string, setting: AttributeSetting) => void): void {
  const all = (uri: string, settings: readonly AttributeSetting[] | undefined) => {
    if (settings) for (const setting of settings) visit(uri, setting);
  };
  for (const context of model.contexts.values()) {
    for (const block of context.declarations) all(block.uri, block.attributes);
    for (const aggregate of context.aggregates) all(aggregate.uri, aggregate.attributes);
  }
  for (const team of model.teams) all(team.uri, team.attributes);
  for (const map of model.contextMaps) {
    all(map.uri, map.attributes);
    for (const relationship of map.relationships) if (relationship) all(relationship.uri, relationship.attributes);
  }
  for (const register of model.stakeholders) {
    for (const stakeholder of register.stakeholders) all(stakeholder.uri, stakeholder.attributes);
    for (const group of register.groups) for (const stakeholder of group.stakeholders) all(stakeholder.uri, stakeholder.attributes);
  }
  for (const register of model.valueRegisters) {
    for (const values of [register.values, ...register.clusters.map((cluster) => cluster.values)]) {
      for (const value of values) for (const entry of value.stakeholders) all(register.uri, entry.attributes);
    }
  }
}

