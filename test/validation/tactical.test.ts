import { describe, expect, it } from 'vitest';
import { tacticalRules } from '../../src/language/validation/rules/tactical';
import { check, expectedProblems, fixture } from '../helpers';
import { fixContext, fixesFor } from '../../src/language/fixes/index';
import { checkWorkspace } from '../../src/language/index';
import { applyEdits } from '../../src/language/navigation/index';
import { inheritedFields } from '../../src/language/model/inheritance';

const codes = new Set(tacticalRules.rules.map((rule) => rule.code));

describe('the tactical rules on a file of mistakes', () => {
  it('give exactly the findings its comments ask for', () => {
    const text = fixture('tactical/mistakes.ddd');
    const result = check(text);
    const found = result.problems.map(({ file, line, severity }) => ({ file, line, severity }));
    expect(found).toEqual(expectedProblems(text));
  });
});

describe('extends-kind and extends-cycle', () => {
  it('report a base of another kind, naming both kinds', () => {
    const result = check('context Fleet {\n  value Part { n: String }\n  entity Wheel extends Part { id: WheelId }\n}');
    expect(result.of('extends-kind')).toEqual([
      expect.objectContaining({ line: 3, severity: 'error', message: 'Entity Wheel cannot extend Part, a value object: an entity extends an entity.' }),
    ]);
  });

  it('report a cycle with its chain', () => {
    const result = check('context Fleet {\n  entity A extends B { id: AId }\n  entity B extends A { id: BId }\n}');
    expect(result.of('extends-cycle').map((f) => f.message)).toEqual([
      'Entity A extends itself: A → B → A. Remove one extends of the cycle.',
      'Entity B extends itself: B → A → B. Remove one extends of the cycle.',
    ]);
  });

  // Context Mapper's published models: commands sharing a base (`abstract CommandEvent AbstractClaimCommand`)
  it('let commands extend an abstract command, whose fields they carry, and refuse a command extending an event', () => {
    const text =
      'context Claims {\n  aggregate Claim {\n    root entity Claim { claimId: ClaimId }\n    abstract command ClaimCommand { claimId: ClaimId  requestedBy: String }\n' +
      '    command CloseClaim extends ClaimCommand { reason: String }\n    event ClaimClosed { claimId: ClaimId }\n    command Reopen extends ClaimClosed\n  }\n}';
    const result = check(text);
    expect(result.of('extends-kind').map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '7 Command Reopen cannot extend ClaimClosed, a domain event: a command extends a command.',
    ]);
    const { model } = checkWorkspace([{ uri: 'file:///claims.ddd', text }]);
    const close = model.contexts.get('Claims')!.aggregates[0]!.commands.find((command) => command.name === 'CloseClaim')!;
    expect(inheritedFields(close).map((field) => field.name)).toEqual(['reason', 'claimId', 'requestedBy']);
    expect(model.contexts.get('Claims')!.aggregates[0]!.commands.find((command) => command.name === 'ClaimCommand')!.abstract).toBe(true);
  });

  it('accept a chain of the same kind, and an unknown base is an unknown reference', () => {
    const result = check('context Fleet {\n  abstract entity Machine { key serial: String }\n  entity Car extends Machine { seats: Int }\n  entity Bike extends Missing { id: BikeId }\n}');
    expect(result.findings.filter((f) => codes.has(f.code))).toEqual([]);
    expect(result.of('unknown-reference').map((f) => f.line)).toEqual([4]);
  });
});

describe('lifecycle-state and lifecycle-single', () => {
  const vehicle = (members: string) => `context Fleet {\n  aggregate Vehicle {\n    root entity Vehicle { id: VehicleId }\n    lifecycle enum VehicleState { PARKED MOVING SCRAPPED }\n${members}\n  }\n}`;

  it('report a state the lifecycle does not list, with did-you-mean', () => {
    const result = check(vehicle('    command Drive writes [PARKED -> MOVNG]'));
    expect(result.of('lifecycle-state')).toEqual([
      expect.objectContaining({ line: 5, severity: 'error', message: 'MOVNG is not a state of the lifecycle VehicleState (PARKED, MOVING or SCRAPPED). Did you mean MOVING?' }),
    ]);
    expect(result.diagnostics.find((d) => d.code === 'lifecycle-state')?.data).toEqual({ state: 'MOVNG', suggestion: 'MOVING' });
  });

  it('accept transitions between the listed states, with gateways and several sources', () => {
    const result = check(vehicle('    command Drive writes [PARKED -> MOVING X SCRAPPED]\n    command Register writes [-> PARKED]\n    command Scrap writes [PARKED, MOVING -> SCRAPPED]'));
    expect(result.findings.filter((f) => codes.has(f.code))).toEqual([]);
  });

  it('say which enum to mark when the aggregate has no lifecycle', () => {
    const result = check('context Fleet {\n  aggregate Garage {\n    root entity Garage { id: GarageId }\n    command Open writes [-> OPEN]\n  }\n}');
    expect(result.of('lifecycle-state').map((f) => f.message)).toEqual([
      'Command Open writes lifecycle states, but aggregate Garage has no lifecycle enum: mark the enum of its states `lifecycle enum`.',
    ]);
  });

  it('report a second lifecycle in one aggregate', () => {
    const result = check(vehicle('    lifecycle enum Fuel { PETROL }'));
    expect(result.of('lifecycle-single').map((f) => [f.line, f.message])).toEqual([
      [5, 'Aggregate Vehicle already has a lifecycle, VehicleState: an aggregate has at most one. Remove `lifecycle` from Fuel.'],
    ]);
  });
});

