import { describe, expect, it } from 'vitest';
import { check, fixture, type Checked } from '../helpers';

const shop = fixture('sagas/shop.ddd');

function checkSaga(text: string): Checked {
  return check({ 'shop.ddd': shop, 'main.ddd': text });
}

function lines(result: Checked, code: string): string[] {
  return result.of(code).map((finding) => `${finding.line} ${finding.severity}`);
}

function dataOf(result: Checked, code: string): Record<string, unknown> | undefined {
  return result.diagnostics.find((d) => d.code === code)?.data;
}

/** `// warning: choreography-cycle` comments: the findings a fixture announces, line by line. */
function announced(text: string, file: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = /\/\/\s*(error|warning|info|hint):\s*([a-z-]+)/.exec(line);
    return match ? [`${file}:${index + 1} ${match[1]} ${match[2]}`] : [];
  });
}

describe('the choreography rules on the fixtures', () => {
  it('report exactly what broken-choreography.ddd announces (hints aside)', () => {
    const text = fixture('sagas/broken-choreography.ddd');
    const result = check({ 'shop.ddd': shop, 'broken.ddd': text });
    const reported = result.findings
      .filter((f) => f.file === 'broken.ddd' && f.code.startsWith('choreography-') && f.severity !== 'hint')
      .map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`);
    expect(reported).toEqual(announced(text, 'broken.ddd'));
  });

  it('find nothing wrong with the sketch\'s choreographies, and only hint at their final events', () => {
    const result = check({ 'shop.ddd': shop, 'choreography.ddd': fixture('sagas/choreography.ddd') });
    expect(result.problems).toEqual([]);
    expect(result.findings.filter((f) => f.code.startsWith('choreography-')).map((f) => `${f.line} ${f.code} ${f.severity}`)).toEqual([
      '6 choreography-unused-event hint',
      '16 choreography-unused-event hint',
    ]);
  });
});

describe('choreography-unheard-event', () => {
  const text = `saga S choreographed {
  Sales on CreateOrder emits OrderCreated
  Inventory on OrderCreatd emits InventoryReserved
  Billing on InventoryReserved or Whatever emits PaymentProcessed
}`;
  it('fires on a name nothing emits, with the closest emitted name', () => {
    const result = checkSaga(text);
    expect(lines(result, 'choreography-unheard-event')).toEqual(['3 error', '4 error']);
    expect(result.of('choreography-unheard-event')[0]!.message).toContain('Did you mean OrderCreated?');
    expect(dataOf(result, 'choreography-unheard-event')).toEqual({ name: 'OrderCreatd', suggestion: 'OrderCreated' });
  });
  it('says when the name is a declared event that the saga does not emit', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on CreateOrder emits OrderCreated\n  Shipping on OrderPlaced emits OrderShipped\n}');
    expect(lines(result, 'choreography-unheard-event')).toEqual(['3 error']);
    expect(result.of('choreography-unheard-event')[0]!.message).toContain('OrderPlaced is declared, but no reaction of S emits it');
  });
  it('does not fire on emitted names and on the declared command that starts the saga', () => {
    expect(checkSaga(text.replace('OrderCreatd', 'OrderCreated').replace(' or Whatever', '')).of('choreography-unheard-event')).toEqual([]);
  });
});

describe('choreography-join-never-fires', () => {
  it('fires on a join of the two outcomes of one reaction, naming why', () => {
    const result = checkSaga(`saga S choreographed {
  Sales on PlaceOrder emits OrderPlaced
  Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed
  Sales on PaymentSucceeded and PaymentFailed emits OrderClosed
}`);
    expect(lines(result, 'choreography-join-never-fires')).toEqual(['4 warning']);
    expect(result.of('choreography-join-never-fires')[0]!.message).toContain('are the two alternative outcomes of Billing on OrderPlaced');
    expect(dataOf(result, 'choreography-join-never-fires')).toMatchObject({ reason: 'exclusive', events: ['PaymentSucceeded', 'PaymentFailed'] });
  });
  it('fires on a join waiting for an event that only a dead reaction emits', () => {
    const result = checkSaga(`saga S choreographed {
  Sales on PlaceOrder emits OrderPlaced
  Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed
  Sales on PaymentSucceeded and PaymentFailed emits OrderClosed
  Shipping on OrderClosed and OrderPlaced emits OrderShipped
}`);
    expect(lines(result, 'choreography-join-never-fires')).toEqual(['4 warning', '5 warning']);
    expect(result.of('choreography-join-never-fires')[1]!.message).toContain('OrderClosed never happens');
  });
  it('does not fire on a join that can fire (the sketch\'s OrderFulfilment)', () => {
    const result = check({ 'shop.ddd': shop, 'main.ddd': fixture('sagas/choreography.ddd') });
    expect(result.of('choreography-join-never-fires')).toEqual([]);
  });
  it('leaves a join blocked by an unheard name to choreography-unheard-event', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on PlaceOrder emits OrderPlaced\n  Shipping on OrderPlaced and PaymentProcesed emits OrderShipped\n}');
    expect(lines(result, 'choreography-unheard-event')).toEqual(['3 error']);
    expect(result.of('choreography-join-never-fires')).toEqual([]);
  });
});

describe('choreography-mixed-join', () => {
  it('fires on `or` and `and` in one trigger', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on PlaceOrder emits OrderPlaced, OrderCreated\n  Shipping on OrderPlaced or OrderCreated and OrderPlaced emits OrderShipped\n}');
    expect(lines(result, 'choreography-mixed-join')).toEqual(['3 error']);
  });
  it('does not fire on only `or` or only `and`', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on PlaceOrder emits OrderPlaced, OrderCreated\n  Shipping on OrderPlaced or OrderCreated emits OrderShipped\n  Billing on OrderPlaced and OrderCreated emits PaymentProcessed\n}');
    expect(result.of('choreography-mixed-join')).toEqual([]);
  });
});

describe('choreography-cycle', () => {
  it('fires once per loop, on its first reaction', () => {
    const result = checkSaga(`saga S choreographed {
  Sales on PlaceOrder emits OrderPlaced
  Billing on OrderPlaced emits PaymentRequested
  Sales on PaymentRequested emits OrderPlaced
  Shipping on OrderShipped emits OrderShipped
}`);
    expect(lines(result, 'choreography-cycle')).toEqual(['3 warning', '5 warning']);
    expect(result.of('choreography-cycle')[0]!.message).toContain('Billing on OrderPlaced, Sales on PaymentRequested trigger each other in a loop (through PaymentRequested, OrderPlaced)');
    expect(result.of('choreography-cycle')[1]!.message).toContain('which triggers it again');
  });
  it('does not fire on a flow without loops', () => {
    expect(check({ 'shop.ddd': shop, 'main.ddd': fixture('sagas/choreography.ddd') }).of('choreography-cycle')).toEqual([]);
  });
});

describe('choreography-unused-event', () => {
  it('hints at a success event nothing listens to', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on CreateOrder emits OrderCreated\n}');
    expect(lines(result, 'choreography-unused-event')).toEqual(['2 hint']);
  });
  it('does not hint at `else` outcomes or at what compensating reactions emit', () => {
    const result = checkSaga(`saga S choreographed {
  Sales on CreateOrder emits OrderCreated
  Billing on OrderCreated emits PaymentSucceeded else PaymentFailed
  Sales on PaymentFailed compensates emits OrderCancelled
  Shipping on PaymentSucceeded
}`);
    expect(result.of('choreography-unused-event')).toEqual([]);
  });
});

describe('choreography-compensation-unhandled', () => {
  it('fires on a failure outcome nothing listens to', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on CreateOrder emits OrderCreated\n  Billing on OrderCreated emits PaymentSucceeded else PaymentFailed\n  Sales on PaymentSucceeded emits OrderConfirmed\n}');
    expect(lines(result, 'choreography-compensation-unhandled')).toEqual(['3 warning']);
    expect(dataOf(result, 'choreography-compensation-unhandled')).toEqual({ event: 'PaymentFailed', participant: 'Billing' });
  });
  it('does not fire when a reaction compensates, nor when the first reaction fails (nothing to undo)', () => {
    const result = checkSaga(`saga S choreographed {
  Sales on CreateOrder emits OrderCreated else OrderRejected
  Billing on OrderCreated emits PaymentSucceeded else PaymentFailed
  Sales on PaymentFailed compensates emits OrderCancelled
}`);
    expect(result.of('choreography-compensation-unhandled')).toEqual([]);
  });
});

describe('choreography-no-trigger', () => {
  it('fires when no reaction listens to a declared command', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on OrderRequested emits OrderCreated\n  Inventory on OrderCreated emits InventoryReserved\n}');
    expect(lines(result, 'choreography-no-trigger')).toEqual(['2 warning']);
    expect(result.of('choreography-unheard-event')).toEqual([]);
  });
  it('suggests the closest declared command', () => {
    const result = checkSaga('saga S choreographed {\n  Sales on CreateOrdr emits OrderCreated\n}');
    expect(result.of('choreography-no-trigger')[0]!.message).toContain('Did you mean CreateOrder?');
    expect(dataOf(result, 'choreography-no-trigger')).toEqual({ name: 'CreateOrdr', suggestion: 'CreateOrder' });
  });
  it('does not fire when the saga starts from a declared command', () => {
    expect(checkSaga('saga S choreographed {\n  Sales on PlaceOrder emits OrderPlaced\n}').of('choreography-no-trigger')).toEqual([]);
  });
});
