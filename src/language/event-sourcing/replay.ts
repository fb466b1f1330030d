/**
 * Replaying an event stream: an event-sourced aggregate's state is not stored
 * but rebuilt by applying its events, in order, to an empty state.
 *
 * `replayStream` starts the root entity's fields at their empty values (0, "",
 * false), applies each stream event's `applies` assignments (`=`, `+=`, `-=`
 * over numbers, strings, the event's arguments and the state's fields; `+ - *`
 * left to right) and checks the stream's `expect`ations against the final state.
 * It is pure: the validation rules and the `ddd replay` simulator share it.
 */

import { simpleName } from '../model/qualified-names';
import type {
  Aggregate,
  Assignment,
  DomainEvent,
  Entity,
  EventStream,
  Expectation,
  Expression,
  Field,
  LiteralValue,
  StreamEvent,
  TextRange,
  TypeReference,
} from '../model/elements';
import { boundedList } from '../util/bounded-list';
import { closestName, didYouMean } from '../util/similar-names';

/** A value of the state or of an event argument; `null` for a field whose type replay does not model (lists, value objects, …). */
export type StateValue = number | string | boolean | null;

/** The aggregate's state: the root entity's fields by name. */
export type State = Readonly<Record<string, StateValue>>;

/** How replay treats a declared type: `Int`/`Decimal`/… are numbers, `Boolean` a boolean, strings, ids, dates and enums strings. */
export type ValueType = 'number' | 'string' | 'boolean' | 'other';

/** A field of the root entity, as replay tracks it. */
export interface StateField {
  name: string;
  type: ValueType;
  /** The declared type, as written (`Decimal`). */
  typeText: string;
  declaration: Field;
}

export type ReplayProblemCode =
  | 'no-aggregate' // the stream's `of` names no aggregate
  | 'no-root' // the aggregate has no root entity, so there is no state to rebuild
  | 'unresolved-event' // an entry names no known event (the reference check reports it)
  | 'foreign-event' // an entry names an event of another aggregate, or a context-level event
  | 'unknown-argument' // an argument that is not a field of the event
  | 'duplicate-argument' // an argument given twice
  | 'missing-argument' // a field of the event the entry gives no value (replay uses the empty value)
  | 'argument-type' // an argument whose value does not fit the event field's type
  | 'unknown-field' // an `applies` assignment to a name that is not a field of the root entity
  | 'unknown-name' // a name in an `applies` expression that is neither a field of the event nor of the root
  | 'type-mismatch' // an `applies` expression whose type does not fit its operator or field
  | 'unknown-expectation'; // an `expect` on a name that is not a field of the root entity

export interface ReplayProblem {
  code: ReplayProblemCode;
  severity: 'error' | 'warning';
  message: string;
  uri: string;
  range: TextRange;
  /** Where the problem is written: in the stream, or in an event's `applies`. */
  origin: 'stream' | 'applies';
  /** Facts for a quick fix, e.g. `{ suggestion: 'balance' }`. */
  data?: Record<string, unknown>;
}

/** One field changed by one event. */
export interface StateChange {
  field: string;
  before: StateValue;
  after: StateValue;
}

/** The replay of one stream entry. */
export interface ReplayStep {
  /** 0-based position in the stream. */
  index: number;
  entry: StreamEvent;
  /** The aggregate's event the entry names; `undefined` when it names none (then the state is unchanged). */
  event?: DomainEvent;
  /** The entry's arguments by event field, missing ones at their empty value. */
  arguments: Record<string, StateValue>;
  changes: StateChange[];
  /** The state after this event. */
  state: State;
}

export interface ExpectationResult {
  expectation: Expectation;
  field: string;
  expected: LiteralValue | undefined;
  /** The replayed value; `undefined` when the root has no such field, `null` when its type is not replayed. */
  actual: StateValue | undefined;
  holds: boolean;
}

export interface ReplayResult {
  stream: EventStream;
  aggregate?: Aggregate;
  root?: Entity;
  fields: StateField[];
  /** Every field at its empty value. */
  initial: State;
  steps: ReplayStep[];
  /** The state after the last event (the initial state for an empty stream). */
  final: State;
  expectations: ExpectationResult[];
  /** Everything that kept the replay from being faithful, in source order per origin. */
  problems: ReplayProblem[];
}

const NUMBER_TYPES = new Set(['Int', 'Long', 'Decimal', 'Double', 'Float', 'Number']);
const BOOLEAN_TYPES = new Set(['Boolean', 'Bool']);
const STRING_TYPES = new Set(['String', 'Text', 'UUID', 'Date', 'Time', 'DateTime', 'Instant', 'Duration', 'Url', 'Email']);

