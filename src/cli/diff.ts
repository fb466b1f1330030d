/**
 * `ddd diff <old> [<new>] [-- paths…]`: what changed between two versions of
 * the model and whom it breaks. Each version is a folder, a .ddd file or a git
 * revision (the new one defaults to the working tree); the semantic diff is
 * the core's (src/language/diff). Exit 1 when a change is breaking (or, with
 * `--allow breaking`, never), 2 for a usage problem.
 */
import { diffModels } from '../language/diff/index';
import { buildModel, parseDocument } from '../language/index';
import { UsageError, exitCodes, type CliCommand } from './command';
import { cliDiff, formatGithub, formatMarkdown, formatText } from './diff-format';
import type { CliDiff } from '../protocol/diff';
import { GitError } from './diff-git';
import { loadSide, type DiffSide } from './diff-sources';

const formats = ['text', 'json', 'markdown', 'github'] as const;
const allowances = ['risky', 'breaking'] as const;

function modelOf(side: DiffSide) {
  return buildModel(side.files.map((file) => parseDocument(file.uri, file.text)));
}

/** The diff of two versions read, as `--format json` prints it (the editor's worker too). */
export function compareSides(before: DiffSide, after: DiffSide, simulate: boolean): CliDiff {
  return cliDiff(diffModels(modelOf(before), modelOf(after), { exploreSagas: simulate }), before, after);
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'What changed between two versions of the model (folders or git revisions), and whom it breaks',
  usage: 'ddd diff [options] <old> [<new>] [-- paths…]',
  description: [
    'Compares two versions of the model: each a folder, a .ddd file or a git revision (a branch, a tag, a commit).',
    'Without <new>, the working tree is the new version: `ddd diff main` shows what the working tree changes on main.',
    'Paths after -- narrow both versions: `ddd diff v1.2 v1.3 -- models/`. Revisions are read with git (ls-tree, cat-file),',
    'never touching the working tree or the index.',
    '',
    'Every added, removed, renamed or changed element is listed under its bounded context, classified as',
    'breaking (a consumer\'s expectation no longer holds), risky or safe, with the parts of the model it affects;',
    'a saga that changed is explored by the simulator in both versions, and the outcomes that appear or disappear',
    'are listed. docs/diff.md has the rules, with an example for each.',
    '',
    'Exit code: 0 no breaking change, 1 a breaking change (see --allow), 2 a usage problem (an unknown revision,',
    'a folder that does not exist, a file that cannot be read).',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      value: '<text|json|markdown|github>',
      description: 'text (default); json: { counts, changes: [...] } for scripts; markdown: a pull-request comment; github: annotations on the changed lines',
    },
    allow: {
      type: 'string',
      value: '<risky|breaking>',
      description: 'what passes: risky (default: risky changes pass, breaking ones exit 1) or breaking (every change passes, exit 0)',
    },
    'no-simulate': { type: 'boolean', description: 'do not explore the sagas that changed' },
    color: { type: 'boolean', description: 'force colours on (default: when printing to a terminal, unless NO_COLOR is set)' },
    'no-color': { type: 'boolean', description: 'no colours' },
  },
  run({ args, afterSeparator = [], options, cwd, out }) {
    const format = (options['format'] as string | undefined) ?? 'text';
    if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json, markdown or github, not '${format}'`);
    const allow = (options['allow'] as string | undefined) ?? 'risky';
    if (!(allowances as readonly string[]).includes(allow)) throw new UsageError(`--allow must be risky or breaking, not '${allow}'`);
    const color = options['no-color'] ? false : options['color'] ? true : out.color;
    const sides = args.slice(0, args.length - afterSeparator.length);
    const paths = afterSeparator;
    if (sides.length > 2) throw new UsageError(`name at most two versions (old and new), not ${sides.length}; write paths after --: ddd diff ${sides[0]} ${sides[1]} -- ${sides.slice(2).join(' ')}`);
    if (sides.length === 0) throw new UsageError('name the old version: a folder, a .ddd file or a git revision (ddd diff main)');

    let before: DiffSide;
    let after: DiffSide;
    try {
      before = loadSide(sides[0], paths, cwd);
      after = loadSide(sides[1], paths, cwd);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
    const problems = [...before.problems, ...after.problems];
    for (const problem of problems) out.stderr(`ddd: ${problem}\n`);

    const diff = compareSides(before, after, options['no-simulate'] !== true);
    if (format === 'json') out.stdout(JSON.stringify(diff, null, 2) + '\n');
    else if (format === 'markdown') out.stdout(formatMarkdown(diff));
    else if (format === 'github') out.stdout(formatGithub(diff));
    else out.stdout(formatText(diff, color));

    if (problems.length) return exitCodes.usage;
    return diff.counts.breaking > 0 && allow !== 'breaking' ? exitCodes.findings : exitCodes.ok;
  },
};
