import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/language/model/model';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { aggregateRules } from '../../src/language/validation/rules/aggregates';
import { readsOf } from '../work';
import { check, expectedProblems, fixture, sketchBlocks } from '../helpers';

const codes = new Set(aggregateRules.rules.map((rule) => rule.code));

function lines(text: string, code: string): [number, string][] {
  return check(text).of(code).map((finding) => [finding.line, finding.severity]);
}

function dataOf(text: string, code: string): unknown[] {
  return check(text).diagnostics.filter((d) => d.code === code).map((d) => d.data);
}

const order = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId  items: List<OrderItem> }
    entity OrderItem { id: OrderItemId  quantity: Int }
  }
}
`;

describe('aggregate-root', () => {
  it('hints at an aggregate with no root marked yet, suggesting the entity named like it (a sketch, not an error)', () => {
    const text = 'context Sales {\n  aggregate Cart {\n    entity Line { id: LineId }\n    entity Cart { id: CartId }\n  }\n}';
    expect(check(text).of('aggregate-root')).toEqual([]);
    expect(check(text).of('aggregate-sketch')).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'hint',
        message: 'Aggregate Cart has no root entity yet: mark the entity that guards its invariants with `root` (root entity Cart).',
      }),
    ]);
    expect(dataOf(text, 'aggregate-sketch')).toEqual([{ suggestion: 'Cart', declared: true, body: true }]);
  });

  it('reports each extra root, on its line', () => {
    const text = 'context Sales {\n  aggregate Cart {\n    root entity Cart { id: CartId }\n    root entity Line { id: LineId }\n    root entity Coupon { id: CouponId }\n  }\n}';
    expect(lines(text, 'aggregate-root')).toEqual([[4, 'error'], [5, 'error']]);
  });

  it('reports a root entity outside any aggregate', () => {
    expect(lines('context Sales {\n  root entity Cart { id: CartId }\n}', 'aggregate-root')).toEqual([[2, 'error']]);
  });

  it('accepts exactly one root', () => {
    expect(lines(order, 'aggregate-root')).toEqual([]);
  });
});

describe('reference-by-id', () => {
  const parcel = `${order}context Warehouse {
  aggregate Parcel {
    root entity Parcel { id: ParcelId  owner: Order }
  }
}
`;

  it('warns about a field holding another aggregate, suggesting its identity type', () => {
    const result = check(parcel);
    expect(result.of('reference-by-id')).toEqual([
      expect.objectContaining({
        line: 9,
        severity: 'warning',
        message: 'Field owner holds Order, an entity of another aggregate (Sales.Order): reference other aggregates by id only: owner: OrderId.',
      }),
    ]);
    expect(dataOf(parcel, 'reference-by-id')).toEqual([{ suggestion: 'OrderId', type: 'OrderId' }]);
  });

  it("looks into type arguments and uses the root's own identity type", () => {
    const text = `context Inventory {
  aggregate StockItem { root entity StockItem { id: ProductId } }
  aggregate Shelf {
    root entity Shelf { id: ShelfId  items: List<StockItem> }
  }
}`;
    expect(lines(text, 'reference-by-id')).toEqual([[4, 'warning']]);
    expect(dataOf(text, 'reference-by-id')).toEqual([{ suggestion: 'ProductId', type: 'List<ProductId>' }]);
  });

  it("suggests the type of the root's other identity (Evans' voyageNumber: VoyageNumber), and <Root>Id when that is a built-in type", () => {
    const text = `context Shipping {
  aggregate Voyage { root entity Voyage { voyageNumber: VoyageNumber } }
  aggregate Policy { root entity Policy { policyNr: Int } }
  aggregate Cargo {
    root entity Cargo { trackingId: TrackingId  voyage: Voyage  policy: Policy }
  }
}`;
    expect(dataOf(text, 'reference-by-id')).toEqual([
      { suggestion: 'VoyageNumber', type: 'VoyageNumber' },
      { suggestion: 'PolicyId', type: 'PolicyId' },
    ]);
  });

  it('accepts ids, entities of the same aggregate, and messages', () => {
    const text = `${order}context Billing {
  aggregate Invoice {
    root entity Invoice { id: InvoiceId  order: OrderId }
    command Bill { order: Order }
    event Billed { order: Order }
  }
}`;
    expect(lines(text, 'reference-by-id')).toEqual([]);
  });
});

describe('value-object-identity', () => {
  it('warns about a value object with an id', () => {
    const text = 'context Warehouse {\n  value Weight { id: WeightId  grams: Int }\n}';
    expect(check(text).of('value-object-identity')).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message:
          'Value object Weight has an identity (id: WeightId), but a value object has no identity: it is defined by its attributes. Remove the field; if it needs one, make it an entity.',
      }),
    ]);
  });

  it('accepts a value object of attributes only', () => {
    expect(lines('context Sales {\n  value Money { amount: Decimal  currency: String  order: OrderId }\n}', 'value-object-identity')).toEqual([]);
  });
});

describe('entity-identity', () => {
  it('warns about an entity without identity', () => {
    const text = 'context Sales {\n  aggregate Order {\n    root entity Order { placedAt: DateTime }\n  }\n}';
    expect(check(text).of('entity-identity')).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'warning',
        message: 'Entity Order has no identity: an entity is defined by its identity, not its attributes. Add `id: OrderId` (or make it a value object).',
      }),
    ]);
  });

  it('accepts an id field, or a field of its own identity type', () => {
    expect(lines('context Sales {\n  entity Order { id: UUID }\n  entity Cart { cartId: CartId }\n}', 'entity-identity')).toEqual([]);
  });

  // Context Mapper's published models: Evans' Voyage has its voyageNumber, an insurer's Policy its policyNr
  it("accepts the entity's own number as its identity, and no other number", () => {
    const text =
      'context Shipping {\n  entity Voyage { voyageNumber: VoyageNumber }\n  entity Policy { policyNr: Int  price: Decimal }\n  entity Dunning { dunningNo: Int }\n' +
      '  entity Customer { phoneNumber: String }\n  entity Invoice { orderNr: Int }\n}';
    expect(lines(text, 'entity-identity')).toEqual([[5, 'warning'], [6, 'warning']]);
  });

  it('asks no identity of an entity with no field yet (still a sketch), but of one that inherits fields without one', () => {
    const text = 'context Sales {\n  entity Voyage\n  entity Ledger { }\n  entity Base { note: String }\n  entity Derived extends Base\n}';
    expect(lines(text, 'entity-identity')).toEqual([[4, 'warning'], [5, 'warning']]);
  });
});

describe('repository-for-root', () => {
  it('reports a repository for a value object, naming the root to use', () => {
    const text = 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    value Weight { grams: Int }\n  }\n  repository ParcelLines for Weight\n}';
    expect(check(text).of('repository-for-root')).toEqual([
      expect.objectContaining({
        line: 6,
        severity: 'error',
        message: 'A repository is for an aggregate root: Weight is a value object inside aggregate Parcel; store it through its root: `for Parcel`.',
      }),
    ]);
    expect(dataOf(text, 'repository-for-root')).toEqual([{ suggestion: 'Parcel' }]);
  });

  it('reports a repository for an entity inside an aggregate', () => {
    expect(lines(`${order}context Sales {\n  repository Items for OrderItem\n}`, 'repository-for-root')).toEqual([[8, 'error']]);
  });

  it('accepts a repository for a root entity or for an aggregate', () => {
    const text = `${order}context Sales {
  aggregate Cart { root entity ShoppingCart { id: CartId } }
  repository Orders for Order
  repository Carts for Cart
}`;
    expect(lines(text, 'repository-for-root')).toEqual([]);
    expect(check(text).problems).toEqual([]);
  });

  it('leaves unknown targets to unknown-reference', () => {
    const result = check('context Sales {\n  repository Orders for Ordr\n}');
    expect(result.of('repository-for-root')).toEqual([]);
    expect(result.of('unknown-reference')).toHaveLength(1);
  });
});

describe('repository-per-root', () => {
  it('warns about a second repository for the same aggregate, by root or by aggregate name', () => {
    const text = `${order}context Sales {
  repository Orders for Order
  repository OrderArchive for Sales.Order
}`;
    expect(check(text).of('repository-per-root')).toEqual([
      expect.objectContaining({
        line: 9,
        severity: 'warning',
        message: 'Aggregate Sales.Order already has a repository, Orders: one repository per aggregate. Merge OrderArchive into Orders.',
      }),
    ]);
  });

  it('accepts one repository per aggregate', () => {
    expect(lines(`${order}context Sales {\n  repository Orders for Order\n}`, 'repository-per-root')).toEqual([]);
  });
});

describe('the aggregates fixture', () => {
  it('gives exactly the errors and warnings its comments announce', () => {
    const text = fixture('validation/aggregates.ddd');
    const found = check(text)
      .problems.filter((finding) => codes.has(finding.code))
      .map(({ file, line, severity }) => ({ file, line, severity }));
    expect(found).toEqual(expectedProblems(text));
  });
});

describe('performance', () => {
  it('checks a model in work that grows linearly with it (counted, not timed)', () => {
    const bigModel = (size: number) => {
      const aggregates = Array.from({ length: size }, (_, i) => `  aggregate A${i} {
    root entity A${i} { id: A${i}Id  other: A${(i + 1) % size}Id  items: List<Item${i}> }
    entity Item${i} { id: Item${i}Id  quantity: Int }
    value Price${i} { amount: Decimal  currency: String }
    command PlaceA${i} { id: A${i}Id } emits A${i}Placed
    event A${i}Placed { id: A${i}Id }
  }
  repository A${i}Store for A${i}`);
      const text = `context Big {\n${aggregates.join('\n')}\n}\n`.repeat(3).replace(/context Big/g, (_, offset: number) => `context Big${offset}`);
      return buildModel([parseDocument('file:///big.ddd', text)]);
    };
    const work = (size: number) => {
      let count = 0;
      const reads = readsOf(bigModel(size), (model) => aggregateRules.check(model, () => count++));
      expect(count).toBe(0);
      return reads;
    };
    // twice the aggregates, about twice the work: a loop over all pairs would make it four times
    const ratio = work(200) / work(100);
    expect(ratio).toBeLessThan(2.5);
    expect(ratio).toBeGreaterThan(1.5);
  });
});

describe('the language sketch', () => {
  it('gives no finding of these rules on sections 1–7, and what section 8 announces', () => {
    const files = Object.fromEntries(sketchBlocks().map((block, index) => [`sketch-${block.section}-${index}.ddd`, block.text]));
    const found = check(files).findings.filter((finding) => codes.has(finding.code));
    expect(found.map(({ file, line, severity, code }) => ({ file, line, severity, code }))).toEqual([
      { file: 'sketch-8-8.ddd', line: 3, severity: 'warning', code: 'reference-by-id' },
      { file: 'sketch-8-8.ddd', line: 4, severity: 'warning', code: 'value-object-identity' },
      { file: 'sketch-8-8.ddd', line: 8, severity: 'error', code: 'repository-for-root' },
    ]);
  });
});

describe('the rules', () => {
  it('are documented: kebab-case code, title, an explanation that says how to fix, an example', () => {
    for (const rule of aggregateRules.rules) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.example).toBeTruthy();
    }
  });

  it('fire on their own examples', () => {
    for (const rule of aggregateRules.rules) {
      const found = check(rule.example!).findings.map((finding) => finding.code);
      expect(found, rule.code).toContain(rule.code);
    }
  });
});
