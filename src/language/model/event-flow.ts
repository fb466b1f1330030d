/**
 * The flow of commands and events across the model: where a domain event comes
 * from and where it goes (what an event catalogue lists as its producers and
 * consumers), and who sends a command. Hover shows them, the Markdown export
 * lists the events per bounded context, and the rule `event-without-cause`
 * reports the events with no cause.
 *
 * A cause is a command that emits the event, a reaction that emits it (or emits
 * it when it fails), or the command of a saga step that waits for it as its reply.
 */
import type { Command, DomainEvent, Flow, FlowStep, Reference } from './elements';
import type { DddModel } from './model';

/** One producer or consumer of an event, or one sender of a command. */
export type FlowParty =
  | { kind: 'command'; command: string }
  | { kind: 'step'; saga: string; step: number }
  | { kind: 'compensation'; saga: string; command: string }
  | { kind: 'actor'; actor: string; board: string }
  | { kind: 'reaction'; participant: string; saga: string; failing?: boolean }
  | { kind: 'sagaStep'; saga: string; command: string }
  | { kind: 'stepCommand'; saga: string; command: string }
  | { kind: 'readmodel'; readModel: string }
  | { kind: 'policy'; policy: string; board: string }
  | { kind: 'flow'; flow: string; step: string };

export interface EventFlow {
  /** What makes the event happen: commands that emit it, reactions that emit it (or emit it when they fail), a saga step's command whose reply it is (when that command does not say `emits` itself). */
  causes: FlowParty[];
  /** What acts on it: reactions it triggers, saga steps waiting for it, read models built from it, storming policies. */
  listeners: FlowParty[];
}

/** Every command of the model: a context's own, then its aggregates'. */
function forEachCommand(model: DddModel, visit: (command: Command) => void): void {
  for (const context of model.contexts.values()) {
    for (const command of context.commands) visit(command);
    for (const aggregate of context.aggregates) for (const command of aggregate.commands) visit(command);
  }
}

/** Every step of every flow of the application layers. */
export function forEachFlowStep(model: DddModel, visit: (flow: Flow, step: FlowStep) => void): void {
  for (const context of model.contexts.values()) {
    for (const application of context.applications) for (const flow of application.flows) for (const step of flow.steps) if (step) visit(flow, step);
  }
}

/** What a flow step does, in a few words: `command RegisterVehicle`, `operation checkPapers`, `event PapersOk`. */
export function stepHead(step: FlowStep): string {
  const first = step.starts === 'event' ? step.events[0] : step.starts === 'operation' ? step.operations[0] : step.commands[0];
  return `${step.starts} ${first?.text ?? '?'}`;
}

function names(references: readonly Reference[], event: DomainEvent): boolean {
  for (const reference of references) if (reference.target === event) return true;
  return false;
}

export function eventFlowOf(model: DddModel, event: DomainEvent): EventFlow {
  const causes: FlowParty[] = [];
  const listeners: FlowParty[] = [];
  forEachCommand(model, (command) => {
    if (names(command.emits, event)) causes.push({ kind: 'command', command: command.name });
  });
  for (const context of model.contexts.values()) {
    for (const readModel of context.readModels) if (names(readModel.sources, event)) listeners.push({ kind: 'readmodel', readModel: readModel.name });
  }
  for (const saga of model.sagas) {
    for (const step of saga.steps) {
      if (step.reply?.target !== event) continue;
      const command = step.command?.text ?? '?';
      listeners.push({ kind: 'sagaStep', saga: saga.name, command });
      const declared = step.command?.target;
      if (!(declared?.kind === 'command' && names(declared.emits, event))) causes.push({ kind: 'stepCommand', saga: saga.name, command });
    }
    for (const reaction of saga.reactions) {
      const participant = reaction.participant?.text ?? '?';
      if (names(reaction.emits, event)) causes.push({ kind: 'reaction', participant, saga: saga.name });
      if (names(reaction.otherwise, event)) causes.push({ kind: 'reaction', participant, saga: saga.name, failing: true });
      if (names(reaction.triggers, event)) listeners.push({ kind: 'reaction', participant, saga: saga.name });
    }
  }
  for (const board of model.boards) {
    for (const sticky of board.stickies) {
      if (sticky.type === 'policy' && names(sticky.when, event)) listeners.push({ kind: 'policy', policy: sticky.text, board: board.name });
    }
  }
  forEachFlowStep(model, (flow, step) => {
    if (names(step.emits, event)) causes.push({ kind: 'flow', flow: flow.name, step: stepHead(step) });
    if (names(step.events, event)) listeners.push({ kind: 'flow', flow: flow.name, step: stepHead(step) });
  });
  return { causes, listeners };
}

