/**
 * The work budget of an exploration (src/language/simulation/work-budget.ts):
 * counted in simulated steps, never in time; past it the exploration stops
 * between two runs and says how far it got, with the outcomes seen so far.
 */
import { describe, expect, it } from 'vitest';
import { bigChoreography, bigSaga } from '../../src/bench/scale-workspaces';
import { checkWorkspace } from '../../src/language/index';
import {
  ChoreographyExplorer,
  DEFAULT_EXPLORE_STEPS,
  exploreChoreography,
  exploreOrchestration,
  explorationSummary,
  OrchestrationExplorer,
  type Exploration,
} from '../../src/language/simulation/index';
import type { Saga } from '../../src/language/model/elements';
import { coverageText } from '../../src/protocol/coverage-words';
import { check, fixture } from '../helpers';
import { exampleSaga, exampleWorkspace, fixtures, generatedSaga, sagaOf } from './load';

function generated(text: string, name: string): Saga {
  return sagaOf(checkWorkspace([{ uri: `file:///${name}.ddd`, text }]).model, name);
}

/** The outcomes as a user reads them: key, count, and the example's faults and crashes. */
function outcomesOf(exploration: Exploration): string[] {
  return exploration.outcomes.map((outcome) => `${outcome.key} ×${outcome.count} ${JSON.stringify(outcome.example.faults)} ${JSON.stringify(outcome.example.crashes)}`);
}

/** The orchestrated sagas of the examples and fixtures, and a generated one with a pivot and retried steps. */
const orchestrated = () =>
  [
    ...exampleWorkspace().model.sagas,
    ...fixtures('missing-compensation.ddd', 'sagas.ddd').model.sagas,
    ...check({ 'broken.ddd': fixture('sagas/broken-orchestration.ddd') }).model.sagas,
    generated(generatedSaga(8, 3), 'Generated'),
  ].filter((saga) => saga.style === 'orchestrated' && saga.steps.length > 0);

describe('a saga of a business process', () => {
  it('is explored whole within the default budget, and says so', () => {
    const exploration = exploreOrchestration(exampleSaga('OrderSaga'), {}, { steps: DEFAULT_EXPLORE_STEPS });
    const { coverage } = exploration;
    expect(coverage.complete).toBe(true);
    expect(coverage.paths).toBe(exploration.runs + exploration.crashRuns);
    expect(coverage.totalPaths).toBe(coverage.paths);
    expect(coverage.totalExact).toBe(true);
    expect(coverage.steps).toBeLessThan(DEFAULT_EXPLORE_STEPS);
    expect(coverage.budget).toBe(DEFAULT_EXPLORE_STEPS);
    expect(coverageText(coverage)).toBe(`explored all ${coverage.paths} paths`);
    // the same outcomes as without a budget
    expect(outcomesOf(exploration)).toEqual(outcomesOf(exploreOrchestration(exampleSaga('OrderSaga'))));
  });

  it('gives the same outcomes however the exploration is sliced', () => {
    const sagas = orchestrated();
    expect(sagas.length).toBeGreaterThan(5);
    for (const saga of sagas) {
      for (const slice of [1, 7, 100]) {
        const explorer = new OrchestrationExplorer(saga);
        let slices = 1;
        while (!explorer.advance(slice)) slices++;
        const sliced = explorer.result();
        expect(outcomesOf(sliced), `${saga.name} in slices of ${slice}`).toEqual(outcomesOf(exploreOrchestration(saga)));
        expect(sliced.coverage.complete).toBe(true);
        // a slice of one step plays one run at a time
        if (slice === 1) expect(slices).toBe(sliced.coverage.paths + 1);
      }
    }
  });

  it('counts every path before it plays them: a budget of one run already knows how many there are (one failure each, no crash runs but the happy path\'s)', () => {
    for (const saga of orchestrated()) {
      const whole = exploreOrchestration(saga, { depth: 1, crashDepth: 0 }).coverage;
      const first = exploreOrchestration(saga, { depth: 1, crashDepth: 0 }, { steps: 1 }).coverage;
      expect(first.complete, saga.name).toBe(whole.paths === 1);
      expect(first.paths, saga.name).toBe(1);
      expect(first.totalExact, saga.name).toBe(true);
      expect(first.totalPaths, saga.name).toBe(whole.paths);
    }
  });

  it('is complete when the budget is exactly what the whole exploration spends, and not with half of it', () => {
    for (const saga of orchestrated()) {
      const whole = exploreOrchestration(saga);
      const exact = exploreOrchestration(saga, {}, { steps: whole.coverage.steps });
      expect(exact.coverage, saga.name).toEqual({ ...whole.coverage, budget: whole.coverage.steps });
      expect(outcomesOf(exact)).toEqual(outcomesOf(whole));
      if (whole.coverage.paths > 1) expect(exploreOrchestration(saga, {}, { steps: Math.floor(whole.coverage.steps / 2) }).coverage.complete, saga.name).toBe(false);
    }
  });

  it('knows the paths of an exploration of the happy path alone (depth 0, no crashes) before it plays them', () => {
    const { coverage } = exploreOrchestration(exampleSaga('OrderSaga'), { depth: 0, crashDepth: -1, permanent: false }, { steps: 0 });
    expect(coverage).toMatchObject({ complete: false, paths: 0, totalPaths: 1, totalExact: true });
  });

  it('counts a lower bound when combinations of failures are still to be found, and never more paths than there are', () => {
    for (const saga of orchestrated()) {
      const whole = exploreOrchestration(saga).coverage.paths;
      let previous = 0;
      for (const steps of [1, 5, 20, 80, 320]) {
        const coverage = exploreOrchestration(saga, {}, { steps }).coverage;
        expect(coverage.totalPaths, `${saga.name} within ${steps} steps`).toBeLessThanOrEqual(whole);
        if (coverage.totalExact) expect(coverage.totalPaths, saga.name).toBe(whole);
        else expect(coverageText(coverage)).toMatch(/^explored [\d,]+ of at least [\d,]+ paths \(budget reached\)$/);
        expect(coverage.paths).toBeGreaterThanOrEqual(previous);
        previous = coverage.paths;
      }
    }
  });
});

