/**
 * An orchestrated saga as the state machine its orchestrator runs.
 *
 * The orchestrator sends each step's command in turn and persists its state after
 * every step, so it can resume after a crash. When a step fails before the pivot,
 * the compensations of the steps already done run in reverse order and the saga
 * ends in its terminal failure state; a step after the pivot is retried until it
 * succeeds. `orchestrationOf` is a pure function of the (linked) saga: the
 * state-machine diagram, the saga simulator and the validation rules all read it.
 *
 * Step numbers (`step`, `failedStep`, `pivot`, …) are indexes into `steps`, 0-based.
 */
import type { Saga, SagaStep, TextRange } from '../model/elements';
import { defaultStates, derivedCompensationState, derivedSuccessState, StateNamer } from './state-names';

/**
 * What a step is for the saga's failure handling:
 * - `compensatable`: has `compensate X`: undone by X when a later step fails;
 * - `read-only`: has `compensate none`: changed nothing, nothing to undo;
 * - `pivot`: the go/no-go step: no compensation, and every step after it is retried;
 * - `retriable`: after the pivot: retried until it succeeds, never compensated;
 * - `irreversible`: before the pivot without any `compensate` clause: its effect
 *   stays when a later step fails (a design flaw the rules report).
 */
export type StepRole = 'compensatable' | 'read-only' | 'pivot' | 'retriable' | 'irreversible';

export interface StepCompensation {
  /** `compensate none`: the step changed nothing. */
  none: boolean;
  /** The compensating command (absent for `none`). */
  command?: string;
  /** The state reached once it ran: `-> S`, else derived; the terminal failure state for the compensation that ends every failure path. */
  state?: string;
  stateExplicit: boolean;
  /** False for a compensation on the last step: nothing after it can fail, so it never runs. */
  runs: boolean;
}

export type TransitionTrigger = 'success' | 'failure' | 'compensation' | 'retry';

export interface OrchestrationTransition {
  from: string;
  to: string;
  /** `success` and `failure`: of the step's command; `compensation`: a compensating command ran; `retry`: the step is sent again. */
  trigger: TransitionTrigger;
  /** The command sent. Absent only on the `compensation` edge from a failure state when nothing is left to undo. */
  command?: string;
  /** The step the command belongs to (for a compensation, the step being undone). */
  step: number;
  /** For the first edge of a failure path that has no `fails -> S`: the step that failed. */
  failedStep?: number;
}

export interface CompensationRun {
  /** The step being undone. */
  step: number;
  command: string;
  from: string;
  to: string;
}

/** Exactly what happens when one step fails. */
export interface FailurePath {
  step: number;
  /** `compensate`: undo the steps done so far and end in the terminal failure state; `retry`: after the pivot, send again until it succeeds. */
  mode: 'compensate' | 'retry';
  /** The state the orchestrator was in when it sent the failing command. */
  from: string;
  /** `fails -> S`, when given. */
  failureState?: string;
  /** The compensations that run, in the order they run (reverse step order). */
  compensations: CompensationRun[];
  /** Earlier steps that changed something but have no `compensate` clause: their effect stays. */
  notUndone: number[];
  /** Every state passed, `from` first, `end` last. */
  states: string[];
  /** The terminal failure state (`compensate`), or the step's success state once a retry succeeds (`retry`). */
  end: string;
  transitions: OrchestrationTransition[];
}

export interface OrchestrationStep {
  index: number;
  /** The step as written, for ranges. */
  source: SagaStep;
  command: string;
  participant?: string;
  reply?: string;
  /** Absent when the step has no `compensate` clause. */
  compensation?: StepCompensation;
  idempotent: boolean;
  role: StepRole;
  /** The state the command is sent from: the start, or the previous step's success state. */
  from: string;
  successState: string;
  successStateExplicit: boolean;
  /** `fails -> S`, only when given. */
  failureState?: string;
  onFailure: FailurePath;
}

export type StateRole = 'start' | 'success' | 'failure' | 'compensation' | 'completed' | 'failed';

