/**
 * The grammar reads the most frequent simple forms (`name: Type`, a type without
 * arguments) straight from the tokens: the documents it builds so are the very
 * documents its rules build, on every .ddd file of the repository, on a generated
 * model and on the forms next to the simple ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectEqual, readWorkspace } from '../helpers';
import { generateModel } from '../../src/bench/model-generator';
import { shortcuts } from '../../src/language/syntax/grammar/base-grammar';
import { parseDocument } from '../../src/language/syntax/parse-document';

function bothWays(uri: string, text: string) {
  shortcuts.enabled = true;
  const quick = parseDocument(uri, text);
  shortcuts.enabled = false;
  const ruled = parseDocument(uri, text);
  shortcuts.enabled = true;
  return { quick, ruled };
}

function expectSameDocument(uri: string, text: string): void {
  const { quick, ruled } = bothWays(uri, text);
  expectEqual(quick.declarations, ruled.declarations, uri);
  expectEqual(quick.references, ruled.references, uri);
  expectEqual(quick.diagnostics, ruled.diagnostics, uri);
}

describe('the simple forms read straight from the tokens', () => {
  afterEach(() => {
    shortcuts.enabled = true;
  });

  it('build the same documents as the rules on every .ddd file of the repository', () => {
    const files = [...readWorkspace('examples'), ...readWorkspace('test')];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectSameDocument(file.uri, file.text);
  });

  it('build the same documents as the rules on a generated model', () => {
    for (const file of generateModel({ lines: 3000 }).files) expectSameDocument(`file:///${file.name}`, file.text);
  });

  it('build the same documents as the rules next to the forms they leave to the rules', () => {
    const text = `context Sales {
  aggregate Order {
    root entity Order {
      id: OrderId, key: String
      key vin: String
      value: Money
      lines: List<OrderLine>
      note: String?
      total Money
      owner: Sales.Customer,
      broken: 
      place(at: DateTime): OrderId
      invariant "total is positive"
    }
    command PlaceOrder { order: OrderId, at: DateTime? } emits OrderPlaced
    event OrderPlaced { order: OrderId  lines: List<OrderLine> }
  }
}`;
    expectSameDocument('file:///forms.ddd', text);
    const { quick } = bothWays('file:///forms.ddd', text);
    const order = quick.declarations[0]!;
    expect(JSON.stringify(quick.references.map((reference) => reference.text))).toContain('Sales.Customer');
    expect(order.kind).toBe('contextDeclaration');
  });
});
