/**
 * Hover: what the name under the cursor is, in Markdown. For a term of the
 * ubiquitous language, the definition comes from the glossary of the bounded
 * context the cursor is in (the same word means different things in different
 * contexts); for a context-map role, what the integration pattern means; for an
 * element, its kind, qualified name, where it is declared, its description and
 * its members.
 */
import { describeRelationship, roleCodes, roleDictionary } from '../context-map/relationships';
import { isBuiltinType, isIdentityTypeName } from '../model/builtin-types';
import type {
  ContextMembers,
  Declaration,
  ElementKind,
  Field,
  GlossaryTerm,
  Operation,
  Saga,
  Sticky,
  TextRange,
} from '../model/elements';
import { commandSendersOf, eventFlowOf, partyWords, type FlowParty } from '../model/event-flow';
import { isTypeReference, kindWords, qualifiedName, type DddModel } from '../model/model';
import { constructsIn, contextMemberKeys } from '../syntax/constructs';
import { pluralOf } from '../util/plural';
import { contextAt, elementAt, homeContext } from './element-at';
import { glossaryTerms, termKey } from './glossary';
import { ancestors, navIndex, type NavIndex } from './nav-index';
import { present } from './present';
import type { ElementAt, SagaState } from './types';
import { attributeValueHover, relationshipFacts, relationshipHover, strategicFacts } from './strategic-hover';
import { applicationFacts, enumBlock, fieldWords, inheritedLines, inheritingHead, lifecycleFacts, operationWords, transitionWords } from './hover-tactical';

