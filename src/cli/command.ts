/**
 * What a `ddd` command is. Each command lives in its own file and is listed in
 * run.ts; it parses its options (from `options`), handles `--help`, and
 * turns a thrown UsageError into exit code 2.
 */

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Shown in help: `--format <text|json>`. */
  value?: string;
  /** May be given several times; the command then receives an array. */
  multiple?: boolean;
  description: string;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that takes colours. */
  color: boolean;
}

export interface Invocation {
  /** Positional arguments, after the command name. */
  args: string[];
  /** The positional arguments written after `--` (also the last ones of `args`). */
  afterSeparator?: string[];
  /** A `multiple` option arrives as an array of strings. */
  options: Record<string, string | boolean | undefined>;
  cwd: string;
  out: Output;
}

export interface CliCommand {
  name: string;
  /** One line for `ddd --help`. */
  summary: string;
  /** `ddd check [options] [files or folders…]` */
  usage: string;
  /** Paragraphs shown by `ddd <command> --help`, after the usage line. */
  description: string;
  options: Record<string, OptionSpec>;
  /** Returns the exit code: 0 fine, 1 the model has errors, 2 a usage problem. */
  run(invocation: Invocation): number | Promise<number>;
}

/** A mistake in how the command was called: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

export const exitCodes = { ok: 0, findings: 1, usage: 2 } as const;
