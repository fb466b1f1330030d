/**
 * Applying the safe fixes unattended (fixWorkspace, behind `ddd check --fix`):
 * rounds, overlapping fixes, where each fix is reported, and which documents
 * change.
 */
import { describe, expect, test } from 'vitest';
import { fixWorkspace, selectFixes, type Fix } from '../../src/language/fixes/index';
import { checkWorkspace } from '../../src/language/index';

const orders = 'file:///orders.ddd';
const billing = 'file:///billing.ddd';

const ordersText = `context Warehouse {
  aggregate Parcel {
    root entity Parcel { id: ParcelId }
    command ShipParcel
    event loadTruck
  }
  aggregate Crate {
    entity Crate { id: CrateId  parcel: Parcel }
  }
}
domain Logistics {
  subdomain Shipping
}
saga Dispatch orchestrated by Warehouse {
  step PickParcel on Warehouse
  step ShipParcel on Warehouse reply loadTruck
  step LoadParcel on Warehouse compensate UnloadParcel
}
`;
const billingText = 'context Billing {\n  aggregate Invoice { root entity Invoice { id: InvoiceId } }\n}\n';

const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();

describe('fixWorkspace', () => {
  test('applies every safe fix, reports each where it now is, and leaves the choices to a human', () => {
    const run = fixWorkspace([
      { uri: orders, text: ordersText },
      { uri: billing, text: billingText },
    ]);
    const text = run.changed.get(orders)!;
    expect(text).toBe(`context Warehouse {
  aggregate Parcel {
    root entity Parcel { id: ParcelId }
    command ShipParcel
    event TruckLoaded
  }
  aggregate Crate {
    root entity Crate { id: CrateId  parcel: ParcelId }
  }
}
domain Logistics {
  subdomain Shipping
}
saga Dispatch orchestrated by Warehouse {
  step PickParcel on Warehouse
    compensate UndoPickParcel
  step ShipParcel on Warehouse reply TruckLoaded
    compensate UndoShipParcel
  step LoadParcel on Warehouse
}
`);
    // a document without a fix is not among the changed ones
    expect([...run.changed.keys()]).toEqual([orders]);
    expect(run.applied.map((fix) => fix.title)).toEqual([
      'Rename loadTruck to TruckLoaded (2 places)',
      'Make Crate the root entity of Crate',
      'Reference by id: ParcelId',
      'Add a compensation to PickParcel: compensate UndoPickParcel',
      'Add a compensation to ShipParcel: compensate UndoShipParcel',
      'Remove the compensation that never runs',
    ]);
    // each report points at its finding in the fixed text
    const at = (title: string) => text.slice(run.applied.find((fix) => fix.title === title)!.offset);
    expect(at('Rename loadTruck to TruckLoaded (2 places)')).toMatch(/^TruckLoaded\n/);
    expect(at('Make Crate the root entity of Crate')).toMatch(/^Crate \{\n {4}root entity Crate/);
    expect(at('Reference by id: ParcelId')).toMatch(/^ParcelId \}/);
    expect(at('Add a compensation to ShipParcel: compensate UndoShipParcel')).toMatch(/^ShipParcel on Warehouse reply TruckLoaded/);
    expect(run.skipped).toEqual([]);
    // what needs a choice is left: the subdomain's type
    expect(codes(run.result.diagnostics)).toEqual(['subdomain-type']);
    expect(codes(checkWorkspace([{ uri: orders, text }, { uri: billing, text: billingText }]).diagnostics)).toEqual(['subdomain-type']);
  });

  test('a document with syntax errors is not edited; the others are', () => {
    const broken = 'context Sales {\n  aggregate Cart {\n    entity Cart { id: CartId }\n  }\n  value ]] \n}\n';
    const run = fixWorkspace([
      { uri: orders, text: ordersText },
      { uri: billing, text: broken },
    ]);
    expect(checkWorkspace([{ uri: billing, text: broken }]).diagnostics.map((d) => d.code)).toContain('aggregate-sketch');
    expect([...run.changed.keys()]).toEqual([orders]);
    expect(run.applied.every((fix) => fix.uri === orders)).toBe(true);
  });

  test('a second run changes nothing', () => {
    const first = fixWorkspace([{ uri: orders, text: ordersText }]);
    const second = fixWorkspace([{ uri: orders, text: first.changed.get(orders)! }]);
    expect(second.changed.size).toBe(0);
    expect(second.applied).toEqual([]);
    expect(second.rounds).toBe(0);
  });

  test('a fix can make another possible: the next round applies it', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    command weighParcel\n    event ParcelWeighed\n  }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }]);
    expect(run.applied.map((fix) => fix.title)).toEqual(['Rename weighParcel to WeighParcel', 'Add emits ParcelWeighed to command WeighParcel']);
    expect(run.rounds).toBe(2);
    expect(run.changed.get(orders)).toContain('    command WeighParcel emits ParcelWeighed\n');
    expect(run.result.diagnostics).toEqual([]);
  });

  test('the rounds are bounded: what is left is reported, to be fixed by running again', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    command weighParcel\n    event ParcelWeighed\n  }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }], 1);
    expect(run.rounds).toBe(1);
    expect(run.applied.map((fix) => fix.title)).toEqual(['Rename weighParcel to WeighParcel']);
    expect(run.skipped).toMatchObject([{ title: 'Add emits ParcelWeighed to command WeighParcel', reason: 'rounds' }]);
    const again = fixWorkspace([{ uri: orders, text: run.changed.get(orders)! }], 1);
    expect(again.applied.map((fix) => fix.title)).toEqual(['Add emits ParcelWeighed to command WeighParcel']);
    expect(again.skipped).toEqual([]);
  });

  test('an event and a command named like each other: both findings offer the same swap, applied once', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    event ShipParcel\n    command ParcelShipped emits ShipParcel\n  }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }]);
    expect(run.applied.map((fix) => fix.title)).toEqual(['Swap the names of domain event ShipParcel and command ParcelShipped']);
    expect(run.changed.get(orders)).toContain('    event ParcelShipped\n    command ShipParcel emits ParcelShipped\n');
    expect(run.skipped).toEqual([]);
    expect(run.result.diagnostics).toEqual([]);
  });

  test('several fixes on one line are applied together, each at its place', () => {
    // two value objects renamed to PascalCase, and the field that uses both on one line
    const text = 'context Sales {\n  value order_line { quantity: Int }\n  value money_amount { cents: Int }\n  entity Basket { id: BasketId  line: order_line  total: money_amount }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }]);
    expect(run.changed.get(orders)).toBe('context Sales {\n  value OrderLine { quantity: Int }\n  value MoneyAmount { cents: Int }\n  entity Basket { id: BasketId  line: OrderLine  total: MoneyAmount }\n}\n');
    expect(run.result.diagnostics).toEqual([]);
  });

  test('the same new name in two contexts is no collision: both renames are applied in one round', () => {
    const text = 'context Sales {\n  value order_line { quantity: Int }\n}\ncontext Billing {\n  value order_line { cents: Int }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }]);
    expect(run.rounds).toBe(1);
    expect(run.changed.get(orders)).toBe('context Sales {\n  value OrderLine { quantity: Int }\n}\ncontext Billing {\n  value OrderLine { cents: Int }\n}\n');
  });

  test('two renames to the same new name are not applied in the same round', () => {
    // both would become OrderLine: the first is applied, the second then collides and is left to a human
    const text = 'context Sales {\n  value order_line { quantity: Int }\n  value orderLine { cents: Int }\n}\n';
    const run = fixWorkspace([{ uri: orders, text }]);
    expect(run.applied.map((fix) => fix.title)).toEqual(['Rename order_line to OrderLine']);
    expect(run.changed.get(orders)).toBe('context Sales {\n  value OrderLine { quantity: Int }\n  value orderLine { cents: Int }\n}\n');
    expect(codes(run.result.diagnostics)).toContain('name-pascal-case');
    expect(codes(run.result.diagnostics)).not.toContain('duplicate-name');
  });
});

