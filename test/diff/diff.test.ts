/**
 * The semantic diff, case by case: each fixture pair (test/fixtures/diff/<case>)
 * changes one thing of one kind of element, and the diff must list exactly the
 * expected changes, classified as docs/diff.md says, with the affected parties.
 */
import { describe, expect, it } from 'vitest';
import { diffModels, type ModelChange, type ModelDiff } from '../../src/language/diff/index';
import { exploreOrchestration } from '../../src/language/simulation/explore';
import { diffCases, fixtureModel } from './fixtures';

function diffOf(name: string, options = {}): ModelDiff {
  return diffModels(fixtureModel(name, 'old'), fixtureModel(name, 'new'), options);
}

const line = (change: ModelChange) => `${change.change} ${change.kind} ${change.oldName ? `${change.oldName} -> ` : ''}${change.name}: ${change.classification}`;
const parties = (change: ModelChange) => change.affected.map((party) => `${party.kind} ${party.name}`);

/** Per case: every change the diff lists, as `change kind [old ->] name: classification`. */
const expected: Record<string, string[]> = {
  // declarations, one kind each
  'domain-renamed': ['renamed domain Shop -> Store: safe'],
  'subdomain-added': ['added subdomain Payments: safe'],
  'context-added': ['added context Shipping: safe'],
  'context-owner-changed': ['changed context Sales: safe'],
  'term-changed': ['changed term Order: safe'],
  'aggregate-renamed': ['renamed aggregate Refund -> Reimbursement: safe'],
  'aggregate-removed-exposed': ['removed aggregate Cart: breaking'],
  'entity-field-added': ['added field location: safe'],
  'value-renamed': ['renamed value Money -> Amount: risky'],
  'enum-added': ['added enum Warehouse: safe'],
  'enum-value-removed': ['removed enumValue PAID: risky'],
  'command-removed-sent': ['removed command ReleaseInventory: breaking'],
  'command-removed-unsent': ['removed command AdjustStock: safe'],
  'event-renamed-heard': ['renamed event InventoryReserved -> StockReserved: breaking'],
  'event-removed-unheard': ['removed event OrderArchived: safe'],
  'field-removed-required': ['removed field total: breaking'],
  'field-removed-optional': ['removed field note: risky'],
  'field-renamed': ['renamed field order -> orderId: breaking'],
  'field-type-changed': ['changed field order: breaking'],
  'field-added-required-heard': ['added field currency: risky'],
  'field-added-optional': ['added field coupon: safe'],
  'operation-added': ['added operation findAll: safe'],
  'repository-renamed': ['renamed repository Orders -> OrderStore: safe'],
  'service-removed': ['removed service Pricing: safe'],
  'stream-changed': ['changed stream Account7: safe'],
  'readmodel-sources-changed': ['changed readmodel OrderHistory: safe'],
  'contextmap-added': ['added contextmap BankingMap: safe'],
  'relationship-roles-changed': ['changed relationship Sales -> Billing [CF]: risky'],
  'relationship-removed': ['removed relationship Sales [S] -> Billing [C]: risky'],
  'conformist-language-changed': ['changed entity Order: breaking'],
  'saga-step-across-pivot': ['changed sagaStep NotifyCustomer: risky', 'changed sagaStep ProcessPayment: safe'],
  'compensation-removed': ['changed sagaStep PlaceOrder: risky', 'changed saga OrderSaga: risky'],
  'saga-step-removed': ['removed sagaStep NotifyCustomer: risky', 'changed saga OrderSaga: safe'],
  'reaction-removed': ['removed reaction Billing on InventoryReserved: risky', 'changed saga Fulfilment: risky'],
  'saga-added': ['added saga RefundSaga: safe'],
  'sticky-added': ['added sticky hotspot What if the stock runs out?: safe'],
  'storming-renamed': ['renamed storming Checkout -> CheckoutFlow: safe'],
};

describe('the diff of each fixture pair', () => {
  it('has an expectation for every case, and the cases cover every classification', () => {
    expect(diffCases().sort()).toEqual(Object.keys(expected).sort());
    const classes = new Set(Object.values(expected).flat().map((text) => text.split(': ').pop()));
    expect([...classes].sort()).toEqual(['breaking', 'risky', 'safe']);
  });

  for (const [name, changes] of Object.entries(expected)) {
    it(name, () => {
      const diff = diffOf(name);
      expect(diff.changes.map(line)).toEqual(changes);
      expect(diff.counts.breaking + diff.counts.risky + diff.counts.safe).toBe(changes.length);
    });
  }

  it('finds nothing between a model and itself', () => {
    expect(diffOf('base').changes).toEqual([]);
  });
});

