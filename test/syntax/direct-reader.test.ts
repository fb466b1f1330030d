/**
 * The direct reader (syntax/direct-reader.ts) reads the common declarations without
 * chevrotain: what it builds is what the grammar builds, to the order of each
 * element's properties, on every .ddd file of the repository, on generated models,
 * on half-written models and on each form next to the ones it reads, which it
 * leaves to the grammar. Work is counted, never timed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseAsText, readWorkspace } from '../helpers';
import { generateModel } from '../../src/bench/model-generator';
import { directReading } from '../../src/language/syntax/direct-reader';
import { shortcuts } from '../../src/language/syntax/grammar/base-grammar';
import { parseDocument } from '../../src/language/syntax/parse-document';

/** The document the grammar alone builds and the one built with the direct reader, and how many declarations the reader took. */
function bothWays(uri: string, text: string) {
  shortcuts.enabled = false;
  const ruled = parseDocument(uri, text);
  shortcuts.enabled = true;
  const read = directReading.read;
  const direct = parseDocument(uri, text);
  return { ruled, direct, read: directReading.read - read };
}

function expectSame(uri: string, text: string): number {
  const { ruled, direct, read } = bothWays(uri, text);
  const parts = (document: typeof ruled) => ({ declarations: document.declarations, references: document.references, diagnostics: document.diagnostics });
  expect(parseAsText(parts(direct)), uri).toBe(parseAsText(parts(ruled)));
  return read;
}

const inContext = (body: string) => `context Sales implements Selling "Where orders are taken" {\n${body}\n}`;

