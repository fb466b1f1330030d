import { describe, expect, it } from 'vitest';
import { namingRules } from '../../src/language/validation/rules/naming';
import { check, expectedProblems, fixture, sketchBlocks } from '../helpers';

const codes = new Set(namingRules.rules.map((rule) => rule.code));

/** The findings of the naming rules, as `line severity code`. */
function naming(text: string): { line: number; severity: string; code: string }[] {
  return check(text)
    .findings.filter((finding) => codes.has(finding.code))
    .map(({ line, severity, code }) => ({ line, severity, code }));
}

function aggregate(members: string): string {
  return `context Shipping {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n${members}\n  }\n}\n`;
}

describe('event-past-tense', () => {
  it('warns about an event named like a command, and suggests the past tense', () => {
    const result = check(aggregate('    event ShipParcel'));
    expect(result.of('event-past-tense')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message: 'Event ShipParcel should be named in the past tense, for what happened: ParcelShipped.',
      }),
    ]);
    expect(result.diagnostics.find((d) => d.code === 'event-past-tense')?.data).toEqual({ suggestion: 'ParcelShipped' });
  });

  it('accepts the events of the sketch, irregular verbs, particles and closing phrases', () => {
    const names = [
      'OrderPlaced', 'OrderCreated', 'OrderConfirmed', 'OrderCancelled', 'InventoryReserved', 'InventoryReleased', 'PaymentProcessed',
      'PaymentFailed', 'AccountCreated', 'Deposited', 'Withdrawn', 'InvoicePaid', 'MoneySent', 'TicketSold', 'SessionTimedOut',
      'CustomerSignedUp', 'GuestCheckedIn', 'ParcelSentToCustomer',
    ];
    expect(naming(aggregate(names.map((name) => `    event ${name}`).join('\n')))).toEqual([]);
  });

  it('is not fooled by words that merely end in -ed', () => {
    expect(naming(aggregate('    event CourierNeed\n    event NewsFeed\n    event DeliverySpeed'))).toEqual([
      { line: 4, severity: 'warning', code: 'event-past-tense' },
      { line: 5, severity: 'warning', code: 'event-past-tense' },
      { line: 6, severity: 'warning', code: 'event-past-tense' },
    ]);
  });

  it('gives no suggestion when it recognises no verb', () => {
    const result = check(aggregate('    event Zorblax'));
    expect(result.of('event-past-tense')[0]?.message).toBe('Event Zorblax should be named in the past tense, for what happened (like OrderPlaced, not PlaceOrder).');
  });
});

describe('command-imperative', () => {
  it('warns about a command named like an event, and suggests the imperative', () => {
    const result = check(aggregate('    command ParcelShipped'));
    expect(result.of('command-imperative')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message: 'Command ParcelShipped reads like an event; name it in the imperative, for what is asked: ShipParcel.',
      }),
    ]);
    expect(result.diagnostics.find((d) => d.code === 'command-imperative')?.data).toEqual({ suggestion: 'ShipParcel', issue: 'event-like' });
  });

  it('warns about a command that starts with a past tense or a gerund', () => {
    const result = check(aggregate('    command PlacedOrder\n    command ShippingParcel'));
    expect(result.of('command-imperative').map((f) => [f.line, f.message])).toEqual([
      [4, 'Command PlacedOrder starts with a past tense; name it in the imperative, for what is asked: PlaceOrder.'],
      [5, 'Command ShippingParcel starts with a gerund; name it in the imperative, for what is asked: ShipParcel.'],
    ]);
  });

  it('accepts commands in the imperative', () => {
    const names = [
      'PlaceOrder', 'CreateOrder', 'ConfirmOrder', 'CancelOrder', 'ReserveInventory', 'ReleaseInventory', 'ProcessPayment', 'CheckStock',
      'Deposit', 'Withdraw', 'RegisterCustomer', 'MarkOrderShipped', 'ResetPassword', 'RecordPaymentReceived',
    ];
    expect(naming(aggregate(names.map((name) => `    command ${name}`).join('\n')))).toEqual([]);
  });
});

describe('name-pascal-case', () => {
  it('hints at a declaration that is not in PascalCase', () => {
    const result = check('context Sales {\n  value order_line { quantity: Int }\n}');
    expect(result.of('name-pascal-case')).toEqual([
      expect.objectContaining({ line: 2, severity: 'hint', message: 'Value object order_line should be written in PascalCase: OrderLine.' }),
    ]);
    expect(result.problems).toEqual([]);
  });

  it('leaves PascalCase names, fields and enum values alone', () => {
    expect(naming('context Sales {\n  value OrderLine { unit_price: Decimal }\n  enum Status { PENDING DONE }\n}')).toEqual([]);
  });
});

describe('the naming fixture', () => {
  it('gives exactly the warnings its comments announce', () => {
    const text = fixture('validation/naming.ddd');
    const found = naming(text).map(({ line, severity }) => ({ file: 'main.ddd', line, severity }));
    expect(found).toEqual(expectedProblems(text));
  });
});

describe('the language sketch', () => {
  it('gives no finding of these rules on sections 1–7, and what section 8 announces', () => {
    const files = Object.fromEntries(sketchBlocks().map((block, index) => [`sketch-${block.section}-${index}.ddd`, block.text]));
    const found = check(files).findings.filter((finding) => codes.has(finding.code));
    expect(found.map(({ file, line, severity, code }) => ({ file, line, severity, code }))).toEqual([
      { file: 'sketch-8-8.ddd', line: 5, severity: 'warning', code: 'event-past-tense' },
      { file: 'sketch-8-8.ddd', line: 6, severity: 'warning', code: 'command-imperative' },
    ]);
  });
});

describe('the rules', () => {
  it('are documented: kebab-case code, title, an explanation that says how to fix, an example', () => {
    for (const rule of namingRules.rules) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.example).toBeTruthy();
    }
  });

  it('fire on their own examples', () => {
    for (const rule of namingRules.rules) {
      const found = check(rule.example!).findings.map((finding) => finding.code);
      expect(found, rule.code).toContain(rule.code);
    }
  });
});
