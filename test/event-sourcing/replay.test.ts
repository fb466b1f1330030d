import { describe, expect, it } from 'vitest';
import { replayStream, streamAggregate, type ReplayResult } from '../../src/language/event-sourcing/replay';
import { check, sketchBlocks } from '../helpers';

/** Replays the first stream of the text's first context. */
function replay(text: string): ReplayResult {
  const { model } = check(text);
  const stream = [...model.contexts.values()].flatMap((context) => context.streams)[0]!;
  return replayStream(stream);
}

function account(root: string, events: string, stream: string): string {
  return `context Banking {
  aggregate Account eventsourced {
    root entity Account { id: AccountId  ${root} }
${events}
  }
  stream A1 of Account {
${stream}
  }
}`;
}

const banking =
  '    event AccountCreated { initial: Decimal } applies balance = initial\n' +
  '    event Deposited { amount: Decimal } applies balance += amount\n' +
  '    event Withdrawn { amount: Decimal } applies balance -= amount';

describe('replaying a stream', () => {
  it("replays the sketch's account to a balance of 500", () => {
    const section4 = sketchBlocks().find((block) => block.section === 4)!.text;
    const result = replay(section4);
    expect(result.aggregate?.name).toBe('Account');
    expect(result.root?.name).toBe('Account');
    expect(result.initial).toEqual({ id: '', balance: 0 });
    expect(result.steps.map((step) => [step.event?.name, step.arguments, step.state.balance])).toEqual([
      ['AccountCreated', { initial: 0 }, 0],
      ['Deposited', { amount: 1000 }, 1000],
      ['Withdrawn', { amount: 300 }, 700],
      ['Withdrawn', { amount: 200 }, 500],
    ]);
    expect(result.steps[1]!.changes).toEqual([{ field: 'balance', before: 0, after: 1000 }]);
    expect(result.steps[0]!.changes).toEqual([]);
    expect(result.final).toEqual({ id: '', balance: 500 });
    expect(result.expectations.map(({ field, expected, actual, holds }) => ({ field, expected, actual, holds }))).toEqual([
      { field: 'balance', expected: 500, actual: 500, holds: true },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps every step’s state apart', () => {
    const result = replay(account('balance: Decimal', banking, '    Deposited(amount: 1)\n    Deposited(amount: 2)'));
    expect(result.steps.map((step) => step.state)).toEqual([{ id: '', balance: 1 }, { id: '', balance: 3 }]);
    expect(result.initial).toEqual({ id: '', balance: 0 });
  });

  it('accepts the root entity in place of the aggregate', () => {
    const { model } = check(account('balance: Decimal', banking, '    Deposited(amount: 7)'));
    const context = model.contexts.get('Banking')!;
    const stream = context.streams[0]!;
    stream.aggregate!.target = context.aggregates[0]!.entities[0];
    expect(streamAggregate(stream)).toBe(context.aggregates[0]);
    expect(replayStream(stream).final.balance).toBe(7);
  });

  it('starts fields empty by type and leaves types it does not model alone', () => {
    const result = replay(account('owner: String  frozen: Boolean  opened: DateTime  tags: List<String>  count: Int', '', ''));
    expect(result.initial).toEqual({ id: '', owner: '', frozen: false, opened: '', tags: null, count: 0 });
    expect(result.fields.map((field) => [field.name, field.type])).toEqual([
      ['id', 'string'], ['owner', 'string'], ['frozen', 'boolean'], ['opened', 'string'], ['tags', 'other'], ['count', 'number'],
    ]);
  });

  it('computes strings, booleans and + - * left to right', () => {
    const result = replay(account(
      'total: Decimal  label: String  open: Boolean',
      '    event Opened { name: String  amount: Decimal } applies label = "Account of " + name, total = total + amount * 2, open = true\n' +
      '    event Adjusted { by: Decimal } applies total -= by - 1',
      '    Opened(name: "Ada", amount: 10)\n    Adjusted(by: 3)',
    ));
    // (0 + 10) * 2 = 20; 20 - (3 - 1) = 18
    expect(result.final).toMatchObject({ label: 'Account of Ada', total: 18, open: true });
    expect(result.problems).toEqual([]);
  });

  it('keeps decimals exact enough for expectations', () => {
    const result = replay(account('balance: Decimal', banking, '    Deposited(amount: 0.1)\n    Deposited(amount: 0.2)\n    expect balance = 0.3'));
    expect(result.final.balance).toBe(0.3);
    expect(result.expectations[0]!.holds).toBe(true);
  });

  it('reports expectations that do not hold, with the expected and the actual value', () => {
    const result = replay(account('balance: Decimal', banking, '    Deposited(amount: 5)\n    expect balance = 4'));
    expect(result.expectations.map(({ expected, actual, holds }) => ({ expected, actual, holds }))).toEqual([{ expected: 4, actual: 5, holds: false }]);
  });
});

describe('what keeps a replay from being faithful', () => {
  const codes = (result: ReplayResult) => result.problems.map((problem) => [problem.code, problem.severity, problem.origin]);

  it('an unknown field in applies is reported once, and the assignment skipped', () => {
    const result = replay(account('balance: Decimal', '    event Deposited { amount: Decimal } applies balanse += amount, balance += amount', '    Deposited(amount: 1)\n    Deposited(amount: 2)'));
    expect(codes(result)).toEqual([['unknown-field', 'error', 'applies']]);
    expect(result.final.balance).toBe(3);
  });

  it('a type mismatch leaves the field unchanged', () => {
    const result = replay(account('balance: Decimal', '    event Renamed { name: String } applies balance = name', '    Renamed(name: "x")'));
    expect(codes(result)).toEqual([['type-mismatch', 'error', 'applies']]);
    expect(result.final.balance).toBe(0);
  });

  it('an event of another aggregate is reported and changes nothing', () => {
    const text = `context Banking {
  aggregate Account eventsourced {
    root entity Account { id: AccountId  balance: Decimal }
    event Deposited { amount: Decimal } applies balance += amount
  }
  aggregate Loan eventsourced {
    root entity Loan { id: LoanId }
    event LoanGranted { amount: Decimal }
  }
  stream A1 of Account {
    LoanGranted(amount: 5)
    Nothing()
  }
}`;
    const result = replay(text);
    expect(codes(result)).toEqual([['foreign-event', 'error', 'stream'], ['unresolved-event', 'error', 'stream']]);
    expect(result.steps.map((step) => step.event)).toEqual([undefined, undefined]);
    expect(result.final.balance).toBe(0);
  });

  it('arguments: unknown, duplicated, of the wrong type, missing', () => {
    const result = replay(account('balance: Decimal', banking, '    Deposited(amount: 1, note: "x")\n    Deposited(amount: 1, amount: 2)\n    Deposited(amount: "3")\n    Deposited()'));
    expect(codes(result)).toEqual([
      ['unknown-argument', 'error', 'stream'],
      ['duplicate-argument', 'error', 'stream'],
      ['argument-type', 'error', 'stream'],
      ['missing-argument', 'warning', 'stream'],
    ]);
    expect(result.steps.map((step) => step.arguments)).toEqual([{ amount: 1 }, { amount: 1 }, { amount: 0 }, { amount: 0 }]);
    expect(result.final.balance).toBe(2);
  });

  it('an expectation on an unknown field', () => {
    const result = replay(account('balance: Decimal', banking, '    expect colour = "red"'));
    expect(codes(result)).toEqual([['unknown-expectation', 'error', 'stream']]);
    expect(result.expectations[0]).toMatchObject({ field: 'colour', actual: undefined, holds: false });
  });

  it('problems carry the range of what is wrong', () => {
    const text = account('balance: Decimal', banking, '    Deposited(amount: 1, note: "x")');
    const result = replay(text);
    const { start, end } = result.problems[0]!.range;
    expect(text.slice(start, end)).toBe('note');
  });

  it('an aggregate without a root has no state to rebuild', () => {
    const result = replay('context Banking {\n  aggregate Account eventsourced {\n    entity Account { id: AccountId }\n    event Opened\n  }\n  stream A1 of Account {\n    Opened()\n  }\n}');
    expect(codes(result)).toEqual([['no-root', 'error', 'stream']]);
    expect(result.final).toEqual({});
  });
});
