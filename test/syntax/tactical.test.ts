/**
 * The tactical details and the application layer (Context Mapper parity): modules,
 * abstract/extends, key fields, operations with visibility, throws and reads/writes,
 * services in aggregates, enums with fields and parameters, lifecycle enums and
 * transitions, and the application layer's flows and coordinations.
 */
import { describe, expect, it } from 'vitest';
import type { ContextDeclaration } from '../../src/language/model/elements';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { fixture } from '../helpers';

function parse(text: string) {
  return parseDocument('file:///test.ddd', text);
}

function context(text: string): ContextDeclaration {
  const document = parse(text);
  expect(document.diagnostics).toEqual([]);
  return document.declarations[0] as ContextDeclaration;
}

const slice = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('the fixtures of the tactical details', () => {
  it.each(['fleet.ddd', 'claims.ddd', 'cargo-handling.ddd'])('%s parses without a finding', (name) => {
    const document = parse(fixture(`tactical/${name}`));
    expect(document.diagnostics).toEqual([]);
    expect(document.declarations.length).toBeGreaterThan(0);
  });
});

describe('module', () => {
  it('groups aggregates and loose building blocks, which stay members of the context', () => {
    const text = 'context Fleet {\n  module Vehicles "the cars" {\n    aggregate Vehicle { root entity Vehicle { id: VehicleId } }\n    value Colour { name: String }\n    service Paint { paint(colour: Colour) }\n    repository Vehicles for Vehicle\n  }\n  value Outside { x: Int }\n}';
    const fleet = context(text);
    expect(fleet.modules.map((m) => [m.name, m.description])).toEqual([['Vehicles', 'the cars']]);
    const module = fleet.modules[0]!;
    expect(fleet.aggregates.map((a) => [a.name, a.module?.name])).toEqual([['Vehicle', 'Vehicles']]);
    expect(fleet.values.map((v) => [v.name, v.module?.name])).toEqual([['Colour', 'Vehicles'], ['Outside', undefined]]);
    expect(fleet.services[0]!.module).toBe(module);
    expect(fleet.repositories[0]!.module).toBe(module);
    expect(slice(text, module.range)).toMatch(/^module Vehicles[\s\S]*\}$/);
  });
});

describe('entities, value objects and events', () => {
  it('reads abstract and extends', () => {
    const fleet = context('context Fleet {\n  abstract entity Machine { key serial: String }\n  entity Car extends Machine { seats: Int }\n  abstract value Part { n: String }\n  value Wheel extends Part { size: Int }\n  abstract event VehicleEvent\n  event VehicleMoved extends VehicleEvent { to: String }\n}');
    expect(fleet.entities.map((e) => [e.name, e.abstract, e.extends?.text])).toEqual([['Machine', true, undefined], ['Car', false, 'Machine']]);
    expect(fleet.values.map((v) => [v.name, v.abstract, v.extends?.text])).toEqual([['Part', true, undefined], ['Wheel', false, 'Part']]);
    expect(fleet.events.map((e) => [e.name, e.abstract, e.extends?.text])).toEqual([['VehicleEvent', true, undefined], ['VehicleMoved', false, 'VehicleEvent']]);
  });

  it('reads key fields, and a field named key', () => {
    const text = 'context Fleet {\n  entity Car { key vin: String  key: String  wheels: Bag<Wheel>  blob: Binary  any: Any }\n}';
    const car = context(text).entities[0]!;
    expect(car.fields.map((f) => [f.name, f.key ?? false, f.type?.text])).toEqual([
      ['vin', true, 'String'],
      ['key', false, 'String'],
      ['wheels', false, 'Bag<Wheel>'],
      ['blob', false, 'Binary'],
      ['any', false, 'Any'],
    ]);
    expect(slice(text, car.fields[0]!.range)).toBe('key vin: String');
  });

  it('takes events and commands as field types', () => {
    const car = context('context Fleet {\n  event Moved\n  command Move\n  entity Car { id: CarId  last: Moved  next: Move }\n}').entities[0]!;
    expect(car.fields[1]!.type!.name.expected).toContain('event');
    expect(car.fields[2]!.type!.name.expected).toContain('command');
  });
});

