import { describe, expect, it } from 'vitest';
import type { Aggregate, ContextDeclaration, ContextMap, DomainDeclaration, Saga, StormingBoard } from '../../src/language/model/elements';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { dddParser } from '../../src/language/syntax/parser';

function parse(text: string) {
  return parseDocument('file:///test.ddd', text);
}

function only<T>(text: string): T {
  const document = parse(text);
  expect(document.diagnostics).toEqual([]);
  expect(document.declarations).toHaveLength(1);
  return document.declarations[0] as T;
}

/** The source text a range covers. */
function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe('strategic design', () => {
  it('parses a domain with typed subdomains and descriptions', () => {
    const text = 'domain Shop "the shop" {\n  core subdomain Ordering "our edge"\n  supporting subdomain Stock\n  generic subdomain Payments\n  subdomain Misc\n}';
    const domain = only<DomainDeclaration>(text);
    expect(domain.name).toBe('Shop');
    expect(domain.description).toBe('the shop');
    expect(domain.subdomains.map((s) => [s.name, s.type])).toEqual([
      ['Ordering', 'core'],
      ['Stock', 'supporting'],
      ['Payments', 'generic'],
      ['Misc', undefined],
    ]);
    expect(domain.subdomains[0]!.description).toBe('our edge');
    expect(slice(text, domain.subdomains[0]!.range)).toBe('core subdomain Ordering "our edge"');
    expect(slice(text, domain.range)).toBe(text);
  });

  it('parses contexts with implements, external, owner and glossary', () => {
    const text = 'context Sales implements Ordering, Shop.Extra {\n  owner "Checkout team"\n  glossary {\n    Customer: "Someone who buys"\n    "Order Item": "a line"\n  }\n}';
    const context = only<ContextDeclaration>(text);
    expect(context.implements.map((r) => r.text)).toEqual(['Ordering', 'Shop.Extra']);
    expect(context.owner?.text).toBe('Checkout team');
    expect(context.glossary.map((t) => [t.name, t.definition])).toEqual([
      ['Customer', 'Someone who buys'],
      ['Order Item', 'a line'],
    ]);
    expect(slice(text, context.nameRange)).toBe('Sales');
    const external = only<ContextDeclaration>('context PaymentProvider external "cards"');
    expect(external.external).toBe(true);
    expect(external.description).toBe('cards');
  });

  it('parses context maps with roles, arrows and shared kernels', () => {
    const text = `contextmap ShopMap {
      Sales [OHS, PL] -> Support [ACL]
      Sales [SK] <-> Billing [SK] { Money, Sales.Currency }
      Shipping <- Sales
    }`;
    const map = only<ContextMap>(text);
    const [first, second, third] = map.relationships;
    expect(first!.left.context?.text).toBe('Sales');
    expect(first!.left.roles.map((r) => r.text)).toEqual(['OHS', 'PL']);
    expect(first!.arrow).toBe('->');
    expect(first!.right.roles.map((r) => r.text)).toEqual(['ACL']);
    expect(second!.arrow).toBe('<->');
    expect(second!.shared.map((r) => r.text)).toEqual(['Money', 'Sales.Currency']);
    expect(third!.arrow).toBe('<-');
    expect(slice(text, first!.range)).toBe('Sales [OHS, PL] -> Support [ACL]');
  });
});

