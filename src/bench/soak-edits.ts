/**
 * The soak's random edit sequence: a seeded stream of incremental edits (typing,
 * deletions, pastes, control characters, lone surrogates, out-of-range ranges)
 * sent to the language server over real JSON-RPC, with the heap sampled after a
 * garbage collection every `sampleEvery` edits. At the end the server must still
 * answer, and its findings must equal those of a fresh server opened on the same
 * text: an edit may never be lost or leave a stale finding behind.
 */
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededRandom } from '../language/diagrams/context-map-layout';
import { clampedTextDocuments } from '../server/document-edits';
import { connectInProcess } from '../server/in-process';

export interface EditSoakResult {
  edits: number;
  /** Heap in use after a collection, MB, every `sampleEvery` edits (the first after opening). */
  heapSamplesMb: number[];
  /** The last sample minus the first, MB. */
  heapGrowthMb: number;
  /** Median time from a burst of edits to the diagnostics of its last version, ms. */
  settleMedianMs: number;
  hoversAnswered: number;
  /** The final findings equal those of a fresh server on the final text. */
  equalToFresh: boolean;
  finalLength: number;
}

const fragments = [
  'context ', 'aggregate ', ' {', '}', '\n', '  ', 'root entity ', 'id: OrderId\n', 'command PlaceOrder emits OrderPlaced\n',
  'event OrderPlaced { order: OrderId }\n', 'saga S orchestrated by Sales {\n  step PlaceOrder on Sales reply OrderPlaced -> PLACED\n}\n',
  'Sales [OHS] -> Support [ACL]\n', '"', '/*', '*/', '//', '\u0000', '\r', '\r\n', '\ud800', '\udc00', '😀', 'x', 'Order', '.', '->', '[', ']',
];

/**
 * One random edit of `document`: the change to send (its range as an editor, or
 * a hostile client, would send it) and the document after it, applied the way
 * the server applies edits (clamped), so that the final texts agree.
 */
function randomEdit(document: TextDocument, random: () => number, paste: string): { change: TextDocumentContentChangeEvent; document: TextDocument } {
  const text = document.getText();
  const roll = random();
  const at = Math.floor(random() * (text.length + 1));
  let change: TextDocumentContentChangeEvent;
  if (roll < 0.02) {
    // out of range: the server clamps it to the end of the document
    change = { range: { start: { line: 1e9, character: 0 }, end: { line: 1e9, character: 5 } }, text: '\n' };
  } else if (roll < 0.04) {
    // the whole file replaced (a formatter, an undo of a big paste)
    change = { range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, text: paste.slice(0, Math.floor(random() * paste.length)) };
  } else {
    let end = at;
    let inserted = '';
    if (roll < 0.35) end = Math.min(text.length, at + 1 + Math.floor(random() * 40));
    else if (roll < 0.45) inserted = paste.slice(0, 200 + Math.floor(random() * 2000));
    else inserted = fragments[Math.floor(random() * fragments.length)]!;
    change = { range: { start: document.positionAt(at), end: document.positionAt(end) }, text: inserted };
  }
  return { change, document: clampedTextDocuments.update(document, [change], document.version + 1) };
}

interface Server {
  published: Map<string, PublishDiagnosticsParams>;
  waitFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  session: ReturnType<typeof connectInProcess>;
}

async function startServer(rootUri: string): Promise<Server> {
  const session = connectInProcess();
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiting: { uri: string; version: number; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  session.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const waiter = waiting[i]!;
      if (waiter.uri === params.uri && (params.version ?? 0) >= waiter.version) {
        waiting.splice(i, 1);
        waiter.resolve(params);
      }
    }
  });
  session.client.listen();
  await session.client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'soak' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await session.client.sendNotification(InitializedNotification.type, {});
  const waitFor = (uri: string, version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const known = published.get(uri);
      if (known && (known.version ?? 0) >= version) resolve(known);
      else waiting.push({ uri, version, resolve });
    });
  return { published, waitFor, session };
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const key = (params: PublishDiagnosticsParams | undefined) =>
  JSON.stringify((params?.diagnostics ?? []).map((d) => [d.range, d.severity, d.code, d.message]));

/**
 * Sends `edits` random edits in bursts of 1–8 to one document of an otherwise
 * empty workspace, starting from `start`; `paste` is what pastes draw from.
 */
export async function soakEdits(options: { edits: number; seed: number; start: string; paste: string; sampleEvery: number; rootUri: string }): Promise<EditSoakResult> {
  const random = seededRandom(options.seed);
  const uri = `${options.rootUri}/soak.ddd`;
  const server = await startServer(options.rootUri);
  let document = TextDocument.create(uri, 'ddd', 1, options.start);
  let version = 1;
  await server.session.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version, text: options.start } });
  await server.waitFor(uri, version);
  const heapSamplesMb = [heapMb()];
  const settle: number[] = [];
  let hoversAnswered = 0;
  let sent = 0;
  while (sent < options.edits) {
    const burst = Math.min(options.edits - sent, 1 + Math.floor(random() * 8));
    const started = performance.now();
    for (let i = 0; i < burst; i++) {
      const edit = randomEdit(document, random, options.paste);
      document = edit.document;
      version = document.version;
      await server.session.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [edit.change] });
    }
    const hover = server.session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: document.positionAt(Math.floor(random() * (document.getText().length + 1))) });
    await server.waitFor(uri, version);
    settle.push(performance.now() - started);
    await hover;
    hoversAnswered++;
    const before = sent;
    sent += burst;
    if (Math.floor(sent / options.sampleEvery) > Math.floor(before / options.sampleEvery)) heapSamplesMb.push(heapMb());
  }
  const final = server.published.get(uri);
  server.session.dispose();

  // a fresh server on the final text must find exactly the same
  const text = document.getText();
  const fresh = await startServer(options.rootUri);
  await fresh.session.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text } });
  const freshFindings = await fresh.waitFor(uri, 1);
  fresh.session.dispose();

  heapSamplesMb.push(heapMb());
  settle.sort((a, b) => a - b);
  return {
    edits: sent,
    heapSamplesMb,
    heapGrowthMb: heapSamplesMb[heapSamplesMb.length - 1]! - heapSamplesMb[0]!,
    settleMedianMs: settle[settle.length >> 1] ?? 0,
    hoversAnswered,
    equalToFresh: key(final) === key(freshFindings),
    finalLength: text.length,
  };
}
