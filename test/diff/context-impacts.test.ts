/**
 * What a diff means for each bounded context (the context map's colours while a
 * comparison is shown), and where a removed element is looked for in the new
 * version (its holder: the editor's diagnostics of a removal go there).
 */
import { describe, expect, it } from 'vitest';
import { contextImpacts, diffModels, type ModelDiff } from '../../src/language/diff/index';
import { fixtureModel } from './fixtures';

function diffOf(name: string): ModelDiff {
  return diffModels(fixtureModel(name, 'old'), fixtureModel(name, 'new'), { exploreSagas: false });
}

const impactsOf = (name: string) => contextImpacts(diffOf(name).changes).map(({ name, impact }) => `${name}: ${impact}`);

describe('the contexts a diff touches', () => {
  it('a breaking change: its own context breaks, the contexts that depend on it are affected', () => {
    // InventoryReserved renamed: Billing's reaction hears it
    expect(impactsOf('event-renamed-heard')).toEqual(['Inventory: breaking', 'Billing: affected']);
    // Cart removed from Sales: the contexts downstream of Sales
    expect(impactsOf('aggregate-removed-exposed')).toEqual(['Sales: breaking', 'Billing: affected', 'Inventory: affected']);
  });

  it('a risky change: its own context is risky, its listeners affected', () => {
    expect(impactsOf('field-added-required-heard')).toEqual(['Sales: risky', 'Inventory: affected']);
  });

  it('a relationship belongs to no context: its change is the change of both its contexts', () => {
    expect(impactsOf('relationship-roles-changed')).toEqual(['Billing: risky', 'Sales: risky']);
  });

  it('safe changes only: the context is changed; a change outside every context colours none', () => {
    expect(impactsOf('field-added-optional')).toEqual(['Sales: changed']);
    expect(impactsOf('saga-added')).toEqual([]);
    expect(impactsOf('base')).toEqual([]);
  });

  it('each context once, with its worst impact', () => {
    const impacts = contextImpacts([
      { classification: 'safe', context: 'Sales', affected: [] },
      { classification: 'risky', context: 'Billing', affected: [{ kind: 'context', name: 'Sales', context: 'Sales' }] },
      { classification: 'breaking', context: 'Sales', affected: [{ kind: 'readModel', name: 'Ledger', context: 'Billing' }] },
      { classification: 'safe', context: 'Billing', affected: [] },
    ]);
    expect(impacts).toEqual([
      { name: 'Sales', impact: 'breaking' },
      { name: 'Billing', impact: 'risky' },
    ]);
  });
});

describe('a removed element is looked for where it was held', () => {
  it('a field removed from an event: its event, as declared in the new version', () => {
    const [change] = diffOf('field-removed-required').changes;
    expect(change!.new).toBeUndefined();
    // `event OrderPlaced { order: OrderId }` on line 11 of sales.ddd
    expect(change!.holder).toMatchObject({ uri: 'file:///new/sales.ddd', line: 10, character: 10 });
  });

  it('an aggregate removed: its context; a command removed: its aggregate', () => {
    expect(diffOf('aggregate-removed-exposed').changes[0]!.holder).toMatchObject({ uri: 'file:///new/sales.ddd', line: 0, character: 8 });
    expect(diffOf('command-removed-sent').changes[0]!.holder).toMatchObject({ uri: 'file:///new/inventory.ddd', line: 1, character: 12 });
  });

  it('only a removal has one, and only while something held it', () => {
    expect(diffOf('event-renamed-heard').changes[0]!.holder).toBeUndefined();
    const relationship = diffOf('relationship-removed').changes[0]!;
    expect(relationship.change).toBe('removed');
    expect(relationship.holder).toMatchObject({ uri: 'file:///new/context-map.ddd', line: 0 });
  });
});
