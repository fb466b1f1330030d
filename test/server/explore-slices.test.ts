/**
 * ddd/explore within its work budget, a slice at a time (issue 11): a big saga
 * is explored as far as the budget reaches and the answer says so; hover is
 * answered between slices; a cancelled exploration stops at the next slice.
 * Order of messages and counts of work, never wall-clock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CancellationTokenSource, HoverRequest, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { bigChoreography, bigSaga } from '../../src/bench/scale-workspaces';
import { buildModel, parseDocument } from '../../src/language/index';
import { DEFAULT_EXPLORE_STEPS } from '../../src/language/simulation/index';
import type { ExploreResult } from '../../src/protocol/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { EXPLORE_SLICE, explorationWork, MAX_EXPLORED_SAGA_SIZE } from '../../src/server/simulation-requests';
import { startSession, tempWorkspace, type Session } from './lsp-harness';

let session: Session | undefined;
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

const handlersOf = (text: string) => {
  const model = buildModel([parseDocument('file:///big.ddd', text)]);
  return customRequestHandlers({ model: () => model });
};

describe('a saga past the size checked on every keystroke', () => {
  test('is explored as far as the default budget reaches, a slice at a time, and the answer says how far', async () => {
    const handlers = handlersOf(bigSaga(301));
    const before = { ...explorationWork };
    const result = await handlers['ddd/explore']({ saga: 'Big' });
    if (result.style !== 'orchestrated') throw new Error('orchestrated');
    expect(result.coverage).toMatchObject({ complete: false, totalExact: true, budget: DEFAULT_EXPLORE_STEPS });
    expect(result.coverage.paths).toBeLessThan(result.coverage.totalPaths);
    expect(result.outcomes.length).toBeGreaterThan(0);
    expect(explorationWork.explored).toBe(before.explored + 1);
    // the budget in slices: the server gave way between them
    expect(explorationWork.slices - before.slices).toBeGreaterThanOrEqual(Math.floor(DEFAULT_EXPLORE_STEPS / EXPLORE_SLICE) - 1);
  });

  test('a choreography of 301 reactions too', async () => {
    const result = await handlersOf(bigChoreography(301))['ddd/explore']({ saga: 'Chain' });
    expect(result.style).toBe('choreographed');
    expect(result.coverage.complete).toBe(false);
    expect(result.outcomes.length).toBeGreaterThan(0);
  });

  test('a smaller budget asked for explores less', async () => {
    const handlers = handlersOf(bigSaga(301));
    const small = await handlers['ddd/explore']({ saga: 'Big', budget: 10_000 });
    const large = await handlers['ddd/explore']({ saga: 'Big', budget: 40_000 });
    expect(small.coverage.paths).toBeLessThan(large.coverage.paths);
    expect(small.coverage.budget).toBe(10_000);
  });

  test.each([
    ['an orchestrated saga', bigSaga(MAX_EXPLORED_SAGA_SIZE + 1), 'Big', 'steps'],
    ['a choreography', bigChoreography(MAX_EXPLORED_SAGA_SIZE + 1), 'Chain', 'reactions'],
  ])('%s past the size whose failure paths the editor builds is not explored: the answer says why and what to do', async (_, text, saga, parts) => {
    const before = explorationWork.explored;
    await expect(handlersOf(text)['ddd/explore']({ saga })).rejects.toThrow(
      new RegExp(`${saga} has 1,001 ${parts}, more than the 1,000 explored in the editor.*ddd simulate --saga ${saga} --explore`),
    );
    expect(explorationWork.explored).toBe(before);
  });
});

describe('over JSON-RPC', () => {
  async function bigWorkspace(): Promise<{ session: Session; uri: string }> {
    const root = tempWorkspace();
    writeFileSync(join(root, 'big.ddd'), bigSaga(300));
    const started = await startSession(root, { initializationOptions: { diagnosticsDelay: 0 } });
    const uri = started.uri('big.ddd');
    await started.nextDiagnostics(uri, () => true, 60_000);
    return { session: started, uri };
  }

  test('a hover sent while a big exploration runs is answered before the exploration ends', { timeout: 90_000 }, async () => {
    const opened = await bigWorkspace();
    session = opened.session;
    const order: string[] = [];
    const before = explorationWork.slices;
    let slicesAtHover = 0;
    const explored = session.client.sendRequest<ExploreResult>('ddd/explore', { saga: 'Big', budget: 40 * EXPLORE_SLICE }).then((result) => {
      order.push('explore');
      return result;
    });
    const hover = session.client.sendRequest(HoverRequest.type, { textDocument: { uri: opened.uri }, position: { line: 1, character: 12 } }).then((answer) => {
      order.push('hover');
      slicesAtHover = explorationWork.slices - before;
      return answer;
    });
    const [result, answer] = await Promise.all([explored, hover]);
    expect(order).toEqual(['hover', 'explore']);
    expect(answer).not.toBeNull();
    // the exploration had slices left when the hover was answered
    expect(slicesAtHover).toBeLessThan(explorationWork.slices - before);
    expect(result.coverage.complete).toBe(false);
  });

  test('a cancelled exploration stops at the next slice, RequestCancelled, saying how far it got', { timeout: 90_000 }, async () => {
    const opened = await bigWorkspace();
    session = opened.session;
    const source = new CancellationTokenSource();
    const before = explorationWork.slices;
    const budget = 200 * EXPLORE_SLICE;
    const asked = session.client.sendRequest('ddd/explore', { saga: 'Big', budget }, source.token);
    for (let waited = 0; explorationWork.slices - before < 3; waited++) {
      if (waited > 20_000) throw new Error('the exploration never started');
      await new Promise((resolve) => setImmediate(resolve));
    }
    source.cancel();
    await expect(asked).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled, message: expect.stringMatching(/^ddd\/explore of Big was cancelled: explored [\d,]+ of 46,053 paths/) });
    const sliced = explorationWork.slices - before;
    expect(sliced).toBeLessThan(200);
    // nothing runs on after the answer
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(explorationWork.slices - before).toBe(sliced);
  });
});
