/**
 * The `ddd` command line: a small dispatcher. Each command is a CliCommand in
 * its own file; a new command (simulate, replay, export, …) is one more file
 * and one more entry in `commands`. main.ts runs it on the process's arguments;
 * the tests run it in-process.
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { closestName } from '../language/util/similar-names';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { exitCodes, UsageError, type CliCommand, type OptionSpec, type Output } from './command';
import { fileSystemMessage } from './file-errors';
import { importCommand } from './import';
import { table } from './format';
import { replayCommand } from './replay';
import { rulesCommand } from './rules';
import { simulateCommand } from './simulate';
import { summaryCommand } from './summary';

export const commands: readonly CliCommand[] = [checkCommand, summaryCommand, exportCommand, importCommand, simulateCommand, replayCommand, diffCommand, rulesCommand];

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

function optionRows(options: Record<string, OptionSpec>): string[][] {
  return Object.entries(options).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ' ' + spec.value : ''}`,
    spec.description,
  ]);
}

export function mainHelp(): string {
  return [
    `ddd ${version}: Domain-Driven Design models in .ddd files`,
    '',
    'Usage: ddd <command> [options] [files or folders…]',
    '',
    'Commands:',
    table(commands.map((command) => [command.name, command.summary])),
    '',
    'Options:',
    table([
      ['-h, --help', 'show this help; `ddd <command> --help` shows a command\'s options'],
      ['--version', 'print the version'],
    ]),
    '',
    'Exit codes: 0 no errors, 1 the model has errors, 2 a usage problem.',
    '',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    table(optionRows({ ...command.options, help: helpOption })),
    '',
  ].join('\n');
}

/** Node's parseArgs messages are long; keep the part a user needs. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (message.includes('argument missing')) return `${option} needs a value`;
    // `--runs -5`: the value starts with a dash, so it reads as an option
    if (message.includes('ambiguous')) return `${option} needs a value; write one that starts with "-" as ${option}=<value>`;
    return `${option} takes no value`;
  }
  return message.split('. ')[0]!;
}

export async function runCli(argv: readonly string[], cwd: string, out: Output): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    out.stdout(mainHelp());
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-V') {
    out.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const helpFor = first === 'help' ? rest[0] : undefined;
  const name = helpFor ?? first;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command '${name}'`;
    const suggestion = name.startsWith('-') ? undefined : closestName(name, commands.map((candidate) => candidate.name));
    out.stderr(`ddd: ${what}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Run ddd --help for the commands.\n`);
    return exitCodes.usage;
  }
  const args = helpFor ? ['--help'] : rest;
  const end = args.indexOf('--');
  const before = end === -1 ? args : args.slice(0, end);
  if (before.includes('--help') || before.includes('-h')) {
    out.stdout(commandHelp(command));
    return exitCodes.ok;
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([option, spec]) => [
        option,
        { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
      ]),
    );
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(usageMessage(error));
    }
    const afterSeparator = end === -1 ? [] : args.slice(end + 1);
    return await command.run({ args: parsed.positionals, afterSeparator, options: parsed.values as Record<string, string | boolean | undefined>, cwd, out });
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`ddd ${command.name}: ${error.message}. Run ddd ${command.name} --help for usage.\n`);
      return exitCodes.usage;
    }
    // the file system refused (an --out that is a file, a read-only folder, a full disk): the user's to fix
    const refused = fileSystemMessage(error, cwd);
    if (refused) {
      out.stderr(`ddd ${command.name}: ${refused}.\n`);
      return exitCodes.usage;
    }
    const detail = process.env['DDD_DEBUG'] && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error);
    out.stderr(`ddd ${command.name}: internal error: ${detail}\nPlease report it (set DDD_DEBUG=1 for the stack trace).\n`);
    return exitCodes.usage;
  }
}
