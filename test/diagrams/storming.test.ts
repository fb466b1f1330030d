/**
 * The storming board as a view model (plain data for the webview), its findings
 * as hotspots, and the board made from the whole model.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostics';
import { modelStormingView, stormingDiagram, stormingView, withDiagnosticHotspots, type StormingView } from '../../src/language/diagrams/index';
import { checkWorkspace } from '../../src/language/index';
import { expectParses } from './parse';
import { orderSaga } from './support';

const checkout = () => stormingView(orderSaga().model, 'Checkout')!;
const summary = (view: StormingView) => view.notes.map((note) => `${note.type}:${note.text}${note.origin === 'board' ? '' : ` (${note.origin})`}`);
const byText = (view: StormingView, text: string) => view.notes.find((note) => note.text === text)!;

describe('the Checkout board', () => {
  it('keeps the board order and adds what a line implies next to it', () => {
    expect(summary(checkout())).toEqual([
      'actor:Customer',
      'command:PlaceOrder',
      'aggregate:Order (derived)', // `on Order`
      'event:OrderPlaced',
      'policy:ReserveStock',
      'command:ReserveInventory (derived)', // `then ReserveInventory`
      'event:InventoryReserved',
      'external:PaymentProvider',
      'event:PaymentReceived',
      'readmodel:OrderSummary',
      'hotspot:What if the payment times out?',
      'event:OrderShipped',
    ]);
    expect(checkout().notes.map((note) => note.order)).toEqual([...checkout().notes.keys()]);
  });

  it('colours and sizes stickies by the community convention', () => {
    const view = checkout();
    expect(byText(view, 'OrderPlaced')).toMatchObject({ colour: '#ff9f1c', size: 'normal' });
    expect(byText(view, 'PlaceOrder')).toMatchObject({ colour: '#4dabf7' });
    expect(byText(view, 'Customer')).toMatchObject({ colour: '#fff3a3', size: 'small' });
    expect(byText(view, 'Order')).toMatchObject({ colour: '#ffd43b', size: 'large' });
    expect(byText(view, 'ReserveStock')).toMatchObject({ colour: '#c8b6ff' });
    expect(byText(view, 'OrderSummary')).toMatchObject({ colour: '#8ce99a' });
    expect(byText(view, 'PaymentProvider')).toMatchObject({ colour: '#f783ac' });
    expect(byText(view, 'What if the payment times out?')).toMatchObject({ colour: '#ff6b6b' });
    expect(view.legend.map((entry) => entry.type)).toEqual(['event', 'command', 'actor', 'aggregate', 'policy', 'readmodel', 'external', 'hotspot']);
  });

  it('links actor → command, command → aggregate and event, event → policy → command, events → read model', () => {
    const view = checkout();
    const id = (text: string) => byText(view, text).id;
    expect(view.links).toEqual(
      expect.arrayContaining([
        { from: id('Customer'), to: id('PlaceOrder'), kind: 'by' },
        { from: id('PlaceOrder'), to: id('Order'), kind: 'on' },
        { from: id('PlaceOrder'), to: id('OrderPlaced'), kind: 'emits' }, // the model: PlaceOrder emits OrderPlaced
        { from: id('OrderPlaced'), to: id('ReserveStock'), kind: 'when' },
        { from: id('ReserveStock'), to: id('ReserveInventory'), kind: 'then' },
        { from: id('OrderPlaced'), to: id('OrderSummary'), kind: 'from' },
        { from: id('PaymentReceived'), to: id('OrderSummary'), kind: 'from' },
      ]),
    );
    expect(view.links).toHaveLength(7);
  });

  it('puts the command on an aggregate, the aggregate and the event that follows in its lane', () => {
    const view = checkout();
    expect(view.lanes.map((lane) => lane.name)).toEqual(['', 'Order']);
    expect(view.lanes[1]!.notes).toEqual([byText(view, 'PlaceOrder').id, byText(view, 'Order').id, byText(view, 'OrderPlaced').id]);
    expect(byText(view, 'InventoryReserved').lane).toBeUndefined();
  });

  it('knows which stickies name a declaration, and where they are written', () => {
    const view = checkout();
    expect(byText(view, 'PlaceOrder').declared).toBe(true);
    expect(byText(view, 'PaymentReceived').declared).toBe(false);
    expect(byText(view, 'PlaceOrder').uri).toMatch(/checkout\.ddd$/);
    expect(view.uri).toMatch(/checkout\.ddd$/);
  });

  it('the default board is the first; an unknown name gives undefined', () => {
    expect(stormingView(orderSaga().model)!.name).toBe('Checkout');
    expect(stormingView(orderSaga().model, 'Nope')).toBeUndefined();
  });
});

describe('findings as hotspots', () => {
  it('adds a red sticky per error on the board, right after the sticky it is on', async () => {
    const view = checkout();
    const placeOrder = byText(view, 'PlaceOrder');
    const finding: Diagnostic = { uri: view.uri!, range: { start: placeOrder.range!.start + 2, end: placeOrder.range!.start + 5 }, severity: 'error', code: 'test-code', message: 'Something is wrong "]; click A call alert(1)' };
    const elsewhere: Diagnostic = { ...finding, uri: 'file:///other.ddd' };
    const warning: Diagnostic = { ...finding, severity: 'warning' };
    const withHotspot = withDiagnosticHotspots(view, [finding, elsewhere, warning]);
    expect(summary(withHotspot).slice(0, 4)).toEqual(['actor:Customer', 'command:PlaceOrder', 'hotspot:Something is wrong "]; click A call alert(1) (diagnostic)', 'aggregate:Order (derived)']);
    expect(withHotspot.notes[2]).toMatchObject({ code: 'test-code', colour: '#ff6b6b', lane: 'Order' });
    expect(withHotspot.notes).toHaveLength(view.notes.length + 1);
    expect(withDiagnosticHotspots(view, [warning])).toBe(view);
    await expectParses([stormingDiagram(withHotspot)]);
  });

  it('turns a real syntax error inside a board into a hotspot', async () => {
    const text = 'storming Broken {\n  event Started\n  command 42\n  event Ended\n}\n';
    const { model, diagnostics } = checkWorkspace([{ uri: 'file:///broken.ddd', text }]);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const view = withDiagnosticHotspots(stormingView(model, 'Broken')!, diagnostics);
    const hotspots = view.notes.filter((note) => note.origin === 'diagnostic');
    expect(hotspots.length).toBe(errors.length);
    await expectParses([stormingDiagram(view)]);
  });
});

describe('the whole model as a board', () => {
  it('per aggregate its commands and the events they emit; policies from choreography reactions', async () => {
    const view = modelStormingView(orderSaga().model);
    expect(view.origin).toBe('model');
    const texts = summary(view);
    const at = (entry: string) => texts.indexOf(entry);
    expect(at('aggregate:Order (model)')).toBeGreaterThanOrEqual(0);
    expect(at('command:PlaceOrder (model)')).toBeGreaterThan(at('aggregate:Order (model)'));
    expect(at('event:OrderPlaced (model)')).toBeGreaterThan(at('command:PlaceOrder (model)'));
    expect(view.links).toContainEqual({ from: byText(view, 'PlaceOrder').id, to: byText(view, 'OrderPlaced').id, kind: 'emits' });
    expect(texts).toContain('policy:Inventory: on OrderCreated (model)');
    expect(texts).toContain('policy:Shipping: on InventoryReserved and PaymentProcessed (model)');
    expect(texts).toContain('external:PaymentProvider (model)');
    expect(texts).toContain('readmodel:AccountStatement (model)');
    // a policy sits right after the last event it listens to
    expect(at('policy:Inventory: on OrderCreated (model)')).toBeGreaterThan(at('event:OrderCreated (model)'));
    const lane = view.lanes.find((candidate) => candidate.name === 'Sales.Order')!;
    expect(lane.notes).toContain(byText(view, 'PlaceOrder').id);
    const policy = byText(view, 'Inventory: on OrderCreated');
    expect(view.links).toContainEqual({ from: byText(view, 'OrderCreated').id, to: policy.id, kind: 'when' });
    expect(view.links).toContainEqual({ from: policy.id, to: byText(view, 'InventoryReserved').id, kind: 'then' });
    await expectParses([stormingDiagram(view)]);
  });

  it('is plain data: it survives structured cloning (postMessage to a webview)', () => {
    const view = modelStormingView(orderSaga().model);
    expect(structuredClone(view)).toEqual(view);
    expect(JSON.parse(JSON.stringify(checkout()))).toEqual(checkout());
  });
});
