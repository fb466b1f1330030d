/**
 * Generates realistic .ddd workspaces of a given size for benchmarks and tests.
 *
 * A model is made of "groups", each a small company: a domain with core,
 * supporting and generic subdomains; seven bounded contexts (catalog, pricing,
 * sales, inventory, billing, shipping, support) with aggregates (root entity,
 * entities, value objects, enums, commands that emit events, invariants),
 * repositories, services, a glossary and read models; event-sourced accounts
 * with a stream; two external systems; a context map using every role; an
 * orchestrated and a choreographed saga; an event storming board. Groups are
 * related by an enterprise context map. The whole is split into files of about
 * 500 lines, with names resolving across files.
 *
 * The output is deterministic and meant to be valid: no errors or warnings.
 * Pure: no file system access.
 */

export interface GeneratedFile {
  /** A relative path such as `part-001.ddd`. */
  name: string;
  text: string;
  lines: number;
}

export interface GeneratedModel {
  files: GeneratedFile[];
  /** Total lines over all files. */
  lines: number;
  groups: number;
  contexts: number;
  aggregates: number;
}

export interface GeneratorOptions {
  /** The number of lines to aim for; the result is within a few hundred lines of it. */
  lines: number;
  /** Files are cut at declaration boundaries once they reach about this many lines. */
  linesPerFile?: number;
}

/** A command verb and the past participle its event uses. */
type Verb = readonly [command: string, event: string];

interface AggregateSpec {
  noun: string;
  /** Starts the life cycle; the field list of the command that creates it. */
  start: Verb;
  advance: Verb;
  undo: Verb;
  finish: Verb;
  /** A failure outcome, used by the choreography. */
  fail?: Verb;
  field: string;
}

interface AreaSpec {
  key: 'catalog' | 'pricing' | 'sales' | 'inventory' | 'billing' | 'shipping' | 'support';
  context: string;
  subdomain: string;
  type: 'core' | 'supporting' | 'generic';
  purpose: string;
  team: string;
  aggregates: AggregateSpec[];
  eventSourced?: string;
  terms: [string, string][];
}

