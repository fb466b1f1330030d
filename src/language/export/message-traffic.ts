/**
 * Who publishes and who hears each domain event, and who sends and who receives
 * each command, per bounded context: what AsyncAPI calls send and receive
 * operations and EventCatalog calls a service's sends and receives. One walk of
 * the model, with the meaning of `model/event-flow.ts` (the causes and listeners
 * hover shows), seen from the contexts:
 *
 * - a context publishes the events it declares (an abstract one is only a base that
 *   others extend: no message of its own, nor is an abstract command), the events its commands emit,
 *   the events its saga reactions emit (or emit when they fail) and the replies
 *   of the saga steps it is the participant of;
 * - it hears the events its reactions are triggered by, the replies its
 *   orchestrated sagas wait for, the sources of its read models, and the events
 *   a storming policy turns into one of its commands;
 * - an orchestrator sends each step's command (and compensation) to the step's
 *   participant, which receives it; a policy's command is received by the
 *   command's context; a reaction triggered by a command receives that command.
 */
import type { BoundedContext, Command, DomainEvent, Reference } from '../model/elements';
import type { FlowParty } from '../model/event-flow';
import type { DddModel } from '../model/model';
import { simpleName } from '../model/qualified-names';

export type MessageKind = 'event' | 'command';

/** One event or command, by simple name, with its declaration when it has one. */
export interface MessageFacts {
  name: string;
  kind: MessageKind;
  declaration?: DomainEvent | Command;
  /** Contexts that publish the event (send the command), in the order found. */
  producers: string[];
  /** Contexts that hear the event (receive the command). */
  consumers: string[];
}

/** One message as one context uses it, and why (in the words of event-flow.ts). */
export interface MessageUse {
  message: MessageFacts;
  /** The parties of the model that make this context use it; empty when the context only declares it. */
  parties: FlowParty[];
  /** For a command sent: the contexts it goes to. */
  to: string[];
  /** For a saga step's command: the events it is answered with (`reply`). */
  replies: string[];
}

export interface ContextTraffic {
  context: BoundedContext;
  publishes: Map<string, MessageUse>;
  consumes: Map<string, MessageUse>;
  sends: Map<string, MessageUse>;
  receives: Map<string, MessageUse>;
}

export interface ModelTraffic {
  contexts: Map<string, ContextTraffic>;
  events: Map<string, MessageFacts>;
  commands: Map<string, MessageFacts>;
}

