/**
 * PlantUML: the context maps as Context Mapper draws them (a component per
 * bounded context; for an upstream-downstream relationship an interface the
 * upstream exposes with its roles and the downstream uses with its roles; a
 * `<-->` link for a partnership or shared kernel), each context's aggregates as
 * a class diagram, and each orchestrated saga's state machine and sequence
 * (a choreographed saga as a sequence of events through the event bus).
 */
import type { Aggregate, BoundedContext, ContextMap, DeclaredType, Field, Saga, TypeReference } from '../model/elements';
import type { DddModel } from '../model/model';
import { orchestrationOf } from '../sagas/orchestration';
import { isTooLargeToAnalyse, tooLargeToAnalyse } from '../sagas/saga-size';
import { transitionLabel } from '../diagrams/saga-states';
import { IdRegistry } from '../diagrams/escape';
import { relationshipView, patternTitle } from './context-relations';
import { KeyRegistry } from './keys';
import { pumlQuoted, pumlText } from './plantuml-text';
import type { ExportedFile, ModelExportResult } from './types';

class PumlWriter {
  private readonly lines: string[] = ['@startuml'];

  constructor(title: string) {
    this.lines.push(`title ${pumlText(title)}`);
  }

  line(text: string, indent = 0): void {
    this.lines.push(`${'  '.repeat(indent)}${text}`);
  }

  finish(): string {
    return [...this.lines, '@enduml', ''].join('\n');
  }
}

export function plantUmlExport(model: DddModel): ModelExportResult {
  const files: ExportedFile[] = [];
  const warnings: string[] = [];
  const names = new KeyRegistry();
  const file = (subject: object, base: string, text: string) => files.push({ path: `${names.key(subject, base)}.puml`, text });

  const maps = model.contextMaps.length ? model.contextMaps : [undefined];
  for (const map of maps) file(map ?? model, map ? `context-map-${map.name}` : 'context-map', contextMapPuml(model, map));
  for (const context of model.contexts.values()) {
    if (context.aggregates.length) file(context.aggregates, `aggregates-${context.name}`, aggregatesPuml(context));
  }
  for (const saga of model.sagas) {
    if (isTooLargeToAnalyse(saga)) {
      warnings.push(`saga ${saga.name} left out: ${tooLargeToAnalyse(saga)}`);
      continue;
    }
    if (saga.style === 'orchestrated') {
      file(saga, `saga-states-${saga.name}`, sagaStatesPuml(saga));
      file(saga.steps, `saga-sequence-${saga.name}`, sagaSequencePuml(saga));
    } else {
      file(saga, `saga-flow-${saga.name}`, choreographyPuml(saga));
    }
  }
  return { files, warnings };
}

