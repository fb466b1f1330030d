import { describe, expect, it } from 'vitest';
import { compileSaga } from '../../src/language/simulation/compile';
import { Orchestrator } from '../../src/language/simulation/engine';
import { guarantees } from '../../src/language/simulation/guarantees';
import { exampleSaga } from './load';

/** A run of the order saga that ProcessPayment (step 2) fails, compensated: nothing broken. */
function failedRun(): Orchestrator {
  const machine = new Orchestrator(compileSaga(exampleSaga('OrderSaga')));
  machine.addFaults([{ target: 'step', step: 2 }]);
  machine.reset();
  machine.run();
  return machine;
}

describe("the orchestrator's guarantees", () => {
  it('hold on a compensated run', () => {
    const machine = failedRun();
    expect(machine.hasBreach()).toBe(false);
    expect(machine.breaches()).toEqual([]);
  });

  // worlds no run reaches, forged so that each guarantee of the table breaks alone
  const forged: Record<string, (machine: Orchestrator) => void> = {
    'not-terminal': (machine) => (machine.phase = 0), // not over
    'not-undone': (machine) => (machine.compEffect[1] = 0),
    'compensation-without-step': (machine) => ((machine.stepEffect[3] = 0), (machine.compEffect[3] = 1)),
    'left-held': (machine) => (machine.held[3] = 1),
  };

  it('each break on its own, and hasBreach says so exactly when breaches lists it', () => {
    expect(Object.keys(forged).sort()).toEqual(guarantees.map((guarantee) => guarantee.kind).sort());
    for (const guarantee of guarantees) {
      const machine = failedRun();
      forged[guarantee.kind]!(machine);
      expect(machine.breaches().map((breach) => breach.kind), guarantee.kind).toContain(guarantee.kind);
      expect(machine.hasBreach(), guarantee.kind).toBe(true);
    }
  });
});
