import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/language/validation/validate';
import { LineIndex } from '../../src/language/syntax/line-index';
import { breachesAsDiagnostics, exploreOrchestration, pathText, simulateOrchestration, simulationRules } from '../../src/language/simulation/index';
import { check, fixture, sketchBlocks } from '../helpers';
import { exampleSaga, exampleWorkspace, fixtures, generatedSaga, sagaOf } from './load';

describe('exhaustive exploration', () => {
  it('finds four outcomes of the order saga, none breaching a guarantee, when every command eventually succeeds', () => {
    const exploration = exploreOrchestration(exampleSaga('OrderSaga'), { permanent: false });
    expect(exploration.depth).toBe(2);
    expect(exploration.ok).toBe(true);
    expect(exploration.breaches).toEqual([]);
    expect(exploration.outcomes.map((outcome) => outcome.key)).toEqual([
      'completed COMPLETED | - | ok',
      'failed FAILED | - | ok',
      'failed FAILED | CancelOrder | ok',
      'failed FAILED | ReleaseInventory, CancelOrder | ok',
    ]);
    expect(exploration.outcomes.map((outcome) => pathText(outcome.example))).toEqual([
      'STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_DONE → COMPLETED',
      'STARTED → FAILED',
      'STARTED → ORDER_CREATED → (CancelOrder) FAILED',
      'STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_FAILED → (ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED',
    ]);
    // happy path, 4 single failures, then second failures after each: a retry, compensations
    expect(exploration.runs).toBe(9);
    // a crash before and after every journal entry of the runs with at most one failure
    expect(exploration.crashRuns).toBeGreaterThan(40);
    const total = exploration.outcomes.reduce((sum, outcome) => sum + outcome.count, 0);
    expect(total).toBe(exploration.runs + exploration.crashRuns);
  });

  it('names the step a missing compensation leaves behind, with a trace', () => {
    const { model } = fixtures('missing-compensation.ddd');
    const exploration = exploreOrchestration(sagaOf(model, 'LeakySaga'), { permanent: false });
    expect(exploration.ok).toBe(false);
    expect(exploration.breaches.map(({ breach }) => `${breach.kind} ${breach.command}`)).toEqual(['not-undone NotifyWarehouse']);
    const { example } = exploration.breaches[0]!;
    expect(example.held.map((held) => held.command)).toEqual(['NotifyWarehouse']);
    expect(pathText(example)).toContain('(CancelOrder)');
    expect(example.timeline.length).toBeGreaterThan(0);
    // every failure of ReserveInventory or ProcessPayment leaves it behind; failures of the first two steps do not
    const failing = exploration.outcomes.filter((outcome) => outcome.breaches.length).map((outcome) => outcome.example.failedStep);
    expect(new Set(failing)).toEqual(new Set([2, 3]));
  });

  it('explores every crash point and reports re-sends to participants that are not idempotent', () => {
    const exploration = exploreOrchestration(exampleSaga('OrderSaga'));
    expect(exploration.risks.map(({ risk }) => risk.command).sort()).toEqual(['CancelOrder', 'ConfirmOrder', 'CreateOrder', 'ProcessPayment', 'ReleaseInventory', 'ReserveInventory']);
    const { model } = fixtures('sagas.ddd');
    expect(exploreOrchestration(sagaOf(model, 'IdempotentOrder')).risks).toEqual([]);
  });

  it('reports runs that end stuck when a command never succeeds, as a single run with that failure does (issue 11)', () => {
    const exploration = exploreOrchestration(exampleSaga('OrderSaga'), { crashDepth: -1 });
    const stuck = exploration.outcomes.filter((outcome) => outcome.end === 'stuck');
    // CancelOrder failing for good after ReserveInventory failed, or after ProcessPayment failed (two outcomes)
    expect(stuck.map((outcome) => outcome.breaches[0]!.command).sort()).toEqual(['CancelOrder', 'CancelOrder', 'ConfirmOrder', 'ReleaseInventory']);
    for (const outcome of stuck) expect(outcome.breaches[0]!.kind).toBe('not-terminal');
    // they need a command that never succeeds: listed apart, and the saga as written breaks no guarantee
    for (const outcome of stuck) expect(outcome.onlyIfNeverSucceeds).toBe(true);
    expect(exploration.outcomes.filter((outcome) => outcome.end !== 'stuck').every((outcome) => !outcome.onlyIfNeverSucceeds)).toBe(true);
    expect(exploration.breaches).toEqual([]);
    expect(exploration.ok).toBe(true);
    // the single run with the same failure ends the same way
    const single = simulateOrchestration(exampleSaga('OrderSaga'), { faults: [{ target: 'step', step: 2 }, { target: 'compensation', step: 1, attempts: 'always' }] });
    expect(single.end).toBe('stuck');
    const explored = exploration.neverSucceeds.map(({ breach }) => `${breach.kind} ${breach.command}`);
    for (const breach of single.breaches) expect(explored).toContain(`${breach.kind} ${breach.command}`);
  });

  it('explores every single and double failure point of a 20-step saga', () => {
    const saga = sagaOf(check(generatedSaga(20)).model, 'Generated');
    const singles = exploreOrchestration(saga, { depth: 1, crashDepth: -1, permanent: false });
    expect(singles.runs).toBe(21);
    const doubles = exploreOrchestration(saga, { depth: 2, permanent: false });
    // happy path + 20 single failures + a second failure after each: the compensations that run (0 + 1 + … + 18) and ConfirmOrder's retry
    expect(doubles.runs).toBe(1 + 20 + (18 * 19) / 2 + 1);
    expect(doubles.ok).toBe(true);
    // by default, pairs only for sagas of up to 12 steps
    expect(exploreOrchestration(saga, { crashDepth: -1 }).depth).toBe(1);
  });
});

