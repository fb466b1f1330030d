/**
 * The server's custom requests on examples/order-saga: called directly on the
 * model, and once through a real JSON-RPC connection (the in-process server).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateContextMap } from '../../src/bench/diagrams';
import { checkWorkspace, type DddModel } from '../../src/language/index';
import {
  applySimulatorAction,
  emptySimulatorSession,
  type DddRequest,
  type DiagramResult,
  type OrchestratedRun,
  type SimulateResult,
  type SimulatorSession,
} from '../../src/protocol/index';
import { bulkSimulate, compileSaga } from '../../src/language/simulation/index';
import { customRequestHandlers, registerCustomRequests } from '../../src/server/custom-requests';
import { readWorkspace } from '../helpers';
import { startSession, tempWorkspace, waitForAll, type Session } from './lsp-harness';

const files = readWorkspace('examples/order-saga');
const checked = checkWorkspace(files);
const model: DddModel = checked.model;
const handlers = customRequestHandlers({ model: () => model, diagnostics: () => checked.diagnostics });
const textOf = (uri: string) => files.find((file) => file.uri === uri)!.text;

/** The text a range covers in its file. */
function covered(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = textOf(uri).split('\n');
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

function expectKind<K extends DiagramResult['kind']>(result: DiagramResult, kind: K): Extract<DiagramResult, { kind: K }> {
  expect(result.kind, result.kind === 'problem' ? result.message : result.title).toBe(kind);
  return result as Extract<DiagramResult, { kind: K }>;
}

describe('ddd/views', () => {
  test('lists every view of the example, the sagas and the streams', () => {
    const result = handlers['ddd/views']({});
    const keys = result.views.map((view) => view.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'context-map',
        'aggregates:Sales',
        'saga:OrderSaga:states',
        'saga:OrderSaga:sequence',
        'saga:PlaceOrderChoreography:flow',
        'storming:Checkout',
        'storming:model',
        'domains',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.sagas.map((saga) => [saga.name, saga.style])).toEqual(
      expect.arrayContaining([
        ['OrderSaga', 'orchestrated'],
        ['PlaceOrderChoreography', 'choreographed'],
      ]),
    );
    expect(result.sagas.find((saga) => saga.name === 'OrderSaga')!.size).toBe(4);
    expect(result.streams.map((stream) => stream.name)).toContain('Banking.Account123');
    const saga = result.views.find((view) => view.key === 'saga:OrderSaga:states')!;
    expect(covered(saga.location!.uri, saga.location!.range)).toBe('OrderSaga');
  });

  test("prefers a view of the document being edited", () => {
    const sagas = files.find((file) => file.uri.endsWith('sagas/order-saga.ddd'))!.uri;
    expect(handlers['ddd/views']({ uri: sagas }).preferred).toBe('saga:OrderSaga:states');
    const board = files.find((file) => file.uri.endsWith('storming/checkout.ddd'))!.uri;
    expect(handlers['ddd/views']({ uri: board }).preferred).toBe('storming:Checkout');
  });

  test('with a position: the view of what the cursor is in, one saga then the next, none between them', () => {
    const uri = files.find((file) => file.uri.endsWith('sagas/choreography.ddd'))!.uri;
    const lines = textOf(uri).split('\n');
    const line = (start: string) => lines.findIndex((text) => text.startsWith(start));
    const atLine = (index: number) => handlers['ddd/views']({ uri, position: { line: index, character: 2 } });
    expect(atLine(line('  Inventory on OrderCreated')).atCursor).toBe('saga:PlaceOrderChoreography:flow');
    expect(atLine(line('  Shipping on InventoryReserved')).atCursor).toBe('saga:OrderFulfilment:flow');
    expect(atLine(line('// The seed')).atCursor).toBeUndefined();
    // the document's preferred view comes too, as without a position
    expect(atLine(0).preferred).toBe(handlers['ddd/views']({ uri }).preferred);
    // a position past the end of the document, or in a document the server does not know: no view, no error
    expect(atLine(100_000).atCursor).toBeUndefined();
    expect(handlers['ddd/views']({ uri: 'file:///nowhere.ddd', position: { line: 1, character: 1 } }).atCursor).toBeUndefined();
    const sales = files.find((file) => file.uri.endsWith('contexts/sales.ddd'))!.uri;
    const salesLines = textOf(sales).split('\n');
    expect(handlers['ddd/views']({ uri: sales, position: { line: salesLines.findIndex((text) => text.includes('root entity Order')), character: 6 } }).atCursor).toBe('aggregates:Sales');
    expect(handlers['ddd/views']({ uri: sales, position: { line: salesLines.findIndex((text) => text.includes('owner')), character: 4 } }).atCursor).toBe('context-map');
  });
});

describe('ddd/diagram', () => {
  test('the context map, with click-to-source ranges on the names', () => {
    const result = expectKind(handlers['ddd/diagram']({ view: 'context-map' }), 'mermaid');
    expect(result.text).toMatch(/^flowchart LR/);
    expect(result.tooLarge).toBe(false);
    const sales = result.nodes.find((node) => node.label === 'Sales')!;
    expect(sales.id).toBe('c_Sales');
    expect(covered(sales.uri!, sales.range!)).toBe('Sales');
    expect(result.key).toBe('context-map');
  });

  test('a context map drawn with the fast layout when asked, in the theme asked', () => {
    const result = expectKind(handlers['ddd/diagram']({ view: 'context-map', options: { layout: 'svg', theme: 'dark' } }), 'svg');
    expect(result.svg).toMatch(/^<svg /);
    expect(result.svg).toContain('data-id="c_Sales"');
    expect(result.svg).toContain('#1e1e1e');
    expect(result.key).toBe('context-map|layout=svg');
  });

  test('100 contexts and 300 relationships: drawn as SVG by the fast layout (time printed; npm run bench measures it)', () => {
    const generated = generateContextMap(100, 300);
    const big = checkWorkspace(generated.files).model;
    const bigHandlers = customRequestHandlers({ model: () => big });
    const started = performance.now();
    const result = expectKind(bigHandlers['ddd/diagram']({ view: 'context-map' }), 'svg');
    const ms = performance.now() - started;
    console.log(`ddd/diagram context map, 100 contexts / 300 relationships: ${ms.toFixed(0)} ms (layout + SVG ${result.ms} ms), ${(result.svg.length / 1024).toFixed(0)} KB`);
    expect(result.size).toMatchObject({ nodes: 100, edges: 300 });
    expect(result.reason).toMatch(/too many for mermaid/);
    expect(result.nodes).toHaveLength(100);
    expect(result.filters.length).toBeGreaterThan(10);
    expect(result.filters[0]!.options?.focus).toBeDefined();
    // a filtered view is small enough for mermaid again
    const focused = bigHandlers['ddd/diagram']({ view: 'context-map', options: result.filters[0]!.options! });
    expect(focused.kind).toBe('mermaid');
    // mermaid can still be asked for, and says it is too large
    const forced = expectKind(bigHandlers['ddd/diagram']({ view: 'context-map', options: { layout: 'mermaid' } }), 'mermaid');
    expect(forced.tooLarge).toBe(true);
    expect(forced.filters.length).toBeGreaterThan(0);
  });

  test('a context and its neighbours, by name', () => {
    const result = expectKind(handlers['ddd/diagram']({ view: 'context-map', name: 'Billing' }), 'mermaid');
    expect(result.title).toBe('Context map around Billing');
  });

  test('aggregates of a context, and one aggregate', () => {
    const all = expectKind(handlers['ddd/diagram']({ view: 'aggregates', name: 'Sales' }), 'mermaid');
    expect(all.text).toMatch(/^classDiagram/);
    const root = all.nodes.find((node) => node.kind === 'aggregate-root')!;
    expect(covered(root.uri!, root.range!)).toBe(root.label);
    const one = expectKind(handlers['ddd/diagram']({ view: 'aggregates', name: 'Sales', options: { aggregate: 'Order' } }), 'mermaid');
    expect(one.key).toBe('aggregates:Sales|aggregate=Order');
  });

  test('a saga: state machine by default, sequence when asked, event flow when choreographed', () => {
    const states = expectKind(handlers['ddd/diagram']({ view: 'saga', name: 'OrderSaga' }), 'mermaid');
    expect(states.ref).toEqual({ view: 'saga', name: 'OrderSaga', variant: 'states' });
    expect(states.text).toMatch(/^stateDiagram-v2/);
    expect(states.nodes.map((node) => node.label)).toEqual(expect.arrayContaining(['STARTED', 'PAYMENT_FAILED', 'COMPLETED']));
    const sequence = expectKind(handlers['ddd/diagram']({ view: 'saga', name: 'OrderSaga', variant: 'sequence' }), 'mermaid');
    expect(sequence.text).toMatch(/^sequenceDiagram/);
    const flow = expectKind(handlers['ddd/diagram']({ view: 'saga', name: 'PlaceOrderChoreography', variant: 'states' }), 'mermaid');
    expect(flow.ref.variant).toBe('flow');
    expect(flow.text).toMatch(/^flowchart LR/);
  });

  test('a storming board as sticky notes in the community colours, with ranges', () => {
    const result = expectKind(handlers['ddd/diagram']({ view: 'storming', name: 'Checkout' }), 'board');
    const events = result.board.notes.filter((note) => note.type === 'event');
    expect(events.length).toBeGreaterThan(2);
    expect(new Set(events.map((note) => note.colour))).toEqual(new Set(['#ff9f1c']));
    const placed = result.board.notes.find((note) => note.text === 'OrderPlaced' && note.origin === 'board')!;
    expect(covered(placed.uri!, placed.range!)).toContain('OrderPlaced');
    expect(result.text).toMatch(/^flowchart LR/);
    expect(result.board.legend[0]!.type).toBe('event');
  });

  test('the whole model as a board, and the domains', () => {
    expect(expectKind(handlers['ddd/diagram']({ view: 'storming', name: 'model' }), 'board').board.origin).toBe('model');
    expect(expectKind(handlers['ddd/diagram']({ view: 'domains' }), 'mermaid').text).toMatch(/^flowchart LR/);
  });

  test('an unknown name is a problem to show, not an error', () => {
    const result = expectKind(handlers['ddd/diagram']({ view: 'saga', name: 'Nope' }), 'problem');
    expect(result.message).toMatch(/^There is no saga named Nope \(the sagas are [A-Za-z, ]+\)$/);
    expect(expectKind(handlers['ddd/diagram']({ view: 'context-map', name: 'Nope' }), 'problem').message).toMatch(/no context map or bounded context named Nope/);
  });
});

test('ddd/markdown: the document with mermaid blocks', () => {
  const { markdown } = handlers['ddd/markdown']({ views: ['saga'], name: 'OrderSaga', title: 'Order saga' });
  expect(markdown).toMatch(/^# Order saga/);
  expect(markdown).toContain('```mermaid\nstateDiagram-v2');
});

describe('ddd/simulate: an orchestrated saga', () => {
  const run = (params: Parameters<(typeof handlers)['ddd/simulate']>[0]) => {
    const result = handlers['ddd/simulate'](params);
    expect(result.run.style).toBe('orchestrated');
    return result as SimulateResult & { run: OrchestratedRun };
  };

  test('at the start, part-way and at the end', () => {
    const start = run({ saga: 'OrderSaga', steps: 0 });
    expect(start.run).toMatchObject({ step: 0, state: 'STARTED', done: false, next: { kind: 'command', command: 'CreateOrder', step: 0 } });
    expect(start.run.steps).toBe(5);
    expect(start.run.final).toMatchObject({ end: 'completed', state: 'COMPLETED', ok: true });
    expect(start.run.verdict.end).toBe('running');
    expect(start.diagram.kind).toBe('mermaid');
    const two = run({ saga: 'OrderSaga', steps: 2 });
    expect(two.run.state).toBe('INV_RESERVED');
    expect(two.run.timeline.filter((event) => event.kind === 'command')).toHaveLength(2);
    expect(two.run.held.map((held) => held.command)).toContain('ReserveInventory');
    const end = run({ saga: 'OrderSaga' });
    expect(end.run).toMatchObject({ step: 5, steps: 5, done: true, state: 'COMPLETED' });
  });

  test('a failing payment is compensated; the run is the same however it is cut', () => {
    const faults = [{ target: 'step' as const, step: 2 }];
    const whole = run({ saga: 'OrderSaga', faults });
    expect(whole.run.final).toMatchObject({ end: 'failed', compensations: ['ReleaseInventory', 'CancelOrder'], ok: true });
    expect(whole.run.verdict).toEqual(whole.run.final);
    expect(whole.run.verdict.states).toContain('PAYMENT_FAILED');
    for (let k = 0; k <= whole.run.steps; k++) {
      const cut = run({ saga: 'OrderSaga', faults, steps: k }).run;
      expect(cut.step).toBe(k);
      expect(cut.timeline).toEqual(whole.run.timeline.slice(0, cut.timeline.length));
      expect(cut.final).toEqual(whole.run.final);
    }
  });

  test('a crash after a journal entry resumes from the journal', () => {
    const result = run({ saga: 'OrderSaga', crashes: [{ target: 'step', step: 1, when: 'after-journal' }] });
    expect(result.run.timeline.map((event) => event.kind)).toEqual(expect.arrayContaining(['crash', 'resume']));
    expect(result.run.final.end).toBe('completed');
  });

  test('an unknown saga or step is an invalid request', () => {
    expect(() => handlers['ddd/simulate']({ saga: 'Nope' })).toThrow(/no saga named Nope/);
    expect(() => handlers['ddd/simulate']({ saga: 'OrderSaga', faults: [{ target: 'step', step: 9 }] })).toThrow(/No step 9/);
    // injections that cannot apply are refused, not silently left out (issue 11)
    expect(() => handlers['ddd/simulate']({ saga: 'OrderSaga', choreography: { failReactions: [0] } })).toThrow(/OrderSaga is orchestrated: .* reaction faults/);
    expect(() => handlers['ddd/simulate']({ saga: 'PlaceOrderChoreography', choreography: { failReactions: [99] } })).toThrow(/there is no reaction 100/);
    expect(() => handlers['ddd/simulate']({ saga: 'PlaceOrderChoreography', faults: [{ target: 'step', step: 0 }] })).toThrow(/is choreographed/);
  });

  test("the panel's session: step, fail the next command, crash here, step back, replay", () => {
    let session: SimulatorSession = emptySimulatorSession;
    let last: OrchestratedRun | undefined;
    const act = (action: Parameters<typeof applySimulatorAction>[1]) => {
      const update = applySimulatorAction(session, action, last);
      session = update.session;
      if (update.request) last = send(update.request);
      return last!;
    };
    const send = (request: DddRequest): OrchestratedRun => {
      expect(request.method).toBe('ddd/simulate');
      return run(request.params as Parameters<(typeof handlers)['ddd/simulate']>[0]).run;
    };
    expect(act({ action: 'select', target: { kind: 'saga', name: 'OrderSaga' } }).state).toBe('STARTED');
    act({ action: 'step' });
    expect(act({ action: 'step' }).state).toBe('INV_RESERVED');
    // ProcessPayment fails: played at once
    const failed = act({ action: 'failNext' });
    expect(failed.step).toBe(3);
    expect(failed.state).toBe('PAYMENT_FAILED');
    expect(session.faults).toEqual([{ target: 'step', step: 2 }]);
    const crashed = act({ action: 'crashHere' });
    expect(crashed.crashed).toBe(true);
    expect(crashed.next).toEqual({ kind: 'resume' });
    const resumed = act({ action: 'step' });
    expect(resumed.crashed).toBe(false);
    expect(resumed.timeline[resumed.timeline.length - 1]!.kind).toBe('resume');
    expect(resumed.state).toBe('PAYMENT_FAILED');
    const end = act({ action: 'run' });
    expect(end.final).toMatchObject({ end: 'failed', state: 'FAILED', ok: true });
    expect(end.done).toBe(true);
    expect(act({ action: 'back' }).done).toBe(false);
    const again = act({ action: 'reset', clear: true });
    expect(again).toMatchObject({ step: 0, faults: [], crashes: [] });
  });
});

describe('ddd/simulate: a choreographed saga', () => {
  test('Billing fails: the failure event is handled by compensating reactions', () => {
    const info = handlers['ddd/simulate']({ saga: 'PlaceOrderChoreography', steps: 0 }).run;
    expect(info.style).toBe('choreographed');
    if (info.style !== 'choreographed') return;
    expect(info.pending.length).toBeGreaterThan(0);
    const billing = info.saga.reactions.find((reaction) => reaction.participant === 'Billing')!;
    const result = handlers['ddd/simulate']({ saga: 'PlaceOrderChoreography', choreography: { failReactions: [billing.index] } });
    if (result.run.style !== 'choreographed') throw new Error('choreographed');
    expect(result.run.final.end).toBe('compensated');
    expect(result.run.final.events).toContain('PaymentFailed');
    expect(result.run.done).toBe(true);
    expect(result.diagram.kind === 'mermaid' && result.diagram.diagram).toBe('saga-flow');
  });
});

describe('ddd/explore and ddd/bulk', () => {
  test('every outcome of the exhaustive exploration replays in the simulator', async () => {
    const result = await handlers['ddd/explore']({ saga: 'OrderSaga' });
    if (result.style !== 'orchestrated') throw new Error('orchestrated');
    expect(result.runs).toBeGreaterThan(5);
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual(expect.arrayContaining(['COMPLETED', 'FAILED']));
    for (const outcome of result.outcomes) {
      const replayed = handlers['ddd/simulate']({ saga: 'OrderSaga', faults: outcome.faults, crashes: outcome.crashes }).run as OrchestratedRun;
      expect(replayed.final.state, outcome.key).toBe(outcome.state);
      expect(replayed.final.compensations, outcome.key).toEqual(outcome.compensations);
    }
  });

  test('a choreography is explored too', async () => {
    const result = await handlers['ddd/explore']({ saga: 'OrderFulfilment' });
    expect(result.style).toBe('choreographed');
    expect(result.outcomes.length).toBeGreaterThan(1);
  });

  test('bulk runs: seeded counts, and each outcome replays from its faults', async () => {
    const result = await handlers['ddd/bulk']({ saga: 'OrderSaga', runs: 5000, seed: 7, failureRates: 0.2 });
    expect(result.runs).toBe(5000);
    expect(result.outcomes.reduce((sum, outcome) => sum + outcome.count, 0)).toBe(5000);
    expect(result.failureRates).toMatchObject({ ProcessPayment: 0.2 });
    expect((await handlers['ddd/bulk']({ saga: 'OrderSaga', runs: 5000, seed: 7, failureRates: 0.2 })).outcomes.map((o) => o.count)).toEqual(result.outcomes.map((o) => o.count));
    for (const outcome of result.outcomes) {
      const replayed = handlers['ddd/simulate']({ saga: 'OrderSaga', faults: outcome.faults }).run as OrchestratedRun;
      expect(replayed.final.state, outcome.key).toBe(outcome.state);
      expect(replayed.final.compensations, outcome.key).toEqual(outcome.compensations);
    }
    await expect(handlers['ddd/bulk']({ saga: 'PlaceOrderChoreography', runs: 10 })).rejects.toThrow(/choreographed/);
  });

  test('a large bulk request runs a slice at a time: the same counts as in one go, other work goes on between slices, and it can be cancelled', async () => {
    const runs = 350_000;
    const whole = bulkSimulate(compileSaga(model.sagas.find((saga) => saga.name === 'OrderSaga')!), { runs, seed: 3, failureRates: [0.1, 0.1, 0.1, 0.1] });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const sliced = await handlers['ddd/bulk']({ saga: 'OrderSaga', runs, seed: 3, failureRates: 0.1 });
    clearInterval(ticker);
    expect(sliced.outcomes.map((outcome) => [outcome.key, outcome.count])).toEqual(whole.outcomes.map((outcome) => [outcome.key, outcome.count]));
    expect(ticks).toBeGreaterThan(0);
    let asked = 0;
    const token = { get isCancellationRequested() { return ++asked > 1; }, onCancellationRequested: () => ({ dispose() {} }) };
    await expect(handlers['ddd/bulk']({ saga: 'OrderSaga', runs, seed: 3 }, token)).rejects.toThrow(/cancelled after 200000 of 350000 runs/);
  });
});

test('ddd/replay: an event stream replayed on its aggregate', () => {
  const { replays } = handlers['ddd/replay']({ stream: 'Banking.Account123' });
  expect(replays).toHaveLength(1);
  expect(replays[0]!.steps.length).toBeGreaterThan(2);
  expect(replays[0]!.derivations.length).toBeGreaterThan(0);
  expect(() => handlers['ddd/replay']({ stream: 'Nope' })).toThrow(/no event stream named Nope/);
});

describe('over JSON-RPC (the in-process server)', () => {
  let session: Session;
  beforeAll(async () => {
    const root = tempWorkspace(new URL('../../examples/order-saga', import.meta.url).pathname);
    session = await startSession(root);
    const server = session.server;
    registerCustomRequests(server.connection, { model: () => server.model(), diagnostics: () => [...server.workspace.diagnostics().values()].flat() });
    await waitForAll(session, [session.uri('sagas/order-saga.ddd')]);
  });
  afterAll(async () => {
    await session?.dispose();
  });

  test('the views of the workspace and a diagram, with LSP ranges', async () => {
    const views = (await session.client.sendRequest('ddd/views', { uri: session.uri('sagas/order-saga.ddd') })) as { preferred: string };
    expect(views.preferred).toBe('saga:OrderSaga:states');
    const atCursor = (await session.client.sendRequest('ddd/views', { uri: session.uri('sagas/order-saga.ddd'), position: { line: 5, character: 4 } })) as { atCursor?: string };
    expect(atCursor.atCursor).toBe('saga:OrderSaga:states');
    const diagram = (await session.client.sendRequest('ddd/diagram', { view: 'saga', name: 'OrderSaga' })) as DiagramResult;
    expect(diagram.kind).toBe('mermaid');
    const started = diagram.nodes.find((node) => node.label === 'STARTED')!;
    expect(started.uri).toBe(session.uri('sagas/order-saga.ddd'));
    expect(started.range!.start.line).toBe(3);
  });

  test('parameters are checked: a bad request is refused with InvalidParams', async () => {
    await expect(session.client.sendRequest('ddd/diagram', { view: 'nope' })).rejects.toMatchObject({ code: -32602 });
    await expect(session.client.sendRequest('ddd/views', { position: { line: 1, character: 0 } })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/needs the uri/) });
    await expect(session.client.sendRequest('ddd/simulate', { saga: 'OrderSaga', steps: -1 })).rejects.toMatchObject({ code: -32602 });
    await expect(session.client.sendRequest('ddd/bulk', { saga: 'OrderSaga', runs: 10, evil: true })).rejects.toMatchObject({ message: expect.stringMatching(/unexpected property/) });
    await expect(session.client.sendRequest('ddd/simulate', { saga: 'Nope' })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/no saga named Nope/) });
  });

  test('a large bulk request does not hold the server up: a request sent after it is answered first', async () => {
    const answered: string[] = [];
    const bulk = session.client.sendRequest('ddd/bulk', { saga: 'OrderSaga', runs: 400_000, seed: 5, failureRates: 0.1 }).then((result) => {
      answered.push('bulk');
      return result as { runs: number };
    });
    const views = session.client.sendRequest('ddd/views', {}).then(() => answered.push('views'));
    await Promise.all([bulk, views]);
    expect(answered).toEqual(['views', 'bulk']);
    expect((await bulk).runs).toBe(400_000);
  });

  test('a simulation run is plain JSON', async () => {
    const result = (await session.client.sendRequest('ddd/simulate', { saga: 'OrderSaga', faults: [{ target: 'step', step: 1 }] })) as SimulateResult;
    expect(result.run).toMatchObject({ style: 'orchestrated', done: true, final: { end: 'failed', compensations: ['CancelOrder'] } });
  });
});
