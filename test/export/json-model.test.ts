/**
 * The JSON model, validated with ajv against the published schema
 * (schemas/model.schema.json, JSON Schema 2020-12): the example, a hostile
 * model and a generated 108-context model, and what it says of the example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { jsonModelSchemaId } from '../../src/language/export/index';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/model.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function problems(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

describe('the JSON model', () => {
  const model = JSON.parse(file(exported(orderSaga(), 'json'), 'model.json'));

  it('the example is valid against schemas/model.schema.json, which names itself as the model does', () => {
    expect(problems(model)).toEqual([]);
    expect(schema.$id).toBe(jsonModelSchemaId);
    expect(model.$schema).toBe(jsonModelSchemaId);
  });

  it('references resolve to qualified names, ranges are lines and characters, contexts list their blocks', () => {
    const sales = model.contexts.find((context: { name: string }) => context.name === 'Sales');
    expect(sales.subdomains).toEqual(['Shop.Ordering']);
    expect(sales.locations).toEqual([{ uri: expect.stringMatching(/contexts\/sales\.ddd$/), range: { start: { line: 1, character: 0 }, end: { line: 57, character: 1 } } }]);
    const placeOrder = sales.aggregates[0].commands.find((command: { name: string }) => command.name === 'PlaceOrder');
    expect(placeOrder.qualifiedName).toBe('Sales.Order.PlaceOrder');
    expect(placeOrder.emits).toEqual([{ text: 'OrderPlaced', target: 'Sales.Order.OrderPlaced', targetKind: 'event', range: { start: { line: 33, character: 78 }, end: { line: 33, character: 89 } } }]);
    const items = placeOrder.fields[1];
    expect(items.type.text).toBe('List<OrderItem>');
    expect(items.type.args[0].name).toMatchObject({ text: 'OrderItem', target: 'Sales.Order.OrderItem', targetKind: 'entity' });
    const saga = model.sagas.find((candidate: { name: string }) => candidate.name === 'OrderSaga');
    expect(saga.orchestrator).toMatchObject({ text: 'Sales', target: 'Sales', targetKind: 'context' });
    expect(saga.steps[0].compensation.command).toMatchObject({ text: 'CancelOrder', target: 'Sales.Order.CancelOrder' });
    const map = model.contextMaps[0];
    expect(map.relationships[0].left).toMatchObject({ context: { text: 'Sales', target: 'Sales' }, roles: [{ text: 'OHS' }, { text: 'PL' }] });
  });

  it('the schema refuses what the model never writes (the check can fail)', () => {
    expect(problems({ ...model, contexts: [{ kind: 'context', name: 'X' }] })).not.toEqual([]);
    expect(problems({ ...model, extra: true })).not.toEqual([]);
  });

  it('hostile names: still valid JSON against the schema, the names kept as text', () => {
    const hostile = JSON.parse(file(exported(exportHostileModel(), 'json'), 'model.json'));
    expect(problems(hostile)).toEqual([]);
    expect(hostile.contexts.map((context: { name: string }) => context.name)).toContain(`Mallory${exportHostile}`);
  });

  it('a generated model of 108 contexts is valid against the schema', () => {
    const generated = JSON.parse(file(exported(generated100(), 'json'), 'model.json'));
    expect(problems(generated)).toEqual([]);
    expect(generated.contexts).toHaveLength(generated100().model.contexts.size);
  }, 120_000);
});
