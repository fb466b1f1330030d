/**
 * Where the editor's diff diagnostics go (`ddd.diff.diagnostics`), on the JSON
 * `ddd diff` prints for fixture pairs: a change on its line, and a removal, which
 * has no line, on what held the removed element and on the parties that still
 * depend on it, each message naming the element and the base.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/diff';
import { breakingFindings, MAX_BREAKING_FINDINGS, type BreakingFinding } from '../../src/extension/diff/breaking-findings';
import type { CliDiff } from '../../src/protocol/diff';
import { diffFixtures } from '../diff/fixtures';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** `ddd diff <base folder> .` run in the case's new version (so files are named as in the working folder). */
async function caseDiff(name: string): Promise<{ diff: CliDiff; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-findings-'));
  folders.push(folder);
  cpSync(join(diffFixtures, 'base'), folder, { recursive: true });
  const own = join(diffFixtures, name, 'new');
  for (const file of readdirSync(own)) cpSync(join(own, file), join(folder, file));
  let stdout = '';
  await diffCommand.run({ args: [join(diffFixtures, 'base'), '.'], afterSeparator: [], options: { format: 'json', allow: 'breaking', 'no-simulate': true }, cwd: folder, out: { stdout: (text) => void (stdout += text), stderr: () => undefined, color: false } });
  return { diff: JSON.parse(stdout) as CliDiff, folder };
}

/** The line (from 1) of the first line of `file` that holds `text`. */
function lineOf(folder: string, file: string, text: string): number {
  return readFileSync(join(folder, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

const place = (finding: BreakingFinding) => `${finding.file}:${finding.line}:${finding.column}`;

describe('the diagnostics of a comparison', () => {
  it('a renamed event: on its name, with the affected parties as related places', async () => {
    const { diff, folder } = await caseDiff('event-renamed-heard');
    const findings = breakingFindings(diff, 'main');
    expect(findings.map(place)).toEqual([`inventory.ddd:${lineOf(folder, 'inventory.ddd', 'event StockReserved')}:11`]);
    expect(findings[0]!.message).toMatch(/^Breaking change against main: renamed domain event InventoryReserved → StockReserved\. /);
    expect(findings[0]!.related.map((related) => related.message)).toContain('affects sagaStep saga OrderSaga, step ReserveInventory');
  });

  it('a command a saga step sends, removed: on its aggregate, and on the step that still sends it', async () => {
    const { diff, folder } = await caseDiff('command-removed-sent');
    const findings = breakingFindings(diff, 'main');
    expect(findings.map(place)).toEqual([
      `inventory.ddd:${lineOf(folder, 'inventory.ddd', 'aggregate StockItem')}:13`,
      `order-saga.ddd:${lineOf(folder, 'order-saga.ddd', 'step ReserveInventory')}:8`,
    ]);
    const [holder, step] = findings;
    expect(holder!.message).toMatch(/^Breaking change against main: command ReleaseInventory was removed from here \(main declares it\)\. /);
    expect(holder!.related.map((related) => related.message)).toEqual(['affects sagaStep saga OrderSaga, step ReserveInventory']);
    expect(step!.message).toMatch(/^Breaking change against main: sagaStep saga OrderSaga, step ReserveInventory depends on command ReleaseInventory, which was removed \(main declares it\)\. /);
    expect(step!.related).toEqual([{ file: 'inventory.ddd', line: holder!.line, column: holder!.column, message: 'command ReleaseInventory was removed from here' }]);
  });

  it('an exposed aggregate removed: on its context, and on the contexts downstream', async () => {
    const { diff, folder } = await caseDiff('aggregate-removed-exposed');
    const findings = breakingFindings(diff, 'v1.2');
    expect(findings.map(place)).toEqual([
      `sales.ddd:${lineOf(folder, 'sales.ddd', 'context Sales')}:9`,
      `inventory.ddd:${lineOf(folder, 'inventory.ddd', 'context Inventory')}:9`,
      `billing.ddd:${lineOf(folder, 'billing.ddd', 'context Billing')}:9`,
    ]);
    expect(findings.every((finding) => finding.message.includes('aggregate Cart') && finding.message.includes('v1.2'))).toBe(true);
  });

  it('risky and safe changes, and parties only in the base, get none; the count is bounded', async () => {
    expect(breakingFindings((await caseDiff('field-removed-optional')).diff, 'main')).toEqual([]);
    const { diff } = await caseDiff('command-removed-sent');
    const many = { changes: Array.from({ length: MAX_BREAKING_FINDINGS }, () => diff.changes[0]!) };
    expect(breakingFindings(many, 'main')).toHaveLength(MAX_BREAKING_FINDINGS);
    const onlyOld = { changes: [{ ...diff.changes[0]!, holder: undefined, affected: diff.changes[0]!.affected.map((party) => ({ ...party, side: 'old' as const })) }] };
    expect(breakingFindings(onlyOld, 'main')).toEqual([]);
  });
});
