/**
 * The orchestrator's guarantees, stated once: each is a check on a run as it
 * stands (for the run as a whole, or for each step) and the finding it gives.
 * `anyBroken` asks the checks only and allocates nothing (it is asked of every
 * explored run); `brokenGuarantees` builds the findings, in the table's order.
 *
 * A resumed run that ends differently from the same run without the crash
 * (`resume-diverged`) compares two runs, so it lives with the callers that have
 * both (simulateOrchestration, exploreOrchestration).
 */
import { heldLabel } from './compile';
import type { Orchestrator } from './engine';
import type { Breach, BreachKind } from './types';

export interface Guarantee {
  kind: BreachKind;
  /** Broken at a step (0 … n-1) or by the run as a whole (then `breakAt` answers 0 and `finding` gets -1). */
  perStep: boolean;
  /** The first step from `from` on where the guarantee breaks, or -1 (a tight loop: asked of every explored run). */
  breakAt(machine: Orchestrator, from: number): number;
  finding(machine: Orchestrator, step: number): Breach;
}

/** The saga failed and the step's work, which holds something, was never undone. */
function notUndone(machine: Orchestrator, step: number): boolean {
  return machine.stepEffect[step] === 1 && machine.saga.holds[step] === 1 && machine.compEffect[step] === 0;
}

export const guarantees: readonly Guarantee[] = [
  {
    // every run ends COMPLETED or FAILED
    kind: 'not-terminal',
    perStep: false,
    breakAt: (machine, from) => (from === 0 && (!machine.done || machine.endedStuck) ? 0 : -1),
    finding(machine) {
      if (!machine.done) return { kind: 'not-terminal', message: 'The run is not over.' };
      const saga = machine.saga;
      const step = machine.cursor;
      const compensating = machine.failedStep >= 0;
      const command = compensating ? saga.compensations[step]! : saga.commands[step]!;
      const what = compensating ? `compensation ${command} (undoing ${saga.commands[step]})` : `step ${command}`;
      return {
        kind: 'not-terminal',
        step,
        command,
        message: `The ${what} failed ${machine.maxRetries + 1} times in a row: the saga is stuck in ${saga.stateNames[machine.state]}, neither ${saga.info.completed} nor ${saga.info.failed}.`,
      };
    },
  },
  {
    // a failed saga undid every step that changed something
    kind: 'not-undone',
    perStep: true,
    breakAt(machine, from) {
      if (!machine.endedFailed) return -1;
      const { stepEffect, compEffect } = machine;
      const { holds, n } = machine.saga;
      for (let step = from; step < n; step++) if (stepEffect[step] === 1 && holds[step] === 1 && compEffect[step] === 0) return step;
      return -1;
    },
    finding(machine, step) {
      const saga = machine.saga;
      const failing = machine.failedStep >= 0 ? saga.commands[machine.failedStep] : 'a later step';
      const reason = saga.info.steps[step]!.compensation === undefined ? 'it has no `compensate` clause' : 'its compensation never ran';
      const command = saga.commands[step]!;
      return {
        kind: 'not-undone',
        step,
        command,
        message: `${command} ran, then ${failing} failed and the saga ended ${saga.info.failed}, but ${command} was not undone: ${reason}.`,
      };
    },
  },
  {
    // no compensation runs for a step that never ran
    kind: 'compensation-without-step',
    perStep: true,
    breakAt(machine, from) {
      const { compEffect, stepEffect } = machine;
      const n = machine.saga.n;
      for (let step = from; step < n; step++) if (compEffect[step] !== 0 && stepEffect[step] === 0) return step;
      return -1;
    },
    finding(machine, step) {
      const saga = machine.saga;
      return {
        kind: 'compensation-without-step',
        step,
        command: saga.compensations[step]!,
        message: `${saga.compensations[step]} ran to undo ${saga.commands[step]}, which never ran.`,
      };
    },
  },
  {
    // nothing stays reserved, charged or pending at the end (a step not undone is reported as such)
    kind: 'left-held',
    perStep: true,
    breakAt(machine, from) {
      const { held } = machine;
      const failed = machine.endedFailed;
      const n = machine.saga.n;
      for (let step = from; step < n; step++) if (held[step] === 1 && !(failed && notUndone(machine, step))) return step;
      return -1;
    },
    finding(machine, step) {
      const saga = machine.saga;
      return {
        kind: 'left-held',
        step,
        command: saga.commands[step]!,
        message: `The effect of ${heldLabel(saga.info.steps[step]!)} is still held (reserved, charged or pending) at the end of the run.`,
      };
    },
  },
];

/** Whether the run breaks any guarantee; allocates nothing. */
export function anyBroken(machine: Orchestrator): boolean {
  for (let g = 0; g < guarantees.length; g++) if (guarantees[g]!.breakAt(machine, 0) >= 0) return true;
  return false;
}

/** The guarantees the run breaks, as findings: guarantee by guarantee, step by step. */
export function brokenGuarantees(machine: Orchestrator): Breach[] {
  const breaches: Breach[] = [];
  for (const guarantee of guarantees) {
    if (!guarantee.perStep) {
      if (guarantee.breakAt(machine, 0) >= 0) breaches.push(guarantee.finding(machine, -1));
      continue;
    }
    for (let step = guarantee.breakAt(machine, 0); step >= 0; step = guarantee.breakAt(machine, step + 1)) breaches.push(guarantee.finding(machine, step));
  }
  return breaches;
}
