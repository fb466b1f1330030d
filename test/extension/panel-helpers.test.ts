/**
 * The extension's pure helpers for the panels and code lenses, on the views the
 * real server answers for examples/order-saga.
 */
import { describe, expect, test, vi } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import {
  Debouncer,
  exportFileName,
  isDddPath,
  lensTargets,
  parseSimulateArguments,
  pngBytes,
  resolveTarget,
  sameUri,
  targetChoices,
} from '../../src/extension/panels/helpers';
import { readWorkspace } from '../helpers';

const example = checkWorkspace(readWorkspace('examples/order-saga'));
const views = customRequestHandlers({ model: () => example.model })['ddd/views']({});
const sagaFile = views.sagas.find((saga) => saga.name === 'OrderSaga')!.location!.uri;

describe('the simulate command’s arguments', () => {
  const uri = { scheme: 'file', toString: () => 'file:///w/sagas/order-saga.ddd' };
  test('none, a uri, a uri and a name (the code lens), a name, an object', () => {
    expect(parseSimulateArguments([])).toEqual({});
    expect(parseSimulateArguments([uri])).toEqual({ uri: 'file:///w/sagas/order-saga.ddd' });
    expect(parseSimulateArguments([uri, 'OrderSaga', 'saga'])).toEqual({ uri: 'file:///w/sagas/order-saga.ddd', name: 'OrderSaga', kind: 'saga' });
    expect(parseSimulateArguments(['OrderSaga'])).toEqual({ name: 'OrderSaga' });
    expect(parseSimulateArguments(['file:///w/a.ddd', 'Banking.Account123'])).toEqual({ uri: 'file:///w/a.ddd', name: 'Banking.Account123' });
    expect(parseSimulateArguments([{ stream: 'Account123', uri: 'file:///w/a.ddd' }])).toEqual({ uri: 'file:///w/a.ddd', name: 'Account123', kind: 'stream' });
    expect(parseSimulateArguments([{ saga: 'OrderSaga' }])).toEqual({ name: 'OrderSaga', kind: 'saga' });
  });
  test('junk is ignored', () => {
    expect(parseSimulateArguments([42, null])).toEqual({});
    expect(parseSimulateArguments([{ saga: 7, kind: 'x' }])).toEqual({});
    expect(parseSimulateArguments([uri, 'OrderSaga', 'nonsense'])).toEqual({ uri: 'file:///w/sagas/order-saga.ddd', name: 'OrderSaga' });
  });
});

describe('targets', () => {
  test('a saga, a stream by its full or (unambiguous) short name, nothing else', () => {
    expect(resolveTarget(views, 'OrderSaga')).toEqual({ kind: 'saga', name: 'OrderSaga' });
    expect(resolveTarget(views, 'OrderSaga', 'stream')).toBeUndefined();
    const stream = views.streams[0]!.name;
    expect(resolveTarget(views, stream)).toEqual({ kind: 'stream', name: stream });
    expect(resolveTarget(views, stream.split('.').pop()!)).toEqual({ kind: 'stream', name: stream });
    expect(resolveTarget(views, 'Nope')).toBeUndefined();
  });
  test('the quick pick lists what the document declares first', () => {
    const all = targetChoices(views);
    expect(all.map((choice) => choice.target.kind)).toEqual([...views.sagas.map(() => 'saga'), ...views.streams.map(() => 'stream')]);
    const streamFile = views.streams[0]!.location!.uri;
    const here = targetChoices(views, streamFile);
    expect(here[0]).toMatchObject({ target: { kind: 'stream' }, here: true });
    expect(here).toHaveLength(all.length);
    expect(all.find((choice) => choice.label === 'OrderSaga')!.description).toMatch(/orchestrated, 4 steps/);
  });
});

describe('code lenses', () => {
  test('one per saga and stream of the document, on the line of its name', () => {
    const lenses = lensTargets(views, sagaFile);
    expect(lenses.map((lens) => lens.target)).toEqual([{ kind: 'saga', name: 'OrderSaga' }]);
    const text = readWorkspace('examples/order-saga').find((file) => file.uri.endsWith('sagas/order-saga.ddd'))!.text;
    expect(text.split('\n')[lenses[0]!.range.start.line]).toMatch(/^saga OrderSaga /);
    expect(lensTargets(views, 'file:///elsewhere.ddd')).toEqual([]);
    const streamFile = views.streams[0]!.location!.uri;
    expect(lensTargets(views, streamFile).some((lens) => lens.target.kind === 'stream')).toBe(true);
  });
  test('URIs spelled differently name the same file', () => {
    expect(sameUri('file:///c%3A/w/a.ddd', 'file:///C:/w/a.ddd')).toBe(true);
    expect(sameUri('file:///w/a%20b.ddd', 'file:///w/a b.ddd')).toBe(true);
    expect(sameUri('file:///w/a.ddd', 'file:///w/b.ddd')).toBe(false);
    expect(isDddPath('/w/x.DDD')).toBe(true);
    expect(isDddPath('/w/x.ddd.md')).toBe(false);
  });
});

describe('exports', () => {
  test('file names get the format’s extension', () => {
    expect(exportFileName('svg', 'Context-map.svg')).toBe('Context-map.svg');
    expect(exportFileName('markdown', 'Context-map.md')).toBe('Context-map.md');
    expect(exportFileName('png', undefined, 'OrderSaga')).toBe('OrderSaga.png');
    expect(exportFileName('png', 'x.svg')).toBe('x.png');
  });
  test('a PNG data URL becomes its bytes; anything else is refused', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(Buffer.from(pngBytes(`data:image/png;base64,${png.toString('base64')}`))).toEqual(png);
    expect(() => pngBytes(`data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`)).toThrow(/not a PNG/);
    expect(() => pngBytes('data:text/html;base64,AAAA')).toThrow();
  });
});

test('the debouncer runs once after the last call', () => {
  vi.useFakeTimers();
  try {
    const run = vi.fn();
    const debouncer = new Debouncer(100, run);
    debouncer.schedule();
    vi.advanceTimersByTime(60);
    debouncer.schedule();
    expect(debouncer.pending).toBe(true);
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    debouncer.schedule();
    debouncer.cancel();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
  } finally {
    vi.useRealTimers();
  }
});
