/**
 * Hover for the tactical details and the application layer: the fields an
 * entity, value object or event inherits (`extends`), an aggregate's lifecycle
 * and what writes its transitions, modules, application layers, flows and
 * coordinations.
 */
import type { BoundedContext, Declaration, EnumType, Field, Operation, StateTransition } from '../model/elements';
import { inheritedOnly, type InheritingDeclaration } from '../model/inheritance';
import { qualifiedName, type DddModel } from '../model/model';
import { stepHead } from '../model/event-flow';
import { present } from './present';

const MAX_LINES = 30;

/** `[PARKED -> MOVING X SCRAPPED]` */
export function transitionWords(transition: StateTransition): string {
  const from = transition.from.map((state) => state.text).join(', ');
  const to = transition.to.map((state) => state.text).join(` ${transition.gateway ?? 'X'} `);
  return `[${from ? `${from} ` : ''}-> ${to}]`;
}

export function fieldWords(field: Field): string {
  return `${field.key ? 'key ' : ''}${field.name}: ${field.type?.text ?? '?'}`;
}

export function operationWords(operation: Operation): string {
  const markers = [
    operation.throws?.length ? `throws ${operation.throws.map((name) => name.text).join(', ')}` : '',
    operation.access === 'writes' && operation.writes ? `writes ${transitionWords(operation.writes)}` : (operation.access ?? ''),
  ].filter(Boolean);
  const parameters = present(operation.parameters).map((parameter) => `${parameter.name}: ${parameter.type?.text ?? '?'}`).join(', ');
  return `${operation.visibility ? `${operation.visibility} ` : ''}${operation.name}(${parameters})${operation.returns ? `: ${operation.returns.text}` : ''}${markers.length ? ` ${markers.join(' ')}` : ''}`;
}

/** `abstract entity Vehicle extends Machine`: the head of an inheriting declaration. */
export function inheritingHead(declaration: InheritingDeclaration): string {
  const keyword = declaration.kind === 'entity' ? `${declaration.root ? 'root ' : ''}entity` : declaration.kind;
  return `${declaration.abstract ? 'abstract ' : ''}${keyword} ${declaration.name}${declaration.extends ? ` extends ${declaration.extends.text}` : ''}`;
}

/** The inherited fields, each with where it comes from. */
export function inheritedLines(declaration: InheritingDeclaration): string[] {
  return inheritedOnly(declaration).map(({ field, from }) => `${fieldWords(field)}   // from ${from.name}`);
}

/** The enum as written, with its fields and the values' arguments. */
export function enumBlock(type: EnumType): string {
  const values = present(type.values).map((value) => (value.arguments ? `${value.name}(${value.arguments.map((arg) => JSON.stringify(arg)).join(', ')})` : value.name));
  const fields = present(type.fields).map(fieldWords);
  return `${type.lifecycle ? 'lifecycle ' : ''}enum ${type.name} { ${[...fields, ...values].join('  ')} }`;
}

/** For a lifecycle enum: whose lifecycle it is, and what writes its transitions. */
export function lifecycleFacts(model: DddModel, type: EnumType): string[] {
  if (!type.lifecycle) return [];
  const writers: string[] = [];
  const context = model.contexts.get(type.contextName);
  const aggregates = type.aggregate ? [type.aggregate] : (context?.aggregates ?? []);
  for (const aggregate of aggregates) {
    for (const command of aggregate.commands) if (command?.writes) writers.push(`\`${command.name}\` ${transitionWords(command.writes)}`);
    for (const service of aggregate.services) for (const operation of service.operations) if (operation?.writes) writers.push(`\`${service.name}.${operation.name}\` ${transitionWords(operation.writes)}`);
  }
  for (const application of context?.applications ?? []) {
    for (const flow of application.flows) {
      for (const step of flow.steps) {
        const delegate = step?.delegate?.target;
        if (step?.transition && delegate?.kind === 'aggregate' && delegate.enums.includes(type)) writers.push(`\`${stepHead(step)}\` in flow \`${flow.name}\` ${transitionWords(step.transition)}`);
      }
    }
  }
  const whose = type.aggregate ? `The lifecycle of aggregate \`${qualifiedName(type.aggregate)}\`` : 'A lifecycle of its context';
  return [whose + (writers.length ? `; transitions:\n${writers.slice(0, MAX_LINES).map((line) => `- ${line}`).join('\n')}` : '; nothing writes its transitions yet')];
}

function membersIn(context: BoundedContext | undefined, property: 'module' | 'application', owner: Declaration): string[] {
  if (!context) return [];
  const lines: string[] = [];
  for (const list of [context.aggregates, context.entities, context.values, context.enums, context.services, context.repositories, context.commands, context.events] as readonly { kind: string; name: string }[][]) {
    for (const member of list) if ((member as unknown as Record<string, unknown>)[property] === owner) lines.push(`${member.kind} ${member.name}`);
  }
  return lines;
}

/** The facts of a module, an application layer, a flow or a coordination; undefined for other declarations. */
export function applicationFacts(model: DddModel, declaration: Declaration): string[] | undefined {
  const fence = (text: string) => '```ddd\n' + text + '\n```';
  const block = (head: string, lines: string[]) => (lines.length ? `${head} {\n${lines.slice(0, MAX_LINES).map((line) => '  ' + line).join('\n')}\n}` : head);
  switch (declaration.kind) {
    case 'module':
      return [fence(block(`module ${declaration.name}`, membersIn(model.contexts.get(declaration.contextName), 'module', declaration)))];
    case 'application': {
      const lines = membersIn(model.contexts.get(declaration.contextName), 'application', declaration);
      for (const flow of declaration.flows) lines.push(`flow ${flow.name}`);
      for (const coordination of declaration.coordinations) lines.push(`coordination ${coordination.name}`);
      return [fence(block(`application${declaration.name ? ` ${declaration.name}` : ''}`, lines)), `The application layer of context \`${declaration.contextName}\``];
    }
    case 'flow':
      return [fence(block(`flow ${declaration.name}`, present(declaration.steps).map((step) => stepHead(step) + (step.transition ? ` ${transitionWords(step.transition)}` : '')))), `${declaration.steps.length} steps`];
    case 'coordination':
      return [fence(block(`coordination ${declaration.name}`, present(declaration.steps).map((step) => step.text))), `${declaration.steps.length} operations, in order`];
    default:
      return undefined;
  }
}
