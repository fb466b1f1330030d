/**
 * Every view of examples/order-saga: what the diagram says, and that mermaid's
 * own parser accepts it (see parse.ts for the DOM mermaid needs).
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateDiagram,
  contextMapDiagram,
  contextsWithAggregates,
  domainDiagram,
  findSaga,
  sagaDiagrams,
  sagaFlowDiagram,
  sagaSequenceDiagram,
  sagaStateDiagram,
  stormingDiagram,
  stormingView,
  modelStormingView,
  viewDiagrams,
  viewNames,
  type MermaidDiagram,
} from '../../src/language/diagrams/index';
import { expectParses, parsed, shown } from './parse';
import { orderSaga } from './support';
import { checkWorkspace } from '../../src/language/index';

const model = () => orderSaga().model;

/** The lines of a diagram, trimmed. */
const lines = (diagram: MermaidDiagram) => diagram.text.split('\n').map((line) => line.trim());

describe('context map', () => {
  it('draws every context, external systems apart, one edge per relationship with the roles', async () => {
    const diagram = contextMapDiagram(model());
    await expectParses([diagram]);
    expect(lines(diagram)[0]).toBe('flowchart LR');
    expect(diagram.text).toContain('c_Sales("Sales<br/>core: Ordering")');
    expect(diagram.text).toContain('c_Inventory("Inventory<br/>supporting: Stock")');
    expect(diagram.text).toContain('c_Billing("Billing<br/>generic: Payments")');
    expect(diagram.text).toContain('c_PaymentProvider{{"PaymentProvider<br/>external system"}}');
    expect(lines(diagram)).toEqual(
      expect.arrayContaining([
        'c_Sales -->|"OHS, PL → ACL"| c_Support',
        'c_Sales -->|"S → C"| c_Shipping',
        'c_Sales <-->|"Partnership"| c_Inventory',
        'c_Sales ===|"Shared kernel: Money"| c_Billing',
        'c_PaymentProvider -->|"OHS → CF"| c_Billing',
        'c_LegacyErp -->|"U → ACL"| c_Inventory',
        'c_Sales -->|"U/D"| c_Notification',
        'c_Banking -->|"OHS → ACL"| c_Billing',
      ]),
    );
    expect(diagram.text).toMatch(/class c_Banking,c_Sales core/);
    expect(diagram.text).toMatch(/class c_PaymentProvider,c_LegacyErp external/);
    expect(diagram.text).toMatch(/classDef external [^\n]*stroke-dasharray/);
    expect(diagram.size).toMatchObject({ nodes: 9, edges: 8 });
    expect(diagram.tooLarge).toBe(false);
    expect(diagram.nodes.find((node) => node.name === 'Sales')).toMatchObject({ id: 'c_Sales', kind: 'context' });
    expect(diagram.nodes.find((node) => node.name === 'Sales')!.uri).toMatch(/sales\.ddd$/);
  });

  it('is what mermaid understands: directions, double and thick edges', async () => {
    const { db } = await parsed(contextMapDiagram(model()));
    const edges = db.getEdges() as { start: string; end: string; type: string; stroke: string; text: string }[];
    const edge = (from: string, to: string) => edges.find((e) => e.start === from && e.end === to)!;
    expect(edge('c_Sales', 'c_Support')).toMatchObject({ type: 'arrow_point', stroke: 'normal' });
    expect(shown(edge('c_Sales', 'c_Support').text)).toBe('OHS, PL → ACL');
    expect(edge('c_Sales', 'c_Inventory')).toMatchObject({ type: 'double_arrow_point' });
    expect(edge('c_Sales', 'c_Billing')).toMatchObject({ type: 'arrow_open', stroke: 'thick', text: 'Shared kernel: Money' });
    expect(db.getVertices().get('c_PaymentProvider').type).toBe('hexagon');
  });

  it('filters to one context and its neighbours', async () => {
    const diagram = contextMapDiagram(model(), { focus: 'Billing' });
    await expectParses([diagram]);
    expect(diagram.nodes.map((node) => node.name).sort()).toEqual(['Banking', 'Billing', 'PaymentProvider', 'Sales']);
    expect(diagram.size.edges).toBe(3);
    expect(diagram.text).toMatch(/class c_Billing focus/);
    expect(diagram.title).toBe('Context map around Billing');
  });

  it('filters to one context map, and says when a name is unknown', async () => {
    const one = contextMapDiagram(model(), { map: 'ShopMap' });
    expect(one.size.edges).toBe(8);
    const none = contextMapDiagram(model(), { map: 'Nope' });
    await expectParses([one, none]);
    expect(none.size.edges).toBe(0);
    expect(none.warnings).toEqual(['There is no context map named Nope.']);
  });
});

