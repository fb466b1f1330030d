/**
 * The file system side of the server: finding `.ddd` files under the workspace
 * folders and reading them. The only place (with main.ts) that uses Node APIs.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeSourceText, sizeProblem } from '../language/util/source-text';
import { skippedModelFolders } from '../protocol/workspace-files';

/** Folders never searched for models. */
const skippedFolders = new Set<string>(skippedModelFolders);

export function isDddPath(path: string): boolean {
  return path.toLowerCase().endsWith('.ddd');
}

/** The file system path of a `file:` uri, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * A key under which two spellings of the same file's uri compare equal
 * (`file:///c%3A/x.ddd` and `file:///C:/x.ddd`).
 */
export function uriKey(uri: string): string {
  const path = uriToPath(uri);
  if (path === undefined) return uri;
  return 'file:' + (/^[A-Za-z]:/.test(path) ? path.charAt(0).toLowerCase() + path.slice(1) : path);
}

/** Every `.ddd` file under `root` (hidden folders, node_modules, dist and out left out), at most `limit`. */
export async function findDddFiles(root: string, limit: number): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length && found.length < limit) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) pending.push(join(dir, entry.name));
      } else if (entry.isFile() && isDddPath(entry.name)) {
        found.push(join(dir, entry.name));
        if (found.length >= limit) break;
      }
    }
  }
  return found.sort();
}

/**
 * The text of a `.ddd` file, or undefined when it is not read: not a regular
 * file (a FIFO or a link to a device is never opened), larger than `maxSize`
 * bytes, not UTF-8, or unreadable. Why it was not read goes to `report` (the
 * server's log), except for a file that is gone.
 */
export async function readTextFile(path: string, maxSize: number, report: (problem: string) => void = () => undefined): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return skip(report, path, 'it is not a regular file');
    const tooLarge = sizeProblem(stat.size, maxSize);
    if (tooLarge) return skip(report, path, `it is ${tooLarge}`);
    handle = await fs.open(path, 'r');
    // the file may have been replaced since the stat: check what was opened, and never read past the limit
    const opened = await handle.stat();
    if (!opened.isFile()) return skip(report, path, 'it is not a regular file');
    const buffer = new Uint8Array(Math.min(opened.size, maxSize) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxSize) return skip(report, path, `it is ${sizeProblem(length, maxSize)}`);
    const decoded = decodeSourceText(buffer.subarray(0, length));
    return decoded.ok ? decoded.text : skip(report, path, `it is ${decoded.problem}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') report(`not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function skip(report: (problem: string) => void, path: string, why: string): undefined {
  report(`not read ${path}: ${why}`);
  return undefined;
}