/** How replay treats a declared type. Identity types (`AccountId`) and enums are strings. */
export function valueTypeOf(type: TypeReference | undefined): ValueType {
  if (!type || type.args.length) return 'other';
  const name = simpleName(type.name.text);
  if (NUMBER_TYPES.has(name)) return 'number';
  if (BOOLEAN_TYPES.has(name)) return 'boolean';
  if (STRING_TYPES.has(name) || /Id$/.test(name) || type.name.target?.kind === 'enum') return 'string';
  return 'other';
}

const EMPTY: Record<ValueType, StateValue> = { number: 0, string: '', boolean: false, other: null };

/** The aggregate a stream replays: `of` may name the aggregate or its root entity. */
export function streamAggregate(stream: EventStream): Aggregate | undefined {
  const target = stream.aggregate?.target;
  if (target?.kind === 'aggregate') return target;
  if (target?.kind === 'entity' && target.root && target.aggregate) return target.aggregate;
  return undefined;
}

export function rootOf(aggregate: Aggregate): Entity | undefined {
  return aggregate.entities.find((entity) => entity.root);
}

export function stateFieldsOf(root: Entity): StateField[] {
  return root.fields.map((field) => ({ name: field.name, type: valueTypeOf(field.type), typeText: field.type?.text ?? '?', declaration: field }));
}

/** `500`, `"EUR"`, `true`: a value as the language writes it. */
export function formatValue(value: StateValue | LiteralValue | undefined): string {
  if (value === undefined || value === null) return '(not replayed)';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function typeOfValue(value: StateValue | undefined): ValueType {
  return value === null || value === undefined ? 'other' : (typeof value as ValueType);
}

const typeWords: Record<ValueType, string> = { number: 'a number', string: 'a string', boolean: 'a boolean', other: 'a value' };

/** The type of `+`, `-` or `*` over two operand types; `undefined` when they do not fit. */
function combine(operator: '+' | '-' | '*', left: ValueType, right: ValueType): ValueType | undefined {
  if (left === 'other' || right === 'other') return left === 'boolean' || right === 'boolean' ? undefined : 'other';
  if (left === 'number' && right === 'number') return 'number';
  if (operator === '+' && (left === 'string' || right === 'string') && left !== 'boolean' && right !== 'boolean') return 'string';
  return undefined;
}

/** Whether `operator` can store a value of type `value` in a field of type `field`. */
function assignable(operator: Assignment['operator'], field: ValueType, value: ValueType): boolean {
  if (field === 'other' || value === 'other') return true;
  if (operator === '=') return field === value;
  if (operator === '+=') return combine('+', field, value) === field;
  return field === 'number' && value === 'number';
}

function sourceText(expression: Expression): string {
  switch (expression.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return formatValue(expression.value);
    case 'name':
      return expression.name;
    case 'binary':
      return `${sourceText(expression.left)} ${expression.operator} ${sourceText(expression.right)}`;
  }
}

/**
 * The problems of one event's `applies`, found without replaying it: assignments
 * to names that are not fields of the root, unknown names in expressions, and
 * types that do not fit. Event fields shadow root fields of the same name.
 */
export function checkApplies(event: DomainEvent, root: Entity): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  const state = new Map(stateFieldsOf(root).map((field) => [field.name, field.type]));
  const scope = new Map(state);
  for (const field of event.fields) scope.set(field.name, valueTypeOf(field.type));
  const problem = (code: ReplayProblemCode, range: TextRange, message: string, data?: Record<string, unknown>) =>
    problems.push({ code, severity: 'error', message, uri: event.uri, range, origin: 'applies', ...(data ? { data } : {}) });

  const infer = (expression: Expression): ValueType | undefined => {
    switch (expression.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return expression.kind;
      case 'name': {
        const type = scope.get(expression.name);
        if (type) return type;
        const suggestion = closestName(expression.name, scope.keys());
        problem('unknown-name', expression.range,
          `${expression.name} is neither a field of event ${event.name} nor of root entity ${root.name}: an applies expression can use the event's fields and the state's.${didYouMean(expression.name, scope.keys())}`,
          suggestion ? { suggestion } : undefined);
        return undefined;
      }
      case 'binary': {
        const left = infer(expression.left);
        const right = infer(expression.right);
        if (!left || !right) return undefined;
        const type = combine(expression.operator, left, right);
        if (!type) problem('type-mismatch', expression.range, `\`${sourceText(expression)}\` cannot be computed: ${expression.operator} does not take ${typeWords[left]} and ${typeWords[right]}.`);
        return type;
      }
    }
  };

  for (const assignment of event.applies) {
    const target = state.get(assignment.field.text);
    const type = assignment.expression ? infer(assignment.expression) : undefined;
    if (!target) {
      const suggestion = closestName(assignment.field.text, state.keys());
      problem('unknown-field', assignment.field.range,
        `Event ${event.name} applies to ${assignment.field.text}, which is not a field of root entity ${root.name}: add the field to ${root.name} or fix the name.${didYouMean(assignment.field.text, state.keys())}`,
        suggestion ? { suggestion } : undefined);
      continue;
    }
    if (type && !assignable(assignment.operator, target, type)) {
      problem('type-mismatch', assignment.range,
        `${assignment.field.text} is ${typeWords[target]}, so \`${assignment.field.text} ${assignment.operator} ${sourceText(assignment.expression!)}\` does not fit: the expression gives ${typeWords[type]}.`);
    }
  }
  return problems;
}

