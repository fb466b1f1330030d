/**
 * `ddd check`: parses and validates every .ddd file given (or found) as one
 * workspace and prints the findings, for people and for CI. With `--fix` it
 * first applies the safe quick fixes to the files (fix.ts).
 */
import { MAX_FIX_ROUNDS } from '../language/fixes/index';
import { checkWorkspace, type CheckResult, type ValidationOptions } from '../language/index';
import { UsageError, exitCodes, type CliCommand, type Output } from './command';
import { collectDddFiles, type DddFile } from './files';
import { fixFiles, type CliFix, type FixOutcome } from './fix';
import { countSeverities, formatAnnotation, formatCounts, formatFinding, paint, plural, toFindings, type CliFinding, type DocumentView } from './format';

export interface CheckedInputs {
  files: DddFile[];
  /** Path problems, already printed to stderr. */
  problems: string[];
  result: CheckResult;
  findings: CliFinding[];
}

/** Reads the inputs, reports path problems on stderr, and checks the files as one workspace. */
export function checkInputs(inputs: readonly string[], cwd: string, out: Output, options: ValidationOptions = {}): CheckedInputs {
  const { files, problems } = collectDddFiles(inputs, cwd);
  for (const problem of problems) out.stderr(`ddd: ${problem}\n`);
  const result = checkWorkspace(files.map((file) => ({ uri: file.uri, text: file.text })), options);
  return { files, problems, result, findings: findingsOf(result, files) };
}

/** The findings of a checked workspace, with the files' paths as the user wrote them. */
function findingsOf(result: CheckResult, files: readonly DddFile[]): CliFinding[] {
  const views = new Map<string, DocumentView>();
  const shown = new Map(files.map((file) => [file.uri, file.display]));
  // a file's lines are indexed only when it has a finding to place (a clean 50,000-line file has none)
  const withFindings = new Set(result.diagnostics.map((diagnostic) => diagnostic.uri));
  for (const document of result.model.documents) {
    if (withFindings.has(document.uri)) views.set(document.uri, { display: shown.get(document.uri) ?? document.uri, lineIndex: document.lineIndex });
  }
  return toFindings(result.diagnostics, views);
}

/** `ddd check --fix`: fixes the files, reports the fixes on stdout (text) and the files it could not write on stderr. */
function fixInputs(inputs: readonly string[], cwd: string, out: Output, format: string, color: boolean): CheckedInputs & { fixes: FixOutcome } {
  const { files, problems } = collectDddFiles(inputs, cwd);
  for (const problem of problems) out.stderr(`ddd: ${problem}\n`);
  const fixes = fixFiles(files);
  for (const problem of fixes.problems) out.stderr(`ddd: ${problem}\n`);
  if (format !== 'json') {
    const where = (fix: CliFix) => paint(`${fix.file}:${fix.line}:`, '1', color);
    for (const fix of fixes.fixed) out.stdout(`${where(fix)} ${fix.title}\n`);
    for (const fix of fixes.skipped) {
      const why = fix.reason === 'overlap' ? 'its edits overlap' : `still to do after ${MAX_FIX_ROUNDS} rounds, run ddd check --fix again`;
      out.stdout(`${where(fix)} not fixed (${why}): ${fix.title}\n`);
    }
    if (fixes.fixed.length > 0) out.stdout(`Fixed ${plural(fixes.fixed.length, 'finding')} in ${plural(fixes.written, 'file')}.\n`);
  }
  return { files, problems: [...problems, ...fixes.problems], result: fixes.run.result, findings: findingsOf(fixes.run.result, files), fixes };
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
  summary: 'Check .ddd files: syntax, references and the modeling rules; --fix applies the safe fixes',
  usage: 'ddd check [options] [files or folders…]',
  description: [
    'Parses and validates the given .ddd files and folders (default: the current folder) as one workspace,',
    'so names resolve across files. Folders are searched recursively, skipping node_modules and dot-folders.',
    '',
    'Prints one line per finding, `path:line:column severity code message`, then a count line.',
    'Exit code: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage problem',
    '(unknown option, a missing path or a file that is not .ddd; the other files are still checked).',
    'Run `ddd rules` for the list of codes.',
    '',
    'With --fix, the fixes that need no human choice (rename an event to the past tense, reference another',
    'aggregate by id, mark the root entity, add a missing compensation, …) are applied to the files first,',
    'in a few rounds; each is printed as `path:line: what changed`, then the findings that remain.',
    'Only files with a fix are written, never a file with syntax errors. The exit code is that of the findings that remain.',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      value: '<text|json|github>',
      description:
        'text (default); json: an array of { file, line, column, endLine, endColumn, severity, code, message } (with --fix: { fixed, skipped, findings }); github: GitHub Actions annotations on the lines of a pull request',
    },
    fix: { type: 'boolean', description: 'apply the safe quick fixes to the files, print what changed, then check again' },
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

    const checked: CheckedInputs & { fixes?: FixOutcome } = options['fix'] === true
        ? fixInputs(args, cwd, out, format, color)
        : // hints not shown are not looked for: nor do they fill a file's cap of findings
          checkInputs(args, cwd, out, withHints ? {} : { least: 'info' });
    const { files, problems, findings, fixes } = checked;
    const shown = findings.filter((finding) => {
      if (finding.severity === 'hint' && !withHints) return false;
      if (options['quiet'] && finding.severity !== 'error') return false;
      return true;
    });
    const counts = countSeverities(findings);

    if (format === 'json' && fixes) {
      out.stdout(JSON.stringify({ fixed: fixes.fixed, skipped: fixes.skipped, findings: shown }, null, 2) + '\n');
    } else if (format === 'json') {
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
