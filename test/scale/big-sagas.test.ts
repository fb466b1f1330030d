/**
 * Sagas far larger than a business process needs (a paste, a generator gone wrong): checked,
 * drawn and exported in bounded work and output, with one finding that says why they are summarised.
 */
import { describe, expect, it } from 'vitest';
import { bigChoreography, bigSaga } from '../../src/bench/scale-workspaces';
import { toMarkdown } from '../../src/language/diagrams/markdown';
import { sagaDiagram } from '../../src/language/diagrams/sagas';
import { checkWorkspace } from '../../src/language/index';
import { MAX_ANALYSED_SAGA_SIZE } from '../../src/language/sagas/saga-size';
import { DEFAULT_EXPLORE_STEPS, exploreChoreography, exploreOrchestration, simulateOrchestration } from '../../src/language/simulation/index';

describe('a 3,000-step saga', () => {
  const result = checkWorkspace([{ uri: 'file:///big.ddd', text: bigSaga(3_000) }]);
  const saga = result.model.sagas[0]!;

  it('gets one saga-too-large finding that says why and what to do, and no finding of the checks it skips', () => {
    const tooLarge = result.diagnostics.filter((diagnostic) => diagnostic.code === 'saga-too-large');
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]!.message).toContain('Big has 3,000 steps');
    expect(tooLarge[0]!.message).toContain('Split it into sagas');
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('simulation-'))).toEqual([]);
  });

  it('draws a summary instead of its 3,000 failure paths, and its Markdown stays small', () => {
    for (const variant of ['states', 'sequence'] as const) {
      const diagram = sagaDiagram(saga, variant);
      expect(diagram.title).toBe('Big: too large to draw');
      expect(diagram.text.length).toBeLessThan(1_000);
    }
    // the event catalogue lists 3,000 events; the saga adds one summary, not 3,000² failure transitions
    expect(toMarkdown(result.model).length).toBeLessThan(3_000_000);
  });

  it('still plays step by step: a run with a late failure compensates every step before it', () => {
    const run = simulateOrchestration(saga, { faults: [{ target: 'step', step: 2_999 }] }, false);
    expect(run.end).toBe('failed');
    expect(run.compensations).toHaveLength(2_999);
    expect(run.ok).toBe(true);
  });

  it('explores within the default budget, counted in simulated steps, and says how many of its 4,510,503 paths it explored', () => {
    const exploration = exploreOrchestration(saga, { traces: false }, { steps: DEFAULT_EXPLORE_STEPS });
    const { coverage } = exploration;
    expect(coverage).toMatchObject({ complete: false, totalPaths: 4_510_503, totalExact: true, budget: DEFAULT_EXPLORE_STEPS });
    // stopped between two runs: over the budget by less than one run and its example (each at most 2 × 3,000 commands and retries)
    expect(coverage.steps).toBeLessThan(DEFAULT_EXPLORE_STEPS + 2 * (2 * 3_000 + 10));
    expect(coverage.paths).toBeLessThan(200);
    expect(exploration.outcomes.reduce((sum, outcome) => sum + outcome.count, 0)).toBe(coverage.paths);
  });
});

describe('the size past which a saga is summarised', () => {
  it('checks a saga of exactly the limit whole, and one step more as too large', () => {
    const at = checkWorkspace([{ uri: 'file:///at.ddd', text: bigSaga(MAX_ANALYSED_SAGA_SIZE) }]);
    expect(at.diagnostics.filter((diagnostic) => diagnostic.code === 'saga-too-large')).toEqual([]);
    const past = checkWorkspace([{ uri: 'file:///past.ddd', text: bigSaga(MAX_ANALYSED_SAGA_SIZE + 1) }]);
    expect(past.diagnostics.filter((diagnostic) => diagnostic.code === 'saga-too-large')).toHaveLength(1);
  });
});

describe('a saga just under the limit', () => {
  const sequenceOf = (steps: number) => sagaDiagram(checkWorkspace([{ uri: 'file:///s.ddd', text: bigSaga(steps) }]).model.sagas[0]!, 'sequence').text;

  it('draws a sequence that grows with the steps, not with their square', () => {
    const small = sequenceOf(100).length;
    const twice = sequenceOf(200).length;
    expect(twice / small).toBeLessThan(2.2);
    expect(sequenceOf(MAX_ANALYSED_SAGA_SIZE).length).toBeLessThan(300_000);
  });

  it('draws the first compensations of a late failure and sums up the rest in a note', () => {
    const text = sequenceOf(10);
    const lastFailure = text.slice(text.lastIndexOf('else ShipJ fails'));
    expect(lastFailure).toContain('ReturnI');
    expect(lastFailure).toContain('ReturnG');
    expect(lastFailure).not.toContain('->>p_Sales: ReturnF');
    expect(lastFailure).toContain('then 6 more compensations in reverse step order #40;ReturnF … ReturnA#41;, ending in RETURNED_0');
  });
});

describe('a 2,000-reaction choreography', () => {
  it('gets one saga-too-large finding and a summary drawing', () => {
    const result = checkWorkspace([{ uri: 'file:///chain.ddd', text: bigChoreography(2_000) }]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'saga-too-large').map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('Chain has 2,000 reactions'),
    ]);
    expect(sagaDiagram(result.model.sagas[0]!).text.length).toBeLessThan(1_000);
  });

  it('explores within the default budget and says how far it got', () => {
    const chain = checkWorkspace([{ uri: 'file:///chain.ddd', text: bigChoreography(2_000) }]).model.sagas[0]!;
    const { coverage, outcomes } = exploreChoreography(chain, {}, { steps: DEFAULT_EXPLORE_STEPS });
    // every reaction failing and every event delivered twice, each in 9 delivery orders
    expect(coverage).toMatchObject({ complete: false, totalPaths: (1 + 2_000 + 2_001) * 9, totalExact: true });
    expect(coverage.steps).toBeLessThan(DEFAULT_EXPLORE_STEPS + 2 * 2_000 + 2 * 2_000);
    expect(outcomes.length).toBeGreaterThan(0);
  });
});
