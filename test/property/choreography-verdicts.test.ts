/**
 * The flow analysis (what the choreography rules say) and the simulator's event
 * bus agree on every choreographed saga of the examples and fixtures and on
 * generated ones: for every combination of failing reactions, the bus (first
 * come first served, reordered, with every message duplicated) delivers the
 * events and fires the reactions the flow engine does; what the analysis calls
 * possible, inevitable or able to fire is what the runs show; and a join the
 * rules call dead never fires on the bus and waits forever as soon as one of
 * its events happens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostics';
import type { Saga } from '../../src/language/model/elements';
import { choreographyOf, runChoreography } from '../../src/language/sagas/choreography';
import { exploreChoreography } from '../../src/language/simulation/choreography-explore';
import { simulateChoreography } from '../../src/language/simulation/choreographed';
import { checkText, choreographedSagaText, corpusWorkspaces } from './sagas';

/** At most 2^8 combinations of failing reactions per saga. */
const maxChoices = 8;

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Checks every verdict on one choreographed saga against the workspace's diagnostics; returns how many runs were compared. */
function checkChoreography(saga: Saga, diagnostics: readonly Diagnostic[]): number {
  const choreography = choreographyOf(saga);
  const flow = choreography.flow;
  const choices = choreography.reactions.filter((reaction) => reaction.choice).map((reaction) => reaction.index);
  const everyCombination = choices.length <= maxChoices;
  const combinations = everyCombination ? 1 << choices.length : 1 << maxChoices;
  const possible = new Set<string>();
  let inevitable: Set<string> | undefined;
  const fired = new Set<number>();
  const stalled = new Set<number>();
  const names = sorted([...choreography.triggers, ...choreography.emitters.keys()]);
  for (let combination = 0; combination < combinations; combination++) {
    const failing = choices.filter((_, bit) => bit < maxChoices && combination & (1 << bit));
    const label = `${saga.name}, failing ${failing.join(', ') || 'none'}`;
    const engine = runChoreography(choreography, (reaction) => (failing.includes(reaction.index) ? 'failure' : 'success'));
    const bus = simulateChoreography(choreography, { failReactions: failing });
    // first come first served, the bus delivers what the engine delivers, in the same order, and fires the same reactions
    expect(bus.events, label).toEqual(engine.events);
    expect(bus.firings.map((f) => `${f.reaction}:${f.outcome}`), label).toEqual(engine.firings.map((f) => `${f.reaction}:${f.outcome}`));
    // in any order, and with every message delivered twice, the same events happen and the same reactions fire
    for (const options of [{ reorder: true, seed: combination + 1 }, { duplicate: names }, { reorder: true, seed: 7, duplicate: names }]) {
      const other = simulateChoreography(choreography, { failReactions: failing, ...options });
      expect(sorted(other.events), `${label} ${JSON.stringify(options)}`).toEqual(sorted(engine.events));
      expect(sorted(other.firings.map((f) => `${f.reaction}:${f.outcome}`)), `${label} ${JSON.stringify(options)}`).toEqual(sorted(engine.firings.map((f) => `${f.reaction}:${f.outcome}`)));
    }
    // the analysis knows what happens
    for (const event of bus.events) expect(flow.possible, label).toContain(event);
    for (const event of flow.inevitable) expect(bus.events, label).toContain(event);
    for (const firing of bus.firings) expect(flow.canFire[firing.reaction], `${label}: reaction ${firing.reaction}`).toBe(true);
    for (const event of bus.events) possible.add(event);
    inevitable = inevitable ? new Set([...inevitable].filter((event) => bus.events.includes(event))) : new Set(bus.events);
    for (const firing of bus.firings) fired.add(firing.reaction);
    for (const breach of bus.breaches) if (breach.kind === 'stalled-join') stalled.add(breach.reaction!);
    // the bus says a join waits forever exactly when it got some of its events and did not fire
    const happened = new Set(engine.events);
    const firedHere = new Set(engine.firings.map((f) => f.reaction));
    const waiting = choreography.reactions.filter((r) => r.join === 'and' && !firedHere.has(r.index) && r.listensTo.some((name) => happened.has(name))).map((r) => r.index);
    expect(bus.breaches.filter((b) => b.kind === 'stalled-join').map((b) => b.reaction), label).toEqual(waiting);
  }
  // exploration on the bus (any reaction failing, with or without `else`, duplicates, orders) never goes beyond what the analysis allows
  for (const outcome of exploreChoreography(choreography, { orders: 2 }).outcomes) {
    for (const event of outcome.events) expect(flow.possible, `${saga.name} ${outcome.key}`).toContain(event);
    for (const firing of outcome.example.firings) expect(flow.canFire[firing.reaction], `${saga.name} ${outcome.key}`).toBe(true);
  }
  if (everyCombination && flow.method === 'exhaustive') {
    // every combination played: the analysis is exact
    expect(sorted(possible), saga.name).toEqual(sorted(flow.possible));
    expect(sorted(inevitable ?? []), saga.name).toEqual(sorted(flow.inevitable));
    expect(choreography.reactions.map((r) => fired.has(r.index)), saga.name).toEqual(flow.canFire);
  }
  // a join the rules call dead never fires on the bus, and waits forever in some run as soon as one of its events can happen
  const flagged = new Set(diagnostics.filter((d) => d.code === 'choreography-join-never-fires').map((d) => `${d.uri}:${d.range.start}`));
  const unheard = new Set(choreography.unheard);
  for (const dead of flow.deadJoins) {
    const reaction = choreography.reactions[dead.reaction]!;
    expect(fired.has(dead.reaction), `${saga.name}: dead join ${dead.reaction} fired`).toBe(false);
    if (everyCombination && reaction.listensTo.some((name) => flow.possible.has(name))) expect(stalled, `${saga.name}: dead join ${dead.reaction}`).toContain(dead.reaction);
    const reported = !(dead.reason === 'never-happens' && dead.events.every((name) => unheard.has(name)));
    const where = `${reaction.source.uri}:${reaction.source.triggers[0]?.range.start ?? reaction.source.range.start}`;
    expect(flagged.has(where), `${saga.name}: dead join ${dead.reaction} reported`).toBe(reported);
  }
  return combinations;
}

describe('the flow analysis and the simulator give a choreography the same verdict', () => {
  it('on every choreographed saga of the examples and fixtures', () => {
    let sagas = 0;
    for (const checked of corpusWorkspaces()) {
      for (const saga of checked.model.sagas.filter((s) => s.style === 'choreographed')) {
        checkChoreography(saga, checked.diagnostics);
        sagas++;
      }
    }
    expect(sagas).toBeGreaterThan(5);
  });

  it('on generated sagas', () => {
    let runs = 0;
    fc.assert(
      fc.property(choreographedSagaText(), (text) => {
        const checked = checkText(text);
        runs += checkChoreography(checked.model.sagas[0]!, checked.diagnostics);
      }),
      { numRuns: 100, seed: 20 },
    );
    expect(runs).toBeGreaterThan(100);
  });
});