export interface HoverContent {
  /** The name the hover is about. */
  range: TextRange;
  markdown: string;
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

function fence(text: string): string {
  return '```ddd\n' + text + '\n```';
}

function where(index: NavIndex, uri: string, range: TextRange): string {
  const document = index.documents.get(uri);
  const line = document ? document.lineIndex.positionAt(range.start).line + 1 : 1;
  const parts = uri.split('/');
  const shown = parts.slice(-2).join('/');
  return `[${decodeURIComponent(shown)}:${line}](${uri}#L${line})`;
}

function fieldLine(field: Field): string {
  return fieldWords(field);
}

function operationLine(operation: Operation): string {
  return operationWords(operation);
}

function block(head: string, lines: string[]): string {
  return lines.length ? `${head} {\n${lines.map((line) => '  ' + line).join('\n')}\n}` : head;
}

function list(names: string[], max = 12): string {
  return names.length > max ? names.slice(0, max).join(', ') + `, … (${names.length} in all)` : names.join(', ');
}

/** A context's member lists and the kind of what each holds, in table order. */
const contextMemberLists: readonly { key: keyof ContextMembers; kind: ElementKind }[] = contextMemberKeys.map((key) => ({
  key,
  kind: constructsIn('context').find((row) => row.member === key)!.kind!,
}));

/** The Markdown "signature" and facts of a declaration. */
function declarationFacts(model: DddModel, index: NavIndex, declaration: Declaration): string[] {
  const parts: string[] = [];
  switch (declaration.kind) {
    case 'context': {
      const facts: string[] = [];
      if (declaration.external) facts.push('external system (we do not own it)');
      if (declaration.subdomains.length) facts.push(`implements ${declaration.subdomains.map((s) => `${s.name}${s.type ? ` (${s.type})` : ''}`).join(', ')}`);
      if (declaration.owner) facts.push(`owned by ${declaration.owner.text}`);
      if (facts.length) parts.push(facts.join(' · '));
      const members: string[] = [];
      for (const { key, kind } of contextMemberLists) {
        const names = declaration[key].map((member) => member.name);
        if (names.length) members.push(`${pluralOf(kindWords[kind])}: ${list(names)}`);
      }
      if (members.length) parts.push(members.map((line) => `- ${line}`).join('\n'));
      const relations: string[] = [];
      for (const map of model.contextMaps) {
        for (const relationship of present(map.relationships)) {
          if (relationship.left?.context?.target === declaration || relationship.right?.context?.target === declaration) relations.push(`- ${code(describeRelationship(relationship))} (${map.name})`);
        }
      }
      if (relations.length) parts.push('Relationships:\n' + relations.slice(0, 10).join('\n'));
      if (declaration.declarations.length > 1) {
        parts.push(`Declared in ${declaration.declarations.length} places: ${declaration.declarations.map((block) => where(index, block.uri, block.nameRange)).join(', ')}`);
      }
      break;
    }
    case 'aggregate': {
      const root = declaration.entities.find((entity) => entity.root);
      const lines: string[] = [];
      if (root) lines.push(`root entity ${root.name}`);
      for (const entity of declaration.entities) if (entity !== root) lines.push(`entity ${entity.name}`);
      for (const value of declaration.values) lines.push(`value ${value.name}`);
      for (const type of declaration.enums) lines.push(`enum ${type.name}`);
      for (const command of declaration.commands) lines.push(`command ${command.name}`);
      for (const event of declaration.events) lines.push(`event ${event.name}`);
      for (const invariant of declaration.invariants) lines.push(`invariant ${JSON.stringify(invariant.text)}`);
      parts.push(fence(block(`aggregate ${declaration.name}${declaration.eventSourced ? ' eventsourced' : ''}`, lines.slice(0, 30))));
      break;
    }
    case 'entity':
    case 'value': {
      const lines = [...present(declaration.fields).map(fieldLine), ...inheritedLines(declaration), ...present(declaration.operations).map(operationLine), ...declaration.invariants.map((i) => `invariant ${JSON.stringify(i.text)}`)];
      parts.push(fence(block(inheritingHead(declaration), lines.slice(0, 30))));
      break;
    }
    case 'enum':
      parts.push(fence(enumBlock(declaration)));
      parts.push(...lifecycleFacts(model, declaration));
      break;
    case 'command': {
      const emits = declaration.emits.length ? ` emits ${declaration.emits.map((e) => e.text).join(', ')}` : '';
      const writes = declaration.writes ? ` writes ${transitionWords(declaration.writes)}` : '';
      parts.push(fence(block(inheritingHead(declaration), [...present(declaration.fields).map(fieldLine), ...inheritedLines(declaration)].slice(0, 30)) + emits + writes));
      const senders = commandSendersOf(model, declaration);
      if (senders.length) parts.push(`Sent by ${senders.map((party) => partyWords(party, code)).join(', ')}`);
      break;
    }
    case 'event': {
      const applies = declaration.applies.length ? ` applies ${declaration.applies.map((a) => `${a.field.text} ${a.operator} …`).join(', ')}` : '';
      parts.push(fence(block(inheritingHead(declaration), [...present(declaration.fields).map(fieldLine), ...inheritedLines(declaration)].slice(0, 30)) + applies));
      const flow = eventFlowOf(model, declaration);
      const words = (party: FlowParty) => partyWords(party, code);
      parts.push(flow.causes.length ? `Emitted by ${flow.causes.map(words).join(', ')}` : 'Emitted by nothing in the model');
      if (flow.listeners.length) parts.push(`Heard by ${flow.listeners.map(words).join(', ')}`);
      break;
    }
    case 'field': {
      const parent = index.parents.get(declaration);
      parts.push(fence(fieldLine(declaration)) + (parent ? `\n\n${parent.kind === 'operation' ? 'parameter of' : 'field of'} ${kindWords[parent.kind]} ${code(qualifiedName(parent))}` : ''));
      break;
    }
    case 'operation':
      parts.push(fence(operationLine(declaration)));
      break;
    case 'repository':
      parts.push(fence(block(`repository ${declaration.name}${declaration.aggregate ? ` for ${declaration.aggregate.text}` : ''}`, present(declaration.operations).map(operationLine))));
      break;
    case 'service':
      parts.push(fence(block(`service ${declaration.name}`, present(declaration.operations).map(operationLine))));
      break;
    case 'stream':
      parts.push(fence(`stream ${declaration.name}${declaration.aggregate ? ` of ${declaration.aggregate.text}` : ''}`) + `\n\n${declaration.events.length} events, ${declaration.expectations.length} expectations`);
      break;
    case 'readmodel':
      parts.push(fence(block(`readmodel ${declaration.name}${declaration.sources.length ? ` from ${declaration.sources.map((s) => s.text).join(', ')}` : ''}`, present(declaration.fields).map(fieldLine))));
      break;
    case 'subdomain': {
      const meaning = { core: 'core: what makes the business unique; build it in-house', supporting: 'supporting: necessary, not differentiating', generic: 'generic: commodity; buy it' };
      parts.push(declaration.type ? meaning[declaration.type] : 'no type given (core, supporting or generic)');
      if (declaration.implementedBy.length) parts.push(`Implemented by ${declaration.implementedBy.map((c) => code(c.name)).join(', ')}`);
      break;
    }
    case 'domain':
      parts.push(`Subdomains: ${declaration.subdomains.map((s) => `${code(s.name)}${s.type ? ` (${s.type})` : ''}`).join(', ') || 'none yet'}`);
      break;
    case 'saga':
      parts.push(
        declaration.style === 'orchestrated'
          ? `Orchestrated by ${code(declaration.orchestrator?.text ?? '?')}, ${declaration.steps.length} steps: ${declaration.steps.map((s) => s.command?.text ?? '?').join(' → ')}`
          : `Choreographed: ${declaration.reactions.length} reactions, no coordinator`,
      );
      break;
    case 'contextmap':
      parts.push(`${declaration.relationships.length} relationships`);
      break;
    case 'storming':
      parts.push(`${declaration.stickies.length} stickies`);
      break;
    case 'enumValue': {
      const parent = index.parents.get(declaration);
      if (parent) parts.push(`value of enum ${code(qualifiedName(parent))}`);
      break;
    }
    default:
      parts.push(...(applicationFacts(model, declaration) ?? []));
      break;
  }
  // issue 13: attribute lines, teams, requirements, stakeholders, value registers
  parts.push(...strategicFacts(model, declaration));
  return parts;
}

/** The context a declaration belongs to (through its parents for fields and operations). */
function contextOf(index: NavIndex, declaration: Declaration): string | undefined {
  const own = homeContext(declaration);
  if (own) return own;
  for (const parent of ancestors(index, declaration)) {
    const home = homeContext(parent);
    if (home) return home;
  }
  return undefined;
}

/** "Customer" in the ubiquitous language of the context you are in (else of `fallback`, else of every context that defines it). */
function glossarySection(model: DddModel, name: string, here: string | undefined, fallback: string | undefined, skip?: GlossaryTerm): string | undefined {
  const lines: string[] = [];
  const show = (contextName: string) => {
    for (const term of glossaryTerms(model, contextName, name)) {
      if (term !== skip) lines.push(`*${contextName}:* **${term.name}** — ${term.definition}`);
    }
  };
  if (here) show(here);
  if (!lines.length && fallback && fallback !== here) show(fallback);
  if (!lines.length && !here) for (const context of model.contexts.keys()) show(context);
  return lines.length ? lines.join('\n\n') : undefined;
}

function declarationHover(model: DddModel, index: NavIndex, declaration: Declaration, here: string | undefined): string {
  const sections: string[] = [];
  if (declaration.kind === 'term') {
    sections.push(`**glossary term** ${code(declaration.name)} · ubiquitous language of ${code(declaration.contextName)}`);
    sections.push(declaration.definition);
    const elsewhere = [...model.contexts.values()]
      .filter((context) => context.name !== declaration.contextName && context.glossary.some((term) => termKey(term.name) === termKey(declaration.name)))
      .map((context) => context.name);
    if (elsewhere.length) sections.push(`*The same word has its own meaning in ${elsewhere.map(code).join(', ')}.*`);
    sections.push(`Defined in ${where(index, declaration.uri, declaration.nameRange)}`);
    return sections.join('\n\n');
  }
  const tags: string[] = [];
  if (declaration.kind === 'entity' && declaration.root) tags.push('aggregate root');
  if (declaration.kind === 'aggregate' && declaration.eventSourced) tags.push('event-sourced');
  if (declaration.kind === 'context' && declaration.external) tags.push('external');
  sections.push(`**${kindWords[declaration.kind]}** ${code(qualifiedName(declaration))}${tags.length ? ' · ' + tags.join(' · ') : ''}`);
  if (declaration.description) sections.push(declaration.description);
  const glossary = glossarySection(model, declaration.name, here, contextOf(index, declaration));
  if (glossary) sections.push(glossary);
  sections.push(...declarationFacts(model, index, declaration));
  if (declaration.kind !== 'context' || declaration.declarations.length <= 1) sections.push(`Declared in ${where(index, declaration.uri, declaration.nameRange)}`);
  return sections.join('\n\n');
}

function stateHover(state: SagaState): string {
  const saga: Saga = state.saga;
  const facts: string[] = [];
  if (saga.start?.text === state.name) facts.push('the state the saga starts in');
  for (const step of saga.steps) {
    const command = step.command?.text ?? '?';
    if (step.successState?.text === state.name) facts.push(`reached when step ${code(command)} succeeds`);
    if (step.failure?.state?.text === state.name) facts.push(`entered when step ${code(command)} fails`);
    if (step.compensation?.state?.text === state.name) facts.push(`reached once ${code(step.compensation.command?.text ?? '?')} has undone step ${code(command)}`);
  }
  return [`**saga state** ${code(state.name)} · saga ${code(saga.name)}`, facts.map((fact) => `- ${fact}`).join('\n'), 'The orchestrator persists its state after every step, so it can resume after a crash.']
    .filter(Boolean)
    .join('\n\n');
}

function roleHover(element: ElementAt): string {
  const info = element.roleInfo;
  if (!info) {
    return `${code(element.text)} is not a context-map role. The roles are: ${roleCodes.map((c) => `${c} (${roleDictionary[c].name})`).join(', ')}.`;
  }
  const position = info.position === 'symmetric' ? 'symmetric role (both sides of `<->`)' : `${info.position} role`;
  const sections = [`**${info.code}** · ${info.name} — ${position}`, info.meaning];
  if (element.relationship) {
    const side = element.relationship[element.side ?? 'left'];
    if (side && element.relationship.left && element.relationship.right) sections.push(`In ${code(describeRelationship(element.relationship))}: ${code(side.context?.text ?? '?')} plays ${info.name}.`);
    const facts = relationshipFacts(element.relationship);
    if (facts.length) sections.push(facts.join('\n'));
  }
  return sections.join('\n\n');
}

function stickyHover(model: DddModel, sticky: Sticky, boardName: string | undefined): string {
  const sections = [`**${sticky.type}** ${sticky.type === 'hotspot' ? JSON.stringify(sticky.text) : code(sticky.text)}${boardName ? ` · storming board ${code(boardName)}` : ''}`];
  if (sticky.type === 'policy') {
    const when = sticky.when.map((r) => r.text).join(', ');
    const then = sticky.then.map((r) => r.text).join(', ');
    if (when || then) sections.push(`When ${code(when || '?')} then ${code(then || '?')}`);
  }
  if (sticky.description) sections.push(sticky.description);
  if (sticky.type !== 'hotspot') {
    const glossary = glossarySection(model, sticky.text, undefined, undefined);
    if (glossary) sections.push(glossary);
  }
  return sections.join('\n\n');
}

function unresolvedHover(model: DddModel, element: ElementAt, here: string | undefined): string {
  const reference = element.reference;
  const name = element.text;
  if (element.candidates?.length) {
    return `${code(name)} is ambiguous: it could be ${element.candidates.map((c) => code(qualifiedName(c))).join(', ')}. Qualify it with its context.`;
  }
  const sections: string[] = [];
  const expected = reference?.expected ?? [];
  if (element.what === 'qualifier') {
    sections.push(`${code(name)}: no ${expected.includes('subdomain') ? 'domain' : 'bounded context'} of that name.`);
  } else if (reference && isTypeReference(reference)) {
    if (isBuiltinType(reference!.text)) sections.push(`**built-in type** ${code(reference!.text)}: needs no declaration.`);
    else if (isIdentityTypeName(name)) {
      const of = name === 'UUID' ? '' : ` of ${code(name.slice(0, -2))}`;
      sections.push(`**identity type** ${code(name)}: the identity${of}. A type whose name ends in \`Id\` needs no declaration; hold other aggregates by their id.`);
    } else sections.push(`Unknown type ${code(reference!.text)}: declare it as a value, entity or enum.`);
  } else if (expected.length === 0) {
    sections.push(`**actor** ${code(name)}${element.board ? ` · storming board ${code(element.board.name)}` : ''}`);
  } else {
    const what = expected.map((kind) => kindWords[kind]).filter((word, i, all) => all.indexOf(word) === i).join(' or ');
    // issue 13: the soft references outside sagas and boards: exposed aggregates and the stakeholders of a value
    const notOnBoard = reference?.soft && !element.sticky && !element.board;
    sections.push(
      notOnBoard && expected.includes('aggregate')
        ? `**aggregate** ${code(reference!.text)}: the upstream context of this relationship has no aggregate of that name; \`exposes\` names the upstream's aggregates.`
        : notOnBoard && expected.includes('stakeholder')
          ? `**stakeholder** ${code(reference!.text)}: not declared under any \`stakeholders\` yet.`
          : reference?.soft
            ? `**${what}** ${code(reference.text)}: not declared yet. Sagas and storming boards may name what the model does not define yet (a quick fix creates it).`
            : `Unknown ${what} ${code(reference?.text ?? name)}.`,
    );
  }
  const glossary = glossarySection(model, name, here, undefined);
  if (glossary) sections.push(glossary);
  return sections.join('\n\n');
}

/** The hover for the name at `offset`, or undefined when there is nothing to say. */
export function hoverAt(model: DddModel, uri: string, offset: number): HoverContent | undefined {
  const element = elementAt(model, uri, offset);
  if (!element) return undefined;
  const index = navIndex(model);
  const here = contextAt(model, uri, offset);
  let markdown: string;
  switch (element.what) {
    case 'role':
      markdown = roleHover(element);
      break;
    case 'sticky':
      markdown = element.sticky ? stickyHover(model, element.sticky, element.board?.name) : '';
      break;
    // ---- Context Mapper parity (issue 13)
    case 'relationshipName':
      markdown = element.relationship ? relationshipHover(element.relationship) : '';
      break;
    case 'attributeValue':
      markdown = element.setting ? attributeValueHover(element.setting) : '';
      break;
    default: {
      const symbol = element.symbol;
      if (symbol?.kind === 'sagaState') markdown = stateHover(symbol);
      else if (symbol) markdown = declarationHover(model, index, symbol, here);
      else if (element.sticky && element.reference?.expected.length === 0) markdown = stickyHover(model, element.sticky, element.board?.name);
      else markdown = unresolvedHover(model, element, here);
    }
  }
  return markdown ? { range: element.range, markdown } : undefined;
}
