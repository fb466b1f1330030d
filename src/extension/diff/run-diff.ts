/**
 * Runs the diff for the editor: dist/diff-worker.js in its own Node process
 * (the extension host's Node, as the language server runs), in the workspace
 * folder, against a base revision; the editor's unsaved `.ddd` documents go to
 * it on its standard input (so the comparison sees what the editor shows); its
 * JSON (`ddd diff --format json`) is read back with the output bounded and the
 * run timed out.
 */
import { execFile } from 'node:child_process';
import type { CliDiff, UnsavedFiles } from '../../protocol/diff';

/** The most JSON the worker may print (a diff is bounded to 5,000 changes of 50 parties each). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** A diff that takes longer than this is stopped. */
const TIMEOUT_MS = 120_000;

export function runDiff(workerPath: string, folder: string, base: string, unsaved?: UnsavedFiles): Promise<CliDiff> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      unsaved ? [workerPath, base, '--unsaved'] : [workerPath, base],
      { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: MAX_OUTPUT, timeout: TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException & { killed?: boolean }).killed) return reject(new Error(`the comparison took longer than ${TIMEOUT_MS / 1000} s and was stopped`));
        if (error && !stdout) return reject(new Error(stderr.trim().split('\n').slice(0, 3).join(' ') || error.message));
        try {
          const diff = JSON.parse(stdout) as CliDiff;
          if (diff?.command !== 'diff' || !Array.isArray(diff.changes)) return reject(new Error('the comparison returned something other than a diff'));
          resolve(diff);
        } catch {
          reject(new Error(stderr.trim().split('\n')[0] || 'the comparison did not return JSON'));
        }
      },
    );
    // a worker that ends before reading it all (a bad base) closes its input: that is its answer, not an error here
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(unsaved ? JSON.stringify(unsaved) : undefined);
  });
}
