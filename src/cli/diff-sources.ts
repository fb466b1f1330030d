/**
 * The two versions `ddd diff` compares: each a folder (or a .ddd file), a git
 * revision (read through diff-git.ts, never touching the working tree), or,
 * for the new side when it is left out, the working tree. Paths after `--`
 * narrow both sides: inside each folder, and in the repository for revisions
 * and the working tree. The editor may lay its unsaved documents over the
 * working tree (`unsaved`: their texts by absolute path).
 */
import { realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { decodeSourceText, MAX_FILE_SIZE, sizeProblem } from '../language/util/source-text';
import { closestName } from '../language/util/similar-names';
import { UsageError } from './command';
import { isRevision, listRefs, readBlobs, repositoryPaths, repositoryRoot, revisionFiles } from './diff-git';
import { collectDddFiles } from './files';

/** Where a file of one version is, for the user and for the editor. */
export interface FileView {
  /** As shown: `models/sales.ddd`, or `main:models/sales.ddd` for a revision's file. */
  display: string;
  /** For a file on disk: its path, relative to the working folder. */
  file?: string;
  /** For a revision's file: the revision and the path from the repository's top folder. */
  revision?: string;
  repositoryPath?: string;
}

export interface DiffSide {
  /** `main`, `the working tree`, `old-models/`. */
  label: string;
  files: { uri: string; text: string }[];
  views: Map<string, FileView>;
  /** Files that could not be read, in words. */
  problems: string[];
}

function kindOf(path: string): 'folder' | 'file' | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Texts by absolute path that replace what the disk holds (the editor's unsaved documents). */
export type UnsavedTexts = ReadonlyMap<string, string>;

/** A path as the unsaved texts are keyed: resolved, and with its links followed when it exists. */
export function unsavedKey(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function fromDisk(inputs: readonly string[], cwd: string, label: string, unsaved?: UnsavedTexts): DiffSide {
  const { files, problems } = collectDddFiles(inputs, cwd);
  const views = new Map<string, FileView>();
  for (const file of files) views.set(file.uri, { display: file.display, file: file.display });
  const textOf = (file: (typeof files)[number]): string => {
    const text = unsaved?.get(unsavedKey(file.path));
    if (text === undefined) return file.text;
    const tooLarge = sizeProblem(new TextEncoder().encode(text).length, MAX_FILE_SIZE);
    if (!tooLarge) return text;
    problems.push(`the unsaved text of ${file.display} is not compared (it is ${tooLarge}): its saved text is`);
    return file.text;
  };
  return { label, files: files.map((file) => ({ uri: file.uri, text: textOf(file) })), views, problems };
}

/** The editor's unsaved documents as texts by path (keyed as unsavedKey keys them). */
export function unsavedTexts(files: readonly { path: string; text: string }[]): Map<string, string> {
  return new Map(files.map((file) => [unsavedKey(file.path), file.text]));
}

function fromRevision(revision: string, root: string, paths: readonly string[], cwd: string): DiffSide {
  const realCwd = realpathSync(cwd);
  const pathspecs = repositoryPaths(paths.length ? paths : ['.'], realCwd, root);
  const { files, omitted } = revisionFiles(revision, root, pathspecs);
  const problems: string[] = [];
  if (omitted) problems.push(`${revision} has ${omitted} more .ddd files than the ${files.length} read`);
  const readable = files.filter((file) => {
    const tooLarge = sizeProblem(file.size, MAX_FILE_SIZE);
    if (tooLarge) problems.push(`cannot read ${revision}:${file.path} (it is ${tooLarge})`);
    return !tooLarge;
  });
  const contents = readBlobs(readable, root);
  const side: DiffSide = { label: revision, files: [], views: new Map(), problems };
  for (const file of readable) {
    const bytes = contents.get(file.path);
    if (!bytes) continue;
    const decoded = decodeSourceText(bytes);
    const shown = relative(realCwd, join(root, ...file.path.split('/'))).split(sep).join('/');
    if (!decoded.ok) {
      problems.push(`cannot read ${revision}:${shown} (it is ${decoded.problem})`);
      continue;
    }
    const uri = `ddd-revision:/${encodeURIComponent(revision)}/${file.path}`;
    side.files.push({ uri, text: decoded.text });
    side.views.set(uri, { display: `${revision}:${shown}`, revision, repositoryPath: file.path });
  }
  return side;
}

/** Why `spec` is neither a folder nor a revision, with the likeliest name meant. */
function notASide(spec: string, root: string | undefined): UsageError {
  if (!root) return new UsageError(`${spec} is not a folder or a .ddd file, and the working folder is not in a git repository, so it cannot be a revision either`);
  let suggestion: string | undefined;
  try {
    // in name order, so that a tie (v1 and v2 for v3) always names the same one
    suggestion = closestName(spec, listRefs(root).map((ref) => ref.name).sort());
  } catch {
    suggestion = undefined;
  }
  return new UsageError(`${spec} is neither a folder nor a revision of the git repository${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

/**
 * One version: `spec` a folder, a .ddd file or a git revision; undefined for the working tree
 * (with `unsaved` texts in place of what the disk holds for those files).
 * A folder that is also a revision's name is the folder (write `./name` or `name^{}` to be sure).
 */
export function loadSide(spec: string | undefined, paths: readonly string[], cwd: string, unsaved?: UnsavedTexts): DiffSide {
  if (spec === undefined) return fromDisk(paths.length ? paths : ['.'], cwd, unsaved?.size ? 'the working tree with unsaved changes' : 'the working tree', unsaved);
  const path = resolve(cwd, spec);
  const kind = kindOf(path);
  if (kind === 'folder') return fromDisk(paths.length ? paths.map((inner) => join(spec, inner)) : [spec], cwd, spec);
  if (kind === 'file') {
    if (paths.length) throw new UsageError(`${spec} is a file: paths after -- narrow folders and revisions only`);
    return fromDisk([spec], cwd, spec);
  }
  const root = repositoryRoot(cwd);
  if (!root || !isRevision(spec, root)) throw notASide(spec, root);
  return fromRevision(spec, root, paths, cwd);
}
