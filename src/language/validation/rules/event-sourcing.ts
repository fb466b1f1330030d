/**
 * Event sourcing and CQRS: events rebuild state through `applies`, streams replay
 * to what they `expect`, read models project events.
 */
import { checkApplies, formatValue, replayStream, rootOf, streamAggregate, type ReplayProblem } from '../../event-sourcing/replay';
import type { Aggregate, DomainEvent, EventStream } from '../../model/elements';
import { kindWords, qualifiedName } from '../../model/model';
import { boundedList } from '../../util/bounded-list';
import type { Accept, Rule, RuleSet } from '../rule';
import { withArticle } from '../../util/article';

/** A small banking model for the examples: `members` go into an event-sourced Account, `rest` into the context. */
function bank(members: string, rest = '', eventsourced = ' eventsourced'): string {
  const account = `  aggregate Account${eventsourced} {\n    root entity Account { id: AccountId  balance: Decimal }\n${members}\n  }\n`;
  return `context Banking {\n${account}${rest}}`;
}

const deposited = '    event Deposited { amount: Decimal } applies balance += amount';

export const appliesUnknownField: Rule = {
  code: 'applies-unknown-field',
  severity: 'error',
  title: "`applies` changes only the root's fields, using the event's and the root's fields",
  explanation:
    "In an event-sourced aggregate the state is the root entity's fields, rebuilt by applying each event in turn. An `applies` assignment " +
    'can therefore only change a field of the root entity, and its expression can only use the fields of the event and of the root. ' +
    'Fix the name, or add the missing field to the root entity or the event.',
  example: bank('    event Deposited { amount: Decimal } applies balanse += amount   // balance'),
};

export const appliesTypeMismatch: Rule = {
  code: 'applies-type-mismatch',
  severity: 'error',
  title: '`applies` computes a value of the field’s type',
  explanation:
    '`applies` is a small, side-effect-free expression language: `+`, `-` and `*` over numbers, `+` also joins strings. ' +
    'A field of type Decimal cannot take a string, and a string cannot be subtracted. Change the expression or the field’s type.',
  example: bank('    event Renamed { name: String } applies balance = name'),
};

export const appliesOutsideEventSourcing: Rule = {
  code: 'applies-outside-event-sourcing',
  severity: 'warning',
  title: '`applies` belongs to event-sourced aggregates',
  explanation:
    'An aggregate whose state is stored as events rebuilds that state by applying them; `applies` says how. In an aggregate that stores its ' +
    'state directly, `applies` is never used. Mark the aggregate `eventsourced`, or remove the `applies`.',
  example: bank(deposited, '', ''),
};

export const eventWithoutApplies: Rule = {
  code: 'event-without-applies',
  severity: 'info',
  title: 'An event of an event-sourced aggregate that changes no state',
  explanation:
    'In an event-sourced aggregate the events are the only record of what happened; replaying them must rebuild the state. An event without ' +
    '`applies` changes nothing on replay. That is fine for a pure notification; otherwise say which fields it changes.',
  example: bank(`${deposited}\n    event StatementSent { month: String }`),
};

export const streamAggregateRule: Rule = {
  code: 'stream-aggregate',
  severity: 'error',
  title: 'A stream replays an aggregate',
  explanation:
    'An event stream is the history of one aggregate instance: `stream Account123 of Account`. It must name an aggregate (or its root entity), ' +
    'not a value object, an enum or an entity inside an aggregate.',
  example: bank(`${deposited}\n    value Money { amount: Decimal }`, '  stream Wallet of Money { }   // of Account\n'),
};

export const streamNotEventSourced: Rule = {
  code: 'stream-not-eventsourced',
  severity: 'warning',
  title: 'A stream is for an event-sourced aggregate',
  explanation:
    'Only an event-sourced aggregate keeps its history as a stream of events. Mark the aggregate `eventsourced`, or remove the stream.',
  example: 'context Sales {\n  aggregate Order { root entity Order { id: OrderId } }\n  stream Order1 of Order { }\n}',
};

