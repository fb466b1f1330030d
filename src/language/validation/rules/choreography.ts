/**
 * Choreographed sagas: the event flow holds together. Every name a reaction listens
 * to is emitted by the saga or starts it, joins can fire, failures are compensated,
 * and participants do not trigger each other in loops.
 */
import type { Reference, Saga, SagaReaction, TextRange } from '../../model/elements';
import type { DddModel } from '../../model/model';
import { choreographyOf, type Choreography, type ChoreographyReaction, type DeadJoin } from '../../sagas/choreography';
import { boundedItems, boundedList } from '../../util/bounded-list';
import { declaredNames } from '../../util/declared-names';
import { isTooLargeToAnalyse } from '../../sagas/saga-size';
import { closestName, SimilarNames } from '../../util/similar-names';
import type { Accept, Rule, RuleSet } from '../rule';
import { isWritten } from './saga-names';

export const choreographyUnheardEvent: Rule = {
  code: 'choreography-unheard-event',
  severity: 'error',
  title: 'A reaction listens to a name nothing in the saga emits',
  explanation:
    'In a choreography there is no coordinator: each participant reacts to the events the others publish. A saga starts from a declared command ' +
    '(its trigger); every other name a reaction listens to must be emitted by some reaction of the saga, or the reaction never runs. ' +
    'This is usually a typo: the message suggests the closest emitted name.',
  example: 'saga PlaceOrder choreographed {\n  Sales on CreateOrder emits OrderCreated\n  Inventory on OrderCreatd emits InventoryReserved   // typo\n}',
};

export const choreographyJoinNeverFires: Rule = {
  code: 'choreography-join-never-fires',
  severity: 'warning',
  title: 'An `and`-join whose events never all happen',
  explanation:
    '`on A and B` waits until both A and B have happened in the same saga instance. When A and B are the two outcomes of one reaction ' +
    '(`emits A else B`), or one of them can never happen, the join never fires and everything after it is dead. ' +
    'Use `or` when either event is enough, or join on events that really both happen.',
  example: 'saga Pay choreographed {\n  Sales on PlaceOrder emits OrderPlaced\n  Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed\n  Sales on PaymentSucceeded and PaymentFailed emits OrderClosed   // never fires\n}',
};

export const choreographyMixedJoin: Rule = {
  code: 'choreography-mixed-join',
  severity: 'error',
  title: '`or` and `and` mixed in one trigger',
  explanation:
    '`on A or B and C` can be read as `(A or B) and C` or as `A or (B and C)`. The flow must be unambiguous: split the reaction in two, ' +
    'or use only `or` (any one triggers it) or only `and` (waits for all).',
  example: 'saga Ship choreographed {\n  Sales on PlaceOrder emits OrderPlaced, PaymentProcessed\n  Shipping on OrderPlaced or PaymentProcessed and OrderPlaced emits OrderShipped\n}',
};

export const choreographyCycle: Rule = {
  code: 'choreography-cycle',
  severity: 'warning',
  title: 'Reactions that trigger each other in a loop',
  explanation:
    'Choreography risks cyclic dependencies: when participants react to each other\'s events in a loop, a saga instance can bounce between them ' +
    'forever, and no one sees the whole flow. Break the loop (one of the reactions should end the flow or emit a different event), ' +
    'or move the flow into an orchestrated saga.',
  example: 'saga Loop choreographed {\n  Sales on PlaceOrder emits OrderPlaced\n  Billing on OrderPlaced emits PaymentRequested\n  Sales on PaymentRequested emits OrderPlaced\n}',
};

export const choreographyUnusedEvent: Rule = {
  code: 'choreography-unused-event',
  severity: 'hint',
  title: 'An event no reaction of the saga listens to',
  explanation:
    'An event that no reaction of the saga listens to ends the flow there. That is normal for a final outcome (`OrderConfirmed`); ' +
    'when another participant should follow up, add a reaction that listens to it.',
  example: 'saga PlaceOrder choreographed {\n  Sales on CreateOrder emits OrderCreated\n}',
};

export const choreographyCompensationUnhandled: Rule = {
  code: 'choreography-compensation-unhandled',
  severity: 'warning',
  title: 'A failure outcome that nothing compensates',
  explanation:
    'When a participant fails, the work the others did before it must be undone by compensating reactions that listen to its failure event ' +
    '(`else PaymentFailed`). A failure event no reaction listens to leaves that work in place. Add reactions marked `compensates` that listen to it.',
  example: 'saga PlaceOrder choreographed {\n  Sales on CreateOrder emits OrderCreated\n  Billing on OrderCreated emits PaymentSucceeded else PaymentFailed   // nothing listens to PaymentFailed\n}',
};

