/**
 * drawView and listViews, the core of the preview's `ddd/views` and
 * `ddd/diagram`: plain data with offsets, a saga's drawing filled in, the first
 * drawing of a view asked for without a name, problems in words.
 */
import { describe, expect, it } from 'vitest';
import { drawView, listViews, preferredView, unknownViewProblem, type DrawnView } from '../../src/language/diagrams/index';
import type { DddModel } from '../../src/language/index';
import { check } from '../helpers';
import { orderSaga } from './support';

const model = (): DddModel => orderSaga().model;

function expectKind<K extends DrawnView['kind']>(drawn: DrawnView, kind: K): Extract<DrawnView, { kind: K }> {
  expect(drawn.kind, drawn.kind === 'problem' ? drawn.message : drawn.title).toBe(kind);
  return drawn as Extract<DrawnView, { kind: K }>;
}

describe('drawView', () => {
  it('fills in a saga and its drawing: the first saga, the state machine of an orchestrated one, the flow of a choreographed one', () => {
    const first = expectKind(drawView(model(), { view: 'saga' }), 'mermaid');
    expect(first.ref).toEqual({ view: 'saga', name: model().sagas[0]!.name, variant: 'flow' });
    expect(expectKind(drawView(model(), { view: 'saga', name: 'OrderSaga' }), 'mermaid').ref.variant).toBe('states');
    expect(expectKind(drawView(model(), { view: 'saga', name: 'OrderSaga', variant: 'flow' }), 'mermaid').diagram.kind).toBe('saga-states');
    expect(expectKind(drawView(model(), { view: 'saga', name: 'OrderSaga', variant: 'sequence' }), 'mermaid').diagram.kind).toBe('saga-sequence');
  });

  it('gives nodes with the ranges of their declarations as offsets', () => {
    const drawn = expectKind(drawView(model(), { view: 'aggregates', name: 'Sales' }), 'mermaid');
    const order = drawn.nodes.find((node) => node.label === 'Order')!;
    const text = orderSaga().model.documents.find((document) => document.uri === order.uri)!.text;
    expect(text.slice(order.range!.start, order.range!.end)).toBe('Order');
  });

  it('draws a context map with the fast layout when asked, its nodes with offsets', () => {
    const drawn = expectKind(drawView(model(), { view: 'context-map' }, { layout: 'svg', theme: 'high-contrast' }), 'svg');
    expect(drawn.svg).toMatch(/^<svg/);
    expect(drawn.reason).toBe('Drawn with the fast layout, as asked.');
    expect(drawn.nodes.some((node) => node.kind === 'context' && typeof node.range?.start === 'number')).toBe(true);
  });

  it('a board: its notes, and a mermaid flowchart for exports', () => {
    const drawn = expectKind(drawView(model(), { view: 'storming', name: 'Checkout' }), 'board');
    expect(drawn.title).toBe('Event storming: Checkout');
    expect(drawn.nodes.map((node) => node.id)).toEqual(drawn.board.notes.map((note) => note.id));
    expect(drawn.diagram.text).toMatch(/^flowchart/);
  });

  it('says what is wrong: an unknown view, an unknown name, nothing to draw', () => {
    expect(expectKind(drawView(model(), { view: 'nope' as never }), 'problem').message).toBe(unknownViewProblem('nope'));
    const unknown = expectKind(drawView(model(), { view: 'saga', name: 'Nope', variant: 'sequence' }), 'problem');
    expect(unknown.ref).toEqual({ view: 'saga', name: 'Nope' });
    expect(unknown.title).toBe('Saga');
    const empty = check('context Lonely\n').model;
    expect(expectKind(drawView(empty, { view: 'saga' }), 'problem').message).toBe('The model declares no sagas yet');
    expect(expectKind(drawView(empty, { view: 'aggregates' }), 'problem').message).toBe('The model declares no aggregates yet');
  });
});

describe('listViews', () => {
  it('lists every view drawView can draw, each declared where its element is', () => {
    const views = listViews(model());
    for (const view of views) expect(drawView(model(), view).kind, `${view.view} ${view.name ?? ''}`).not.toBe('problem');
    const saga = views.find((view) => view.view === 'saga' && view.name === 'OrderSaga')!;
    expect(saga.declared?.uri).toBe(model().sagas.find((candidate) => candidate.name === 'OrderSaga')!.uri);
  });

  it('opens a document on a saga or a board it declares first, else on the first view', () => {
    const views = listViews(model());
    const sagaUri = model().sagas.find((saga) => saga.name === 'OrderSaga')!.uri;
    expect(preferredView(views, sagaUri)?.view).toBe('saga');
    expect(preferredView(views, 'file:///elsewhere.ddd')).toBe(views[0]);
    expect(preferredView(views)).toBe(views[0]);
  });
});
