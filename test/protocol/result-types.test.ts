/**
 * One source of truth per result type: the protocol's simulator results are the
 * core's types (imported as types), and only what changes form on the wire is
 * declared again. The type assertions below are checked by `tsc` (`npm run
 * typecheck`, the first step of `npm test`): `toEqualTypeOf` (`.branded` where
 * one side is an intersection) fails when the two
 * sides disagree in EITHER direction (a field only one side has, required or
 * optional, or a field typed differently); the `@ts-expect-error` lines prove
 * that it does. At run time, every value the core produces passes the
 * protocol's validators.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { StreamReplay as CoreStreamReplay } from '../../src/language/simulation/stream-replay';
import * as core from '../../src/language/simulation/index';
import * as protocol from '../../src/protocol/index';
import { bulk, explore, replay, simulationRun } from '../../src/server/simulation-requests';
import { exampleWorkspace } from '../simulation/load';

type Problem = CoreStreamReplay['problems'][number];

describe('the protocol carries the core results as they are', () => {
  test('the runs, verdicts and rows are the core types, in both directions', () => {
    expectTypeOf<protocol.SimulationRun>().toEqualTypeOf<core.SimulationRun>();
    expectTypeOf<protocol.OrchestratedRun>().toEqualTypeOf<core.OrchestratedRun>();
    expectTypeOf<protocol.ChoreographedRun>().toEqualTypeOf<core.ChoreographedRun>();
    expectTypeOf<protocol.SimSaga>().toEqualTypeOf<core.SimSaga>();
    expectTypeOf<protocol.SimStep>().toEqualTypeOf<core.SimStep>();
    expectTypeOf<protocol.Verdict>().toEqualTypeOf<core.Verdict>();
    expectTypeOf<protocol.ChoreographyVerdict>().toEqualTypeOf<core.ChoreographyVerdict>();
    expectTypeOf<protocol.TimelineEvent>().toEqualTypeOf<core.TimelineEvent>();
    expectTypeOf<protocol.ChoreographyEvent>().toEqualTypeOf<core.ChoreographyEvent>();
    expectTypeOf<protocol.NextAction>().toEqualTypeOf<core.NextAction>();
    expectTypeOf<protocol.OutcomeRow>().toEqualTypeOf<core.OutcomeRow>();
    expectTypeOf<protocol.ChoreographyOutcomeRow>().toEqualTypeOf<core.ChoreographyOutcomeRow>();
    expectTypeOf<protocol.Fault>().toEqualTypeOf<core.Fault>();
    expectTypeOf<protocol.CrashPoint>().toEqualTypeOf<core.CrashPoint>();
    expectTypeOf<protocol.ChoreographyInjections>().toEqualTypeOf<core.ChoreographyInjections>();
  });

  test('a request is what the core takes, plus which saga and how far', () => {
    expectTypeOf<Omit<protocol.SimulateParams, 'saga' | 'steps'>>().toEqualTypeOf<core.SagaInjections>();
    expectTypeOf<protocol.SimulateParams['steps']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Omit<protocol.BulkParams, 'saga'>>().toEqualTypeOf<core.BulkRequest>();
  });

  test('many runs: the core summaries, and how long the server took', () => {
    expectTypeOf<Omit<protocol.BulkResult, 'ms'>>().branded.toEqualTypeOf<core.BulkSummary>();
    expectTypeOf<Extract<protocol.ExploreResult, { style: 'orchestrated' }>>().branded.toEqualTypeOf<Extract<core.ExplorationSummary, { style: 'orchestrated' }> & { ms: number }>();
    expectTypeOf<Extract<protocol.ExploreResult, { style: 'choreographed' }>>().branded.toEqualTypeOf<Extract<core.ExplorationSummary, { style: 'choreographed' }> & { ms: number }>();
  });

  test('a stream replay changes form: its offset ranges become LSP ranges, nothing else', () => {
    expectTypeOf<Omit<protocol.StreamReplay, 'problems'>>().toEqualTypeOf<Omit<CoreStreamReplay, 'problems'>>();
    expectTypeOf<protocol.StreamReplay['problems'][number]>().branded.toEqualTypeOf<Omit<Problem, 'range'> & { range: protocol.SourceRange }>();
    expectTypeOf<protocol.StateValue>().branded.toEqualTypeOf<core.StreamReplay['initial'][string]>();
  });

  test('the lists of names the validators check are the core unions', () => {
    expectTypeOf<(typeof protocol.actionTargets)[number]>().toEqualTypeOf<core.ActionTarget>();
    expectTypeOf<(typeof protocol.crashTargets)[number]>().toEqualTypeOf<core.CrashPoint['target']>();
    expectTypeOf<(typeof protocol.crashMoments)[number]>().toEqualTypeOf<core.CrashPoint['when']>();
  });

  test('the server answers in the protocol types', () => {
    expectTypeOf(simulationRun).returns.toHaveProperty('run').toEqualTypeOf<protocol.SimulationRun>();
    expectTypeOf(explore).returns.resolves.toEqualTypeOf<protocol.ExploreResult>();
    expectTypeOf(bulk).returns.resolves.toEqualTypeOf<protocol.BulkResult>();
    expectTypeOf(replay).returns.toEqualTypeOf<protocol.ReplayResult>();
  });

  test('the check fails when the two sides disagree, in either direction', () => {
    // a required field the core adds (the one-way check this replaces let it through)
    // @ts-expect-error the protocol's SimStep has no `weight`
    expectTypeOf<core.SimStep & { weight: number }>().toEqualTypeOf<protocol.SimStep>();
    // an optional field only one side has
    // @ts-expect-error the protocol's Verdict has no `note`
    expectTypeOf<protocol.Verdict>().toEqualTypeOf<core.Verdict & { note?: string }>();
    // a field the other side lacks
    // @ts-expect-error the core's OrchestratedRun has `nextText`
    expectTypeOf<Omit<core.OrchestratedRun, 'nextText'>>().toEqualTypeOf<protocol.OrchestratedRun>();
    // a list of names with one name too many
    // @ts-expect-error `resume` is no ActionTarget
    expectTypeOf<(typeof protocol.actionTargets)[number] | 'resume'>().toEqualTypeOf<core.ActionTarget>();
    // a range left as offsets
    // @ts-expect-error the wire carries LSP ranges
    expectTypeOf<protocol.StreamReplay['problems'][number]>().toEqualTypeOf<Problem>();
  });
});

test('every fault, crash point and injection the core produces passes the protocol validators', () => {
  const model = exampleWorkspace().model;
  let checked = 0;
  for (const saga of model.sagas) {
    const explored = core.explorationSummary(saga, { depth: 1 });
    const requests: protocol.SimulateParams[] =
      explored.style === 'choreographed'
        ? explored.outcomes.map((outcome) => ({ saga: saga.name, choreography: outcome.injections }))
        : explored.outcomes.map((outcome) => ({ saga: saga.name, faults: outcome.faults, crashes: outcome.crashes }));
    if (saga.style !== 'choreographed') {
      // what "fail next" and "crash here" inject, at every point of the happy path
      const session = new core.OrchestratedSession(saga, {});
      for (let k = 0; k <= session.steps; k++) {
        for (const move of [session.failNext(k), session.crashHere(k)]) if (move) requests.push({ saga: saga.name, ...move.injections, steps: move.step });
      }
    }
    for (const params of requests) {
      const result = protocol.checkRequestParams('ddd/simulate', params);
      expect(result.ok ? result.value : result.reason).toEqual(params);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
});