/** A context map (or, with no map declared, every context) as a component diagram. */
export function contextMapPuml(model: DddModel, map: ContextMap | undefined): string {
  const writer = new PumlWriter(map ? `${map.name}: context map` : 'Context map');
  writer.line('skinparam componentStyle uml2');
  const ids = new IdRegistry('c');
  const relationships = map ? map.relationships.filter(Boolean) : [];
  const involved: string[] = [];
  const add = (name: string) => {
    if (!involved.includes(name)) involved.push(name);
  };
  if (map) {
    for (const relationship of relationships) {
      for (const side of [relationship.left, relationship.right]) if (side.context) add(side.context.target?.name ?? side.context.text);
    }
  } else {
    for (const context of model.contexts.values()) add(context.name);
  }
  const contextsByName = new Map([...model.contexts.values()].map((context) => [context.name, context]));
  for (const name of involved) {
    const context = contextsByName.get(name);
    writer.line(`component ${pumlQuoted(name)} as ${ids.id(name, name)}${context?.external ? ' <<external>>' : ''}`);
    if (context?.description) {
      writer.line(`note right of ${ids.id(name, name)}`);
      writer.line(pumlText(context.description), 1);
      writer.line('end note');
    }
  }
  const interfaces = new IdRegistry('r');
  relationships.forEach((relationship, index) => {
    const view = relationshipView(map!, relationship);
    if (view.first.name === '?' || view.second.name === '?') return;
    const first = ids.id(view.first.name, view.first.name);
    const second = ids.id(view.second.name, view.second.name);
    if (view.symmetric) {
      const roles = [view.first.roles.join(', '), view.second.roles.join(', ')];
      writer.line(`${first} <--> ${second} : ${pumlText(patternTitle(view) + (roles.some(Boolean) ? ` (${roles[0] || '–'} ↔ ${roles[1] || '–'})` : ''))}`);
      return;
    }
    const id = interfaces.id(relationship, `${view.second.name}_to_${view.first.name}_${index + 1}`);
    writer.line(`interface ${pumlQuoted(patternTitle(view))} as ${id}`);
    writer.line(`${first} --> ${id}${view.first.roles.length ? ` : ${pumlText(view.first.roles.join(', '))}` : ''}`);
    writer.line(`${id} <.. ${second} : ${pumlText(view.second.roles.length ? `use via ${view.second.roles.join(', ')}` : 'use')}`);
  });
  return writer.finish();
}

const stereotypes = { entity: 'Entity', value: 'Value Object', enum: 'Enumeration', command: 'Command', event: 'Domain Event' } as const;

function typeText(type: TypeReference | undefined): string {
  return type ? pumlText(type.text) : '';
}

function fieldLine(field: Field): string {
  return field.type ? `${pumlText(field.name)} : ${typeText(field.type)}` : pumlText(field.name);
}

/** Every declared type a field's type names (`List<OrderItem>` → OrderItem, many). */
function namedTypes(type: TypeReference | undefined, many = false): { target: DeclaredType; many: boolean }[] {
  if (!type) return [];
  const target = type.name.target;
  const own = target?.kind === 'entity' || target?.kind === 'value' || target?.kind === 'enum' ? [{ target, many }] : [];
  return [...own, ...type.args.flatMap((arg) => namedTypes(arg, many || type.args.length > 0))];
}