describe('selectFixes', () => {
  const uris = new Set([orders, billing]);
  const fix = (title: string, ...edits: [string, number, number, string][]): { fix: Fix } => ({
    fix: { title, safe: true, edits: edits.map(([uri, start, end, newText]) => ({ uri, range: { start, end }, newText })) },
  });
  const titles = (list: readonly { fix: Fix }[]) => list.map(({ fix }) => fix.title);

  test('a fix whose edits overlap one already taken waits; one that only touches it does not', () => {
    const selection = selectFixes(
      [
        fix('a', [orders, 10, 20, 'x']),
        fix('overlaps a', [orders, 15, 25, 'y']),
        fix('inside a', [orders, 12, 12, 'z']),
        fix('same start as a', [orders, 10, 10, 'w']),
        fix('right after a', [orders, 20, 22, 'v']),
        fix('same range, other document', [billing, 10, 20, 'u']),
      ],
      uris,
    );
    expect(titles(selection.taken)).toEqual(['a', 'right after a', 'same range, other document']);
    expect(titles(selection.conflicts)).toEqual(['overlaps a', 'inside a', 'same start as a']);
  });

  test('a fix is taken whole or not at all', () => {
    const selection = selectFixes([fix('a', [orders, 10, 20, 'x']), fix('b', [billing, 0, 5, 'y'], [orders, 18, 30, 'z'])], uris);
    expect(titles(selection.taken)).toEqual(['a']);
    expect(selection.edits).toHaveLength(1);
  });

  test('the same edits offered twice are applied once; edits outside the files are not applied', () => {
    const selection = selectFixes([fix('swap', [orders, 1, 3, 'B'], [orders, 5, 7, 'A']), fix('swap, seen from the other name', [orders, 5, 7, 'A'], [orders, 1, 3, 'B']), fix('elsewhere', ['file:///other.ddd', 0, 1, 'x'])], uris);
    expect(titles(selection.taken)).toEqual(['swap']);
    expect(selection.conflicts).toEqual([]);
  });

  test('two renames giving the same new name are not taken together', () => {
    const one = { fix: { title: 'one', safe: true, newName: 'OrderLine', edits: [{ uri: orders, range: { start: 0, end: 5 }, newText: 'OrderLine' }] } };
    const two = { fix: { title: 'two', safe: true, newName: 'OrderLine', edits: [{ uri: orders, range: { start: 10, end: 15 }, newText: 'OrderLine' }] } };
    expect(titles(selectFixes([one, two], uris).conflicts)).toEqual(['two']);
  });
});
