/**
 * The language server, in-process, over real JSON-RPC: a temporary copy of
 * examples/order-saga is the workspace.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type RenameParams,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../src/language/syntax/line-index';
import { checkWorkspace } from '../../src/language/index';
import { startSession, tempWorkspace, waitForAll, type Session } from './lsp-harness';

const exampleRoot = new URL('../../examples/order-saga', import.meta.url).pathname;

function dddFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ddd')) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

let session: Session;
const texts = new Map<string, string>();

function text(relativePath: string): string {
  return texts.get(relativePath) ?? readFileSync(join(session.root, relativePath), 'utf8');
}

/** The position of the `n`th occurrence of `needle` in a file, plus `delta` characters. */
function positionOf(relativePath: string, needle: string, delta = 0, n = 0): Position {
  const source = text(relativePath);
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found in ${relativePath}`);
  }
  return new LineIndex(source).positionAt(at + delta);
}

function at(relativePath: string, needle: string, delta = 0, n = 0) {
  return { textDocument: { uri: session.uri(relativePath) }, position: positionOf(relativePath, needle, delta, n) };
}

function applyTextEdits(source: string, edits: TextEdit[]): string {
  const lines = new LineIndex(source);
  const sorted = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function relativeUri(uri: string): string {
  return relative(session.root, new URL(uri).pathname);
}

function errorsOf(diagnostics: Diagnostic[] | undefined): Diagnostic[] {
  return (diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 1);
}

beforeAll(async () => {
  const root = tempWorkspace(exampleRoot);
  session = await startSession(root);
  await waitForAll(session, dddFiles(root).map((path) => session.uri(relative(root, path))));
});

afterAll(async () => {
  expect(session.logs.filter((log) => /failed/.test(log))).toEqual([]);
  await session.dispose();
});

describe('start-up', () => {
  test('announces every feature', () => {
    const capabilities = session.initializeResult.capabilities;
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain('namespace');
    expect(capabilities.documentFormattingProvider).toBe(true);
    expect(capabilities.codeActionProvider).toBeTruthy();
  });

  test('publishes diagnostics for every file of the workspace, opened or not', () => {
    const files = dddFiles(session.root);
    expect(files.length).toBe(13);
    for (const path of files) expect(session.diagnostics.get(session.uri(relative(session.root, path)))).toBeDefined();
    // the example is a valid model: no errors or warnings anywhere
    for (const params of session.diagnostics.values()) expect(params.diagnostics.filter((d) => d.severity! <= 2)).toEqual([]);
  });

  test('watches .ddd files when the client can register watchers', async () => {
    for (let i = 0; i < 1_500 && session.registrations.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10)); // a wait, not a time limit
    expect(session.registrations).toEqual(['workspace/didChangeWatchedFiles']);
  });

  test('diagnostic codes link to the rules documentation', () => {
    const withCode = [...session.diagnostics.values()].flatMap((params) => params.diagnostics).find((diagnostic) => diagnostic.code);
    expect(withCode?.codeDescription?.href).toMatch(/docs\/rules\.md#[a-z-]+$/);
    expect(withCode?.source).toBe('ddd');
  });
});

describe('hover', () => {
  test('a glossary term means what the glossary of its context says', async () => {
    const sales = (await session.client.sendRequest(HoverRequest.type, at('contexts/sales.ddd', 'Customer:'))) as Hover;
    const support = (await session.client.sendRequest(HoverRequest.type, at('contexts/support.ddd', 'Customer:'))) as Hover;
    const salesText = (sales.contents as { value: string }).value;
    const supportText = (support.contents as { value: string }).value;
    expect(salesText).toContain('Someone who buys');
    expect(salesText).not.toContain('account holder');
    expect(supportText).toContain('An account holder with ticket history');
    expect(supportText).not.toContain('Someone who buys');
  });

  test('the same identity type reads in the language of the context it is used in', async () => {
    const inSales = (await session.client.sendRequest(HoverRequest.type, at('contexts/sales.ddd', 'CustomerId', 2))) as Hover;
    const inSupport = (await session.client.sendRequest(HoverRequest.type, at('contexts/support.ddd', 'CustomerId', 2))) as Hover;
    expect((inSales.contents as { value: string }).value).toContain('Someone who buys');
    expect((inSupport.contents as { value: string }).value).toContain('account holder');
  });

  test('a context-map role says what the pattern means', async () => {
    const hover = (await session.client.sendRequest(HoverRequest.type, at('context-map.ddd', 'ACL', 1))) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('anti-corruption layer');
    expect(value).toContain('downstream');
    expect(hover.range).toEqual({ start: positionOf('context-map.ddd', 'ACL'), end: positionOf('context-map.ddd', 'ACL', 3) });
  });

  test('an element shows its kind, qualified name, declaration and members', async () => {
    const hover = (await session.client.sendRequest(HoverRequest.type, at('sagas/order-saga.ddd', 'reply OrderCreated', 8))) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('domain event');
    expect(value).toContain('Sales.Order.OrderCreated');
    expect(value).toContain('sales.ddd');
    expect(value).toContain('order: OrderId');
  });

  test('nothing to say between names', async () => {
    expect(await session.client.sendRequest(HoverRequest.type, at('contexts/sales.ddd', '{', 0))).toBeNull();
  });
});

describe('completion', () => {
  const labels = async (file: string, needle: string, delta: number) =>
    ((await session.client.sendRequest(CompletionRequest.type, at(file, needle, delta))) as CompletionItem[]).map((item) => item.label);

  test('events after emits, the current context first', async () => {
    const list = await labels('contexts/sales.ddd', 'emits OrderPlaced', 6);
    expect(list.slice(0, 4)).toEqual(expect.arrayContaining(['OrderPlaced', 'OrderCreated', 'OrderConfirmed', 'OrderCancelled']));
    expect(list).toContain('PaymentProcessed');
    expect(list).not.toContain('PlaceOrder');
  });

  test('types in a field position: declared, built-in and identity types', async () => {
    const list = await labels('contexts/sales.ddd', 'status: OrderStatus', 8);
    expect(list).toEqual(expect.arrayContaining(['OrderStatus', 'Money', 'Int', 'String', 'List', 'OrderId']));
    expect(list).not.toContain('aggregate');
  });

  test('roles inside the brackets of a context map', async () => {
    const list = await labels('context-map.ddd', '[OHS', 1);
    expect(list).toEqual(expect.arrayContaining(['OHS', 'PL', 'ACL', 'CF', 'S', 'C', 'SK', 'P']));
  });

  test('contexts after -> and after on; commands after step', async () => {
    expect(await labels('context-map.ddd', '-> Support', 3)).toEqual(expect.arrayContaining(['Support', 'Billing', 'Sales']));
    expect(await labels('sagas/order-saga.ddd', 'on Sales', 3)).toEqual(expect.arrayContaining(['Sales', 'Inventory', 'Billing']));
    const commands = await labels('sagas/order-saga.ddd', 'step ReserveInventory', 5);
    expect(commands).toEqual(expect.arrayContaining(['ReserveInventory', 'CreateOrder', 'ProcessPayment']));
    expect(commands).not.toContain('OrderCreated');
  });

  test('member keywords at the start of a line in an aggregate', async () => {
    const list = await labels('contexts/sales.ddd', '    entity OrderItem', 4);
    expect(list).toEqual(expect.arrayContaining(['root', 'entity', 'value', 'enum', 'command', 'event', 'invariant']));
    expect(list).not.toContain('contextmap');
  });
});

describe('definition and references', () => {
  test('go to definition across files', async () => {
    const locations = (await session.client.sendRequest(DefinitionRequest.type, at('sagas/order-saga.ddd', 'reply OrderCreated', 8))) as Location[];
    expect(locations).toHaveLength(1);
    expect(relativeUri(locations[0]!.uri)).toBe('contexts/sales.ddd');
    expect(locations[0]!.range.start).toEqual(positionOf('contexts/sales.ddd', 'event OrderCreated', 6));
  });

  test('a context is defined by each of its blocks; a saga step names the participant', async () => {
    const locations = (await session.client.sendRequest(DefinitionRequest.type, at('sagas/order-saga.ddd', 'on Billing', 4))) as Location[];
    expect(locations.map((location) => relativeUri(location.uri))).toEqual(['contexts/billing.ddd']);
  });

  test('find references across files', async () => {
    const locations = (await session.client.sendRequest(ReferencesRequest.type, { ...at('contexts/sales.ddd', 'event OrderCreated', 8), context: { includeDeclaration: true } })) as Location[];
    const files = locations.map((location) => relativeUri(location.uri));
    expect(files.filter((file) => file === 'contexts/sales.ddd')).toHaveLength(2); // declaration and `emits`
    expect(files.filter((file) => file === 'sagas/choreography.ddd')).toHaveLength(2);
    expect(files.filter((file) => file === 'sagas/order-saga.ddd')).toHaveLength(1);
    const withoutDeclaration = (await session.client.sendRequest(ReferencesRequest.type, { ...at('contexts/sales.ddd', 'event OrderCreated', 8), context: { includeDeclaration: false } })) as Location[];
    expect(withoutDeclaration).toHaveLength(4);
  });

  test('the references of an identity type (CustomerId, never declared) are its uses, across files', async () => {
    const locations = (await session.client.sendRequest(ReferencesRequest.type, { ...at('contexts/support.ddd', 'CustomerId', 2), context: { includeDeclaration: true } })) as Location[];
    const files = locations.map((location) => relativeUri(location.uri));
    expect(files).toContain('contexts/sales.ddd');
    expect(files).toContain('contexts/support.ddd');
    const written = readdirSync(join(session.root, 'contexts')).map((file) => readFileSync(join(session.root, 'contexts', file), 'utf8').split('CustomerId').length - 1);
    expect(files.filter((file) => file.startsWith('contexts/'))).toHaveLength(written.reduce((a, b) => a + b, 0));
  });

  test('the references of a glossary term are the places its context speaks of it', async () => {
    const locations = (await session.client.sendRequest(ReferencesRequest.type, { ...at('contexts/sales.ddd', '"Order Item"', 2), context: { includeDeclaration: true } })) as Location[];
    const sales = readFileSync(join(session.root, 'contexts/sales.ddd'), 'utf8').split('\n');
    const written = locations.map((location) => `${relativeUri(location.uri)} ${sales[location.range.start.line]!.slice(location.range.start.character, location.range.end.character)}`);
    expect(written).toContain('contexts/sales.ddd "Order Item"');
    expect(written).toContain('contexts/sales.ddd OrderItem');
    expect(written.length).toBeGreaterThan(2);
  });
});

describe('rename', () => {
  test('renames an event at its declaration and in every saga', async () => {
    const prepared = await session.client.sendRequest(PrepareRenameRequest.type, at('contexts/sales.ddd', 'event OrderCreated', 8));
    expect(prepared).toMatchObject({ placeholder: 'OrderCreated' });
    const edit = (await session.client.sendRequest(RenameRequest.type, { ...at('contexts/sales.ddd', 'event OrderCreated', 8), newName: 'OrderOpened' })) as WorkspaceEdit;
    const changes = edit.changes!;
    expect(Object.keys(changes).map(relativeUri).sort()).toEqual(['contexts/sales.ddd', 'sagas/choreography.ddd', 'sagas/order-saga.ddd']);
    const sales = applyTextEdits(text('contexts/sales.ddd'), changes[session.uri('contexts/sales.ddd')]!);
    expect(sales).toContain('event OrderOpened { order: OrderId }');
    expect(sales).toContain('emits OrderOpened');
    expect(sales).not.toContain('OrderCreated');
    const saga = applyTextEdits(text('sagas/order-saga.ddd'), changes[session.uri('sagas/order-saga.ddd')]!);
    expect(saga).toContain('reply OrderOpened -> ORDER_CREATED');
  });

  test('refuses names that are not identifiers, keywords, and names taken in the scope', async () => {
    const rename = (newName: string) => session.client.sendRequest(RenameRequest.type, { ...at('contexts/sales.ddd', 'event OrderCreated', 8), newName });
    await expect(rename('1Order')).rejects.toThrow(/not a valid name/);
    await expect(rename('event')).rejects.toThrow(/keyword/);
    await expect(rename('OrderPlaced')).rejects.toThrow(/already declares/);
    await expect(session.client.sendRequest(PrepareRenameRequest.type, at('context-map.ddd', 'ACL'))).rejects.toThrow(/role/);
  });

  test('refuses a rename without a new name, with a message, and changes nothing', async () => {
    const where = at('contexts/sales.ddd', 'event OrderCreated', 8);
    for (const params of [where, { ...where, newName: null }, { ...where, newName: 42 }]) {
      await expect(session.client.sendRequest(RenameRequest.type, params as unknown as RenameParams)).rejects.toThrow(/needs the new name/);
    }
    // the server still renames afterwards
    const edit = (await session.client.sendRequest(RenameRequest.type, { ...where, newName: 'OrderOpened' })) as WorkspaceEdit;
    expect(Object.values(edit.changes!).flat().every((change) => change.newText === 'OrderOpened')).toBe(true);
  });
});

describe('symbols, folding, semantic tokens', () => {
  test('the outline nests contexts, aggregates and their members', async () => {
    const symbols = (await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: session.uri('contexts/sales.ddd') } })) as DocumentSymbol[];
    expect(symbols.map((symbol) => symbol.name)).toEqual(['Sales']);
    const order = symbols[0]!.children!.find((child) => child.name === 'Order' && child.children?.length)!;
    expect(order.children!.map((child) => child.name)).toEqual(expect.arrayContaining(['Order', 'OrderItem', 'Money', 'PlaceOrder', 'OrderCreated']));
    const saga = (await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: session.uri('sagas/order-saga.ddd') } })) as DocumentSymbol[];
    expect(saga[0]!.children!.map((child) => child.name)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ConfirmOrder']);
  });

  test('workspace symbols match fuzzily', async () => {
    const symbols = (await session.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'ordcrea' })) as SymbolInformation[];
    expect(symbols[0]).toMatchObject({ name: 'OrderCreated', containerName: 'Sales.Order' });
    const initials = (await session.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'RI' })) as SymbolInformation[];
    expect(initials.map((symbol) => symbol.name)).toContain('ReserveInventory');
  });

  test('folding ranges for every block', async () => {
    const ranges = (await session.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: session.uri('contexts/sales.ddd') } }))!;
    const contextLine = positionOf('contexts/sales.ddd', 'context Sales').line;
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: contextLine }));
    expect(ranges.length).toBeGreaterThanOrEqual(9);
  });

  test('semantic tokens classify names by what they denote', async () => {
    const legend = session.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = (await session.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: session.uri('context-map.ddd') } }))!;
    const decoded: { line: number; character: number; length: number; type: string; modifiers: string[] }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i]!;
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
      const bits = tokens.data[i + 4]!;
      decoded.push({ line, character, length: tokens.data[i + 2]!, type: legend.tokenTypes[tokens.data[i + 3]!]!, modifiers: legend.tokenModifiers.filter((_, bit) => bits & (1 << bit)) });
    }
    const find = (needle: string) => {
      const position = positionOf('context-map.ddd', needle);
      return decoded.find((token) => token.line === position.line && token.character === position.character);
    };
    expect(find('OHS')).toMatchObject({ type: 'decorator', modifiers: expect.arrayContaining(['role']) });
    expect(find('Sales')).toMatchObject({ type: 'namespace', modifiers: expect.arrayContaining(['context']) });
    expect(find('contextmap')).toMatchObject({ type: 'keyword' });
    expect(find('// How')).toMatchObject({ type: 'comment' });
  });

  test('every DDD modifier of the legend is declared in package.json, so themes and settings can style it', () => {
    const legend = session.initializeResult.capabilities.semanticTokensProvider!.legend;
    const standard = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { contributes: { semanticTokenModifiers: { id: string; description: string }[] } };
    const declared = manifest.contributes.semanticTokenModifiers;
    expect(declared.every((modifier) => modifier.description.length > 0)).toBe(true);
    expect(declared.map((modifier) => modifier.id).sort()).toEqual(legend.tokenModifiers.filter((modifier) => !standard.includes(modifier)).sort());
  });
});

describe('formatting', () => {
  test('formats a messy document, and formatting it again changes nothing', async () => {
    const uri = session.uri('scratch/messy.ddd');
    const messy = 'context   Scratch {\naggregate Box{\nroot entity Box {id:BoxId}\n   event BoxPacked{box:BoxId}\n}\n}';
    session.open(uri, messy);
    const edits = (await session.client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }))!;
    const formatted = applyTextEdits(messy, edits);
    expect(formatted).toBe('context Scratch {\n  aggregate Box {\n    root entity Box { id: BoxId }\n    event BoxPacked { box: BoxId }\n  }\n}\n');
    session.change(uri, formatted, 2);
    const again = (await session.client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }))!;
    expect(again).toEqual([]);
    session.close(uri);
  });

  test('the example files are already formatted', async () => {
    for (const path of dddFiles(session.root)) {
      const uri = session.uri(relative(session.root, path));
      expect(await session.client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    }
  });
});

describe('diagnostics across files', () => {
  test('an edit that breaks a name used in another file reports it there; fixing it clears it', async () => {
    const domainUri = session.uri('domain.ddd');
    const salesUri = session.uri('contexts/sales.ddd');
    const original = text('domain.ddd');
    session.open(domainUri, original, 1);
    const broken = session.nextDiagnostics(salesUri, (params) => errorsOf(params.diagnostics).length > 0);
    session.change(domainUri, original.replace('core subdomain Ordering', 'core subdomain Orders'), 2);
    const reported = await broken;
    expect(errorsOf(reported.diagnostics)).toEqual([expect.objectContaining({ code: 'unknown-reference', message: expect.stringContaining('Ordering') })]);
    expect(reported.version).toBeUndefined(); // sales.ddd is not open
    const fixed = session.nextDiagnostics(salesUri, (params) => errorsOf(params.diagnostics).length === 0);
    session.change(domainUri, original, 3);
    expect(errorsOf((await fixed).diagnostics)).toEqual([]);
    session.close(domainUri);
  });

  test('an edit re-parses the changed document only', async () => {
    const uri = session.uri('contexts/notification.ddd');
    const original = text('contexts/notification.ddd');
    const opened = session.nextDiagnostics(uri, (params) => params.version === 1);
    session.open(uri, original, 1);
    await opened;
    const before = session.server.workspace.parseCount;
    const changed = session.nextDiagnostics(uri, (params) => params.version === 2);
    session.change(uri, original.replace('service Mailer', 'service Mailer2'), 2);
    await changed;
    expect(session.server.workspace.parseCount - before).toBe(1);
    const closed = session.nextDiagnostics(uri, (params) => params.version === undefined);
    session.close(uri);
    await closed;
  });

  test('while typing, a burst of edits is checked on its latest text, at most once per configured gap', async () => {
    await session.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { ddd: { diagnosticsDelay: 300 } } });
    const uri = session.uri('contexts/shipping.ddd');
    const original = text('contexts/shipping.ddd');
    const count = () => session.publications.filter((params) => params.uri === uri && params.version !== undefined).length;
    const before = count();
    const last = session.nextDiagnostics(uri, (params) => params.version === 6);
    session.open(uri, original, 1);
    for (let version = 2; version <= 6; version++) {
      session.change(uri, original.replace('ShipOrder', 'ShipOrder' + 'x'.repeat(version)), version);
    }
    const published = await last;
    expect(published.version).toBe(6);
    // the open may get its own run; the five edits sent together are folded into one more
    expect(count() - before).toBeLessThanOrEqual(2);
    await session.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { ddd: { diagnosticsDelay: 10 } } });
    const closed = session.nextDiagnostics(uri, (params) => params.version === undefined);
    session.close(uri);
    await closed;
  });

  test('diagnostics of an open document carry its version', async () => {
    const uri = session.uri('contexts/shipping.ddd');
    const original = text('contexts/shipping.ddd');
    const published = session.nextDiagnostics(uri, (params) => params.version === 7);
    session.open(uri, original.replace('command ShipOrder', 'command OrderShipped'), 7);
    const params = await published;
    expect(params.diagnostics).toContainEqual(expect.objectContaining({ code: 'command-imperative' }));
    const cleared = session.nextDiagnostics(uri, (p) => p.version === undefined);
    session.close(uri);
    expect((await cleared).diagnostics.filter((d) => d.code === 'command-imperative')).toEqual([]);
  });

  test('files created, changed and deleted on disk are followed', async () => {
    const path = join(session.root, 'contexts', 'reporting.ddd');
    const uri = session.uri('contexts/reporting.ddd');
    writeFileSync(path, 'context Reporting {\n  readmodel Sales from OrderPlaced, NoSuchEvent\n}\n');
    const created = session.nextDiagnostics(uri);
    await session.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
    expect((await created).diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-reference' }));
    writeFileSync(path, 'context Reporting {\n  readmodel Sales from OrderPlaced\n}\n');
    const changed = session.nextDiagnostics(uri);
    await session.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    expect(errorsOf((await changed).diagnostics)).toEqual([]);
    rmSync(path);
    const deleted = session.nextDiagnostics(uri);
    await session.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
    expect((await deleted).diagnostics).toEqual([]);
    const symbols = (await session.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'Reporting' })) as SymbolInformation[];
    expect(symbols.filter((symbol) => symbol.name === 'Reporting')).toEqual([]);
  });
});

describe('code actions', () => {
  const warehouse = [
    'context Warehouse {',
    '  aggregate Parcel {',
    '    root entity Parcel { id: ParcelId  owner: Order }',
    '    event ShipParcel',
    '    command ParcelShipped',
    '    event LoadTruck',
    '  }',
    '  aggregate Crate {',
    '    entity Crate { id: CrateId }',
    '  }',
    '}',
    'saga Dispatch orchestrated by Warehouse {',
    '  step ParcelShipped on Warehouse reply ShipParcel',
    '  step LoadParcel on Warehouse reply LoadTruck',
    '  step ReserveInventory on Inventory reply InventoryReserved compensate ReleaseInventory',
    '  step PickParcel on Warehouse reply ParcelPicked',
    '}',
    '',
  ].join('\n');

  async function actionsAt(uri: string, diagnostics: Diagnostic[], range = diagnostics[0]!.range) {
    return (await session.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) as CodeAction[];
  }

  test('quick fixes for the findings of a model that goes against DDD practice', async () => {
    const uri = session.uri('scratch/warehouse.ddd');
    texts.set('scratch/warehouse.ddd', warehouse);
    const published = session.nextDiagnostics(uri, (params) => params.version === 1);
    session.open(uri, warehouse, 1);
    const { diagnostics } = await published;
    const byCode = (code: string) => diagnostics.find((diagnostic) => diagnostic.code === code)!;

    // an event named like a command: renamed at its declaration and where the saga uses it
    const loadTruck = diagnostics.find((diagnostic) => diagnostic.code === 'event-past-tense' && String(diagnostic.message).includes('LoadTruck'))!;
    const event = await actionsAt(uri, [loadTruck]);
    expect(event[0]).toMatchObject({ title: 'Rename LoadTruck to TruckLoaded (2 places)', kind: 'quickfix', isPreferred: true });
    const renamed = applyTextEdits(warehouse, (event[0]!.edit as WorkspaceEdit).changes![uri]!);
    expect(renamed).toContain('event TruckLoaded');
    expect(renamed).toContain('reply TruckLoaded');

    // the language sketch's section 8: an event and a command each named like the other swap names
    const swap = await actionsAt(uri, [byCode('event-past-tense')]);
    expect(swap[0]?.title).toBe('Swap the names of domain event ShipParcel and command ParcelShipped');
    const swapped = applyTextEdits(warehouse, (swap[0]!.edit as WorkspaceEdit).changes![uri]!);
    expect(swapped).toContain('event ParcelShipped\n    command ShipParcel');
    expect(swapped).toContain('step ShipParcel on Warehouse reply ParcelShipped');

    // another aggregate held by id
    const byId = await actionsAt(uri, [byCode('reference-by-id')]);
    expect(applyTextEdits(warehouse, (byId[0]!.edit as WorkspaceEdit).changes![uri]!)).toContain('owner: OrderId');

    // an aggregate with no root marked yet (a sketch)
    const root = await actionsAt(uri, [byCode('aggregate-sketch')]);
    expect(applyTextEdits(warehouse, (root[0]!.edit as WorkspaceEdit).changes![uri]!)).toContain('root entity Crate { id: CrateId }');

    // a step that cannot be undone
    const missing = diagnostics.find((diagnostic) => diagnostic.code === 'saga-compensation-missing');
    expect(missing).toBeDefined();
    const compensation = await actionsAt(uri, [missing!]);
    const compensated = applyTextEdits(warehouse, (compensation[0]!.edit as WorkspaceEdit).changes![uri]!);
    expect(compensated).toMatch(/step ParcelShipped on Warehouse reply ShipParcel\n {4}compensate UndoParcelShipped/);
  });

  test('gives an event nothing emits its cause: emits on the command named for it, or that command, created', async () => {
    const dock = [
      'context Dock {',
      '  aggregate Parcel {',
      '    root entity Parcel { id: ParcelId }',
      '    command ShipParcel { weight: Int }',
      '    command LoadParcel emits ParcelPacked',
      '    event ParcelPacked',
      '    event ParcelShipped',
      '    event ParcelLoaded',
      '    event ParcelWeighed',
      '  }',
      '}',
      '',
    ].join('\n');
    const uri = session.uri('scratch/dock.ddd');
    texts.set('scratch/dock.ddd', dock);
    const published = session.nextDiagnostics(uri, (params) => params.version === 1);
    session.open(uri, dock, 1);
    const { diagnostics } = await published;
    const causeless = (event: string) => diagnostics.find((diagnostic) => diagnostic.code === 'event-without-cause' && String(diagnostic.message).includes(` ${event}:`))!;
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'event-without-cause')).toHaveLength(3);
    const fixed = async (event: string) => {
      const actions = await actionsAt(uri, [causeless(event)]);
      expect(actions).toHaveLength(1);
      return { title: actions[0]!.title, text: applyTextEdits(dock, (actions[0]!.edit as WorkspaceEdit).changes![uri]!) };
    };
    const shipped = await fixed('ParcelShipped');
    expect(shipped.title).toBe('Add emits ParcelShipped to command ShipParcel');
    expect(shipped.text).toContain('command ShipParcel { weight: Int } emits ParcelShipped\n');
    const loaded = await fixed('ParcelLoaded');
    expect(loaded.text).toContain('command LoadParcel emits ParcelPacked, ParcelLoaded\n');
    const weighed = await fixed('ParcelWeighed');
    expect(weighed.title).toBe('Create command WeighParcel emits ParcelWeighed in aggregate Dock.Parcel');
    expect(weighed.text).toContain('    event ParcelWeighed\n    command WeighParcel emits ParcelWeighed\n  }');
    // each fix leaves a model in which the event has its cause
    for (const { text } of [shipped, loaded, weighed]) {
      const after = checkWorkspace([{ uri, text }]).diagnostics.filter((diagnostic) => diagnostic.code === 'event-without-cause');
      expect(after).toHaveLength(2);
    }
  });

  test('creates an event that a saga names but no declaration defines', async () => {
    const uri = session.uri('scratch/warehouse.ddd');
    const position = positionOf('scratch/warehouse.ddd', 'ParcelPicked', 2);
    const actions = (await session.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
    expect(actions[0]).toMatchObject({ title: 'Create event ParcelPicked in context Warehouse' });
    const created = applyTextEdits(warehouse, (actions[0]!.edit as WorkspaceEdit).changes![uri]!);
    expect(created).toContain('  }\n  event ParcelPicked\n}\nsaga Dispatch');
  });

  test('creates a command from a storming sticky in the aggregate it is on', async () => {
    const uri = session.uri('storming/checkout.ddd');
    const position = positionOf('storming/checkout.ddd', 'ReserveInventory', 2);
    const actions = (await session.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
    // ReserveInventory is declared (in Inventory): nothing to create
    expect(actions.filter((action) => action.title.startsWith('Create'))).toEqual([]);
    const sticky = positionOf('storming/checkout.ddd', 'PaymentReceived', 2);
    const create = (await session.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: sticky, end: sticky }, context: { diagnostics: [] } })) as CodeAction[];
    expect(create[0]?.title).toBe('Create event PaymentReceived in aggregate Sales.Order');
    const edit = (create[0]!.edit as WorkspaceEdit).changes![session.uri('contexts/sales.ddd')]!;
    expect(applyTextEdits(text('contexts/sales.ddd'), edit)).toContain('    event OrderCancelled { order: OrderId }\n    event PaymentReceived\n  }');
  });
});

describe('robustness', () => {
  test('a request that fails is answered empty and logged; the server goes on', async () => {
    const workspace = session.server.workspace;
    const model = workspace.model.bind(workspace);
    workspace.model = () => {
      throw new Error('boom');
    };
    try {
      expect(await session.client.sendRequest(HoverRequest.type, at('contexts/sales.ddd', 'Customer:'))).toBeNull();
      expect(await session.client.sendRequest(CompletionRequest.type, at('contexts/sales.ddd', 'Customer:'))).toEqual([]);
    } finally {
      workspace.model = model;
    }
    expect(session.logs.some((log) => log.startsWith('hover failed: Error: boom'))).toBe(true);
    session.logs.length = 0;
    expect(await session.client.sendRequest(HoverRequest.type, at('contexts/sales.ddd', 'Customer:'))).not.toBeNull();
  });

  test('requests about unknown documents or positions answer empty', async () => {
    const uri = session.uri('nowhere.ddd');
    expect(await session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await session.client.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 99, character: 99 } })).toEqual([]);
    expect(await session.client.sendRequest(CompletionRequest.type, at('contexts/sales.ddd', 'Sales', 0))).toBeDefined();
    expect(await session.client.sendRequest(HoverRequest.type, { textDocument: { uri: session.uri('contexts/sales.ddd') }, position: { line: 10_000, character: 500 } })).toBeNull();
  });

  test('garbage in an open document costs findings, not the server', async () => {
    const uri = session.uri('scratch/garbage.ddd');
    const published = session.nextDiagnostics(uri);
    session.open(uri, 'context { aggregate } ]] -> <-> "unterminated\n saga X orchestrated by { step step on on }\n\u0000\u{1F600} contextmap M { A [ -> B [OHS }');
    expect((await published).diagnostics.length).toBeGreaterThan(0);
    for (let line = 0; line < 4; line++) {
      for (let character = 0; character < 40; character += 3) {
        const params = { textDocument: { uri }, position: { line, character } };
        await session.client.sendRequest(HoverRequest.type, params);
        await session.client.sendRequest(CompletionRequest.type, params);
        await session.client.sendRequest(DefinitionRequest.type, params);
      }
    }
    expect(await session.client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).toBeDefined();
    expect(await session.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })).toBeDefined();
    session.close(uri);
  });
});