const areas: AreaSpec[] = [
  {
    key: 'catalog', context: 'Catalog', subdomain: 'ProductCatalog', type: 'supporting', purpose: 'What we sell and how it is described', team: 'catalog team',
    aggregates: [
      { noun: 'Product', start: ['Create', 'Created'], advance: ['Publish', 'Published'], undo: ['Unpublish', 'Unpublished'], finish: ['Archive', 'Archived'], field: 'product' },
      { noun: 'Category', start: ['Create', 'Created'], advance: ['Rename', 'Renamed'], undo: ['Delete', 'Deleted'], finish: ['Merge', 'Merged'], field: 'category' },
      { noun: 'Brand', start: ['Register', 'Registered'], advance: ['Approve', 'Approved'], undo: ['Reject', 'Rejected'], finish: ['Retire', 'Retired'], field: 'brand' },
    ],
    terms: [['Product', 'Something we sell, with its description and pictures'], ['Category', 'A shelf of the shop that groups similar products']],
  },
  {
    key: 'pricing', context: 'Pricing', subdomain: 'PriceSetting', type: 'core', purpose: 'How prices and promotions are set: our margin', team: 'pricing team',
    aggregates: [
      { noun: 'PriceList', start: ['Draft', 'Drafted'], advance: ['Approve', 'Approved'], undo: ['Revoke', 'Revoked'], finish: ['Publish', 'Published'], field: 'priceList' },
      { noun: 'Promotion', start: ['Plan', 'Planned'], advance: ['Launch', 'Launched'], undo: ['Cancel', 'Cancelled'], finish: ['End', 'Ended'], field: 'promotion' },
    ],
    terms: [['PriceList', 'The prices of a range of products for a period'], ['Promotion', 'A temporary discount on some products']],
  },
  {
    key: 'sales', context: 'Sales', subdomain: 'Ordering', type: 'core', purpose: 'How orders are taken and fulfilled: our edge', team: 'checkout team',
    aggregates: [
      { noun: 'Order', start: ['Place', 'Placed'], advance: ['Confirm', 'Confirmed'], undo: ['Cancel', 'Cancelled'], finish: ['Close', 'Closed'], field: 'order' },
      { noun: 'Cart', start: ['Open', 'Opened'], advance: ['Submit', 'Submitted'], undo: ['Clear', 'Cleared'], finish: ['Expire', 'Expired'], field: 'cart' },
      { noun: 'Quote', start: ['Request', 'Requested'], advance: ['Accept', 'Accepted'], undo: ['Reject', 'Rejected'], finish: ['Expire', 'Expired'], field: 'quote' },
    ],
    terms: [['Customer', 'Someone who buys: name, email, shipping address, payment methods'], ['Order', "A customer's request to buy items, from placement to delivery"]],
  },
  {
    key: 'inventory', context: 'Inventory', subdomain: 'Stock', type: 'supporting', purpose: 'Inventory tracking', team: 'warehouse team',
    aggregates: [
      { noun: 'Stock', start: ['Reserve', 'Reserved'], advance: ['Allocate', 'Allocated'], undo: ['Release', 'Released'], finish: ['Restock', 'Restocked'], field: 'stock' },
      { noun: 'Transfer', start: ['Request', 'Requested'], advance: ['Dispatch', 'Dispatched'], undo: ['Cancel', 'Cancelled'], finish: ['Receive', 'Received'], field: 'transfer' },
    ],
    eventSourced: 'StockLedger',
    terms: [['Stock', 'How many units of a product a warehouse holds'], ['Reservation', 'Units set aside for an order until it ships']],
  },
  {
    key: 'billing', context: 'Billing', subdomain: 'Payments', type: 'generic', purpose: 'Commodity: bought from a payment provider', team: 'finance team',
    aggregates: [
      { noun: 'Payment', start: ['Charge', 'Charged'], advance: ['Capture', 'Captured'], undo: ['Refund', 'Refunded'], finish: ['Settle', 'Settled'], fail: ['Decline', 'Declined'], field: 'payment' },
      { noun: 'Invoice', start: ['Issue', 'Issued'], advance: ['Send', 'Sent'], undo: ['Void', 'Voided'], finish: ['Pay', 'Paid'], field: 'invoice' },
    ],
    eventSourced: 'Account',
    terms: [['Payment', 'Money taken from a customer for an order'], ['Invoice', 'The bill a customer receives']],
  },
  {
    key: 'shipping', context: 'Shipping', subdomain: 'Delivery', type: 'supporting', purpose: 'Getting parcels to customers', team: 'logistics team',
    aggregates: [
      { noun: 'Shipment', start: ['Schedule', 'Scheduled'], advance: ['Dispatch', 'Dispatched'], undo: ['Cancel', 'Cancelled'], finish: ['Deliver', 'Delivered'], field: 'shipment' },
      { noun: 'Parcel', start: ['Pack', 'Packed'], advance: ['Weigh', 'Weighed'], undo: ['Return', 'Returned'], finish: ['Ship', 'Shipped'], field: 'parcel' },
      { noun: 'Route', start: ['Plan', 'Planned'], advance: ['Optimize', 'Optimized'], undo: ['Cancel', 'Cancelled'], finish: ['Complete', 'Completed'], field: 'route' },
    ],
    terms: [['Shipment', 'The goods of one order on their way to the customer'], ['Carrier', 'The company that moves parcels for us']],
  },
  {
    key: 'support', context: 'Support', subdomain: 'CustomerCare', type: 'generic', purpose: 'Helping customers: a ticketing tool would do', team: 'support team',
    aggregates: [
      { noun: 'Ticket', start: ['Open', 'Opened'], advance: ['Assign', 'Assigned'], undo: ['Reopen', 'Reopened'], finish: ['Resolve', 'Resolved'], field: 'ticket' },
      { noun: 'Complaint', start: ['File', 'Filed'], advance: ['Review', 'Reviewed'], undo: ['Reject', 'Rejected'], finish: ['Settle', 'Settled'], field: 'complaint' },
    ],
    terms: [['Customer', 'An account holder with ticket history, satisfaction score and support plan'], ['Ticket', 'A question or problem a customer raised']],
  },
];

const prefixes = [
  'North', 'South', 'East', 'West', 'Central', 'Coastal', 'Alpine', 'Urban', 'Rural', 'Metro', 'Harbor', 'Valley', 'Summit', 'River',
  'Lake', 'Forest', 'Island', 'Prairie', 'Canyon', 'Meadow', 'Glacier', 'Polar', 'Atlantic', 'Pacific', 'Nordic', 'Baltic', 'Iberian',
  'Celtic', 'Amber', 'Cedar',
];
const secondWords = ['Star', 'Bay', 'Peak', 'Ridge', 'Field', 'Stone', 'Brook', 'Gate', 'Haven', 'Point', 'Crest', 'Wood'];

