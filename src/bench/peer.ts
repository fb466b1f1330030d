/**
 * Side by side with the Langium peer (a Langium 4.4 server for the same grammar, with its
 * default LSP stack), in one run: the same generated text, the same probe, processes
 * alternated so that a busy stretch of the machine costs both alike. What is compared:
 *
 * - one-character edit → published diagnostics, 5,000-line file (target ≤ 0.3× the peer's);
 * - the same on a 50,000-line workspace (10 files of 5,000 lines; target < 60 ms);
 * - parse + link + validate of a 50,000-line file as a whole process (`ddd check`;
 *   target ≤ 0.2× the peer's).
 *
 * The peer lives outside the repository (`shared/peers/langium`, copied and installed once, as
 * its README says). It is looked for at $DDD_LANGIUM_PEER, then beside the repository, then in
 * /tmp/langium-peer; when no installed copy is found the section says so and measures nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, ms, table, type BenchContext, type BenchSection } from './report';

interface Probe {
  keystrokeMs: { median: number; p90: number };
  startupMs: number;
  indexMs: number;
  rssMB: number | null;
}

/** An installed copy of the peer: its folder has the probe and langium in node_modules. */
export function findPeer(distDir: string): string | undefined {
  const candidates = [process.env['DDD_LANGIUM_PEER'], resolve(distDir, '../../shared/peers/langium'), '/tmp/langium-peer'];
  return candidates.find((folder): folder is string => !!folder && existsSync(join(folder, 'lsp-keystroke.mjs')) && existsSync(join(folder, 'node_modules/langium')));
}

function probe(peer: string, server: string[], files: number, lines: number, edits: number): Probe | undefined {
  const run = spawnSync(process.execPath, ['lsp-keystroke.mjs', '--files', String(files), '--lines', String(lines), '--edits', String(edits), '--', ...server], {
    cwd: peer,
    encoding: 'utf8',
    timeout: 180_000,
  });
  try {
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Probe & { error?: string };
    return result.error ? undefined : result;
  } catch {
    return undefined;
  }
}

function timed(command: string[], cwd: string): number {
  const started = performance.now();
  spawnSync(command[0]!, command.slice(1), { cwd, stdio: 'ignore', timeout: 120_000 });
  return performance.now() - started;
}

function ratio(ours: number, theirs: number): string {
  return Number.isFinite(ours) && Number.isFinite(theirs) && theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '—';
}

function verdict(ok: boolean, what: string): string {
  return ok ? `${what} ✓` : `${what} ✗ MISSED`;
}

export async function benchPeer(context: BenchContext): Promise<void> {
  const peer = findPeer(context.distDir);
  if (!peer) {
    context.log('  No installed Langium peer found ($DDD_LANGIUM_PEER, ../shared/peers/langium with node_modules, /tmp/langium-peer):');
    context.log('  cp -r ../shared/peers/langium /tmp/langium-peer && (cd /tmp/langium-peer && npm ci), then run this section again.');
    return;
  }
  const ours = [process.execPath, join(context.distDir, 'server.js'), '--stdio'];
  const theirs = [process.execPath, join(peer, 'server.mjs'), '--stdio'];
  const rounds = context.quick ? 1 : 3;
  const edits = context.quick ? 10 : 20;

  const small = { ours: [] as number[], theirs: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const a = probe(peer, ours, 1, 5000, edits);
    const b = probe(peer, theirs, 1, 5000, edits);
    if (a) small.ours.push(a.keystrokeMs.median);
    if (b) small.theirs.push(b.keystrokeMs.median);
  }
  const big = { ours: [] as number[], theirs: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const a = probe(peer, ours, 10, 5000, edits);
    if (a) big.ours.push(a.keystrokeMs.median);
  }
  const peerBig = probe(peer, theirs, 10, 5000, Math.min(edits, 10));
  if (peerBig) big.theirs.push(peerBig.keystrokeMs.median);

  const folder = mkdtempSync(join(tmpdir(), 'ddd-bench-peer-'));
  const check = { ours: [] as number[], theirs: [] as number[] };
  try {
    const generated = spawnSync(process.execPath, ['-e', `import('./gen.mjs').then((m) => process.stdout.write(m.generate(50000)))`], { cwd: peer, encoding: 'utf8', maxBuffer: 64 << 20 });
    const file = join(folder, 'big.ddd');
    writeFileSync(file, generated.stdout);
    for (let round = 0; round < rounds + 2; round++) {
      check.ours.push(timed([process.execPath, join(context.distDir, 'cli.js'), 'check', file], folder));
      check.theirs.push(timed([process.execPath, join(peer, 'check.mjs'), file], peer));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const rows = [
    ['one-character edit → diagnostics published (5,000-line file)', ms(median(small.ours)), ms(median(small.theirs)), ratio(median(small.ours), median(small.theirs)),
      verdict(median(small.ours) <= 0.3 * median(small.theirs), '≤ 0.3×')],
    ['one-character edit → diagnostics published (50,000-line workspace, 10 files)', ms(median(big.ours)), ms(median(big.theirs)), ratio(median(big.ours), median(big.theirs)),
      verdict(median(big.ours) < 60, '< 60 ms')],
    ['`ddd check` of a 50,000-line file, whole process', ms(median(check.ours)), ms(median(check.theirs)), ratio(median(check.ours), median(check.theirs)),
      verdict(median(check.ours) <= 0.2 * median(check.theirs), '≤ 0.2×')],
  ];
  context.log(table(['measure', 'ours', 'Langium 4.4', 'ratio', 'target'], rows));
  context.log();
  context.log(`  peer: ${peer}; probe: lsp-keystroke.mjs (didChange → the publishDiagnostics that reflects it), medians of ${rounds} alternated process pairs, ${edits} edits each`);
}

export const peerSection: BenchSection = {
  name: 'peer',
  title: 'Side by side with a Langium 4.4 server for the same grammar (same text, same probe, one run)',
  run: benchPeer,
};