describe('affected parties', () => {
  it('an event renamed while a saga waits for it: the saga step, the reactions and their contexts, where they are written now', () => {
    const [change] = diffOf('event-renamed-heard').changes;
    expect(change!.reasons.join(' ')).toContain('saga OrderSaga after ReserveInventory');
    expect(parties(change!)).toEqual([
      'reaction saga Fulfilment, Inventory on OrderPlaced',
      'reaction saga Fulfilment, Billing on InventoryReserved',
      'command ReserveInventory',
      'sagaStep saga OrderSaga, step ReserveInventory',
      'context Billing',
    ]);
    const step = change!.affected.find((party) => party.kind === 'sagaStep')!;
    expect(step).toMatchObject({ side: 'new', location: { uri: 'file:///new/order-saga.ddd', line: 3, character: 7 } });
    expect(change!.old).toMatchObject({ uri: 'file:///old/inventory.ddd', line: 6 });
    expect(change!.new).toMatchObject({ uri: 'file:///new/inventory.ddd', line: 6 });
  });

  it('a command a saga step sends, removed: the step that undoes with it', () => {
    const [change] = diffOf('command-removed-sent').changes;
    expect(parties(change!)).toEqual(['sagaStep saga OrderSaga, step ReserveInventory']);
  });

  it('a required field removed from an event: everything that hears or emits the event, with a read model and a storming policy', () => {
    const [change] = diffOf('field-removed-required').changes;
    expect(parties(change!)).toEqual(
      expect.arrayContaining(['readModel OrderHistory', 'sagaStep saga OrderSaga, step PlaceOrder', 'policy policy Reserve on board Checkout', 'context Inventory']),
    );
  });

  it('a field whose type changes: the parties of its event', () => {
    const [change] = diffOf('field-type-changed').changes;
    expect(change!.fields).toEqual([{ field: 'type', old: 'OrderId', new: 'String' }]);
    expect(parties(change!)).toContain('sagaStep saga OrderSaga, step ReserveInventory');
  });

  it('a new required field on an event others hear: its listeners', () => {
    const [change] = diffOf('field-added-required-heard').changes;
    expect(change!.reasons[0]).toMatch(/^event OrderPlaced gets the required field currency while read model OrderHistory/);
    expect(parties(change!)).toContain('reaction saga Fulfilment, Inventory on OrderPlaced');
  });

  it('an exposed aggregate removed: the contexts downstream of its context', () => {
    const [change] = diffOf('aggregate-removed-exposed').changes;
    expect(parties(change!)).toEqual(['context Inventory', 'context Billing']);
  });

  it('a published language changed under a conformist: the conformist context', () => {
    const [change] = diffOf('conformist-language-changed').changes;
    expect(change!.reasons).toEqual(["Sales's published language changes under the conformist Inventory"]);
    expect(parties(change!)).toEqual(['context Inventory']);
  });

  it('a relationship whose roles change: both contexts, and the roles before and after', () => {
    const [change] = diffOf('relationship-roles-changed').changes;
    expect(change!.fields).toEqual([
      { field: 'left', old: 'Sales [S]', new: 'Sales' },
      { field: 'right', old: 'Billing [C]', new: 'Billing [CF]' },
    ]);
    expect(parties(change!)).toEqual(['context Sales', 'context Billing']);
  });

  it('a type still named elsewhere, renamed: the fields and parameters that name it', () => {
    const [change] = diffOf('value-renamed').changes;
    expect(parties(change!)).toEqual(['field Order.total', 'field OrderPlaced.total', 'operation Pricing.price']);
  });

  it('a safe change lists no parties', () => {
    for (const name of ['aggregate-renamed', 'field-added-optional', 'event-removed-unheard']) for (const change of diffOf(name).changes) expect(change.affected).toEqual([]);
  });
});

