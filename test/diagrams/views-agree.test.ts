/**
 * One decision of what a view and a name mean (findView / drawView): `ddd
 * export`, the Markdown export (the CLI's and the server's `ddd/markdown`) and
 * the preview's `ddd/diagram` draw the same diagram for the same view and name,
 * and give the same message for a view or a name that does not exist.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command';
import { exportCommand } from '../../src/cli/export';
import { unknownViewProblem, viewNames } from '../../src/language/diagrams/index';
import { checkWorkspace } from '../../src/language/index';
import type { DiagramResult, ViewEntry } from '../../src/protocol/diagrams';
import { checkRequestParams } from '../../src/protocol/validate-requests';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { readWorkspace } from '../helpers';
import { repositoryRoot } from './support';

const example = 'examples/order-saga';
const checked = checkWorkspace(readWorkspace(example));
const server = customRequestHandlers({ model: () => checked.model, diagnostics: () => checked.diagnostics });

const folder = mkdtempSync(join(tmpdir(), 'ddd-agree-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let runs = 0;

/** `ddd export` as main runs it; a usage problem is thrown as the UsageError main prints. */
async function cli(options: Record<string, string | undefined>): Promise<string> {
  let stdout = '';
  const out = { stdout: (text: string) => void (stdout += text), stderr: () => undefined, color: false };
  const code = await exportCommand.run({ args: [example], options, cwd: repositoryRoot, out });
  expect(code).toBe(0);
  return stdout;
}

/** Every diagram `ddd export --format mermaid --out` writes for a view and name, as texts. */
async function cliDiagrams(view: string, name: string | undefined): Promise<string[]> {
  const out = join(folder, `run-${++runs}`);
  await cli({ view, name, out });
  return readdirSync(out).map((file) => readFileSync(join(out, file), 'utf8'));
}

/** The ```mermaid blocks of a Markdown document, as texts. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)^\1$/gm)].map((match) => match[2]!);
}

function drawnText(result: DiagramResult): string {
  if (result.kind === 'mermaid' || result.kind === 'board') return result.text;
  throw new Error(`${result.key}: expected a mermaid text, got ${result.kind === 'problem' ? result.message : result.kind}`);
}

/** The same diagram: the same mermaid text (a Markdown block ends with a line break). */
const sameText = (text: string) => (candidate: string) => candidate.replace(/\n$/, '') === text.replace(/\n$/, '');

describe(`every view of ${example}: the CLI, the Markdown export and the server draw the same diagram`, () => {
  const entries: ViewEntry[] = server['ddd/views']({}).views;

  it('the server lists a view of every kind', () => {
    expect(new Set(entries.map((entry) => entry.view))).toEqual(new Set(viewNames));
  });

  it.each(entries.map((entry) => [entry.key, entry] as const))('%s', async (_, entry) => {
    const ref = { view: entry.view, ...(entry.name !== undefined ? { name: entry.name } : {}), ...(entry.variant !== undefined ? { variant: entry.variant } : {}) };
    const text = drawnText(server['ddd/diagram'](ref));
    expect(text.length).toBeGreaterThan(0);

    // ddd export --view --name (a saga gives every drawing of it: the server's is one of them)
    const exported = await cliDiagrams(entry.view, entry.name);
    expect(exported.filter(sameText(text)), `ddd export --view ${entry.view} --name ${entry.name}`).toHaveLength(1);

    // ddd export --format markdown, and the preview's Markdown export through the server
    const markdown = await cli({ view: entry.view, name: entry.name, format: 'markdown' });
    expect(mermaidBlocks(markdown).filter(sameText(text)), 'ddd export --format markdown').toHaveLength(1);
    const served = server['ddd/markdown']({ views: [entry.view], ...(entry.name !== undefined ? { name: entry.name } : {}) }).markdown;
    expect(mermaidBlocks(served).filter(sameText(text)), 'ddd/markdown').toHaveLength(1);
  });
});

describe('an unknown view or name: the same message from the CLI, the Markdown export and the server', () => {
  async function cliProblem(options: Record<string, string | undefined>): Promise<string> {
    const error = await cli(options).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }

  function serverMarkdownProblem(params: { views?: string[]; name?: string }): string {
    try {
      server['ddd/markdown'](params as never);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('ddd/markdown answered');
  }

  function serverProblem(params: { view: string; name?: string }): string {
    const result = server['ddd/diagram'](params as never);
    if (result.kind !== 'problem') throw new Error(`${result.key} was drawn`);
    return result.message;
  }

  it.each([
    ['context-map', 'Nope'],
    ['aggregates', 'Nope'],
    ['saga', 'Nope'],
    ['storming', 'Nope'],
  ])('%s named %s', async (view, name) => {
    const message = serverProblem({ view, name });
    expect(message).toMatch(new RegExp(`^There is no [a-z ]+ named ${name} \\(the [a-z ]+ are [A-Za-z0-9, ]+\\)$`));
    expect(await cliProblem({ view, name })).toBe(message);
    expect(await cliProblem({ view, name, format: 'markdown' })).toBe(message);
    expect(serverMarkdownProblem({ views: [view], name })).toBe(message);
  });

  it('a view that does not exist', async () => {
    const message = unknownViewProblem('nope');
    expect(message).toBe('There is no view named nope (the views are context-map, aggregates, saga, flows, storming, domains)');
    expect(serverProblem({ view: 'nope' })).toBe(message);
    expect(await cliProblem({ view: 'nope' })).toBe(message);
    expect(await cliProblem({ view: 'nope', format: 'markdown' })).toBe(message);
    expect(serverMarkdownProblem({ views: ['nope'] })).toBe(message);
    // on the wire, the protocol's validator answers first, naming the same views
    const wire = checkRequestParams('ddd/diagram', { view: 'nope' });
    expect(wire.ok).toBe(false);
    if (!wire.ok) expect(wire.reason).toContain(viewNames.join(', '));
  });
});
