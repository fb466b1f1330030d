/**
 * The file system side of the server: finding `.ddd` files under the workspace
 * folders and reading them. The only place (with main.ts) that uses Node APIs.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Folders never searched for models. */
const skippedFolders = new Set(['node_modules', 'dist', 'out']);

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

/** The text of a file, or undefined when it cannot be read or is larger than `maxSize` bytes. */
export async function readTextFile(path: string, maxSize: number): Promise<string | undefined> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile() || stat.size > maxSize) return undefined;
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
