/**
 * The language server, over real JSON-RPC:
 * - start-up and first full index of a workspace of 50 files of about 200 lines,
 *   until every file's diagnostics are published: in a fresh `node dist/server.js
 *   --stdio` process (what an editor sees; target < 500 ms) and in-process;
 * - a one-character edit in a 5,000-line file until its diagnostics are published
 *   (the debounce set to 0 so that the work is measured; target < 50 ms).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../language/syntax/line-index';
import { connectInProcess } from '../server/in-process';
import { generateModel } from './model-generator';
import { median, ms, table, target, thousands, type BenchContext, type BenchSection } from './report';

export interface ServerBenchRow {
  measure: string;
  /** Median over the runs, in ms. */
  ms: number;
  runs: number;
  /** The target, in ms, when there is one. */
  target?: number;
  note?: string;
}

/** Writes `count` files of about `linesPerFile` lines (generated files joined up to that size) to a new temporary folder. */
function writeWorkspace(count: number, linesPerFile: number): { root: string; files: number; lines: number } {
  const model = generateModel({ lines: count * linesPerFile * 1.4, linesPerFile: linesPerFile / 2 });
  // generated files are cut at declarations (100–150 lines here): join neighbours up to about the size asked for
  const files: { text: string; lines: number }[] = [];
  for (const file of model.files) {
    const last = files[files.length - 1];
    if (last && last.lines + file.lines <= linesPerFile * 1.25) {
      last.text += '\n' + file.text;
      last.lines += file.lines;
    } else files.push({ text: file.text, lines: file.lines });
  }
  const root = mkdtempSync(join(tmpdir(), 'ddd-bench-server-'));
  mkdirSync(join(root, 'model'), { recursive: true });
  const written = files.slice(0, count);
  written.forEach((file, i) => writeFileSync(join(root, 'model', `part-${String(i + 1).padStart(3, '0')}.ddd`), file.text));
  return { root, files: written.length, lines: written.reduce((sum, file) => sum + file.lines, 0) };
}

/** Resolves when every one of `count` documents has had diagnostics published. */
function allPublished(client: ProtocolConnection, count: number): Promise<void> {
  return new Promise((resolve) => {
    const seen = new Set<string>();
    client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      seen.add(params.uri);
      if (seen.size >= count) resolve();
    });
  });
}

function initializeParams(root: string, diagnosticsDelay: number) {
  const rootUri = pathToFileURL(root).href;
  return {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { diagnosticsDelay },
  };
}

/** A fresh server process: spawn → initialize → every file's diagnostics. */
async function startupInChildProcess(serverJs: string, root: string, files: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const client = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = allPublished(client, files);
  client.listen();
  await client.sendRequest(InitializeRequest.type, initializeParams(root, 0));
  await client.sendNotification(InitializedNotification.type, {});
  await published;
  const elapsed = performance.now() - started;
  await client.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await client.sendNotification(ExitNotification.type).catch(() => undefined);
  client.dispose();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return elapsed;
}

/** The same in this process (the parser is already built, Node already started). */
async function startupInProcess(root: string, files: number): Promise<number> {
  const started = performance.now();
  const session = connectInProcess();
  const published = allPublished(session.client, files);
  session.client.listen();
  await session.client.sendRequest(InitializeRequest.type, initializeParams(root, 0));
  await session.client.sendNotification(InitializedNotification.type, {});
  await published;
  const elapsed = performance.now() - started;
  session.dispose();
  return elapsed;
}

