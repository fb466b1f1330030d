/**
 * `npm run soak`: the scale workspaces of test/scale against the clock, through
 * what a user runs: the built CLI (`ddd check` in its own process, with its peak
 * memory) and the language server (in-process, over real JSON-RPC). Prints a
 * report with each time and memory beside its budget; exits 1 when one is over.
 * Not part of `npm test`: times depend on the machine. CI runs `--small`.
 *
 *   node --expose-gc dist/soak.js [--small] [--files 2000] [--copies 300] [--edits 3000]
 *     [--saga-steps 3000] [--reactions 2000] [--contexts 2000]
 * (--saga-steps: the saga checked, exported and explored within the default work budget)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { checkWorkspace } from '../language/index';
import { similarNameWork } from '../language/util/similar-names';
import { connectInProcess } from '../server/in-process';
import { ms, table, thousands } from './report';
import { generateContextMap } from './diagrams';
import { soakEdits } from './soak-edits';
import { bigChoreography, bigSaga, misspeltWorkspace, pastedWorkspace, type ScaleFile } from './scale-workspaces';

interface SoakRow {
  measure: string;
  ms: number;
  budgetMs: number;
  memoryMb?: number;
  budgetMb?: number;
  /** What a user receives is over its size budget. */
  oversize?: boolean;
  note: string;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Writes generated files under a new temporary folder (their uri's path below /scale/). */
function writeFiles(files: readonly ScaleFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'ddd-soak-'));
  for (const file of files) {
    const path = join(root, new URL(file.uri).pathname.replace(/^\/scale\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return root;
}

/** `node dist/cli.js <args>` in its own process: wall time and peak memory (GNU time, when installed). */
function cliRun(cli: string, args: readonly string[]): { ms: number; memoryMb?: number; status: number | null; stdout: string } {
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const peak = /peak-kb (\d+)/.exec(run.stderr ?? '');
  return { ms: elapsed, status: run.status, stdout: run.stdout ?? '', ...(peak ? { memoryMb: Number(peak[1]) / 1024 } : {}) };
}

/**
 * Opens a workspace folder in an in-process server; resolves when `uri` has
 * diagnostics, with a hover asked right after the open: it is answered between
 * two slices of the validation, so `hoverFirst` says it came before the diagnostics.
 */
async function serverPublish(root: string, uri: string, text: string): Promise<{ ms: number; hoverMs: number; hoverFirst: boolean; bytes: number; count: number }> {
  const session = connectInProcess();
  let resolvePublished: (params: PublishDiagnosticsParams) => void = () => undefined;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => (resolvePublished = resolve));
  session.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri && params.diagnostics.length > 0) resolvePublished(params);
  });
  session.client.listen();
  const rootUri = pathToFileURL(root).href;
  await session.client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'soak' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { diagnosticsDelay: 0 },
  });
  const started = performance.now();
  await session.client.sendNotification(InitializedNotification.type, {});
  await session.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text } });
  const hoverStarted = performance.now();
  let diagnosticsIn = false;
  void published.then(() => (diagnosticsIn = true));
  let hoverFirst = false;
  const hover = session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 13 } }).then(() => {
    hoverFirst = !diagnosticsIn;
    return performance.now() - hoverStarted;
  });
  const params = await published;
  const elapsed = performance.now() - started;
  const hoverMs = await hover;
  session.dispose();
  return { ms: elapsed, hoverMs, hoverFirst, bytes: JSON.stringify(params).length, count: params.diagnostics.length };
}

/** The sizes of the full soak, and of `--small` (what CI runs: the same paths, a tenth of the work). */
const sizes = {
  full: { files: 2_000, copies: 300, edits: 3_000, sagaSteps: 3_000, reactions: 2_000, contexts: 2_000 },
  small: { files: 200, copies: 30, edits: 300, sagaSteps: 300, reactions: 200, contexts: 200 },
};

