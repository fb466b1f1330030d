import { describe, expect, test } from 'vitest';
import { hoverAt } from '../../src/language/navigation/index';
import { example, workspace } from './fixtures';

describe('hover', () => {
  const ws = example();
  const hover = (file: string, needle: string, delta = 0, n = 0) => hoverAt(ws.model, ws.uri(file), ws.at(file, needle, delta, n))?.markdown ?? '';

  test('a glossary term: the definition of its own context, and a note that the word means something else elsewhere', () => {
    const sales = hover('contexts/sales.ddd', 'Customer:');
    expect(sales).toContain('Someone who buys: name, email, shipping address, payment methods, cart');
    expect(sales).not.toContain('account holder');
    expect(sales).toContain('`Support`');
    const support = hover('contexts/support.ddd', 'Customer:');
    expect(support).toContain('An account holder with ticket history, satisfaction score and support plan');
    expect(support).not.toContain('Someone who buys');
  });

  test('a name used in a context reads in the language of that context', () => {
    expect(hover('contexts/sales.ddd', 'CustomerId')).toContain('*Sales:* **Customer** — Someone who buys');
    expect(hover('contexts/support.ddd', 'CustomerId')).toContain('*Support:* **Customer** — An account holder');
    expect(hover('contexts/sales.ddd', 'aggregate Order', 10)).toContain("*Sales:* **Order** — A customer's request to buy items");
    // "Order Item" is written with a space in the glossary
    expect(hover('contexts/sales.ddd', 'entity OrderItem', 7)).toContain('One product in an order');
  });

  test('outside any context (a storming board) every meaning is shown', () => {
    const actor = hover('storming/checkout.ddd', 'actor Customer', 6);
    expect(actor).toContain('**actor** `Customer`');
    expect(actor).toContain('*Sales:* **Customer**');
    expect(actor).toContain('*Support:* **Customer**');
  });

  test('a role says what the pattern means and who plays it', () => {
    const ohs = hover('context-map.ddd', 'OHS');
    expect(ohs).toContain('**OHS** · open host service — upstream role');
    expect(ohs).toContain('well-documented API');
    expect(ohs).toContain('`Sales` plays open host service');
    expect(hover('context-map.ddd', '[SK]', 1)).toContain('symmetric role');
    const unknown = workspace({ 'a.ddd': 'context A\ncontext B\ncontextmap M { A [XYZ] -> B }' });
    expect(hoverAt(unknown.model, unknown.uri('a.ddd'), unknown.at('a.ddd', 'XYZ'))?.markdown).toContain('is not a context-map role');
  });

  test('an element: kind, qualified name, description, where it is declared, members', () => {
    const event = hover('sagas/order-saga.ddd', 'reply OrderCreated', 6);
    expect(event).toContain('**domain event** `Sales.Order.OrderCreated`');
    expect(event).toContain('order: OrderId');
    expect(event).toContain('Emitted by command `CreateOrder`, `Sales` in saga `PlaceOrderChoreography`');
    expect(event).toContain('Heard by `Inventory` in saga `PlaceOrderChoreography`, saga `OrderSaga` after `CreateOrder`');
    expect(event).toContain('[contexts/sales.ddd:');
    const context = hover('context-map.ddd', 'PaymentProvider');
    expect(context).toContain('**bounded context** `PaymentProvider` · external');
    expect(context).toContain('Card payments, bought as a service');
    expect(context).toContain('`PaymentProvider [OHS] -> Billing [CF]`');
    expect(hover('contexts/sales.ddd', 'repository Orders', 11)).toContain('findById(id: OrderId): Order');
    expect(hover('contexts/sales.ddd', 'placedAt')).toContain('field of entity `Sales.Order.Order`');
    expect(hover('domain.ddd', 'Ordering')).toContain('core: what makes the business unique');
  });

  test('an event: what makes it happen and what acts on it, as an event catalogue lists producers and consumers; a command: who sends it', () => {
    const placed = hover('contexts/sales.ddd', 'event OrderPlaced', 8);
    expect(placed).toContain('Emitted by command `PlaceOrder`, `Sales` in saga `OrderFulfilment`');
    expect(placed).toMatch(/Heard by read model `OrderHistory`, `Inventory` in saga `OrderFulfilment`.*, policy `ReserveStock` on board `Checkout`/);
    expect(hover('contexts/billing.ddd', 'event PaymentFailed', 8)).toContain('Emitted by `Billing` in saga `PlaceOrderChoreography` when it fails');
    // the other half of the flow: who sends a command
    expect(hover('contexts/inventory.ddd', 'command ReserveInventory', 9)).toContain('Sent by saga `OrderSaga`, step 2, policy `ReserveStock` on board `Checkout`');
    expect(hover('contexts/sales.ddd', 'command CancelOrder', 9)).toContain('Sent by saga `OrderSaga`, undoing `CreateOrder`');
    expect(hover('contexts/sales.ddd', 'command PlaceOrder', 9)).toContain('Sent by `Customer` on board `Checkout`');
    const q = workspace({ 'a.ddd': 'context Shipping {\n  event ParcelShipped\n}' });
    const lone = hoverAt(q.model, q.uri('a.ddd'), q.at('a.ddd', 'ParcelShipped'))!.markdown;
    expect(lone).toContain('Emitted by nothing in the model');
    expect(lone).not.toContain('Heard by');
  });

  test('a bounded context lists each kind of member it holds, in the words of its kind', () => {
    const q = workspace({
      'a.ddd': [
        'context Shipping {',
        '  glossary { Parcel: "what we ship" }',
        '  aggregate Parcel { root entity Parcel { id: ParcelId } }',
        '  event ParcelShipped { id: ParcelId }',
        '  repository Parcels for Parcel { load(id: ParcelId): Parcel }',
        '  service Routing { route(id: ParcelId) }',
        '  stream ParcelStream of Parcel { ParcelShipped(id: 1) }',
        '  readmodel ParcelList from ParcelShipped { id: ParcelId }',
        '}',
      ].join('\n'),
    });
    const lines = hoverAt(q.model, q.uri('a.ddd'), q.at('a.ddd', 'Shipping'))!.markdown.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- glossary terms: Parcel',
      '- aggregates: Parcel',
      '- domain events: ParcelShipped',
      '- repositories: Parcels',
      '- domain services: Routing',
      '- event streams: ParcelStream',
      '- read models: ParcelList',
    ]);
  });

  test('saga states, built-in types, names not declared yet', () => {
    expect(hover('sagas/order-saga.ddd', 'PAYMENT_FAILED')).toContain('entered when step `ProcessPayment` fails');
    expect(hover('sagas/order-saga.ddd', 'INV_RELEASED')).toContain('reached once `ReleaseInventory` has undone step `ReserveInventory`');
    expect(hover('contexts/sales.ddd', 'DateTime')).toContain('**built-in type** `DateTime`');
    expect(hover('sagas/choreography.ddd', 'PaymentSucceeded')).toContain('not declared yet');
    expect(hoverAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', '{'))).toBeUndefined();
  });
});
