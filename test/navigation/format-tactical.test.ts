/** Formatting the tactical details and the application layer: the fixtures are in the canonical layout, and a messy text gets it. */
import { describe, expect, test } from 'vitest';
import { formatText } from '../../src/language/navigation/index';
import { parseDocument } from '../../src/language/index';
import { fixture } from '../helpers';

describe('formatting the tactical details', () => {
  test.each(['fleet.ddd', 'claims.ddd', 'cargo-handling.ddd', 'mistakes.ddd'])('%s is formatted already', (name) => {
    const text = fixture(`tactical/${name}`);
    expect(formatText(text)).toBe(text);
  });

  test('a messy flow, coordination, enum and service get the canonical layout, and formatting again changes nothing', () => {
    const messy = [
      'context Fleet {',
      'module Vehicles {',
      'aggregate Vehicle {',
      'root entity Vehicle extends Machine { key   vin :String  wheels : Bag< Wheel > }',
      'lifecycle   enum VehicleState { PARKED MOVING }',
      'enum Fuel { label :String   PETROL( "Petrol" ) }',
      'command Drive writes [ PARKED->MOVING X PARKED ]',
      'service S { public park( v :VehicleId ) :Vehicle throws A ,B writes [MOVING ->PARKED]',
      '}',
      '}',
      '}',
      'application {',
      'flow F {',
      'command Drive delegates to Vehicle [ ->PARKED ]',
      '   emits Moved X Stopped',
      'event Moved+Stopped triggers',
      'command Drive',
      '}',
      'coordination C {',
      'Fleet.S.park',
      '   Fleet.S.park',
      '}',
      '}',
      '}',
      '',
    ].join('\n');
    const formatted = formatText(messy)!;
    expect(formatted).toBe(
      [
        'context Fleet {',
        '  module Vehicles {',
        '    aggregate Vehicle {',
        '      root entity Vehicle extends Machine { key vin: String  wheels: Bag<Wheel> }',
        '      lifecycle enum VehicleState { PARKED MOVING }',
        '      enum Fuel { label: String  PETROL("Petrol") }',
        '      command Drive writes [PARKED -> MOVING X PARKED]',
        '      service S { public park(v: VehicleId): Vehicle throws A, B writes [MOVING -> PARKED]',
        '      }',
        '    }',
        '  }',
        '  application {',
        '    flow F {',
        '      command Drive delegates to Vehicle [-> PARKED]',
        '        emits Moved X Stopped',
        '      event Moved + Stopped triggers',
        '        command Drive',
        '    }',
        '    coordination C {',
        '      Fleet.S.park',
        '      Fleet.S.park',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(formatText(formatted)).toBe(formatted);
    // the same model either way
    const names = (text: string) => JSON.stringify(parseDocument('file:///f.ddd', text).references.map((reference) => reference.text));
    expect(names(formatted)).toBe(names(messy));
  });
});