export const streamEvent: Rule = {
  code: 'stream-event',
  severity: 'error',
  title: "A stream holds its aggregate's events",
  explanation:
    "A stream is one aggregate's history, so each entry must be an event that aggregate declares. Use one of its events, or declare the event in the aggregate.",
  example: bank(deposited, '  aggregate Loan {\n    root entity Loan { id: LoanId }\n    event LoanGranted { amount: Decimal }\n  }\n  stream Account123 of Account {\n    LoanGranted(amount: 5)   // an event of Loan\n  }\n'),
};

export const streamArgument: Rule = {
  code: 'stream-argument',
  severity: 'error',
  title: "A stream entry's arguments are the event's fields",
  explanation:
    'Each entry of a stream gives values to the fields of its event: `Deposited(amount: 1000)`. An argument that is not a field of the event, ' +
    'given twice, or of the wrong type (a string for a Decimal) cannot be replayed. Fix the name or the value.',
  example: bank(deposited, '  stream Account123 of Account {\n    Deposited(amount: 1000, note: "gift")   // Deposited has no note\n  }\n'),
};

export const streamMissingArgument: Rule = {
  code: 'stream-missing-argument',
  severity: 'warning',
  title: "A stream entry gives every field of its event",
  explanation:
    'An event records everything that happened; a stream entry that leaves out a field is replayed with the empty value (0, "", false), ' +
    'which is rarely what happened. Give every field a value.',
  example: bank(deposited, '  stream Account123 of Account {\n    Deposited()   // amount: …\n  }\n'),
};

export const streamExpectation: Rule = {
  code: 'stream-expectation',
  severity: 'error',
  title: 'What a stream expects holds after replaying it',
  explanation:
    'Replaying a stream rebuilds the aggregate’s state from an empty one; `expect field = value` checks the result, like a test. ' +
    'When it does not hold, either the events, their `applies`, or the expectation is wrong. An expectation can only name fields of the root entity.',
  example: bank(deposited, '  stream Account123 of Account {\n    Deposited(amount: 1000)\n    expect balance = 900   // replaying gives 1000\n  }\n'),
};

export const readModelSource: Rule = {
  code: 'readmodel-source',
  severity: 'warning',
  title: 'A read model is built from events',
  explanation:
    'In CQRS the read side is a projection of what happened: a read model is updated from domain events, never from commands, which may ' +
    'still be refused. Name the event the command emits instead.',
  example: bank(`${deposited}\n    command Deposit { amount: Decimal } emits Deposited`, '  readmodel Statement from Deposit   // from Deposited\n'),
};

const streamRules: Partial<Record<ReplayProblem['code'], Rule>> = {
  'foreign-event': streamEvent,
  'unknown-argument': streamArgument,
  'duplicate-argument': streamArgument,
  'argument-type': streamArgument,
  'missing-argument': streamMissingArgument,
  'unknown-expectation': streamExpectation,
};

const appliesRules: Partial<Record<ReplayProblem['code'], Rule>> = {
  'unknown-field': appliesUnknownField,
  'unknown-name': appliesUnknownField,
  'type-mismatch': appliesTypeMismatch,
};

function report(accept: Accept, rules: Partial<Record<ReplayProblem['code'], Rule>>, problems: ReplayProblem[]): void {
  for (const problem of problems) {
    const rule = rules[problem.code];
    if (rule) accept(rule, { uri: problem.uri, range: problem.range, message: problem.message, ...(problem.data ? { data: problem.data } : {}) });
  }
}

function checkEvent(event: DomainEvent, aggregate: Aggregate | undefined, accept: Accept): void {
  if (event.applies.length === 0) {
    if (aggregate?.eventSourced) {
      accept(eventWithoutApplies, {
        uri: event.uri,
        range: event.nameRange,
        message: `Event ${event.name} changes no state when ${aggregate.name} is replayed: add \`applies field = …\` if it should.`,
      });
    }
    return;
  }
  if (!aggregate?.eventSourced) {
    accept(appliesOutsideEventSourcing, {
      uri: event.uri,
      range: event.applies[0]!.range,
      message: aggregate
        ? `Event ${event.name} applies state changes, but aggregate ${aggregate.name} is not event-sourced: mark it \`aggregate ${aggregate.name} eventsourced\`, or remove \`applies\`.`
        : `Event ${event.name} applies state changes, but it belongs to no aggregate: move it into an event-sourced aggregate, or remove \`applies\`.`,
      ...(aggregate ? { data: { aggregate: aggregate.name } } : {}),
    });
  }
  const root = aggregate && rootOf(aggregate);
  if (root) report(accept, appliesRules, checkApplies(event, root));
}

