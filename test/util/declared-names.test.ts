/**
 * "Did you mean …?" after each keystroke: the index of declared names is taken over
 * from the model before only when the names are the same, so a suggestion is never
 * one the edit removed, and always may be one the edit declared.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, parseDocument, validateModel } from '../../src/language/index';
import { declaredNames, declaredNamesWork } from '../../src/language/util/declared-names';

const orders = (event: string, emitted: string) => `context Orders {
  aggregate Order {
    root entity Order { id: OrderId }
    command PlaceOrder { order: OrderId } emits ${emitted}
    event ${event} { order: OrderId }
  }
}
`;

function unknownMessages(text: string): string[] {
  const model = buildModel([parseDocument('file:///orders.ddd', text)]);
  return validateModel(model)
    .filter((finding) => finding.code === 'unknown-reference')
    .map((finding) => finding.message);
}

describe('the index of declared names across models', () => {
  it('is taken over when an edit keeps every name, and suggests the same', () => {
    const first = buildModel([parseDocument('file:///orders.ddd', orders('OrderPlaced', 'OrderPlaced'))]);
    const second = buildModel([parseDocument('file:///orders.ddd', orders('OrderPlaced', 'OrderPlaced'))]);
    const before = { ...declaredNamesWork };
    const a = declaredNames(first, ['event']);
    const b = declaredNames(second, ['event']);
    expect(b).toBe(a);
    expect(declaredNamesWork.reused - before.reused + declaredNamesWork.built - before.built).toBe(2);
    expect(b.closest('OrderPlacd')).toBe('OrderPlaced');
  });

  it('is built again when an edit renames a declaration: the old name is never suggested, the new one is', () => {
    expect(unknownMessages(orders('OrderPlaced', 'OrderPlacd'))).toEqual([expect.stringContaining('Did you mean OrderPlaced?')]);
    const built = declaredNamesWork.built;
    const messages = unknownMessages(orders('OrderSubmitted', 'OrderPlacd'));
    expect(declaredNamesWork.built).toBe(built + 1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).not.toContain('OrderPlaced?');
    expect(unknownMessages(orders('OrderSubmitted', 'OrderSubmited'))).toEqual([expect.stringContaining('Did you mean OrderSubmitted?')]);
  });
});
