import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/language/model/elements';
import { memberContext, qualifiedName } from '../../src/language/model/model';
import { constructsIn } from '../../src/language/syntax/constructs';
import { check, checkFiles, readWorkspace } from '../helpers';

function targetOf(result: ReturnType<typeof check>, text: string, occurrence = 0): Declaration | undefined {
  const references = result.model.references.filter((reference) => reference.text === text);
  return references[occurrence]?.target;
}

describe('contexts are open and merge across files', () => {
  it('merges the parts of a context declared in two files', () => {
    const result = check({
      'a.ddd': 'context Sales implements Ordering { owner "Checkout" aggregate Order { root entity Order { id: OrderId } } }',
      'b.ddd': 'context Sales { aggregate Cart { root entity Cart { id: CartId } } }',
      'c.ddd': 'domain Shop { core subdomain Ordering }',
    });
    const sales = result.model.contexts.get('Sales')!;
    expect(sales.declarations).toHaveLength(2);
    expect(sales.aggregates.map((a) => a.name)).toEqual(['Order', 'Cart']);
    expect(sales.owner?.text).toBe('Checkout');
    expect(sales.subdomains.map((s) => s.name)).toEqual(['Ordering']);
    expect(result.model.subdomains[0]!.implementedBy.map((c) => c.name)).toEqual(['Sales']);
    expect(result.problems).toEqual([]);
  });

  it('reports implements and owner given twice', () => {
    const result = check({
      'a.ddd': 'domain D { core subdomain X }\ncontext Sales implements X { owner "A" }',
      'b.ddd': 'context Sales implements X { owner "B" }',
    });
    expect(result.of('context-merge-conflict').map((f) => [f.file, f.line])).toEqual([
      ['b.ddd', 1],
      ['b.ddd', 1],
    ]);
  });
});

