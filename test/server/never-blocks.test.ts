/**
 * The server never blocks (issue 11), over real JSON-RPC: validation goes a slice
 * at a time, so a request is answered between two slices; an edit abandons the run
 * under way; a request cancelled before it runs does no work. Order of messages
 * and counts of work, never wall-clock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CancellationTokenSource, HoverRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { pastedWorkspace } from '../../src/bench/scale-workspaces';
import { nodeClock, type SchedulerClock } from '../../src/server/validation-scheduler';
import { explorationWork } from '../../src/server/simulation-requests';
import { viewWork } from '../../src/server/view-requests';
import { startSession, tempWorkspace, type Session } from './lsp-harness';

/** The real event loop, except that while `holding` the scheduler's turns wait for `release()`. */
class HeldClock implements SchedulerClock {
  holding = false;
  held: (() => void)[] = [];
  now = () => nodeClock.now();
  after = (ms: number, callback: () => void) => nodeClock.after(ms, callback);
  nextTurn(callback: () => void): void {
    if (this.holding) this.held.push(callback);
    else nodeClock.nextTurn(callback);
  }
  release(): void {
    this.holding = false;
    for (const callback of this.held.splice(0)) nodeClock.nextTurn(callback);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 40_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const exampleRoot = new URL('../../examples/order-saga', import.meta.url).pathname;

let session: Session | undefined;
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

/**
 * A session whose validation of a pasted document (version 1) is held after its re-link and
 * first validation step: what a request or an edit meets while a validation is under way.
 */
async function heldValidation() {
  const clock = new HeldClock();
  let opened = false;
  let slicesSinceOpen = 0;
  session = await startSession(tempWorkspace(), {
    clock,
    onValidationSlice: () => {
      if (opened && ++slicesSinceOpen === 2) clock.holding = true;
    },
  });
  const server = session.server;
  await until(() => server.workspace.validatedNow, 'the empty workspace to be validated');
  const [pasted] = pastedWorkspace(20);
  const uri = session.uri('pasted.ddd');
  opened = true;
  session.open(uri, pasted!.text, 1);
  await until(() => clock.held.length === 1, 'the run on version 1 to be under way');
  return { session, clock, server, uri, pasted: pasted! };
}

describe('the server answers while it validates', () => {
  test('a hover sent right after opening a paste of 300 copies is answered before the paste\'s diagnostics are published', { timeout: 90_000 }, async () => {
    const root = tempWorkspace();
    const [pasted] = pastedWorkspace(300);
    // as in `npm run soak`: the file is on disk (read by the index) and opened in the editor
    writeFileSync(join(root, 'pasted.ddd'), pasted!.text);
    let slices = 0;
    session = await startSession(root, { initializationOptions: { diagnosticsDelay: 0 }, onValidationSlice: () => slices++ });
    const uri = session.uri('pasted.ddd');
    const published = session.nextDiagnostics(uri, (params) => params.diagnostics.length > 0, 80_000);
    session.open(uri, pasted!.text);
    const hover = await session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 13 } });
    const publishedBeforeHover = session.publications.filter((params) => params.uri === uri).length;
    const slicesBeforeHover = slices;
    const params = await published;
    expect(hover).not.toBeNull();
    expect(publishedBeforeHover).toBe(0);
    // the findings came in many slices, and the hover did not wait for all of them
    expect(slices - slicesBeforeHover).toBeGreaterThan(5);
    expect(JSON.stringify(params).length).toBeLessThan(1_000_000);
  });

  test('an edit during a validation abandons it: the old version\'s diagnostics are never published, the new one\'s are', { timeout: 60_000 }, async () => {
    const { session, clock, server, uri, pasted } = await heldValidation();
    session.change(uri, `${pasted.text}\ncontext Added {}\n`, 2);
    // the edit arrived: it scheduled the run on version 2, behind the held slice of version 1
    await until(() => clock.held.length === 2, 'the edit to arrive');
    clock.release();
    const published = await session.nextDiagnostics(uri, (params) => params.version === 2, 40_000);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(session.publications.filter((params) => params.uri === uri).map((params) => params.version)).toEqual([2]);
    expect(server.scheduler.work.abandoned).toBe(1);
  });
});

describe('the preview while a validation is under way', () => {
  test('a context map is drawn from the linked model without finishing the validation; a storming board, which shows findings, finishes it', { timeout: 60_000 }, async () => {
    const { session, clock, server, uri } = await heldValidation();
    const map = await session.client.sendRequest<{ kind: string }>('ddd/diagram', { view: 'context-map' });
    expect(map.kind).not.toBe('problem');
    expect(server.workspace.validatedNow).toBe(false);
    await session.client.sendRequest('ddd/diagram', { view: 'storming', name: 'model' });
    expect(server.workspace.validatedNow).toBe(true);
    clock.release();
    const published = await session.nextDiagnostics(uri, (params) => params.version === 1, 40_000);
    expect(published.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('a request its client no longer needs does no work', () => {
  test('a cancelled ddd/diagram returns RequestCancelled without drawing; the same request not cancelled draws', async () => {
    const root = tempWorkspace(exampleRoot);
    session = await startSession(root);
    const before = { ...viewWork };
    const source = new CancellationTokenSource();
    const asked = session.client.sendRequest('ddd/diagram', { view: 'context-map' }, source.token);
    source.cancel();
    const error = await asked.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    expect(viewWork.diagrams).toBe(before.diagrams);
    const drawn = await session.client.sendRequest<{ kind: string }>('ddd/diagram', { view: 'context-map' });
    expect(drawn.kind).not.toBe('problem');
    expect(viewWork.diagrams).toBe(before.diagrams + 1);
  });

  test('a cancelled ddd/views and ddd/explore do nothing either', async () => {
    session = await startSession(tempWorkspace(exampleRoot));
    const before = { views: viewWork.views, explored: explorationWork.explored };
    for (const [method, params] of [
      ['ddd/views', {}],
      ['ddd/explore', { saga: 'OrderSaga' }],
    ] as const) {
      const source = new CancellationTokenSource();
      const asked = session.client.sendRequest(method, params, source.token);
      source.cancel();
      await expect(asked).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
    }
    expect({ views: viewWork.views, explored: explorationWork.explored }).toEqual(before);
  });
});
