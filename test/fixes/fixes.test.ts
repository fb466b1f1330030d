/**
 * The quick fixes of the core (src/language/fixes), one by one: a finding, its
 * fixes, the text once a fix is applied, and the finding gone when the text is
 * checked again. Whether a fix is safe (applied by `ddd check --fix`) is part of
 * what is tested.
 */
import { describe, expect, test } from 'vitest';
import { creationFixesAt, fixableCodes, fixContext, fixesFor, type Fix } from '../../src/language/fixes/index';
import { checkWorkspace, type Diagnostic } from '../../src/language/index';
import { applyEdits } from '../../src/language/navigation/index';
import { allRules } from '../../src/language/validation/rule-sets';

const uri = 'file:///model.ddd';

interface Case {
  /** The finding the fixes are for. */
  finding: Diagnostic;
  fixes: Fix[];
  /** Applies one of the fixes (all its edits are in model.ddd) and checks again. */
  apply(fix: Fix): { text: string; diagnostics: Diagnostic[] };
}

/** The first finding with `code` (whose message contains `about`, when given) in `text`, and its fixes. */
function fixesOf(text: string, code: string, about?: string): Case {
  const { model, diagnostics } = checkWorkspace([{ uri, text }]);
  const finding = diagnostics.find((diagnostic) => diagnostic.code === code && (about === undefined || diagnostic.message.includes(about)));
  if (!finding) throw new Error(`no ${code} finding in:\n${text}\nfindings: ${diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')}`);
  return {
    finding,
    fixes: fixesFor(fixContext(model, diagnostics), finding),
    apply(fix) {
      expect(fix.edits.every((edit) => edit.uri === uri)).toBe(true);
      const fixed = applyEdits(text, fix.edits);
      return { text: fixed, diagnostics: checkWorkspace([{ uri, text: fixed }]).diagnostics };
    },
  };
}

/** The findings with `code` in `diagnostics`. */
function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function errors(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
}

const parcel = (members: string) => `context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n${members}  }\n}\n`;

