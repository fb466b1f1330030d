import { describe, expect, it } from 'vitest';
import type { ContextDeclaration } from '../../src/language/model/elements';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { countingLookaheads } from '../work';
import { LineIndex } from '../../src/language/syntax/line-index';

function parse(text: string) {
  return parseDocument('file:///broken.ddd', text);
}

function errorLines(text: string) {
  const document = parse(text);
  const index = new LineIndex(text);
  return document.diagnostics.map((d) => index.positionAt(d.range.start).line + 1);
}

describe('a file with a syntax error still yields a model around the error', () => {
  it('keeps the declarations before and after a broken one', () => {
    const text = `context Sales { aggregate Order { root entity Order { id: OrderId } } }
context Broken { aggregate ??? }
context Inventory { aggregate StockItem { root entity StockItem { id: ProductId } } }`;
    const document = parse(text);
    expect(document.declarations.map((d) => d.name)).toEqual(['Sales', 'Broken', 'Inventory']);
    expect(document.diagnostics.length).toBeGreaterThan(0);
    expect(document.diagnostics.every((d) => d.severity === 'error' && d.code === 'syntax-error')).toBe(true);
    expect(errorLines(text).every((line) => line === 2)).toBe(true);
  });

  it('keeps the members of a context around a broken member', () => {
    const text = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId }
    command PlaceOrder { customer: : CustomerId } emits OrderPlaced
    event OrderPlaced { order: OrderId }
  }
  repository Orders for Order
}`;
    const document = parse(text);
    const sales = document.declarations[0] as ContextDeclaration;
    const order = sales.aggregates[0]!;
    expect(order.entities.map((e) => e.name)).toEqual(['Order']);
    expect(order.commands.map((c) => c.name)).toEqual(['PlaceOrder']);
    expect(order.events.map((e) => e.name)).toEqual(['OrderPlaced']);
    expect(sales.repositories.map((r) => r.name)).toEqual(['Orders']);
    expect(errorLines(text)).toEqual([4]);
  });

  it('keeps the fields before and after a broken field', () => {
    const text = 'context C { value V { a: Int  b Int  c: String } }';
    const context = parse(text).declarations[0] as ContextDeclaration;
    expect(context.values[0]!.fields.map((f) => f.name)).toContain('a');
    expect(context.values[0]!.fields.map((f) => f.name)).toContain('c');
  });

  it('reports a missing closing brace at the end of the declaration', () => {
    const text = 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n';
    const document = parse(text);
    expect(document.declarations[0]!.name).toBe('Sales');
    expect((document.declarations[0] as ContextDeclaration).aggregates[0]!.entities[0]!.name).toBe('Order');
    expect(document.diagnostics[0]!.message).toMatch(/Expected '}'/);
  });

  it('explains a member written outside a context', () => {
    const document = parse('aggregate Order { root entity Order }\ncontext Sales');
    expect(document.diagnostics[0]!.message).toMatch(/'aggregate' must be declared inside a context/);
    expect(document.declarations.map((d) => d.name)).toEqual(['Sales']);
  });

  it('reports junk after a declaration once, and parses what follows', () => {
    const document = parse('context A { } } } }\ncontext B');
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]!.message).toMatch(/Unexpected '}'/);
    expect(document.declarations.map((d) => d.name)).toEqual(['A', 'B']);
  });

  it('reports unexpected characters once per run', () => {
    const text = 'context A { value V { a: Int §§§§ b: Int } }';
    const document = parse(text);
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]!.message).toMatch(/Unexpected characters "§§§§"/);
    expect((document.declarations[0] as ContextDeclaration).values[0]!.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('says a block comment is never closed, where it opens', () => {
    const text = 'context A { }\n/* still a sketch\ncontext B { }\n';
    const document = parse(text);
    const first = document.diagnostics[0]!;
    expect(first.message).toBe('This block comment is never closed: end it with */ (what follows it is read as model until then).');
    expect(text.slice(first.range.start, first.range.end)).toBe('/*');
    expect(document.declarations.map((d) => d.name)).toEqual(['A', 'B']);
    // its '*' is part of that one mistake, not an "Unexpected '*'" of its own
    expect(document.diagnostics.filter((diagnostic) => diagnostic.message.includes("'*'"))).toEqual([]);
    expect(parse('context A {\n  /* never closed\n  entity C { id: CId }\n}\n').diagnostics.map((diagnostic) => diagnostic.message)).not.toContainEqual(expect.stringContaining("'*'"));
  });

  it('reports an unterminated string and carries on', () => {
    const document = parse('context A {\n  owner "Checkout team\n}\ncontext B');
    expect(document.diagnostics.some((d) => /string is not closed/.test(d.message))).toBe(true);
    expect(document.declarations.map((d) => d.name)).toEqual(['A', 'B']);
  });

  it('says a brace is missing before the next declaration, or at the end of the file', () => {
    const before = parse('context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n}\n\ncontext Billing {\n}\n');
    expect(before.diagnostics.map((d) => d.message)).toEqual(["Expected '}' in a context but found the next declaration."]);
    expect(before.declarations.map((d) => d.name)).toEqual(['Sales', 'Billing']);
    const atEnd = parse('context Sales {\n  aggregate Order {\n');
    expect(atEnd.diagnostics.map((d) => d.message)).toEqual(["Expected '}' in an aggregate but found the end of the file."]);
  });

  it('gives friendly messages in the user\'s words', () => {
    const document = parse('saga S orchestrated by Sales {\n  step CreateOrder Sales\n}');
    expect(document.diagnostics[0]!.message).toBe("Expected 'on' in a saga step but found 'Sales'.");
  });
});

describe('pathological input never throws, overflows or hangs', () => {
  const cases: [string, string][] = [
    ['binary bytes', Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
    ['a very long name', `context ${'A'.repeat(200_000)} { aggregate ${'B'.repeat(100_000)} }`],
    ['thousands of nested braces', 'context C ' + '{'.repeat(10_000) + '}'.repeat(10_000)],
    ['thousands of nested type arguments', 'context C { value V { x: ' + 'List<'.repeat(5_000) + 'Int' + '>'.repeat(5_000) + ' } }'],
    ['a long expression', 'context C { aggregate A eventsourced { root entity A { id: AId n: Int } event E applies n = ' + Array(20_000).fill('1').join(' + ') + ' } }'],
    ['only top-level keywords', 'context '.repeat(5_000)],
    ['an unterminated block comment', 'context A /* never closed ' + 'x '.repeat(10_000)],
    ['nul and control characters', 'context A {\u0000\u0001\u0002 owner "\u0000" }'],
    ['windows line endings', 'context A {\r\n  owner "x"\r\n}\r\n'],
    ['empty', ''],
  ];
  it.each(cases)('%s', (_, text) => {
    const { result: document, lookaheads } = countingLookaheads(() => parse(text));
    expect(Array.isArray(document.diagnostics)).toBe(true);
    expect(document.diagnostics.length).toBeLessThanOrEqual(101);
    // the parser's work grows with the tokens, not faster: a few lookaheads per token (about 15 at most today)
    expect(lookaheads).toBeLessThanOrEqual(40 * (document.tokens.length + 1));
  });

  it('counts the parser\'s lookaheads, and more of them for more tokens', () => {
    const small = countingLookaheads(() => parse('context '.repeat(100)));
    const large = countingLookaheads(() => parse('context '.repeat(200)));
    expect(small.lookaheads).toBeGreaterThan(100);
    expect(large.lookaheads).toBe(2 * small.lookaheads);
  });

  it('reports too-deep type nesting as an error, not a crash', () => {
    const document = parse('context C { value V { x: ' + 'List<'.repeat(100) + 'Int' + '>'.repeat(100) + ' } }');
    expect(document.diagnostics.length).toBeGreaterThan(0);
    expect(document.declarations[0]!.name).toBe('C');
  });
});

describe('a typo inside a block costs one finding, not the rest of the block', () => {
  it('skips a misspelt keyword and keeps the members after it', () => {
    const text = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId }
    entty OrderItem { id: OrderItemId }
    value Money { amount: Decimal }
    command PlaceOrder emits OrderPlaced
  }
}`;
    const document = parse(text);
    const order = (document.declarations[0] as ContextDeclaration).aggregates[0]!;
    expect(order.values.map((v) => v.name)).toEqual(['Money']);
    expect(order.commands.map((c) => c.name)).toEqual(['PlaceOrder']);
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]!.message).toMatch(/^Unexpected 'entty' in an aggregate: expected root entity/);
    expect(text.slice(document.diagnostics[0]!.range.start, document.diagnostics[0]!.range.end)).toBe('entty OrderItem { id: OrderItemId }');
  });

  it('reads a field without its colon and says so', () => {
    const document = parse('context C { value V { a: Int  b Int  c: String } }');
    expect((document.declarations[0] as ContextDeclaration).values[0]!.fields.map((f) => `${f.name}: ${f.type?.text}`)).toEqual(['a: Int', 'b: Int', 'c: String']);
    expect(document.diagnostics.map((d) => d.message)).toEqual(["Expected ':' between the field b and its type."]);
  });

  it('skips junk in a context header', () => {
    const document = parse('context Sales implements Ordering oops { owner "x" }');
    expect((document.declarations[0] as ContextDeclaration).owner?.text).toBe('x');
    expect(document.diagnostics).toHaveLength(1);
  });
});

describe('a field cut off in its type', () => {
  it('leaves no hole in the list of fields', () => {
    for (const text of ['context C { value V { a: Int  items: List< } }', 'context C { aggregate A { command X { items: List< } } }']) {
      const context = parseDocument('file:///cut.ddd', text).declarations[0] as ContextDeclaration;
      const holders = [...context.values, ...context.aggregates.flatMap((a) => a.commands)];
      for (const holder of holders) expect(holder.fields.every((field) => field !== undefined)).toBe(true);
    }
  });
});
