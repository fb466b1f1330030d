/**
 * `ddd summary --format json`: every kind of element with its count and names,
 * in a fixed order, for scripts. The counts of the example are written out here
 * (counted by hand from its files), so the census cannot agree with itself.
 */
import { describe, expect, it } from 'vitest';
import { censusKinds } from '../../src/language/model/element-census';
import { kindWords } from '../../src/language/model/model';
import { dddHere, root, useTemporaryFolders, workspace } from './harness';

useTemporaryFolders();

interface SummaryJson {
  files: number;
  elements: Record<string, { count: number; names: string[] }>;
  findings: Record<string, number>;
}

/** examples/order-saga, counted from its files. */
const exampleCounts: Record<string, number> = {
  domain: 1,
  subdomain: 7,
  context: 9,
  contextmap: 1,
  relationship: 8,
  aggregate: 6,
  entity: 7,
  value: 2,
  enum: 3,
  command: 14,
  event: 15,
  repository: 4,
  service: 2,
  stream: 1,
  readmodel: 2,
  saga: 3,
  storming: 1,
  term: 9,
  field: 84,
  operation: 12,
  enumValue: 10,
  sagaStep: 4,
  reaction: 11,
  sticky: 10,
};

async function summary(args: string[], cwd = root): Promise<{ status: number | null; json: SummaryJson; stderr: string }> {
  const run = await dddHere(['summary', '--format', 'json', ...args], cwd);
  return { status: run.status, json: JSON.parse(run.stdout) as SummaryJson, stderr: run.stderr };
}

describe('ddd summary --format json', () => {
  it('counts every kind of element of the example, and names the declarations', async () => {
    const { status, json, stderr } = await summary(['examples/order-saga']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(Object.keys(json)).toEqual(['files', 'elements', 'findings']);
    expect(json.files).toBe(13);
    expect(json.findings).toEqual({ error: 0, warning: 0, info: 0, hint: 2 });
    const counts = Object.fromEntries(Object.entries(json.elements).map(([kind, entry]) => [kind, entry.count]));
    // a kind the example has none of (one added to the language later) counts 0
    expect(counts).toEqual({ ...Object.fromEntries(censusKinds.map((kind) => [kind, 0])), ...exampleCounts });
    expect(json.elements['subdomain']!.names).toEqual(['Shop.Accounts', 'Shop.CustomerCare', 'Shop.Logistics', 'Shop.Messaging', 'Shop.Ordering', 'Shop.Payments', 'Shop.Stock']);
    expect(json.elements['aggregate']!.names).toEqual(['Banking.Account', 'Billing.Payment', 'Inventory.StockItem', 'Sales.Order', 'Shipping.Shipment', 'Support.Ticket']);
    expect(json.elements['saga']!.names).toEqual(['OrderFulfilment', 'OrderSaga', 'PlaceOrderChoreography']);
    expect(json.elements['entity']!.names).toContain('Sales.Order.Order');
    expect(json.elements['field']!.names).toContain('Sales.Order.Order.id');
    // declarations are named, each once; nameless parts are counted only
    for (const [kind, entry] of Object.entries(json.elements)) {
      if (['relationship', 'sagaStep', 'reaction', 'sticky'].includes(kind)) expect(entry.names, kind).toEqual([]);
      else expect(entry.names, kind).toHaveLength(entry.count);
      expect(entry.names, kind).toEqual([...entry.names].sort());
    }
  });

  it('lists every kind of the model, always in the same order, the merged context for its blocks', async () => {
    const { json } = await summary(['examples/order-saga']);
    expect(Object.keys(json.elements)).toEqual(Object.keys(kindWords).filter((kind) => kind !== 'contextDeclaration'));
    expect(Object.keys(json.elements).slice(0, 6)).toEqual(['domain', 'subdomain', 'context', 'contextmap', 'relationship', 'aggregate']);
    // a context declared in two files counts once
    const split = workspace({ 'a.ddd': 'context Sales {\n  event OrderPlaced\n}\n', 'b.ddd': 'context Sales {\n  command PlaceOrder emits OrderPlaced\n}\n' });
    const merged = (await summary([], split)).json;
    expect(merged.elements['context']).toEqual({ count: 1, names: ['Sales'] });
    expect(merged.elements['event']).toEqual({ count: 1, names: ['Sales.OrderPlaced'] });
    expect(merged.elements['command']).toEqual({ count: 1, names: ['Sales.PlaceOrder'] });
  });

  it('on a folder without .ddd files: every count 0, the problem on stderr, exit code 2', async () => {
    const empty = workspace({ 'readme.md': '# nothing here' });
    const { status, json, stderr } = await summary([], empty);
    expect(status).toBe(2);
    expect(stderr).toContain('ddd: no .ddd files found in the current folder');
    expect(json.files).toBe(0);
    expect(Object.keys(json.elements)).toEqual([...censusKinds]);
    for (const entry of Object.values(json.elements)) expect(entry).toEqual({ count: 0, names: [] });
    expect(json.findings).toEqual({ error: 0, warning: 0, info: 0, hint: 0 });
  });

  it('the text format stays the default; another format is a usage problem', async () => {
    const text = await dddHere(['summary', 'examples/order-saga'], root);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Model: 13 files, 1 domain, 9 bounded contexts/);
    const xml = await dddHere(['summary', '--format', 'xml', 'examples/order-saga'], root);
    expect(xml.status).toBe(2);
    expect(xml.stderr).toContain('--format must be text or json');
    expect((await dddHere(['summary', '--help'], root)).stdout).toContain('--format <text|json>');
  });
});
