/**
 * The CML export's strategic writer: the context map (type, state, contains,
 * relationships with their names, implementation technology, exposed
 * aggregates and downstream rights), the bounded contexts with their attribute
 * lines, the teams (bounded contexts of type TEAM that realize others), and the
 * domains with their subdomains (type, vision, `supports`, entities, services).
 */
import { normaliseRelationship, type NormalisedSide } from '../context-map/relationships';
import type { BoundedContext, DomainDeclaration, Relationship, StrategicAttributes, Subdomain, Team } from '../model/elements';
import type { DddModel } from '../model/model';
import { contextMembers } from './export-context';
import { domainObjectBlock, serviceBlock } from './export-tactic';
import { attributeLines, cmlName, cmlString, type CmlWriter, type Notes } from './export-writer';
import { cmlLiteral } from './mapping';
import { cmlEnums } from './strategic-parser';

// ---------------------------------------------------------------- context map

const upstreamRoles = new Set(['OHS', 'PL']);
const downstreamRoles = new Set(['ACL', 'CF']);

function roleList(side: NormalisedSide, marker: 'U' | 'D', allowed: ReadonlySet<string>, notes: Notes): { cs: boolean; roles: string[] } {
  const roles: string[] = [];
  let cs = false;
  for (const role of side.known) {
    const code = role.info!.code;
    if (code === (marker === 'U' ? 'S' : 'C')) cs = true;
    else if (allowed.has(code)) roles.push(code);
    else notes.add(`role ${code} on the ${marker === 'U' ? 'upstream' : 'downstream'} side (CML does not allow it there)`);
  }
  return { cs, roles };
}

/** The name of a relationship's side: a context, or a team (a bounded context in CML, related on organisational maps). */
function sideName(side: NormalisedSide, teams: ReadonlySet<string>): string | undefined {
  const reference = side.side.context;
  const target = reference?.target;
  if (target?.kind === 'context' || target?.kind === 'team') return target.name;
  return reference && teams.has(reference.text) ? reference.text : undefined;
}

/** A relationship as its CML line, or undefined (and a note) when a side is not declared. */
function relationshipLine(relationship: Relationship, teams: ReadonlySet<string>, notes: Notes): { text: string; symmetric: boolean; contexts: string[] } | undefined {
  const normalised = normaliseRelationship(relationship);
  const [left, right] = normalised.sides;
  const a = sideName(left, teams);
  const b = sideName(right, teams);
  if (a === undefined || b === undefined) {
    notes.add('relationship with a context the model does not declare');
    return undefined;
  }
  if (relationship.shared.length) notes.add("shared kernel's list of what it shares (CML has none)");
  if (relationship.description !== undefined) notes.add("relationship's description (CML has none)");
  if (normalised.symmetric) {
    const codes = new Set(normalised.sides.flatMap((side) => side.known.map((role) => role.info!.code)));
    const text = codes.has('P') ? `${cmlName(a)} [P]<->[P] ${cmlName(b)}` : codes.has('SK') ? `${cmlName(a)} [SK]<->[SK] ${cmlName(b)}` : `${cmlName(a)} <-> ${cmlName(b)}`;
    return { text, symmetric: true, contexts: [a, b] };
  }
  if (!normalised.upstream || !normalised.downstream) return undefined;
  const up = roleList(normalised.upstream, 'U', upstreamRoles, notes);
  const down = roleList(normalised.downstream, 'D', downstreamRoles, notes);
  const cs = up.cs && down.cs;
  if (up.cs !== down.cs) notes.add('customer-supplier role on one side only (CML needs S and C together)');
  const upList = ['U', ...(cs ? ['S'] : []), ...up.roles].join(',');
  const downList = ['D', ...(cs ? ['C'] : []), ...down.roles].join(',');
  const upName = sideName(normalised.upstream, teams)!;
  const downName = sideName(normalised.downstream, teams)!;
  return { text: `${cmlName(upName)} [${upList}]->[${downList}] ${cmlName(downName)}`, symmetric: false, contexts: [upName, downName] };
}

