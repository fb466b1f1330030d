/**
 * `ddd/exportFormats` and `ddd/exportModel`, through a real JSON-RPC connection
 * (the in-process server): the registry's formats, an export's files, and bad
 * parameters refused with InvalidParams.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { modelExportFormats } from '../../src/language/export/index';
import type { ExportFormatsResult, ExportModelResult } from '../../src/protocol/index';
import { registerCustomRequests } from '../../src/server/custom-requests';
import { startSession, tempWorkspace, waitForAll, type Session } from './lsp-harness';

describe('the model exports over JSON-RPC', () => {
  let session: Session;
  beforeAll(async () => {
    const root = tempWorkspace(new URL('../../examples/order-saga', import.meta.url).pathname);
    session = await startSession(root);
    const server = session.server;
    registerCustomRequests(server.connection, { model: () => server.model() });
    await waitForAll(session, [session.uri('sagas/order-saga.ddd')]);
  });
  afterAll(async () => {
    await session?.dispose();
  });

  test('ddd/exportFormats: every format of the core registry, without its function', async () => {
    const { formats } = (await session.client.sendRequest('ddd/exportFormats', {})) as ExportFormatsResult;
    expect(formats).toEqual(modelExportFormats.map(({ id, label, description, takesName, takesJson }) => ({ id, label, description, takesName, takesJson })));
  });

  test('ddd/exportModel: the files of one export, paths relative', async () => {
    const result = (await session.client.sendRequest('ddd/exportModel', { format: 'asyncapi', name: 'Sales', json: true })) as ExportModelResult;
    expect(result.files.map((file) => file.path)).toEqual(['Sales.asyncapi.json']);
    expect(JSON.parse(result.files[0]!.text).info.title).toBe('Sales');
    const catalog = (await session.client.sendRequest('ddd/exportModel', { format: 'eventcatalog' })) as ExportModelResult;
    expect(catalog.files.map((file) => file.path)).toContain('services/Sales/index.mdx');
  });

  test('an unknown format or context, or a malformed format id: InvalidParams with the reason', async () => {
    await expect(session.client.sendRequest('ddd/exportModel', { format: 'openapi' })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/unknown export format 'openapi'/) });
    await expect(session.client.sendRequest('ddd/exportModel', { format: 'asyncapi', name: 'Nope' })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/no bounded context 'Nope'/) });
    await expect(session.client.sendRequest('ddd/exportModel', { format: '../x' })).rejects.toMatchObject({ code: -32602 });
    await expect(session.client.sendRequest('ddd/exportModel', { format: 'json', evil: true })).rejects.toMatchObject({ message: expect.stringMatching(/unexpected property/) });
  });
});