function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** The value of an expression, or `undefined` when it cannot be computed (the static check says why). */
function evaluate(expression: Expression, names: (name: string) => StateValue | undefined): StateValue | undefined {
  switch (expression.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return expression.value;
    case 'name':
      return names(expression.name);
    case 'binary': {
      const left = evaluate(expression.left, names);
      const right = evaluate(expression.right, names);
      return operate(expression.operator, left, right);
    }
  }
}

function operate(operator: '+' | '-' | '*', left: StateValue | undefined, right: StateValue | undefined): StateValue | undefined {
  if (typeof left === 'number' && typeof right === 'number') {
    return round(operator === '+' ? left + right : operator === '-' ? left - right : left * right);
  }
  if (operator === '+' && (typeof left === 'string' || typeof right === 'string') && combine('+', typeOfValue(left), typeOfValue(right)) === 'string') {
    return String(left) + String(right);
  }
  return undefined;
}

function sameValue(a: StateValue | LiteralValue | undefined, b: StateValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b && a !== undefined;
}

/** Replays a stream on its aggregate (by default the one its `of` names). */
export function replayStream(stream: EventStream, aggregate: Aggregate | undefined = streamAggregate(stream)): ReplayResult {
  const root = aggregate && rootOf(aggregate);
  const fields = root ? stateFieldsOf(root) : [];
  const initial: Record<string, StateValue> = {};
  for (const field of fields) initial[field.name] = EMPTY[field.type];
  const result: ReplayResult = { stream, fields, initial, steps: [], final: initial, expectations: [], problems: [] };
  if (aggregate) result.aggregate = aggregate;
  if (root) result.root = root;
  const problem = (code: ReplayProblemCode, range: TextRange, message: string, data?: Record<string, unknown>, severity: 'error' | 'warning' = 'error') =>
    result.problems.push({ code, severity, message, uri: stream.uri, range, origin: 'stream', ...(data ? { data } : {}) });

  if (!aggregate) {
    problem('no-aggregate', stream.aggregate?.range ?? stream.nameRange, `Stream ${stream.name} names no aggregate to replay.`);
    return result;
  }
  if (!root) problem('no-root', stream.aggregate?.range ?? stream.nameRange, `Aggregate ${aggregate.name} has no root entity, so replaying ${stream.name} rebuilds no state.`);

  const events = new Map(aggregate.events.map((event) => [event.name, event]));
  const fieldTypes = new Map(fields.map((field) => [field.name, field.type]));
  const checked = new Set<DomainEvent>();
  const broken = new Set<Assignment>();
  let state = initial;

  stream.events.forEach((entry, index) => {
    const event = eventOf(entry, aggregate, events);
    const step: ReplayStep = { index, entry, arguments: {}, changes: [], state };
    result.steps.push(step);
    if (!event) {
      const target = entry.event.target;
      if (target) {
        const where = target.kind === 'event' && target.aggregate ? `aggregate ${target.aggregate.name}` : `context ${'contextName' in target ? target.contextName : '?'}`;
        problem('foreign-event', entry.event.range,
          `${entry.event.text} is not an event of aggregate ${aggregate.name} (it belongs to ${where}): a stream holds only its own aggregate's events.${didYouMean(entry.event.text, events.keys())}`,
          { events: [...events.keys()] });
      } else {
        problem('unresolved-event', entry.event.range, `Unknown event ${entry.event.text} in stream ${stream.name}.`);
      }
      return;
    }
    step.event = event;
    step.arguments = argumentsOf(entry, event, problem);
    if (!root) return;
    if (!checked.has(event)) {
      checked.add(event);
      for (const found of checkApplies(event, root)) {
        result.problems.push(found);
        const assignment = event.applies.find((candidate) => rangeWithin(found.range, candidate.range));
        if (assignment) broken.add(assignment);
      }
    }
    const next: Record<string, StateValue> = { ...state };
    const names = (name: string) => (Object.hasOwn(step.arguments, name) ? step.arguments[name] : Object.hasOwn(next, name) ? next[name] : undefined);
    for (const assignment of event.applies) {
      const name = assignment.field.text;
      if (broken.has(assignment) || !assignment.expression || fieldTypes.get(name) === 'other' || !fieldTypes.has(name)) continue;
      const value = evaluate(assignment.expression, names);
      const before = next[name]!;
      const after = assignment.operator === '=' ? value : operate(assignment.operator === '+=' ? '+' : '-', before, value);
      if (after === undefined || after === null || typeOfValue(after) !== fieldTypes.get(name)) continue;
      next[name] = after;
      if (after !== before) step.changes.push({ field: name, before, after });
    }
    state = step.state = next;
  });

  result.final = state;
  for (const expectation of stream.expectations) {
    const name = expectation.field.text;
    const actual = fieldTypes.has(name) ? state[name] : undefined;
    const holds = sameValue(expectation.value, actual);
    result.expectations.push({ expectation, field: name, expected: expectation.value, actual, holds });
    if (root && !fieldTypes.has(name)) {
      problem('unknown-expectation', expectation.field.range,
        `${name} is not a field of root entity ${root.name}: expect can only check the aggregate's state.${didYouMean(name, fieldTypes.keys())}`);
    }
  }
  return result;
}

