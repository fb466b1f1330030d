/**
 * An orchestrated saga compiled once into flat arrays, so that the simulator's
 * hot loop does no lookups and no allocation: every state is a number, every
 * step's success state, failure state and compensation an entry of a typed array.
 */
import type { Saga } from '../model/elements';
import { orchestrationOutlineOf, type OrchestrationOutline } from '../sagas/orchestration';
import type { SimSaga, SimStep } from './types';

export interface CompiledSaga {
  readonly info: SimSaga;
  /** The saga's steps and states: the simulator plays the failure paths, it never needs them listed (quadratic in the steps). */
  readonly orchestration: OrchestrationOutline;
  /** Number of steps. */
  readonly n: number;
  /** The pivot step, -1 when there is none. */
  readonly pivot: number;
  /** State names by number. */
  readonly stateNames: readonly string[];
  readonly start: number;
  readonly completed: number;
  readonly failed: number;
  /** Per step: the state its success reaches. */
  readonly success: Int32Array;
  /** Per step: `fails -> S`, or -1. */
  readonly failure: Int32Array;
  /** Per step: 1 when a failure is retried (after the pivot). */
  readonly retry: Uint8Array;
  /** Per step: 1 when its effect is held until the saga completes or the step is compensated. */
  readonly holds: Uint8Array;
  /** Per step: the state its compensation reaches, or -1 when it has no compensation that can run. */
  readonly compensationState: Int32Array;
  /** Per step: 1 when the participant tolerates a repeated command. */
  readonly idempotent: Uint8Array;
  readonly commands: readonly string[];
  /** Per step: the compensating command, or ''. */
  readonly compensations: readonly string[];
}

const cache = new WeakMap<object, CompiledSaga>();

/** Compiles an orchestrated saga (a linked model saga, or its orchestration or outline); cached per object. */
export function compileSaga(source: Saga | OrchestrationOutline | CompiledSaga): CompiledSaga {
  if ('stateNames' in source) return source;
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = build('kind' in source ? orchestrationOutlineOf(source) : source);
    cache.set(source, compiled);
  }
  return compiled;
}

function build(orchestration: OrchestrationOutline): CompiledSaga {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const id = (name: string) => {
    let value = ids.get(name);
    if (value === undefined) {
      value = names.length;
      ids.set(name, value);
      names.push(name);
    }
    return value;
  };
  id(orchestration.start);
  for (const state of orchestration.states) id(state.name);
  const start = id(orchestration.start);
  const completed = id(orchestration.completed);
  const failed = id(orchestration.failed);
  const { steps } = orchestration;
  const n = steps.length;
  const pivot = orchestration.pivot ?? -1;
  const success = new Int32Array(n);
  const failure = new Int32Array(n).fill(-1);
  const retry = new Uint8Array(n);
  const holds = new Uint8Array(n);
  const compensationState = new Int32Array(n).fill(-1);
  const idempotent = new Uint8Array(n);
  const simSteps: SimStep[] = [];
  steps.forEach((step, i) => {
    success[i] = id(step.successState);
    if (step.failureState !== undefined) failure[i] = id(step.failureState);
    retry[i] = pivot >= 0 && i > pivot ? 1 : 0;
    holds[i] = step.compensation?.none ? 0 : 1;
    const compensation = step.compensation;
    if (compensation?.command && compensation.state !== undefined && compensation.runs) compensationState[i] = id(compensation.state);
    idempotent[i] = step.idempotent ? 1 : 0;
    const sim: SimStep = {
      index: i,
      command: step.command,
      role: step.role,
      idempotent: step.idempotent,
      from: step.from,
      successState: step.successState,
      retried: retry[i] === 1,
      holds: holds[i] === 1,
    };
    if (step.participant !== undefined) sim.participant = step.participant;
    if (step.reply !== undefined) sim.reply = step.reply;
    if (compensation) sim.compensation = compensation.none ? 'none' : compensation.command ?? '';
    if (compensationState[i]! >= 0) sim.compensationState = compensation!.state!;
    if (step.failureState !== undefined) sim.failureState = step.failureState;
    simSteps.push(sim);
  });
  const info: SimSaga = {
    name: orchestration.saga.name,
    start: orchestration.start,
    completed: orchestration.completed,
    failed: orchestration.failed,
    steps: simSteps,
    states: [...names],
  };
  if (orchestration.orchestrator !== undefined) info.orchestrator = orchestration.orchestrator;
  if (orchestration.pivot !== undefined) info.pivot = orchestration.pivot;
  return {
    info,
    orchestration,
    n,
    pivot,
    stateNames: names,
    start,
    completed,
    failed,
    success,
    failure,
    retry,
    holds,
    compensationState,
    idempotent,
    commands: steps.map((step) => step.command),
    compensations: steps.map((step) => step.compensation?.command ?? ''),
  };
}

/** `ReserveInventory on Inventory`. */
export function heldLabel(step: SimStep): string {
  return step.participant ? `${step.command} on ${step.participant}` : step.command;
}