/** One reason a state name exists. A well-formed saga gives each name exactly one meaning. */
export interface StateMeaning {
  role: StateRole;
  /** The step it belongs to (`success`, `failure`, `compensation`, and `completed`/`failed` when a step names them). */
  step?: number;
  /** Where the name is written; absent for derived and default names. */
  uri?: string;
  range?: TextRange;
}

export interface OrchestrationState {
  name: string;
  meanings: StateMeaning[];
  /** The terminal success or failure state. */
  terminal: boolean;
  /** Reachable from the start (terminal states end a run). */
  reachable: boolean;
}

/** A step without what happens when it fails. */
export type OrchestrationStepOutline = Omit<OrchestrationStep, 'onFailure'>;

/**
 * The saga's steps and states without the failure paths: what the simulator
 * needs, in work linear in the steps. The failure paths are quadratic (each
 * lists the compensation of every step before it: 4.5 million for 3,000 steps).
 */
export interface OrchestrationOutline {
  saga: Saga;
  orchestrator?: string;
  start: string;
  startExplicit: boolean;
  /** Terminal success state: the last step's success state (`COMPLETED` unless named). */
  completed: string;
  /** Terminal failure state: where the compensation that ends every failure path leads (`FAILED` unless named). */
  failed: string;
  steps: OrchestrationStepOutline[];
  /** The pivot step, when there is one. */
  pivot?: number;
  /** Every state, in order of first appearance. */
  states: readonly { name: string }[];
}

export interface Orchestration extends OrchestrationOutline {
  steps: OrchestrationStep[];
  /** The states of the happy path, start to completion. */
  happyPath: string[];
  /** Every state, in order of first appearance. */
  states: OrchestrationState[];
  /** Every edge of the state machine, without repeats. */
  transitions: OrchestrationTransition[];
}

/** A key telling meanings apart: the same role of the same step is one meaning, however often it is named. */
export function meaningKey(meaning: StateMeaning): string {
  return meaning.role === 'success' || meaning.role === 'failure' || meaning.role === 'compensation' ? `${meaning.role}:${meaning.step}` : meaning.role;
}

/** The pivot: the first step with no `compensate` clause that is followed only by steps with no compensating command. */
export function pivotOf(steps: readonly SagaStep[]): number | undefined {
  let lastCompensated = -1;
  steps.forEach((step, index) => {
    if (step.compensation?.command) lastCompensated = index;
  });
  for (let index = lastCompensated + 1; index < steps.length; index++) if (!steps[index]!.compensation) return index;
  return undefined;
}

function roleOf(step: SagaStep, index: number, pivot: number | undefined): StepRole {
  if (step.compensation?.command) return 'compensatable';
  if (step.compensation?.none) return 'read-only';
  if (pivot === undefined || index < pivot) return 'irreversible';
  return index === pivot ? 'pivot' : 'retriable';
}

export function orchestrationOf(saga: Saga): Orchestration {
  const { outline, states } = outlineWithStates(saga);
  const { steps: partial, pivot, failed, start, completed } = outline;
  const steps: OrchestrationStep[] = partial.map((step) => ({ ...step, onFailure: failurePathOf(step, partial, pivot, failed) }));
  const transitions = collectTransitions(steps);
  markReachable(states, transitions, start, [completed, failed]);
  const orchestration: Orchestration = {
    saga,
    start,
    startExplicit: outline.startExplicit,
    completed,
    failed,
    steps,
    happyPath: [start, ...steps.map((step) => step.successState)],
    states,
    transitions,
  };
  if (outline.orchestrator !== undefined) orchestration.orchestrator = outline.orchestrator;
  if (pivot !== undefined) orchestration.pivot = pivot;
  return orchestration;
}

/** The saga's steps and states, without the failure paths (`orchestrationOf` adds them). */
export function orchestrationOutlineOf(saga: Saga): OrchestrationOutline {
  return outlineWithStates(saga).outline;
}

