/**
 * Bulk runs of an orchestrated saga: N seeded runs where each attempt of each
 * step (and of each compensation) fails with a given probability. The saga is
 * compiled once; the loop reuses one machine and allocates nothing per run or
 * per step. Each run draws its own seed from a mulberry32 sequence, so the same
 * seed gives the same counts, and any run can be replayed traced.
 */
import { compileSaga, type CompiledSaga } from './compile';
import { defaultMaxRetries, Orchestrator } from './engine';
import { summaryOf } from './explore';
import { simulateOrchestration, type SagaSource } from './orchestrated';
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
  /** Per outcome code (see Orchestrator.outcomeCode): how many runs, and the seed of the first. */
  counts: Map<number, { count: number; seed: number }>;
  commands: number;
  worst: number;
}

/**
 * Bulk runs that can be done a slice at a time, so that a caller with other work
 * (the language server) can run a million of them without stopping for the
 * whole. The counts are the same however the runs are sliced.
 */
export class BulkCounter {
  readonly saga: CompiledSaga;
  readonly runs: number;
  private readonly machine: Orchestrator;
  private readonly prng: Prng;
  private readonly size: number;
  private readonly dense: boolean;
  private readonly counts: Int32Array;
  private readonly seeds: Uint32Array;
  private readonly sparse = new Map<number, { count: number; seed: number }>();
  private done = 0;
  private commands = 0;
  private worst = 0;

  constructor(source: SagaSource, options: BulkOptions) {
    this.saga = compileSaga(source);
    this.machine = new Orchestrator(this.saga, { maxRetries: options.maxRetries ?? defaultMaxRetries });
    this.machine.setRates(options.failureRates, options.compensationFailureRates);
    this.prng = new Prng(options.seed ?? 1);
    const n = this.saga.n;
    this.size = 1 + 2 * n + n * n;
    this.dense = this.size <= 1 << 16;
    this.counts = new Int32Array(this.dense ? this.size : 0);
    this.seeds = new Uint32Array(this.dense ? this.size : 0);
    this.runs = Math.max(0, Math.floor(options.runs));
  }

  /** Runs up to `slice` more runs (the hot loop: nothing allocated per run or per step); true when all are done. */
  advance(slice = Infinity): boolean {
    const { machine, prng, dense, counts, seeds, sparse } = this;
    const until = Math.min(this.runs, this.done + slice);
    let commands = 0;
    let worst = this.worst;
    for (let r = this.done; r < until; r++) {
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
    this.commands += commands;
    this.worst = worst;
    this.done = until;
    return this.done >= this.runs;
  }

  /** The figures of the runs done so far. */
  figures(): BulkCounts {
    const outcomes = new Map(this.sparse);
    if (this.dense) for (let code = 0; code < this.size; code++) if (this.counts[code]) outcomes.set(code, { count: this.counts[code]!, seed: this.seeds[code]! });
    return { runs: this.done, counts: outcomes, commands: this.commands, worst: this.worst };
  }
}

/** The hot loop in one go, exposed for the benchmark. */
export function bulkCounts(source: SagaSource, options: BulkOptions): BulkCounts {
  const counter = new BulkCounter(source, options);
  counter.advance();
  return counter.figures();
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
  const counter = startBulk(source, options);
  counter.advance();
  return bulkResult(counter, options);
}

/** A bulk run to advance a slice at a time (`advance`), then summarise with `bulkResult`. */
export function startBulk(source: SagaSource, options: BulkOptions): BulkCounter {
  return new BulkCounter(source, { ...options, seed: seedState(options.seed ?? 1) });
}

/** The outcomes of the runs a counter has done, each with the traced run of its first seed. */
export function bulkResult(counter: BulkCounter, options: BulkOptions): BulkResult {
  const saga = counter.saga;
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  const seed = seedState(options.seed ?? 1);
  const figures = counter.figures();
  const outcomes: OutcomeSummary[] = [];
  let breachedRuns = 0;
  for (const [, { count, seed: runSeed }] of [...figures.counts].sort((a, b) => b[1].count - a[1].count || a[0] - b[0])) {
    const example = simulateOrchestration(saga, {
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
