/**
 * Navigation in the tactical details and the application layer: hover (inherited
 * fields, lifecycles and their transitions, flows), outline (modules, application
 * layers, flows and their steps), definitions of states and operations, completion
 * in flows.
 */
import { describe, expect, test } from 'vitest';
import { completionsAt, definitionOf, documentSymbols, hoverAt, semanticTokens, type DocumentSymbolNode } from '../../src/language/navigation/index';
import { fixture } from '../helpers';
import { cursor, slice, workspace } from './fixtures';

const ws = workspace({ 'fleet.ddd': fixture('tactical/fleet.ddd'), 'claims.ddd': fixture('tactical/claims.ddd') });
const hover = (file: string, needle: string, delta = 0, n = 0) => hoverAt(ws.model, ws.uri(file), ws.at(file, needle, delta, n))?.markdown ?? '';

function outline(nodes: DocumentSymbolNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.kind} ${node.name}${node.detail ? ` (${node.detail})` : ''}`, ...outline(node.children, depth + 1)]);
}

describe('hover', () => {
  test('an entity shows the fields it inherits, and where from', () => {
    const vehicle = hover('fleet.ddd', 'root entity Vehicle', 12);
    expect(vehicle).toContain('root entity Vehicle extends Machine {');
    expect(vehicle).toContain('key vin: String');
    expect(vehicle).toContain('key serial: String   // from Machine');
  });

  test('an event shows its base and the fields it inherits', () => {
    expect(hover('fleet.ddd', 'event VehicleMoved', 6)).toContain('vehicle: VehicleId   // from VehicleEvent');
  });

  test('a command shows its base and the fields it inherits, then what it emits', () => {
    const text = 'context Claims {\n  abstract command ClaimCommand { claimId: ClaimId }\n  command CloseClaim extends ClaimCommand { reason: String } emits ClaimClosed\n  event ClaimClosed\n}\n';
    const own = workspace({ 'claims.ddd': text });
    const shown = hoverAt(own.model, own.uri('claims.ddd'), own.at('claims.ddd', 'command CloseClaim', 8))?.markdown ?? '';
    expect(shown).toContain('command CloseClaim extends ClaimCommand {');
    expect(shown).toContain('claimId: ClaimId   // from ClaimCommand');
    expect(shown).toContain('emits ClaimClosed');
    expect(hoverAt(own.model, own.uri('claims.ddd'), own.at('claims.ddd', 'command ClaimCommand', 8))?.markdown).toContain('abstract command ClaimCommand');
  });

  test('a lifecycle enum says whose lifecycle it is and what writes its transitions', () => {
    const state = hover('fleet.ddd', 'enum VehicleState', 5);
    expect(state).toContain('lifecycle enum VehicleState { PARKED  MOVING  SCRAPPED }');
    expect(state).toContain('The lifecycle of aggregate `Fleet.Vehicle`');
    expect(state).toContain('`Drive` [PARKED -> MOVING]');
    expect(state).toContain('`VehicleService.park` [MOVING -> PARKED]');
    expect(state).toContain('`operation checkPapers` in flow `Registration` [PARKED -> MOVING X SCRAPPED]');
  });

  test('an enum with fields shows the values with their arguments', () => {
    expect(hover('fleet.ddd', 'enum Fuel', 5)).toContain('enum Fuel { label: String  PETROL("Petrol")  DIESEL("Diesel") }');
  });

  test('an operation shows its visibility and markers', () => {
    expect(hover('fleet.ddd', 'park(')).toContain('public park(vehicle: VehicleId): Vehicle throws NotMoving writes [MOVING -> PARKED]');
  });

  test('a flow, and an event a flow emits and hears', () => {
    expect(hover('fleet.ddd', 'flow Registration', 5)).toContain('5 steps');
    const registered = hover('fleet.ddd', 'event VehicleRegistered', 6);
    expect(registered).toContain('Emitted by `command RegisterVehicle` in flow `Registration`');
    expect(registered).toContain('Heard by `event VehicleRegistered` in flow `Registration`');
    expect(hover('fleet.ddd', 'command RegisterVehicle {', 8)).toContain('Sent by `command RegisterVehicle` in flow `Registration`');
  });
});

describe('definitions', () => {
  test('a state of a transition is the value of the lifecycle enum', () => {
    const target = definitionOf(ws.model, ws.uri('fleet.ddd'), ws.at('fleet.ddd', 'writes [PARKED', 8));
    expect(target.map((location) => slice(ws, location.uri, location.range))).toEqual(['PARKED']);
    expect(target[0]!.range.start).toBe(ws.at('fleet.ddd', 'PARKED MOVING SCRAPPED'));
  });

  test('each part of a coordination step, and the operation of a flow step', () => {
    const at = (needle: string, delta: number) => definitionOf(ws.model, ws.uri('claims.ddd'), ws.at('claims.ddd', needle, delta)).map((l) => `${l.uri.split('/').pop()}:${slice(ws, l.uri, l.range)}`);
    expect(at('InsuranceManagement.InsuranceApplicationService.checkInsurance', 0)).toEqual(['claims.ddd:InsuranceManagement']);
    expect(at('InsuranceManagement.InsuranceApplicationService.checkInsurance', 25)).toEqual(['claims.ddd:InsuranceApplicationService']);
    expect(at('InsuranceManagement.InsuranceApplicationService.checkInsurance', 50)).toEqual(['claims.ddd:checkInsurance']);
    expect(ws.at('claims.ddd', 'public checkInsurance', 7)).toBe(definitionOf(ws.model, ws.uri('claims.ddd'), ws.at('claims.ddd', 'InsuranceApplicationService.checkInsurance', 30))[0]!.range.start);
    expect(at('triggers operation checkClaimDocumentation', 20)).toEqual(['claims.ddd:checkClaimDocumentation']);
  });
});

describe('outline', () => {
  test('a module holds its aggregates; the application layer its services, commands, events, flows and coordinations', () => {
    const lines = outline(documentSymbols(ws.model, ws.uri('fleet.ddd')));
    expect(lines.slice(0, 3)).toEqual(['context Fleet', '  module Vehicles', '    aggregate Vehicle']);
    expect(lines).toContain('      entity Vehicle (root extends Machine)');
    expect(lines).toContain('      enum VehicleState (lifecycle)');
    expect(lines).toContain('      command Drive (emits VehicleMoved writes [PARKED -> MOVING])');
    expect(lines).toContain('  application application');
    expect(lines).toContain('    service FleetApplicationService');
    expect(lines).toContain('    flow Registration');
    expect(lines).toContain('      flowStep operation checkPapers (delegates to Vehicle [PARKED -> MOVING X SCRAPPED] emits PapersAccepted X PapersRejected)');
    expect(lines).toContain('      flowStep event PapersAccepted + InsuranceConfirmed (triggers command ActivateVehicle)');
    expect(lines).toContain('    coordination Registration');
    expect(lines).toContain('      operation Fleet.FleetApplicationService.registerVehicle');
  });
});

describe('completion', () => {
  const complete = (text: string) => {
    const { text: source, offset } = cursor(text);
    const edit = workspace({ 'fleet.ddd': fixture('tactical/fleet.ddd'), 'edit.ddd': source });
    return completionsAt(edit.model, edit.uri('edit.ddd'), offset).map((candidate) => candidate.label);
  };
  const flow = (step: string) => `context Fleet {\n  application {\n    flow F {\n      ${step}\n    }\n  }\n}`;

  test('the steps of a flow and what continues them', () => {
    expect(complete(flow('|'))).toEqual(['command', 'operation', 'event']);
    expect(complete(flow('command RegisterVehicle |'))).toEqual(['by', 'delegates', 'emits', 'command', 'operation', 'event']);
    expect(complete(flow('command RegisterVehicle delegates |'))).toEqual(['to']);
    expect(complete(flow('command RegisterVehicle delegates to |'))).toContain('Vehicle');
    expect(complete(flow('event VehicleRegistered |'))).toEqual(['triggers']);
    expect(complete(flow('event VehicleRegistered triggers |'))).toEqual(['command', 'operation']);
    expect(complete(flow('event VehicleRegistered triggers operation |'))).toEqual(expect.arrayContaining(['registerVehicle', 'checkPapers']));
    expect(complete(flow('command |'))).toEqual(expect.arrayContaining(['RegisterVehicle', 'ActivateVehicle']));
  });

  test('a module, an application layer, abstract and lifecycle', () => {
    expect(complete('context A {\n  module M {\n    |\n  }\n}')).toEqual(['aggregate', 'root', 'entity', 'value', 'enum', 'command', 'event', 'repository', 'service', 'abstract', 'lifecycle']);
    expect(complete('context A {\n  application {\n    |\n  }\n}')).toEqual(['command', 'event', 'service', 'abstract', 'flow', 'coordination']);
    expect(complete('context A { abstract | }')).toEqual(['entity', 'value', 'command', 'event']);
    // a command extends a command: `extends` after its name, and the commands after `extends`
    expect(complete('context A { abstract command Base\n command X | }')).toContain('extends');
    expect(complete('context A { abstract command Base\n command X extends | }')).toContain('Base');
    expect(complete('context A { abstract command Base\n command X extends | }')).not.toContain('Machine');
    expect(complete('context A { lifecycle | }')).toEqual(['enum']);
    expect(complete('context A { entity B extends | }')).toContain('Machine');
  });
});

describe('semantic tokens', () => {
  test('modules, operations of flows, states of transitions, gateways and the new keywords', () => {
    const text = fixture('tactical/fleet.ddd');
    const spans = semanticTokens(ws.model, ws.uri('fleet.ddd'));
    const at = (needle: string, delta = 0) => {
      const start = ws.at('fleet.ddd', needle, delta);
      const span = spans.find((candidate) => candidate.start === start);
      return span ? `${text.slice(span.start, span.start + span.length)} ${span.type}${span.modifiers.length ? ` ${span.modifiers.join(' ')}` : ''}` : undefined;
    };
    expect(at('module Vehicles', 7)).toBe('Vehicles context declaration');
    expect(at('module Vehicles')).toBe('module keyword');
    expect(at('lifecycle enum')).toBe('lifecycle keyword');
    expect(at('extends Machine')).toBe('extends keyword');
    expect(at('extends Machine', 8)).toBe('Machine entity');
    expect(at('writes [PARKED', 8)).toBe('PARKED enumMember');
    expect(at('triggers operation checkPapers', 19)).toBe('checkPapers operation');
    expect(at('MOVING X SCRAPPED', 7)).toBe('X operator');
    expect(at('PapersAccepted X PapersRejected', 15)).toBe('X operator');
    expect(at('flow Registration', 5)).toBe('Registration saga declaration');
  });
});
