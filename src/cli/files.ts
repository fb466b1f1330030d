/**
 * Finds and reads the .ddd files named on the command line: files as given,
 * folders searched recursively (skipping node_modules and dot-folders).
 * Problems with the paths are collected as messages, never thrown, so the
 * valid paths are still checked.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeSourceText, describeSize, fileSizeLimit, MAX_FILE_SIZE, MAX_FILE_SIZE_CEILING, sizeProblem } from '../language/util/source-text';

export interface DddFile {
  /** Absolute path. */
  path: string;
  /** The path as shown to the user: relative to the working folder. */
  display: string;
  uri: string;
  text: string;
}

export interface CollectedFiles {
  files: DddFile[];
  /** One sentence per path that could not be used (printed as `ddd: …`). */
  problems: string[];
}

export const DDD_EXTENSION = '.ddd';

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOENT') return 'it does not exist';
  return error instanceof Error ? error.message : String(error);
}

export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  if (shown === '') return '.';
  return isAbsolute(shown) ? path : shown;
}

/** Collects the .ddd files under `inputs` (the working folder when there are none). */
export function collectDddFiles(inputs: readonly string[], cwd: string): CollectedFiles {
  const problems: string[] = [];
  const paths: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    let key = path;
    try {
      key = realpathSync(path);
    } catch {
      // keep the path as given
    }
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };

  for (const input of inputs.length ? inputs : ['.']) {
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' || code === 'ENOTDIR' ? `${input} does not exist` : `cannot read ${input} (${errorText(error)})`);
      continue;
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(path, found, problems, cwd, new Set());
      if (found.length === 0) problems.push(`no .ddd files found in ${input === '.' ? 'the current folder' : input}`);
      found.sort();
      found.forEach(add);
    } else if (!input.endsWith(DDD_EXTENSION)) {
      problems.push(`${input} is not a .ddd file`);
    } else {
      add(path);
    }
  }

  const limit = cliFileSizeLimit(problems);
  const files: DddFile[] = [];
  for (const path of paths) {
    const display = displayPath(path, cwd);
    const read = readDddText(path, limit);
    if (read.ok) files.push({ path, display, uri: pathToFileURL(path).href, text: read.text });
    else problems.push(`cannot read ${display} (${read.problem})`);
  }
  return { files, problems };
}

/** The size limit: MAX_FILE_SIZE, or `DDD_MAX_FILE_SIZE` (bytes, up to the ceiling) when it is set. */
function cliFileSizeLimit(problems: string[], env: NodeJS.ProcessEnv = process.env): number {
  const asked = env['DDD_MAX_FILE_SIZE'];
  if (asked === undefined || asked === '') return MAX_FILE_SIZE;
  const limit = fileSizeLimit(asked);
  if (limit !== undefined) return limit;
  problems.push(`DDD_MAX_FILE_SIZE is '${asked}', not a number of bytes from 1 to ${MAX_FILE_SIZE_CEILING}: the default limit (${describeSize(MAX_FILE_SIZE)}) applies`);
  return MAX_FILE_SIZE;
}

/** What a path that is not a regular file is (a link is followed first). */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFIFO()) return 'it is a pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

/**
 * The text of a `.ddd` file: read only when it is a regular file (so a link to
 * `/dev/zero` or a FIFO never blocks or fills memory) of at most `limit` bytes,
 * and only when it is UTF-8. Otherwise the problem, for `cannot read x (…)`.
 */
export function readDddText(path: string, limit: number = MAX_FILE_SIZE): { ok: true; text: string } | { ok: false; problem: string } {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return { ok: false, problem: errorText(error) };
  }
  if (!stats.isFile()) return { ok: false, problem: kindOf(stats) };
  const tooLarge = sizeProblem(stats.size, limit);
  if (tooLarge) return { ok: false, problem: `it is ${tooLarge}` };
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    return { ok: false, problem: errorText(error) };
  }
  try {
    // the file may have been replaced since the stat: check what was opened, and never read past the limit
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return { ok: false, problem: kindOf(opened) };
    const buffer = new Uint8Array(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length === buffer.length) break;
    }
    if (length > limit) return { ok: false, problem: `it is ${sizeProblem(length, limit)}` };
    const decoded = decodeSourceText(buffer.subarray(0, length));
    return decoded.ok ? decoded : { ok: false, problem: `it is ${decoded.problem}` };
  } catch (error) {
    return { ok: false, problem: errorText(error) };
  } finally {
    closeSync(descriptor);
  }
}

function walk(folder: string, found: string[], problems: string[], cwd: string, visited: Set<string>): void {
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // fall through: readdir reports it
  }
  if (visited.has(real)) return; // a symbolic link back up the tree
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    problems.push(`cannot read folder ${displayPath(folder, cwd)} (${errorText(error)})`);
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        const stats = statSync(path);
        isDirectory = stats.isDirectory();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDirectory) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(path, found, problems, cwd, visited);
    } else if (entry.name.endsWith(DDD_EXTENSION)) {
      // a `.ddd` that is not a regular file (a FIFO, a link to a device) is reported when it is read, never opened
      found.push(path);
    }
  }
}