/** A context's aggregates as a class diagram: a package per aggregate, composition inside it, `emits` from commands to events, generalisation for `extends`. */
export function aggregatesPuml(context: BoundedContext): string {
  const writer = new PumlWriter(`${context.name}: aggregates`);
  writer.line('hide empty members');
  const ids = new IdRegistry('t');
  const links: string[] = [];
  const declare = (member: DeclaredType | Aggregate['commands'][number] | Aggregate['events'][number], indent: number, root = false) => {
    const id = ids.id(member, member.name);
    const stereotype = root ? 'Aggregate Root' : stereotypes[member.kind];
    const keyword = member.kind === 'enum' ? 'enum' : member.abstract ? 'abstract class' : 'class';
    writer.line(`${keyword} ${pumlQuoted(member.name)} as ${id} <<${stereotype}>> {`, indent);
    if (member.kind === 'enum') for (const value of member.values.filter(Boolean)) writer.line(pumlText(value.name), indent + 1);
    else for (const field of member.fields.filter(Boolean)) writer.line(fieldLine(field), indent + 1);
    if (member.kind === 'entity' || member.kind === 'value') {
      for (const operation of member.operations.filter(Boolean)) {
        writer.line(`${pumlText(operation.name)}(${operation.parameters.filter(Boolean).map(fieldLine).join(', ')})${operation.returns ? ` : ${typeText(operation.returns)}` : ''}`, indent + 1);
      }
    }
    writer.line('}', indent);
  };
  for (const aggregate of context.aggregates.filter(Boolean)) {
    writer.line(`package ${pumlQuoted(aggregate.name)} <<Aggregate>> {`);
    for (const entity of aggregate.entities.filter(Boolean)) declare(entity, 1, entity.root);
    for (const value of aggregate.values.filter(Boolean)) declare(value, 1);
    for (const enumType of aggregate.enums.filter(Boolean)) declare(enumType, 1);
    for (const command of aggregate.commands.filter(Boolean)) declare(command, 1);
    for (const event of aggregate.events.filter(Boolean)) declare(event, 1);
    writer.line('}');
    if (aggregate.invariants.length || aggregate.entities.some((entity) => entity?.invariants.length)) {
      const root = aggregate.entities.find((entity) => entity?.root) ?? aggregate.entities[0];
      const invariants = [...aggregate.invariants, ...aggregate.entities.flatMap((entity) => entity?.invariants ?? [])];
      if (root) {
        writer.line(`note bottom of ${ids.id(root, root.name)}`);
        for (const invariant of invariants) writer.line(pumlText(`invariant: ${invariant.text}`), 1);
        writer.line('end note');
      }
    }
  }
  // relationships, once every class is declared
  for (const aggregate of context.aggregates.filter(Boolean)) {
    for (const owner of [...aggregate.entities, ...aggregate.values].filter(Boolean)) {
      for (const field of owner.fields.filter(Boolean)) {
        for (const { target, many } of namedTypes(field.type)) {
          const targetId = ids.get(target);
          if (targetId === undefined || target === owner) continue;
          const inside = target.aggregate === aggregate;
          links.push(`${ids.id(owner, owner.name)} ${inside ? '*--' : '-->'} ${many ? '"*" ' : ''}${targetId} : ${pumlText(field.name)}`);
        }
      }
    }
    // `extends`: the base drawn in this diagram, with UML's generalisation arrow
    for (const member of [...aggregate.entities, ...aggregate.values, ...aggregate.commands, ...aggregate.events].filter(Boolean)) {
      const base = member.extends?.target;
      const baseId = base ? ids.get(base) : undefined;
      if (baseId !== undefined && base !== member) links.push(`${baseId} <|-- ${ids.id(member, member.name)}`);
    }
    for (const command of aggregate.commands.filter(Boolean)) {
      for (const emitted of command.emits) {
        const targetId = emitted.target ? ids.get(emitted.target) : undefined;
        if (targetId !== undefined) links.push(`${ids.id(command, command.name)} ..> ${targetId} : emits`);
      }
    }
  }
  for (const link of links) writer.line(link);
  return writer.finish();
}

/** An orchestrated saga's state machine, from `orchestrationOf` (as the preview draws it). */
export function sagaStatesPuml(saga: Saga): string {
  const orchestration = orchestrationOf(saga);
  const writer = new PumlWriter(`${saga.name}: state machine`);
  const ids = new IdRegistry('s');
  const id = (name: string) => ids.id(name, name);
  const states = [orchestration.start, ...orchestration.states.map((state) => state.name)];
  for (const name of new Set(states)) writer.line(`state ${pumlQuoted(name)} as ${id(name)}`);
  writer.line(`[*] --> ${id(orchestration.start)}`);
  for (const transition of orchestration.transitions) {
    const label = transitionLabel(orchestration, transition);
    writer.line(`${id(transition.from)} --> ${id(transition.to)}${label ? ` : ${pumlText(label)}` : ''}`);
  }
  const terminals = orchestration.steps.length ? new Set([orchestration.completed, orchestration.failed]) : new Set<string>();
  for (const terminal of terminals) if (orchestration.states.some((state) => state.name === terminal && state.terminal)) writer.line(`${id(terminal)} --> [*]`);
  if (orchestration.pivot !== undefined) {
    const pivot = orchestration.steps[orchestration.pivot]!;
    writer.line(`note right of ${id(pivot.successState)} : ${pumlText(`past the pivot (${pivot.command}): later steps are retried, never compensated`)}`);
  }
  return writer.finish();
}

