/**
 * Hover for what issue 13 (Context Mapper parity) added: a context's and an
 * aggregate's attribute lines, teams, use cases and user stories in prose (with
 * the aggregates that implement them), stakeholders, relationships (their name,
 * exposed aggregates, technology and rights) and enumerated attribute values.
 */
import { describeRelationship } from '../context-map/relationships';
import { attributeDefinition } from '../model/attribute-values';
import type { AttributeSetting, Declaration, Interaction, Relationship, Requirement, StrategicAttributes } from '../model/elements';
import type { DddModel } from '../model/model';
import { qualifiedName } from '../model/model';
import { present } from './present';

const MAX_LISTED = 12;

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

function listed(names: readonly string[]): string {
  return names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length} in all)` : names.join(', ');
}

function words(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `evolution custom (custom-built: …)`. */
function settingWords(setting: AttributeSetting): string {
  const meaning = attributeDefinition(setting.attribute)?.values[setting.value.text]?.meaning;
  return `${setting.keyword.text} ${code(setting.value.text)}${meaning ? ` — ${meaning}` : ''}`;
}

function attributeLines(attributes: StrategicAttributes): string[] {
  const lines: string[] = [];
  if (attributes.vision) lines.push(`*Vision:* ${attributes.vision}`);
  for (const setting of attributes.attributes ?? []) lines.push(settingWords(setting));
  if (attributes.responsibilities?.length) lines.push(`responsibilities: ${listed(attributes.responsibilities)}`);
  if (attributes.technology) lines.push(`technology: ${attributes.technology}`);
  if (attributes.businessModel) lines.push(`business model: ${attributes.businessModel}`);
  return lines;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** `update an Address with its street and zip`. */
function interactionWords(interaction: Interaction): string {
  const object = interaction.object ? ` ${article(interaction.object)} ${interaction.object}` : '';
  const attributes = interaction.attributes.length ? ` with its ${words(interaction.attributes)}` : '';
  const container = interaction.container ? ` for ${article(interaction.container)} ${interaction.container}` : '';
  return `${interaction.verb.text}${object}${attributes}${container}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A use case or a user story in prose: "As a Customer I want to update an Address … so that …". */
export function requirementProse(requirement: Requirement): string {
  const actor = requirement.actor ?? 'user';
  const wants = present(requirement.interactions).map(interactionWords);
  const want = wants.length ? `I want to ${words(wants)}` : 'I want (nothing written yet)';
  const benefit = requirement.benefit ? ` so that ${lowerFirst(requirement.benefit)}` : '';
  return `As ${article(actor)} ${actor} ${want}${benefit}.`;
}

/** What implements or serves a use case or story: the aggregates whose `features` and the subdomains whose `supports` name it. */
function realizedBy(model: DddModel, requirement: Requirement): string[] {
  const lines: string[] = [];
  const aggregates: string[] = [];
  for (const context of model.contexts.values()) {
    for (const aggregate of context.aggregates) if (aggregate.features?.some((reference) => reference.target === requirement)) aggregates.push(code(qualifiedName(aggregate)));
  }
  if (aggregates.length) lines.push(`Implemented by ${listed(aggregates)}`);
  else lines.push('No aggregate names it in its `features` yet.');
  const subdomains = model.subdomains.filter((subdomain) => subdomain.supports?.some((reference) => reference.target === requirement)).map((subdomain) => code(qualifiedName(subdomain)));
  if (subdomains.length) lines.push(`Supported by ${listed(subdomains)}`);
  return lines;
}

