/**
 * The context map's colours flow from `ddd diff --format json` (its `contexts`,
 * as the editor's diff worker prints them) through the extension's request
 * (map-colours.ts) to the server's `ddd/diagram`, over JSON-RPC, into the
 * mermaid text and the legend; the server checks them like every parameter.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffCommand } from '../../src/cli/diff';
import { mapChangesOf, MapColours, withMapChanges } from '../../src/extension/diff/map-colours';
import type { DiagramResult } from '../../src/protocol/index';
import type { CliDiff } from '../../src/protocol/diff';
import { registerCustomRequests } from '../../src/server/custom-requests';
import { diffFixtures } from '../diff/fixtures';
import { startSession, waitForAll, type Session } from './lsp-harness';

/** A fixture case's version as a folder: the base's files with the case's own. */
function caseFolder(name: string, side: 'old' | 'new'): string {
  const folder = mkdtempSync(join(tmpdir(), `ddd-map-${side}-`));
  cpSync(join(diffFixtures, 'base'), folder, { recursive: true });
  const own = join(diffFixtures, name, side);
  for (const file of readdirSync(own)) cpSync(join(own, file), join(folder, file));
  return folder;
}

async function jsonDiff(before: string, after: string): Promise<CliDiff> {
  let stdout = '';
  const code = await diffCommand.run({ args: [before, after], afterSeparator: [], options: { format: 'json', allow: 'breaking', 'no-simulate': true }, cwd: tmpdir(), out: { stdout: (text) => void (stdout += text), stderr: () => undefined, color: false } });
  expect(code).toBe(0);
  return JSON.parse(stdout) as CliDiff;
}

describe('the map colours of a comparison, through the server', () => {
  let session: Session;
  let diff: CliDiff;
  beforeAll(async () => {
    // InventoryReserved renamed while Billing hears it
    const after = caseFolder('event-renamed-heard', 'new');
    diff = await jsonDiff(join(diffFixtures, 'base'), after);
    session = await startSession(after);
    const server = session.server;
    registerCustomRequests(server.connection, { model: () => server.model(), diagnostics: () => [...server.workspace.diagnostics().values()].flat() });
    await waitForAll(session, [session.uri('inventory.ddd')]);
  });
  afterAll(async () => {
    await session?.dispose();
  });

  test('the diff says which contexts; the drawing colours them and its legend names the base', async () => {
    expect(diff.contexts).toEqual([
      { name: 'Inventory', impact: 'breaking' },
      { name: 'Billing', impact: 'affected' },
    ]);
    const params = withMapChanges({ view: 'context-map', options: { theme: 'light' } }, mapChangesOf(diff, 'HEAD'));
    const drawn = (await session.client.sendRequest('ddd/diagram', params)) as DiagramResult;
    expect(drawn.kind).toBe('mermaid');
    if (drawn.kind !== 'mermaid') return;
    const id = (name: string) => drawn.nodes.find((node) => node.label === name)!.id;
    expect(drawn.text).toContain(`class ${id('Inventory')} changeBreaking`);
    expect(drawn.text).toContain(`class ${id('Billing')} changeAffected`);
    expect(drawn.legend?.changes).toMatchObject({ base: 'HEAD', impacts: [{ impact: 'breaking' }, { impact: 'affected' }] });
    // the colours are not one of the view's options: the same key (the zoom stays), nothing to send back
    expect(drawn.key).toBe('context-map');
    expect(drawn.options).toEqual({ theme: 'light' });
  });

  test('no comparison, or another view: the request is as it was', async () => {
    expect(withMapChanges({ view: 'saga', name: 'OrderSaga' }, mapChangesOf(diff, 'HEAD'))).toEqual({ view: 'saga', name: 'OrderSaga' });
    const plain = (await session.client.sendRequest('ddd/diagram', withMapChanges({ view: 'context-map' }, undefined))) as DiagramResult;
    expect(plain.kind === 'mermaid' && plain.text).not.toMatch(/changeBreaking/);
    expect(plain.legend?.changes).toBeUndefined();
  });

  test('the server checks the colours it is sent', async () => {
    await expect(session.client.sendRequest('ddd/diagram', { view: 'context-map', changes: { base: 'HEAD', contexts: [{ name: 'Sales', impact: 'doomed' }] } })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/impact/) });
    await expect(session.client.sendRequest('ddd/diagram', { view: 'context-map', changes: { base: '', contexts: [] } })).rejects.toMatchObject({ code: -32602 });
  });
});

describe('the colours the preview draws with', () => {
  test('set by the comparison, cleared when its panel closes; listeners hear of changes only', () => {
    const colours = new MapColours();
    let heard = 0;
    const listening = colours.onDidChange(() => heard++);
    colours.set({ base: 'main', contexts: [{ name: 'Sales', impact: 'risky' }] });
    colours.set({ base: 'main', contexts: [{ name: 'Sales', impact: 'risky' }] });
    expect(heard).toBe(1);
    colours.set(undefined);
    expect(colours.current).toBeUndefined();
    expect(heard).toBe(2);
    listening.dispose();
    colours.set({ base: 'v1', contexts: [] });
    expect(heard).toBe(2);
  });
});