function outlineWithStates(saga: Saga): { outline: OrchestrationOutline; states: OrchestrationState[] } {
  const sources = saga.steps;
  const last = sources.length - 1;
  const pivot = pivotOf(sources);
  // the compensation that ends every failure path: the first one that can run
  const ending = sources.findIndex((step, index) => index < last && step.compensation?.command);
  const start = saga.start?.text ?? defaultStates.start;
  const completed = (last >= 0 ? sources[last]!.successState?.text : undefined) ?? defaultStates.completed;
  const failed = (ending >= 0 ? sources[ending]!.compensation!.state?.text : undefined) ?? defaultStates.failed;

  const explicit = [saga.start, ...sources.flatMap((s) => [s.successState, s.failure?.state, s.compensation?.state])];
  const namer = new StateNamer([start, completed, failed, ...explicit.flatMap((name) => (name ? [name.text] : []))]);

  const partial: PartialStep[] = [];
  sources.forEach((source, index) => {
    const command = source.command?.text ?? '';
    const reply = source.reply?.text;
    const successState = index === last ? completed : source.successState?.text ?? namer.unique(derivedSuccessState(command, reply, index));
    let compensation: StepCompensation | undefined;
    if (source.compensation) {
      const { none, command: compensating, state } = source.compensation;
      compensation = { none, stateExplicit: state !== undefined, runs: !none && index < last };
      if (compensating) {
        compensation.command = compensating.text;
        if (index === ending) compensation.state = failed;
        else if (state) compensation.state = state.text;
        else if (compensation.runs) compensation.state = namer.unique(derivedCompensationState(compensating.text, index));
      }
    }
    const step: PartialStep = {
      index,
      source,
      command,
      compensation,
      idempotent: source.idempotent,
      role: roleOf(source, index, pivot),
      from: index === 0 ? start : partial[index - 1]!.successState,
      successState,
      successStateExplicit: source.successState !== undefined,
    };
    if (source.participant) step.participant = source.participant.text;
    if (reply !== undefined) step.reply = reply;
    if (source.failure?.state) step.failureState = source.failure.state.text;
    partial.push(step);
  });
  const states = collectStates(saga, partial, { start, completed, failed, ending, pivot });
  const outline: OrchestrationOutline = { saga, start, startExplicit: saga.start !== undefined, completed, failed, steps: partial, states };
  if (saga.orchestrator) outline.orchestrator = saga.orchestrator.text;
  if (pivot !== undefined) outline.pivot = pivot;
  return { outline, states };
}

type PartialStep = OrchestrationStepOutline;

function failurePathOf(step: PartialStep, steps: PartialStep[], pivot: number | undefined, failed: string): FailurePath {
  const { index, from, failureState, command } = step;
  const path: FailurePath = { step: index, mode: 'compensate', from, compensations: [], notUndone: [], states: [from], end: failed, transitions: [] };
  if (failureState !== undefined) path.failureState = failureState;
  let current = from;
  const go = (to: string, transition: Omit<OrchestrationTransition, 'from' | 'to'>) => {
    path.transitions.push({ from: current, to, ...transition });
    if (to !== current) path.states.push(to);
    current = to;
  };
  if (failureState !== undefined) go(failureState, { trigger: 'failure', command, step: index });
  if (pivot !== undefined && index > pivot) {
    path.mode = 'retry';
    path.end = step.successState;
    go(failureState !== undefined ? step.successState : current, { trigger: 'retry', command, step: index });
    if (path.states[path.states.length - 1] !== step.successState) path.states.push(step.successState);
    return path;
  }
  for (let j = index - 1; j >= 0; j--) {
    const earlier = steps[j]!;
    if (earlier.role === 'irreversible') path.notUndone.unshift(j);
    const compensating = earlier.compensation?.command;
    if (!compensating || !earlier.compensation!.state) continue;
    const to = earlier.compensation!.state;
    path.compensations.push({ step: j, command: compensating, from: current, to });
    const transition: Omit<OrchestrationTransition, 'from' | 'to'> = { trigger: 'compensation', command: compensating, step: j };
    if (current === from && failureState === undefined) transition.failedStep = index;
    go(to, transition);
  }
  if (path.compensations.length === 0) {
    if (failureState === undefined) go(failed, { trigger: 'failure', command, step: index });
    else if (failureState !== failed) go(failed, { trigger: 'compensation', step: index, failedStep: index });
  }
  return path;
}

