/**
 * Where a domain event comes from and where it goes, across the model: what an
 * event catalogue lists as its producers and consumers. Hover shows it on an
 * event; the Markdown export lists it per bounded context.
 */
import type { DomainEvent, Reference } from './elements';
import type { DddModel } from './model';

/** One producer or consumer of an event. */
export type EventParty =
  | { kind: 'command'; command: string }
  | { kind: 'reaction'; participant: string; saga: string; failing?: boolean }
  | { kind: 'sagaStep'; saga: string; command: string }
  | { kind: 'readmodel'; readModel: string }
  | { kind: 'policy'; policy: string; board: string };

export interface EventFlow {
  /** What makes the event happen: commands that emit it, reactions that emit it (or emit it when they fail). */
  causes: EventParty[];
  /** What acts on it: reactions it triggers, saga steps waiting for it, read models built from it, storming policies. */
  listeners: EventParty[];
}

function names(references: readonly Reference[], event: DomainEvent): boolean {
  for (const reference of references) if (reference.target === event) return true;
  return false;
}

export function eventFlowOf(model: DddModel, event: DomainEvent): EventFlow {
  const causes: EventParty[] = [];
  const listeners: EventParty[] = [];
  for (const context of model.contexts.values()) {
    for (const command of context.commands) if (names(command.emits, event)) causes.push({ kind: 'command', command: command.name });
    for (const aggregate of context.aggregates) {
      for (const command of aggregate.commands) if (names(command.emits, event)) causes.push({ kind: 'command', command: command.name });
    }
    for (const readModel of context.readModels) if (names(readModel.sources, event)) listeners.push({ kind: 'readmodel', readModel: readModel.name });
  }
  for (const saga of model.sagas) {
    for (const step of saga.steps) {
      if (step.reply?.target === event) listeners.push({ kind: 'sagaStep', saga: saga.name, command: step.command?.text ?? '?' });
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
  return { causes, listeners };
}

/** A producer or consumer in words; `name` dresses the names (a code span in hover, escaped Markdown in a document). */
export function partyWords(party: EventParty, name: (text: string) => string): string {
  switch (party.kind) {
    case 'command':
      return `command ${name(party.command)}`;
    case 'reaction':
      return `${name(party.participant)} in saga ${name(party.saga)}${party.failing ? ' when it fails' : ''}`;
    case 'sagaStep':
      return `saga ${name(party.saga)} after ${name(party.command)}`;
    case 'readmodel':
      return `read model ${name(party.readModel)}`;
    case 'policy':
      return `policy ${name(party.policy)} on board ${name(party.board)}`;
  }
}