function checkStream(stream: EventStream, accept: Accept): void {
  const target = stream.aggregate?.target;
  if (!target) return; // unknown or ambiguous: the reference checks say so
  const aggregate = streamAggregate(stream);
  if (!aggregate) {
    const home = target.kind === 'entity' || target.kind === 'value' || target.kind === 'enum' || target.kind === 'command' || target.kind === 'event' ? target.aggregate : undefined;
    accept(streamAggregateRule, {
      uri: stream.uri,
      range: stream.aggregate!.range,
      message: `Stream ${stream.name} must replay an aggregate, but ${target.name} is ${withArticle(kindWords[target.kind])}${home ? ` of aggregate ${home.name}: use \`of ${home.name}\`` : ''}.`,
      ...(home ? { data: { suggestion: home.name } } : {}),
    });
    return;
  }
  if (!aggregate.eventSourced) {
    accept(streamNotEventSourced, {
      uri: stream.uri,
      range: stream.aggregate!.range,
      message: `Stream ${stream.name} replays ${qualifiedName(aggregate)}, which is not event-sourced: mark it \`aggregate ${aggregate.name} eventsourced\`.`,
      data: { aggregate: aggregate.name },
    });
  }
  const result = replayStream(stream, aggregate);
  report(accept, streamRules, result.problems.filter((problem) => problem.origin === 'stream'));
  for (const outcome of result.expectations) {
    if (outcome.holds || outcome.actual === undefined) continue;
    const expected = `expect ${outcome.field} = ${formatValue(outcome.expected)}`;
    accept(streamExpectation, {
      uri: stream.uri,
      range: outcome.expectation.range,
      message:
        outcome.actual === null
          ? `${expected} cannot be checked: replay does not track fields of type ${result.fields.find((field) => field.name === outcome.field)?.typeText}.`
          : `${expected} does not hold: replaying ${stream.name} gives ${outcome.field} = ${formatValue(outcome.actual)}.`,
      data: { expected: outcome.expected, actual: outcome.actual },
    });
  }
}

export const eventSourcingRules: RuleSet = {
  concern: 'event-sourcing',
  summary: 'Event-sourced aggregates rebuild their state with `applies`; streams replay to what they expect; read models are built from events.',
  rules: [
    appliesUnknownField,
    appliesTypeMismatch,
    appliesOutsideEventSourcing,
    eventWithoutApplies,
    streamAggregateRule,
    streamNotEventSourced,
    streamEvent,
    streamArgument,
    streamMissingArgument,
    streamExpectation,
    readModelSource,
  ],
  check(model, accept) {
    for (const context of model.contexts.values()) {
      for (const event of context.events) checkEvent(event, undefined, accept);
      for (const aggregate of context.aggregates) for (const event of aggregate.events) checkEvent(event, aggregate, accept);
      for (const stream of context.streams) checkStream(stream, accept);
      for (const readModel of context.readModels) {
        for (const source of readModel.sources) {
          if (source.target?.kind !== 'command') continue;
          const emitted = source.target.emits.map((reference) => reference.text);
          accept(readModelSource, {
            uri: source.uri,
            range: source.range,
            message: `Read model ${readModel.name} is built from ${source.text}, a command: a read model projects events, what happened.${emitted.length ? ` Use ${boundedList(emitted, { last: ' or ', separator: ' or ' })}.` : ''}`,
            ...(emitted.length ? { data: { suggestion: emitted[0] } } : {}),
          });
        }
      }
    }
  },
};
