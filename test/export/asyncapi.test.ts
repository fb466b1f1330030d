/**
 * AsyncAPI 3.0, checked by `@asyncapi/parser` (the AsyncAPI initiative's own
 * parser and its Spectral ruleset). A document fails on any diagnostic of
 * severity error (0) or warning (1); information (2) and hints (3) are
 * accepted: the one the documents get is `asyncapi-latest-version`, an
 * information that 3.1.0 exists.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportModel } from '../../src/language/export/index';
import { checkWorkspace } from '../../src/language/index';
import { fixture } from '../helpers';
import { failures, parser, sharedCompiler } from './asyncapi-parser';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';

describe('AsyncAPI 3.0: the example workspace', () => {
  const result = exported(orderSaga(), 'asyncapi');

  it('writes one document per bounded context, each accepted by @asyncapi/parser', async () => {
    expect(result.files.map((f) => f.path)).toEqual([...orderSaga().model.contexts.keys()].map((name) => `${name}.asyncapi.yaml`));
    for (const exportedFile of result.files) expect(await failures(exportedFile.text), exportedFile.path).toEqual([]);
  }, 300_000);

  it('Sales: publishes its events, hears the replies and triggers, sends its saga commands; payloads from the fields', async () => {
    const { document } = await parser.parse(file(result, 'Sales.asyncapi.yaml'));
    expect(document!.info().title()).toBe('Sales');
    expect(document!.info().contact()?.name()).toBe('Checkout team');
    const operations = new Map(document!.operations().all().map((operation) => [operation.id(), operation]));
    expect(operations.get('publishOrderPlaced')?.action()).toBe('send');
    expect(operations.get('consumeInventoryReserved')?.action()).toBe('receive'); // the reply OrderSaga waits for
    expect(operations.get('consumePaymentSucceeded')?.action()).toBe('receive'); // a choreography trigger
    expect(operations.get('sendReserveInventory')?.action()).toBe('send'); // OrderSaga's step on Inventory
    expect(operations.get('sendReserveInventory')?.summary()).toBe('Sales sends ReserveInventory to Inventory');
    // request and reply: the step's command is answered by its reply event
    expect(operations.get('sendReserveInventory')?.reply()?.channel()?.address()).toBe('Inventory.events.InventoryReserved');
    const placed = document!.components().messages().all().find((message) => message.name() === 'OrderPlaced')!;
    const payload = placed.payload()!.json() as { properties: Record<string, { type?: string; description?: string }>; required: string[] };
    expect(payload.required).toEqual(['order', 'customer', 'total']);
    expect(payload.properties['order']).toMatchObject({ type: 'string', description: 'identity: OrderId' });
    // value objects and enums become schemas in components
    const schemas = document!.components().schemas().all().map((schema) => schema.id());
    expect(schemas).toEqual(expect.arrayContaining(['Money', 'Currency']));
    const tags = document!.info().tags().all().map((tag) => tag.name());
    expect(tags).toEqual(expect.arrayContaining(['subdomain Shop.Ordering', 'upstream of Support (OHS, PL; Support: ACL)']));
  }, 60_000);

  it('Inventory receives the commands the saga sends it and publishes its replies', () => {
    const document = parseYaml(file(result, 'Inventory.asyncapi.yaml'));
    expect(document.operations.receiveReserveInventory.action).toBe('receive');
    expect(document.operations.receiveReleaseInventory.action).toBe('receive');
    expect(document.operations.receiveReserveInventory.reply).toEqual({ channel: { $ref: '#/channels/InventoryReserved' }, messages: [{ $ref: '#/channels/InventoryReserved/messages/InventoryReserved' }] });
    expect(document.operations.publishInventoryReserved.action).toBe('send');
    // the items of a list, optional fields left out of `required`
    const sales = parseYaml(file(result, 'Sales.asyncapi.yaml'));
    expect(sales.components.schemas.OrderItem.properties.quantity).toEqual({ type: 'integer' });
    expect(sales.components.messages.PlaceOrder.payload.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/OrderItem' } });
  });

  it('--name narrows to one context; --json writes JSON the parser accepts', async () => {
    const one = exported(orderSaga(), 'asyncapi', { name: 'Billing', json: true });
    expect(one.files.map((f) => f.path)).toEqual(['Billing.asyncapi.json']);
    expect(JSON.parse(one.files[0]!.text).info.title).toBe('Billing');
    expect(await failures(one.files[0]!.text)).toEqual([]);
  }, 60_000);

  it('an unknown context is a problem that suggests the closest name and lists some', () => {
    expect(exportModel(orderSaga().model, 'asyncapi', { name: 'Billling' })).toEqual({
      problem: "no bounded context 'Billling' in the model. Did you mean Billing? Its contexts: Banking, Billing, PaymentProvider, LegacyErp, Inventory and 4 more.",
    });
  });
});

describe('AsyncAPI 3.0: hostile names', () => {
  it('every document parses, and the names come back as text', async () => {
    const result = exported(exportHostileModel(), 'asyncapi');
    for (const exportedFile of result.files) {
      expect(await failures(exportedFile.text), exportedFile.path).toEqual([]);
      expect(exportedFile.text).not.toMatch(/^@enduml/m);
    }
    const documents = result.files.map((f) => parseYaml(f.text));
    // the owner and the description of a context, and the titles of the channels, are the model's text exactly
    const mallory = documents.find((document) => document.info.title === `Mallory${exportHostile}`);
    expect(mallory.info.contact.name).toBe(`<b>owner</b> | team${exportHostile}`);
    const billing = documents.find((document) => document.info.title === `Billing${exportHostile}`);
    const titles = Object.values(billing.channels).map((channel) => (channel as { title: string }).title);
    expect(titles).toContain(`PaymentProcessed${exportHostile}`);
    // keys and addresses are safe identifiers
    for (const key of Object.keys(billing.channels)) expect(key).toMatch(/^[A-Za-z0-9_.-]+$/);
  }, 300_000);
});

describe('AsyncAPI 3.0: a generated model of 108 bounded contexts', () => {
  it('every document is one context, titled by it; the busiest, the first, the last and a spread between are accepted by @asyncapi/parser', async () => {
    const { model } = generated100();
    expect(model.contexts.size).toBeGreaterThanOrEqual(100);
    const result = exported(generated100(), 'asyncapi');
    expect(result.files).toHaveLength(model.contexts.size);
    const documents = result.files.map((exportedFile, index) => ({ exportedFile, index, parsed: parseYaml(exportedFile.text) }));
    for (const { parsed, index } of documents) expect(parsed.info.title).toBe([...model.contexts.keys()][index]);
    // @asyncapi/parser takes about a second a document on this machine: the documents that exercise the most
    // (channels, operations, schemas), the first, the last and every 25th (all 108 once took 4 minutes)
    const weight = (parsed: { channels?: object; operations?: object; components?: { schemas?: object } }) =>
      Object.keys(parsed.channels ?? {}).length + Object.keys(parsed.operations ?? {}).length + Object.keys(parsed.components?.schemas ?? {}).length;
    const busiest = [...documents].sort((a, b) => weight(b.parsed) - weight(a.parsed) || a.index - b.index).slice(0, 4);
    const chosen = new Map([...busiest, documents[0]!, documents[documents.length - 1]!, ...documents.filter((d) => d.index % 25 === 12)].map((d) => [d.index, d]));
    expect(chosen.size).toBeGreaterThanOrEqual(8);
    for (const { exportedFile } of chosen.values()) expect(await failures(exportedFile.text), exportedFile.path).toEqual([]);
  }, 300_000);
});

describe('AsyncAPI 3.0: the parser still rejects what is wrong', () => {
  // the documents share Spectral's compiled schema (asyncapi-parser.ts): a broken document parsed after good ones still fails
  it('a send operation written as v2 `publish`, an operation without its channel, and a message that is not an object each fail', async () => {
    expect(sharedCompiler).toBe(true);
    const sales = parseYaml(file(exported(orderSaga(), 'asyncapi'), 'Sales.asyncapi.yaml'));
    expect(await failures(stringifyYaml(sales))).toEqual([]);
    const publish = structuredClone(sales);
    publish.operations.publishOrderPlaced.action = 'publish';
    expect((await failures(stringifyYaml(publish))).join('\n')).toMatch(/operations\/publishOrderPlaced\/action/);
    const noChannel = structuredClone(sales);
    delete noChannel.operations.publishOrderPlaced.channel;
    expect((await failures(stringifyYaml(noChannel))).join('\n')).toMatch(/operations\/publishOrderPlaced/);
    const badMessage = structuredClone(sales);
    badMessage.components.messages.OrderPlaced = 'not a message';
    expect(await failures(stringifyYaml(badMessage))).not.toEqual([]);
  }, 60_000);
});

describe('AsyncAPI 3.0: events and values that extend a base', () => {
  const text = fixture('export/inherited-events.ddd');
  const result = exported(checkWorkspace([{ uri: 'file:///claims.ddd', text }]), 'asyncapi');

  it('is accepted by @asyncapi/parser', async () => {
    expect(await failures(file(result, 'Claims.asyncapi.yaml'))).toEqual([]);
  }, 60_000);

  it("gives each event the base's fields after its own, and the abstract base no message, channel or operation of its own", () => {
    const document = parseYaml(file(result, 'Claims.asyncapi.yaml'));
    const settled = document.components.messages.ClaimSettled.payload;
    expect(Object.keys(settled.properties)).toEqual(['amount', 'note', 'claimId', 'occurredAt']);
    expect(settled.required).toEqual(['amount', 'claimId', 'occurredAt']);
    expect(Object.keys(document.components.messages)).not.toContain('ClaimEvent');
    expect(Object.keys(document.channels)).not.toContain('ClaimEvent');
    expect(Object.keys(document.operations)).not.toContain('publishClaimEvent');
    // a value object that extends another carries its base's fields in its schema too
    expect(Object.keys(document.components.schemas.Receipt.properties)).toEqual(['total', 'title']);
  });
});
