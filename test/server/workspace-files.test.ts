/**
 * The platform-free side of reading the workspace: uri keys and folders (no
 * Node path API), and the reader that asks the client (the Web Worker's), fed
 * every kind of answer the extension gives, and some it should not.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes, skippedFoldersGlob, WorkspaceFileRequests, type ReadFileResult } from '../../src/protocol/workspace-files';
import { clientWorkspaceFiles } from '../../src/server/client-files';
import { isInFolder, uriKey } from '../../src/server/workspace-files';

describe('uri keys and folders', () => {
  it('spell the same file the same way: percent-encoding and the drive letter', () => {
    expect(uriKey('file:///c%3A/models/x.ddd')).toBe(uriKey('file:///C:/models/x.ddd'));
    expect(uriKey('file:///home/a%20b/x.ddd')).toBe(uriKey('file:///home/a b/x.ddd'));
    expect(uriKey('vscode-vfs://github/o/r/a%20b.ddd')).toBe(uriKey('vscode-vfs://github/o/r/a b.ddd'));
    expect(uriKey('file:///home/x.ddd')).not.toBe(uriKey('file:///home/X.ddd'));
    expect(uriKey('file:///home/x.ddd')).not.toBe(uriKey('vscode-vfs:///home/x.ddd'));
    // not a uri, or broken percent-encoding: itself
    expect(uriKey('file:///home/%E0%A4%A.ddd')).toBe('file:///home/%E0%A4%A.ddd');
  });

  it('tell what is inside a folder, whatever the scheme', () => {
    expect(isInFolder('file:///ws/contexts/a.ddd', 'file:///ws')).toBe(true);
    expect(isInFolder('file:///ws/a.ddd', 'file:///ws/')).toBe(true);
    expect(isInFolder('file:///ws2/a.ddd', 'file:///ws')).toBe(false);
    expect(isInFolder('file:///c%3A/ws/a.ddd', 'file:///C:/ws')).toBe(true);
    expect(isInFolder('vscode-remote://host:8080/ws/a.ddd', 'vscode-remote://host:8080/ws')).toBe(true);
    expect(isInFolder('vscode-remote://other/ws/a.ddd', 'vscode-remote://host:8080/ws')).toBe(false);
  });

  it('exclude hidden folders and the build folders in the client search too', () => {
    expect(skippedFoldersGlob()).toBe('{**/.*/**,**/node_modules/**,**/dist/**,**/out/**}');
  });

  it('carry bytes as base64 both ways, a file larger than one chunk too', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back).toBeInstanceOf(Uint8Array);
    // compared as bytes: toEqual walks a 100,000-element array one element at a time
    expect(Buffer.compare(back!, bytes)).toBe(0);
    expect(base64ToBytes('not base64!')).toBeUndefined();
  });
});

describe('the workspace read through the client', () => {
  const text = 'context Sales {}\n';
  const answers = new Map<string, ReadFileResult | (() => never)>([
    ['vscode-vfs://gh/r/ok.ddd', { kind: 'read', base64: bytesToBase64(new TextEncoder().encode(text)) }],
    ['vscode-vfs://gh/r/big.ddd', { kind: 'too-large', size: 6 * 1024 * 1024 }],
    ['vscode-vfs://gh/r/folder.ddd', { kind: 'not-a-file' }],
    ['vscode-vfs://gh/r/gone.ddd', { kind: 'gone' }],
    ['vscode-vfs://gh/r/denied.ddd', { kind: 'failed', message: 'permission denied' }],
    ['vscode-vfs://gh/r/latin1.ddd', { kind: 'read', base64: bytesToBase64(new Uint8Array([0x63, 0xe9, 0x0a])) }],
    ['vscode-vfs://gh/r/liar.ddd', { kind: 'read', base64: bytesToBase64(new Uint8Array(2000)) }],
    ['vscode-vfs://gh/r/garbage.ddd', { nonsense: true } as unknown as ReadFileResult],
    ['vscode-vfs://gh/r/broken.ddd', () => { throw new Error('the connection is gone'); }],
  ]);
  const requests: { method: string; params: unknown }[] = [];
  const files = clientWorkspaceFiles({
    sendRequest: (async (method: string, params: { uri?: string }) => {
      requests.push({ method, params });
      if (method === WorkspaceFileRequests.find) return { uris: ['vscode-vfs://gh/r/b.ddd', 'vscode-vfs://gh/r/a.ddd', 'vscode-vfs://gh/r/readme.md', 42, 'vscode-vfs://gh/r/c.ddd'] };
      const answer = answers.get(params.uri!);
      return typeof answer === 'function' ? answer() : answer;
    }) as never,
  });

  it('lists the .ddd files the editor found, sorted, within the limit, dropping anything else', async () => {
    expect(await files.find('vscode-vfs://gh/r', 2)).toEqual(['vscode-vfs://gh/r/a.ddd', 'vscode-vfs://gh/r/b.ddd']);
    expect(requests.at(-1)).toEqual({ method: WorkspaceFileRequests.find, params: { folder: 'vscode-vfs://gh/r', limit: 2 } });
  });

  it('reads a file, and says why one is not read, as the disk reader does', async () => {
    const said: string[] = [];
    const read = (name: string, maxSize = 1000) => files.read(`vscode-vfs://gh/r/${name}`, maxSize, (problem) => said.push(problem));
    expect(await read('ok.ddd')).toBe(text);
    expect(requests.at(-1)).toEqual({ method: WorkspaceFileRequests.read, params: { uri: 'vscode-vfs://gh/r/ok.ddd', maxSize: 1000 } });
    for (const name of ['big.ddd', 'folder.ddd', 'gone.ddd', 'denied.ddd', 'latin1.ddd', 'liar.ddd', 'garbage.ddd', 'broken.ddd']) expect(await read(name)).toBeUndefined();
    expect(said).toEqual([
      expect.stringMatching(/^not read vscode-vfs:\/\/gh\/r\/big\.ddd: it is 6 MB, more than the 1000 bytes limit/),
      'not read vscode-vfs://gh/r/folder.ddd: it is not a regular file',
      'not read vscode-vfs://gh/r/denied.ddd: permission denied',
      expect.stringMatching(/^not read vscode-vfs:\/\/gh\/r\/latin1\.ddd: it is not UTF-8/),
      expect.stringMatching(/^not read vscode-vfs:\/\/gh\/r\/liar\.ddd: it is 2 KB, more than the 1000 bytes limit/),
      'not read vscode-vfs://gh/r/garbage.ddd: the editor did not answer with its text',
      'not read vscode-vfs://gh/r/broken.ddd: the connection is gone',
    ]);
  });

  it('leaves documents that exist only in the editor to the editor', () => {
    expect(files.owns('untitled:Untitled-1')).toBe(false);
    expect(files.owns('vscode-vfs://gh/r/ok.ddd')).toBe(true);
    expect(files.owns('file:///ws/a.ddd')).toBe(true);
  });
});
