/** An event stream replayed on its aggregate: each event and what it changed, the derivations, the expectations. */
import type { ReplayResult, StateValue, StreamReplay } from '../../src/protocol/simulation';
import { h } from '../shared/dom';
import { inlineCode } from '../shared/inline-code';
import { table } from '../shared/table';

/** A field's value as a cell: text as it is, no value (not set, null, empty text) as a dash, never `""`. */
function value(v: StateValue | undefined): string {
  if (v === undefined || v === null || v === '') return '—';
  return String(v);
}

function replayCard(replay: StreamReplay): HTMLElement {
  const fields = replay.fields.map((field) => field.name);
  return h('section', { className: 'ddd-card ddd-replay', attrs: { 'aria-label': `Stream ${replay.stream}` } }, [
    h('h3', { text: `${replay.context}.${replay.stream}${replay.aggregate ? ` of ${replay.aggregate}` : ''}` }),
    h('span', { className: `ddd-verdict-badge ${replay.ok ? 'ddd-good' : 'ddd-bad'}`, text: replay.ok ? '✓ every expectation holds' : '✗ an expectation fails or the replay has errors' }),
    table(
      [{ label: '#', numeric: true }, { label: 'Event' }, { label: 'Changes' }, ...fields.map((field) => ({ label: field }))],
      [
        ['', 'initial', '', ...fields.map((field) => value(replay.initial[field]))],
        ...replay.steps.map((step) => [
          String(step.index + 1),
          h('code', { text: step.entry }),
          step.changes.map((change) => `${change.field}: ${value(change.before)} → ${value(change.after)}`).join('; ') || '—',
          ...fields.map((field) => value(step.state[field])),
        ]),
      ],
      { className: 'ddd-replay-table' },
    ),
    replay.derivations.length ? h('ul', { className: 'ddd-derivations' }, replay.derivations.map((derivation) => h('li', {}, [h('strong', { text: `${derivation.field}: ` }), derivation.text]))) : undefined,
    replay.expectations.length
      ? table(
          [{ label: 'Expected' }, { label: 'Value' }, { label: 'Actual' }, { label: '' }],
          replay.expectations.map((expectation) => [expectation.field, value(expectation.expected), value(expectation.actual), h('span', { className: expectation.holds ? 'ddd-good' : 'ddd-bad', text: expectation.holds ? '✓' : '✗' })]),
        )
      : undefined,
    replay.problems.length ? h('ul', { className: 'ddd-breaches' }, replay.problems.map((problem) => h('li', {}, [`${problem.severity} ${problem.code}: `, ...inlineCode(problem.message)]))) : undefined,
  ]);
}

export function replayView(result: ReplayResult): HTMLElement {
  return h('div', { className: 'ddd-replays' }, result.replays.map(replayCard));
}
