import { describe, expect, it } from 'vitest';
import { bulkCounts, bulkSimulate, outcomeKey, pathText, Prng, simulateOrchestration } from '../../src/language/simulation/index';
import { exampleSaga } from './load';

const order = () => exampleSaga('OrderSaga');
const rates = [0.01, 0.05, 0.1, 0.2];

describe('bulk runs', () => {
  it('is reproducible with a seed', () => {
    const a = bulkSimulate(order(), { runs: 20_000, seed: 42, failureRates: rates });
    const b = bulkSimulate(order(), { runs: 20_000, seed: 42, failureRates: rates });
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    const c = bulkSimulate(order(), { runs: 20_000, seed: 43, failureRates: rates });
    expect(c.outcomes.map((outcome) => outcome.count)).not.toEqual(a.outcomes.map((outcome) => outcome.count));
  });

  it('counts outcomes with percentages and command counts', () => {
    const bulk = bulkSimulate(order(), { runs: 50_000, seed: 1, failureRates: rates });
    expect(bulk.runs).toBe(50_000);
    expect(bulk.outcomes.reduce((sum, outcome) => sum + outcome.count, 0)).toBe(50_000);
    expect(bulk.outcomes.reduce((sum, outcome) => sum + (outcome.percent ?? 0), 0)).toBeCloseTo(100, 6);
    const byKey = new Map(bulk.outcomes.map((outcome) => [outcome.key, outcome]));
    // P(completed) = 0.99 · 0.95 · 0.9 (ConfirmOrder is retried), about 84.6 %
    expect(byKey.get('completed COMPLETED | - | ok')!.percent).toBeGreaterThan(83.5);
    expect(byKey.get('completed COMPLETED | - | ok')!.percent).toBeLessThan(85.7);
    expect(byKey.get('failed FAILED | ReleaseInventory, CancelOrder | ok')!.count).toBeGreaterThan(0);
    expect(bulk.commands.worst).toBeGreaterThanOrEqual(5);
    expect(bulk.commands.mean).toBeGreaterThan(3);
    expect(bulk.commands.mean).toBeLessThan(bulk.commands.worst);
    expect(bulk.failureRates).toEqual({ CreateOrder: 0.01, ReserveInventory: 0.05, ProcessPayment: 0.1, ConfirmOrder: 0.2 });
  });

  it('gives each outcome an example that replays to it', () => {
    const bulk = bulkSimulate(order(), { runs: 20_000, seed: 5, failureRates: rates, maxRetries: 1 });
    for (const outcome of bulk.outcomes) {
      expect(outcome.example.seed).toBeTypeOf('number');
      const again = simulateOrchestration(order(), { seed: outcome.example.seed!, failureRates: rates, maxRetries: 1 });
      expect(again).toEqual(outcome.example);
      expect(outcomeKey(again)).toBe(outcome.key);
      expect(pathText(again).startsWith('STARTED')).toBe(true);
    }
    // with one retry, ConfirmOrder failing twice in a row (4 % of the runs that get there) leaves the saga stuck
    const stuck = bulk.outcomes.find((outcome) => outcome.end === 'stuck');
    expect(stuck?.breaches[0]).toMatchObject({ kind: 'not-terminal', command: 'ConfirmOrder' });
    expect(bulk.breachedRuns).toBe(stuck!.count);
    expect(bulk.ok).toBe(false);
  });

  it('completes every run without failures, and fails every run when the first step always fails', () => {
    expect(bulkSimulate(order(), { runs: 1000 }).outcomes.map((o) => [o.key, o.count])).toEqual([['completed COMPLETED | - | ok', 1000]]);
    expect(bulkSimulate(order(), { runs: 1000, failureRates: [1] }).outcomes.map((o) => [o.key, o.count])).toEqual([['failed FAILED | - | ok', 1000]]);
  });

  it('fails compensations at their own rate', () => {
    const bulk = bulkSimulate(order(), { runs: 10_000, seed: 3, failureRates: [0, 0, 0.5, 0], compensationFailureRates: [0.5, 0.5], maxRetries: 0 });
    expect(bulk.outcomes.some((outcome) => outcome.end === 'stuck' && outcome.breaches[0]!.command === 'ReleaseInventory')).toBe(true);
    expect(bulk.compensationFailureRates).toEqual({ CancelOrder: 0.5, ReleaseInventory: 0.5 });
  });

  it('does a bounded amount of work per run (counted, not timed: npm run bench measures the throughput)', () => {
    const figures = bulkCounts(order(), { runs: 200_000, seed: 1, failureRates: rates, maxRetries: 3 });
    expect(figures.runs).toBe(200_000);
    expect([...figures.counts.values()].reduce((sum, { count }) => sum + count, 0)).toBe(figures.runs);
    // a run sends each step and each compensation once, plus the retries of the steps after the pivot
    const steps = order().steps.length;
    expect(figures.worst).toBeLessThanOrEqual(2 * steps + 3 * steps);
    expect(figures.commands).toBeLessThanOrEqual(figures.runs * figures.worst);
    expect(figures.commands).toBeGreaterThan(figures.runs * steps * 0.5);
  });
});

describe('the seeded generator', () => {
  it('repeats its sequence for a seed', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(new Prng(8).next()).not.toBe(xs[0]);
  });
});