function rangeWithin(inner: TextRange, outer: TextRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The aggregate's event a stream entry names: the linked one, or (when the bare name is ambiguous) the aggregate's own. */
function eventOf(entry: StreamEvent, aggregate: Aggregate, events: Map<string, DomainEvent>): DomainEvent | undefined {
  const target = entry.event.target;
  if (target?.kind === 'event' && target.aggregate === aggregate) return target;
  if (!target && entry.event.candidates) return events.get(simpleName(entry.event.text));
  return undefined;
}

type Report = (code: ReplayProblemCode, range: TextRange, message: string, data?: Record<string, unknown>, severity?: 'error' | 'warning') => void;

function argumentsOf(entry: StreamEvent, event: DomainEvent, problem: Report): Record<string, StateValue> {
  const values: Record<string, StateValue> = {};
  const fields = new Map(event.fields.map((field) => [field.name, field]));
  for (const argument of entry.arguments) {
    const name = argument.name.text;
    const field = fields.get(name);
    if (!field) {
      problem('unknown-argument', argument.name.range,
        `${name} is not a field of event ${event.name}${fields.size ? ` (it has ${boundedList(fields.keys())})` : ''}.${didYouMean(name, fields.keys())}`);
      continue;
    }
    if (Object.hasOwn(values, name)) {
      problem('duplicate-argument', argument.name.range, `${name} is given twice in ${event.name}(…); give each field once.`);
      continue;
    }
    const type = valueTypeOf(field.type);
    if (argument.value === undefined) continue;
    if (type !== 'other' && typeof argument.value !== type) {
      problem('argument-type', argument.range,
        `${name} of event ${event.name} is ${typeWords[type]} (${field.type?.text}), but ${formatValue(argument.value)} is ${typeWords[typeOfValue(argument.value)]}.`);
      values[name] = EMPTY[type];
      continue;
    }
    values[name] = type === 'other' ? null : argument.value;
  }
  const missing = event.fields.filter((field) => !Object.hasOwn(values, field.name) && !entry.arguments.some((argument) => argument.name.text === field.name));
  for (const field of missing) values[field.name] = EMPTY[valueTypeOf(field.type)];
  if (missing.length) {
    const names = missing.map((field) => field.name);
    problem('missing-argument', entry.range,
      `${event.name}(…) gives no ${boundedList(names)}: replay uses ${names.length > 1 ? 'their' : 'its'} empty value; give ${boundedList(names.map((n) => `${n}: …`))}.`,
      { missing: names }, 'warning');
  }
  return values;
}