export const choreographyNoTrigger: Rule = {
  code: 'choreography-no-trigger',
  severity: 'warning',
  title: 'A choreographed saga that no command starts',
  explanation:
    'A choreographed saga starts when a declared command (its trigger, e.g. `PlaceOrder`) is handled. When no reaction listens to a command ' +
    'declared in the model, nothing starts the saga. Start it from a command, and declare that command in its context.',
  example: 'saga PlaceOrder choreographed {\n  Sales on OrderRequested emits OrderCreated\n}',
};

function rangeOfNames(references: Reference[], fallback: TextRange): TextRange {
  const first = references[0];
  const last = references[references.length - 1];
  return first && last ? { start: first.range.start, end: last.range.end } : fallback;
}

function who(reaction: ChoreographyReaction): string {
  return reaction.participant ?? 'the reaction';
}

function describe(reaction: ChoreographyReaction): string {
  const join = reaction.join === 'and' ? ' and ' : ' or ';
  return `${who(reaction)} on ${boundedList(reaction.listensTo, { separator: join })}`;
}

/** Names of the commands declared in the model, indexed once per model and only when a message needs them. */
function commandNames(model: DddModel): () => SimilarNames {
  return () => declaredNames(model, ['command']);
}

function checkUnheard(saga: Saga, choreography: Choreography, commands: () => SimilarNames, accept: Accept): void {
  if (!choreography.unheard.length) return;
  const unheard = new Set(choreography.unheard);
  const emitted = new SimilarNames(choreography.emitters.keys());
  for (const reaction of saga.reactions) {
    for (const trigger of reaction.triggers) {
      // a name error recovery stood in for is the syntax error's
      if (!unheard.has(trigger.text) || !isWritten(trigger)) continue;
      const suggestion = closestName(trigger.text, emitted) ?? closestName(trigger.text, commands());
      const declared = trigger.target ? ` ${trigger.text} is declared, but no reaction of ${saga.name} emits it.` : '';
      accept(choreographyUnheardEvent, {
        uri: reaction.uri,
        range: trigger.range,
        message:
          `Nothing in ${saga.name} emits ${trigger.text}, and it is not a declared command that starts the saga, so this reaction never runs.${declared}` +
          (suggestion ? ` Did you mean ${suggestion}?` : ' Emit it from a reaction of the saga, or listen to an event the saga emits.'),
        data: { name: trigger.text, ...(suggestion ? { suggestion } : {}) },
      });
    }
  }
}

function joinMessage(choreography: Choreography, dead: DeadJoin): string {
  const reaction = choreography.reactions[dead.reaction]!;
  const waits = `${who(reaction)} waits for ${boundedList(reaction.listensTo, { separator: ' and ' })}`;
  switch (dead.reason) {
    case 'exclusive': {
      const choice = choreography.reactions[dead.choice!]!;
      return `${waits}, but ${boundedList(dead.events, { separator: ' and ' })} are the two alternative outcomes of ${describe(choice)} (\`emits … else …\`): only one of them ever happens, so this join never fires. Use \`or\` if either is enough.`;
    }
    case 'never-happens':
      return `${waits}, but ${boundedList(dead.events, { separator: ' and ' })} never ${dead.events.length === 1 ? 'happens' : 'happen'} in ${choreography.saga.name} (only reactions that never run emit ${dead.events.length === 1 ? 'it' : 'them'}), so this join never fires.`;
    case 'never-together':
      return `${waits}, but ${boundedList(dead.events, { separator: ' and ' })} never happen in the same saga instance, so this join never fires. Use \`or\`, or join on events that both happen.`;
  }
}

function checkJoins(choreography: Choreography, accept: Accept): void {
  const unheard = new Set(choreography.unheard);
  for (const dead of choreography.flow.deadJoins) {
    // a join blocked only by names nothing emits is already reported as an unheard name
    if (dead.reason === 'never-happens' && dead.events.every((name) => unheard.has(name))) continue;
    const source = choreography.reactions[dead.reaction]!.source;
    accept(choreographyJoinNeverFires, {
      uri: source.uri,
      range: rangeOfNames(source.triggers, source.range),
      message: joinMessage(choreography, dead),
      data: { reason: dead.reason, events: dead.events, ...(dead.choice !== undefined ? { choice: dead.choice } : {}) },
    });
  }
}

function checkMixed(reaction: SagaReaction, accept: Accept): void {
  if (reaction.join !== 'mixed') return;
  accept(choreographyMixedJoin, {
    uri: reaction.uri,
    range: rangeOfNames(reaction.triggers, reaction.range),
    message: `\`or\` and \`and\` are mixed in one trigger (${boundedList(reaction.triggers.map((t) => t.text), { repeats: true })}): it is ambiguous which events are awaited together. Split the reaction in two, or use only \`or\` or only \`and\`.`,
    data: { triggers: reaction.triggers.map((t) => t.text) },
  });
}

