/**
 * The webview's messages are untrusted: the validator accepts exactly the shapes
 * of src/protocol/messages.ts and refuses everything else.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkWebviewMessage, parseWebviewMessage, type WebviewMessage } from '../../src/protocol/index';

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } };
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g class="node"><text>Sales &lt;script&gt; onerror=alert(1)</text></g></svg>';
const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const valid: WebviewMessage[] = [
  { type: 'ready', mode: 'preview', theme: 'dark' },
  { type: 'ready', mode: 'simulator', theme: 'high-contrast-light', target: { kind: 'saga', name: 'OrderSaga' } },
  { type: 'ready', mode: 'preview', theme: 'light', view: { type: 'selectView', view: 'saga', name: 'OrderSaga', variant: 'sequence' } },
  { type: 'ready', mode: 'preview', theme: 'dark', pinned: true },
  { type: 'theme', theme: 'high-contrast' },
  { type: 'pin', pinned: true },
  { type: 'pin', pinned: false },
  { type: 'selectView', view: 'context-map' },
  { type: 'selectView', view: 'context-map', options: { focus: 'Sales', layout: 'svg', theme: 'dark' } },
  { type: 'selectView', view: 'aggregates', name: 'Sales', options: { aggregate: 'Order' } },
  { type: 'selectView', view: 'storming', name: '"]; click A call alert(1)' },
  { type: 'revealSource', uri: 'file:///work/examples/order-saga/sales.ddd', range },
  { type: 'revealSource', uri: 'vscode-remote://ssh-remote%2Bbox/home/me/model.ddd', range },
  { type: 'revealSource', uri: 'untitled:Untitled-1', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
  { type: 'export', format: 'svg', content: svg, fileName: 'OrderSaga-state-machine.svg' },
  { type: 'export', format: 'svg', content: `<?xml version="1.0"?>\n${svg}` },
  { type: 'export', format: 'png', content: png, fileName: 'Context map.png' },
  { type: 'export', format: 'markdown' },
  { type: 'exportModel', format: 'asyncapi' },
  { type: 'exportModel', format: 'eventcatalog' },
  { type: 'simulate', request: { action: 'select', target: { kind: 'stream', name: 'Banking.Account123' } } },
  { type: 'simulate', request: { action: 'step' } },
  { type: 'simulate', request: { action: 'back' } },
  { type: 'simulate', request: { action: 'run' } },
  { type: 'simulate', request: { action: 'stepTo', step: 4 } },
  { type: 'simulate', request: { action: 'reset' } },
  { type: 'simulate', request: { action: 'reset', clear: true } },
  { type: 'simulate', request: { action: 'failStep', target: 'step', step: 2 } },
  { type: 'simulate', request: { action: 'failStep', target: 'compensation', step: 1, attempts: 'always' } },
  { type: 'simulate', request: { action: 'failStep', target: 'step', step: 3, attempts: 2 } },
  { type: 'simulate', request: { action: 'crashAfter', target: 'step', step: 1, when: 'after-journal' } },
  { type: 'simulate', request: { action: 'crashAfter', target: 'start', when: 'after-journal' } },
  { type: 'simulate', request: { action: 'failNext' } },
  { type: 'simulate', request: { action: 'crashHere' } },
  { type: 'simulate', request: { action: 'scenario', faults: [{ target: 'step', step: 2, attempts: 3 }], crashes: [{ target: 'end', when: 'before-journal' }] } },
  { type: 'simulate', request: { action: 'scenario', faults: [], crashes: [], injections: { failReactions: [2], reorder: true, seed: 3 } } },
  { type: 'simulate', request: { action: 'failReaction', reaction: 2 } },
  { type: 'simulate', request: { action: 'duplicate', event: 'PaymentFailed' } },
  { type: 'simulate', request: { action: 'delay', event: 'OrderCreated' } },
  { type: 'simulate', request: { action: 'reorder', enabled: true, seed: 7 } },
  { type: 'simulate', request: { action: 'explore' } },
  { type: 'simulate', request: { action: 'bulk', runs: 10_000, seed: 0, failureRate: 0.25 } },
];

describe('accepted', () => {
  test.each(valid.map((message) => [`${message.type} ${JSON.stringify(message).slice(0, 90)}`, message] as const))('%s', (_, message) => {
    expect(parseWebviewMessage(structuredClone(message))).toEqual(message);
  });
});

/** A valid message with one change: refused, with a reason. */
function refused(message: unknown): string {
  const result = checkWebviewMessage(message);
  expect(result.ok, JSON.stringify(message)?.slice(0, 200)).toBe(false);
  return result.ok ? '' : result.reason;
}