describe('tactical design', () => {
  const text = `context Sales {
  aggregate Order "the order" {
    root entity Order {
      id: OrderId
      items: List<OrderItem>
      lookup: Map<String, Int>?
      owner: CustomerId
      invariant "at least one item"
      total(currency: Currency): Money
    }
    entity OrderItem { id: OrderItemId }
    value Money { amount: Decimal, currency: Currency }
    enum Currency { EUR, USD GBP }
    command PlaceOrder { customer: CustomerId } emits OrderPlaced, OrderRejected
    event OrderPlaced { order: OrderId }
    invariant "an order belongs to one customer"
  }
  repository Orders for Order {
    findById(id: OrderId): Order
    save(order: Order)
  }
  service Pricing { price(order: Order): Money }
  value SharedThing { x: Int }
  event ContextLevelEvent
}`;

  it('parses aggregates and their building blocks', () => {
    const context = only<ContextDeclaration>(text);
    const order = context.aggregates[0] as Aggregate;
    expect(order.description).toBe('the order');
    expect(order.entities.map((e) => [e.name, e.root])).toEqual([
      ['Order', true],
      ['OrderItem', false],
    ]);
    const root = order.entities[0]!;
    expect(root.fields.map((f) => `${f.name}: ${f.type?.text}`)).toEqual([
      'id: OrderId',
      'items: List<OrderItem>',
      'lookup: Map<String, Int>?',
      'owner: CustomerId',
    ]);
    expect(root.invariants.map((i) => i.text)).toEqual(['at least one item']);
    expect(root.operations[0]!.name).toBe('total');
    expect(root.operations[0]!.parameters[0]!.type?.text).toBe('Currency');
    expect(root.operations[0]!.returns?.text).toBe('Money');
    expect(order.values[0]!.fields.map((f) => f.name)).toEqual(['amount', 'currency']);
    expect(order.enums[0]!.values.map((v) => v.name)).toEqual(['EUR', 'USD', 'GBP']);
    expect(order.commands[0]!.emits.map((r) => r.text)).toEqual(['OrderPlaced', 'OrderRejected']);
    expect(order.events[0]!.fields[0]!.name).toBe('order');
    expect(order.invariants.map((i) => i.text)).toEqual(['an order belongs to one customer']);
    expect(context.repositories[0]!.aggregate?.text).toBe('Order');
    expect(context.repositories[0]!.operations.map((o) => o.name)).toEqual(['findById', 'save']);
    expect(context.services[0]!.operations[0]!.name).toBe('price');
    expect(context.values[0]!.name).toBe('SharedThing');
    expect(context.events[0]!.name).toBe('ContextLevelEvent');
  });

  it('keeps exact ranges for names, fields and types', () => {
    const context = only<ContextDeclaration>(text);
    const root = context.aggregates[0]!.entities[0]!;
    expect(slice(text, root.nameRange)).toBe('Order');
    expect(slice(text, root.range)).toMatch(/^root entity Order \{[\s\S]*\}$/);
    const items = root.fields[1]!;
    expect(slice(text, items.range)).toBe('items: List<OrderItem>');
    expect(slice(text, items.type!.range)).toBe('List<OrderItem>');
    expect(slice(text, items.type!.args[0]!.name.range)).toBe('OrderItem');
  });

  it('accepts keywords as field, parameter and enum value names', () => {
    const context = only<ContextDeclaration>('context C { value V { owner: String  value: Int  event: String  from: Int } enum E { root none } }');
    expect(context.values[0]!.fields.map((f) => f.name)).toEqual(['owner', 'value', 'event', 'from']);
    expect(context.enums[0]!.values.map((v) => v.name)).toEqual(['root', 'none']);
  });

  it('keeps context and domain as member names without splitting the file', () => {
    const document = parse('context C { value V { context: ContextId  domain: String } }');
    expect(document.diagnostics).toEqual([]);
    expect(document.declarations).toHaveLength(1);
  });
});

describe('event sourcing and CQRS', () => {
  it('parses eventsourced aggregates, applies, streams and read models', () => {
    const text = `context Banking {
  aggregate Account eventsourced {
    root entity Account { id: AccountId  balance: Decimal }
    event AccountCreated { initial: Decimal } applies balance = initial
    event Deposited { amount: Decimal } applies balance += amount, count = count + 1
    event Withdrawn { amount: Decimal } applies balance -= amount
  }
  stream Account123 of Account {
    AccountCreated(initial: 0)
    Deposited(amount: 1000)
    Withdrawn(amount: -300.5, note: "atm", flagged: true)
    expect balance = 500, count = 1
  }
  readmodel AccountStatement from AccountCreated, Deposited { account: AccountId }
}`;
    const context = only<ContextDeclaration>(text);
    const account = context.aggregates[0]!;
    expect(account.eventSourced).toBe(true);
    const deposited = account.events[1]!;
    expect(deposited.applies.map((a) => [a.field.text, a.operator])).toEqual([
      ['balance', '+='],
      ['count', '='],
    ]);
    expect(deposited.applies[1]!.expression).toMatchObject({
      kind: 'binary',
      operator: '+',
      left: { kind: 'name', name: 'count' },
      right: { kind: 'number', value: 1 },
    });
    const stream = context.streams[0]!;
    expect(stream.aggregate?.text).toBe('Account');
    expect(stream.events.map((e) => e.event.text)).toEqual(['AccountCreated', 'Deposited', 'Withdrawn']);
    expect(stream.events[2]!.arguments.map((a) => [a.name.text, a.value])).toEqual([
      ['amount', -300.5],
      ['note', 'atm'],
      ['flagged', true],
    ]);
    expect(stream.expectations.map((e) => [e.field.text, e.value])).toEqual([
      ['balance', 500],
      ['count', 1],
    ]);
    expect(context.readModels[0]!.sources.map((r) => r.text)).toEqual(['AccountCreated', 'Deposited']);
    expect(context.readModels[0]!.fields[0]!.name).toBe('account');
  });
});