describe('operations', () => {
  it('reads visibility, throws, reads and writes with a transition', () => {
    const text = 'context Fleet {\n  service Parking {\n    public park(vehicle: VehicleId): Vehicle throws NotMoving, Blocked writes [MOVING -> PARKED]\n    protected find(vin: String): Vehicle reads\n    private touch() writes\n    internal plain()\n    public(x: Int)\n  }\n}';
    const [park, find, touch, plain, named] = context(text).services[0]!.operations;
    expect([park!.visibility, park!.name, park!.throws?.map((t) => t.text), park!.access]).toEqual(['public', 'park', ['NotMoving', 'Blocked'], 'writes']);
    expect(park!.writes?.from.map((s) => s.text)).toEqual(['MOVING']);
    expect(park!.writes?.to.map((s) => s.text)).toEqual(['PARKED']);
    expect(slice(text, park!.range)).toBe('public park(vehicle: VehicleId): Vehicle throws NotMoving, Blocked writes [MOVING -> PARKED]');
    expect([find!.visibility, find!.access, find!.writes]).toEqual(['protected', 'reads', undefined]);
    expect([touch!.visibility, touch!.access]).toEqual(['private', 'writes']);
    expect([plain!.visibility, plain!.access]).toEqual(['internal', undefined]);
    // a keyword is a name too: an operation named `public`
    expect([named!.name, named!.visibility]).toEqual(['public', undefined]);
  });

  it('takes the marker words as names before a colon or a parenthesis', () => {
    const car = context('context Fleet {\n  entity Car { id: CarId  public: Boolean  private: Boolean  key(k: Int): Int  internal() }\n}').entities[0]!;
    expect(car.fields.map((f) => [f.name, f.key ?? false])).toEqual([['id', false], ['public', false], ['private', false]]);
    expect(car.operations.map((o) => [o.name, o.visibility])).toEqual([['key', undefined], ['internal', undefined]]);
  });

  it('reads services inside aggregates', () => {
    const aggregate = context('context Fleet {\n  aggregate Vehicle {\n    root entity Vehicle { id: VehicleId }\n    service VehicleService { park(v: VehicleId) }\n  }\n}').aggregates[0]!;
    expect(aggregate.services.map((s) => [s.name, s.aggregate?.name, s.contextName])).toEqual([['VehicleService', 'Vehicle', 'Fleet']]);
  });
});

describe('enums and lifecycles', () => {
  it('reads enum fields and values with parameters', () => {
    const fuel = context('context Fleet {\n  enum Fuel { label: String  PETROL("Petrol") DIESEL("Diesel", 2) ELECTRIC }\n}').enums[0]!;
    expect(fuel.fields.map((f) => [f.name, f.type?.text])).toEqual([['label', 'String']]);
    expect(fuel.values.map((v) => [v.name, v.arguments])).toEqual([['PETROL', ['Petrol']], ['DIESEL', ['Diesel', 2]], ['ELECTRIC', undefined]]);
    expect(fuel.lifecycle).toBe(false);
  });

  it('reads a lifecycle enum and the transitions commands write', () => {
    const text = 'context Fleet {\n  aggregate Vehicle {\n    root entity Vehicle { id: VehicleId }\n    lifecycle enum VehicleState { PARKED MOVING SCRAPPED }\n    command Drive { vehicle: VehicleId } emits Moved writes [PARKED -> MOVING X SCRAPPED]\n    command Register writes [-> PARKED]\n    command Both writes [PARKED, MOVING -> SCRAPPED]\n  }\n}';
    const vehicle = context(text).aggregates[0]!;
    const state = vehicle.enums[0]!;
    expect([state.name, state.lifecycle, slice(text, state.lifecycleRange!)]).toEqual(['VehicleState', true, 'lifecycle']);
    const [drive, register, both] = vehicle.commands;
    expect(drive!.emits.map((e) => e.text)).toEqual(['Moved']);
    expect([drive!.writes!.from.map((s) => s.text), drive!.writes!.to.map((s) => s.text), drive!.writes!.gateway]).toEqual([['PARKED'], ['MOVING', 'SCRAPPED'], 'X']);
    expect(slice(text, drive!.writes!.range)).toBe('[PARKED -> MOVING X SCRAPPED]');
    expect([register!.writes!.from, register!.writes!.to.map((s) => s.text)]).toEqual([[], ['PARKED']]);
    expect(both!.writes!.from.map((s) => s.text)).toEqual(['PARKED', 'MOVING']);
  });
});

