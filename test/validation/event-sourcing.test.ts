import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostics';
import type { DddModel } from '../../src/language/model/model';
import { toDiagnostic } from '../../src/language/validation/rule';
import { eventSourcingRules } from '../../src/language/validation/rules/event-sourcing';
import { check, expectedProblems, fixture, sketchBlocks } from '../helpers';

const codes = new Set(eventSourcingRules.rules.map((rule) => rule.code));

function account(events: string, rest = '', eventsourced = ' eventsourced'): string {
  return `context Banking {
  aggregate Account${eventsourced} {
    root entity Account { id: AccountId  balance: Decimal  owner: String }
${events}
  }
${rest}
}
`;
}

const basics =
  '    event Deposited { amount: Decimal } applies balance += amount\n' +
  '    event Withdrawn { amount: Decimal } applies balance -= amount';

function lines(text: string, code: string): [number, string][] {
  return check(text).of(code).map((finding) => [finding.line, finding.severity]);
}

function messages(text: string, code: string): string[] {
  return check(text).of(code).map((finding) => finding.message);
}

/** Runs only the event-sourcing rules on a model (for resolutions the parser does not produce today). */
function runRules(model: DddModel): Diagnostic[] {
  const found: Diagnostic[] = [];
  eventSourcingRules.check(model, (rule, finding) => found.push(toDiagnostic(rule, finding)));
  return found;
}

describe('applies-unknown-field', () => {
  it('reports an assignment to a name that is not a field of the root', () => {
    const text = account('    event Deposited { amount: Decimal } applies balanse += amount');
    expect(check(text).of('applies-unknown-field')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'error',
        message: 'Event Deposited applies to balanse, which is not a field of root entity Account: add the field to Account or fix the name. Did you mean balance?',
      }),
    ]);
    expect(check(text).diagnostics.find((d) => d.code === 'applies-unknown-field')?.data).toEqual({ suggestion: 'balance' });
  });

  it('reports a name in the expression that is neither a field of the event nor of the root', () => {
    expect(messages(account('    event Deposited { amount: Decimal } applies balance += amout'), 'applies-unknown-field')).toEqual([
      "amout is neither a field of event Deposited nor of root entity Account: an applies expression can use the event's fields and the state's. Did you mean amount?",
    ]);
  });

  it("accepts the root's and the event's fields", () => {
    expect(lines(account(`${basics}\n    event Doubled applies balance = balance * 2`), 'applies-unknown-field')).toEqual([]);
  });
});

describe('applies-type-mismatch', () => {
  it('reports a value of the wrong type', () => {
    expect(lines(account('    event Renamed { name: String } applies balance = name'), 'applies-type-mismatch')).toEqual([[4, 'error']]);
  });

  it('reports an operator that does not take its operands', () => {
    expect(messages(account('    event Renamed { name: String } applies owner = name - "x"'), 'applies-type-mismatch')).toEqual([
      '`name - "x"` cannot be computed: - does not take a string and a string.',
    ]);
  });

  it('accepts numbers with numbers and strings joined with +', () => {
    expect(lines(account('    event Renamed { name: String  fee: Decimal } applies owner = "Mr " + name, balance -= fee * 2'), 'applies-type-mismatch')).toEqual([]);
  });
});

describe('applies-outside-event-sourcing', () => {
  it('warns about applies in an aggregate that is not event-sourced', () => {
    expect(check(account(basics, '', '')).of('applies-outside-event-sourcing')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message: 'Event Deposited applies state changes, but aggregate Account is not event-sourced: mark it `aggregate Account eventsourced`, or remove `applies`.',
      }),
      expect.objectContaining({ line: 5, severity: 'warning' }),
    ]);
  });

  it('warns about applies on an event outside any aggregate', () => {
    expect(lines(account('', '  event Audited { by: String } applies owner = by'), 'applies-outside-event-sourcing')).toEqual([[6, 'warning']]);
  });

  it('accepts applies in an event-sourced aggregate', () => {
    expect(lines(account(basics), 'applies-outside-event-sourcing')).toEqual([]);
  });
});

