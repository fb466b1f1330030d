/**
 * `ddd check`: parses and validates every .ddd file given (or found) as one
 * workspace and prints the findings, for people and for CI.
 */
import { checkWorkspace, type CheckResult } from '../language/index';
import { UsageError, exitCodes, type CliCommand, type Output } from './command';
import { collectDddFiles, type DddFile } from './files';
import { countSeverities, formatAnnotation, formatCounts, formatFinding, plural, toFindings, type CliFinding, type DocumentView } from './format';

export interface CheckedInputs {
  files: DddFile[];
  /** Path problems, already printed to stderr. */
  problems: string[];
  result: CheckResult;
  findings: CliFinding[];
}

/** Reads the inputs, reports path problems on stderr, and checks the files as one workspace. */
export function checkInputs(inputs: readonly string[], cwd: string, out: Output): CheckedInputs {
  const { files, problems } = collectDddFiles(inputs, cwd);
  for (const problem of problems) out.stderr(`ddd: ${problem}\n`);
  const result = checkWorkspace(files.map((file) => ({ uri: file.uri, text: file.text })));
  const views = new Map<string, DocumentView>();
  const shown = new Map(files.map((file) => [file.uri, file.display]));
  for (const document of result.model.documents) {
    views.set(document.uri, { display: shown.get(document.uri) ?? document.uri, lineIndex: document.lineIndex });
  }
  return { files, problems, result, findings: toFindings(result.diagnostics, views) };
}

function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not '${text}'`);
  const number = Number(text);
  return number < 0 ? undefined : number; // -1 means no limit, as in eslint
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check .ddd files: syntax, references and the modeling rules',
  usage: 'ddd check [options] [files or folders…]',
  description: [
    'Parses and validates the given .ddd files and folders (default: the current folder) as one workspace,',
    'so names resolve across files. Folders are searched recursively, skipping node_modules and dot-folders.',
    '',
    'Prints one line per finding, `path:line:column severity code message`, then a count line.',
    'Exit code: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage problem',
    '(unknown option, a missing path or a file that is not .ddd; the other files are still checked).',
    'Run `ddd rules` for the list of codes.',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      value: '<text|json|github>',
      description: 'text (default); json: an array of { file, line, column, endLine, endColumn, severity, code, message }; github: GitHub Actions annotations on the lines of a pull request',
    },
    hints: { type: 'boolean', description: 'also show hints (the editor shows them as faint suggestions)' },
    'max-warnings': { type: 'string', value: '<n>', description: 'fail (exit 1) when there are more than n warnings' },
    quiet: { type: 'boolean', short: 'q', description: 'print errors only (the count line still counts everything)' },
    color: { type: 'boolean', description: 'force colours on (default: when printing to a terminal, unless NO_COLOR is set)' },
    'no-color': { type: 'boolean', description: 'no colours' },
  },
  run({ args, options, cwd, out }) {
    const format = (options['format'] as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(`--format must be text, json or github, not '${format}'`);
    const maxWarnings = parseMaxWarnings(options['max-warnings']);
    const withHints = options['hints'] === true;
    const color = options['no-color'] ? false : options['color'] ? true : out.color;

    const { files, problems, findings } = checkInputs(args, cwd, out);
    const shown = findings.filter((finding) => {
      if (finding.severity === 'hint' && !withHints) return false;
      if (options['quiet'] && finding.severity !== 'error') return false;
      return true;
    });
    const counts = countSeverities(findings);

    if (format === 'json') {
      out.stdout(JSON.stringify(shown, null, 2) + '\n');
    } else if (files.length > 0) {
      for (const finding of shown) out.stdout((format === 'github' ? formatAnnotation(finding) : formatFinding(finding, color)) + '\n');
      out.stdout(`${plural(files.length, 'file')}, ${formatCounts(counts, withHints)}\n`);
    }

    let exit: number = counts.error > 0 ? exitCodes.findings : exitCodes.ok;
    if (maxWarnings !== undefined && counts.warning > maxWarnings) {
      out.stderr(`ddd: ${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`);
      exit = exitCodes.findings;
    }
    if (problems.length > 0) exit = exitCodes.usage;
    return exit;
  },
};
