import { describe, expect, test } from 'vitest';
import { completionsAt } from '../../src/language/navigation/index';
import { readWorkspace } from '../helpers';
import { cursor, workspace } from './fixtures';

const exampleFiles = Object.fromEntries(readWorkspace('examples/order-saga').map((file) => [file.uri.replace(/^.*order-saga\//, ''), file.text]));

/** The labels offered at the `|` of `text`, written as a new file of the order-saga workspace. */
function complete(text: string): string[] {
  const { text: source, offset } = cursor(text);
  const ws = workspace({ ...exampleFiles, 'edit.ddd': source });
  return completionsAt(ws.model, ws.uri('edit.ddd'), offset).map((candidate) => candidate.label);
}

describe('keywords valid where the cursor is', () => {
  test('top level', () => {
    expect(complete('|')).toEqual(['domain', 'context', 'contextmap', 'saga', 'storming', 'team', 'usecase', 'story', 'stakeholders', 'values']);
    expect(complete('context A { }\n|')).toEqual(['domain', 'context', 'contextmap', 'saga', 'storming', 'team', 'usecase', 'story', 'stakeholders', 'values']);
    expect(complete('context A |')).toEqual(['implements', 'refines', 'external', 'domain', 'context', 'contextmap', 'saga', 'storming', 'team', 'usecase', 'story', 'stakeholders', 'values']);
    expect(complete('saga S |')).toEqual(['orchestrated', 'choreographed']);
    expect(complete('saga S orchestrated |')).toEqual(['by']);
  });

  test('a context, an aggregate, a domain', () => {
    expect(complete('context A {\n  |\n}')).toEqual(expect.arrayContaining(['aggregate', 'entity', 'value', 'enum', 'command', 'event', 'repository', 'service', 'readmodel', 'stream', 'glossary', 'owner', 'root']));
    expect(complete('context A {\n  aggregate B {\n    |\n  }\n}')).toEqual(['root', 'entity', 'value', 'enum', 'command', 'event', 'invariant', 'service', 'abstract', 'lifecycle', 'responsibilities', 'owner', 'features', 'changes', 'qualities']);
    expect(complete('context A { aggregate B { root | } }')).toEqual(['entity']);
    expect(complete('context A { aggregate B { command C { x: Int } | } }')).toEqual(['emits', 'writes', 'root', 'entity', 'value', 'enum', 'command', 'event', 'invariant', 'service', 'abstract', 'lifecycle', 'responsibilities', 'owner', 'features', 'changes', 'qualities']);
    expect(complete('context A { aggregate B { command | } }')).toEqual([]);
    expect(complete('context A { repository R | }')).toEqual(['for']);
    expect(complete('domain D { core | }')).toEqual(['subdomain']);
    expect(complete('domain D { | }')).toEqual(['core', 'supporting', 'generic', 'subdomain']);
  });

  test('a half-typed word is completed in place', () => {
    expect(complete('context A {\n  aggr|\n}')).toContain('aggregate');
    expect(complete('contextm|')).toContain('contextmap');
  });

  test('nothing inside comments and strings', () => {
    expect(complete('// a comment |')).toEqual([]);
    expect(complete('context A "a description |"')).toEqual([]);
  });
});

describe('names from the model', () => {
  test('types in a field position: declared, built-in, identity types', () => {
    const types = complete('context Sales { value V { amount: | } }');
    expect(types.slice(0, 5)).toEqual(expect.arrayContaining(['Money', 'Currency', 'OrderItem']));
    expect(types).toEqual(expect.arrayContaining(['Address', 'Int', 'Decimal', 'List', 'Map', 'OrderId', 'PaymentId']));
    expect(types).not.toContain('PlaceOrder');
    expect(complete('context Sales { value V { items: List<| } }')).toContain('OrderItem');
    expect(complete('context Sales { value V { items: Map<String, | } }')).toContain('Money');
    expect(complete('context Sales { service S { price(order: |) } }')).toContain('Money');
  });

  test('the members of a context after its name and a dot', () => {
    expect(complete('context Billing { value V { x: Sales.| } }')).toEqual(expect.arrayContaining(['Order', 'Money', 'OrderPlaced']));
    expect(complete('context Billing { value V { x: Sales.Mo| } }')).toContain('Money');
    expect(complete('context Billing { value V { x: Sales.Order.| } }')).toEqual(expect.arrayContaining(['OrderItem', 'Money']));
  });

  test('events after emits, from and reply; commands after step and then', () => {
    const emits = complete('context Sales { aggregate Order { command Refund emits | } }');
    // first the event the command's name says it results in (not declared yet), then the context's events
    expect(emits[0]).toBe('Refunded');
    expect(emits.slice(1, 5)).toEqual(expect.arrayContaining(['OrderPlaced', 'OrderCreated']));
    expect(emits).not.toContain('PlaceOrder');
    // declared: offered once, first
    const declared = complete('context Sales { aggregate Order { command CancelOrder { order: OrderId } emits | } }');
    expect(declared[0]).toBe('OrderCancelled');
    expect(declared.filter((label) => label === 'OrderCancelled')).toHaveLength(1);
    expect(complete('context Sales { readmodel R from OrderPlaced, | }')).toContain('OrderCancelled');
    expect(complete('saga S orchestrated by Sales {\n  step |\n}')).toEqual(expect.arrayContaining(['CreateOrder', 'ReserveInventory']));
    const reply = complete('saga S orchestrated by Sales {\n  step ReserveInventory on Inventory reply |\n}');
    expect(reply.slice(0, 2).sort()).toEqual(['InventoryReleased', 'InventoryReserved']);
    expect(complete('storming B { policy P when OrderPlaced then | }')).toContain('ReserveInventory');
    expect(complete('storming B { policy P when | }')).toContain('OrderPlaced');
  });

  test('contexts after ->, on, by; subdomains after implements', () => {
    expect(complete('contextmap M { Sales -> | }')).toEqual(expect.arrayContaining(['Sales', 'Support', 'Billing']));
    expect(complete('saga S orchestrated by |')).toContain('Sales');
    expect(complete('saga S orchestrated by Sales { step CreateOrder on | }')).toEqual(expect.arrayContaining(['Sales', 'Inventory']));
    expect(complete('context X implements |')).toEqual(expect.arrayContaining(['Ordering', 'Stock', 'Payments']));
  });

  test('roles inside brackets, upstream ones first on the left of ->', () => {
    const left = complete('contextmap M { Sales [|] -> Support }');
    expect(left).toEqual(expect.arrayContaining(['OHS', 'PL', 'ACL', 'CF', 'S', 'C', 'SK', 'P']));
    expect(left.indexOf('OHS')).toBeLessThan(left.indexOf('ACL'));
    const right = complete('contextmap M { Sales [OHS] -> Support [|] }');
    expect(right.indexOf('ACL')).toBeLessThan(right.indexOf('OHS'));
    expect(complete('contextmap M { Sales [OHS] | }')).toEqual(['->', '<->', '<-']);
  });

  test('saga steps: clauses, states, none', () => {
    expect(complete('saga S orchestrated by Sales {\n  step CreateOrder |\n}')).toEqual(['on']);
    expect(complete('saga S orchestrated by Sales {\n  step CreateOrder on Sales |\n}')).toEqual(['reply', 'compensate', 'fails', 'idempotent', '->', 'step']);
    expect(complete('saga S orchestrated by Sales {\n  step CreateOrder on Sales compensate |\n}')).toEqual(expect.arrayContaining(['none', 'CancelOrder']));
    expect(complete('saga S orchestrated by Sales {\n  start BEGIN\n  step CreateOrder on Sales -> |\n}')).toContain('BEGIN');
  });

  test('choreography: participants, triggers, emitted events', () => {
    expect(complete('saga S choreographed {\n  |\n}')).toContain('Inventory');
    expect(complete('saga S choreographed {\n  Sales |\n}')).toEqual(['on']);
    expect(complete('saga S choreographed {\n  Sales on CreateOrder |\n}')).toEqual(expect.arrayContaining(['emits', 'or', 'and', 'compensates']));
    expect(complete('saga S choreographed {\n  Inventory on OrderCreated emits |\n}').slice(0, 2).sort()).toEqual(['InventoryReleased', 'InventoryReserved']);
  });

  test('storming: actors of the board after by, sticky kinds at the start of a line', () => {
    expect(complete('storming B {\n  actor Clerk\n  command Refund by |\n}')).toEqual(['Clerk']);
    expect(complete('storming B {\n  |\n}')).toEqual(['event', 'command', 'actor', 'aggregate', 'policy', 'readmodel', 'external', 'hotspot']);
  });

  test('candidates carry kinds, details and documentation', () => {
    const { text, offset } = cursor('contextmap M { Sales [|] -> Support }');
    const ws = workspace({ ...exampleFiles, 'edit.ddd': text });
    const acl = completionsAt(ws.model, ws.uri('edit.ddd'), offset).find((candidate) => candidate.label === 'ACL')!;
    expect(acl).toMatchObject({ kind: 'role', detail: 'anti-corruption layer (downstream)' });
    expect(acl.documentation).toContain('translation layer');
    const { text: t2, offset: o2 } = cursor('context Sales { aggregate Order { command X emits | } }');
    const ws2 = workspace({ ...exampleFiles, 'edit.ddd': t2 });
    expect(completionsAt(ws2.model, ws2.uri('edit.ddd'), o2)[0]).toMatchObject({ kind: 'event', detail: expect.stringMatching(/^domain event Sales\.Order\./) });
  });
});
