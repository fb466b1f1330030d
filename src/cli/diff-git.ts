/**
 * Reads a git revision's files for `ddd diff` (and the editor's "DDD: Compare
 * with…", which imports this file and nothing of the language): the repository
 * and the revision are checked with `git rev-parse`, the files listed with
 * `git ls-tree` and read with one `git cat-file --batch`, so the working tree
 * and the index are never touched. Every output is bounded: the listing, the
 * number of files and the bytes read.
 */
import type { ExecFileSyncOptions } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

/** The most .ddd files read from one revision. */
export const MAX_REVISION_FILES = 5_000;
/** The most bytes a listing (`git ls-tree`, `git for-each-ref`) may print. */
const MAX_LISTING = 16 * 1024 * 1024;
/** The most refs offered by the editor's quick pick. */
export const MAX_REFS = 200;

/** A problem reading a revision, said for the user (`ddd diff: …`). */
export class GitError extends Error {}

function git(args: readonly string[], cwd: string, options: { maxBuffer?: number; input?: string } = {}): Buffer {
  const settings: ExecFileSyncOptions = { cwd, maxBuffer: options.maxBuffer ?? MAX_LISTING, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true };
  if (options.input !== undefined) settings.input = options.input;
  try {
    // loaded on first use: every `ddd` command loads this file, and only `ddd diff` runs git
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    return execFileSync('git', [...args], settings) as Buffer;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed (or not on the PATH), so revisions cannot be read');
    if (failure.code === 'ENOBUFS') throw new GitError(`git printed more than ${Math.round((options.maxBuffer ?? MAX_LISTING) / 1024 / 1024)} MB for \`git ${args[0]}\``);
    const message = failure.stderr?.toString('utf8').trim().split('\n')[0] ?? failure.message;
    throw new GitError(`git ${args[0]} failed: ${message}`);
  }
}

/** The top folder of the git repository that holds `cwd`, or undefined when it is in none (or git is missing). */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether `name` is a revision (a commit) of the repository. */
export function isRevision(name: string, root: string): boolean {
  // an option-looking name is never passed on to git as one
  if (name.startsWith('-') || name.length === 0 || name.length > 256) return false;
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`], root);
    return true;
  } catch {
    return false;
  }
}

export interface RevisionFile {
  /** The path from the repository's top folder, with `/`. */
  path: string;
  size: number;
  object: string;
}

/**
 * The `.ddd` files of a revision under `paths` (repository-relative folders or files; all when empty),
 * with their sizes. Paths outside the repository are left out by git.
 */
export function revisionFiles(revision: string, root: string, paths: readonly string[] = []): { files: RevisionFile[]; omitted: number } {
  const listing = git(['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', revision, '--', ...paths], root).toString('utf8');
  const files: RevisionFile[] = [];
  let omitted = 0;
  for (const entry of listing.split('\0')) {
    // `<mode> blob <object> <size>\t<path>`
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, object, size] = entry.slice(0, tab).split(/\s+/);
    const path = entry.slice(tab + 1);
    if (type !== 'blob' || !path.endsWith('.ddd') || object === undefined) continue;
    if (files.length >= MAX_REVISION_FILES) {
      omitted++;
      continue;
    }
    files.push({ path, size: Number(size), object });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, omitted };
}

/** The contents of the given blobs, read in one `git cat-file --batch` (the caller keeps each under its size limit). */
export function readBlobs(files: readonly RevisionFile[], root: string): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  if (files.length === 0) return contents;
  let total = 0;
  for (const file of files) total += file.size + 128;
  const output = git(['cat-file', '--batch'], root, { input: files.map((file) => file.object).join('\n') + '\n', maxBuffer: total + 1024 });
  let at = 0;
  for (const file of files) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const header = output.subarray(at, newline).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size)) throw new GitError(`git cat-file did not return ${file.path}`);
    contents.set(file.path, output.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return contents;
}

/** One file of a revision (for the editor's view of the old side), at most `limit` bytes; undefined when it is not there. */
export function revisionFile(revision: string, path: string, root: string, limit: number): Uint8Array | undefined {
  const { files } = revisionFiles(revision, root, [path]);
  const file = files.find((candidate) => candidate.path === path);
  if (!file || file.size > limit) return undefined;
  return readBlobs([file], root).get(path);
}

/** `cwd`-relative paths as pathspecs from the repository's top folder (`.` for the top itself). */
export function repositoryPaths(paths: readonly string[], cwd: string, root: string): string[] {
  return paths.map((path) => {
    const inside = relative(root, resolve(cwd, path));
    return inside === '' ? '.' : inside.split(sep).join('/');
  });
}

export interface GitRef {
  /** `main`, `v1.2`. */
  name: string;
  kind: 'branch' | 'tag' | 'remote';
  /** The subject of its commit. */
  subject: string;
}

/** The repository's branches, tags and remote branches, newest commit first, at most MAX_REFS. */
export function listRefs(root: string): GitRef[] {
  const listing = git(['for-each-ref', '--sort=-committerdate', `--count=${MAX_REFS}`, '--format=%(refname)%00%(subject)', 'refs/heads', 'refs/tags', 'refs/remotes'], root).toString('utf8');
  const refs: GitRef[] = [];
  for (const line of listing.split('\n')) {
    const [ref, subject = ''] = line.split('\0');
    if (!ref) continue;
    const kind = ref.startsWith('refs/heads/') ? 'branch' : ref.startsWith('refs/tags/') ? 'tag' : 'remote';
    const name = ref.replace(/^refs\/(heads|tags|remotes)\//, '');
    if (kind === 'remote' && name.endsWith('/HEAD')) continue;
    refs.push({ name, kind, subject: subject.slice(0, 200) });
  }
  return refs;
}
