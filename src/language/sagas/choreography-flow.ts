/**
 * What can happen in a choreographed saga: every reaction with an `else` is a
 * choice point, and the flow analysis plays every combination of outcomes (each
 * run is one saga instance). When the combinations are too many it falls back to
 * a conservative static analysis that never claims something impossible that is
 * possible.
 */
import type { Choreography, ChoreographyReaction, ChoreographyRun, Outcome } from './choreography';
import { CompiledFlow, RunSets, type Mode } from './choreography-engine';

/** At most this many runs are played (2^12 combinations of outcomes). */
export const maxRuns = 4096;
/** At most this many names are delivered in all runs of one saga together, so that validation stays fast. */
export const maxDeliveries = 100_000;

/** Why an `and`-join can never fire. */
export interface DeadJoin {
  /** The joining reaction. */
  reaction: number;
  /**
   * - `never-happens`: `events` never happen in any run;
   * - `exclusive`: `events` are the two alternative outcomes (`emits … else …`) of reaction `choice`;
   * - `never-together`: `events` each happen, but never all in one run.
   */
  reason: 'never-happens' | 'exclusive' | 'never-together';
  events: string[];
  choice?: number;
}

export interface FlowAnalysis {
  /** `exhaustive`: every combination of outcomes was played; `static`: too many, a conservative estimate. */
  method: 'exhaustive' | 'static';
  /** The runs played (0 when static). */
  runs: number;
  /** Names that happen in some run, triggers included. */
  possible: Set<string>;
  /** Names that happen in every run (static: at least these). */
  inevitable: Set<string>;
  /** Per reaction: whether it fires in some run. */
  canFire: boolean[];
  /** The `and`-joins that never fire, and why. */
  deadJoins: DeadJoin[];
}

const compiled = new WeakMap<Choreography, CompiledFlow>();

/** The choreography compiled for fast runs (kept as long as the choreography). */
export function compiledFlowOf(choreography: Choreography): CompiledFlow {
  let flow = compiled.get(choreography);
  if (!flow) {
    flow = new CompiledFlow(choreography);
    compiled.set(choreography, flow);
  }
  return flow;
}

/**
 * Plays one saga instance: the triggers arrive, then each name is handed to the
 * reactions that listen to it, in source order. `decide` picks the outcome of each
 * reaction that has an `else` (by default: success).
 */
export function runChoreography(choreography: Choreography, decide: (reaction: ChoreographyReaction) => Outcome = () => 'success'): ChoreographyRun {
  const flow = compiledFlowOf(choreography);
  const run: ChoreographyRun = { choices: new Map(), firings: [], events: [] };
  const length = flow.run(
    (index) => (decide(choreography.reactions[index]!) === 'failure' ? 1 : 0),
    (index, mode, cause) => {
      const reaction = choreography.reactions[index]!;
      const outcome: Outcome = mode === 1 ? 'failure' : 'success';
      if (reaction.choice) run.choices.set(index, outcome);
      run.firings.push({ reaction: index, outcome, cause: flow.names[cause]!, emitted: flow.outcome(index, mode === 1).map((name) => flow.names[name]!) });
    },
  );
  for (let i = 0; i < length; i++) run.events.push(flow.names[flow.order[i]!]!);
  return run;
}

interface Explored {
  runs: RunSets;
  fired: boolean[];
}

/**
 * Plays every combination of the outcomes of the choice points that fire, in
 * lexicographic order (success before failure): after each run, the last success
 * decision is flipped and the decisions after it dropped. Undefined when over budget.
 */
function explore(flow: CompiledFlow): Explored | undefined {
  const explored: Explored = { runs: new RunSets(flow.names.length), fired: new Array<boolean>(flow.reactionCount).fill(false) };
  let prefix: Mode[] = [];
  const decisions: Mode[] = [];
  const decide = (): Mode => {
    const decision = decisions.length < prefix.length ? prefix[decisions.length]! : 0;
    decisions.push(decision);
    return decision;
  };
  let deliveries = 0;
  for (;;) {
    decisions.length = 0;
    deliveries += flow.run(decide) + 1;
    if (explored.runs.count >= maxRuns || deliveries > maxDeliveries) return undefined;
    explored.runs.add(flow.delivered);
    for (let reaction = 0; reaction < flow.reactionCount; reaction++) if (flow.fired[reaction]) explored.fired[reaction] = true;
    let last = decisions.length - 1;
    while (last >= 0 && decisions[last] === 1) last--;
    if (last < 0) return explored;
    prefix = decisions.slice(0, last);
    prefix.push(1);
  }
}

