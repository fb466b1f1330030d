/**
 * One run of a saga: where it is (state, next action), what is injected (per
 * step: fail it, fail it for good, crash after it; per reaction: fail it; per
 * event: duplicate or delay it), what is held, the timeline and the journal.
 */
import type { SimulatorAction } from '../../src/protocol/messages';
import type { ChoreographedRun, OrchestratedRun, SimStep } from '../../src/protocol/simulation';
import { h, plural } from '../shared/dom';
import { toggleButton } from '../shared/elements';
import { listText, table } from '../shared/table';
import { choreographyTimeline, journalTable, orchestratedTimeline } from './timeline';
import { choreographyVerdict, orchestratedVerdict } from './verdict';

export type Act = (action: SimulatorAction) => void;

/** A step's role in words; a retried step says the simulator's retry limit (past it, the run is stuck). */
function roleText(role: SimStep['role'], maxRetries: number): string {
  switch (role) {
    case 'compensatable':
      return 'compensatable';
    case 'read-only':
      return 'read-only';
    case 'pivot':
      return 'pivot (no going back)';
    case 'retriable':
      return `retried, up to ${plural(maxRetries, 'time')} (then stuck)`;
    case 'irreversible':
      return 'not compensated';
  }
}

/** `Step 2 of 4 · +1 compensation`: the saga's steps, compensations counted apart. */
export function progressText(run: OrchestratedRun): string {
  const { step, steps, compensations } = run.progress;
  return `Step ${step} of ${steps}${compensations ? ` · +${plural(compensations, 'compensation')}` : ''}`;
}

function section(title: string, children: (HTMLElement | undefined)[], className = ''): HTMLElement {
  return h('section', { className: `ddd-card ${className}`, attrs: { 'aria-label': title } }, [h('h3', { text: title }), ...children]);
}

export function orchestratedStatus(run: OrchestratedRun): HTMLElement {
  const next = run.done ? 'The run is over.' : run.crashed ? 'The orchestrator is down: the next step starts a new instance from the journal.' : `Next: ${run.nextText}`;
  return section('Now', [
    h('p', { className: 'ddd-state-line' }, [h('span', { className: 'ddd-muted', text: 'State ' }), h('strong', { className: 'ddd-state-name', text: run.state })]),
    h('p', { className: 'ddd-progress', text: progressText(run) }),
    h('p', { className: run.crashed ? 'ddd-crashed' : '', text: next }),
    run.held.length
      ? h('div', { className: 'ddd-held' }, [h('span', { className: 'ddd-muted', text: 'Held: ' }), ...run.held.map((held) => h('span', { className: 'ddd-chip', text: held.label }))])
      : h('p', { className: 'ddd-muted', text: 'Nothing held.' }),
  ], 'ddd-status-card');
}

export function orchestratedInjections(run: OrchestratedRun, act: Act): HTMLElement {
  const fault = (target: 'step' | 'compensation', step: number) => run.faults.find((candidate) => candidate.target === target && candidate.step === step);
  const crash = (step: number) => run.crashes.some((candidate) => candidate.target === 'step' && candidate.step === step && candidate.when === 'after-journal');
  const nextStep = run.next?.kind === 'command' ? run.next.step : undefined;
  const rows = run.saga.steps.map((step) => {
    const failing = fault('step', step.index);
    const compensationFailing = fault('compensation', step.index);
    const actions = h('span', { className: 'ddd-inject' }, [
      toggleButton('Fail', !!failing && failing.attempts !== 'always', () => act({ action: 'failStep', target: 'step', step: step.index }), { title: `${step.command} fails once (a retry would succeed)` }),
      toggleButton('Always', failing?.attempts === 'always', () => act({ action: 'failStep', target: 'step', step: step.index, attempts: 'always' }), { title: step.retried ? `${step.command} fails on every attempt: after ${plural(run.maxRetries, 'retry', 'retries')} the saga is stuck` : `${step.command} fails on every attempt` }),
      toggleButton('Crash after', crash(step.index), () => act({ action: 'crashAfter', target: 'step', step: step.index, when: 'after-journal' }), { title: `The orchestrator dies right after it wrote ${step.command} down` }),
      step.compensation && step.compensation !== 'none'
        ? toggleButton(`Fail ${step.compensation}`, !!compensationFailing, () => act({ action: 'failStep', target: 'compensation', step: step.index }), { title: `The compensation ${step.compensation} fails once` })
        : undefined,
    ]);
    return [
      String(step.index + 1),
      h('span', {}, [h('strong', { text: step.command }), step.participant ? ` → ${step.participant}` : '']),
      h('span', { text: `${roleText(step.role, run.maxRetries)}${step.compensation && step.compensation !== 'none' ? ` · undo: ${step.compensation}` : ''}` }),
      step.successState,
      actions,
    ];
  });
  return section('Steps and injected failures', [
    table([{ label: '#', numeric: true }, { label: 'Step' }, { label: 'Role' }, { label: 'Reaches' }, { label: 'Inject' }], rows, {
      className: 'ddd-steps',
      rowClass: (index) => (index === nextStep ? 'ddd-next-row' : undefined),
    }),
    run.crashes.some((point) => point.target === 'start' || point.target === 'end' || point.when === 'before-journal')
      ? h('p', { className: 'ddd-muted', text: `Also injected: ${run.crashes.filter((point) => point.target === 'start' || point.target === 'end' || point.when === 'before-journal').map((point) => `crash at ${point.target}${point.step !== undefined ? ` ${point.step + 1}` : ''} (${point.when})`).join(', ')}` })
      : undefined,
  ]);
}

