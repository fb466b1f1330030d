/**
 * `ddd simulate`: plays a saga with failures, crashes and duplicate messages and
 * checks its guarantees — one run, every failure and crash point (`--explore`),
 * or N seeded runs with failure rates (`--runs`).
 *
 * JSON output (`--format json`) is one object, stable for scripts:
 *
 *     {
 *       "version": 1,
 *       "command": "simulate",
 *       "mode": "run" | "explore" | "bulk" | "choreography" | "choreography-explore",
 *       "saga": SimSaga | ChoreographyInfo,        // src/language/simulation/types.ts, choreographed.ts
 *       "path"?: string,                           // mode run: `STARTED → … → COMPLETED`
 *       "result": RunResult | Exploration | BulkResult | ChoreographyRunResult | ChoreographyExploration,
 *                                                  // an exploration's `coverage` says whether it explored every path
 *                                                  // (--explore-budget); past it, its examples have no timeline
 *       "ok": boolean                              // no guarantee breached (exit code 0)
 *     }
 *
 * Exit code: 0 every guarantee holds, 1 one is breached, 2 a usage problem
 * (unknown saga — the sagas are listed —, unknown step, bad number).
 */
import type { Saga } from '../language/model/elements';
import { choreographyOf } from '../language/sagas/choreography';
import {
  bulkSimulate,
  choreographyInfo,
  compileSaga,
  DEFAULT_EXPLORE_STEPS,
  exploreChoreography,
  OrchestrationExplorer,
  pathText,
  reactionLabel,
  simulateChoreography,
  simulateOrchestration,
  type BulkResult,
  type ChoreographyExploration,
  type ChoreographyInfo,
  type ChoreographyOptions,
  type ChoreographyRunResult,
  type CompiledSaga,
  type CrashPoint,
  type Exploration,
  type ExplorationCoverage,
  type Fault,
  type RunResult,
  type SimSaga,
  type TimelineEvent,
} from '../language/simulation/index';
import { breachSummary, breachTitle } from '../protocol/breach-words';
import { budgetHint, coverageText } from '../protocol/coverage-words';
import { limits } from '../protocol/requests';
import { checkInputs } from './check';
import { exitCodes, UsageError, type CliCommand, type Invocation } from './command';
import { paint, plural, table } from './format';
import { thousands } from '../language/util/thousands';

type Options = Invocation['options'];

