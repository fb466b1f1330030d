/**
 * The exploration of a choreographed saga: every single reaction failure (and
 * every pair, for up to 12 reactions), every event delivered twice, and seeded
 * delivery orders of each, played a run at a time within a work budget
 * (work-budget.ts), counted in deliveries and reactions.
 */
import type { Saga } from '../model/elements';
import type { Choreography } from '../sagas/choreography';
import { choreographyFor, simulateChoreography, type ChoreographyBreach, type ChoreographyEnd, type ChoreographyOptions, type ChoreographyRunResult } from './choreographed';
import { StepMeter, type ExplorationCoverage, type SlicedExploration, type WorkBudget } from './work-budget';

export interface ChoreographyOutcome {
  key: string;
  end: ChoreographyEnd;
  /** The events that happened, sorted. */
  events: string[];
  breaches: ChoreographyBreach[];
  count: number;
  example: ChoreographyRunResult;
  /** The options of the example run. */
  scenario: ChoreographyOptions;
}

export interface ChoreographyExploration {
  saga: string;
  runs: number;
  outcomes: ChoreographyOutcome[];
  ok: boolean;
  /** Every scenario played, or how far the budget reached. */
  coverage: ExplorationCoverage;
}

/**
 * Every single reaction failure (and every pair, for up to 12 reactions), every
 * event delivered twice, and `orders` seeded delivery orders of each of them;
 * the distinct outcomes (end, events that happened, breaches) with a count and an example.
 */
export function exploreChoreography(source: Saga | Choreography, options: ChoreographyExploreOptions = {}, budget: WorkBudget = {}): ChoreographyExploration {
  const explorer = new ChoreographyExplorer(source, options, budget);
  explorer.advance();
  return explorer.result();
}

export interface ChoreographyExploreOptions {
  /** Seeded delivery orders of each scenario (default 8). */
  orders?: number;
  /** Pairs of reaction failures (default: for up to 12 reactions). */
  pairs?: boolean;
}

/** The exploration of a choreography, a run at a time (as OrchestrationExplorer): `advance` plays runs until a slice of deliveries is spent. */
export class ChoreographyExplorer implements SlicedExploration {
  private readonly choreography: Choreography;
  private readonly scenarios: ChoreographyOptions[];
  private readonly outcomes = new Map<string, ChoreographyOutcome>();
  private readonly meter: StepMeter;
  private played = 0;

  constructor(source: Saga | Choreography, options: ChoreographyExploreOptions = {}, budget: WorkBudget = {}) {
    this.choreography = choreographyFor(source);
    this.scenarios = scenariosOf(this.choreography, options);
    this.meter = new StepMeter(budget);
  }

  advance(steps = Infinity): boolean {
    const until = this.meter.total + steps;
    while (this.played < this.scenarios.length) {
      if (this.meter.exhausted) return true;
      if (this.meter.total >= until) return false;
      const scenario = this.scenarios[this.played++]!;
      const run = simulateChoreography(this.choreography, scenario);
      // a run's work: its deliveries, and a turn per reaction (the board it sets up and the checks at its end)
      this.meter.spend(run.deliveries + this.choreography.reactions.length);
      const events = [...run.events].sort();
      const key = `${run.end} | ${events.join(', ')} | ${run.breaches.map((b) => `${b.kind}${b.reaction !== undefined ? ' #' + (b.reaction + 1) : ''}${b.event ? ' ' + b.event : ''}`).join(', ') || 'ok'}`;
      const known = this.outcomes.get(key);
      if (known) known.count++;
      else this.outcomes.set(key, { key, end: run.end, events, breaches: run.breaches, count: 1, example: run, scenario });
    }
    return true;
  }

  coverage(): ExplorationCoverage {
    return this.meter.coverage(this.played, this.scenarios.length, true, this.played === this.scenarios.length);
  }

  /** The outcomes of the runs played so far. */
  result(): ChoreographyExploration {
    const list = [...this.outcomes.values()];
    return { saga: this.choreography.saga.name, runs: this.played, outcomes: list, ok: list.every((outcome) => outcome.breaches.length === 0), coverage: this.coverage() };
  }
}

/** Every scenario to play, in order: each with `orders` seeded delivery orders after it. */
function scenariosOf(choreography: Choreography, options: ChoreographyExploreOptions): ChoreographyOptions[] {
  const count = choreography.reactions.length;
  const scenarios: ChoreographyOptions[] = [{}];
  for (let a = 0; a < count; a++) scenarios.push({ failReactions: [a] });
  if (options.pairs ?? count <= 12) for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) scenarios.push({ failReactions: [a, b] });
  const names = [...new Set([...choreography.triggers, ...choreography.emitters.keys()])];
  for (const name of names) scenarios.push({ duplicate: [name] });
  const orders = options.orders ?? 8;
  const all: ChoreographyOptions[] = [];
  for (const scenario of scenarios) {
    all.push(scenario);
    for (let seed = 1; seed <= orders; seed++) all.push({ ...scenario, reorder: true, seed });
  }
  return all;
}
