/** Many runs at once: the exhaustive exploration and the bulk runs, as tables of distinct outcomes, each replayable in the simulator. */
import type { BulkResult, ExploreResult, OutcomeRow } from '../../src/protocol/simulation';
import { count, h, plural } from '../shared/dom';
import { button } from '../shared/elements';
import { plainCode } from '../shared/inline-code';
import { listText, table } from '../shared/table';
import { breachSummary, type AnyBreach } from '../../src/protocol/breach-words';
import { budgetHint, coverageText } from '../../src/protocol/coverage-words';
import type { Act } from './run-view';
import { breachList, resendRisks } from './verdict';

/** A row's breaches in words: ✗ when an ordinary run breaks a guarantee, ! when only a command that never succeeds does; the messages in the tooltip. */
function breachesCell(breaches: readonly AnyBreach[], onlyIfNeverSucceeds = false): HTMLElement {
  if (!breaches.length) return h('span', { className: 'ddd-good', text: '✓ none' });
  const title = breaches.map((breach) => `${breach.kind}: ${plainCode(breach.message)}`).join('\n');
  const words = breachSummary(breaches);
  if (onlyIfNeverSucceeds) return h('span', { className: 'ddd-warn', title: `Only when a command never succeeds:\n${title}`, text: `! ${words}` });
  return h('span', { className: 'ddd-bad', title, text: `✗ ${words}` });
}

/** How a run ended, as the verdict says it: `failed in FAILED`, `stuck in PAYMENT_DONE`; a run stuck only because a command never succeeds is a warning, as its breaches are. */
function endCell(row: OutcomeRow): HTMLElement {
  return h('span', { className: `ddd-end ${row.onlyIfNeverSucceeds ? 'ddd-warn' : `ddd-end-${row.end}`}`, text: `${row.end} in ${row.state}` });
}

function injectedText(row: OutcomeRow): string {
  const faults = row.faults.map((fault) => `${fault.target === 'compensation' ? 'undo of ' : ''}step ${fault.step + 1} fails${fault.attempts === 'always' ? ' always' : fault.attempts && fault.attempts > 1 ? ` ${fault.attempts}×` : ''}`);
  const crashes = row.crashes.map((crash) => `crash ${crash.when === 'before-journal' ? 'before' : 'after'} ${crash.target}${crash.step !== undefined ? ` ${crash.step + 1}` : ''}`);
  return listText([...faults, ...crashes], 'nothing');
}

function outcomeTable(rows: OutcomeRow[], act: Act, percent: boolean): HTMLElement {
  return table(
    [
      { label: 'Runs', numeric: true },
      ...(percent ? [{ label: '%', numeric: true }] : []),
      { label: 'Ends' },
      { label: 'Path' },
      { label: 'Compensations' },
      { label: 'Breaches' },
      { label: 'Injected' },
      { label: '' },
    ],
    rows.map((row) => [
      count(row.count),
      ...(percent ? [row.percent !== undefined ? `${Math.round(row.percent * 10) / 10}%` : '—'] : []),
      endCell(row),
      h('span', { className: 'ddd-path', text: row.path.join(' → ') }),
      listText(row.compensations),
      breachesCell(row.breaches, row.onlyIfNeverSucceeds),
      injectedText(row),
      button('Replay', () => act({ action: 'scenario', faults: row.faults, crashes: row.crashes }), { secondary: true, title: 'Play this run step by step' }),
    ]),
    { className: 'ddd-outcomes', rowClass: (index) => (rows[index]!.breaches.length && !rows[index]!.onlyIfNeverSucceeds ? 'ddd-breached-row' : undefined) },
  );
}

/** How far the exploration got, when its budget ran out before every path was played (nothing when it was complete). */
function coverageNote(result: ExploreResult): HTMLElement | undefined {
  if (result.coverage.complete) return undefined;
  const text = coverageText(result.coverage);
  return h('p', { className: 'ddd-warn ddd-explore-coverage', attrs: { role: 'status' } }, [
    h('strong', { text: `${text[0]!.toUpperCase()}${text.slice(1)}.` }),
    ` ${budgetHint(result.coverage, 'a smaller saga, one per stage of the business process, is explored whole')}`,
  ]);
}