function relationshipBlock(out: CmlWriter, relationship: Relationship, line: { text: string; symmetric: boolean }): void {
  const notes = out.notes;
  const header = line.text + (relationship.name ? ` : ${cmlName(relationship.name.text)}` : '');
  out.block(header, () => {
    if (relationship.technology !== undefined) out.line(`implementationTechnology = ${cmlString(relationship.technology)}`);
    if (line.symmetric) {
      notes.add('exposed aggregates of a symmetric relationship (CML has them upstream-downstream only)', relationship.exposes?.length ? 1 : 0);
      notes.add('downstream rights of a symmetric relationship (CML has them upstream-downstream only)', relationship.attributes?.length ?? 0);
      return;
    }
    const exposed = (relationship.exposes ?? []).filter((aggregate) => aggregate.target?.kind === 'aggregate');
    notes.add('exposed aggregate the model does not declare', (relationship.exposes?.length ?? 0) - exposed.length);
    if (exposed.length) out.line(`exposedAggregates = ${exposed.map((aggregate) => cmlName(aggregate.target!.name)).join(', ')}`);
    attributeLines(out, relationship.attributes, ['relationship.rights']);
  });
}

export function contextMapBlock(out: CmlWriter, model: DddModel): void {
  const maps = model.contextMaps;
  if (maps.length === 0) return;
  const notes = out.notes;
  if (maps.length > 1) notes.add('context map merged into the first (a CML file has one context map)', maps.length - 1);
  const written: { relationship: Relationship; line: { text: string; symmetric: boolean } }[] = [];
  const contained = new Set<string>();
  const teams = new Set(model.teams.map((team) => team.name));
  for (const map of maps) {
    for (const reference of map.contains ?? []) {
      const target = reference.target;
      if (target?.kind === 'context' || target?.kind === 'team') contained.add(target.name);
      else notes.add('contains of a context the model does not declare');
    }
    for (const relationship of map.relationships) {
      const line = relationshipLine(relationship, teams, notes);
      if (!line) continue;
      written.push({ relationship, line });
      for (const name of line.contexts) contained.add(name);
    }
  }
  const first = maps[0]!;
  out.open(`ContextMap ${cmlName(first.name)}`);
  let settings = maps.flatMap((map) => map.attributes ?? []);
  // Context Mapper refuses a team on a SYSTEM_LANDSCAPE map: a merged map that holds one is written without that kind
  const landscape = settings.find((setting) => setting.attribute === 'contextmap.kind')?.value.text === 'landscape';
  if (landscape && [...contained].some((name) => teams.has(name))) {
    notes.add('landscape kind of a context map merged with team relationships (CML refuses teams on a SYSTEM_LANDSCAPE map)');
    settings = settings.filter((setting) => setting.attribute !== 'contextmap.kind');
  }
  for (const attribute of ['contextmap.kind', 'contextmap.state']) {
    const all = settings.filter((setting) => setting.attribute === attribute);
    if (all.length > 1) notes.add(`second ${all[1]!.keyword.text} of a merged context map`, all.length - 1);
  }
  attributeLines(out, settings, ['contextmap.kind', 'contextmap.state']);
  if (contained.size) out.line(`contains ${[...contained].map(cmlName).join(', ')}`);
  for (const { relationship, line } of written) relationshipBlock(out, relationship, line);
  out.close();
}

// ---------------------------------------------------------------- bounded contexts and teams