/** A name prefix unique to group `index`: North, South, …, NorthStar, SouthStar, … */
export function groupPrefix(index: number): string {
  const first = prefixes[index % prefixes.length]!;
  const round = Math.floor(index / prefixes.length);
  if (round === 0) return first;
  const second = secondWords[(round - 1) % secondWords.length]!;
  const third = round > secondWords.length ? secondWords[Math.floor((round - 1) / secondWords.length) % secondWords.length]! : '';
  return first + third + second;
}

/** `PriceList` → `price list`. */
const words = (text: string) => text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function aggregateText(prefix: string, spec: AggregateSpec): string {
  const name = prefix + spec.noun;
  const id = `${name}Id`;
  const f = spec.field;
  const verbs: Verb[] = [spec.start, spec.advance, spec.undo, spec.finish, ...(spec.fail ? [spec.fail] : [])];
  const lines = [
    `  aggregate ${name} {`,
    `    root entity ${name} {`,
    `      id: ${id}`,
    `      customer: CustomerId              // another aggregate: by id only`,
    `      lines: List<${name}Line>`,
    `      status: ${name}Status`,
    `      period: ${name}Period`,
    `      total: Money`,
    `      createdAt: DateTime`,
    `      invariant "a ${words(spec.noun)} has at least one line"`,
    `    }`,
    `    entity ${name}Line {`,
    `      id: ${name}LineId`,
    `      product: ProductId`,
    `      quantity: Int`,
    `      price: Money`,
    `    }`,
    `    value ${name}Period {`,
    `      startsAt: DateTime`,
    `      endsAt: DateTime?`,
    `      invariant "a period starts before it ends"`,
    `    }`,
    `    enum ${name}Status { DRAFT ACTIVE DONE CANCELLED }`,
    '',
    `    command ${spec.start[0]}${name} { customer: CustomerId  lines: List<${name}Line> } emits ${name}${spec.start[1]}`,
    ...verbs.slice(1).map(([verb, past]) => `    command ${verb}${name} { ${f}: ${id} } emits ${name}${past}`),
    `    event ${name}${spec.start[1]} { ${f}: ${id}  customer: CustomerId  total: Money }`,
    ...verbs.slice(1).map(([, past]) => `    event ${name}${past} { ${f}: ${id}  at: DateTime }`),
    `  }`,
    '',
    `  repository ${name}Repository for ${name} {`,
    `    findById(id: ${id}): ${name}`,
    `    save(${f}: ${name})`,
    `    findByCustomer(customer: CustomerId): List<${name}>`,
    `  }`,
  ];
  return lines.join('\n');
}

function eventSourcedText(prefix: string, base: string): string {
  const name = prefix + base;
  return [
    `  aggregate ${name} eventsourced {`,
    `    root entity ${name} {`,
    `      id: ${name}Id`,
    `      balance: Decimal`,
    `    }`,
    `    command Open${name} { initial: Decimal } emits ${name}Opened`,
    `    command Credit${name} { amount: Decimal } emits ${name}Credited`,
    `    command Debit${name} { amount: Decimal } emits ${name}Debited`,
    `    event ${name}Opened { initial: Decimal } applies balance = initial`,
    `    event ${name}Credited { amount: Decimal } applies balance += amount`,
    `    event ${name}Debited { amount: Decimal } applies balance -= amount`,
    `  }`,
    '',
    `  repository ${name}Repository for ${name} {`,
    `    findById(id: ${name}Id): ${name}`,
    `    save(account: ${name})`,
    `  }`,
    '',
    `  stream ${name}Sample of ${name} {`,
    `    ${name}Opened(initial: 0)`,
    `    ${name}Credited(amount: 1000)`,
    `    ${name}Debited(amount: 300)`,
    `    ${name}Debited(amount: 200)`,
    `    expect balance = 500`,
    `  }`,
    '',
    `  readmodel ${name}Statement from ${name}Opened, ${name}Credited, ${name}Debited {`,
    `    account: ${name}Id`,
    `    balance: Decimal`,
    `    lines: List<String>`,
    `  }`,
  ].join('\n');
}

