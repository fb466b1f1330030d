/**
 * Workspaces that are big the way users make them big, for the scale tests
 * (test/scale) and the soak report (`npm run soak`):
 * - a monorepo of thousands of small files, each with one misspelt type;
 * - one file holding many pasted copies of the same 60-line model.
 *
 * Pure and deterministic: no file system access.
 */
import { groupPrefix } from './model-generator';

export interface ScaleFile {
  uri: string;
  text: string;
}

const nouns = ['Order', 'Invoice', 'Parcel', 'Ticket', 'Payment', 'Booking', 'Account', 'Quote', 'Route', 'Claim', 'Policy', 'Voucher'];
const areas = ['Sales', 'Billing', 'Shipping', 'Support', 'Payments', 'Travel', 'Banking', 'Pricing', 'Logistics', 'Claims', 'Insurance', 'Loyalty'];

/** Drops the second letter of the last word: `NorthOrderPrice` → `NorthOrderPrce`. */
function misspell(name: string): string {
  const lastWord = name.search(/[A-Z][a-z]*$/);
  return name.slice(0, lastWord + 2) + name.slice(lastWord + 3);
}

export interface MisspeltWorkspace {
  files: ScaleFile[];
  /** The misspelt names, one per file, and the name each should be suggested. */
  misspellings: { uri: string; written: string; meant: string }[];
}

/**
 * `count` files, each a small bounded context with an aggregate, a value and an
 * enum whose names are unique to the file, and one field whose type is the
 * value's name misspelt.
 */
export function misspeltWorkspace(count: number): MisspeltWorkspace {
  const files: ScaleFile[] = [];
  const misspellings: MisspeltWorkspace['misspellings'] = [];
  for (let i = 0; i < count; i++) {
    const prefix = groupPrefix(i);
    const noun = nouns[i % nouns.length]!;
    const area = areas[Math.floor(i / nouns.length) % areas.length]!;
    const name = prefix + noun;
    const meant = `${name}Price`;
    const written = misspell(meant);
    const uri = `file:///scale/misspelt/${String(i).padStart(5, '0')}.ddd`;
    files.push({
      uri,
      text: [
        `context ${prefix}${area} {`,
        `  aggregate ${name} {`,
        `    root entity ${name} {`,
        `      id: ${name}Id`,
        `      price: ${meant}`,
        `      state: ${name}State`,
        `      previous: ${written}`,
        '    }',
        `    value ${meant} { amount: Decimal  currency: String }`,
        `    enum ${name}State { Open Closed }`,
        `    command Open${name} { id: ${name}Id } emits ${name}Opened`,
        `    event ${name}Opened { id: ${name}Id }`,
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    misspellings.push({ uri, written, meant });
  }
  return { files, misspellings };
}

/** A 60-line model: two contexts, a context map and a saga, as a user might paste it from the README. */
export const pastedModel = `context Sales {
  glossary { Customer: "Someone who buys: name, email, shipping address, cart" }
  aggregate Order {
    root entity Order {
      id: OrderId
      customer: CustomerId
      items: List<OrderItem>
      total: Money
    }
    entity OrderItem { id: OrderItemId  quantity: Int  price: Money }
    value Money { amount: Decimal  currency: Currency }
    enum Currency { EUR USD }
    command PlaceOrder { customer: CustomerId } emits OrderPlaced
    command CancelOrder { order: OrderId } emits OrderCancelled
    command ConfirmOrder { order: OrderId } emits OrderConfirmed
    event OrderPlaced { order: OrderId }
    event OrderCancelled { order: OrderId }
    event OrderConfirmed { order: OrderId }
  }
  repository Orders for Order
}

context Billing {
  aggregate Payment {
    root entity Payment {
      id: PaymentId
      order: OrderId
      amount: Money
    }
    value Money { amount: Decimal  currency: Currency }
    enum Currency { EUR USD }
    command ProcessPayment { order: OrderId } emits PaymentProcessed
    command RefundPayment { payment: PaymentId } emits PaymentRefunded
    event PaymentProcessed { payment: PaymentId }
    event PaymentRefunded { payment: PaymentId }
  }
  repository Payments for Payment
}

context Shipping {
  aggregate Parcel {
    root entity Parcel { id: ParcelId  order: OrderId  weight: Decimal }
    command ShipParcel { parcel: ParcelId } emits ParcelShipped
    event ParcelShipped { parcel: ParcelId }
  }
}

contextmap ShopMap {
  Sales [OHS, PL] -> Shipping [ACL]
  Sales [SK] <-> Billing [SK] { Money }
}

saga OrderSaga orchestrated by Sales {
  step CreateOrder on Sales reply OrderPlaced -> ORDER_CREATED
    compensate CancelOrder -> FAILED
  step ProcessPayment on Billing reply PaymentProcessed -> PAYMENT_DONE
    compensate RefundPayment -> PAYMENT_REFUNDED
  step ShipParcel on Shipping reply ParcelShipped -> SHIPPED
  step ConfirmOrder on Sales -> COMPLETED
}
`;

/** One file holding `copies` copies of the 60-line model, one after the other. */
export function pastedWorkspace(copies: number): ScaleFile[] {
  return [{ uri: 'file:///scale/pasted.ddd', text: Array.from({ length: copies }, () => pastedModel).join('\n') }];
}

/** A name part for the i-th element, in letters (`Aa`, `Ab`, …): digits would read as words to the naming rules. */
function letters(i: number): string {
  let text = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(97 + ((n - 1) % 26)) + text;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** An orchestrated saga of `steps` steps, each with a reply and a compensation, and the context that declares them (no other findings). */
export function bigSaga(steps: number): string {
  const lines = ['context Sales {'];
  for (let i = 0; i < steps; i++) lines.push(`  command Ship${letters(i)} emits ${letters(i)}Shipped`, `  event ${letters(i)}Shipped`, `  command Return${letters(i)}`);
  lines.push('}', '', 'saga Big orchestrated by Sales {');
  for (let i = 0; i < steps; i++) lines.push(`  step Ship${letters(i)} on Sales reply ${letters(i)}Shipped -> SHIPPED_${i}`, `    compensate Return${letters(i)} -> RETURNED_${i}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** A choreographed saga of `reactions` reactions, each answering the previous one's event. */
export function bigChoreography(reactions: number): string {
  const lines = ['context Sales {', '  event Started'];
  for (let i = 0; i < reactions; i++) lines.push(`  event ${letters(i)}Shipped`);
  lines.push('}', '', 'saga Chain choreographed {');
  for (let i = 0; i < reactions; i++) lines.push(`  Sales on ${i === 0 ? 'Started' : `${letters(i - 1)}Shipped`} emits ${letters(i)}Shipped`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