describe('renames', () => {
  test('an event named like a command is renamed to the past tense, with every use', () => {
    const text = parcel('    command LoadParcel emits ShipParcel\n    event ShipParcel\n');
    const { fixes, apply } = fixesOf(text, 'event-past-tense');
    expect(fixes.map(({ title, safe, preferred }) => ({ title, safe, preferred }))).toEqual([{ title: 'Rename ShipParcel to ParcelShipped (2 places)', safe: true, preferred: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('command LoadParcel emits ParcelShipped\n    event ParcelShipped\n');
    expect(withCode(after.diagnostics, 'event-past-tense')).toEqual([]);
  });

  test('a command named like an event is renamed to the imperative', () => {
    const text = parcel('    command ParcelShipped\n');
    const { fixes, apply } = fixesOf(text, 'command-imperative');
    expect(fixes[0]).toMatchObject({ title: 'Rename ParcelShipped to ShipParcel', safe: true });
    const after = apply(fixes[0]!);
    expect(after.text).toContain('    command ShipParcel\n');
    expect(withCode(after.diagnostics, 'command-imperative')).toEqual([]);
  });

  test('a name that is not PascalCase is renamed', () => {
    const text = 'context Sales {\n  value order_line { quantity: Int }\n  entity Basket { id: BasketId  line: order_line }\n}\n';
    const { fixes, apply } = fixesOf(text, 'name-pascal-case');
    expect(fixes[0]).toMatchObject({ title: 'Rename order_line to OrderLine (2 places)', safe: true });
    const after = apply(fixes[0]!);
    expect(after.text).toContain('value OrderLine { quantity: Int }');
    expect(after.text).toContain('line: OrderLine }');
    expect(withCode(after.diagnostics, 'name-pascal-case')).toEqual([]);
  });

  test('an event and a command each named like the other swap names', () => {
    const text = parcel('    event ShipParcel\n    command ParcelShipped emits ShipParcel\n');
    const { fixes, apply } = fixesOf(text, 'event-past-tense');
    expect(fixes[0]).toMatchObject({ title: 'Swap the names of domain event ShipParcel and command ParcelShipped', safe: true });
    const after = apply(fixes[0]!);
    expect(after.text).toContain('    event ParcelShipped\n    command ShipParcel emits ParcelShipped\n');
    expect(withCode(after.diagnostics, 'event-past-tense')).toEqual([]);
    expect(withCode(after.diagnostics, 'command-imperative')).toEqual([]);
  });
});

describe('replacing a name by the one the rule suggests', () => {
  test('another aggregate is referenced by id', () => {
    const text =
      'context Sales {\n  aggregate Order { root entity Order { id: OrderId } }\n}\n' +
      'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId  owner: Order }\n  }\n}\n';
    const { fixes, apply } = fixesOf(text, 'reference-by-id');
    expect(fixes).toMatchObject([{ title: 'Reference by id: OrderId', safe: true, preferred: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('owner: OrderId }');
    expect(withCode(after.diagnostics, 'reference-by-id')).toEqual([]);
  });

  test('a repository is pointed at the root of the aggregate', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    value Weight { grams: Int }\n  }\n  repository ParcelLines for Weight\n}\n';
    const { fixes, apply } = fixesOf(text, 'repository-for-root');
    expect(fixes).toMatchObject([{ title: 'Change Weight to Parcel', safe: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('repository ParcelLines for Parcel\n');
    expect(withCode(after.diagnostics, 'repository-for-root')).toEqual([]);
  });

  test('a repository pointed at the root is not safe when the aggregate has a repository already (they are to be merged)', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    value Weight { grams: Int }\n  }\n  repository Parcels for Parcel\n  repository ParcelLines for Weight\n}\n';
    const { fixes, apply } = fixesOf(text, 'repository-for-root');
    expect(fixes).toMatchObject([{ title: 'Change Weight to Parcel', safe: false }]);
    const after = apply(fixes[0]!);
    expect(withCode(after.diagnostics, 'repository-for-root')).toEqual([]);
    expect(withCode(after.diagnostics, 'repository-per-root')).toHaveLength(1);
  });

  test('a role written in lower case is safe to correct; a role spelled differently is a guess', () => {
    const lower = fixesOf('context Sales\ncontext Support\ncontextmap Shop {\n  Sales [ohs] -> Support\n}\n', 'map-unknown-role');
    expect(lower.fixes).toMatchObject([{ title: 'Change ohs to OHS', safe: true }]);
    const after = lower.apply(lower.fixes[0]!);
    expect(after.text).toContain('Sales [OHS] -> Support');
    expect(withCode(after.diagnostics, 'map-unknown-role')).toEqual([]);

    const typo = fixesOf('context Sales\ncontext Support\ncontextmap Shop {\n  Sales [OHX] -> Support\n}\n', 'map-unknown-role');
    expect(typo.fixes).toMatchObject([{ title: 'Change OHX to OHS', safe: false }]);
    expect(withCode(typo.apply(typo.fixes[0]!).diagnostics, 'map-unknown-role')).toEqual([]);
  });

  test("a saga's reply becomes the event its command emits (a choice: the command could emit the reply)", () => {
    const text =
      'context Billing {\n  aggregate Payment {\n    root entity Payment { id: PaymentId }\n    command ProcessPayment emits PaymentProcessed\n    event PaymentProcessed\n  }\n}\n' +
      'saga Pay orchestrated by Billing {\n  step ProcessPayment on Billing reply PaymentDone\n}\n';
    const { fixes, apply } = fixesOf(text, 'saga-reply-mismatch');
    expect(fixes).toMatchObject([{ title: 'Change PaymentDone to PaymentProcessed', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('reply PaymentProcessed\n');
    expect(withCode(after.diagnostics, 'saga-reply-mismatch')).toEqual([]);
  });

  test('a choreography listening to a misspelt event listens to the one emitted', () => {
    const text = 'saga PlaceOrder choreographed {\n  Sales on CreateOrder emits OrderCreated\n  Inventory on OrderCreatd emits InventoryReserved\n}\n';
    const { fixes, apply } = fixesOf(text, 'choreography-unheard-event');
    expect(fixes).toMatchObject([{ title: 'Change OrderCreatd to OrderCreated', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('Inventory on OrderCreated emits');
    expect(withCode(after.diagnostics, 'choreography-unheard-event')).toEqual([]);
  });

  test('a name no declaration defines: did you mean the closest one', () => {
    const text = 'context Sales\ncontext Billing\ncontextmap Shop {\n  Sales -> Biling\n}\n';
    const { fixes, apply } = fixesOf(text, 'unknown-reference');
    expect(fixes[0]).toMatchObject({ title: 'Change Biling to Billing', safe: false, preferred: true });
    const after = apply(fixes[0]!);
    expect(after.text).toContain('Sales -> Billing\n');
    expect(withCode(after.diagnostics, 'unknown-reference')).toEqual([]);
  });
});

describe('aggregates and entities', () => {
  test('the entity named like the aggregate is marked root (an aggregate with no root marked yet is a sketch)', () => {
    const text = 'context Warehouse {\n  aggregate Crate {\n    entity Crate { id: CrateId }\n  }\n}\n';
    const { fixes, apply } = fixesOf(text, 'aggregate-sketch');
    expect(fixes).toMatchObject([{ title: 'Make Crate the root entity of Crate', safe: true, preferred: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('    root entity Crate { id: CrateId }\n');
    expect(withCode(after.diagnostics, 'aggregate-sketch')).toEqual([]);
    expect(withCode(after.diagnostics, 'aggregate-root')).toEqual([]);
  });

  // issue 13: an aggregate with no entity yet is a sketch (a hint), and its fix declares the root
  test('an aggregate with no entity gets a root entity declared (not safe: a design step)', () => {
    const text = 'context Warehouse {\n  aggregate Crate {\n    value Size { litres: Int }\n  }\n}\n';
    const { fixes, apply } = fixesOf(text, 'aggregate-sketch');
    expect(fixes).toMatchObject([{ title: 'Add root entity Crate to Crate', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('    root entity Crate { id: CrateId }\n  }');
    expect(withCode(after.diagnostics, 'aggregate-sketch')).toEqual([]);
    expect(withCode(after.diagnostics, 'aggregate-root')).toEqual([]);
  });

  test('an aggregate written without a body gets one, with its root entity', () => {
    const text = 'context Warehouse {\n  aggregate Crate\n}\n';
    const { fixes, apply } = fixesOf(text, 'aggregate-sketch');
    expect(fixes).toMatchObject([{ title: 'Add root entity Crate to Crate', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toBe('context Warehouse {\n  aggregate Crate {\n    root entity Crate { id: CrateId }\n  }\n}\n');
    expect(withCode(after.diagnostics, 'aggregate-sketch')).toEqual([]);
  });

  test('an entity gets its identity (not safe: it may be a value object)', () => {
    const text = 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    entity OrderLine { quantity: Int }\n  }\n}\n';
    const { fixes, apply } = fixesOf(text, 'entity-identity');
    expect(fixes).toMatchObject([{ title: 'Add id: OrderLineId to OrderLine', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('entity OrderLine { id: OrderLineId quantity: Int }');
    expect(withCode(after.diagnostics, 'entity-identity')).toEqual([]);
  });
});

describe('sagas', () => {
  const saga = (steps: string) =>
    parcel('    command ShipParcel\n    command LoadParcel\n    command PickParcel\n') + `saga Dispatch orchestrated by Warehouse {\n${steps}}\n`;

  test('a step that cannot be undone gets a compensation stub (safe), or compensate none (a claim only a human makes)', () => {
    const text = saga('  step PickParcel on Warehouse\n  step ShipParcel on Warehouse compensate UnshipParcel\n  step LoadParcel on Warehouse\n');
    const { fixes, apply } = fixesOf(text, 'saga-compensation-missing');
    expect(fixes.map(({ title, safe }) => ({ title, safe }))).toEqual([
      { title: 'Add a compensation to PickParcel: compensate UndoPickParcel', safe: true },
      { title: 'PickParcel changes nothing: compensate none', safe: false },
    ]);
    const stub = apply(fixes[0]!);
    expect(stub.text).toContain('  step PickParcel on Warehouse\n    compensate UndoPickParcel\n');
    expect(withCode(stub.diagnostics, 'saga-compensation-missing')).toEqual([]);
    expect(errors(stub.diagnostics)).toEqual([]);
    const none = apply(fixes[1]!);
    expect(none.text).toContain('  step PickParcel on Warehouse\n    compensate none\n');
    expect(withCode(none.diagnostics, 'saga-compensation-missing')).toEqual([]);
  });

  test('the compensation of the last step, which never runs, is removed', () => {
    const text = saga('  step ShipParcel on Warehouse compensate UnshipParcel\n  step LoadParcel on Warehouse compensate UnloadParcel\n');
    const { fixes, apply } = fixesOf(text, 'saga-compensation-unreachable');
    expect(fixes).toMatchObject([{ title: 'Remove the compensation that never runs', safe: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('  step LoadParcel on Warehouse\n}');
    expect(withCode(after.diagnostics, 'saga-compensation-unreachable')).toEqual([]);
  });

  test('an event a saga names but nobody declares is created in the participant', () => {
    const text = parcel('    command ShipParcel\n') + 'saga Dispatch orchestrated by Warehouse {\n  step ShipParcel on Warehouse reply ParcelShipped\n}\n';
    const { model } = checkWorkspace([{ uri, text }]);
    const at = text.indexOf('ParcelShipped');
    const fixes = creationFixesAt(model, uri, at);
    expect(fixes).toMatchObject([{ title: 'Create event ParcelShipped in aggregate Warehouse.Parcel', safe: false, preferred: true }]);
    expect(applyEdits(text, fixes[0]!.edits)).toContain('    command ShipParcel\n    event ParcelShipped\n  }');
  });
});

describe('strategic design and event flow', () => {
  test('a subdomain is given one of the three types, a choice each', () => {
    const { fixes, apply } = fixesOf('domain Shop {\n  subdomain Ordering\n}\n', 'subdomain-type');
    expect(fixes.map(({ title, safe }) => ({ title, safe }))).toEqual([
      { title: 'Make it a core subdomain', safe: false },
      { title: 'Make it a supporting subdomain', safe: false },
      { title: 'Make it a generic subdomain', safe: false },
    ]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('  core subdomain Ordering\n');
    expect(withCode(after.diagnostics, 'subdomain-type')).toEqual([]);
  });

  test('an event nothing emits: the command named for it emits it (safe)', () => {
    const text = parcel('    command ShipParcel { weight: Int }\n    event ParcelShipped\n');
    const { fixes, apply } = fixesOf(text, 'event-without-cause');
    expect(fixes).toMatchObject([{ title: 'Add emits ParcelShipped to command ShipParcel', safe: true }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('command ShipParcel { weight: Int } emits ParcelShipped\n');
    expect(withCode(after.diagnostics, 'event-without-cause')).toEqual([]);
  });

  test('an event nothing emits and no command named for it: that command is created (a new declaration, not safe)', () => {
    const text = parcel('    event ParcelWeighed\n');
    const { fixes, apply } = fixesOf(text, 'event-without-cause');
    expect(fixes).toMatchObject([{ title: 'Create command WeighParcel emits ParcelWeighed in aggregate Warehouse.Parcel', safe: false }]);
    const after = apply(fixes[0]!);
    expect(after.text).toContain('    event ParcelWeighed\n    command WeighParcel emits ParcelWeighed\n  }');
    expect(withCode(after.diagnostics, 'event-without-cause')).toEqual([]);
  });
});

describe('the registry', () => {
  test('is keyed by the codes of rules that exist', () => {
    const codes = new Set(allRules().map((rule) => rule.code));
    expect(fixableCodes().filter((code) => !codes.has(code))).toEqual([]);
    expect(fixableCodes().length).toBeGreaterThanOrEqual(15);
  });

  test('a finding whose data do not allow a fix gets none, and a code without fixes gets none', () => {
    const { model, diagnostics } = checkWorkspace([{ uri, text: parcel('    event ShipParcel\n') }]);
    const context = fixContext(model, diagnostics);
    const finding = withCode(diagnostics, 'event-past-tense')[0]!;
    expect(fixesFor(context, { ...finding, data: {} })).toEqual([]);
    expect(fixesFor(context, { ...finding, data: { suggestion: 42 } })).toEqual([]);
    expect(fixesFor(context, { ...finding, code: 'no-such-rule' })).toEqual([]);
    expect(fixesFor(context, { ...finding, uri: 'file:///elsewhere.ddd' })).toEqual([]);
  });
});

// issue 13: did-you-mean for an exposed aggregate and for an attribute's value (guesses a human confirms)
describe('Context Mapper parity', () => {
  test('an exposed aggregate misspelt gets the closest aggregate of the upstream', () => {
    const text = 'context Up { aggregate Orders { root entity Order { orderId: OrderId } } }\ncontext Down\ncontextmap M {\n  Up -> Down { exposes Ordres }\n}\n';
    const { fixes, apply } = fixesOf(text, 'map-exposed-aggregate');
    expect(fixes).toMatchObject([{ title: 'Change Ordres to Orders', safe: false }]);
    expect(withCode(apply(fixes[0]!).diagnostics, 'map-exposed-aggregate')).toEqual([]);
  });

  test('an attribute value misspelt gets the closest valid value', () => {
    const text = 'context C {\n  evolution comodity\n}\n';
    const { fixes, apply } = fixesOf(text, 'attribute-value');
    expect(fixes).toMatchObject([{ title: 'Change comodity to commodity', safe: false }]);
    expect(apply(fixes[0]!).text).toBe('context C {\n  evolution commodity\n}\n');
  });
});
