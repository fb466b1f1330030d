/**
 * A file-system error (writing `--out`, reading an input) is the user's to fix,
 * not a bug in ddd: it gets a message of its own that says which path and why
 * (it exists, is not a folder, permission denied, …), never "internal error".
 */
import { displayPath } from './files';

/** Why each error code stops ddd, in words. */
const reasons: Readonly<Record<string, string>> = {
  EEXIST: 'it exists and is not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links (a link points back to itself)',
  EBUSY: 'it is busy (in use by another program)',
  EIO: 'an input/output error of the disk',
  EINVAL: 'the name is not valid here',
};

/** What ddd was doing when the system call failed. */
const actions: Readonly<Record<string, string>> = {
  mkdir: 'create the folder',
  open: 'open',
  write: 'write',
  read: 'read',
  scandir: 'read the folder',
  stat: 'read',
  lstat: 'read',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove the folder',
  copyfile: 'copy',
};

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((error as { code: string }).code);
}

/**
 * The sentence for a file-system error (`cannot create the folder out: it exists
 * and is not a folder`), or undefined when `error` is not one.
 */
export function fileSystemMessage(error: unknown, cwd: string): string | undefined {
  if (!isSystemError(error)) return undefined;
  const reason = reasons[error.code] ?? (error instanceof Error ? error.message.replace(/^[A-Z]+: /, '').split(',')[0]! : error.code);
  const action = (error.syscall && actions[error.syscall]) ?? 'use';
  const path = error.path ? ` ${displayPath(error.path, cwd)}` : '';
  return `cannot ${action}${path}: ${reason}`;
}
