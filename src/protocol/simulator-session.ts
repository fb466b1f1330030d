/**
 * The simulator panel's session, kept by the extension (the server keeps only recent runs,
 * the webview only draws): which saga, what is injected, how many actions are
 * played. `applySimulatorAction` turns a (validated) action of the webview into
 * the next session and the request that shows it. The server's core computes
 * a run once per saga and injections and cuts it after any action, so stepping
 * back and forth is cheap; what "fail next" and "crash here" inject, the run
 * shown says (`failNext`, `crashHere`).
 */
import type { SimulatorAction, SimulatorTarget } from './messages';
import type { DddRequest } from './requests';
import type { ChoreographyInjections, CrashPoint, Fault, SimulationRun } from './simulation';

export interface SimulatorSession {
  target?: SimulatorTarget;
  faults: Fault[];
  crashes: CrashPoint[];
  injections: ChoreographyInjections;
  /** Actions played; undefined: the whole run. */
  step: number | undefined;
}

export const emptySimulatorSession: SimulatorSession = { faults: [], crashes: [], injections: {}, step: 0 };

/** The request that shows the session's run (or its stream's replay). */
export function simulatorRequest(session: SimulatorSession): DddRequest | undefined {
  const target = session.target;
  if (!target) return undefined;
  if (target.kind === 'stream') return { method: 'ddd/replay', params: { stream: target.name } };
  const params: DddRequest & { method: 'ddd/simulate' } = { method: 'ddd/simulate', params: { saga: target.name } };
  if (session.faults.length) params.params.faults = session.faults;
  if (session.crashes.length) params.params.crashes = session.crashes;
  if (Object.keys(session.injections).length) params.params.choreography = session.injections;
  if (session.step !== undefined) params.params.steps = session.step;
  return params;
}

function toggle<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return list.some((entry) => same(entry, item)) ? list.filter((entry) => !same(entry, item)) : [...list, item];
}

function toggleName(list: readonly string[] | undefined, name: string): string[] | undefined {
  const next = toggle(list ?? [], name, (a, b) => a === b);
  return next.length ? next : undefined;
}

function withInjections(session: SimulatorSession, change: Partial<ChoreographyInjections>): SimulatorSession {
  const injections: ChoreographyInjections = { ...session.injections, ...change };
  for (const key of Object.keys(injections) as (keyof ChoreographyInjections)[]) if (injections[key] === undefined) delete injections[key];
  return { ...session, injections };
}

export interface SimulatorUpdate {
  session: SimulatorSession;
  /** What to ask the server for; absent when nothing changes (say, stepping past the end). */
  request?: DddRequest;
}

/**
 * The next session after an action, and the request that shows it. `last` is the
 * run shown now (the last `ddd/simulate` result), which the actions that work
 * "here" (step, fail next, crash here) start from.
 */
export function applySimulatorAction(session: SimulatorSession, action: SimulatorAction, last?: SimulationRun): SimulatorUpdate {
  const at = last?.step ?? session.step ?? 0;
  const end = last?.steps;
  const show = (next: SimulatorSession): SimulatorUpdate => {
    const request = simulatorRequest(next);
    return request ? { session: next, request } : { session: next };
  };
  const sagaName = session.target?.kind === 'saga' ? session.target.name : undefined;
  switch (action.action) {
    case 'select':
      return show({ ...emptySimulatorSession, target: action.target });
    case 'step':
      if (last?.done) return { session };
      return show({ ...session, step: end === undefined ? at + 1 : Math.min(at + 1, end) });
    case 'back':
      return show({ ...session, step: Math.max(0, at - 1) });
    case 'run':
      return show({ ...session, step: undefined });
    case 'stepTo':
      return show({ ...session, step: end === undefined ? action.step : Math.min(action.step, end) });
    case 'reset':
      return show(action.clear ? { ...emptySimulatorSession, target: session.target } : { ...session, step: 0 });
    case 'failStep': {
      const fault: Fault = { target: action.target, step: action.step };
      if (action.attempts !== undefined && action.attempts !== 1) fault.attempts = action.attempts;
      // the same fault again removes it; another number of attempts replaces it
      const existing = session.faults.find((candidate) => candidate.target === fault.target && candidate.step === fault.step);
      const others = session.faults.filter((candidate) => candidate !== existing);
      const same = existing !== undefined && (existing.attempts ?? 1) === (fault.attempts ?? 1);
      return show({ ...session, faults: same ? others : [...others, fault], step: at });
    }
    case 'crashAfter': {
      const point: CrashPoint = { target: action.target, when: action.when };
      if (action.step !== undefined && (action.target === 'step' || action.target === 'compensation')) point.step = action.step;
      const crashes = toggle(session.crashes, point, (a, b) => a.target === b.target && (a.step ?? 0) === (b.step ?? 0) && a.when === b.when);
      return show({ ...session, crashes, step: at });
    }
    case 'failNext': {
      // the run says which fault fails its next command (src/language/simulation/session.ts)
      const fault = last?.style === 'orchestrated' ? last.failNext : undefined;
      if (!fault) return { session };
      const others = session.faults.filter((known) => known.target !== fault.target || known.step !== fault.step);
      // play the failing command at once: the user sees what the failure does
      return show({ ...session, faults: [...others, fault], step: at + 1 });
    }
    case 'crashHere': {
      const point = last?.style === 'orchestrated' ? last.crashHere : undefined;
      if (!point) return { session };
      return show({ ...session, crashes: [...session.crashes, point], step: at });
    }
    case 'scenario':
      return show({ ...session, faults: action.faults, crashes: action.crashes, injections: action.injections ?? session.injections, step: undefined });
    case 'failReaction': {
      const failReactions = toggle(session.injections.failReactions ?? [], action.reaction, (a, b) => a === b).sort((a, b) => a - b);
      return show({ ...withInjections(session, { failReactions: failReactions.length ? failReactions : undefined }), step: at });
    }
    case 'duplicate':
      return show({ ...withInjections(session, { duplicate: toggleName(session.injections.duplicate, action.event) }), step: at });
    case 'delay':
      return show({ ...withInjections(session, { delay: toggleName(session.injections.delay, action.event) }), step: at });
    case 'reorder':
      return show({ ...withInjections(session, { reorder: action.enabled || undefined, seed: action.enabled ? (action.seed ?? 1) : undefined }), step: at });
    case 'explore':
      if (!sagaName) return { session };
      return { session, request: { method: 'ddd/explore', params: { saga: sagaName } } };
    case 'bulk':
      if (!sagaName) return { session };
      return { session, request: { method: 'ddd/bulk', params: { saga: sagaName, runs: action.runs, seed: action.seed, failureRates: action.failureRate } } };
  }
}
