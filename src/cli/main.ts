/**
 * The `ddd` executable: runs the command line (run.ts) on the process's
 * arguments, writing to the terminal.
 */
import type { Output } from './command';
import { runCli } from './run';

function terminalOutput(): Output {
  // `ddd rules | head`: a closed pipe is not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb',
  };
}

runCli(process.argv.slice(2), process.cwd(), terminalOutput()).then((code) => {
  process.exitCode = code;
});