export function orchestratedRunView(run: OrchestratedRun, act: Act): HTMLElement[] {
  return [
    orchestratedVerdict(run.verdict, run.final),
    orchestratedInjections(run, act),
    section('Timeline', [orchestratedTimeline(run.timeline)], 'ddd-timeline-card'),
    section('Journal', [journalTable(run.journal)], 'ddd-journal-card'),
  ];
}

export function choreographyStatus(run: ChoreographedRun): HTMLElement {
  const next = run.pending[0];
  const reaction = next ? run.saga.reactions[next.reaction] : undefined;
  return section('Now', [
    h('p', { className: 'ddd-state-line' }, [h('span', { className: 'ddd-muted', text: 'Delivery ' }), h('strong', { className: 'ddd-state-name', text: `${run.step} of ${run.steps}` })]),
    h('p', { text: run.done ? `The run is over: ${run.verdict.end}.` : next ? `Next: ${next.event} to ${reaction?.label ?? `reaction ${next.reaction + 1}`}${next.copy ? ' (a duplicate)' : ''}` : 'Nothing pending.' }),
    h('p', { className: 'ddd-muted', text: `${plural(run.pending.length, 'delivery', 'deliveries')} pending` }),
    run.verdict.held.length
      ? h('div', { className: 'ddd-held' }, [h('span', { className: 'ddd-muted', text: 'Held: ' }), ...run.verdict.held.map((held) => h('span', { className: 'ddd-chip', text: held.label }))])
      : h('p', { className: 'ddd-muted', text: 'Nothing held.' }),
  ], 'ddd-status-card');
}

export function choreographyRunView(run: ChoreographedRun, act: Act): HTMLElement[] {
  const failing = new Set(run.injections.failReactions ?? []);
  const duplicated = new Set(run.injections.duplicate ?? []);
  const delayed = new Set(run.injections.delay ?? []);
  const reactions = table(
    [{ label: '#', numeric: true }, { label: 'Reaction' }, { label: 'Emits' }, { label: 'Else' }, { label: 'Inject' }],
    run.saga.reactions.map((reaction) => [
      String(reaction.index + 1),
      h('span', {}, [h('strong', { text: reaction.label }), reaction.compensates ? ' ↩ compensates' : '', reaction.idempotent ? ' · idempotent' : '']),
      listText(reaction.emits),
      listText(reaction.otherwise),
      toggleButton('Fail', failing.has(reaction.index), () => act({ action: 'failReaction', reaction: reaction.index }), { title: `${reaction.label} fails when it fires` }),
    ]),
    { className: 'ddd-steps' },
  );
  const events = [...new Set([...run.saga.triggers, ...run.saga.reactions.flatMap((reaction) => [...reaction.emits, ...reaction.otherwise])])];
  const eventRows = table(
    [{ label: 'Event' }, { label: 'Inject' }],
    events.map((event) => [
      event,
      h('span', { className: 'ddd-inject' }, [
        toggleButton('Duplicate', duplicated.has(event), () => act({ action: 'duplicate', event }), { title: `Every message of ${event} is delivered twice` }),
        toggleButton('Delay', delayed.has(event), () => act({ action: 'delay', event }), { title: `Messages of ${event} are delivered last` }),
      ]),
    ]),
    { className: 'ddd-steps' },
  );
  const reorder = toggleButton(
    run.injections.reorder ? `Random order (seed ${run.injections.seed ?? 1})` : 'Random delivery order',
    !!run.injections.reorder,
    () => act({ action: 'reorder', enabled: !run.injections.reorder, seed: run.injections.seed ?? 1 }),
    { title: 'Deliver pending messages in a seeded random order instead of first come, first served' },
  );
  return [
    choreographyVerdict(run.verdict, run.final),
    section('Reactions and injected failures', [reactions, h('div', { className: 'ddd-inject-row' }, [reorder])]),
    section('Events', [eventRows]),
    section('Timeline', [choreographyTimeline(run.timeline)], 'ddd-timeline-card'),
  ];
}
