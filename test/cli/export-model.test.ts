/**
 * `ddd export --format <model export>`: each format of the core's registry
 * writes its files under --out (or prints one file), run as the built command
 * (dist/cli.js, a child process); every way to call it wrongly gets a clear
 * message and exit code 2, checked in this process (dddHere: the code the built
 * command runs, the same output and exit code).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelExportFormats } from '../../src/language/export/index';
import { ddd, dddHere, root, useBuiltCli, workspace } from './harness';

useBuiltCli();

const example = join(root, 'examples/order-saga');

function listed(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).map((path) => path.split('\\').join('/')).sort();
}

describe('ddd export --format <model export> --out', () => {
  const expected: Record<string, (files: string[]) => void> = {
    asyncapi: (files) => expect(files).toEqual(expect.arrayContaining(['Sales.asyncapi.yaml', 'Banking.asyncapi.yaml'])),
    eventcatalog: (files) => expect(files).toEqual(expect.arrayContaining(['services/Sales/index.mdx', 'events/OrderPlaced/schema.json', 'flows/OrderSaga/index.mdx', 'domains/Shop/index.mdx'])),
    plantuml: (files) => expect(files).toEqual(expect.arrayContaining(['context-map-ShopMap.puml', 'aggregates-Sales.puml', 'saga-states-OrderSaga.puml'])),
    structurizr: (files) => expect(files).toEqual(['workspace.dsl']),
    c4: (files) => expect(files).toEqual(['c4-context.mmd']),
    json: (files) => expect(files).toEqual(['model.json']),
  };

  it('covers every format of the registry', () => {
    expect(Object.keys(expected)).toEqual(modelExportFormats.map((format) => format.id));
  });

  it.each(modelExportFormats.map((format) => format.id))('--format %s writes its files, one "wrote" line each, exit 0', (format) => {
    const out = join(workspace({}), 'out');
    const run = ddd(['export', '--format', format, '--out', out, example], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = listed(out).filter((path) => /\.[a-z]+$/.test(path));
    expected[format]!(files);
    expect(run.lines).toHaveLength(files.length);
    for (const line of run.lines) expect(line).toMatch(/^wrote /);
    expect(readFileSync(join(out, files[0]!), 'utf8').length).toBeGreaterThan(0);
  });

  it('one file and no --out: printed on stdout (asyncapi --name, --json)', () => {
    const yaml = ddd(['export', '--format', 'asyncapi', '--name', 'Billing', example], root);
    expect(yaml.status).toBe(0);
    expect(yaml.stdout).toMatch(/^asyncapi: 3\.0\.0\ninfo:\n {2}title: Billing\n/);
    const json = ddd(['export', '--format', 'asyncapi', '--name', 'Billing', '--json', example], root);
    expect(JSON.parse(json.stdout).info.title).toBe('Billing');
    const structurizr = ddd(['export', '--format', 'structurizr', example], root);
    expect(structurizr.status).toBe(0);
    expect(structurizr.stdout).toMatch(/^workspace /);
  });
});

describe('ddd export: usage problems of the model exports', () => {
  it.each([
    [['--format', 'openapi'], "ddd export: --format must be one of mermaid, markdown, svg, asyncapi, eventcatalog, plantuml, structurizr, c4, json, cml; not 'openapi'. Run ddd export --help for usage.\n"],
    [['--format', 'asyncapi', '--name', 'Billling'], "ddd export: no bounded context 'Billling' in the model. Did you mean Billing? Its contexts: Banking, Billing, PaymentProvider, LegacyErp, Inventory and 4 more. Run ddd export --help for usage.\n"],
    [['--format', 'asyncapi'], 'ddd export: --format asyncapi writes 9 files: give --out <folder>, or narrow it to one context with --name. Run ddd export --help for usage.\n'],
    [['--format', 'plantuml', '--name', 'Sales', '--out', 'x'], 'ddd export: --name does not apply to --format plantuml: it exports the whole model. Run ddd export --help for usage.\n'],
    [['--format', 'json', '--json'], 'ddd export: --json does not apply to --format json. Run ddd export --help for usage.\n'],
    [['--format', 'c4', '--view', 'context-map'], 'ddd export: --view applies to the diagram formats (mermaid, markdown, svg); --format c4 exports the whole model. Run ddd export --help for usage.\n'],
    [['--format', 'mermaid', '--view', 'domains', '--json'], 'ddd export: --json applies to --format asyncapi. Run ddd export --help for usage.\n'],
  ])('%j: exit 2 and says why', async (options, message) => {
    const run = await dddHere(['export', ...options, example], root);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('an --out that is a file: a clear message, nothing written', async () => {
    const folder = workspace({ 'taken.txt': 'x', 'model.ddd': 'context Sales { aggregate Order { root entity Order { id: OrderId } } }\n' });
    const run = await dddHere(['export', '--format', 'plantuml', '--out', 'taken.txt', 'model.ddd'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ddd export: cannot create the folder taken\.txt: it exists and is not a folder\.\n$/);
  });

  it('a model with errors: a note, and the export of what could be read', async () => {
    const folder = workspace({ 'model.ddd': 'context Sales { aggregate Order { root entity Order { id: OrderId } command PlaceOrder emits Nothing } }\n' });
    const run = await dddHere(['export', '--format', 'json', 'model.ddd'], folder);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^ddd export: note: the model has 1 error \(see ddd check\); the export holds what could be read\.\n$/);
    expect(JSON.parse(run.stdout).contexts[0].name).toBe('Sales');
  });

  it('--help lists every model export from the registry', async () => {
    const run = await dddHere(['export', '--help'], root);
    for (const format of modelExportFormats) expect(run.stdout).toContain(`  ${format.id}: ${format.description}`);
  });
});
