/**
 * `ddd replay`: rebuilds an event-sourced aggregate's state from a stream,
 * event by event, and checks the stream's `expect`ations — the seed's
 * `$0 + $1000 − $300 − $200 = $500`.
 *
 * JSON output (`--format json`), stable for scripts:
 *
 *     {
 *       "version": 1,
 *       "command": "replay",
 *       "streams": (StreamReplay & { problems: { …, file, line, column }[] })[],   // src/language/simulation/stream-replay.ts
 *       "ok": boolean            // every expectation holds, no replay error (exit code 0)
 *     }
 *
 * Exit code: 0 every expectation holds, 1 one does not (or the replay has errors),
 * 2 a usage problem (unknown stream: the streams are listed).
 */
import type { StateValue } from '../language/event-sourcing/replay';
import { formatValue } from '../language/event-sourcing/replay';
import { findStreams, replayOf, streamsOf, type StreamReplay } from '../language/simulation/index';
import { checkInputs } from './check';
import { exitCodes, UsageError, type CliCommand } from './command';
import { paint, table } from './format';

export interface ReplayJson {
  version: 1;
  command: 'replay';
  streams: (Omit<StreamReplay, 'problems'> & { problems: (StreamReplay['problems'][number] & { file: string; line: number; column: number })[] })[];
  ok: boolean;
}

function value(value: StateValue | undefined): string {
  if (value === undefined) return '(no such field)';
  return typeof value === 'string' ? JSON.stringify(value) : formatValue(value);
}

export function renderReplay(replay: StreamReplay, color: boolean, where: (problem: StreamReplay['problems'][number]) => string): string {
  const lines = [`Stream ${replay.context}.${replay.stream}${replay.aggregate ? ` of ${replay.aggregate}` : ''}`];
  const changing = replay.fields.filter((field) => replay.steps.some((step) => step.changes.some((change) => change.field === field.name)));
  const shown = (changing.length ? changing : replay.fields).map((field) => field.name);
  const rows: string[][] = [['', '(initial state)', ...shown.map((field) => value(replay.initial[field]))]];
  for (const step of replay.steps) {
    rows.push([String(step.index + 1), step.entry, ...shown.map((field) => {
      const change = step.changes.find((candidate) => candidate.field === field);
      return change ? `${value(change.before)} → ${value(change.after)}` : value(step.state[field]);
    })]);
  }
  lines.push(table([['#', 'event', ...shown], ...rows], '  '));
  if (replay.derivations.length) {
    lines.push('');
    for (const derivation of replay.derivations) lines.push(`  ${derivation.field}: ${derivation.text}`);
  }
  if (replay.expectations.length) lines.push('');
  for (const expectation of replay.expectations) {
    const text = `expect ${expectation.field} = ${value(expectation.expected as StateValue)}`;
    lines.push(expectation.holds ? paint(`  ✓ ${text}: holds`, '32', color) : paint(`  ✗ ${text}: the replay gives ${value(expectation.actual)}`, '31', color));
  }
  for (const problem of replay.problems) lines.push(paint(`  ${problem.severity === 'error' ? '✗' : '!'} ${where(problem)} ${problem.message}`, problem.severity === 'error' ? '31' : '33', color));
  if (!replay.expectations.length && !replay.problems.length) lines.push('', '  (no expectations)');
  return lines.join('\n') + '\n';
}

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'Replay an event stream: the aggregate\'s state after each event, and whether `expect` holds',
  usage: 'ddd replay [--stream NAME] [options] [files or folders…]',
  description: [
    'Rebuilds the state of an event-sourced aggregate by applying the events of a stream in order (each event\'s `applies`),',
    'prints the state after each event and checks the stream\'s `expect` lines. Without --stream, replays every stream.',
    'Streams can be named Context.Stream when the name is not unique.',
    '',
    'Exit code: 0 every expectation holds, 1 one does not (or the replay has errors), 2 a usage problem.',
  ].join('\n'),
  options: {
    stream: { type: 'string', value: '<name>', description: 'the stream to replay (default: every stream)' },
    format: { type: 'string', value: '<text|json>', description: 'text (default) or json (see the ReplayJson type)' },
  },
  run({ args, options, cwd, out }) {
    const format = (options['format'] as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const { files, problems, result } = checkInputs(args, cwd, out);
    if (files.length === 0) return exitCodes.usage;
    const model = result.model;
    const all = streamsOf(model);
    const names = all.map((stream) => `${stream.contextName}.${stream.name}`);
    const name = options['stream'] as string | undefined;
    let streams = all;
    if (name !== undefined) {
      streams = findStreams(model, name);
      if (streams.length === 0) throw new UsageError(`no stream '${name}'; the streams: ${names.join(', ') || '(none)'}`);
    } else if (all.length === 0) {
      throw new UsageError('the workspace has no stream to replay');
    }
    const documents = new Map(model.documents.map((document) => [document.uri, document]));
    const shown = new Map(files.map((file) => [file.uri, file.display]));
    const locate = (problem: StreamReplay['problems'][number]) => {
      const position = documents.get(problem.uri)?.lineIndex.positionAt(problem.range.start) ?? { line: 0, character: 0 };
      return { file: shown.get(problem.uri) ?? problem.uri, line: position.line + 1, column: position.character + 1 };
    };
    const replays = streams.map(replayOf);
    const ok = replays.every((replay) => replay.ok);
    if (format === 'json') {
      const json: ReplayJson = {
        version: 1,
        command: 'replay',
        streams: replays.map((replay) => ({ ...replay, problems: replay.problems.map((problem) => ({ ...problem, ...locate(problem) })) })),
        ok,
      };
      out.stdout(JSON.stringify(json, null, 2) + '\n');
    } else {
      const where = (problem: StreamReplay['problems'][number]) => {
        const at = locate(problem);
        return `${at.file}:${at.line}:${at.column}`;
      };
      out.stdout(replays.map((replay) => renderReplay(replay, out.color, where)).join('\n'));
    }
    if (!ok) return exitCodes.findings;
    return problems.length ? exitCodes.usage : exitCodes.ok;
  },
};