describe('event-without-applies', () => {
  it('informs about an event of an event-sourced aggregate that changes nothing', () => {
    expect(lines(account(`${basics}\n    event StatementSent { month: String }`), 'event-without-applies')).toEqual([[6, 'info']]);
  });

  it('says nothing in an aggregate that is not event-sourced', () => {
    expect(lines(account('    event StatementSent { month: String }', '', ''), 'event-without-applies')).toEqual([]);
  });
});

describe('stream-aggregate and stream-not-eventsourced', () => {
  it('warns about a stream of an aggregate that is not event-sourced', () => {
    const text = account('    event Deposited { amount: Decimal }', '  stream Account1 of Account {\n    Deposited(amount: 5)\n  }', '');
    expect(check(text).of('stream-not-eventsourced')).toEqual([
      expect.objectContaining({
        line: 6,
        severity: 'warning',
        message: 'Stream Account1 replays Banking.Account, which is not event-sourced: mark it `aggregate Account eventsourced`.',
      }),
    ]);
  });

  it('reports a stream of something that is not an aggregate (once references may name other kinds)', () => {
    const text = account(`${basics}\n    value Money { amount: Decimal }`, '  stream Wallet of Money { }');
    const { model } = check(text);
    const stream = model.contexts.get('Banking')!.streams[0]!;
    // today the parser resolves `of` to aggregates only (unknown-reference reports the rest): link it as a wider parser would
    stream.aggregate!.target ??= model.contexts.get('Banking')!.aggregates[0]!.values[0];
    const found = runRules(model).filter((d) => d.code === 'stream-aggregate');
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'Stream Wallet must replay an aggregate, but Money is a value object of aggregate Account: use `of Account`.'],
    ]);
  });

  it('accepts a stream of an event-sourced aggregate, named by the aggregate or its root entity', () => {
    const text = account(basics, '  stream Account1 of Account {\n    Deposited(amount: 5)\n    expect balance = 5\n  }');
    expect(check(text).problems).toEqual([]);
    const { model } = check(text);
    const aggregate = model.contexts.get('Banking')!.aggregates[0]!;
    model.contexts.get('Banking')!.streams[0]!.aggregate!.target = aggregate.entities[0];
    expect(runRules(model).filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  });
});

describe('stream-event', () => {
  it("reports an entry naming another aggregate's event", () => {
    const text = account(basics, '  aggregate Loan eventsourced {\n    root entity Loan { id: LoanId }\n    event LoanGranted\n  }\n  stream A1 of Account {\n    LoanGranted()\n  }');
    expect(check(text).of('stream-event')).toEqual([
      expect.objectContaining({
        line: 12,
        severity: 'error',
        message: "LoanGranted is not an event of aggregate Account (it belongs to aggregate Loan): a stream holds only its own aggregate's events.",
      }),
    ]);
  });

  it('leaves unknown events to unknown-reference', () => {
    const result = check(account(basics, '  stream A1 of Account {\n    Deposit(amount: 1)\n  }'));
    expect(result.of('stream-event')).toEqual([]);
    expect(result.of('unknown-reference').map((f) => f.line)).toEqual([8]);
  });
});

describe('stream-argument and stream-missing-argument', () => {
  const stream = (entries: string) => account(basics, `  stream A1 of Account {\n${entries}\n  }`);

  it('reports an argument that is not a field of the event', () => {
    expect(check(stream('    Deposited(amount: 1, amout: 2)')).of('stream-argument')).toEqual([
      expect.objectContaining({ line: 8, severity: 'error', message: 'amout is not a field of event Deposited (it has amount). Did you mean amount?' }),
    ]);
  });

  it('reports an argument of the wrong type', () => {
    expect(messages(stream('    Deposited(amount: "ten")'), 'stream-argument')).toEqual([
      'amount of event Deposited is a number (Decimal), but "ten" is a string.',
    ]);
  });

  it('warns about a missing argument', () => {
    expect(check(stream('    Deposited()')).of('stream-missing-argument')).toEqual([
      expect.objectContaining({ line: 8, severity: 'warning', message: 'Deposited(…) gives no amount: replay uses its empty value; give amount: ….' }),
    ]);
  });

  it('accepts the fields of the event', () => {
    expect(check(stream('    Deposited(amount: 1)\n    Withdrawn(amount: 1)')).problems).toEqual([]);
  });
});