describe('the direct reader', () => {
  afterEach(() => {
    shortcuts.enabled = true;
  });

  it('reads the common declarations of the repository as the grammar does', () => {
    const files = [...readWorkspace('examples'), ...readWorkspace('test')].filter((file) => file.uri.endsWith('.ddd'));
    expect(files.length).toBeGreaterThan(20);
    let read = 0;
    for (const file of files) read += expectSame(file.uri, file.text);
    expect(read).toBeGreaterThan(20);
  });

  it('reads most of a generated model, as the grammar does', () => {
    const files = generateModel({ lines: 5_000 }).files;
    let read = 0;
    let contexts = 0;
    for (const file of files) {
      read += expectSame(`file:///${file.name}`, file.text);
      contexts += (file.text.match(/^context /gm) ?? []).length;
    }
    // every context but the event-sourced ones (their events apply changes, their streams replay them: the grammar's)
    expect(read).toBeGreaterThan(contexts / 2);
  });

  it('leaves half-written declarations to the grammar, which reports them', () => {
    const model = generateModel({ lines: 1_000 }).files[1]!.text;
    const lines = model.split('\n');
    let checked = 0;
    for (let line = 1; line < lines.length; line += 29) {
      // cut after a line, in the middle of a line, and without a line
      expectSame(`file:///cut-${line}.ddd`, lines.slice(0, line).join('\n'));
      expectSame(`file:///half-${line}.ddd`, lines.slice(0, line).join('\n') + '\n' + lines[line]!.slice(0, lines[line]!.length >> 1));
      expectSame(`file:///without-${line}.ddd`, [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n'));
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
    const { direct, read } = bothWays('file:///broken.ddd', inContext('aggregate Order {\n  root entity Order { id OrderId }\n}'));
    expect(read).toBe(0);
    expect(direct.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(["Expected ':' between the field id and its type."]);
  });

  const read = [
    ['an owner, in words or a team', 'owner "The sales team"\nowner SalesTeam'],
    ['a glossary', 'glossary {\n  Order: "what a customer buys", "Back order": "waits for stock"\n  Customer: "who buys"\n}'],
    ['an aggregate and its blocks', 'aggregate Order eventsourced "Orders" {\n  invariant "never empty"\n  root entity Order "the order" { id: OrderId, lines: List<OrderLine>  note: String?  map: Map<String, List<Int>>? invariant "x" }\n  entity OrderLine\n  value Money { amount: Decimal }\n  enum Status { OPEN, CLOSED DONE }\n  command Place { at: DateTime } emits Placed, Sales.Logged\n  event Placed "placed" { at: DateTime }\n}'],
    ['building blocks of the context', 'value Money { amount: Decimal }\nenum Currency { EUR USD }\nentity Customer { id: CustomerId }\ncommand Ping\nevent Pinged'],
    ['repositories, services and read models', 'repository Orders for Order "all orders" {\n  find(id: OrderId, at: DateTime?): Order\n  save(order: Order)\n  all(): List<Order>\n}\nservice Pricing { price(order: Order): Money }\nservice Empty\nreadmodel Board "the board" from Placed, Shipped { order: OrderId  lines: List<String> }'],
    ['a field named key (the lexer makes that key a name)', 'entity Car { key: String, public: Boolean }'],
    ['events that apply changes', 'aggregate Account eventsourced {\n  event Opened { initial: Decimal } applies balance = initial, open = true, note = "new", debt = -5, count = 0\n  event Moved { amount: Decimal } applies balance += amount * 2 - 1 + fee, total -= amount\n}'],
    ['an event stream', 'stream Sample of Account {\n  Opened(initial: 0, note: "x", ok: false)\n  Credited(amount: -10.5)\n  Closed()\n  expect balance = 500, open = true\n  expect note = "x"\n}'],
  ] as const;

  it.each(read)('reads %s as the grammar does', (_name, body) => {
    expect(expectSame('file:///read.ddd', inContext(body))).toBe(1);
  });

  it('reads a domain and its subdomains', () => {
    const text = 'domain Shop "what we sell" {\n  core subdomain Ordering "our edge"\n  supporting subdomain Stock\n  generic subdomain Payments "bought"\n  subdomain Other\n}\ndomain Empty\ndomain Bare {}';
    expect(expectSame('file:///domains.ddd', text)).toBe(3);
    expect(expectSame('file:///supports.ddd', 'domain Shop { core subdomain Ordering supports PlaceOrder }')).toBe(0);
    expect(expectSame('file:///subdomain-body.ddd', 'domain Shop { core subdomain Ordering { entity Order } }')).toBe(0);
  });

  it('reads a context map and its relationships', () => {
    const text = [
      'contextmap Landscape "how the shop hangs together" {',
      '  contains Sales, Billing',
      '  Sales [OHS, PL] -> Billing [ACL]',
      '  Sales -> Shipping',
      '  Sales [SK] <-> Billing [SK] { Sales.Money, Billing.Invoice }',
      '  Billing <- Payments [CF] as PaymentsFeed { exposes Payment, Refund  technology "REST" } "paid orders"',
      '  Sales [] -> Shipping',
      '}',
    ].join('\n');
    expect(expectSame('file:///map.ddd', text)).toBe(1);
    for (const left of ['kind SYSTEM_LANDSCAPE', 'state TO_BE', 'A -> B { rights influencer }', 'A [OHS,] -> B', 'A B', 'A -> B { "x" }']) {
      expect(expectSame('file:///map-left.ddd', `contextmap M {\n  ${left}\n}`), left).toBe(0);
    }
  });

  it('reads sagas, orchestrated and choreographed', () => {
    const text = [
      'saga Checkout orchestrated by Sales "placing an order" {',
      '  start STARTED',
      '  step PlaceOrder on Sales reply OrderPlaced -> PLACED compensate CancelOrder -> CANCELLED idempotent',
      '  step ChargePayment on Billing fails -> DECLINED compensate none',
      '  step Ship on Shipping fails idempotent -> SHIPPED reply Shipping.Shipped',
      '}',
      'saga Flow choreographed "by events" {',
      '  Sales on PlaceOrder emits OrderPlaced',
      '  Stock on OrderPlaced or OrderChanged idempotent compensates emits StockReserved, StockHeld else StockShort',
      '  Billing on StockReserved and OrderPlaced or X emits PaymentCharged',
      '  Shipping on PaymentCharged',
      '}',
    ].join('\n');
    expect(expectSame('file:///sagas.ddd', text)).toBe(2);
    for (const left of ['saga S orchestrated by A { step X on B -> none }', 'saga S orchestrated by A { start none }', 'saga S choreographed { A on }', 'saga S { }', 'saga S choreographed { step X on A }']) {
      expect(expectSame('file:///saga-left.ddd', left), left).toBe(0);
    }
  });

  it('reads event storming boards', () => {
    const text = [
      'storming Checkout "the happy path" {',
      '  actor Customer "who buys"',
      '  command PlaceOrder by Customer on Order',
      '  event OrderPlaced',
      '  policy ReserveStock when OrderPlaced, OrderChanged then ReserveStock from OrderPlaced',
      '  external PaymentGateway',
      '  readmodel Summary from OrderPlaced, PaymentCharged',
      '  hotspot "What if the payment times out?"',
      '  aggregate Order',
      '}',
    ].join('\n');
    expect(expectSame('file:///board.ddd', text)).toBe(1);
    for (const left of ['storming B { hotspot Payment }', 'storming B { event }', 'storming B { Customer }']) {
      expect(expectSame('file:///board-left.ddd', left), left).toBe(0);
    }
  });

  it('reads a context with no body, and an external one', () => {
    expect(expectSame('file:///bare.ddd', 'context Sales\ncontext Payments external "a provider"\ncontext Billing implements Invoicing, Shop.Billing')).toBe(3);
  });

  const left = [
    ['an abstract entity', 'abstract entity Base'],
    ['an extends clause', 'entity Car extends Vehicle'],
    ['a key field', 'entity Car { key vin: String }'],
    ['an operation of an entity', 'entity Car { park(at: Place): Car }'],
    ['an enum with a field', 'enum Fuel { label: String  PETROL }'],
    ['an enum value with arguments', 'enum Fuel { PETROL("Petrol") }'],
    ['a lifecycle enum', 'lifecycle enum State { OPEN CLOSED }'],
    ['a command that writes a transition', 'command Close writes [OPEN -> CLOSED]'],
    ['an operation that throws', 'service Pricing { price(order: Order): Money throws PriceError }'],
    ['an operation that reads', 'service Pricing { price(order: Order): Money reads }'],
    ['an operation named like a marker', 'service Pricing { price(): Money\n reads(): Money }'],
    ['a visibility', 'service Pricing { public price(): Money }'],
    ['a service of an aggregate', 'aggregate Order { service Pricing }'],
    ['a module', 'module ordering { value Money }'],
    ['a stream event with a name for a value', 'stream Sample of Account { Opened(initial: zero) }'],
    ['an expression past its operator', 'event Moved applies balance = amount +'],
    ['a negative name', 'event Moved applies balance = - amount'],
    ['a context attribute line', 'vision "sell"'],
    ['an empty type argument list', 'value Money { parts: List<> }'],
    ['a trailing comma in parameters', 'service S { f(a: A,): B }'],
    ['a refines clause', ''],
  ] as const;

  it.each(left)('leaves %s to the grammar', (name, body) => {
    const text = name === 'a refines clause' ? 'context Sales refines Selling { }' : inContext(body);
    expect(expectSame('file:///left.ddd', text)).toBe(0);
  });
});
