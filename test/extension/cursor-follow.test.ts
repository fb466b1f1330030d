/**
 * The preview follows the cursor (src/extension/panels/cursor-follow.ts), on
 * the views the real server answers for examples/order-saga.
 */
import { describe, expect, test } from 'vitest';
import { viewForCursor } from '../../src/extension/panels/cursor-follow';
import { checkWorkspace } from '../../src/language/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { readWorkspace } from '../helpers';

const files = readWorkspace('examples/order-saga');
const checked = checkWorkspace(files);
const handlers = customRequestHandlers({ model: () => checked.model, diagnostics: () => checked.diagnostics });
const uri = files.find((file) => file.uri.endsWith('sagas/choreography.ddd'))!.uri;
const lines = files.find((file) => file.uri === uri)!.text.split('\n');
const cursorOn = (start: string) => handlers['ddd/views']({ uri, position: { line: lines.findIndex((text) => text.startsWith(start)), character: 2 } });

describe('viewForCursor', () => {
  test('the cursor moves from one saga to the next: the next is shown', () => {
    const first = cursorOn('  Inventory on OrderCreated');
    expect(viewForCursor(first, undefined, { view: 'context-map' })?.key).toBe('saga:PlaceOrderChoreography:flow');
    const second = cursorOn('  Shipping on InventoryReserved');
    expect(viewForCursor(second, first.atCursor, { view: 'saga', name: 'PlaceOrderChoreography', variant: 'flow' })?.key).toBe('saga:OrderFulfilment:flow');
  });

  test('stays: within the element followed, between declarations, or on what is already shown', () => {
    const inSaga = cursorOn('  Inventory on OrderCreated');
    // the user chose the context map while the cursor stayed in the saga
    expect(viewForCursor(inSaga, inSaga.atCursor, { view: 'context-map' })).toBeUndefined();
    expect(viewForCursor(cursorOn('// The seed'), inSaga.atCursor, { view: 'context-map' })).toBeUndefined();
    // the saga's other drawing is the same saga
    expect(viewForCursor(inSaga, undefined, { view: 'saga', name: 'PlaceOrderChoreography', variant: 'states' })).toBeUndefined();
  });
});