describe('the application layer', () => {
  const text = fixture('tactical/fleet.ddd');
  const fleet = context(text);
  const application = fleet.applications[0]!;

  it('puts its services, commands and events in the context, marked with their application', () => {
    expect(application.name).toBe('');
    expect(fleet.services.filter((s) => s.application === application).map((s) => s.name)).toEqual(['FleetApplicationService']);
    expect(fleet.commands.filter((c) => c.application === application).map((c) => c.name)).toEqual(['RegisterVehicle', 'ActivateVehicle']);
    expect(fleet.events.filter((e) => e.application === application).map((e) => e.name)).toContain('VehicleRegistered');
  });

  it('reads the steps of a flow', () => {
    const flow = application.flows[0]!;
    expect(flow.name).toBe('Registration');
    const summary = flow.steps.map((step) => ({
      starts: step.starts,
      commands: step.commands.map((r) => r.text),
      operations: step.operations.map((r) => r.text),
      events: step.events.map((r) => r.text),
      delegate: step.delegate?.text,
      from: step.transition?.from.map((s) => s.text),
      to: step.transition?.to.map((s) => s.text),
      gateway: step.transition?.gateway,
      emits: step.emits.map((r) => r.text),
      emitGateway: step.emitGateway,
      actor: step.actor?.text,
    }));
    expect(summary).toEqual([
      { starts: 'command', commands: ['RegisterVehicle'], operations: [], events: [], delegate: 'Vehicle', from: [], to: ['PARKED'], gateway: undefined, emits: ['VehicleRegistered'], emitGateway: undefined, actor: undefined },
      { starts: 'event', commands: [], operations: ['checkPapers'], events: ['VehicleRegistered'], delegate: undefined, from: undefined, to: undefined, gateway: undefined, emits: [], emitGateway: undefined, actor: undefined },
      { starts: 'operation', commands: [], operations: ['checkPapers'], events: [], delegate: 'Vehicle', from: ['PARKED'], to: ['MOVING', 'SCRAPPED'], gateway: 'X', emits: ['PapersAccepted', 'PapersRejected'], emitGateway: 'X', actor: undefined },
      { starts: 'event', commands: ['ActivateVehicle'], operations: [], events: ['PapersAccepted', 'InsuranceConfirmed'], delegate: undefined, from: undefined, to: undefined, gateway: undefined, emits: [], emitGateway: undefined, actor: undefined },
      { starts: 'command', commands: ['ActivateVehicle'], operations: [], events: [], delegate: undefined, from: undefined, to: undefined, gateway: undefined, emits: ['VehicleActivated'], emitGateway: undefined, actor: 'Fleet manager' },
    ]);
  });

  it('reads a coordination, each part of a step its own reference', () => {
    const coordination = application.coordinations[0]!;
    const step = coordination.steps[0]!;
    expect(step.text).toBe('Fleet.FleetApplicationService.registerVehicle');
    expect([step.context, step.service, step.operation].map((r) => [r?.text, slice(text, r!.range)])).toEqual([
      ['Fleet', 'Fleet'],
      ['FleetApplicationService', 'FleetApplicationService'],
      ['registerVehicle', 'registerVehicle'],
    ]);
  });

  it('takes a named application, and Service.operation in its own context', () => {
    const claims = context('context Claims {\n  application ClaimsApp {\n    service S { go() }\n    coordination C { S.go }\n  }\n}');
    expect(claims.applications[0]!.name).toBe('ClaimsApp');
    const step = claims.applications[0]!.coordinations[0]!.steps[0]!;
    expect([step.context, step.service?.text, step.service?.scopeContext, step.operation?.text]).toEqual([undefined, 'S', 'Claims', 'go']);
  });

  it('reports a step it cannot read once, and keeps the steps after it', () => {
    const document = parse('context Fleet {\n  application {\n    flow F {\n      command A delegates Vehicle\n      command B emits Done\n    }\n    coordination C { registerOnly  Fleet.S.op }\n  }\n}');
    const flow = (document.declarations[0] as ContextDeclaration).applications[0]!.flows[0]!;
    expect(flow.steps.map((s) => s.commands[0]?.text)).toEqual(['A', 'B']);
    expect(document.diagnostics.length).toBeGreaterThanOrEqual(1);
    expect(document.diagnostics.some((d) => d.message.includes('Expected Context.Service.operation'))).toBe(true);
  });
});
