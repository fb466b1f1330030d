/**
 * Input at the edges: what a `.ddd` file must be before it is parsed (a
 * regular file, at most the size limit, UTF-8), the same rule in the core for
 * the CLI and the server, and the language server indexing a workspace that
 * holds a link to /dev/zero, a FIFO, a Latin-1 file and a file over the limit.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { decodeSourceText, describeSize, fileSizeLimit, MAX_FILE_SIZE, MAX_FILE_SIZE_CEILING, sizeProblem } from '../../src/language/util/source-text';
import { readTextFile } from '../../src/server/files';
import { defaultSettings, readSettings } from '../../src/server/settings';
import { startSession, tempWorkspace, waitForAll, type Session } from '../server/lsp-harness';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));
const model = 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n  }\n}\n';
const posix = process.platform !== 'win32';

describe('decodeSourceText: UTF-8 or a message naming the line', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    expect(decodeSourceText(bytes([0xef, 0xbb, 0xbf], 'context Café {}'))).toEqual({ ok: true, text: 'context Café {}' });
    expect(decodeSourceText(bytes('🧾 注文\n'))).toEqual({ ok: true, text: '🧾 注文\n' });
  });

  it.each([
    ['a Latin-1 é on line 3', bytes('a\nb\nCaf', [0xe9], '\n'), 'not UTF-8 text: invalid byte 0xE9 at line 3'],
    ['a lone continuation byte', bytes([0x80]), 'not UTF-8 text: invalid byte 0x80 at line 1'],
    ['an overlong encoding of /', bytes('x\n', [0xc0, 0xaf]), 'not UTF-8 text: invalid byte 0xC0 at line 2'],
    ['an encoded surrogate', bytes([0xed, 0xa0, 0x80]), 'not UTF-8 text: invalid byte 0xED at line 1'],
    ['a sequence cut off at the end', bytes('ok\n\n', [0xe2, 0x82]), 'not UTF-8 text: invalid byte 0xE2 at line 3'],
    ['UTF-16 with its byte-order mark', bytes([0xff, 0xfe, 0x63, 0x00]), 'not UTF-8 text: invalid byte 0xFF at line 1'],
    ['a code point past U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 'not UTF-8 text: invalid byte 0xF4 at line 1'],
  ])('%s', (_, input, problem) => {
    expect(decodeSourceText(input)).toEqual({ ok: false, problem });
  });
});

describe('one size limit for the server and the CLI', () => {
  it('is the server default, raised by the maxFileSize setting within a ceiling', () => {
    expect(defaultSettings.maxFileSize).toBe(MAX_FILE_SIZE);
    expect(readSettings({ maxFileSize: 10_000_000 }).maxFileSize).toBe(10_000_000);
    expect(readSettings({ maxFileSize: 1e12 }).maxFileSize).toBe(MAX_FILE_SIZE_CEILING);
    for (const wrong of [-1, 0, 1.5, 'lots', null, Number.NaN]) expect(readSettings({ maxFileSize: wrong }).maxFileSize).toBe(MAX_FILE_SIZE);
    expect(fileSizeLimit('2048')).toBe(2048);
  });

  it('says the size and the limit', () => {
    expect(sizeProblem(MAX_FILE_SIZE)).toBeUndefined();
    expect(sizeProblem(6.5 * 1024 * 1024)).toBe('6.5 MB, more than the 5 MB limit for a .ddd file (see docs/limits.md)');
    expect(sizeProblem(MAX_FILE_SIZE + 1)).toBe(`${MAX_FILE_SIZE + 1} bytes, more than the 5 MB limit for a .ddd file (see docs/limits.md)`);
    expect(describeSize(1536)).toBe('1.5 KB');
  });
});

describe('the server reads only regular UTF-8 files under the limit', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it.runIf(posix)('readTextFile refuses a link to /dev/zero and a FIFO without opening them, and says why', async () => {
    const root = tempWorkspace();
    symlinkSync('/dev/zero', join(root, 'zero.ddd'));
    execFileSync('mkfifo', [join(root, 'pipe.ddd')]);
    const said: string[] = [];
    expect(await readTextFile(join(root, 'zero.ddd'), MAX_FILE_SIZE, (problem) => said.push(problem))).toBeUndefined();
    expect(await readTextFile(join(root, 'pipe.ddd'), MAX_FILE_SIZE, (problem) => said.push(problem))).toBeUndefined();
    expect(await readTextFile(join(root, 'gone.ddd'), MAX_FILE_SIZE, (problem) => said.push(problem))).toBeUndefined();
    expect(said).toEqual([`not read ${join(root, 'zero.ddd')}: it is not a regular file`, `not read ${join(root, 'pipe.ddd')}: it is not a regular file`]);
  });

  it.runIf(posix)('indexes the good files of a workspace that holds bad ones, and logs each bad one', async () => {
    const root = tempWorkspace();
    writeFileSync(join(root, 'sales.ddd'), model);
    writeFileSync(join(root, 'latin1.ddd'), bytes('context Caf', [0xe9], ' {}\n'));
    writeFileSync(join(root, 'big.ddd'), `${model}// ${'x'.repeat(300)}\n`);
    symlinkSync('/dev/zero', join(root, 'zero.ddd'));
    execFileSync('mkfifo', [join(root, 'pipe.ddd')]);
    session = await startSession(root, { initializationOptions: { diagnosticsDelay: 10, maxFileSize: 200 } });
    const sales = session.uri('sales.ddd');
    await waitForAll(session, [sales]);
    const symbols = await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: sales } });
    expect(symbols).toHaveLength(1);
    for (const name of ['latin1.ddd', 'big.ddd', 'zero.ddd', 'pipe.ddd']) expect(session.server.document(session.uri(name))).toBeUndefined();
    const logs = session.logs.join('\n');
    expect(logs).toContain(`not read ${join(root, 'latin1.ddd')}: it is not UTF-8 text: invalid byte 0xE9 at line 1`);
    expect(logs).toContain(`not read ${join(root, 'big.ddd')}: it is ${model.length + 304} bytes, more than the 200 bytes limit for a .ddd file`);
    // the folder scan takes regular files only: the link and the FIFO are never opened (readTextFile says why when asked for one)
    expect(logs).not.toContain('zero.ddd');
  });
});