/** An orchestrated saga as a sequence: each command sent, its reply, and what happens when it fails. */
export function sagaSequencePuml(saga: Saga): string {
  const orchestration = orchestrationOf(saga);
  const writer = new PumlWriter(`${saga.name}: sequence`);
  const ids = new IdRegistry('p');
  const orchestrator = 'orchestrator';
  ids.reserve(orchestrator);
  writer.line(`participant ${pumlQuoted(orchestration.orchestrator ? `${saga.name} orchestrator (${orchestration.orchestrator})` : `${saga.name} orchestrator`)} as ${orchestrator}`);
  for (const step of orchestration.steps) {
    if (step.participant === undefined || ids.get(step.participant)) continue;
    writer.line(`participant ${pumlQuoted(step.participant)} as ${ids.id(step.participant, step.participant)}`);
  }
  const who = (participant: string | undefined) => (participant === undefined ? orchestrator : ids.get(participant)!);
  writer.line(`note over ${orchestrator} : ${pumlText(orchestration.start)}`);
  for (const step of orchestration.steps) {
    const participant = who(step.participant);
    const command = pumlText(step.command || '(no command)');
    const reply = pumlText(step.reply ?? `${step.command} done`);
    if (step.onFailure.mode === 'retry') {
      writer.line(`loop ${pumlText(`until ${step.command} succeeds (retried, never compensated)`)}`);
      writer.line(`${orchestrator} -> ${participant} : ${command}`, 1);
      writer.line('end');
      writer.line(`${participant} --> ${orchestrator} : ${reply}`);
      writer.line(`note over ${orchestrator} : ${pumlText(step.successState)}`);
      continue;
    }
    writer.line(`${orchestrator} -> ${participant} : ${command}`);
    writer.line(`alt ${pumlText(`${step.command} succeeds`)}`);
    writer.line(`${participant} --> ${orchestrator} : ${reply}`, 1);
    writer.line(`note over ${orchestrator} : ${pumlText(step.successState)}`, 1);
    writer.line(`else ${pumlText(`${step.command} fails`)}`);
    writer.line(`${participant} ->x ${orchestrator} : ${pumlText(`${step.command} failed`)}`, 1);
    for (const run of step.onFailure.compensations) {
      const undone = who(orchestration.steps[run.step]!.participant);
      writer.line(`${orchestrator} -> ${undone} : ${pumlText(run.command)}`, 1);
      writer.line(`${undone} --> ${orchestrator} : ${pumlText(`${run.command} done`)}`, 1);
    }
    writer.line(`note over ${orchestrator} : ${pumlText(step.onFailure.end)}`, 1);
    writer.line('end');
  }
  return writer.finish();
}

/** A choreographed saga: each reaction hears its triggers from the event bus and publishes what it emits. */
export function choreographyPuml(saga: Saga): string {
  const writer = new PumlWriter(`${saga.name}: event flow`);
  const ids = new IdRegistry('p');
  const bus = 'events';
  ids.reserve(bus);
  writer.line(`queue ${pumlQuoted('event bus')} as ${bus}`);
  for (const reaction of saga.reactions) {
    const name = reaction.participant?.text ?? '?';
    if (ids.get(name)) continue;
    writer.line(`participant ${pumlQuoted(name)} as ${ids.id(name, name)}`);
  }
  for (const reaction of saga.reactions) {
    const participant = ids.get(reaction.participant?.text ?? '?')!;
    const joiner = reaction.join === 'and' ? ' and ' : ' or ';
    writer.line(`${bus} -> ${participant} : ${pumlText(reaction.triggers.map((trigger) => trigger.text).join(joiner) + (reaction.compensates ? ' (compensates)' : ''))}`);
    for (const emitted of reaction.emits) writer.line(`${participant} -> ${bus} : ${pumlText(emitted.text)}`);
    for (const emitted of reaction.otherwise) writer.line(`${participant} ->x ${bus} : ${pumlText(`${emitted.text} (when it fails)`)}`);
  }
  return writer.finish();
}
