import { describe, expect, it } from 'vitest';
import { findStreams, replayOf, streamsOf } from '../../src/language/simulation/index';
import { exampleWorkspace, fixtures } from './load';

describe('replaying an event stream', () => {
  it('replays the seed\'s account to 500: $0 + $1000 − $300 − $200', () => {
    const { model } = exampleWorkspace();
    const [stream] = findStreams(model, 'Account123');
    const replay = replayOf(stream!);
    expect(replay.context).toBe('Banking');
    expect(replay.aggregate).toBe('Account');
    expect(replay.steps.map((step) => [step.entry, step.state['balance']])).toEqual([
      ['AccountCreated(initial: 0)', 0],
      ['Deposited(amount: 1000)', 1000],
      ['Withdrawn(amount: 300)', 700],
      ['Withdrawn(amount: 200)', 500],
    ]);
    expect(replay.final['balance']).toBe(500);
    expect(replay.derivations).toEqual([{ field: 'balance', text: '0 + 1000 − 300 − 200 = 500' }]);
    expect(replay.expectations).toEqual([{ field: 'balance', expected: 500, actual: 500, holds: true }]);
    expect(replay.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(replay))).toEqual(replay);
  });

  it('finds streams by Context.Name and lists them all', () => {
    const { model } = exampleWorkspace();
    expect(findStreams(model, 'Banking.Account123')).toHaveLength(1);
    expect(findStreams(model, 'Sales.Account123')).toHaveLength(0);
    expect(streamsOf(model).map((stream) => stream.name)).toContain('Account123');
  });

  it('says when an expectation does not hold', () => {
    const { model } = fixtures('streams.ddd');
    const replay = replayOf(findStreams(model, 'Wallet7')[0]!);
    expect(replay.derivations).toEqual([{ field: 'balance', text: '50 + 25 − 10 = 65' }]);
    expect(replay.expectations).toEqual([{ field: 'balance', expected: 70, actual: 65, holds: false }]);
    expect(replay.ok).toBe(false);
  });
});