describe('a budget bounds the work, counted in simulated steps', () => {
  // 300 steps: 46,053 paths, each compensating up to 300 steps
  const saga300 = generated(bigSaga(300), 'Big');

  it('stops a 300-step saga at the budget, and says how many paths it explored of how many', () => {
    const budget = 50_000;
    const exploration = exploreOrchestration(saga300, { traces: false }, { steps: budget });
    const { coverage } = exploration;
    expect(coverage.complete).toBe(false);
    expect(coverage.totalExact).toBe(true);
    expect(coverage.totalPaths).toBe(46_053);
    expect(coverage.paths).toBeLessThan(coverage.totalPaths);
    // it stops between two runs: over the budget by less than one run (and its example) of at most 2 × 300 commands and retries
    expect(coverage.steps).toBeGreaterThanOrEqual(budget);
    expect(coverage.steps).toBeLessThan(budget + 2 * (2 * 300 + 10));
    expect(coverageText(coverage)).toBe(`explored ${coverage.paths.toLocaleString('en-US')} of 46,053 paths (budget reached)`);
    // the outcomes seen so far, every path played counted once
    expect(exploration.outcomes.length).toBeGreaterThan(0);
    expect(exploration.outcomes.reduce((sum, outcome) => sum + outcome.count, 0)).toBe(coverage.paths);
  });

  it('plays more paths for a bigger budget, the first ones the same', () => {
    const small = exploreOrchestration(saga300, { traces: false }, { steps: 20_000 });
    const large = exploreOrchestration(saga300, { traces: false }, { steps: 80_000 });
    expect(large.coverage.paths).toBeGreaterThan(small.coverage.paths);
    const keys = new Set(large.outcomes.map((outcome) => outcome.key));
    for (const outcome of small.outcomes) expect(keys.has(outcome.key), outcome.key).toBe(true);
  });

  it('keeps the rows the panel gets within the budget too: each outcome\'s example is counted', () => {
    const summary = explorationSummary(saga300, {}, { steps: DEFAULT_EXPLORE_STEPS });
    expect(summary.coverage.complete).toBe(false);
    const exampleSteps = summary.style === 'orchestrated' ? summary.outcomes.reduce((sum, row) => sum + row.path.length - 1, 0) : 0;
    expect(exampleSteps).toBeLessThanOrEqual(summary.coverage.steps);
    expect(JSON.stringify(summary).length).toBeLessThan(100 * DEFAULT_EXPLORE_STEPS);
  });

  it('counts paths the depth asked for would combine only once it has found them', () => {
    const { coverage } = exploreOrchestration(saga300, { depth: 2, traces: false }, { steps: 20_000 });
    expect(coverage.complete).toBe(false);
    expect(coverage.totalExact).toBe(false);
    expect(coverageText(coverage)).toContain(' of at least ');
  });

  it('stops a generated 60-step saga with a pivot at the same run on every machine', () => {
    const saga = generated(generatedSaga(60, 5), 'Generated');
    const a = exploreOrchestration(saga, {}, { steps: 3_000 });
    const b = exploreOrchestration(saga, {}, { steps: 3_000 });
    expect(a.coverage).toEqual(b.coverage);
    expect(outcomesOf(a)).toEqual(outcomesOf(b));
    expect(a.coverage.complete).toBe(false);
  });
});

describe('a choreography', () => {
  it('of a business process is explored whole, and says so', () => {
    const saga = exampleWorkspace().model.sagas.find((candidate) => candidate.style === 'choreographed')!;
    const exploration = exploreChoreography(saga, {}, { steps: DEFAULT_EXPLORE_STEPS });
    expect(exploration.coverage).toMatchObject({ complete: true, paths: exploration.runs, totalPaths: exploration.runs, totalExact: true });
    expect(exploration.outcomes.map((outcome) => outcome.key)).toEqual(exploreChoreography(saga).outcomes.map((outcome) => outcome.key));
  });

  it('of 300 reactions stops at its budget with the outcomes seen so far, sliced or not', () => {
    const saga = generated(bigChoreography(300), 'Chain');
    const budget = 40_000;
    const whole = exploreChoreography(saga, {}, { steps: budget });
    expect(whole.coverage.complete).toBe(false);
    // every reaction failing and every event delivered twice, each in 9 orders
    expect(whole.coverage.totalPaths).toBe((1 + 300 + 301) * 9);
    expect(whole.coverage.steps).toBeLessThan(budget + 2 * 300 + 2 * 300);
    expect(whole.outcomes.reduce((sum, outcome) => sum + outcome.count, 0)).toBe(whole.coverage.paths);
    const explorer = new ChoreographyExplorer(saga, {}, { steps: budget });
    while (!explorer.advance(500));
    expect(explorer.result().outcomes.map((outcome) => `${outcome.key} ×${outcome.count}`)).toEqual(whole.outcomes.map((outcome) => `${outcome.key} ×${outcome.count}`));
  });
});