describe('names resolve across files, scoped by context and aggregate', () => {
  const files = {
    'sales.ddd': `context Sales {
  aggregate Order {
    root entity Order { id: OrderId  total: Money  items: List<OrderItem> }
    entity OrderItem { id: OrderItemId }
    value Money { amount: Decimal }
    command PlaceOrder emits OrderPlaced
    event OrderPlaced
  }
  repository Orders for Order
}`,
    'billing.ddd': `context Billing {
  value Money { cents: Int }
  aggregate Invoice { root entity Invoice { id: InvoiceId  amount: Money  order: Sales.Money } }
}`,
    'map.ddd': 'contextmap M { Sales [SK] <-> Billing [SK] { Sales.Money } }',
  };
  const result = check(files);

  it('prefers the declaration in the same aggregate, then the same context', () => {
    const money = result.model.references.filter((r) => r.text === 'Money');
    expect(money.map((r) => qualifiedName(r.target!))).toEqual(['Sales.Order.Money', 'Billing.Money']);
  });

  it('resolves qualified names', () => {
    const qualified = result.model.references.filter((r) => r.text === 'Sales.Money');
    expect(qualified.map((r) => qualifiedName(r.target!))).toEqual(['Sales.Order.Money', 'Sales.Order.Money']);
  });

  it('resolves generic arguments, repositories, emits and context map sides', () => {
    expect(qualifiedName(targetOf(result, 'OrderItem')!)).toBe('Sales.Order.OrderItem');
    expect(targetOf(result, 'Order')).toMatchObject({ kind: 'entity', root: true });
    expect(targetOf(result, 'OrderPlaced')).toMatchObject({ kind: 'event' });
    expect(targetOf(result, 'Sales')).toMatchObject({ kind: 'context', name: 'Sales' });
  });

  it('gives no finding for built-in and identity types', () => {
    expect(result.of('unknown-reference')).toEqual([]);
    expect(result.of('ambiguous-reference')).toEqual([]);
  });

  it('reports a bare name that two contexts declare, from a third context', () => {
    const ambiguous = check({ ...files, 'x.ddd': 'context Shipping { value Parcel { price: Money } }' });
    const findings = ambiguous.of('ambiguous-reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'x.ddd', line: 1, severity: 'error' });
    expect(findings[0]!.message).toMatch(/Money is ambiguous: it could be Sales.Order.Money, Billing.Money/);
  });

  it('resolves a name that two aggregates of one context declare inside each of them, and is ambiguous between them', () => {
    const twice = check({
      'x.ddd': `context Shop {
  aggregate Cart { root entity Cart { id: CartId  total: Price } value Price { cents: Int } }
  aggregate Wish { root entity Wish { id: WishId  total: Price } value Price { euros: Decimal } }
  aggregate Gift { root entity Gift { id: GiftId  total: Price } }
}`,
    });
    const price = twice.model.references.filter((r) => r.text === 'Price');
    expect(price.slice(0, 2).map((r) => qualifiedName(r.target!))).toEqual(['Shop.Cart.Price', 'Shop.Wish.Price']);
    expect(price[2]!.target).toBeUndefined();
    expect(price[2]!.candidates!.map(qualifiedName)).toEqual(['Shop.Cart.Price', 'Shop.Wish.Price']);
  });

  it('resolves a name qualified with its context and aggregate', () => {
    const deep = check({ ...files, 'x.ddd': 'context Shipping { value Parcel { price: Sales.Order.Money  item: Sales.Order.OrderItem  none: Sales.Invoice.Money } }' });
    expect(qualifiedName(targetOf(deep, 'Sales.Order.Money')!)).toBe('Sales.Order.Money');
    expect(qualifiedName(targetOf(deep, 'Sales.Order.OrderItem')!)).toBe('Sales.Order.OrderItem');
    expect(deep.of('unknown-reference').map((f) => f.message)).toEqual([expect.stringMatching(/^Unknown type Sales.Invoice.Money/)]);
  });

  it('suggests the closest name for a typo', () => {
    const typo = check({ ...files, 'x.ddd': 'contextmap N { Sales -> Biling }' });
    expect(typo.of('unknown-reference').map((f) => f.message)).toEqual(['Unknown bounded context or team Biling. Did you mean Billing?']);
  });

  it('says when a name denotes the wrong kind of thing', () => {
    const wrong = check({ ...files, 'x.ddd': 'contextmap N { Sales -> Orders }' });
    expect(wrong.of('unknown-reference')[0]!.message).toBe('Orders is a repository, but a bounded context or team is expected here.');
  });
});

describe('duplicate names', () => {
  it('reports duplicates in one scope and allows the same name in different contexts', () => {
    const result = check(`context A {
  aggregate X { root entity X { id: XId } }
  aggregate X { root entity X { id: XId } }
}
context B { aggregate X { root entity X { id: XId } } }
saga S choreographed { A on Go emits Went }
saga S choreographed { A on Go emits Went }`);
    expect(result.of('duplicate-name').map((f) => f.line)).toEqual([3, 7]);
  });

  it('finds a name declared twice in a context, whichever construct declares it, however many other contexts there are', () => {
    const others = Array.from({ length: 20 }, (_, i) => `context Other${i} { aggregate Thing${i} { root entity Thing${i} { id: ThingId } } }`).join('\n');
    const result = check(`${others}
context Sales {
  service Pricing { quote(id: OrderId) }
  service Pricing { quote(id: OrderId) }
  module Checkout { }
  module Checkout { }
  readmodel Board { orders: Int }
  readmodel Board { orders: Int }
  aggregate Order { root entity Order { id: OrderId }  value Money { amount: Decimal } }
  aggregate Cart { root entity Cart { id: CartId }  value Money { cents: Int } }
}`);
    expect(result.of('duplicate-name').map((f) => f.line)).toEqual([23, 25, 27]);
    expect(result.of('duplicate-in-context')).toHaveLength(1);
  });

  it('indexes every member a context or an aggregate can hold with its context (the duplicate check skips the contexts that hold no shared name)', () => {
    for (const row of [...constructsIn('context'), ...constructsIn('aggregate')]) {
      if (!row.kind || row.kind === 'term') continue;
      expect(memberContext({ kind: row.kind, contextName: 'Sales' } as unknown as Declaration), row.kind).toBe('Sales');
    }
  });

  it('reports a field given twice', () => {
    expect(check('context A { value V { a: Int  a: String } }').of('duplicate-member')).toHaveLength(1);
  });
});

describe('the example workspace', () => {
  it('links every reference of the order saga example without errors', () => {
    const result = checkFiles(readWorkspace('examples/order-saga'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...result.model.contexts.keys()]).toEqual(
      expect.arrayContaining(['Sales', 'Support', 'Inventory', 'Billing', 'Shipping', 'Notification', 'Banking', 'PaymentProvider', 'LegacyErp']),
    );
    const hard = result.model.references.filter((r) => !r.soft && r.expected.length && !r.target);
    // only built-in and identity types stay unresolved
    expect(hard.every((r) => /Id$|^(Int|Decimal|String|DateTime|List|Boolean)$/.test(r.text))).toBe(true);
  });
});
