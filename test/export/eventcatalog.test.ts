/**
 * EventCatalog: the exported tree written to a temporary folder and read back
 * with `@eventcatalog/sdk` (EventCatalog's own reader and writer of catalogs).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import utils from '@eventcatalog/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelExport } from '../../src/language/export/index';
import { checkWorkspace } from '../../src/language/index';
import { fixture } from '../helpers';
import { exported, exportHostile, exportHostileModel, generated100, orderSaga } from './support';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 120_000);

function writeCatalog(result: ModelExport): string {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-eventcatalog-'));
  folders.push(folder);
  for (const { path, text } of result.files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe('EventCatalog: the example workspace, read back with @eventcatalog/sdk', () => {
  const folder = writeCatalog(exported(orderSaga(), 'eventcatalog'));
  const sdk = utils(folder);

  it('a service per bounded context, with what it sends and receives', async () => {
    const services = await sdk.getServices();
    expect(services.map((service) => service.name).sort()).toEqual([...orderSaga().model.contexts.keys()].sort());
    const sales = await sdk.getService('Sales');
    expect(sales.owners).toEqual(['checkout_team']);
    expect(sales.sends?.map((pointer) => pointer.id)).toEqual(expect.arrayContaining(['OrderPlaced', 'ReserveInventory']));
    expect(sales.receives?.map((pointer) => pointer.id)).toEqual(expect.arrayContaining(['InventoryReserved', 'PaymentSucceeded']));
    expect(sales.markdown).toContain('**Customer**: Someone who buys');
    const team = await sdk.getTeam('checkout_team');
    expect(team?.name).toBe('Checkout team');
  });

  it('events and commands with their JSON Schema, producers and consumers', async () => {
    const placed = await sdk.getEvent('OrderPlaced');
    expect(placed.summary).toBe('Domain event OrderPlaced of Sales');
    const schema = await sdk.getSchemaForMessage('OrderPlaced');
    expect(JSON.parse(schema!.schema)).toMatchObject({ type: 'object', required: ['order', 'customer', 'total'], properties: { total: { $ref: '#/$defs/Money' } } });
    const { producers, consumers } = await sdk.getProducersAndConsumersForMessage('OrderPlaced');
    expect(producers.map((service) => service.id)).toEqual(['Sales']);
    expect(consumers.map((service) => service.id).sort()).toEqual(['Billing', 'Inventory', 'Notification', 'Sales']);
    const command = await sdk.getCommand('ReserveInventory');
    expect(command.name).toBe('ReserveInventory');
  });

  it('domains and subdomains, with the ubiquitous language of the contexts that implement them', async () => {
    const shop = await sdk.getDomain('Shop');
    expect(shop.domains?.map((pointer) => pointer.id)).toContain('Shop-Ordering');
    const ordering = await sdk.getDomain('Shop-Ordering');
    expect(ordering.services?.map((pointer) => pointer.id)).toEqual(['Sales']);
    const language = await sdk.getUbiquitousLanguageFromDomain('Shop-Ordering');
    expect((language as { dictionary?: { name: string }[] } | undefined)?.dictionary?.map((term) => term.name)).toEqual(['Customer', 'Order', 'Order Item']);
  });

  it('a flow per saga', async () => {
    const saga = await sdk.getFlow('OrderSaga');
    expect(saga.steps.map((step) => step.title)).toEqual(expect.arrayContaining(['CreateOrder', 'Inventory', 'InventoryReserved', 'ReleaseInventory']));
    const choreography = await sdk.getFlow('OrderFulfilment');
    expect(choreography.steps.find((step) => step.title === 'Shipping')?.service?.id).toBe('Shipping');
  });
});

describe('EventCatalog: events that extend a base, read back with @eventcatalog/sdk', () => {
  const folder = writeCatalog(exported(checkWorkspace([{ uri: 'file:///claims.ddd', text: fixture('export/inherited-events.ddd') }]), 'eventcatalog'));
  const sdk = utils(folder);

  it("gives each event the base's fields in its schema, and the abstract base no event of its own", async () => {
    const schema = JSON.parse((await sdk.getSchemaForMessage('ClaimSettled'))!.schema);
    expect(Object.keys(schema.properties)).toEqual(['amount', 'note', 'claimId', 'occurredAt']);
    expect(schema.required).toEqual(['amount', 'claimId', 'occurredAt']);
    expect((await sdk.getEvents()).map((event) => event.name).sort()).toEqual(['ClaimSettled', 'ClaimSubmitted', 'ReceiptFiled']);
  });
});

describe('EventCatalog: hostile names and a generated model', () => {
  it('hostile text stays text in the front matter and is escaped in the MDX body', async () => {
    const result = exported(exportHostileModel(), 'eventcatalog');
    const sdk = utils(writeCatalog(result));
    const services = await sdk.getServices();
    const mallory = services.find((service) => service.name === `Mallory${exportHostile}`)!;
    expect(mallory).toBeDefined();
    expect(mallory.summary).toBe(`%%{init: {"theme":"forest"}}%% <img src=x onerror=alert(3)>${exportHostile}`);
    // MDX: no raw brace or angle bracket reaches the body
    const body = result.files.find((f) => f.path === `services/${mallory.id}/index.mdx`)!.text.split(/^---$/m)[2]!;
    expect(body).not.toMatch(/(?<!\\)[{}]|<(?!br)/);
  });

  it('108 contexts: every service, event and command reads back', async () => {
    const result = exported(generated100(), 'eventcatalog');
    const sdk = utils(writeCatalog(result));
    const { model } = generated100();
    expect((await sdk.getServices()).length).toBe(model.contexts.size);
    const events = await sdk.getEvents();
    expect(events.length).toBe(result.files.filter((f) => /^events\/[^/]+\/index\.mdx$/.test(f.path)).length);
    expect(events.map((event) => event.name)).toContain('NorthOrderPlaced');
  }, 300_000);
});
