import { describe, expect, it } from 'vitest';
import {
  baseFormOf,
  baseFormOfGerund,
  isGerund,
  isKnownVerb,
  isPastTense,
  knownVerbs,
  pastTenseOf,
} from '../../src/language/naming/english-verbs';
import {
  commandNameIssue,
  isPascalCase,
  isPastTenseName,
  splitWords,
  suggestCommandName,
  suggestEventName,
  toPascalCase,
} from '../../src/language/naming/name-style';

describe('english verbs', () => {
  it('knows some three hundred business verbs', () => {
    expect(knownVerbs.size).toBeGreaterThan(300);
    for (const verb of ['place', 'ship', 'cancel', 'confirm', 'reserve', 'withdraw', 'deposit', 'pay', 'register']) expect(isKnownVerb(verb)).toBe(true);
    expect(isKnownVerb('Parcel')).toBe(false);
  });

  it.each([
    ['ship', 'shipped'],
    ['cancel', 'cancelled'],
    ['place', 'placed'],
    ['try', 'tried'],
    ['pay', 'paid'],
    ['withdraw', 'withdrawn'],
    ['send', 'sent'],
    ['sell', 'sold'],
    ['confirm', 'confirmed'],
    ['deploy', 'deployed'],
    ['commit', 'committed'],
    ['Process', 'processed'],
    ['agree', 'agreed'],
  ])('the past of %s is %s', (verb, past) => {
    expect(pastTenseOf(verb)).toBe(past);
  });

  it.each([
    ['shipped', 'ship'],
    ['Cancelled', 'cancel'],
    ['placed', 'place'],
    ['tried', 'try'],
    ['paid', 'pay'],
    ['withdrawn', 'withdraw'],
    ['withdrew', 'withdraw'],
    ['Sent', 'send'],
    ['sold', 'sell'],
    ['processed', 'process'],
    ['needed', 'need'],
    ['agreed', 'agree'],
    ['geocoded', 'geocode'],
    ['onboarded', 'onboard'],
    ['validated', 'validate'],
  ])('the base of %s is %s', (past, base) => {
    expect(baseFormOf(past)).toBe(base);
  });

  it('tells past forms from words that only end in -ed', () => {
    for (const word of ['Placed', 'Created', 'Withdrawn', 'Paid', 'Sent', 'Sold', 'Deposited', 'Timed', 'Upserted', 'Reset', 'Read']) {
      expect(isPastTense(word), word).toBe(true);
    }
    for (const word of ['Need', 'Seed', 'Feed', 'Speed', 'Bed', 'Red', 'Proceed', 'Hundred', 'Order', 'Ship', 'Shipping']) {
      expect(isPastTense(word), word).toBe(false);
    }
  });

  it('recognises gerunds, not nouns ending in -ing', () => {
    expect(baseFormOfGerund('Shipping')).toBe('ship');
    expect(baseFormOfGerund('placing')).toBe('place');
    expect(baseFormOfGerund('Paying')).toBe('pay');
    expect(baseFormOfGerund('processing')).toBe('process');
    for (const word of ['String', 'Thing', 'Bring', 'Morning', 'Ring']) expect(isGerund(word), word).toBe(false);
  });
});