export function explorationView(result: ExploreResult, act: Act): HTMLElement {
  const partial = !result.coverage.complete;
  const heading = h('h3', { text: `${partial ? 'Failure and crash points' : 'Every failure and crash point'} of ${result.saga}` });
  if (result.style === 'choreographed') {
    return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Exploration' } }, [
      heading,
      h('p', { text: `${plural(result.runs, 'run')} (each reaction failing, pairs of failures, each event duplicated, in several delivery orders) in ${result.ms} ms: ${plural(result.outcomes.length, 'distinct outcome')}. ${result.ok ? `✓ No breach${partial ? ' in the runs explored' : ''}.` : '✗ Some runs breach a guarantee.'}` }),
      coverageNote(result),
      table(
        [{ label: 'Runs', numeric: true }, { label: 'Ends' }, { label: 'Events' }, { label: 'Breaches' }, { label: '' }],
        result.outcomes.map((row) => [
          count(row.count),
          h('span', { className: `ddd-end ddd-end-${row.end}`, text: row.end }),
          listText(row.events),
          breachesCell(row.breaches),
          button('Replay', () => act({ action: 'scenario', faults: [], crashes: [], injections: row.injections }), { secondary: true, title: 'Play this run step by step' }),
        ]),
        { className: 'ddd-outcomes', rowClass: (index) => (result.outcomes[index]!.breaches.length ? 'ddd-breached-row' : undefined) },
      ),
    ]);
  }
  const warnings = [
    result.neverSucceeds.length ? 'a command that never succeeds leaves the saga stuck until an operator steps in (the rows marked !)' : undefined,
    result.risks.length ? `${plural(result.risks.length, 'command')} would be done twice after a crash` : undefined,
  ].filter((warning): warning is string => warning !== undefined);
  const verdict = !result.ok
    ? `✗ ${plural(result.breaches.length, 'kind')} of breach found.`
    : warnings.length
      ? `✓ Every guarantee holds in every run ${partial ? 'explored ' : ''}where each command eventually succeeds. Below, what is no breach but needs a decision: ${warnings.join('; and ')}.`
      : `✓ Every guarantee holds in every run${partial ? ' explored' : ''}.`;
  return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Exploration' } }, [
    heading,
    h('p', { text: `${plural(result.runs, 'run')} with up to ${plural(result.depth, 'failure')} each, and ${plural(result.crashRuns, 'crash run')}, in ${result.ms} ms: ${plural(result.outcomes.length, 'distinct outcome')}.` }),
    coverageNote(result),
    h('p', { className: `ddd-explore-verdict ${result.ok ? 'ddd-good' : 'ddd-bad'}`, text: verdict }),
    result.breaches.length ? breachList(result.breaches.map(({ breach }) => breach), (index) => result.breaches[index]!.count) : undefined,
    result.neverSucceeds.length
      ? h('div', { className: 'ddd-never-succeeds' }, [
          h('h4', { text: 'When a command never succeeds' }),
          h('p', {
            className: 'ddd-muted',
            text: 'Not a breach of the design: if a command fails on every attempt, the saga stops, neither completed nor failed, and holds what it holds until an operator steps in. No saga as written can avoid this; watch for stuck sagas and give operators a way to finish them. The rows marked ! are these runs.',
          }),
          breachList(result.neverSucceeds.map(({ breach }) => breach), (index) => result.neverSucceeds[index]!.count, 'ddd-warnings-list'),
        ])
      : undefined,
    result.risks.length ? resendRisks(result.risks.map(({ risk }) => risk), (index) => result.risks[index]!.count) : undefined,
    outcomeTable(result.outcomes, act, false),
  ]);
}

/** Runs that hit the retry limit, said plainly (the table's rows say on which command). */
function stuckText(result: BulkResult): string | undefined {
  const stuck = result.outcomes.filter((row) => row.end === 'stuck').reduce((sum, row) => sum + row.count, 0);
  if (!stuck) return undefined;
  return `${plural(stuck, 'run')} hit the retry limit: a step after the pivot, or a compensation, failed ${plural(result.maxRetries + 1, 'time')} in a row (the first attempt and ${plural(result.maxRetries, 'retry', 'retries')}), so the saga stopped there, neither completed nor failed, holding what it held until an operator steps in.`;
}

export function bulkView(result: BulkResult, act: Act): HTMLElement {
  const rates = Object.entries(result.failureRates).map(([command, rate]) => `${command} ${Math.round(rate * 1000) / 10}%`);
  const stuck = stuckText(result);
  return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Bulk runs' } }, [
    h('h3', { text: `${plural(result.runs, 'run')} of ${result.saga} (seed ${result.seed})` }),
    h('p', {
      text: `Failure rates: ${listText(rates, 'none')}. Up to ${plural(result.maxRetries, 'retry', 'retries')} of a failed step after the pivot or a failed compensation. ${count(result.commands.mean)} commands per run on average, ${count(result.commands.worst)} at worst. (${result.ms} ms)`,
    }),
    h('p', { className: result.breachedRuns ? 'ddd-bad' : 'ddd-good', text: result.breachedRuns ? `✗ ${plural(result.breachedRuns, 'run')} breached a guarantee.` : '✓ No run breached a guarantee.' }),
    stuck ? h('p', { className: 'ddd-bulk-stuck', text: stuck }) : undefined,
    outcomeTable(result.outcomes, act, true),
  ]);
}
