/**
 * The diff as the editor runs it (dist/diff-worker.js, shipped in the VSIX,
 * which leaves the CLI out): `node diff-worker.js <base> [--unsaved]` in a
 * workspace folder prints `ddd diff <base> --format json` of the working tree
 * against `<base>` (a revision or a folder) and exits 0, or says on stderr why
 * not and exits 2. With `--unsaved` it first reads the editor's unsaved `.ddd`
 * documents from its standard input (src/protocol/diff.ts, UnsavedFiles) and
 * compares the working tree as the editor shows it.
 * The extension runs it in its own process, so the editor never waits on it.
 */
import { checkUnsavedFiles, MAX_UNSAVED_FILES, MAX_UNSAVED_TEXT } from '../protocol/diff';
import { UsageError } from './command';
import { compareSides } from './diff';
import { GitError } from './diff-git';
import { loadSide, unsavedTexts } from './diff-sources';

/** The most bytes read from the standard input: every unsaved document at its largest, in UTF-8 and JSON. */
const MAX_STDIN = 64 * 1024 * 1024;

function readStdin(limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new UsageError(`the unsaved documents are more than ${limit / 1024 / 1024} MB`));
        process.stdin.destroy();
        return;
      }
      chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

async function unsavedInput(): Promise<Map<string, string>> {
  let value: unknown;
  try {
    value = JSON.parse(await readStdin(Math.min(MAX_STDIN, MAX_UNSAVED_FILES * MAX_UNSAVED_TEXT)));
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError('the unsaved documents on the standard input are not JSON');
  }
  const checked = checkUnsavedFiles(value);
  if (!checked.ok) throw new UsageError(`the unsaved documents on the standard input are refused: ${checked.reason}`);
  return unsavedTexts(checked.value.files);
}

async function main(argv: readonly string[]): Promise<number> {
  const [base, ...rest] = argv;
  const withUnsaved = rest.length === 1 && rest[0] === '--unsaved';
  if (base === undefined || base.startsWith('-') || (rest.length > 0 && !withUnsaved)) {
    process.stderr.write('usage: diff-worker.js <base revision or folder> [--unsaved]\n');
    return 2;
  }
  try {
    const unsaved = withUnsaved ? await unsavedInput() : undefined;
    const cwd = process.cwd();
    let sides;
    try {
      sides = [loadSide(base, [], cwd), loadSide(undefined, [], cwd, unsaved)] as const;
    } catch (error) {
      throw error instanceof GitError ? new UsageError(error.message) : error;
    }
    const [before, after] = sides;
    const problems = [...before.problems, ...after.problems];
    for (const problem of problems) process.stderr.write(`ddd: ${problem}\n`);
    // every change passes: the exit code says only whether the diff could be made
    process.stdout.write(JSON.stringify(compareSides(before, after, true), null, 2) + '\n');
    return problems.length ? 2 : 0;
  } catch (error) {
    process.stderr.write(`${error instanceof UsageError ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
