/**
 * `ddd check --fix`, run on a temporary copy of test/cli/fixtures/fix (as the
 * built command once, otherwise in this process): the safe fixes are written
 * to the files, each printed as `path:line: title`, then the findings that
 * remain; a second run changes nothing; files without a fix are never written.
 */
import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ddd, dddHere, root, useBuiltCli, workspace } from './harness';

useBuiltCli();

const fixture = join(root, 'test/cli/fixtures/fix');

/** A temporary copy of the fixture, its files' times set in the past (to see which files are written). */
function copyOfFixture(): string {
  const folder = workspace({});
  cpSync(fixture, folder, { recursive: true });
  const past = new Date('2020-01-01T00:00:00Z');
  for (const name of readdirSync(folder)) utimesSync(join(folder, name), past, past);
  return folder;
}

const read = (folder: string, name: string) => readFileSync(join(folder, name), 'utf8');
const modified = (folder: string, name: string) => statSync(join(folder, name)).mtimeMs;

const fixedOrders = `// Orders: findings that \`ddd check --fix\` repairs unattended
context Sales {
  aggregate Order {
    root entity Order {
      id: OrderId
      customer: CustomerId
    }
    command PlaceOrder emits OrderPlaced
    event OrderPlaced
  }
  aggregate Customer {
    root entity Customer { id: CustomerId }
  }
}

saga Checkout orchestrated by Sales {
  step PlaceOrder on Sales reply OrderPlaced
    compensate UndoPlaceOrder
  step ReserveStock on Sales compensate ReleaseStock
  step ChargeCard on Sales
}
`;

const subdomainFinding = /^shop\.ddd:3:13 warning subdomain-type Subdomain Ordering has no type/;

describe('ddd check --fix', () => {
  it('applies the safe fixes, prints each change, then the findings left; exit code of what remains', async () => {
    const folder = copyOfFixture();
    const shopBefore = modified(folder, 'shop.ddd');
    const before = await dddHere(['check', '--hints'], folder);
    // warnings, and aggregate Customer with no root marked yet (a sketch: a hint, which its safe fix repairs too)
    expect(before.lines.some((line) => / hint aggregate-sketch Aggregate Customer has no root entity yet/.test(line))).toBe(true);
    expect(before.status).toBe(0);

    // the built command, as a process: the files are written before it exits
    const run = ddd(['check', '--fix'], folder);
    expect(run.stderr).toBe('');
    expect(run.lines.slice(0, 5)).toEqual([
      'orders.ddd:6: Reference by id: CustomerId',
      'orders.ddd:9: Rename OrderPlace to OrderPlaced (3 places)',
      'orders.ddd:11: Make Customer the root entity of Customer',
      'orders.ddd:17: Add a compensation to PlaceOrder: compensate UndoPlaceOrder',
      'Fixed 4 findings in 1 file.',
    ]);
    expect(run.lines[5]).toMatch(subdomainFinding);
    expect(run.lines[6]).toBe('2 files, 0 errors, 1 warning, 0 infos');
    expect(run.lines).toHaveLength(7);
    expect(run.status).toBe(0);

    expect(read(folder, 'orders.ddd')).toBe(fixedOrders);
    // the file without a fix is not written, and no temporary file is left behind
    expect(modified(folder, 'shop.ddd')).toBe(shopBefore);
    expect(readdirSync(folder).sort()).toEqual(['orders.ddd', 'shop.ddd']);

    // a second run has nothing left to fix and writes nothing
    const ordersAfter = modified(folder, 'orders.ddd');
    const again = await dddHere(['check', '--fix'], folder);
    expect(again.lines).toEqual([run.lines[5], run.lines[6]]);
    expect(again.status).toBe(0);
    expect(modified(folder, 'orders.ddd')).toBe(ordersAfter);
    expect(read(folder, 'orders.ddd')).toBe(fixedOrders);
  });

  it('exits 1 when errors remain that no fix repairs; the fixes are still written', async () => {
    const folder = copyOfFixture();
    writeFileSync(join(folder, 'map.ddd'), 'contextmap Shop {\n  Sales -> Nowhere\n}\n');
    const run = await dddHere(['check', '--fix', 'orders.ddd', 'map.ddd'], folder);
    expect(run.lines).toContain('Fixed 4 findings in 1 file.');
    expect(run.lines.filter((line) => line.includes(' error '))).toEqual([expect.stringMatching(/^map\.ddd:2:12 error unknown-reference Unknown bounded context or team Nowhere/)]);
    expect(run.status).toBe(1);
    expect(read(folder, 'orders.ddd')).toBe(fixedOrders);
  });

  it('reports the fixes in the JSON with --format json', async () => {
    const folder = copyOfFixture();
    const run = await dddHere(['check', '--fix', '--format', 'json'], folder);
    const report = JSON.parse(run.stdout) as { fixed: unknown[]; skipped: unknown[]; findings: { code: string }[] };
    expect(report.fixed).toEqual([
      { file: 'orders.ddd', line: 6, column: 17, title: 'Reference by id: CustomerId' },
      { file: 'orders.ddd', line: 9, column: 11, title: 'Rename OrderPlace to OrderPlaced (3 places)' },
      { file: 'orders.ddd', line: 11, column: 13, title: 'Make Customer the root entity of Customer' },
      { file: 'orders.ddd', line: 17, column: 8, title: 'Add a compensation to PlaceOrder: compensate UndoPlaceOrder' },
    ]);
    expect(report.skipped).toEqual([]);
    expect(report.findings.map((finding) => finding.code)).toEqual(['subdomain-type']);
    expect(run.status).toBe(0);
    expect(read(folder, 'orders.ddd')).toBe(fixedOrders);
    // without --fix, the JSON stays an array of findings
    expect(Array.isArray(JSON.parse((await dddHere(['check', '--format', 'json'], folder)).stdout))).toBe(true);
  });

  it('without --fix, check writes nothing', async () => {
    const folder = copyOfFixture();
    const before = modified(folder, 'orders.ddd');
    await dddHere(['check'], folder);
    expect(modified(folder, 'orders.ddd')).toBe(before);
    expect(read(folder, 'orders.ddd')).toBe(read(fixture, 'orders.ddd'));
  });

  it('writes through a symbolic link to the file it names, and the link stays a link', async () => {
    const folder = copyOfFixture();
    const models = workspace({});
    symlinkSync(join(folder, 'orders.ddd'), join(models, 'linked.ddd'));
    const run = await dddHere(['check', '--fix', 'linked.ddd'], models);
    expect(run.lines[0]).toBe('linked.ddd:6: Reference by id: CustomerId');
    expect(lstatSync(join(models, 'linked.ddd')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(models, 'linked.ddd'))).toBe(join(folder, 'orders.ddd'));
    expect(read(folder, 'orders.ddd')).toBe(fixedOrders);
  });

  it('is described in ddd --help and ddd check --help', async () => {
    expect((await dddHere(['--help'], root)).stdout).toMatch(/check\s+Check \.ddd files: .*; --fix applies the safe fixes/);
    const help = await dddHere(['check', '--help'], root);
    expect(help.stdout).toMatch(/--fix\s+apply the safe quick fixes to the files/);
    expect(help.stdout).toContain('With --fix, the fixes that need no human choice');
    expect(help.status).toBe(0);
  });
});