describe('refused', () => {
  test('anything that is not a message object', () => {
    for (const value of [undefined, null, 0, 'ready', true, [], [{ type: 'ready' }], new Date(), new Map(), () => 1]) refused(value);
    expect(refused({})).toMatch(/type: unknown/);
    expect(refused({ type: 'constructor' })).toMatch(/unknown/);
    expect(refused({ type: 'toString' })).toMatch(/unknown/);
    expect(refused({ type: 'render', views: [] })).toMatch(/unknown/);
  });

  test('a pin that is not a boolean', () => {
    expect(refused({ type: 'pin', pinned: 'yes' })).toMatch(/pinned/);
    refused({ type: 'pin' });
    refused({ type: 'ready', mode: 'preview', theme: 'dark', pinned: 1 });
  });

  test('an instance of a class is not plain data', () => {
    class Fake {
      type = 'theme';
      theme = 'dark';
    }
    refused(new Fake());
  });

  test('extra properties, wherever they are', () => {
    expect(refused({ type: 'theme', theme: 'dark', extra: 1 })).toMatch(/unexpected property "extra"/);
    refused({ type: 'selectView', view: 'saga', options: { focus: 'A', script: 'x' } });
    refused({ type: 'revealSource', uri: 'file:///a.ddd', range: { ...range, start: { line: 1, character: 1, x: 1 } } });
    refused({ type: 'simulate', request: { action: 'step', steps: 5 } });
    refused(JSON.parse('{"type":"theme","theme":"dark","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('values of the wrong type or outside their enum', () => {
    refused({ type: 'theme', theme: 'solarized' });
    refused({ type: 'theme', theme: 1 });
    refused({ type: 'ready', mode: 'editor', theme: 'dark' });
    refused({ type: 'selectView', view: 'timeline' });
    refused({ type: 'selectView', view: 'saga', variant: 'gantt' });
    refused({ type: 'selectView', view: 'context-map', options: { layout: 'elk' } });
    refused({ type: 'export', format: 'pdf', content: 'x' });
    refused({ type: 'exportModel', format: '../asyncapi' });
    refused({ type: 'exportModel', format: 'AsyncAPI 3.0' });
    refused({ type: 'exportModel', format: 'asyncapi', folder: '/tmp' });
    refused({ type: 'simulate', request: { action: 'fly' } });
    refused({ type: 'simulate', request: { action: 'failStep', target: 'saga', step: 1 } });
    refused({ type: 'simulate', request: { action: 'crashAfter', target: 'step', step: 1, when: 'later' } });
    refused({ type: 'simulate', request: { action: 'reorder', enabled: 'yes' } });
    refused({ type: 'simulate', request: { action: 'select', target: { kind: 'board', name: 'X' } } });
  });

  test('names: not empty, not too long, no control characters or line breaks', () => {
    refused({ type: 'selectView', view: 'saga', name: '' });
    expect(refused({ type: 'selectView', view: 'saga', name: 'x'.repeat(201) })).toMatch(/longer than 200/);
    refused({ type: 'selectView', view: 'saga', name: 'Order\nSaga' });
    refused({ type: 'selectView', view: 'saga', name: 'Order\u0000Saga' });
    refused({ type: 'simulate', request: { action: 'duplicate', event: 'x'.repeat(1000) } });
  });

  test('numbers: whole where whole, within range, finite', () => {
    for (const step of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9, '2']) refused({ type: 'simulate', request: { action: 'stepTo', step } });
    refused({ type: 'simulate', request: { action: 'failStep', target: 'step', step: 500 } });
    refused({ type: 'simulate', request: { action: 'failStep', target: 'step', step: 1, attempts: 0 } });
    refused({ type: 'simulate', request: { action: 'failStep', target: 'step', step: 1, attempts: 'never' } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 0, seed: 1, failureRate: 0.1 } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 2_000_000, seed: 1, failureRate: 0.1 } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 10, seed: -1, failureRate: 0.1 } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 10, seed: 2 ** 32, failureRate: 0.1 } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 10, seed: 1, failureRate: 1.5 } });
    refused({ type: 'simulate', request: { action: 'bulk', runs: 10, seed: 1, failureRate: Number.NaN } });
    refused({ type: 'revealSource', uri: 'file:///a.ddd', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } });
  });

  test('a crash at a step names the step', () => {
    expect(refused({ type: 'simulate', request: { action: 'crashAfter', target: 'step', when: 'after-journal' } })).toMatch(/step: required/);
    refused({ type: 'simulate', request: { action: 'scenario', faults: [], crashes: [{ target: 'compensation', when: 'after-journal' }] } });
    refused({ type: 'simulate', request: { action: 'scenario', faults: new Array(501).fill({ target: 'step', step: 0 }), crashes: [] } });
  });

  test('revealSource: only documents of a workspace, and a range that makes sense', () => {
    for (const uri of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'https://example.com/a.ddd', 'data:text/html,<script>', 'vscode:extension/evil', '', 'file:///a b.ddd', '/etc/passwd', `file:///${'a'.repeat(3000)}`]) {
      refused({ type: 'revealSource', uri, range });
    }
    expect(refused({ type: 'revealSource', uri: 'file:///a.ddd', range: { start: { line: 4, character: 0 }, end: { line: 3, character: 0 } } })).toMatch(/ends before it starts/);
    refused({ type: 'revealSource', uri: 'file:///a.ddd' });
  });

  test('exports: an SVG without scripts, a PNG data URL, Markdown without content, a plain file name', () => {
    expect(refused({ type: 'export', format: 'svg', content: '<html><script>alert(1)</script></html>' })).toMatch(/not an SVG document/);
    expect(refused({ type: 'export', format: 'svg', content: '<svg><script>alert(1)</script></svg>' })).toMatch(/script/);
    expect(refused({ type: 'export', format: 'svg', content: '<svg onload="alert(1)"></svg>' })).toMatch(/event handler/);
    refused({ type: 'export', format: 'svg', content: '<svg><image href="x" onerror="alert(1)"/></svg>' });
    expect(refused({ type: 'export', format: 'svg', content: '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>' })).toMatch(/script link/);
    refused({ type: 'export', format: 'svg' });
    refused({ type: 'export', format: 'png', content: 'data:image/svg+xml;base64,PHN2Zz4=' });
    refused({ type: 'export', format: 'png', content: `${png}"><script>` });
    expect(refused({ type: 'export', format: 'markdown', content: '# x' })).toMatch(/not expected/);
    for (const fileName of ['../../.bashrc', '/etc/passwd', 'a/b.svg', 'a\\b.svg', '.hidden', 'x'.repeat(101), 'a\nb.svg']) refused({ type: 'export', format: 'markdown', fileName });
  });
});

describe('properties', () => {
  test('any JSON value: never throws; refused, or returned exactly as it came', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseWebviewMessage(value);
        if (parsed !== undefined) expect(parsed).toEqual(value);
      }),
      { numRuns: 2000 },
    );
  });

  test('a valid message with one property changed to something random is refused or still well-formed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.string(), fc.jsonValue(), (message, key, value) => {
        const changed = { ...structuredClone(message), [key]: value } as Record<string, unknown>;
        const parsed = parseWebviewMessage(changed);
        if (parsed !== undefined) {
          expect(parsed).toEqual(changed);
          // what is accepted is still one of the message types
          expect(['ready', 'theme', 'selectView', 'revealSource', 'export', 'simulate']).toContain(parsed.type);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