describe('sagas', () => {
  it('parses an orchestrated saga with states, failures and compensations', () => {
    const text = `saga OrderSaga orchestrated by Sales {
  start STARTED
  step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED
    compensate CancelOrder -> FAILED
  step CheckStock on Inventory compensate none
  step ProcessPayment on Billing reply PaymentProcessed -> PAYMENT_DONE
    fails -> PAYMENT_FAILED
  step ConfirmOrder on Sales idempotent -> COMPLETED
}`;
    const saga = only<Saga>(text);
    expect(saga.style).toBe('orchestrated');
    expect(saga.orchestrator?.text).toBe('Sales');
    expect(saga.start?.text).toBe('STARTED');
    const [create, check, pay, confirm] = saga.steps;
    expect(create!.command?.text).toBe('CreateOrder');
    expect(create!.participant?.text).toBe('Sales');
    expect(create!.reply?.text).toBe('OrderCreated');
    expect(create!.successState?.text).toBe('ORDER_CREATED');
    expect(create!.compensation).toMatchObject({ none: false, command: { text: 'CancelOrder' }, state: { text: 'FAILED' } });
    expect(check!.compensation?.none).toBe(true);
    expect(pay!.failure?.state?.text).toBe('PAYMENT_FAILED');
    expect(pay!.compensation).toBeUndefined();
    expect(confirm!.idempotent).toBe(true);
    expect(slice(text, create!.range)).toBe('step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED\n    compensate CancelOrder -> FAILED');
    // names in a step are looked up in the participant's context first
    expect(create!.command?.scopeContext).toBe('Sales');
  });

  it('parses a choreographed saga with or/and joins, else and compensates', () => {
    const saga = only<Saga>(`saga Flow choreographed {
  Sales on CreateOrder emits OrderCreated
  Billing on InventoryReserved emits PaymentSucceeded, PaymentLogged else PaymentFailed
  Sales on PaymentFailed or InventoryReleased compensates emits OrderCancelled
  Shipping on InventoryReserved and PaymentProcessed idempotent emits OrderShipped
  Notification on OrderPlaced
}`);
    expect(saga.style).toBe('choreographed');
    const [first, billing, cancel, ship, notify] = saga.reactions;
    expect(first!.participant?.text).toBe('Sales');
    expect(first!.join).toBe('single');
    expect(billing!.emits.map((r) => r.text)).toEqual(['PaymentSucceeded', 'PaymentLogged']);
    expect(billing!.otherwise.map((r) => r.text)).toEqual(['PaymentFailed']);
    expect(cancel!.join).toBe('or');
    expect(cancel!.compensates).toBe(true);
    expect(ship!.join).toBe('and');
    expect(ship!.idempotent).toBe(true);
    expect(ship!.triggers.map((r) => r.text)).toEqual(['InventoryReserved', 'PaymentProcessed']);
    expect(notify!.emits).toEqual([]);
  });

  it('marks a trigger that mixes or and and', () => {
    const saga = only<Saga>('saga S choreographed { A on X or Y and Z emits W }');
    expect(saga.reactions[0]!.join).toBe('mixed');
  });
});

describe('event storming', () => {
  it('parses every kind of sticky', () => {
    const text = `storming Checkout "big picture" {
  actor Customer
  command PlaceOrder by Customer on Order
  event OrderPlaced "the order is in"
  policy ReserveStock when OrderPlaced then ReserveInventory
  event InventoryReserved
  external PaymentProvider
  readmodel OrderSummary from OrderPlaced, PaymentReceived
  aggregate Order
  hotspot "What if the payment times out?"
}`;
    const board = only<StormingBoard>(text);
    expect(board.description).toBe('big picture');
    expect(board.stickies.map((s) => `${s.type}:${s.text}`)).toEqual([
      'actor:Customer',
      'command:PlaceOrder',
      'event:OrderPlaced',
      'policy:ReserveStock',
      'event:InventoryReserved',
      'external:PaymentProvider',
      'readmodel:OrderSummary',
      'aggregate:Order',
      'hotspot:What if the payment times out?',
    ]);
    const command = board.stickies[1]!;
    expect(command.by?.text).toBe('Customer');
    expect(command.on?.text).toBe('Order');
    expect(board.stickies[2]!.description).toBe('the order is in');
    expect(board.stickies[3]!.when.map((r) => r.text)).toEqual(['OrderPlaced']);
    expect(board.stickies[3]!.then.map((r) => r.text)).toEqual(['ReserveInventory']);
    expect(board.stickies[6]!.from.map((r) => r.text)).toEqual(['OrderPlaced', 'PaymentReceived']);
    expect(slice(text, board.stickies[8]!.textRange)).toBe('"What if the payment times out?"');
  });
});

describe('comments and strings', () => {
  it('skips line and block comments and unescapes strings', () => {
    const context = only<ContextDeclaration>('/* a\n block */ context C // line\n { owner "say \\"hi\\"" }');
    expect(context.owner?.text).toBe('say "hi"');
    const document = parse('// c1\ncontext C /* c2 */');
    expect(document.comments).toHaveLength(2);
  });
});

describe('the process-wide parsers', () => {
  it('let go of the document they parsed last, so that they keep no model alive', () => {
    // the second context has a mistake: the recovering parser parses it again
    const document = parseDocument('file:///kept.ddd', 'context Sales { aggregate Order { root entity Order { id: OrderId } } }\ncontext Billing { aggregate { } }');
    expect(document.declarations).toHaveLength(2);
    expect(document.diagnostics.length).toBeGreaterThan(0);
    for (const parser of [dddParser(false), dddParser(true)]) {
      expect([parser.declarations, parser.references, parser.problems, parser.input]).toEqual([[], [], [], []]);
      expect(parser.text).toBe('');
    }
  });
});