describe('unknown-operation', () => {
  it('reports an operation no service of the context declares, with did-you-mean', () => {
    const result = check('context Fleet {\n  application {\n    service S { register(vin: String) }\n    event Registered\n    flow F {\n      event Registered triggers operation registr\n    }\n  }\n}');
    expect(result.of('unknown-operation').map((f) => f.message)).toEqual(['Unknown operation registr: no service of context Fleet declares it. Did you mean register?']);
  });

  it('reports a coordination naming a service of another context', () => {
    const result = check('context A {\n  service S { go() }\n}\ncontext B {\n  application {\n    coordination C { B.S.go }\n  }\n}');
    expect(result.of('unknown-operation').map((f) => f.message)).toEqual(['Service S is a service of context A, not of B: write A.S.go.']);
  });
});

describe('the realistic models raise no error or warning', () => {
  it.each(['claims.ddd', 'cargo-handling.ddd'])('%s', (name) => {
    expect(check(fixture(`tactical/${name}`)).problems).toEqual([]);
  });

  it('the fleet example of the design note gives only a hint: one event nothing emits', () => {
    expect(check(fixture('tactical/fleet.ddd')).findings.map((f) => [f.severity, f.code])).toEqual([['hint', 'event-without-cause']]);
  });
});

describe('false alarms on published models, gone', () => {
  it('entity-identity accepts a key field, a field named …Id and a field typed …Id', () => {
    const text = 'context Claims {\n  entity Claim { claimId: Long }\n  entity Cargo { trackingId: TrackingId }\n  entity Voyage { key voyageNumber: String }\n  entity Car extends Machine { seats: Int }\n  abstract entity Machine { key serial: String }\n}';
    expect(check(text).of('entity-identity')).toEqual([]);
  });

  it('entity-identity still fires for an entity without any identity', () => {
    expect(check('context Claims {\n  entity Note { text: String  identity: String }\n}').of('entity-identity').map((f) => f.line)).toEqual([2]);
  });

  it('value-object-identity spares an id wrapper, and still flags an id on an ordinary value', () => {
    expect(check('context Customers {\n  value CustomerId { id: String }\n  value TrackingId { id: String }\n}').of('value-object-identity')).toEqual([]);
    expect(check('context Warehouse {\n  value Weight { id: WeightId  grams: Int }\n}').of('value-object-identity').map((f) => f.line)).toEqual([2]);
  });

  it('event-past-tense accepts a past tense then Event, and nouns that name events', () => {
    const text = 'context Customers {\n  event CustomerVerifiedEvent\n  event AddressUpdatedEvent\n  event HandlingEvent\n  event CargoEvent\n}';
    expect(check(text).of('event-past-tense')).toEqual([]);
  });

  it('event-past-tense still flags a present tense, suggesting object + participle, and so does its quick fix', () => {
    const result = check('context Library {\n  event ReturnBook\n  event PlaceOrderEvent\n}');
    expect(result.of('event-past-tense').map((f) => f.message)).toEqual([
      'Event ReturnBook should be named in the past tense, for what happened: BookReturned.',
      'Event PlaceOrderEvent should be named in the past tense, for what happened: OrderPlacedEvent.',
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'event-past-tense').map((d) => d.data)).toEqual([{ suggestion: 'BookReturned' }, { suggestion: 'OrderPlacedEvent' }]);
  });
});

describe('the quick fix of event-past-tense', () => {
  it('renames ReturnBook to the suggestion of the finding, BookReturned, never ReturnBooked', () => {
    const uri = 'file:///library.ddd';
    const text = 'context Library {\n  command LendBook emits ReturnBook\n  event ReturnBook\n}\n';
    const { model, diagnostics } = checkWorkspace([{ uri, text }]);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'event-past-tense')!;
    const fixes = fixesFor(fixContext(model, diagnostics), finding);
    expect(fixes.map((fix) => fix.title)).toEqual(['Rename ReturnBook to BookReturned (2 places)']);
    expect(applyEdits(text, fixes[0]!.edits)).toBe('context Library {\n  command LendBook emits BookReturned\n  event BookReturned\n}\n');
  });
});
