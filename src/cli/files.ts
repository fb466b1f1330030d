/**
 * Finds and reads the .ddd files named on the command line: files as given,
 * folders searched recursively (skipping node_modules and dot-folders).
 * Problems with the paths are collected as messages, never thrown, so the
 * valid paths are still checked.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

  const files: DddFile[] = [];
  for (const path of paths) {
    try {
      files.push({ path, display: displayPath(path, cwd), uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') });
    } catch (error) {
      problems.push(`cannot read ${displayPath(path, cwd)} (${errorText(error)})`);
    }
  }
  return { files, problems };
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
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stats = statSync(path);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDirectory) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(path, found, problems, cwd, visited);
    } else if (isFile && entry.name.endsWith(DDD_EXTENSION)) {
      found.push(path);
    }
  }
}