function contextText(prefix: string, area: AreaSpec, aggregateCount: number, withGlossary: boolean): string {
  const context = prefix + area.context;
  const specs = area.aggregates.slice(0, aggregateCount);
  const first = prefix + specs[0]!.noun;
  const out = [
    `context ${context} implements ${prefix}${area.subdomain} {`,
    `  owner "${prefix} ${area.team}"`,
  ];
  if (withGlossary) {
    out.push('  glossary {', ...area.terms.map(([term, definition]) => `    ${term}: "${definition}"`), '  }');
  }
  out.push(
    '',
    '  value Money {',
    '    amount: Decimal',
    '    currency: Currency',
    '    invariant "amount is never negative"',
    '  }',
    '  enum Currency { EUR USD GBP CHF }',
  );
  for (const spec of specs) out.push('', aggregateText(prefix, spec));
  if (area.eventSourced) out.push('', eventSourcedText(prefix, area.eventSourced));
  out.push(
    '',
    `  service ${context}Policy {`,
    `    priceOf(${specs[0]!.field}: ${first}): Money`,
    `    isAllowed(customer: CustomerId): Boolean`,
    '  }',
    '',
    `  readmodel ${first}Summary from ${first}${specs[0]!.start[1]}, ${first}${specs[0]!.advance[1]} {`,
    `    ${specs[0]!.field}: ${first}Id`,
    '    status: String',
    '    total: Decimal',
    '  }',
    '}',
  );
  return out.join('\n');
}

/** The strategic part of a group: its domain, external systems, and a glossary kept apart (contexts are open). */
function strategicText(prefix: string): string {
  const sales = areas.find((area) => area.key === 'sales')!;
  return [
    `domain ${prefix}Commerce {`,
    ...areas.map((area) => `  ${area.type} subdomain ${prefix}${area.subdomain} "${area.purpose}"`),
    '}',
    '',
    `context ${prefix}PaymentGateway external   // a payment provider we do not own`,
    `context ${prefix}LegacyErp external`,
    '',
    `// the sales glossary is kept with the strategic design; the context itself is declared elsewhere`,
    `context ${prefix}Sales {`,
    '  glossary {',
    ...sales.terms.map(([term, definition]) => `    ${term}: "${definition}"`),
    '  }',
    '}',
  ].join('\n');
}

function contextMapText(p: string): string {
  return [
    `contextmap ${p}Landscape {`,
    `  ${p}Catalog [OHS, PL] -> ${p}Sales [ACL]`,
    `  ${p}Catalog -> ${p}Pricing`,
    `  ${p}Pricing [OHS] -> ${p}Sales [CF]            // conformist`,
    `  ${p}Sales [OHS, PL] -> ${p}Support [ACL]`,
    `  ${p}Sales [S] -> ${p}Shipping [C]              // customer-supplier`,
    `  ${p}Sales [P] <-> ${p}Inventory [P]            // partnership`,
    `  ${p}Sales [SK] <-> ${p}Billing [SK] { ${p}Sales.Money }`,
    `  ${p}Inventory -> ${p}Shipping`,
    `  ${p}PaymentGateway [OHS] -> ${p}Billing [CF]`,
    `  ${p}LegacyErp -> ${p}Inventory [ACL]`,
    '}',
  ].join('\n');
}

function sagasText(p: string): string {
  return [
    `saga ${p}OrderSaga orchestrated by ${p}Sales {`,
    '  start STARTED',
    `  step Place${p}Order on ${p}Sales reply ${p}OrderPlaced -> ORDER_PLACED`,
    `    compensate Cancel${p}Order -> FAILED`,
    `  step Reserve${p}Stock on ${p}Inventory reply ${p}StockReserved -> STOCK_RESERVED`,
    `    compensate Release${p}Stock -> STOCK_RELEASED`,
    `  step Charge${p}Payment on ${p}Billing reply ${p}PaymentCharged -> PAYMENT_DONE`,
    '    fails -> PAYMENT_FAILED',
    `  step Confirm${p}Order on ${p}Sales -> COMPLETED`,
    '}',
    '',
    `saga ${p}OrderChoreography choreographed {`,
    `  ${p}Sales on Place${p}Order emits ${p}OrderPlaced`,
    `  ${p}Inventory on ${p}OrderPlaced emits ${p}StockReserved`,
    `  ${p}Billing on ${p}StockReserved emits ${p}PaymentCharged else ${p}PaymentDeclined`,
    `  ${p}Sales on ${p}PaymentCharged emits ${p}OrderConfirmed`,
    `  ${p}Shipping on ${p}OrderConfirmed and ${p}StockReserved emits ${p}ShipmentScheduled`,
    `  ${p}Inventory on ${p}PaymentDeclined compensates emits ${p}StockReleased`,
    `  ${p}Sales on ${p}PaymentDeclined or ${p}StockReleased compensates emits ${p}OrderCancelled`,
    '}',
  ].join('\n');
}