describe('names', () => {
  it('splits names into words', () => {
    expect(splitWords('ShipParcel')).toEqual(['Ship', 'Parcel']);
    expect(splitWords('KYCVerified')).toEqual(['KYC', 'Verified']);
    expect(splitWords('ORDER_PLACED')).toEqual(['ORDER', 'PLACED']);
    expect(splitWords('Account123')).toEqual(['Account', '123']);
    expect(splitWords('placeOrder')).toEqual(['place', 'Order']);
  });

  it('judges PascalCase', () => {
    expect(isPascalCase('OrderItem')).toBe(true);
    expect(isPascalCase('Account123')).toBe(true);
    expect(isPascalCase('order_item')).toBe(false);
    expect(toPascalCase('order_item')).toBe('OrderItem');
    expect(toPascalCase('ORDER_ITEM')).toBe('OrderItem');
    expect(toPascalCase('placeOrder')).toBe('PlaceOrder');
  });

  it('accepts event names in the past tense, with particles and a closing phrase', () => {
    const sketch = ['OrderPlaced', 'OrderCreated', 'OrderConfirmed', 'OrderCancelled', 'InventoryReserved', 'InventoryReleased', 'PaymentProcessed', 'PaymentFailed', 'AccountCreated', 'Deposited', 'Withdrawn'];
    for (const name of [...sketch, 'SessionTimedOut', 'UserSignedUp', 'GuestCheckedIn', 'PaymentReceivedFromBank', 'OrderPaidInFull', 'KYCVerified']) {
      expect(isPastTenseName(name), name).toBe(true);
    }
    for (const name of ['ShipParcel', 'PlaceOrder', 'OrderNeed', 'NewsFeed', 'ShipToCustomer', 'Order']) expect(isPastTenseName(name), name).toBe(false);
  });

  it('finds command names that are not imperative', () => {
    const fine = ['PlaceOrder', 'CreateOrder', 'ConfirmOrder', 'CancelOrder', 'ReserveInventory', 'ReleaseInventory', 'ProcessPayment', 'CheckStock'];
    for (const name of [...fine, 'Deposit', 'Withdraw', 'RegisterCustomer', 'MarkOrderShipped', 'ResetPassword', 'ReadMessage', 'RecordPaymentReceived']) {
      expect(commandNameIssue(name), name).toBeUndefined();
    }
    expect(commandNameIssue('PlacedOrder')).toBe('past-tense');
    expect(commandNameIssue('ShippingParcel')).toBe('gerund');
    expect(commandNameIssue('ParcelShipped')).toBe('event-like');
    expect(commandNameIssue('OrderShipped')).toBe('event-like');
  });

  it.each([
    ['ShipParcel', 'ParcelShipped'],
    ['PlaceOrder', 'OrderPlaced'],
    ['CancelOrder', 'OrderCancelled'],
    ['ProcessPayment', 'PaymentProcessed'],
    ['Deposit', 'Deposited'],
    ['Withdraw', 'Withdrawn'],
    ['SignUpCustomer', 'CustomerSignedUp'],
    ['OrderComplete', 'OrderCompleted'],
    ['ShippingParcel', 'ParcelShipped'],
    ['PayInvoice', 'InvoicePaid'],
    // object + participle, though the object is a verb too (`book`, `refund`, `order`) and the verb is often a noun (`return`)
    ['ReturnBook', 'BookReturned'],
    ['RequestRefund', 'RefundRequested'],
    ['ReturnOrder', 'OrderReturned'],
    ['ReviewOrder', 'OrderReviewed'],
    ['ScheduleReturn', 'ReturnScheduled'],
    ['BookFlight', 'FlightBooked'],
    ['OrderShip', 'OrderShipped'],
    ['ParcelPickUp', 'ParcelPickedUp'],
  ])('suggests the event %s → %s', (name, event) => {
    expect(suggestEventName(name)).toBe(event);
  });

  it.each([
    ['ParcelShipped', 'ShipParcel'],
    ['OrderCancelled', 'CancelOrder'],
    ['Withdrawn', 'Withdraw'],
    ['CustomerSignedUp', 'SignUpCustomer'],
    ['PlacedOrder', 'PlaceOrder'],
    ['ShippingParcel', 'ShipParcel'],
    ['InvoicePaid', 'PayInvoice'],
    ['PaymentReceivedFromBank', 'ReceivePaymentFromBank'],
  ])('suggests the command %s → %s', (name, command) => {
    expect(suggestCommandName(name)).toBe(command);
  });

  it('suggests nothing when it recognises no verb', () => {
    expect(suggestEventName('Zorg')).toBeUndefined();
    expect(suggestCommandName('Zorg')).toBeUndefined();
  });
});
