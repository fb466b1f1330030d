/** Many runs at once: the exhaustive exploration and the bulk runs, as tables of distinct outcomes, each replayable in the simulator. */
import type { BulkResult, ExploreResult, OutcomeRow } from '../../src/protocol/simulation';
import { count, h, plural } from '../shared/dom';
import { button } from '../shared/elements';
import { listText, table } from '../shared/table';
import type { Act } from './run-view';

/** A row's breaches: ✗ when an ordinary run breaks a guarantee, ! when only a command that never succeeds does. */
function breachesCell(breaches: { kind: string; message: string }[], onlyIfNeverSucceeds = false): HTMLElement {
  if (!breaches.length) return h('span', { className: 'ddd-good', text: '✓ none' });
  const title = breaches.map((breach) => breach.message).join('\n');
  const kinds = breaches.map((breach) => breach.kind).join(', ');
  if (onlyIfNeverSucceeds) return h('span', { className: 'ddd-warn', title: `Only when a command never succeeds:\n${title}`, text: `! ${kinds}` });
  return h('span', { className: 'ddd-bad', title, text: `✗ ${kinds}` });
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
      ...(percent ? [row.percent !== undefined ? `${row.percent}%` : '—'] : []),
      h('span', { className: `ddd-end ddd-end-${row.end}`, text: `${row.end} · ${row.state}` }),
      h('span', { className: 'ddd-path', text: row.path.join(' → ') }),
      listText(row.compensations),
      breachesCell(row.breaches, row.onlyIfNeverSucceeds),
      injectedText(row),
      button('Replay', () => act({ action: 'scenario', faults: row.faults, crashes: row.crashes }), { secondary: true, title: 'Play this run step by step' }),
    ]),
    { className: 'ddd-outcomes', rowClass: (index) => (rows[index]!.breaches.length && !rows[index]!.onlyIfNeverSucceeds ? 'ddd-breached-row' : undefined) },
  );
}

export function explorationView(result: ExploreResult, act: Act): HTMLElement {
  const heading = h('h3', { text: `Every failure and crash point of ${result.saga}` });
  if (result.style === 'choreographed') {
    return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Exploration' } }, [
      heading,
      h('p', { text: `${plural(result.runs, 'run')} (each reaction failing, pairs of failures, each event duplicated, in several delivery orders) in ${result.ms} ms: ${plural(result.outcomes.length, 'distinct outcome')}. ${result.ok ? '✓ No breach.' : '✗ Some runs breach a guarantee.'}` }),
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
  return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Exploration' } }, [
    heading,
    h('p', {
      text: `${plural(result.runs, 'run')} with up to ${plural(result.depth, 'failure')} each, and ${plural(result.crashRuns, 'crash run')}, in ${result.ms} ms: ${plural(result.outcomes.length, 'distinct outcome')}. ${result.ok ? (result.neverSucceeds.length ? '✓ Every guarantee holds in every run where each command eventually succeeds.' : '✓ Every guarantee holds in every run.') : `✗ ${plural(result.breaches.length, 'kind')} of breach found.`}`,
    }),
    result.neverSucceeds.length
      ? h('p', {
          className: 'ddd-never-succeeds',
          text: `! When a command fails on every attempt the saga stops, stuck, and an operator must step in: ${result.neverSucceeds
            .map(({ breach, count: times }) => `${breach.kind}${breach.command ? ` (${breach.command})` : ''} in ${plural(times, 'run')}`)
            .join('; ')}. No saga can avoid this; the rows marked ! show these runs.`,
        })
      : undefined,
    result.risks.length ? h('ul', { className: 'ddd-risks' }, result.risks.map(({ risk, count: times }) => h('li', { text: `${risk.message} (${plural(times, 'run')})` }))) : undefined,
    outcomeTable(result.outcomes, act, false),
  ]);
}

export function bulkView(result: BulkResult, act: Act): HTMLElement {
  const rates = Object.entries(result.failureRates).map(([command, rate]) => `${command} ${Math.round(rate * 1000) / 10}%`);
  return h('section', { className: 'ddd-card ddd-results', attrs: { 'aria-label': 'Bulk runs' } }, [
    h('h3', { text: `${plural(result.runs, 'run')} of ${result.saga} (seed ${result.seed})` }),
    h('p', {
      text: `Failure rates: ${listText(rates, 'none')}. Up to ${result.maxRetries} retries. ${count(result.commands.mean)} commands per run on average, ${count(result.commands.worst)} at worst. ${result.breachedRuns ? `✗ ${plural(result.breachedRuns, 'run')} breached a guarantee.` : '✓ No run breached a guarantee.'} (${result.ms} ms)`,
    }),
    outcomeTable(result.outcomes, act, true),
  ]);
}