describe('breaches as diagnostics', () => {
  it('finds nothing in the example workspace, nor in the sketch', () => {
    expect(breachesAsDiagnostics(exampleWorkspace().model)).toEqual([]);
    const sketch = check(Object.fromEntries(sketchBlocks().map((block, index) => [`sketch-${block.section}-${index}.ddd`, block.text])));
    expect(sketch.model.sagas.filter((saga) => saga.style === 'orchestrated').map((saga) => saga.name)).toEqual(['OrderSaga', 'QuickOrder']);
    expect(breachesAsDiagnostics(sketch.model)).toEqual([]);
  });

  it('reports simulation-breach on the step left behind, with the path', () => {
    const text = fixture('simulation/missing-compensation.ddd');
    const { model } = fixtures('missing-compensation.ddd');
    const diagnostics = breachesAsDiagnostics(model);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic!.code).toBe('simulation-breach');
    expect(diagnostic!.severity).toBe('info');
    expect(diagnostic!.uri).toBe('file:///missing-compensation.ddd');
    expect(text.slice(diagnostic!.range.start, diagnostic!.range.end)).toBe('NotifyWarehouse');
    expect(new LineIndex(text).positionAt(diagnostic!.range.start).line + 1).toBe(6);
    expect(diagnostic!.message).toContain('when ReserveInventory or ProcessPayment fails, NotifyWarehouse has already run');
    expect(diagnostic!.message).toContain('STARTED → ');
    expect(diagnostic!.data).toMatchObject({ saga: 'LeakySaga', breach: 'not-undone', step: 1 });
  });

  it('works as a rule set', () => {
    const { model } = fixtures('missing-compensation.ddd');
    const diagnostics = validateModel(model, [simulationRules]).filter((diagnostic) => diagnostic.code === 'simulation-breach');
    expect(diagnostics).toHaveLength(1);
    expect(simulationRules.rules.map((rule) => rule.code)).toEqual(['simulation-breach', 'saga-resend-risk']);
  });

  it('adds re-send risks as hints when asked', () => {
    const risks = breachesAsDiagnostics(exampleWorkspace().model, { risks: true });
    expect(risks.length).toBeGreaterThan(0);
    expect(new Set(risks.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`))).toEqual(new Set(['saga-resend-risk hint']));
  });

  it('lists the same breaches with the same examples when asked for breaches only, and no clean outcome', () => {
    const models = [
      fixtures('missing-compensation.ddd', 'sagas.ddd').model,
      check({ 'broken.ddd': fixture('sagas/broken-orchestration.ddd') }).model,
      exampleWorkspace().model,
    ];
    const sagas = models.flatMap((model) => model.sagas).filter((saga) => saga.style === 'orchestrated' && saga.steps.length > 0);
    expect(sagas.length).toBeGreaterThan(10);
    const breachesOf = (exploration: ReturnType<typeof exploreOrchestration>) =>
      exploration.breaches.map(({ breach, count, example }) => `${breach.kind} ${breach.step} ×${count}: ${pathText(example)}`);
    let breaching = 0;
    for (const saga of sagas) {
      for (const options of [{}, { permanent: true }, { depth: 1, crashDepth: 0 }]) {
        const all = exploreOrchestration(saga, options);
        const only = exploreOrchestration(saga, { ...options, breachesOnly: true });
        expect(breachesOf(only), `${saga.name} ${JSON.stringify(options)}`).toEqual(breachesOf(all));
        expect(only.outcomes.every((outcome) => outcome.breaches.length > 0)).toBe(true);
        expect([only.runs, only.crashRuns]).toEqual([all.runs, all.crashRuns]);
        if (all.breaches.length > 0) breaching++;
      }
    }
    // the comparison covers sagas that breach, not only clean ones
    expect(breaching).toBeGreaterThan(2);
  });

  it('plays a number of runs bounded by the saga\'s size (counted, not timed)', () => {
    const { model } = exampleWorkspace();
    const sagas = model.sagas.filter((saga) => saga.style === 'orchestrated' && saga.steps.length > 0);
    expect(sagas.length).toBeGreaterThan(0);
    for (const saga of sagas) {
      // failure points: the steps and compensations; runs: none, one or two of them; crashes: a few per command of a run
      const points = 2 * saga.steps.length + 1;
      const { runs, crashRuns } = exploreOrchestration(saga, { breachesOnly: true });
      expect(runs, saga.name).toBeLessThanOrEqual(points ** 2);
      expect(crashRuns, saga.name).toBeLessThanOrEqual(runs * 2 * points);
    }
  });
});
