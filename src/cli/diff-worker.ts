/**
 * The diff as the editor runs it (dist/diff-worker.js, shipped in the VSIX,
 * which leaves the CLI out): `node diff-worker.js <base>` in a workspace folder
 * prints `ddd diff <base> --format json` of the working tree against `<base>`
 * (a revision or a folder) and exits 0, or says on stderr why not and exits 2.
 * The extension runs it in its own process, so the editor never waits on it.
 */
import { UsageError, type Output } from './command';
import { diffCommand } from './diff';

async function main(argv: readonly string[]): Promise<number> {
  const output: Output = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text), color: false };
  const [base, ...rest] = argv;
  if (base === undefined || rest.length > 0) {
    output.stderr('usage: diff-worker.js <base revision or folder>\n');
    return 2;
  }
  try {
    // every change passes: the exit code says only whether the diff could be made
    const code = await diffCommand.run({ args: [base], afterSeparator: [], options: { format: 'json', allow: 'breaking' }, cwd: process.cwd(), out: output });
    return code;
  } catch (error) {
    output.stderr(`${error instanceof UsageError ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
