/**
 * Event flow across the model: every domain event has a cause that the model
 * shows, as on an event storming wall, where each orange sticky follows the blue
 * command that made it happen.
 */
import type { DomainEvent } from '../../model/elements';
import { causedEvents } from '../../model/event-flow';
import type { Accept, Rule, RuleSet } from '../rule';

export const eventWithoutCause: Rule = {
  code: 'event-without-cause',
  severity: 'hint',
  title: 'A domain event that nothing in the model makes happen',
  explanation:
    'In event storming every domain event has a cause: a command that emits it (`command ShipParcel emits ParcelShipped`), ' +
    'a saga step whose command replies with it (`reply ParcelShipped`), or a choreography reaction that emits it. ' +
    'An event with none is either published by a system the model does not show, or waits for the command that makes it happen, ' +
    'often a part of the process the team has yet to discover. Add `emits` to that command, or declare the event in the context of the ' +
    'external system that publishes it. Events of external systems and abstract events (only extended) are exempt.',
  example: 'context Shipping {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    command ShipParcel\n    event ParcelShipped   // nothing emits it\n  }\n}',
};

function checkEvents(events: readonly DomainEvent[], caused: Set<DomainEvent>, accept: Accept): void {
  for (const event of events) {
    if (!event.name || event.abstract || caused.has(event)) continue;
    accept(eventWithoutCause, {
      uri: event.uri,
      range: event.nameRange,
      message: `Nothing emits ${event.name}: name the command that makes it happen (\`emits ${event.name}\`), or the saga step that waits for it (\`reply ${event.name}\`).`,
      data: { event: event.name },
    });
  }
}

export const eventFlowRules: RuleSet = {
  concern: 'event flow',
  summary: 'Every domain event has a cause in the model: a command that emits it, a saga step that waits for it, or a reaction that emits it.',
  rules: [eventWithoutCause],
  check(model, accept) {
    const caused = causedEvents(model);
    for (const context of model.contexts.values()) {
      if (context.external) continue;
      checkEvents(context.events, caused, accept);
      for (const aggregate of context.aggregates) checkEvents(aggregate.events, caused, accept);
    }
  },
};