export function analyseFlow(choreography: Choreography): FlowAnalysis {
  const flow = compiledFlowOf(choreography);
  const explored = explore(flow);
  return explored ? exhaustive(choreography, flow, explored) : conservative(choreography, flow);
}

function exhaustive(choreography: Choreography, flow: CompiledFlow, explored: Explored): FlowAnalysis {
  const { runs } = explored;
  const possible = new Set<string>();
  const inevitable = new Set<string>();
  flow.names.forEach((name, id) => {
    if (runs.together([id])) possible.add(name);
    let always = runs.count > 0;
    for (let run = 0; run < runs.count && always; run++) always = runs.has(run, id);
    if (always) inevitable.add(name);
  });
  const id = (name: string) => flow.ids.get(name)!;
  const deadJoins: DeadJoin[] = [];
  for (const reaction of choreography.reactions) {
    if (reaction.join !== 'and' || explored.fired[reaction.index]) continue;
    const names = [...new Set(reaction.listensTo)];
    const never = names.filter((name) => !possible.has(name));
    if (never.length) {
      deadJoins.push({ reaction: reaction.index, reason: 'never-happens', events: never });
      continue;
    }
    const pairs: [string, string][] = [];
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) if (!runs.together([id(names[i]!), id(names[j]!)])) pairs.push([names[i]!, names[j]!]);
    const exclusive = pairs.map((pair) => ({ pair, choice: alternativesOf(choreography, pair) })).find((candidate) => candidate.choice !== undefined);
    if (exclusive) deadJoins.push({ reaction: reaction.index, reason: 'exclusive', events: exclusive.pair, choice: exclusive.choice! });
    else deadJoins.push({ reaction: reaction.index, reason: 'never-together', events: pairs[0] ?? names });
  }
  return { method: 'exhaustive', runs: runs.count, possible, inevitable, canFire: explored.fired, deadJoins };
}

/** The reaction whose success and `else` outcomes are the two names, if any. */
function alternativesOf(choreography: Choreography, [a, b]: [string, string]): number | undefined {
  return choreography.reactions.find(
    (reaction) => (reaction.emits.includes(a) && reaction.otherwise.includes(b)) || (reaction.emits.includes(b) && reaction.otherwise.includes(a)),
  )?.index;
}

function deliveredNames(flow: CompiledFlow): Set<string> {
  const names = new Set<string>();
  flow.names.forEach((name, id) => {
    if (flow.delivered[id]) names.add(name);
  });
  return names;
}

/** Too many combinations: every choice point may take both outcomes (an over-approximation of what can happen). */
function conservative(choreography: Choreography, flow: CompiledFlow): FlowAnalysis {
  flow.run(() => 2);
  const possible = deliveredNames(flow);
  const canFire = [...flow.fired];
  // what happens without taking any choice point happens in every run
  flow.run(() => 3);
  const inevitable = deliveredNames(flow);
  const triggers = new Set(choreography.triggers);
  const onlyFrom = (name: string) => {
    const emissions = choreography.emitters.get(name) ?? [];
    const first = emissions[0];
    return !triggers.has(name) && first && emissions.every((e) => e.reaction === first.reaction && e.outcome === first.outcome) ? first : undefined;
  };
  const deadJoins: DeadJoin[] = [];
  for (const reaction of choreography.reactions) {
    if (reaction.join !== 'and') continue;
    const names = [...new Set(reaction.listensTo)];
    const never = names.filter((name) => !possible.has(name));
    if (never.length) {
      deadJoins.push({ reaction: reaction.index, reason: 'never-happens', events: never });
      continue;
    }
    search: for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = onlyFrom(names[i]!);
        const b = onlyFrom(names[j]!);
        if (a && b && a.reaction === b.reaction && a.outcome !== b.outcome) {
          deadJoins.push({ reaction: reaction.index, reason: 'exclusive', events: [names[i]!, names[j]!], choice: a.reaction });
          canFire[reaction.index] = false;
          break search;
        }
      }
    }
  }
  return { method: 'static', runs: 0, possible, inevitable, canFire, deadJoins };
}