/** The hover facts of the declarations issue 13 added, and of the attribute lines of contexts, aggregates and subdomains. */
export function strategicFacts(model: DddModel, declaration: Declaration): string[] {
  const parts: string[] = [];
  switch (declaration.kind) {
    case 'context': {
      const lines = attributeLines(declaration);
      if (declaration.teams?.length) lines.push(`realized by ${declaration.teams.map((team) => code(team.name)).join(', ')}`);
      if (lines.length) parts.push(lines.map((line) => `- ${line}`).join('\n'));
      break;
    }
    case 'team': {
      const lines = attributeLines(declaration);
      if (declaration.realizes.length) lines.unshift(`realizes ${declaration.realizes.map((reference) => code(reference.text)).join(', ')}`);
      if (declaration.implements.length) lines.unshift(`works on ${declaration.implements.map((reference) => code(reference.text)).join(', ')}`);
      const owns: string[] = [];
      for (const context of model.contexts.values()) if (context.declarations.some((block) => block.ownerTeam?.target === declaration)) owns.push(code(context.name));
      if (owns.length) lines.push(`owns ${listed(owns)}`);
      if (lines.length) parts.push(lines.map((line) => `- ${line}`).join('\n'));
      break;
    }
    case 'aggregate': {
      const lines: string[] = [];
      if (declaration.hasBody === false) lines.push('a sketch so far: no body yet');
      if (declaration.owner) lines.push(`owned by ${declaration.owner.text}`);
      if (declaration.responsibilities?.length) lines.push(`responsibilities: ${listed(declaration.responsibilities)}`);
      if (declaration.features?.length) lines.push(`implements ${declaration.features.map((reference) => code(reference.text)).join(', ')}`);
      for (const setting of declaration.attributes ?? []) lines.push(settingWords(setting));
      for (const note of declaration.qualityNotes ?? []) lines.push(`${note.keyword.text}: ${note.text}`);
      const exposedTo: string[] = [];
      for (const map of model.contextMaps) {
        for (const relationship of present(map.relationships)) if (relationship.exposes?.some((reference) => reference.target === declaration)) exposedTo.push(code(describeRelationship(relationship)));
      }
      if (exposedTo.length) lines.push(`exposed in ${listed(exposedTo)}`);
      if (lines.length) parts.push(lines.map((line) => `- ${line}`).join('\n'));
      break;
    }
    case 'subdomain': {
      const lines: string[] = [];
      if (declaration.vision) lines.push(`*Vision:* ${declaration.vision}`);
      if (declaration.supports?.length) lines.push(`supports ${declaration.supports.map((reference) => code(reference.text)).join(', ')}`);
      const own = [...(declaration.entities ?? []), ...(declaration.values ?? []), ...(declaration.services ?? [])].map((member) => member.name);
      if (own.length) lines.push(`its own concepts: ${listed(own)}`);
      if (lines.length) parts.push(lines.map((line) => `- ${line}`).join('\n'));
      break;
    }
    case 'usecase':
    case 'story': {
      parts.push(requirementProse(declaration));
      const details: string[] = [];
      if (declaration.scope) details.push(`scope: ${declaration.scope}`);
      if (declaration.level) details.push(`level: ${declaration.level}`);
      if (details.length) parts.push(details.join(' · '));
      parts.push(...realizedBy(model, declaration));
      break;
    }
    case 'stakeholder':
      if (declaration.attributes.length) parts.push(declaration.attributes.map((setting) => `- ${settingWords(setting)}`).join('\n'));
      break;
    case 'stakeholderGroup':
      parts.push(`Stakeholders: ${listed(declaration.stakeholders.map((stakeholder) => code(stakeholder.name))) || 'none yet'}`);
      break;
    case 'stakeholders':
      parts.push(`${declaration.context ? `For ${code(declaration.context.text)}: ` : ''}${declaration.groups.length} groups, ${declaration.stakeholders.length} stakeholders outside a group`);
      break;
    case 'valueRegister':
      parts.push(`${declaration.context ? `For ${code(declaration.context.text)}: ` : ''}${declaration.clusters.length} clusters, ${declaration.values.length} values outside a cluster`);
      break;
    case 'valueCluster':
      parts.push([declaration.core ? `core value ${code(declaration.core.text)}` : '', ...declaration.demonstrators.map((text) => `demonstrator: ${text}`)].filter(Boolean).join('\n\n'));
      break;
    case 'valueItem': {
      const lines = [declaration.core ? 'a core value' : '', ...declaration.demonstrators.map((text) => `demonstrator: ${text}`)];
      for (const entry of declaration.stakeholders) {
        lines.push(`${code(entry.stakeholder.text)}: ${entry.attributes.map((setting) => `${setting.keyword.text} ${setting.value.text}`).join(', ')}${entry.description ? ` — ${entry.description}` : ''}`);
        for (const consequence of entry.consequences ?? []) {
          lines.push(`${code(entry.stakeholder.text)}, ${consequence.kind}: ${consequence.text}${consequence.action ? ` (action, ${consequence.action.type}: ${consequence.action.text})` : ''}`);
        }
      }
      parts.push(lines.filter(Boolean).map((line) => `- ${line}`).join('\n'));
      break;
    }
    default:
      break;
  }
  return parts.filter(Boolean);
}

/** What a relationship says beyond its roles: its name, exposed aggregates, technology and the downstream's rights. */
export function relationshipFacts(relationship: Relationship): string[] {
  const lines: string[] = [];
  if (relationship.exposes?.length) lines.push(`exposes ${relationship.exposes.map((reference) => code(reference.text)).join(', ')}`);
  if (relationship.technology) lines.push(`technology: ${relationship.technology}`);
  for (const setting of relationship.attributes ?? []) lines.push(settingWords(setting));
  if (relationship.shared.length) lines.push(`shares ${relationship.shared.map((reference) => code(reference.text)).join(', ')}`);
  return lines.map((line) => `- ${line}`);
}

export function relationshipHover(relationship: Relationship): string {
  const head = `**relationship** ${code(relationship.name?.text ?? '')} · ${code(describeRelationship(relationship))} in context map ${code(relationship.map.name)}`;
  return [head, relationship.description ?? '', relationshipFacts(relationship).join('\n')].filter(Boolean).join('\n\n');
}

/** `custom` in `evolution custom`: what the value means, and the others the attribute takes. */
export function attributeValueHover(setting: AttributeSetting): string {
  const definition = attributeDefinition(setting.attribute);
  if (!definition) return `${code(setting.keyword.text)} is not an attribute here.`;
  const value = definition.values[setting.value.text];
  const others = Object.entries(definition.values).map(([name, meaning]) => `- ${code(name)} — ${meaning.meaning}`);
  return [
    value ? `**${setting.keyword.text}** ${code(setting.value.text)} — ${value.meaning}` : `${code(setting.value.text)} is not a value of ${code(setting.keyword.text)}.`,
    definition.meaning,
    `Values:\n${others.join('\n')}`,
  ].join('\n\n');
}