function addOnce(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

/** Every event and command of the model, and who uses them, in one walk. */
export function modelTraffic(model: DddModel): ModelTraffic {
  const traffic: ModelTraffic = { contexts: new Map(), events: new Map(), commands: new Map() };
  for (const context of model.contexts.values()) {
    traffic.contexts.set(context.name, { context, publishes: new Map(), consumes: new Map(), sends: new Map(), receives: new Map() });
  }

  const facts = (kind: MessageKind, name: string, declaration?: DomainEvent | Command): MessageFacts => {
    const table = kind === 'event' ? traffic.events : traffic.commands;
    let found = table.get(name);
    if (!found) {
      found = { name, kind, producers: [], consumers: [], ...(declaration ? { declaration } : {}) };
      table.set(name, found);
    } else if (!found.declaration && declaration) found.declaration = declaration;
    return found;
  };
  const ofReference = (reference: Reference, fallback: MessageKind): MessageFacts => {
    const target = reference.target;
    if (target?.kind === 'event' || target?.kind === 'command') return facts(target.kind, target.name, target);
    return facts(fallback, simpleName(reference.text));
  };
  const use = (contextName: string | undefined, direction: 'publishes' | 'consumes' | 'sends' | 'receives', message: MessageFacts, party?: FlowParty, to?: string, reply?: string) => {
    const context = contextName === undefined ? undefined : traffic.contexts.get(contextName);
    if (!context) return;
    const table = context[direction];
    let entry = table.get(message.name);
    if (!entry) {
      entry = { message, parties: [], to: [], replies: [] };
      table.set(message.name, entry);
    }
    if (party) entry.parties.push(party);
    if (to !== undefined) addOnce(entry.to, to);
    if (reply !== undefined) addOnce(entry.replies, reply);
    addOnce(direction === 'publishes' || direction === 'sends' ? message.producers : message.consumers, context.context.name);
  };
  const contextOf = (reference: Reference | undefined): string | undefined => {
    if (!reference) return undefined;
    const target = reference.target;
    if (target?.kind === 'context') return target.name;
    return traffic.contexts.has(reference.text) ? reference.text : undefined;
  };

  // what each context declares, and what its commands emit
  for (const context of model.contexts.values()) {
    const events = [...context.events, ...context.aggregates.flatMap((aggregate) => aggregate.events)];
    const commands = [...context.commands, ...context.aggregates.flatMap((aggregate) => aggregate.commands)];
    for (const event of events) if (!event.abstract) use(context.name, 'publishes', facts('event', event.name, event));
    for (const command of commands) {
      if (command.abstract) continue;
      facts('command', command.name, command);
      for (const emitted of command.emits) use(context.name, 'publishes', ofReference(emitted, 'event'), { kind: 'command', command: command.name });
    }
    for (const readModel of context.readModels) {
      for (const source of readModel.sources) use(context.name, 'consumes', ofReference(source, 'event'), { kind: 'readmodel', readModel: readModel.name });
    }
  }

  for (const saga of model.sagas) {
    if (saga.style === 'orchestrated') {
      const orchestrator = contextOf(saga.orchestrator);
      for (const [index, step] of saga.steps.entries()) {
        const participant = contextOf(step.participant);
        const reply = step.reply ? ofReference(step.reply, 'event').name : undefined;
        if (step.command) {
          const command = ofReference(step.command, 'command');
          use(orchestrator, 'sends', command, { kind: 'step', saga: saga.name, step: index + 1 }, participant, reply);
          use(participant, 'receives', command, { kind: 'step', saga: saga.name, step: index + 1 }, undefined, reply);
        }
        const compensating = step.compensation?.command;
        if (compensating) {
          const command = ofReference(compensating, 'command');
          const party: FlowParty = { kind: 'compensation', saga: saga.name, command: step.command?.text ?? '?' };
          use(orchestrator, 'sends', command, party, participant);
          use(participant, 'receives', command, party);
        }
        if (step.reply) {
          const reply = ofReference(step.reply, 'event');
          const command = step.command?.text ?? '?';
          use(participant, 'publishes', reply, { kind: 'stepCommand', saga: saga.name, command });
          use(orchestrator, 'consumes', reply, { kind: 'sagaStep', saga: saga.name, command });
        }
      }
    }
    for (const reaction of saga.reactions) {
      const participant = contextOf(reaction.participant);
      const party: FlowParty = { kind: 'reaction', participant: reaction.participant?.text ?? '?', saga: saga.name };
      for (const trigger of reaction.triggers) {
        const message = ofReference(trigger, 'event');
        use(participant, message.kind === 'command' ? 'receives' : 'consumes', message, party);
      }
      for (const emitted of reaction.emits) use(participant, 'publishes', ofReference(emitted, 'event'), party);
      for (const emitted of reaction.otherwise) use(participant, 'publishes', ofReference(emitted, 'event'), { ...party, failing: true });
    }
  }

  for (const board of model.boards) {
    for (const sticky of board.stickies) {
      if (sticky.type !== 'policy') continue;
      const party: FlowParty = { kind: 'policy', policy: sticky.text, board: board.name };
      for (const then of sticky.then) {
        const target = then.target;
        if (target?.kind !== 'command') continue;
        use(target.contextName, 'receives', ofReference(then, 'command'), party);
        for (const when of sticky.when) if (when.target?.kind === 'event') use(target.contextName, 'consumes', ofReference(when, 'event'), party);
      }
    }
  }
  return traffic;
}