describe('fields and renames', () => {
  it('a rename keeps the shape: the aggregate renamed with the same members, its members unchanged', () => {
    const diff = diffOf('aggregate-renamed');
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ path: 'Billing.Reimbursement', oldName: 'Refund', fields: [] });
  });

  it('a field renamed at the same position with the same type is a rename, not a removal and an addition', () => {
    expect(diffOf('field-renamed').changes[0]).toMatchObject({ change: 'renamed', oldName: 'order', name: 'orderId', path: 'Inventory.StockItem.InventoryReleased.orderId' });
  });

  it('a changed element lists the properties that changed, before and after', () => {
    expect(diffOf('stream-changed').changes[0]!.fields).toEqual([
      { field: 'events', old: 'Deposited amount 100', new: 'Deposited amount 100, Deposited amount 50' },
      { field: 'expectations', old: 'balance 100', new: 'balance 150' },
    ]);
    expect(diffOf('context-owner-changed').changes[0]!.fields).toEqual([{ field: 'owner', old: 'Checkout team', new: 'Sales team' }]);
  });

  it('a saga step moved across the pivot says so', () => {
    const [moved] = diffOf('saga-step-across-pivot').changes;
    expect(moved!.fields).toContainEqual({ field: 'position', old: 'step 4, after the pivot', new: 'step 3, before the pivot' });
  });

  it('groups changes by bounded context, then the sagas, maps and boards', () => {
    const groups = diffModels(fixtureModel('base', 'old'), fixtureModel('compensation-removed', 'new')).changes.map((change) => change.group);
    expect(groups).toEqual(['saga OrderSaga', 'saga OrderSaga']);
    expect(diffOf('relationship-removed').changes[0]!.group).toBe('context map ShopMap');
    expect(diffOf('field-renamed').changes[0]!.group).toBe('Inventory');
  });
});

describe('saga outcomes (the simulator on both versions)', () => {
  it('a compensation removed: failures that used to compensate now leave the step undone', () => {
    const saga = diffOf('compensation-removed').changes.find((change) => change.kind === 'saga')!;
    expect(saga.outcomes!.explored).toBe(true);
    expect(saga.outcomes!.appeared).toContain('failed RELEASED | ReleaseInventory | not-undone PlaceOrder');
    expect(saga.outcomes!.disappeared).toContain('failed CANCELLED | ReleaseInventory, CancelOrder | ok');
    expect(saga.reasons[0]).toMatch(/new outcomes that break a guarantee/);
  });

  it('a step removed: the saga completes in another state, nothing new breaks (safe)', () => {
    const saga = diffOf('saga-step-removed').changes.find((change) => change.kind === 'saga')!;
    expect(saga.outcomes).toEqual({ explored: true, appeared: ['completed PAID | - | ok'], disappeared: ['completed COMPLETED | - | ok'] });
  });

  it('a choreography that loses a reaction is explored too', () => {
    const saga = diffOf('reaction-removed').changes.find((change) => change.kind === 'saga')!;
    expect(saga.outcomes!.disappeared.some((key) => key.includes('PaymentProcessed'))).toBe(true);
  });

  it('past the work budget the saga is not explored, and the diff says why', () => {
    const saga = diffOf('compensation-removed', { exploreBudget: 3 }).changes.find((change) => change.kind === 'saga')!;
    expect(saga.outcomes).toEqual({ explored: false, reason: expect.stringContaining('work budget'), appeared: [], disappeared: [] });
  });

  it('the budget is counted in simulated steps and shared: enough for the old version\'s exploration leaves the new one unexplored, and the reason says how far it got', () => {
    const name = diffOf('compensation-removed').changes.find((change) => change.kind === 'saga')!.name;
    const old = fixtureModel('compensation-removed', 'old').sagas.find((saga) => saga.name === name)!;
    const steps = exploreOrchestration(old, { traces: false, permanent: false }).coverage.steps;
    const saga = diffOf('compensation-removed', { exploreBudget: steps }).changes.find((change) => change.kind === 'saga')!;
    expect(saga.outcomes).toEqual({ explored: false, reason: expect.stringMatching(/^past the work budget of the diff \(0 of [\d,]+ paths explored/), appeared: [], disappeared: [] });
    expect(diffOf('compensation-removed', { exploreBudget: 10 * steps }).changes.find((change) => change.kind === 'saga')!.outcomes!.explored).toBe(true);
  });

  it('without exploration, the step change alone', () => {
    expect(diffOf('compensation-removed', { exploreSagas: false }).changes.map(line)).toEqual(['changed sagaStep PlaceOrder: risky']);
  });
});

describe('bounds', () => {
  it('lists at most maxChanges changes and counts the rest', () => {
    const diff = diffModels(fixtureModel('base', 'old'), fixtureModel('context-added', 'new'), { maxChanges: 0 });
    expect(diff.changes).toEqual([]);
    expect(diff.omitted).toBe(1);
    expect(diff.counts.safe).toBe(1);
  });

  it('lists at most maxAffected parties per change and counts the rest', () => {
    const [change] = diffOf('field-removed-required', { maxAffected: 2 }).changes;
    expect(change!.affected).toHaveLength(2);
    expect(change!.moreAffected).toBeGreaterThan(0);
  });
});