describe('stream-expectation', () => {
  const stream = (expectation: string) =>
    account(basics, `  stream Account123 of Account {\n    Deposited(amount: 1000)\n    Withdrawn(amount: 500)\n    ${expectation}\n  }`);

  it('reports an expectation that replay does not meet', () => {
    const result = check(stream('expect balance = 400'));
    expect(result.of('stream-expectation')).toEqual([
      expect.objectContaining({ line: 10, severity: 'error', message: 'expect balance = 400 does not hold: replaying Account123 gives balance = 500.' }),
    ]);
    expect(result.diagnostics.find((d) => d.code === 'stream-expectation')?.data).toEqual({ expected: 400, actual: 500 });
  });

  it('reports an expectation on a name that is not a field', () => {
    expect(messages(stream('expect balanse = 500'), 'stream-expectation')).toEqual([
      "balanse is not a field of root entity Account: expect can only check the aggregate's state. Did you mean balance?",
    ]);
  });

  it('accepts an expectation that holds', () => {
    expect(lines(stream('expect balance = 500, owner = ""'), 'stream-expectation')).toEqual([]);
  });
});

describe('readmodel-source', () => {
  const text = account(`${basics}\n    command Deposit { amount: Decimal } emits Deposited`, '  readmodel Statement from Deposit, Withdrawn');

  it('warns about a read model built from a command (once `from` may name commands)', () => {
    const { model } = check(text);
    // today the parser resolves `from` to events only (unknown-reference says "Deposit is a command"): link it as a wider parser would
    const source = model.contexts.get('Banking')!.readModels[0]!.sources[0]!;
    source.target ??= model.contexts.get('Banking')!.aggregates[0]!.commands[0];
    expect(runRules(model).filter((d) => d.code === 'readmodel-source').map((d) => [d.severity, d.message, d.data])).toEqual([
      ['warning', 'Read model Statement is built from Deposit, a command: a read model projects events, what happened. Use Deposited.', { suggestion: 'Deposited' }],
    ]);
  });

  it('accepts a read model built from events', () => {
    expect(lines(account(basics, '  readmodel Statement from Deposited, Withdrawn'), 'readmodel-source')).toEqual([]);
  });
});

describe('the event-sourcing fixture', () => {
  it('gives exactly the errors and warnings its comments announce', () => {
    const text = fixture('validation/event-sourcing.ddd');
    const found = check(text)
      .problems.filter((finding) => codes.has(finding.code))
      .map(({ file, line, severity }) => ({ file, line, severity }));
    expect(found).toEqual(expectedProblems(text));
  });
});

describe('the language sketch', () => {
  it('gives no finding of these rules on sections 1–7, and what section 8 announces', () => {
    const files = Object.fromEntries(sketchBlocks().map((block, index) => [`sketch-${block.section}-${index}.ddd`, block.text]));
    const found = check(files).findings.filter((finding) => codes.has(finding.code));
    expect(found.map(({ file, line, severity, code }) => ({ file, line, severity, code }))).toEqual([]);
  });
});

describe('the rules', () => {
  it('are documented: kebab-case code, title, an explanation that says how to fix, an example', () => {
    for (const rule of eventSourcingRules.rules) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.example).toBeTruthy();
    }
  });

  it('fire on their own examples', () => {
    for (const rule of eventSourcingRules.rules) {
      const found = check(rule.example!).findings.map((finding) => finding.code);
      // the parser resolves `stream … of` to aggregates and `readmodel … from` to events only (today): unknown-reference speaks for these
      if (rule.code === 'stream-aggregate' || rule.code === 'readmodel-source') {
        expect(found.some((code) => code === rule.code || code === 'unknown-reference'), rule.code).toBe(true);
        continue;
      }
      expect(found, rule.code).toContain(rule.code);
    }
  });
});