function checkCycles(choreography: Choreography, accept: Accept): void {
  for (const cycle of choreography.cycles) {
    const members = cycle.map((index) => choreography.reactions[index]!);
    const inCycle = new Set(cycle);
    const events = [...new Set(members.flatMap((r) => [...r.emits, ...r.otherwise]).filter((name) => (choreography.listeners.get(name) ?? []).some((l) => inCycle.has(l))))];
    const first = members[0]!;
    const loop =
      members.length === 1
        ? `${describe(first)} emits ${boundedList(events)}, which triggers it again`
        : `${boundedList(members.map(describe))} trigger each other in a loop (through ${boundedList(events)})`;
    accept(choreographyCycle, {
      uri: first.source.uri,
      range: rangeOfNames(first.source.triggers, first.source.range),
      message: `${loop}: a saga instance could bounce between them forever. Break the loop, or end the flow with a different event.`,
      related: boundedItems(members.slice(1)).map((r) => ({ uri: r.source.uri, range: r.source.range, message: describe(r) })),
      data: { reactions: cycle, events },
    });
  }
}

function checkOutcomes(choreography: Choreography, accept: Accept): void {
  const listened = (name: string) => choreography.listeners.has(name);
  const triggers = new Set(choreography.triggers);
  for (const reaction of choreography.reactions) {
    const { source } = reaction;
    if (!reaction.compensates) {
      for (const event of new Set(source.emits)) {
        if (listened(event.text) || !isWritten(event)) continue;
        accept(choreographyUnusedEvent, {
          uri: source.uri,
          range: event.range,
          message: `Nothing in ${choreography.saga.name} reacts to ${event.text}: the flow ends there. That is normal for a final outcome; if another participant should follow up, add a reaction \`… on ${event.text}\`.`,
          data: { event: event.text },
        });
      }
    }
    // the first reaction of the saga, and a failing compensation, leave nothing to undo
    const first = reaction.listensTo.every((name) => triggers.has(name));
    if (first || reaction.compensates) continue;
    for (const event of source.otherwise) {
      if (listened(event.text) || !isWritten(event)) continue;
      accept(choreographyCompensationUnhandled, {
        uri: source.uri,
        range: event.range,
        message: `Nothing reacts to ${event.text}: when ${who(reaction)} fails, the work done before it in ${choreography.saga.name} is never undone. Add a compensating reaction, e.g. \`Participant on ${event.text} compensates emits …\`.`,
        data: { event: event.text, participant: reaction.participant },
      });
    }
  }
}

function checkTrigger(saga: Saga, choreography: Choreography, commands: () => SimilarNames, accept: Accept): void {
  if (!choreography.triggersAssumed) return;
  const reaction = saga.reactions[0]!;
  const trigger = reaction.triggers.find(isWritten);
  const name = trigger?.text;
  const suggestion = name === undefined ? undefined : closestName(name, commands());
  const event = trigger?.target?.kind === 'event' ? ` ${name} is an event; a saga starts from a command.` : '';
  accept(choreographyNoTrigger, {
    uri: reaction.uri,
    range: trigger?.range ?? reaction.range,
    message:
      `No reaction of ${saga.name} listens to a declared command, so nothing starts the saga.${event}` +
      (suggestion ? ` Did you mean ${suggestion}?` : ` Start it from a command declared in its context, e.g. \`${reaction.participant?.text ?? 'Sales'} on PlaceOrder emits OrderPlaced\`.`),
    data: { ...(name !== undefined ? { name } : {}), ...(suggestion ? { suggestion } : {}) },
  });
}

export const choreographyRules: RuleSet = {
  concern: 'choreography',
  summary:
    'Choreographed sagas: every name a reaction listens to is emitted or starts the saga, joins can fire, failures are compensated, and reactions do not loop.',
  rules: [
    choreographyUnheardEvent,
    choreographyJoinNeverFires,
    choreographyMixedJoin,
    choreographyCycle,
    choreographyUnusedEvent,
    choreographyCompensationUnhandled,
    choreographyNoTrigger,
  ],
  check(model, accept) {
    const commands = commandNames(model);
    for (const saga of model.sagas) {
      // too large to analyse: the saga rules say so (saga-too-large)
      if (saga.style !== 'choreographed' || !saga.reactions.length || isTooLargeToAnalyse(saga)) continue;
      const choreography = choreographyOf(saga);
      checkTrigger(saga, choreography, commands, accept);
      checkUnheard(saga, choreography, commands, accept);
      saga.reactions.forEach((reaction) => checkMixed(reaction, accept));
      checkJoins(choreography, accept);
      checkCycles(choreography, accept);
      checkOutcomes(choreography, accept);
    }
  },
};