/**
 * Every edge once: the success edges, then each failure path's own edges. The
 * compensation edges after a path's first compensation are shared by every path
 * that compensates the same step, and are kept the first time only.
 */
function collectTransitions(steps: OrchestrationStep[]): OrchestrationTransition[] {
  const transitions: OrchestrationTransition[] = steps.map((step) => ({ from: step.from, to: step.successState, trigger: 'success', command: step.command, step: step.index }));
  const onwardFrom = new Set<number>();
  for (const { onFailure: path } of steps) {
    const shared = path.transitions.length - path.compensations.length;
    path.transitions.forEach((transition, position) => {
      const compensation = position - shared;
      if (compensation >= 1) {
        const after = path.compensations[compensation - 1]!.step;
        if (onwardFrom.has(after)) return;
        onwardFrom.add(after);
      }
      transitions.push(transition);
    });
  }
  return transitions;
}

function collectStates(saga: Saga, steps: PartialStep[], terminal: { start: string; completed: string; failed: string; ending: number; pivot: number | undefined }): OrchestrationState[] {
  const byName = new Map<string, OrchestrationState>();
  const mean = (name: string | undefined, meaning: StateMeaning) => {
    if (name === undefined) return;
    let state = byName.get(name);
    if (!state) {
      state = { name, meanings: [], terminal: false, reachable: false };
      byName.set(name, state);
    }
    state.meanings.push(meaning);
  };
  const at = (uri: string, range: TextRange | undefined) => (range ? { uri, range } : {});
  mean(terminal.start, { role: 'start', ...at(saga.uri, saga.start?.range) });
  const last = steps.length - 1;
  // whether a step's failure path compensates anything: an earlier step has a compensation that reaches a state (as failurePathOf counts them)
  let compensatedBefore = false;
  for (const step of steps) {
    const { source, index } = step;
    const where = at(source.uri, source.successState?.range);
    mean(step.successState, index === last ? { role: 'completed', step: index, ...where } : { role: 'success', step: index, ...where });
    if (step.failureState !== undefined) {
      // its failure path compensates (not retries, after the pivot) nothing: the failure state ends the saga at once
      const compensates = terminal.pivot === undefined || index <= terminal.pivot;
      const endsAtOnce = compensates && !compensatedBefore && step.failureState === terminal.failed;
      mean(step.failureState, { role: endsAtOnce ? 'failed' : 'failure', step: index, ...at(source.uri, source.failure?.state?.range) });
    }
    const compensation = step.compensation;
    if (compensation?.state !== undefined) {
      const role = index === terminal.ending ? 'failed' : 'compensation';
      mean(compensation.state, { role, step: index, ...at(source.uri, source.compensation?.state?.range) });
    }
    if (compensation?.command && compensation.state) compensatedBefore = true;
  }
  // the default terminal failure state, when no compensation names it
  if (steps.length > 0 && terminal.ending < 0) mean(terminal.failed, { role: 'failed' });
  for (const name of [terminal.completed, terminal.failed]) {
    const state = byName.get(name);
    if (state && steps.length > 0) state.terminal = true;
  }
  return [...byName.values()];
}

function markReachable(states: OrchestrationState[], transitions: OrchestrationTransition[], start: string, terminals: string[]): void {
  const reached = new Set([start]);
  // the edges are few: sweep them until nothing new is reached
  for (let changed = true; changed; ) {
    changed = false;
    for (const { from, to } of transitions) {
      if (!reached.has(from) || reached.has(to) || (from !== start && terminals.includes(from))) continue;
      reached.add(to);
      changed = true;
    }
  }
  for (const state of states) state.reachable = reached.has(state.name);
}