/** A producer or consumer in words; `name` dresses the names (a code span in hover, escaped Markdown in a document). */
export function partyWords(party: FlowParty, name: (text: string) => string): string {
  switch (party.kind) {
    case 'command':
      return `command ${name(party.command)}`;
    case 'reaction':
      return `${name(party.participant)} in saga ${name(party.saga)}${party.failing ? ' when it fails' : ''}`;
    case 'sagaStep':
      return `saga ${name(party.saga)} after ${name(party.command)}`;
    case 'step':
      return `saga ${name(party.saga)}, step ${party.step}`;
    case 'compensation':
      return `saga ${name(party.saga)}, undoing ${name(party.command)}`;
    case 'actor':
      return `${name(party.actor)} on board ${name(party.board)}`;
    case 'stepCommand':
      return `${name(party.command)}, as its reply in saga ${name(party.saga)}`;
    case 'readmodel':
      return `read model ${name(party.readModel)}`;
    case 'policy':
      return `policy ${name(party.policy)} on board ${name(party.board)}`;
    case 'flow':
      return `${name(party.step)} in flow ${name(party.flow)}`;
  }
}

/**
 * Who sends a command, the other half of the flow: saga steps (and the compensations that undo
 * them), storming policies (`when … then` it), and actors on storming boards.
 */
export function commandSendersOf(model: DddModel, command: Command): FlowParty[] {
  const senders: FlowParty[] = [];
  for (const saga of model.sagas) {
    for (const [index, step] of saga.steps.entries()) {
      if (step.command?.target === command) senders.push({ kind: 'step', saga: saga.name, step: index + 1 });
      if (step.compensation?.command?.target === command) senders.push({ kind: 'compensation', saga: saga.name, command: step.command?.text ?? '?' });
    }
  }
  for (const board of model.boards) {
    for (const sticky of board.stickies) {
      if (sticky.type === 'policy' && sticky.then.some((reference) => reference.target === command)) senders.push({ kind: 'policy', policy: sticky.text, board: board.name });
      if (sticky.type === 'command' && sticky.ref?.target === command && sticky.by) senders.push({ kind: 'actor', actor: sticky.by.text, board: board.name });
    }
  }
  forEachFlowStep(model, (flow, step) => {
    if (step.commands.some((reference) => reference.target === command)) senders.push({ kind: 'flow', flow: flow.name, step: stepHead(step) });
  });
  return senders;
}

/** Every event with a cause (as `eventFlowOf` counts causes), in one walk: for checking them all. */
export function causedEvents(model: DddModel): Set<DomainEvent> {
  const caused = new Set<DomainEvent>();
  const addAll = (references: readonly Reference[]) => {
    for (const reference of references) if (reference.target?.kind === 'event') caused.add(reference.target);
  };
  forEachCommand(model, (command) => addAll(command.emits));
  forEachFlowStep(model, (_flow, step) => addAll(step.emits));
  for (const saga of model.sagas) {
    for (const step of saga.steps) if (step.reply?.target?.kind === 'event') caused.add(step.reply.target);
    for (const reaction of saga.reactions) {
      addAll(reaction.emits);
      addAll(reaction.otherwise);
    }
  }
  return caused;
}
