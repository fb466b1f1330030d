/**
 * `ddd import` and `ddd export --format cml` as a user runs them: files
 * written (or not), what is printed, exit codes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/cli/command';
import { runCli } from '../../src/cli/run';
import { parseCml } from '../../src/language/cml/parse';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/cml');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder holding copies of the named CML fixtures (path in the folder → fixture). */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-import-'));
  folders.push(folder);
  for (const [path, fixture] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), fixture.endsWith('.cml') ? readFileSync(join(fixtures, fixture), 'utf8') : fixture);
  }
  return folder;
}

async function ddd(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Output = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false };
  const code = await runCli(args, cwd, out);
  return { code, stdout, stderr };
}

describe('ddd import', () => {
  it('writes the .ddd beside the .cml and exits 0 when nothing was dropped', async () => {
    const folder = folderWith({ 'models/insurance.cml': 'strategic-basic.cml' });
    const run = await ddd(['import', 'models/insurance.cml'], folder);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`wrote ${join('models', 'insurance.ddd')}\n`);
    const written = readFileSync(join(folder, 'models/insurance.ddd'), 'utf8');
    expect(written).toContain('contextmap InsuranceLandscape {');
    // and the result is a model ddd check reads
    const check = await ddd(['check', 'models/insurance.ddd'], folder);
    expect(check.stdout).not.toContain('syntax-error');
  });

  it('names the types the CML model uses but declares nowhere, which .ddd will report, without changing the exit code', async () => {
    const folder = folderWith({
      'sales.cml': 'BoundedContext Sales {\n  Aggregate Offers {\n    Entity Offer {\n      aggregateRoot\n      Customer client\n      - List<Product> products\n      Money price\n      Long offerId\n    }\n    ValueObject Money { BigDecimal amount }\n  }\n}\n',
    });
    const run = await ddd(['import', 'sales.cml'], folder);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toContain(
      'sales.cml: note: 2 types used but declared nowhere in this file (Context Mapper reads them as plain names; .ddd reports each as an unknown type until it is declared): Customer, Product',
    );
    const check = await ddd(['check', 'sales.ddd'], folder);
    expect(check.stdout.match(/unknown-reference/g)).toHaveLength(2);
  });

  it('exits 1 and prints each dropped construct as path:line: dropped: reason', async () => {
    const folder = folderWith({ 'shipping.cml': 'sculptor-hints.cml' });
    const run = await ddd(['import', 'shipping.cml'], folder);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^wrote shipping\.ddd \(\d+ constructs dropped\)$/);
    expect(lines).toContain('shipping.cml:1: dropped: import "./other-model.cml": the imported file is not read; import it on its own');
    expect(lines).toContain("shipping.cml:10: dropped: Parcel: Sculptor's 'databaseTable = PARCELS' (a code generator option) has no .ddd meaning");
    expect(lines.slice(1).every((line) => /^shipping\.cml:\d+: dropped: /.test(line))).toBe(true);
    expect(existsSync(join(folder, 'shipping.ddd'))).toBe(true);
  });

  it('writes one file per CML file into --out, creating the folder', async () => {
    const folder = folderWith({ 'a/insurance.cml': 'strategic-basic.cml', 'b/claims.cml': 'tactic-basic.cml' });
    const run = await ddd(['import', 'a/insurance.cml', 'b/claims.cml', '--out', 'imported/ddd'], folder);
    expect(run.code).toBe(0);
    expect(readdirSync(join(folder, 'imported/ddd')).sort()).toEqual(['claims.ddd', 'insurance.ddd']);
  });

  it('exits 2 with path:line:col and writes nothing when a file cannot be parsed', async () => {
    const folder = folderWith({ 'good.cml': 'strategic-basic.cml', 'bad.cml': 'malformed/keyword-as-name.cml' });
    const run = await ddd(['import', 'good.cml', 'bad.cml'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad.cml:5:11: error: expected an attribute name, found the keyword 'type'");
    expect(run.stderr).toContain('ddd import: nothing was written.');
    expect(run.stdout).toBe('');
    expect(readdirSync(folder).sort()).toEqual(['bad.cml', 'good.cml']);
  });

  it('does not replace a .ddd file unless told to', async () => {
    const folder = folderWith({ 'insurance.cml': 'strategic-basic.cml', 'insurance.ddd': 'context Mine\n' });
    const refused = await ddd(['import', 'insurance.cml'], folder);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ddd import: insurance.ddd exists; give --force to replace it.');
    expect(readFileSync(join(folder, 'insurance.ddd'), 'utf8')).toBe('context Mine\n');
    const forced = await ddd(['import', 'insurance.cml', '--force'], folder);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'insurance.ddd'), 'utf8')).toContain('domain Insurance');
  });

  it('refuses two files that would be written to the same place, and a missing file', async () => {
    const folder = folderWith({ 'a/model.cml': 'strategic-basic.cml', 'b/model.cml': 'tactic-basic.cml' });
    const clash = await ddd(['import', 'a/model.cml', 'b/model.cml', '--out', 'out'], folder);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain(`two files would be written to ${join('out', 'model.ddd')}`);
    expect(existsSync(join(folder, 'out'))).toBe(false);
    const missing = await ddd(['import', 'nowhere.cml'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nowhere.cml (it does not exist)');
    const none = await ddd(['import'], folder);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the .cml files to import');
  });

  it('names an unnamed context map after the file', async () => {
    const folder = folderWith({ 'all-relationship-forms.cml': 'relationships.cml' });
    expect((await ddd(['import', 'all-relationship-forms.cml'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'all-relationship-forms.ddd'), 'utf8')).toContain('contextmap AllRelationshipFormsMap {');
  });
});

describe('ddd export --format cml', () => {
  it('prints the model as CML that the CML parser accepts, and lists what CML cannot say', async () => {
    const folder = folderWith({ 'model.ddd': 'context Sales {\n  glossary { Order: "What a customer buys" }\n  aggregate Order {\n    root entity Order { id: OrderId  total: Decimal }\n  }\n}\n' });
    const run = await ddd(['export', '--format', 'cml'], folder);
    expect(run.code).toBe(0);
    expect(parseCml(run.stdout).ok).toBe(true);
    expect(run.stdout).toContain('BoundedContext Sales {');
    expect(run.stdout).toContain('BigDecimal total');
    expect(run.stderr).toBe('ddd export: not in CML: 1 × glossary term (CML has no glossary)\n');
  });

  it('writes --out as a file, and imports back', async () => {
    const folder = folderWith({ 'model.ddd': 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n  }\n}\n' });
    const run = await ddd(['export', '--format', 'cml', '--out', 'cml/model.cml'], folder);
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${join('cml', 'model.cml')}\n` });
    const back = await ddd(['import', 'cml/model.cml'], folder);
    expect(back.code).toBe(0);
    expect(readFileSync(join(folder, 'cml/model.ddd'), 'utf8')).toContain('root entity Order {');
  });

  it('exports the whole model only', async () => {
    const folder = folderWith({ 'model.ddd': 'context Sales\n' });
    const run = await ddd(['export', '--format', 'cml', '--view', 'context-map'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format cml exports the whole model: leave out --view and --name');
  });
});
