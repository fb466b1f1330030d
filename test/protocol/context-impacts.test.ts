/**
 * How a comparison touches a context has one source, the core's
 * contextImpactKinds (src/language/diff/types.ts); the protocol states the
 * list again for the server's check of `ddd/diagram`. Held equal both ways:
 * the values (order included) here, the types by tsc.
 */
import { describe, expect, it } from 'vitest';
import { contextImpactKinds as coreKinds, type ContextImpactKind as CoreKind } from '../../src/language/diff/types';
import type { MapChanges as CoreMapChanges } from '../../src/language/diagrams/context-map';
import { contextImpactKinds, type ContextImpactKind, type MapChanges } from '../../src/protocol/diagrams';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const sameKinds: Same<ContextImpactKind, CoreKind> = true;
// what the extension sends is what the core draws with (the protocol's lists are writable, the core's read-only)
const sameChanges: Same<MapChanges['contexts'][number], CoreMapChanges['contexts'][number]> = true;

describe('the impacts of a comparison on a context', () => {
  it('are the same in the protocol and the core', () => {
    expect([sameKinds, sameChanges]).toEqual([true, true]);
    expect([...contextImpactKinds]).toEqual([...coreKinds]);
  });
});