/** One-character edits in a 5,000-line document: edit → its diagnostics published, per edit. */
async function editLatency(runs: number): Promise<{ times: number[]; lines: number }> {
  const model = generateModel({ lines: 5_000, linesPerFile: 100_000 });
  const text = model.files.map((file) => file.text).join('\n');
  const lines = new LineIndex(text).lineCount;
  const root = mkdtempSync(join(tmpdir(), 'ddd-bench-edit-'));
  const uri = pathToFileURL(join(root, 'big.ddd')).href;
  writeFileSync(join(root, 'big.ddd'), text);
  const session = connectInProcess();
  const waiting = new Map<number, (params: PublishDiagnosticsParams) => void>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  // one handler per method on a connection: it serves both the start-up and the edits
  session.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    if (params.version === undefined) resolveReady();
    else waiting.get(params.version)?.(params);
  });
  session.client.listen();
  await session.client.sendRequest(InitializeRequest.type, initializeParams(root, 0));
  await session.client.sendNotification(InitializedNotification.type, {});
  await ready;
  const opened = new Promise((resolve) => waiting.set(1, resolve));
  await session.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text } });
  await opened;
  // edit the middle of the file: a name gets one character, then loses it again (the findings change each time)
  const index = new LineIndex(text);
  const at = text.indexOf('aggregate ', text.length >> 1) + 'aggregate '.length;
  const position = index.positionAt(at);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const version = run + 2;
    const insert = run % 2 === 0;
    const published = new Promise((resolve) => waiting.set(version, resolve));
    const started = performance.now();
    await session.client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        insert
          ? { range: { start: position, end: position }, text: 'X' }
          : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' },
      ],
    });
    await published;
    times.push(performance.now() - started);
    waiting.delete(version);
  }
  session.dispose();
  rmSync(root, { recursive: true, force: true });
  return { times, lines };
}

/** Runs the server benchmarks and returns one row per measure. */
export async function benchServer(options: { quick?: boolean; distDir?: string } = {}): Promise<ServerBenchRow[]> {
  const rows: ServerBenchRow[] = [];
  const runs = options.quick ? 3 : 9;
  const workspace = writeWorkspace(50, 200);
  try {
    const serverJs = options.distDir ? join(options.distDir, 'server.js') : undefined;
    if (serverJs && existsSync(serverJs)) {
      const times: number[] = [];
      for (let i = 0; i < Math.min(runs, 5); i++) times.push(await startupInChildProcess(serverJs, workspace.root, workspace.files));
      rows.push({
        measure: `start-up + first index, fresh process (${workspace.files} files, ${thousands(workspace.lines)} lines)`,
        ms: median(times),
        runs: times.length,
        target: 500,
        note: 'spawn node dist/server.js --stdio → initialize → every file’s diagnostics published',
      });
    }
    const inProcess: number[] = [];
    for (let i = 0; i < runs; i++) inProcess.push(await startupInProcess(workspace.root, workspace.files));
    rows.push({
      measure: `start-up + first index, in-process (${workspace.files} files, ${thousands(workspace.lines)} lines)`,
      ms: median(inProcess),
      runs: inProcess.length,
      ...(serverJs && existsSync(serverJs) ? {} : { target: 500 }),
      note: 'connection → initialize → every file’s diagnostics published; parser already built',
    });
  } finally {
    rmSync(workspace.root, { recursive: true, force: true });
  }
  const edits = await editLatency(options.quick ? 10 : 40);
  // the first edits warm the JIT up; the median is over the rest
  const steady = edits.times.slice(Math.min(4, edits.times.length - 1));
  rows.push({
    measure: `one-character edit → diagnostics published (${thousands(edits.lines)}-line file)`,
    ms: median(steady),
    runs: steady.length,
    target: 50,
    note: `didChange (incremental) → re-parse that file, re-link and validate, publish; debounce 0; slowest ${ms(Math.max(...steady))}`,
  });
  return rows;
}

export const serverSection: BenchSection = {
  name: 'server',
  title: 'Language server: start-up and first index; edit → published diagnostics',
  async run(context: BenchContext) {
    const rows = await benchServer({ quick: context.quick, distDir: context.distDir });
    context.log(table(['measure', 'median', 'runs', 'target'], rows.map((row) => [row.measure, ms(row.ms), String(row.runs), target(row.ms, row.target)])));
    context.log();
    for (const row of rows) if (row.note) context.log(`  ${row.measure.split(' (')[0]}: ${row.note}`);
  },
};
