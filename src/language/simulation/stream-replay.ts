/**
 * `ddd replay`: an event stream replayed on its aggregate, as plain data. The
 * replay itself is event-sourcing/replay.ts; this adds the lookup by name and a
 * derivation per number field, the way the seed writes it:
 * `balance: 0 + 1000 − 300 − 200 = 500`.
 */
import type { TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import type { EventStream } from '../model/elements';
import { formatValue, replayStream, type StateChange, type StateValue } from '../event-sourcing/replay';

export interface StreamReplay {
  stream: string;
  context: string;
  aggregate?: string;
  fields: { name: string; type: string }[];
  initial: Record<string, StateValue>;
  steps: {
    index: number;
    /** The entry as written: `Deposited(amount: 1000)`. */
    entry: string;
    event: string;
    arguments: Record<string, StateValue>;
    changes: StateChange[];
    state: Record<string, StateValue>;
  }[];
  final: Record<string, StateValue>;
  /** Per number field that events change: `0 + 1000 − 300 − 200 = 500`. */
  derivations: { field: string; text: string }[];
  expectations: { field: string; expected: StateValue | undefined; actual: StateValue | undefined; holds: boolean }[];
  problems: { code: string; severity: 'error' | 'warning'; message: string; uri: string; range: TextRange }[];
  /** Every expectation holds and the replay had no error. */
  ok: boolean;
}

/** Every stream of the model, context by context. */
export function streamsOf(model: DddModel): EventStream[] {
  return [...model.contexts.values()].flatMap((context) => context.streams);
}

/** The streams named `name` (or `Context.name`). */
export function findStreams(model: DddModel, name: string): EventStream[] {
  const dot = name.lastIndexOf('.');
  const context = dot < 0 ? undefined : name.slice(0, dot);
  const simple = dot < 0 ? name : name.slice(dot + 1);
  return streamsOf(model).filter((stream) => stream.name === simple && (context === undefined || stream.contextName === context));
}

function number(value: number): string {
  return String(Number(value.toPrecision(15)));
}

export function replayOf(stream: EventStream): StreamReplay {
  const result = replayStream(stream);
  const numeric = result.fields.filter((field) => field.type === 'number').map((field) => field.name);
  const derivations: StreamReplay['derivations'] = [];
  for (const field of numeric) {
    let parts = [number(result.initial[field] as number)];
    let touched = false;
    for (const step of result.steps) {
      const assignment = step.event?.applies.find((candidate) => candidate.field.text === field);
      if (!assignment) continue;
      touched = true;
      const before = (result.steps[step.index - 1]?.state ?? result.initial)[field] as number;
      const after = step.state[field] as number;
      if (assignment.operator === '=') parts = [number(after)];
      else if (assignment.operator === '+=') parts.push(after - before >= 0 ? `+ ${number(after - before)}` : `− ${number(before - after)}`);
      else parts.push(before - after >= 0 ? `− ${number(before - after)}` : `+ ${number(after - before)}`);
    }
    if (touched) derivations.push({ field, text: `${parts.join(' ')} = ${number(result.final[field] as number)}` });
  }
  const replay: StreamReplay = {
    stream: stream.name,
    context: stream.contextName,
    fields: result.fields.map((field) => ({ name: field.name, type: field.typeText })),
    initial: { ...result.initial },
    steps: result.steps.map((step) => ({
      index: step.index,
      entry: `${step.entry.event.text}(${step.entry.arguments.map((argument) => `${argument.name.text}: ${formatValue(argument.value)}`).join(', ')})`,
      event: step.event?.name ?? step.entry.event.text,
      arguments: { ...step.arguments },
      changes: step.changes.map((change) => ({ ...change })),
      state: { ...step.state },
    })),
    final: { ...result.final },
    derivations,
    expectations: result.expectations.map((expectation) => ({ field: expectation.field, expected: expectation.expected, actual: expectation.actual, holds: expectation.holds })),
    problems: result.problems.map((problem) => ({ code: problem.code, severity: problem.severity, message: problem.message, uri: problem.uri, range: problem.range })),
    ok: result.expectations.every((expectation) => expectation.holds) && !result.problems.some((problem) => problem.severity === 'error'),
  };
  if (result.aggregate) replay.aggregate = result.aggregate.name;
  return replay;
}