async function main(): Promise<void> {
  const size = process.argv.includes('--small') ? sizes.small : sizes.full;
  const files = option('--files', size.files);
  const copies = option('--copies', size.copies);
  // this file is bundled as dist/soak.js, beside the CLI
  const cli = join(__dirname, 'cli.js');
  const rows: SoakRow[] = [];
  const lines: string[] = [];

  // 1. a monorepo of files with one misspelt type each
  const misspelt = misspeltWorkspace(files);
  const before = { ...similarNameWork };
  const inProcessStarted = performance.now();
  const checked = checkWorkspace(misspelt.files);
  const inProcessMs = performance.now() - inProcessStarted;
  rows.push({
    measure: `check ${thousands(files)} files, one misspelling each (in-process, parser cold)`,
    ms: inProcessMs,
    budgetMs: 2_000,
    note: `${thousands(checked.diagnostics.length)} findings; ${thousands(similarNameWork.comparisons - before.comparisons)} edit distances, ${thousands(similarNameWork.scanned - before.scanned)} index entries read for ${thousands(checked.model.index.size)} names`,
  });
  if (existsSync(cli)) {
    const root = writeFiles(misspelt.files);
    try {
      const run = cliRun(cli, ['check', root]);
      rows.push({
        measure: `ddd check ${thousands(files)} files, one misspelling each (built CLI)`,
        ms: run.ms,
        budgetMs: 2_000,
        ...(run.memoryMb !== undefined ? { memoryMb: run.memoryMb, budgetMb: 500 } : {}),
        note: `exit ${run.status} (1: the model has errors, as it should); includes Node start-up and reading the files`,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  } else lines.push(`(no ${cli}: run \`npm run build\` for the CLI measure)`);

  // 2. one file with many pasted copies of a 60-line model, opened in the server
  const [pasted] = pastedWorkspace(copies);
  const root = mkdtempSync(join(tmpdir(), 'ddd-soak-'));
  try {
    const path = join(root, 'pasted.ddd');
    writeFileSync(path, pasted!.text);
    const memoryBefore = process.memoryUsage().rss;
    const run = await serverPublish(root, pathToFileURL(path).href, pasted!.text);
    rows.push({
      measure: `${copies} pasted copies of a 60-line model → diagnostics published (server)`,
      ms: run.ms,
      budgetMs: 2_000,
      memoryMb: Math.max(process.memoryUsage().rss, memoryBefore) / 1024 / 1024,
      budgetMb: 500,
      // a hover that waits for the whole validation is a wrong result, whatever the machine
      oversize: run.bytes >= 1_000_000 || !run.hoverFirst,
      note: `${thousands(run.count)} diagnostics, ${thousands(run.bytes)} bytes of JSON (budget 1,000,000); a hover asked meanwhile answered in ${ms(run.hoverMs)}, ${run.hoverFirst ? 'before' : 'only AFTER'} the diagnostics`,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  // 3. a random edit sequence against the server, memory sampled
  const edits = option('--edits', size.edits);
  const editRoot = mkdtempSync(join(tmpdir(), 'ddd-soak-'));
  try {
    const started = performance.now();
    const result = await soakEdits({ edits, seed: 11, start: pastedWorkspace(3)[0]!.text, paste: pastedWorkspace(2)[0]!.text, sampleEvery: Math.max(1, Math.floor(edits / 10)), rootUri: pathToFileURL(editRoot).href });
    const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    rows.push({
      measure: `${thousands(edits)} random edits (typing, pastes, NUL, CR, lone surrogates, out-of-range ranges) → server`,
      ms: performance.now() - started,
      budgetMs: edits * 40,
      memoryMb: Math.max(0, result.heapGrowthMb),
      budgetMb: 64,
      oversize: !result.equalToFresh || result.hoversAnswered === 0,
      note:
        `heap after ${gc ? 'a collection' : 'no collection (run with --expose-gc)'}: ${result.heapSamplesMb.map((mb) => Math.round(mb)).join(' → ')} MB (growth counted against the memory budget); ` +
        `burst → diagnostics median ${ms(result.settleMedianMs)}; ${thousands(result.hoversAnswered)} hovers answered; final findings ${result.equalToFresh ? 'equal' : 'DIFFER from'} a fresh server's`,
    });
  } finally {
    rmSync(editRoot, { recursive: true, force: true });
  }

  // 4. big sagas and a big map through the built CLI: check, then export
  if (existsSync(cli)) {
    const steps = option('--saga-steps', size.sagaSteps);
    const reactions = option('--reactions', size.reactions);
    const contexts = option('--contexts', size.contexts);
    // the issue's budget for a big saga is 3 s; a 2,000-context map (checked, then exported as a summary) gets 5 s
    const cases: { what: string; text: string; export: string[]; budgetMs: number }[] = [
      { what: `a ${thousands(steps)}-step orchestrated saga`, text: bigSaga(steps), export: ['--view', 'saga', '--format', 'markdown'], budgetMs: 3_000 },
      { what: `a ${thousands(reactions)}-reaction choreography`, text: bigChoreography(reactions), export: ['--view', 'saga', '--format', 'markdown'], budgetMs: 3_000 },
      { what: `a map of ${thousands(contexts)} contexts and ${thousands(contexts * 3)} relationships`, text: generateContextMap(contexts, contexts * 3).files.map((file) => file.text).join('\n'), export: ['--view', 'context-map', '--format', 'markdown'], budgetMs: 5_000 },
    ];
    for (const scale of cases) {
      const root = mkdtempSync(join(tmpdir(), 'ddd-soak-'));
      try {
        writeFileSync(join(root, 'model.ddd'), scale.text);
        const check = cliRun(cli, ['check', root]);
        const out = join(root, 'out');
        const exported = cliRun(cli, ['export', root, ...scale.export, '--out', out]);
        const written = existsSync(out) ? readdirSync(out).reduce((sum, name) => sum + statSync(join(out, name)).size, 0) : 0;
        rows.push({
          measure: `ddd check + export --format markdown: ${scale.what} (built CLI)`,
          ms: check.ms + exported.ms,
          budgetMs: scale.budgetMs,
          ...(check.memoryMb !== undefined ? { memoryMb: Math.max(check.memoryMb, exported.memoryMb ?? 0), budgetMb: 500 } : {}),
          oversize: exported.status !== 0 || written > 5_000_000,
          note: `check ${ms(check.ms)} (exit ${check.status}), export ${ms(exported.ms)} (exit ${exported.status}, ${thousands(written)} bytes)`,
        });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  }

  // 5. a big saga explored through the built CLI within the default work budget: it stops there and says how far it got
  if (existsSync(cli)) {
    const steps = option('--saga-steps', size.sagaSteps);
    const root = mkdtempSync(join(tmpdir(), 'ddd-soak-'));
    try {
      writeFileSync(join(root, 'model.ddd'), bigSaga(steps));
      const explored = cliRun(cli, ['simulate', root, '--saga', 'Big', '--explore', '--format', 'json']);
      let coverage: { complete: boolean; paths: number; totalPaths: number; steps: number } | undefined;
      try {
        coverage = (JSON.parse(explored.stdout) as { result: { coverage?: typeof coverage } }).result.coverage;
      } catch {
        coverage = undefined;
      }
      rows.push({
        measure: `ddd simulate --explore: a ${thousands(steps)}-step saga within the default budget (built CLI)`,
        ms: explored.ms,
        // most of it is building the saga's failure paths before the first run, which grows with the square of its steps
        budgetMs: 15_000,
        ...(explored.memoryMb !== undefined ? { memoryMb: explored.memoryMb, budgetMb: 1_200 } : {}),
        // the JSON grows with the budget (each outcome's example counts against it), about 40 bytes a step
        oversize: explored.status !== 0 || !coverage || explored.stdout.length > 20_000_000,
        note: coverage
          ? `explored ${thousands(coverage.paths)} of ${thousands(coverage.totalPaths)} paths in ${thousands(coverage.steps)} simulated steps (exit ${explored.status}, ${thousands(explored.stdout.length)} bytes of JSON)`
          : `no exploration in the output (exit ${explored.status})`,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  // --small (what CI runs, on a machine of unknown speed and load) fails on wrong or oversized results only; the full soak on time and memory too
  const timed = !process.argv.includes('--small');
  const over = rows.filter((row) => row.oversize || (timed && (row.ms > row.budgetMs || (row.memoryMb !== undefined && row.budgetMb !== undefined && row.memoryMb > row.budgetMb))));
  console.log('Soak: scale workspaces against the clock\n');
  console.log(
    table(
      ['measure', 'time', 'budget', 'peak memory', 'budget'],
      rows.map((row) => [row.measure, ms(row.ms), ms(row.budgetMs) + (row.oversize ? ' (over in size)' : ''), row.memoryMb !== undefined ? `${Math.round(row.memoryMb)} MB` : '–', row.budgetMb !== undefined ? `${row.budgetMb} MB` : '–']),
    ),
  );
  console.log();
  for (const row of rows) console.log(`  ${row.measure}: ${row.note}`);
  for (const line of lines) console.log(line);
  console.log(`\n${over.length ? `${over.length} over budget` : 'all within budget'}${timed ? '' : ' (--small: times and memory are reported, not enforced)'} (Node ${process.version}, ${process.platform})`);
  process.exitCode = over.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