/** A context's or a team's attribute lines, in the order Context Mapper's grammar reads them. */
function strategicLines(out: CmlWriter, holder: StrategicAttributes & { description?: string }, team: boolean): void {
  const vision = holder.vision ?? holder.description;
  if (holder.vision !== undefined && holder.description !== undefined) out.notes.add("description of a context or team that has a vision (CML has one domainVisionStatement: the vision is written)");
  if (vision !== undefined) out.line(`domainVisionStatement = ${cmlString(vision)}`);
  if (team) out.line('type = TEAM');
  else attributeLines(out, holder.attributes, ['context.kind']);
  if (holder.responsibilities?.length) out.line(`responsibilities = ${holder.responsibilities.map(cmlString).join(', ')}`);
  if (holder.technology !== undefined) out.line(`implementationTechnology = ${cmlString(holder.technology)}`);
  attributeLines(out, holder.attributes, ['context.knowledge']);
  if (holder.businessModel !== undefined) out.line(`businessModel = ${cmlString(holder.businessModel)}`);
  attributeLines(out, holder.attributes, ['context.evolution']);
  if (team && holder.attributes?.some((setting) => setting.attribute === 'context.kind')) out.notes.add("kind of a team (a team is CML's bounded context of type TEAM)");
}

export function contextBlock(out: CmlWriter, context: BoundedContext): void {
  const notes = out.notes;
  const implemented = context.subdomains.map((subdomain) => cmlName(subdomain.name));
  const refines = context.declarations.flatMap((declaration) => declaration.refines ?? []).filter((reference) => reference.target !== undefined);
  let header = `BoundedContext ${cmlName(context.name)}${implemented.length ? ' implements ' + implemented.join(', ') : ''}`;
  if (refines.length) header += ` refines ${cmlName(refines[0]!.text)}`;
  notes.add('second refined context of a context (CML refines one)', refines.length - 1);
  if (context.external) notes.add('external mark of a context (CML has none)');
  if (context.owner) notes.add("context's owner (CML names owners on aggregates; a team realizes contexts)");
  out.block(header, () => {
    strategicLines(out, context, false);
    contextMembers(out, context);
  });
}

export function teamBlock(out: CmlWriter, team: Team): void {
  const realized = team.realizes.filter((reference) => reference.target?.kind === 'context').map((reference) => cmlName(reference.text));
  const implemented = team.implements.filter((reference) => reference.target?.kind === 'subdomain').map((reference) => cmlName(reference.target!.name));
  const head = `BoundedContext ${cmlName(team.name)}${implemented.length ? ' implements ' + implemented.join(', ') : ''}${realized.length ? ' realizes ' + realized.join(', ') : ''}`;
  out.block(head, () => strategicLines(out, team, true));
}

// ---------------------------------------------------------------- domains

function subdomainBlock(out: CmlWriter, subdomain: Subdomain): void {
  const notes = out.notes;
  const supports = (subdomain.supports ?? []).filter((reference) => reference.target !== undefined).map((reference) => cmlName(reference.text));
  const type = subdomain.type ? cmlLiteral(subdomain.type, cmlEnums.subdomainType) : undefined;
  const vision = subdomain.description ?? subdomain.vision;
  if (subdomain.description !== undefined && subdomain.vision !== undefined) notes.add("vision of a subdomain that has a description (CML has one domainVisionStatement: the description is written)");
  notes.add("subdomain's value object (a CML subdomain holds entities and services)", subdomain.values?.length ?? 0);
  out.block(`Subdomain ${cmlName(subdomain.name)}${supports.length ? ' supports ' + supports.join(', ') : ''}`, () => {
    if (type) out.line(`type = ${type}`);
    if (vision !== undefined) out.line(`domainVisionStatement = ${cmlString(vision)}`);
    for (const entity of subdomain.entities ?? []) domainObjectBlock(out, entity);
    for (const service of subdomain.services ?? []) serviceBlock(out, service);
  });
}

export function domainBlock(out: CmlWriter, domain: DomainDeclaration): void {
  out.block(`Domain ${cmlName(domain.name)}`, () => {
    if (domain.description !== undefined) out.line(`domainVisionStatement = ${cmlString(domain.description)}`);
    for (const subdomain of domain.subdomains) subdomainBlock(out, subdomain);
  });
}
