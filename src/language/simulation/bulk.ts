/**
 * Bulk runs of an orchestrated saga: N seeded runs where each attempt of each
 * step (and of each compensation) fails with a given probability. The saga is
 * compiled once; the loop reuses one machine and allocates nothing per run or
 * per step. Each run draws its own seed from a mulberry32 sequence, so the same
 * seed gives the same counts, and any run can be replayed traced.
 */
import { compileSaga } from './compile';
import { defaultMaxRetries, Machine } from './engine';
import { summaryOf } from './explore';
import { simulateSaga, type SagaSource } from './orchestrated';
import { Prng, seedState } from './prng';
import type { BulkResult, OutcomeSummary } from './types';

export interface BulkOptions {
  runs: number;
  seed?: number;
  /** Per step: the probability that an attempt fails. */
  failureRates?: readonly number[];
  /** Per step: the probability that an attempt of its compensation fails. */
  compensationFailureRates?: readonly number[];
  maxRetries?: number;
}

/** The raw figures of a bulk run, before the outcomes are traced. */
export interface BulkCounts {
  runs: number;
  /** Per outcome code (see Machine.outcomeCode): how many runs, and the seed of the first. */
  counts: Map<number, { count: number; seed: number }>;
  commands: number;
  worst: number;
}

/** The hot loop, exposed for the benchmark. */
export function bulkCounts(source: SagaSource, options: BulkOptions): BulkCounts {
  const saga = compileSaga(source);
  const machine = new Machine(saga, { maxRetries: options.maxRetries ?? defaultMaxRetries });
  machine.setRates(options.failureRates, options.compensationFailureRates);
  const prng = new Prng(options.seed ?? 1);
  const n = saga.n;
  const size = 1 + 2 * n + n * n;
  const dense = size <= 1 << 16;
  const counts = new Int32Array(dense ? size : 0);
  const seeds = new Uint32Array(dense ? size : 0);
  const sparse = new Map<number, { count: number; seed: number }>();
  let commands = 0;
  let worst = 0;
  const runs = Math.max(0, Math.floor(options.runs));
  for (let r = 0; r < runs; r++) {
    const seed = prng.nextUint32();
    machine.runSeed = seed;
    machine.reset();
    while (machine.advance());
    const code = machine.outcomeCode();
    if (dense) {
      if (counts[code]!++ === 0) seeds[code] = seed;
    } else {
      const entry = sparse.get(code);
      if (entry) entry.count++;
      else sparse.set(code, { count: 1, seed });
    }
    const sent = machine.commandsSent;
    commands += sent;
    if (sent > worst) worst = sent;
  }
  if (dense) for (let code = 0; code < size; code++) if (counts[code]) sparse.set(code, { count: counts[code]!, seed: seeds[code]! });
  return { runs, counts: sparse, commands, worst };
}

function ratesRecord(commands: readonly string[], rates: readonly number[] | undefined): Record<string, number> {
  const record: Record<string, number> = {};
  commands.forEach((command, i) => {
    const rate = rates?.[i] ?? 0;
    if (rate > 0 && command) record[command] = rate;
  });
  return record;
}

/** N seeded runs with per-step failure probabilities: outcome counts and percentages, mean and worst-case commands sent. */
export function bulkSimulate(source: SagaSource, options: BulkOptions): BulkResult {
  const saga = compileSaga(source);
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  const seed = seedState(options.seed ?? 1);
  const figures = bulkCounts(saga, { ...options, seed });
  const outcomes: OutcomeSummary[] = [];
  let breachedRuns = 0;
  for (const [, { count, seed: runSeed }] of [...figures.counts].sort((a, b) => b[1].count - a[1].count || a[0] - b[0])) {
    const example = simulateSaga(saga, {
      maxRetries,
      seed: runSeed,
      failureRates: options.failureRates ?? [],
      compensationFailureRates: options.compensationFailureRates ?? [],
    });
    const summary = summaryOf(example, count);
    summary.percent = figures.runs ? Math.round((count / figures.runs) * 1e6) / 1e4 : 0;
    if (!example.ok) breachedRuns += count;
    outcomes.push(summary);
  }
  return {
    saga: saga.info.name,
    runs: figures.runs,
    seed,
    maxRetries,
    failureRates: ratesRecord(saga.commands, options.failureRates),
    compensationFailureRates: ratesRecord(saga.compensations, options.compensationFailureRates),
    outcomes,
    commands: { mean: figures.runs ? Math.round((figures.commands / figures.runs) * 1e4) / 1e4 : 0, worst: figures.worst },
    breachedRuns,
    ok: breachedRuns === 0,
  };
}
