/**
 * One temporary folder for the run, removed when it ends: every test's temporary files (exports
 * written and read back, LSP workspaces, installed packages, Chromium's profile) go under it
 * (TMPDIR, which the test workers and the processes they start inherit), so a test that leaves
 * its folder behind leaves nothing on the machine. On tmpfs when the machine has a writable one:
 * writing and removing thousands of small files cost about a second of the run on a disk.
 */
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function memoryFolder(path = '/dev/shm'): string | undefined {
  try {
    if (!statSync(path).isDirectory()) return undefined;
    accessSync(path, constants.W_OK);
    return path;
  } catch {
    return undefined;
  }
}

export default function setup(): () => void {
  const folder = mkdtempSync(join(memoryFolder() ?? tmpdir(), 'ddd-tests-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = folder;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    // Chromium, which the run's end stops, may still be writing its profile there: removal is tried again
    // when a folder fills while it is being emptied (ENOTEMPTY), as Node's rm does with maxRetries
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
}