/** An option's values: repeated (when the dispatcher passes arrays) and comma-separated. */
function listOption(options: Options, name: string): string[] {
  const raw = (options as Record<string, unknown>)[name];
  if (raw === undefined || raw === false) return [];
  const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function stringOption(options: Options, name: string): string | undefined {
  const values = listOption(options, name);
  return values.length ? values[values.length - 1] : undefined;
}

/**
 * A whole-number option, at least `min`; `max` is the simulator's budget, the same in the editor
 * (src/protocol/requests.ts `limits`): past it the command says so rather than run for minutes.
 */
function integerOption(options: Options, name: string, min: number, max: { value: number; what: string; hint: string }): number | undefined {
  const raw = (options as Record<string, unknown>)[name];
  if (raw === undefined) return undefined;
  const text = String(Array.isArray(raw) ? raw[raw.length - 1] : raw).replace(/_/g, '');
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${text}'`);
  const value = Number(text);
  if (value > max.value) throw new UsageError(`--${name} takes at most ${thousands(max.value)} ${max.what}, not ${text} (the simulator's budget, as in the editor): ${max.hint}`);
  return value;
}

function probability(text: string, what: string): number {
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (!/^\d*\.?\d+%?$/.test(text) || !(value >= 0 && value <= 1)) throw new UsageError(`${what} takes a probability between 0 and 1 (or a percentage), not '${text}'`);
  return value;
}

function list(names: readonly string[]): string {
  return names.length ? names.join(', ') : '(none)';
}

// ---------------------------------------------------------------- orchestrated

/** A step by command name (or its compensation's), or by 1-based number. */
function stepIndex(saga: CompiledSaga, reference: string, option: string): number {
  if (/^\d+$/.test(reference)) {
    const index = Number(reference) - 1;
    if (index >= 0 && index < saga.n) return index;
  }
  const exact = saga.commands.indexOf(reference);
  if (exact >= 0) return exact;
  const folded = saga.commands.findIndex((command) => command.toLowerCase() === reference.toLowerCase());
  if (folded >= 0) return folded;
  const compensation = saga.compensations.findIndex((command) => command && command.toLowerCase() === reference.toLowerCase());
  if (compensation >= 0) return compensation;
  throw new UsageError(`${option}: saga ${saga.info.name} has no step '${reference}'; its steps: ${saga.commands.map((c, i) => `${i + 1} ${c}`).join(', ')}`);
}

/** `ProcessPayment`, `ConfirmOrder:3` (fails 3 times), `ConfirmOrder:always`. */
function faultsFrom(saga: CompiledSaga, values: string[], target: Fault['target'], option: string): Fault[] {
  return values.map((value) => {
    const [reference, times] = value.split(/:(?=\d+$|always$)/);
    const step = stepIndex(saga, reference!, option);
    if (target === 'compensation' && saga.compensationState[step]! < 0) {
      const command = saga.commands[step];
      const why = saga.compensations[step] ? 'its compensation never runs (it is the last step)' : saga.info.steps[step]!.compensation === 'none' ? 'it is `compensate none`' : 'it has no compensation';
      throw new UsageError(`${option}: ${command} has no compensation to fail: ${why}`);
    }
    const fault: Fault = { target, step };
    if (times !== undefined) fault.attempts = times === 'always' ? 'always' : Number(times);
    if (fault.attempts === 0) throw new UsageError(`${option}: ${value} fails 0 times`);
    return fault;
  });
}

function crashesFrom(saga: CompiledSaga, values: string[], when: CrashPoint['when'], option: string): CrashPoint[] {
  return values.map((value) => {
    if (value.toLowerCase() === 'start') return { target: 'start', when };
    const compensation = saga.compensations.findIndex((command) => command && command.toLowerCase() === value.toLowerCase());
    if (compensation >= 0 && saga.commands[compensation]!.toLowerCase() !== value.toLowerCase()) return { target: 'compensation', step: compensation, when };
    return { target: 'step', step: stepIndex(saga, value, option), when };
  });
}

function ratesFrom(saga: CompiledSaga, values: string[]): number[] {
  const rates = new Array<number>(saga.n).fill(0);
  const given = new Map<number, string>();
  for (const value of values) {
    const equals = value.lastIndexOf('=');
    if (equals < 0) {
      // a bare probability applies to every step
      const p = probability(value, '--fail-rate');
      rates.fill(p);
      continue;
    }
    const reference = value.slice(0, equals).trim();
    const p = probability(value.slice(equals + 1).trim(), `--fail-rate ${reference}`);
    if (reference === '*') rates.fill(p);
    else {
      const index = stepIndex(saga, reference, '--fail-rate');
      if (given.has(index)) throw new UsageError(`--fail-rate gives ${saga.commands[index]} two rates (${given.get(index)} and ${value.slice(equals + 1).trim()}): give each step one`);
      given.set(index, value.slice(equals + 1).trim());
      rates[index] = p;
    }
  }
  return rates;
}

function percent(value: number): string {
  return `${Number((value * 100).toPrecision(4))}%`;
}

function describeFaults(saga: CompiledSaga, faults: Fault[], crashes: CrashPoint[]): string {
  const parts = faults.map((fault) => {
    const command = fault.target === 'step' ? saga.commands[fault.step] : saga.compensations[fault.step];
    const times = fault.attempts === 'always' ? ' every time' : fault.attempts && fault.attempts > 1 ? ` ${fault.attempts} times` : '';
    return `${command} fails${times}`;
  });
  for (const crash of crashes) {
    if (crash.target === 'start') parts.push('crash before the first command');
    else if (crash.target === 'end') parts.push(`crash ${crash.when === 'after-journal' ? 'after' : 'before'} the journal's end entry`);
    else {
      const command = crash.target === 'step' ? saga.commands[crash.step!] : saga.compensations[crash.step!];
      parts.push(crash.when === 'after-journal' ? `crash after ${command} is journaled` : `crash after ${command} but before its journal entry`);
    }
  }
  return parts.join('; ');
}

function heading(saga: CompiledSaga): string {
  const info = saga.info;
  const pivot = info.pivot !== undefined ? `pivot ${info.steps[info.pivot]!.command}` : 'no pivot';
  return `Saga ${info.name}${info.orchestrator ? ` (orchestrated by ${info.orchestrator})` : ' (orchestrated)'}, ${info.steps.length} steps, ${pivot}`;
}

function timelineRows(saga: CompiledSaga, timeline: readonly TimelineEvent[]): string[][] {
  const rows: string[][] = [];
  for (const event of timeline) {
    if (event.kind === 'command') {
      const undoes = event.target === 'compensation' ? ` (undoes ${saga.commands[event.step]})` : '';
      let result = event.outcome === 'success' ? 'done' : 'FAILED';
      if (event.attempt > 1) result += `, attempt ${event.attempt}`;
      if (event.resent) result += event.duplicate === 'ignored' ? ', sent again: ignored (idempotent)' : ', sent again: done twice';
      if (event.outcome === 'failure' && event.willRetry !== undefined) result += event.willRetry ? ', will retry' : ', out of retries';
      const move = event.to === event.from ? event.from : `${event.from} → ${event.to}`;
      rows.push([String(event.seq), event.command + undoes, event.participant ?? '', result, move]);
    } else if (event.kind === 'crash') {
      rows.push(['', '↯ orchestrator crashes', '', event.when === 'before-journal' ? 'before writing the journal entry' : `after journal entry ${event.journalLength}`, event.state]);
    } else if (event.kind === 'resume') {
      rows.push(['', '↻ new orchestrator', '', `reads ${event.journalLength} journal ${event.journalLength === 1 ? "entry" : "entries"}, then: ${event.next}`, event.state]);
    } else {
      rows.push(['', `end: ${event.outcome}`, '', '', event.state]);
    }
  }
  return rows;
}

function verdictLine(result: { ok: boolean }, color: boolean, good: string, bad: string): string {
  return result.ok ? paint(`✓ ${good}`, '32', color) : paint(`✗ ${bad}`, '31', color);
}

function renderRun(saga: CompiledSaga, result: RunResult, color: boolean): string {
  const lines: string[] = [heading(saga)];
  const injected = describeFaults(saga, result.faults, result.crashes);
  if (injected) lines.push(`Injected: ${injected}`);
  lines.push('', `  ${pathText(result)}`, '');
  lines.push(table(timelineRows(saga, result.timeline), '  '));
  lines.push('');
  const failed = result.failedStep !== undefined ? ` after ${saga.commands[result.failedStep]} failed` : '';
  const compensated = result.compensations.length ? `; compensations: ${result.compensations.join(', ')}` : '';
  const retries = result.retries ? `, ${result.retries} ${result.retries === 1 ? 'retry' : 'retries'}` : '';
  const end = result.end === 'completed' ? saga.info.completed : result.end === 'failed' ? saga.info.failed : `stuck in ${result.state}`;
  lines.push(`Ended ${end}${failed}${compensated} (${result.commandsSent} commands${retries}, ${result.journal.length} journal entries).`);
  lines.push(result.held.length ? `Held at the end: ${result.held.map((held) => held.label).join(', ')}.` : 'Nothing held at the end.');
  for (const breach of result.breaches) lines.push(paint(`✗ ${breachTitle(breach)}: ${breach.message}`, '31', color));
  for (const risk of result.risks) lines.push(paint(`! risk: ${risk.message}`, '33', color));
  lines.push(verdictLine(result, color, 'Every guarantee holds.', `${result.breaches.length} guarantee${result.breaches.length === 1 ? '' : 's'} breached.`));
  return lines.join('\n') + '\n';
}

/** A line that says how far an exploration got when its budget ran out (none when it was complete). */
function coverageLines(coverage: ExplorationCoverage, color: boolean): string[] {
  if (coverage.complete) return [];
  const text = coverageText(coverage);
  const raise = `raise it with --explore-budget (at most ${thousands(limits.exploreSteps)})`;
  return ['', paint(`! ${text[0]!.toUpperCase()}${text.slice(1)}. ${budgetHint(coverage, raise)}`, '33', color)];
}

function renderExploration(saga: CompiledSaga, exploration: Exploration, color: boolean): string {
  const lines: string[] = [heading(saga)];
  lines.push(
    `Explored ${plural(exploration.runs, 'run')} (the happy path and every ${exploration.depth === 2 ? 'single and double' : exploration.depth === 1 ? 'single' : ''} failure point) and ${plural(exploration.crashRuns, 'crash run')} (a crash before and after every journal entry, resumed from the journal).`,
  );
  const partial = !exploration.coverage.complete;
  lines.push(...coverageLines(exploration.coverage, color), '', 'Outcomes:');
  for (const outcome of exploration.outcomes) {
    const end = outcome.end === 'completed' ? 'COMPLETED' : outcome.end === 'failed' ? 'FAILED' : 'STUCK';
    const injected = describeFaults(saga, outcome.example.faults, outcome.example.crashes) || 'no fault';
    const kinds = breachSummary(outcome.breaches);
    const breaches = !outcome.breaches.length ? '' : outcome.onlyIfNeverSucceeds ? paint(`  ! ${kinds}`, '33', color) : paint(`  ✗ ${kinds}`, '31', color);
    lines.push(`  ${String(outcome.count).padStart(5)}  ${end.padEnd(9)} ${outcome.compensations.length ? 'compensations ' + outcome.compensations.join(', ') : 'no compensation'}${breaches}`);
    lines.push(`         e.g. ${injected}: ${pathText(outcome.example)}`);
  }
  if (exploration.breaches.length) {
    lines.push('', 'Breaches:');
    for (const { breach, count, example } of exploration.breaches) {
      lines.push(paint(`  ✗ ${breachTitle(breach)}${breach.command ? ` (${breach.command})` : ''}, in ${plural(count, 'run')}: ${breach.message}`, '31', color));
      lines.push(`    e.g. ${describeFaults(saga, example.faults, example.crashes) || 'no fault'}: ${pathText(example)}`);
    }
  }
  if (exploration.neverSucceeds.length) {
    lines.push('', 'When a command never succeeds (it fails on every attempt, so the saga stops and an operator must step in):');
    for (const { breach, count } of exploration.neverSucceeds) {
      lines.push(paint(`  ! ${breachTitle(breach)}${breach.command ? ` (${breach.command})` : ''}, in ${plural(count, 'run')}: ${breach.message}`, '33', color));
    }
  }
  if (exploration.risks.length) {
    lines.push('', 'Risks (commands sent again after a crash to participants that are not idempotent):');
    for (const { risk, count } of exploration.risks) lines.push(paint(`  ! ${risk.command}, in ${plural(count, 'crash run')}: ${risk.message}`, '33', color));
  }
  const every = partial ? 'every run explored' : 'every run';
  const good = exploration.neverSucceeds.length
    ? `Every guarantee holds in ${every} where each command eventually succeeds (the stuck runs above need a command that never does).`
    : `Every guarantee holds in ${every}.`;
  lines.push('', verdictLine(exploration, color, good, `${exploration.breaches.length} guarantee breach${exploration.breaches.length === 1 ? '' : 'es'} found.`));
  return lines.join('\n') + '\n';
}

function renderBulk(saga: CompiledSaga, bulk: BulkResult, color: boolean, elapsed: number): string {
  const lines: string[] = [heading(saga)];
  const rates = Object.entries(bulk.failureRates).map(([command, p]) => `${command} ${percent(p)}`);
  const compensationRates = Object.entries(bulk.compensationFailureRates).map(([command, p]) => `${command} ${percent(p)}`);
  lines.push(`${thousands(bulk.runs)} runs, seed ${bulk.seed}, up to ${bulk.maxRetries} retries; failure rates: ${list(rates)}${compensationRates.length ? `; compensations: ${compensationRates.join(', ')}` : ''}`);
  lines.push('', 'Outcomes:');
  const rows = bulk.outcomes.map((outcome) => {
    const end = outcome.end === 'completed' ? 'COMPLETED' : outcome.end === 'failed' ? 'FAILED' : `STUCK in ${outcome.state}`;
    const breaches = outcome.breaches.length ? `✗ ${breachSummary(outcome.breaches)}` : '';
    return [`${(outcome.percent ?? 0).toFixed(2)}%`, thousands(outcome.count), end, outcome.compensations.length ? outcome.compensations.join(', ') : '-', breaches];
  });
  lines.push(table(rows, '  '));
  lines.push('', `Commands per run: mean ${bulk.commands.mean.toFixed(2)}, worst ${bulk.commands.worst}.`);
  if (elapsed > 0) lines.push(`(${thousands(bulk.runs / (elapsed / 1000))} runs/s)`);
  lines.push(verdictLine(bulk, color, 'Every guarantee holds in every run.', `${thousands(bulk.breachedRuns)} runs breached a guarantee.`));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- choreographed

function reactionIndex(saga: Saga, reference: string, option: string): number {
  const reactions = choreographyOf(saga).reactions;
  const labels = reactions.map((reaction) => reactionLabel(reaction));
  const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(reference) && Number(reference) >= 1 && Number(reference) <= reactions.length) return Number(reference) - 1;
  const byLabel = labels.findIndex((label) => fold(label) === fold(reference));
  if (byLabel >= 0) return byLabel;
  const [participant, trigger] = reference.split(/[:.]/);
  if (trigger !== undefined) {
    const found = reactions.findIndex((reaction) => fold(reaction.participant ?? '') === fold(participant!) && reaction.listensTo.some((name) => fold(name) === fold(trigger)));
    if (found >= 0) return found;
  }
  const byParticipant = reactions.filter((reaction) => fold(reaction.participant ?? '') === fold(reference));
  if (byParticipant.length === 1) return byParticipant[0]!.index;
  const hint = byParticipant.length > 1 ? `${reference} has ${byParticipant.length} reactions: say which (Participant:Event or number)` : `no reaction '${reference}'`;
  throw new UsageError(`${option}: ${hint}; the reactions of ${saga.name}: ${labels.map((label, i) => `${i + 1} ${label}`).join(', ')}`);
}

function renderChoreography(saga: Saga, run: ChoreographyRunResult, options: ChoreographyOptions, color: boolean): string {
  const reactions = choreographyOf(saga).reactions;
  const lines = [`Saga ${saga.name} (choreographed), ${reactions.length} reactions`];
  const injected: string[] = [];
  for (const index of options.failReactions ?? []) injected.push(`${reactionLabel(reactions[index]!)} fails`);
  for (const event of options.duplicate ?? []) injected.push(`${event} delivered twice`);
  if (options.duplicateRate) injected.push(`${percent(options.duplicateRate)} of deliveries duplicated`);
  for (const event of options.delay ?? []) injected.push(`${event} delayed`);
  if (options.reorder) injected.push(`deliveries reordered (seed ${options.seed ?? 1})`);
  if (injected.length) lines.push(`Injected: ${injected.join('; ')}`);
  lines.push('', `  ${run.events.join(' → ')}`, '');
  const rows: string[][] = [];
  for (const event of run.timeline) {
    if (event.kind !== 'deliver') continue;
    const label = reactionLabel(reactions[event.reaction]!);
    let result: string = event.result;
    if (event.result === 'fired') result = event.outcome === 'failure' ? `FAILED${event.emitted?.length ? ' → ' + event.emitted.join(', ') : ', publishes nothing'}` : event.emitted?.length ? `→ ${event.emitted.join(', ')}` : 'done';
    if (event.result === 'waiting') result = `waits for ${event.waitingFor?.join(', ')}`;
    if (event.result === 'ignored') result = 'ignored (already fired)';
    rows.push([String(event.seq), `${event.event}${event.duplicate ? ' (duplicate)' : ''}${event.delayed ? ' (delayed)' : ''}`, `to ${label}`, result]);
  }
  lines.push(table(rows, '  '), '');
  lines.push(`Ended ${run.end} after ${run.deliveries} deliveries.`);
  lines.push(run.held.length ? `Held at the end: ${run.held.map((held) => held.label).join(', ')}.` : 'Nothing held at the end.');
  for (const breach of run.breaches) lines.push(paint(`✗ ${breachTitle(breach)}: ${breach.message}`, '31', color));
  lines.push(verdictLine(run, color, 'Every guarantee holds.', `${run.breaches.length} guarantee${run.breaches.length === 1 ? '' : 's'} breached.`));
  return lines.join('\n') + '\n';
}

function renderChoreographyExploration(saga: Saga, exploration: ChoreographyExploration, color: boolean): string {
  const reactions = choreographyOf(saga).reactions;
  const lines = [`Saga ${saga.name} (choreographed), ${reactions.length} reactions`];
  lines.push(`Explored ${plural(exploration.runs, 'run')}: every reaction failing (and pairs), every event delivered twice, each in several seeded delivery orders.`);
  lines.push(...coverageLines(exploration.coverage, color), '', 'Outcomes:');
  for (const outcome of exploration.outcomes) {
    const injected: string[] = [];
    for (const index of outcome.scenario.failReactions ?? []) injected.push(`${reactionLabel(reactions[index]!)} fails`);
    for (const event of outcome.scenario.duplicate ?? []) injected.push(`${event} delivered twice`);
    if (outcome.scenario.reorder) injected.push(`reordered (seed ${outcome.scenario.seed})`);
    lines.push(`  ${String(outcome.count).padStart(5)}  ${outcome.end.padEnd(11)} ${outcome.example.events.join(' → ')}`);
    if (injected.length) lines.push(`         e.g. ${injected.join('; ')}`);
    for (const breach of outcome.breaches) lines.push(paint(`         ✗ ${breachTitle(breach)}: ${breach.message}`, '31', color));
  }
  lines.push('', verdictLine(exploration, color, `Every guarantee holds in ${exploration.coverage.complete ? 'every run' : 'every run explored'}.`, 'Some runs breach a guarantee.'));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- the command

export interface SimulateJson {
  version: 1;
  command: 'simulate';
  mode: 'run' | 'explore' | 'bulk' | 'choreography' | 'choreography-explore';
  saga: SimSaga | ChoreographyInfo;
  path?: string;
  result: RunResult | Exploration | BulkResult | ChoreographyRunResult | ChoreographyExploration;
  ok: boolean;
}

const orchestratedOnly = ['fail-compensation', 'crash-after', 'crash-before-journal', 'runs', 'max-retries'] as const;
const choreographedOnly = ['duplicate', 'duplicate-rate', 'reorder', 'delay'] as const;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Simulate a saga: failures, compensations, crashes and resumes, every failure point, bulk runs',
  usage: 'ddd simulate --saga NAME [options] [files or folders…]',
  description: [
    'Plays a saga of the workspace and checks its guarantees: every run ends COMPLETED or FAILED, every step that changed',
    'something is compensated when the saga fails, no compensation runs for a step that never ran, nothing stays held,',
    'and a run resumed from the journal after a crash ends as the run without the crash.',
    '',
    'Orchestrated sagas: one run with --fail, --fail-compensation, --crash-after, --crash-before-journal (steps by command',
    'name or number; `Step:3` fails 3 times, `Step:always` every time); --explore for every single failure point (and every',
    'pair, up to 12 steps) and a crash at every point, within --explore-budget simulated steps (past them it says how far it got);',
    '--runs N --seed S --fail-rate Step=P,… for N seeded runs.',
    'Choreographed sagas: --fail REACTION (number, Participant, or Participant:Event), --duplicate EVENT, --delay EVENT,',
    '--reorder (seeded by --seed), --duplicate-rate P; --explore for every failure and duplicate in several orders.',
    'Lists can be repeated or comma-separated.',
    '',
    'Exit code: 0 every guarantee holds, 1 a guarantee is breached, 2 a usage problem.',
  ].join('\n'),
  options: {
    saga: { type: 'string', value: '<name>', description: 'the saga to simulate (required)' },
    fail: { type: 'string', multiple: true, value: '<step[:n|:always]>', description: 'this step (or reaction) fails: once by default' },
    'fail-compensation': { type: 'string', multiple: true, value: '<step[:n|:always]>', description: 'the compensation of this step fails: once by default (it is retried)' },
    'crash-after': { type: 'string', multiple: true, value: '<step>', description: 'the orchestrator crashes after writing the journal entry of this step, and resumes' },
    'crash-before-journal': { type: 'string', multiple: true, value: '<step>', description: 'the orchestrator crashes after this step but before its journal entry (the step is sent again)' },
    explore: { type: 'boolean', description: 'every failure point, pairs of them for small sagas, and every crash point' },
    'explore-budget': {
      type: 'string',
      value: '<steps>',
      description: `--explore: simulated steps to spend at most (default ${thousands(DEFAULT_EXPLORE_STEPS)}); past them it lists the outcomes seen and says how far it got`,
    },
    runs: { type: 'string', value: '<n>', description: 'bulk mode: n seeded runs with --fail-rate' },
    seed: { type: 'string', value: '<s>', description: 'the seed of bulk runs and of reordering (default 1)' },
    'fail-rate': { type: 'string', multiple: true, value: '<step=p>', description: 'the probability that an attempt of the step fails (0.1 or 10%; a bare p: every step)' },
    'max-retries': { type: 'string', value: '<n>', description: 'retries of a step after the pivot or of a compensation before the run is stuck (default 3)' },
    duplicate: { type: 'string', multiple: true, value: '<event>', description: 'choreography: every message of the event is delivered twice' },
    'duplicate-rate': { type: 'string', value: '<p>', description: 'choreography: the probability that a delivery is duplicated' },
    delay: { type: 'string', multiple: true, value: '<event>', description: 'choreography: messages of the event are delivered last' },
    reorder: { type: 'boolean', description: 'choreography: deliveries in a seeded random order' },
    format: { type: 'string', value: '<text|json>', description: 'text (default) or json (see the SimulateJson type)' },
  },
  run({ args, options, cwd, out }) {
    const format = stringOption(options, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const { files, problems, result } = checkInputs(args, cwd, out);
    if (files.length === 0) return exitCodes.usage;
    const sagas = result.model.sagas;
    const name = stringOption(options, 'saga');
    const names = sagas.map((saga) => `${saga.name} (${saga.style})`);
    if (!name) throw new UsageError(`say which saga with --saga NAME; the sagas: ${list(names)}`);
    const saga = sagas.find((candidate) => candidate.name === name) ?? sagas.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!saga) throw new UsageError(`no saga '${name}'; the sagas: ${list(names)}`);
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    if (errors) out.stderr(`ddd: note: the workspace has ${errors} error${errors === 1 ? '' : 's'} (run ddd check); simulating what could be read\n`);
    const color = out.color;
    const explore = options['explore'] === true;
    const budgetSteps = integerOption(options, 'explore-budget', 1, { value: limits.exploreSteps, what: 'simulated steps', hint: 'split the saga, one per stage of the business process' });
    if (budgetSteps !== undefined && !explore) throw new UsageError('--explore-budget bounds --explore: add --explore, or leave it out');
    const budget = { steps: budgetSteps ?? DEFAULT_EXPLORE_STEPS };
    const seedText = stringOption(options, 'seed');
    let seed: number | undefined;
    if (seedText !== undefined) {
      if (!/^-?\d+$/.test(seedText)) throw new UsageError(`--seed takes a whole number, not '${seedText}'`);
      seed = Number(seedText);
      // the generator is seeded with 32 bits: a longer seed would silently stand for another one
      if (!Number.isSafeInteger(seed) || Math.abs(seed) > 0xffffffff) throw new UsageError(`--seed takes a whole number between -4,294,967,295 and 4,294,967,295, not '${seedText}'`);
    }
    const emit = (json: SimulateJson, text: () => string) => {
      out.stdout(format === 'json' ? JSON.stringify(json, null, 2) + '\n' : text());
      return json.ok ? (problems.length ? exitCodes.usage : exitCodes.ok) : exitCodes.findings;
    };

    if (saga.style === 'choreographed') {
      const misplaced = orchestratedOnly.find((option) => options[option] !== undefined);
      if (misplaced) throw new UsageError(`--${misplaced} is for orchestrated sagas; ${saga.name} is choreographed`);
      const choreography = choreographyOf(saga);
      if (explore) {
        const exploration = exploreChoreography(choreography, {}, budget);
        return emit({ version: 1, command: 'simulate', mode: 'choreography-explore', saga: choreographyInfo(choreography), result: exploration, ok: exploration.ok }, () =>
          renderChoreographyExploration(saga, exploration, color),
        );
      }
      const chosen: ChoreographyOptions = {};
      const fails = listOption(options, 'fail').map((reference) => reactionIndex(saga, reference, '--fail'));
      if (fails.length) chosen.failReactions = fails;
      const rates = listOption(options, 'fail-rate');
      if (rates.length) {
        const perReaction = new Array<number>(choreography.reactions.length).fill(0);
        for (const value of rates) {
          const equals = value.lastIndexOf('=');
          if (equals < 0) perReaction.fill(probability(value, '--fail-rate'));
          else perReaction[reactionIndex(saga, value.slice(0, equals), '--fail-rate')] = probability(value.slice(equals + 1), '--fail-rate');
        }
        chosen.failureRates = perReaction;
      }
      const known = new Set([...choreography.triggers, ...choreography.emitters.keys()]);
      const events = (option: string) =>
        listOption(options, option).map((event) => {
          if (!known.has(event)) throw new UsageError(`--${option}: ${saga.name} has no event '${event}'; its events: ${list([...known])}`);
          return event;
        });
      const duplicate = events('duplicate');
      if (duplicate.length) chosen.duplicate = duplicate;
      const delay = events('delay');
      if (delay.length) chosen.delay = delay;
      const duplicateRate = stringOption(options, 'duplicate-rate');
      if (duplicateRate !== undefined) chosen.duplicateRate = probability(duplicateRate, '--duplicate-rate');
      if (options['reorder'] === true) chosen.reorder = true;
      if (seed !== undefined) chosen.seed = seed;
      const run = simulateChoreography(choreography, chosen);
      return emit({ version: 1, command: 'simulate', mode: 'choreography', saga: choreographyInfo(choreography), result: run, ok: run.ok }, () => renderChoreography(saga, run, chosen, color));
    }

    const misplaced = choreographedOnly.find((option) => options[option] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} is for choreographed sagas; ${saga.name} is orchestrated`);
    const compiled = compileSaga(saga);
    const maxRetries = integerOption(options, 'max-retries', 0, { value: limits.maxRetries, what: 'retries', hint: 'a step that fails more often than that is stuck' });
    const faults = [
      ...faultsFrom(compiled, listOption(options, 'fail'), 'step', '--fail'),
      ...faultsFrom(compiled, listOption(options, 'fail-compensation'), 'compensation', '--fail-compensation'),
    ];
    const crashes = [
      ...crashesFrom(compiled, listOption(options, 'crash-after'), 'after-journal', '--crash-after'),
      ...crashesFrom(compiled, listOption(options, 'crash-before-journal'), 'before-journal', '--crash-before-journal'),
    ];
    const rates = listOption(options, 'fail-rate');
    const runs = integerOption(options, 'runs', 1, { value: limits.runs, what: 'runs', hint: 'for more, run again with another --seed' });

    if (explore) {
      if (faults.length || crashes.length || runs !== undefined || rates.length) throw new UsageError('--explore tries every failure and crash point itself: leave out --fail, --crash-…, --runs and --fail-rate');
      const explorer = new OrchestrationExplorer(compiled, maxRetries === undefined ? {} : { maxRetries }, budget);
      explorer.advance();
      // a partial exploration is of a big saga, whose traced runs grow with the square of its steps (each event lists what is held):
      // its examples keep their journal (the text reads their paths from it) and leave out the timeline
      const exploration = explorer.result(explorer.coverage().complete);
      return emit({ version: 1, command: 'simulate', mode: 'explore', saga: compiled.info, result: exploration, ok: exploration.ok }, () => renderExploration(compiled, exploration, color));
    }
    if (runs !== undefined) {
      if (faults.length || crashes.length) throw new UsageError('--runs plays runs with --fail-rate; leave out --fail and --crash-… (or drop --runs for one run)');
      const started = performance.now();
      const bulk = bulkSimulate(compiled, { runs, seed: seed ?? 1, failureRates: ratesFrom(compiled, rates), ...(maxRetries === undefined ? {} : { maxRetries }) });
      const elapsed = performance.now() - started;
      return emit({ version: 1, command: 'simulate', mode: 'bulk', saga: compiled.info, result: bulk, ok: bulk.ok }, () => renderBulk(compiled, bulk, color, elapsed));
    }
    const run = simulateOrchestration(compiled, {
      faults,
      crashes,
      ...(rates.length ? { failureRates: ratesFrom(compiled, rates) } : {}),
      ...(seed === undefined ? {} : { seed }),
      ...(maxRetries === undefined ? {} : { maxRetries }),
    });
    return emit({ version: 1, command: 'simulate', mode: 'run', saga: compiled.info, path: pathText(run), result: run, ok: run.ok }, () => renderRun(compiled, run, color));
  },
};