describe('aggregates', () => {
  it('draws the Sales aggregate: stereotypes, fields, containment, emits, invariants', async () => {
    const diagram = aggregateDiagram(model(), 'Sales');
    await expectParses([diagram]);
    const text = diagram.text;
    expect(lines(diagram)[0]).toBe('classDiagram');
    expect(text).toContain('namespace Order {');
    expect(text).toMatch(/class k_Order\["Order"\]:::root \{\n\s+<<Aggregate Root>>\n\s+id: OrderId\n\s+customer: CustomerId\n\s+items: List#60;OrderItem#62;/);
    expect(text).toMatch(/class k_OrderItem\["OrderItem"\]:::entity \{\n\s+<<Entity>>/);
    expect(text).toMatch(/class k_Money\["Money"\]:::value \{\n\s+<<Value Object>>/);
    expect(text).toMatch(/class k_Currency\["Currency"\]:::enum \{\n\s+<<Enumeration>>\n\s+EUR\n\s+USD\n\s+GBP/);
    expect(text).toMatch(/class k_OrderPlaced\["OrderPlaced"\]:::event \{\n\s+<<Domain Event>>/);
    expect(text).toMatch(/class k_PlaceOrder\["PlaceOrder"\]:::command \{\n\s+<<Command>>/);
    expect(lines(diagram)).toEqual(
      expect.arrayContaining([
        'k_Order "1" *-- "*" k_OrderItem : items',
        'k_OrderItem "1" *-- "1" k_Money : price',
        'k_Order --> k_OrderStatus : status',
        'k_PlaceOrder ..> k_OrderPlaced : emits',
        'k_CancelOrder ..> k_OrderCancelled : emits',
      ]),
    );
    // OrderItem.product: ProductId identifies Inventory's StockItem (its root's id is a ProductId)
    expect(text).toContain('k_OrderItem ..> k_Inventory_StockItem_StockItem : product #40;by id#41;');
    expect(text).toContain('class k_Inventory_StockItem_StockItem["Inventory.StockItem"]:::foreign {');
    expect(text).toContain('note for k_Order "invariant: an order has at least one item<br/>invariant: a confirmed order is never changed"');

    const { db } = await parsed(diagram);
    const order = db.getClass('k_Order');
    expect(order.label).toBe('Order');
    expect(order.annotations).toEqual(['Aggregate Root']);
    expect(order.members.map((member: { text: string }) => shown(member.text))).toContain('items: List<OrderItem>');
  });

  it('draws references by id to aggregates of other contexts as dashed dependencies', async () => {
    const billing = aggregateDiagram(model(), 'Billing');
    const shipping = aggregateDiagram(model(), 'Shipping');
    await expectParses([billing, shipping]);
    expect(billing.text).toContain('k_Payment ..> k_Sales_Order_Order : order #40;by id#41;');
    expect(billing.text).toContain('class k_Sales_Order_Order["Sales.Order"]:::foreign {');
    expect(shipping.text).toContain('k_Shipment "1" *-- "1" k_Address : address');
    expect(shipping.text).toContain('k_Shipment ..> k_Sales_Order_Order : order #40;by id#41;');
    const { db } = await parsed(billing);
    const relation = db.getRelations().find((r: { id1: string; id2: string }) => r.id1 === 'k_Payment' && r.id2 === 'k_Sales_Order_Order');
    expect(relation.relation.lineType).toBe(1); // dotted
  });

  it('marks an event-sourced root, and handles a context without aggregates or an unknown one', async () => {
    const banking = aggregateDiagram(model(), 'Banking');
    const notification = aggregateDiagram(model(), 'Notification');
    const unknown = aggregateDiagram(model(), 'Nowhere');
    await expectParses([banking, notification]);
    expect(banking.text).toContain('<<Aggregate Root, event-sourced>>');
    // Notification has no aggregate, but a domain service: drawn, with nothing to warn about
    expect(notification.warnings).toEqual([]);
    expect(notification.text).toContain('Mailer');
    const empty = aggregateDiagram(checkWorkspace([{ uri: 'file:///empty.ddd', text: 'context Empty' }]).model, 'Empty');
    await expectParses([empty]);
    expect(empty.warnings).toEqual(['Empty declares no aggregates or building blocks yet.']);
    expect(unknown.warnings).toEqual(['There is no bounded context named Nowhere.']);
    expect(contextsWithAggregates(model())).toEqual(['Banking', 'Billing', 'Inventory', 'Notification', 'Sales', 'Shipping', 'Support']);
  });

  it('every context with aggregates parses', async () => {
    await expectParses(contextsWithAggregates(model()).map((context) => aggregateDiagram(model(), context)));
  });
});

describe('sagas', () => {
  const orderSagaOf = () => findSaga(model(), 'OrderSaga')!;

  it("the OrderSaga state machine: the seed's states, happy path, failure and compensation paths, pivot, retry", async () => {
    const diagram = sagaStateDiagram(orderSagaOf());
    await expectParses([diagram]);
    const all = lines(diagram);
    expect(all[0]).toBe('stateDiagram-v2');
    expect(all).toContain('[*] --> STARTED');
    // happy path
    expect(all).toContain('STARTED --> ORDER_CREATED : CreateOrder');
    expect(all).toContain('ORDER_CREATED --> INV_RESERVED : ReserveInventory');
    expect(all).toContain('INV_RESERVED --> PAYMENT_DONE : ProcessPayment #40;pivot#41;');
    expect(all).toContain('PAYMENT_DONE --> COMPLETED : ConfirmOrder');
    // ProcessPayment fails: release the stock, then cancel the order
    expect(all).toContain('INV_RESERVED --> PAYMENT_FAILED : ProcessPayment failed');
    expect(all).toContain('PAYMENT_FAILED --> INV_RELEASED : ReleaseInventory');
    expect(all).toContain('INV_RELEASED --> FAILED : CancelOrder');
    // ReserveInventory fails: cancel the order
    expect(all).toContain('ORDER_CREATED --> FAILED : CancelOrder #40;ReserveInventory failed#41;');
    // CreateOrder fails: nothing to undo
    expect(all).toContain('STARTED --> FAILED : CreateOrder failed');
    // after the pivot: retried, never compensated
    expect(all).toContain('PAYMENT_DONE --> PAYMENT_DONE : ConfirmOrder failed: retry');
    expect(all).toContain('COMPLETED --> [*]');
    expect(all).toContain('FAILED --> [*]');
    expect(diagram.text).toMatch(/note right of PAYMENT_DONE : past the pivot #40;ProcessPayment#41;/);
    expect(diagram.text).toMatch(/class PAYMENT_DONE pivot/);
    expect(diagram.text).toMatch(/class FAILED failed/);
    expect(diagram.text).toMatch(/class COMPLETED completed/);
    expect(diagram.text).toMatch(/class PAYMENT_FAILED failure/);
    expect(diagram.text).toMatch(/class INV_RELEASED compensation/);

    const { db } = await parsed(diagram);
    const states = [...db.getStates().keys()];
    expect(states).toEqual(expect.arrayContaining(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_DONE', 'PAYMENT_FAILED', 'INV_RELEASED', 'COMPLETED', 'FAILED']));
  });

  it('the OrderSaga sequence: participants, commands, dashed replies, alt blocks with compensations, the retry loop', async () => {
    const diagram = sagaSequenceDiagram(orderSagaOf());
    await expectParses([diagram]);
    const all = lines(diagram);
    expect(all[0]).toBe('sequenceDiagram');
    expect(all).toEqual(
      expect.arrayContaining([
        'participant orchestrator as OrderSaga orchestrator #40;Sales#41;',
        'participant p_Sales as Sales',
        'participant p_Inventory as Inventory',
        'participant p_Billing as Billing',
        'orchestrator->>p_Sales: CreateOrder',
        'p_Sales-->>orchestrator: OrderCreated',
        'alt ProcessPayment succeeds',
        'else ProcessPayment fails',
        'loop until ConfirmOrder succeeds #40;retried, never compensated#41;',
      ]),
    );
    const text = diagram.text;
    // the ProcessPayment failure path, in order
    const failure = text.slice(text.indexOf('else ProcessPayment fails'));
    const order = ['Note over orchestrator: PAYMENT_FAILED', 'orchestrator->>p_Inventory: ReleaseInventory', 'Note over orchestrator: INV_RELEASED', 'orchestrator->>p_Sales: CancelOrder', 'Note over orchestrator: FAILED', 'end'];
    let at = 0;
    for (const line of order) {
      const next = failure.indexOf(line, at);
      expect(next, line).toBeGreaterThanOrEqual(at);
      at = next;
    }
    const { db } = await parsed(diagram);
    expect([...db.getActors().keys()]).toEqual(['orchestrator', 'p_Sales', 'p_Inventory', 'p_Billing']);
    const messages = db.getMessages() as { from: string; to: string; message: string; type: number }[];
    expect(messages.some((m) => m.from === 'p_Billing' && m.to === 'orchestrator' && m.message === 'PaymentProcessed')).toBe(true);
  });

  it('the choreographed order flow: events, reactions, an OR join, else as a dashed failure edge, compensations marked', async () => {
    const diagram = sagaFlowDiagram(findSaga(model(), 'PlaceOrderChoreography')!);
    await expectParses([diagram]);
    const all = lines(diagram);
    expect(all).toEqual(
      expect.arrayContaining([
        'e_CreateOrder["CreateOrder"]',
        'e_OrderCreated("OrderCreated")',
        'r3["Billing"]',
        'e_InventoryReserved --> r3',
        'r3 --> e_PaymentSucceeded',
        'r3 -.->|"else"| e_PaymentFailed',
        'r5["↩ Inventory<br/>compensates"]',
        'j6(("OR"))',
        'e_PaymentFailed --> j6',
        'e_InventoryReleased --> j6',
        'j6 --> r6',
        'class e_PaymentFailed failure',
        'class r5,r6 compensation',
      ]),
    );
    const { db } = await parsed(diagram);
    const elseEdge = (db.getEdges() as { start: string; end: string; stroke: string }[]).find((e) => e.start === 'r3' && e.end === 'e_PaymentFailed')!;
    expect(elseEdge.stroke).toBe('dotted');
  });

  it('the fulfilment flow joins with AND', async () => {
    const diagram = sagaFlowDiagram(findSaga(model(), 'OrderFulfilment')!);
    await expectParses([diagram]);
    expect(lines(diagram)).toEqual(expect.arrayContaining(['j5(("AND"))', 'e_InventoryReserved --> j5', 'e_PaymentProcessed --> j5', 'j5 --> r5', 'r5 --> e_OrderShipped', 'class j5 joinAnd']));
    expect(lines(diagram)).toContain('r4["Notification"]');
  });

  it('gives an orchestrated saga two diagrams and a choreographed one its flow', async () => {
    const all = model().sagas.flatMap(sagaDiagrams);
    await expectParses(all);
    expect(all.map((diagram) => `${diagram.kind} ${diagram.subject}`)).toEqual([
      'saga-flow PlaceOrderChoreography',
      'saga-flow OrderFulfilment',
      'saga-states OrderSaga',
      'saga-sequence OrderSaga',
    ]);
  });
});

describe('domains', () => {
  it('groups subdomains by type with the contexts that implement them', async () => {
    const diagram = domainDiagram(model());
    await expectParses([diagram]);
    const text = diagram.text;
    expect(text).toContain('subgraph core["Core subdomains"]');
    expect(text).toContain('subgraph supporting["Supporting subdomains"]');
    expect(text).toContain('subgraph generic["Generic subdomains"]');
    expect(text).toContain('s_Ordering["Ordering<br/>How orders are taken and fulfilled: our competitive edge"]');
    expect(text).toContain('c_Sales -->|"implements"| s_Ordering');
    expect(text).toContain('subgraph externals["External systems"]');
    const { db } = await parsed(diagram);
    const core = (db.getSubGraphs() as { id: string; nodes: string[] }[]).find((graph) => graph.id === 'core')!;
    expect(core.nodes.sort()).toEqual(['s_Accounts', 's_Ordering']);
  });
});

describe('storming board as a diagram', () => {
  it('the Checkout board parses, stickies in order, coloured by type', async () => {
    const diagram = stormingDiagram(stormingView(model(), 'Checkout')!);
    await expectParses([diagram]);
    expect(diagram.text).toMatch(/classDef event fill:#ff9f1c/);
    expect(diagram.text).toMatch(/classDef hotspot fill:#ff6b6b/);
    expect(diagram.text).toContain('n9{{"What if the payment times out?"}}');
    expect(diagram.text).toContain('subgraph lane1["Order"]');
    expect(diagram.text).toContain('n1 --> n2'); // Customer → PlaceOrder
  });

  it('the board made from the whole model parses', async () => {
    await expectParses([stormingDiagram(modelStormingView(model()))]);
  });
});

describe('views by name (what the CLI and the Markdown export use)', () => {
  it('every view of the example parses', async () => {
    for (const view of viewNames) {
      const { diagrams, problem } = viewDiagrams(model(), view);
      expect(problem).toBeUndefined();
      expect(diagrams.length, view).toBeGreaterThan(0);
      await expectParses(diagrams);
    }
  });

  it('narrows by name and reports unknown names', () => {
    expect(viewDiagrams(model(), 'context-map', 'ShopMap').diagrams[0]!.subject).toBe('ShopMap');
    expect(viewDiagrams(model(), 'context-map', 'Sales').diagrams[0]!.title).toBe('Context map around Sales');
    expect(viewDiagrams(model(), 'aggregates', 'Sales').diagrams).toHaveLength(1);
    expect(viewDiagrams(model(), 'saga', 'OrderSaga').diagrams).toHaveLength(2);
    expect(viewDiagrams(model(), 'storming', 'model').diagrams[0]!.title).toBe('Event storming: Whole model (from the model)');
    expect(viewDiagrams(model(), 'saga', 'Nope').problem).toBe('There is no saga named Nope (the sagas are PlaceOrderChoreography, OrderFulfilment, OrderSaga)');
    expect(viewDiagrams(model(), 'context-map', 'Nope').problem).toMatch(/^There is no context map or bounded context named Nope \(the maps and contexts are ShopMap, /);
    expect(viewDiagrams(model(), 'storming', 'Nope').problem).toBe('There is no storming board named Nope (the boards are Checkout, model)');
  });
});