function boardText(p: string): string {
  return [
    `storming ${p}Checkout {`,
    '  actor Customer',
    `  command Place${p}Order by Customer on ${p}Order`,
    `  event ${p}OrderPlaced`,
    `  policy ReserveStockForOrder when ${p}OrderPlaced then Reserve${p}Stock`,
    `  event ${p}StockReserved`,
    `  external ${p}PaymentGateway`,
    `  event ${p}PaymentCharged`,
    `  readmodel ${p}OrderSummary from ${p}OrderPlaced, ${p}PaymentCharged`,
    '  hotspot "What if the payment times out?"',
    `  event ${p}ShipmentScheduled`,
    '}',
  ].join('\n');
}

interface Chunk {
  text: string;
  lines: number;
}

function chunk(text: string): Chunk {
  return { text, lines: text.split('\n').length };
}

interface Group {
  chunks: Chunk[];
  lines: number;
  aggregates: number;
}

/** One group with up to `maxAggregates` aggregates per context (1–3). */
function buildGroup(index: number, maxAggregates: number): Group {
  const p = groupPrefix(index);
  const chunks = [chunk(strategicText(p))];
  let aggregates = 0;
  for (const area of areas) {
    const count = Math.min(maxAggregates, area.aggregates.length);
    aggregates += count + (area.eventSourced ? 1 : 0);
    chunks.push(chunk(contextText(p, area, count, area.key !== 'sales')));
  }
  chunks.push(chunk(contextMapText(p)), chunk(sagasText(p)), chunk(boardText(p)));
  // chunks are separated by one blank line
  return { chunks, lines: chunks.reduce((sum, c) => sum + c.lines + 1, 0), aggregates };
}

function enterpriseMapText(groups: number): string {
  const lines = ['contextmap Enterprise {'];
  for (let i = 1; i < groups; i++) {
    const upstream = groupPrefix(i - 1);
    const downstream = groupPrefix(i);
    lines.push(`  ${upstream}Catalog [OHS, PL] -> ${downstream}Catalog [ACL]`);
  }
  lines.push('}');
  return lines.join('\n');
}

export function generateModel(options: GeneratorOptions): GeneratedModel {
  const target = Math.max(1, options.lines);
  const perFile = options.linesPerFile ?? 500;
  const groups: Group[] = [];
  let lines = 0;
  for (;;) {
    const remaining = target - lines;
    const candidates = [3, 2, 1].map((max) => buildGroup(groups.length, max));
    const full = candidates[0]!;
    let pick = full;
    if (full.lines > remaining) {
      pick = candidates.reduce((best, candidate) => (Math.abs(candidate.lines - remaining) < Math.abs(best.lines - remaining) ? candidate : best));
      // stop when even the smallest group would take us further from the target than stopping does
      if (groups.length > 0 && Math.abs(pick.lines - remaining) >= remaining) break;
    }
    groups.push(pick);
    lines += pick.lines;
    if (lines >= target) break;
  }

  const chunks = groups.flatMap((group) => group.chunks);
  if (groups.length > 1) chunks.push(chunk(enterpriseMapText(groups.length)));

  const files: GeneratedFile[] = [];
  let current: Chunk[] = [];
  let currentLines = 0;
  const flush = () => {
    if (!current.length) return;
    const text = current.map((c) => c.text).join('\n\n') + '\n';
    files.push({ name: `part-${String(files.length + 1).padStart(3, '0')}.ddd`, text, lines: countLines(text) });
    current = [];
    currentLines = 0;
  };
  for (const c of chunks) {
    if (currentLines > 0 && currentLines + c.lines > perFile) flush();
    current.push(c);
    currentLines += c.lines + 1;
  }
  flush();

  return {
    files,
    lines: files.reduce((sum, file) => sum + file.lines, 0),
    groups: groups.length,
    contexts: groups.length * areas.length,
    aggregates: groups.reduce((sum, group) => sum + group.aggregates, 0),
  };
}

/** Lines of a text the way an editor numbers them (a final newline does not start a line). */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}
