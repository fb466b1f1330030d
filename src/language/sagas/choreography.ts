/**
 * A choreographed saga as an event flow: who reacts to what, who emits what, and
 * what can happen at all.
 *
 * Each reaction listens to one or more names and, when it fires, emits its success
 * events (`emits`) or, when it fails, its `else` events. A reaction fires at most
 * once per saga instance: `single` and `or` when the first of its names arrives,
 * `and` (a join) when all of them have arrived; a name counts once it is delivered,
 * in the order names were emitted. The saga starts from its triggers: the declared
 * commands that reactions listen to and that no reaction emits.
 *
 * `choreographyOf` is a pure function of the linked saga. Reaction numbers are
 * indexes into `reactions`, 0-based. `runChoreography` plays one saga instance;
 * the flow analysis (choreography-flow.ts) explores every combination of outcomes.
 */
import type { JoinKind, Reference, Saga, SagaReaction } from '../model/elements';
import { analyseFlow, type FlowAnalysis } from './choreography-flow';
import { cyclesOf } from './graph';

export { runChoreography, type DeadJoin, type FlowAnalysis } from './choreography-flow';

export type Outcome = 'success' | 'failure';

export interface ChoreographyReaction {
  index: number;
  /** The reaction as written, for ranges. */
  source: SagaReaction;
  participant?: string;
  /** The names it listens to, as written (`on A or B`). */
  listensTo: string[];
  /** `mixed` (`A or B and C`) is ambiguous; the analysis treats it as `or`. */
  join: JoinKind;
  compensates: boolean;
  idempotent: boolean;
  /** The success outcome. */
  emits: string[];
  /** The `else` (failure) outcome. */
  otherwise: string[];
  /** Has an `else`: each run chooses one of its two outcomes. */
  choice: boolean;
}

export interface Emission {
  reaction: number;
  outcome: Outcome;
}

export interface Choreography {
  saga: Saga;
  reactions: ChoreographyReaction[];
  /** The names that start the saga. */
  triggers: string[];
  /** True when no reaction listens to a declared command, and the first reaction's names stand in as triggers. */
  triggersAssumed: boolean;
  /** Each emitted name, in order of first appearance, with the reactions that emit it and on which outcome. */
  emitters: Map<string, Emission[]>;
  /** Each name listened to, in order of first appearance, with the reactions that listen to it. */
  listeners: Map<string, number[]>;
  /** Names listened to that no reaction emits and that do not start the saga: usually typos. */
  unheard: string[];
  /** Reactions that trigger each other in a loop; each lists reaction indexes in source order. */
  cycles: number[][];
  /** What can ever happen; computed on first use (it plays up to 2^12 saga instances). */
  readonly flow: FlowAnalysis;
}

/** One reaction firing in a run. */
export interface Firing {
  reaction: number;
  outcome: Outcome;
  /** The name whose arrival made it fire. */
  cause: string;
  emitted: string[];
}

/** One saga instance played to its end. */
export interface ChoreographyRun {
  /** The outcome taken by each choice point that fired. */
  choices: Map<number, Outcome>;
  /** Firings in order: each arriving name is handed to its listeners in source order, first come first served. */
  firings: Firing[];
  /** Every name that happened, the triggers first, in order. */
  events: string[];
}

function isDeclaredCommand(reference: Reference): boolean {
  if (reference.target) return reference.target.kind === 'command';
  return !!reference.candidates?.length && reference.candidates.every((candidate) => candidate.kind === 'command');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function choreographyOf(saga: Saga): Choreography {
  const reactions: ChoreographyReaction[] = saga.reactions.map((source, index) => {
    const reaction: ChoreographyReaction = {
      index,
      source,
      listensTo: source.triggers.map((trigger) => trigger.text),
      join: source.join,
      compensates: source.compensates,
      idempotent: source.idempotent,
      emits: source.emits.map((event) => event.text),
      otherwise: source.otherwise.map((event) => event.text),
      choice: source.otherwise.length > 0,
    };
    if (source.participant) reaction.participant = source.participant.text;
    return reaction;
  });

  const emitters = new Map<string, Emission[]>();
  const listeners = new Map<string, number[]>();
  for (const reaction of reactions) {
    for (const name of reaction.emits) push(emitters, name, { reaction: reaction.index, outcome: 'success' });
    for (const name of reaction.otherwise) push(emitters, name, { reaction: reaction.index, outcome: 'failure' });
    for (const name of new Set(reaction.listensTo)) push(listeners, name, reaction.index);
  }

  const silent = [...listeners.keys()].filter((name) => !emitters.has(name));
  const commands = new Set(saga.reactions.flatMap((r) => r.triggers.filter((t) => !emitters.has(t.text) && isDeclaredCommand(t)).map((t) => t.text)));
  let triggers = silent.filter((name) => commands.has(name));
  const triggersAssumed = triggers.length === 0 && reactions.length > 0;
  if (triggersAssumed) triggers = [...new Set(reactions[0]!.listensTo.filter((name) => !emitters.has(name)))];
  const started = new Set(triggers);

  const successors = reactions.map((reaction) => {
    const next = new Set<number>();
    for (const name of [...reaction.emits, ...reaction.otherwise]) for (const listener of listeners.get(name) ?? []) next.add(listener);
    return [...next].sort((a, b) => a - b);
  });
  const cycles = cyclesOf(reactions.length, (node) => successors[node]!).sort((a, b) => a[0]! - b[0]!);

  let flow: FlowAnalysis | undefined;
  const choreography: Choreography = {
    saga,
    reactions,
    triggers,
    triggersAssumed,
    emitters,
    listeners,
    unheard: silent.filter((name) => !started.has(name)),
    cycles,
    get flow() {
      return (flow ??= analyseFlow(choreography));
    },
  };
  return choreography;
}
