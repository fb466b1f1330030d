/** What happened, in order: commands and replies, crashes and resumes (orchestrated); messages published and delivered (choreographed). */
import type { ChoreographyEvent, JournalEntry, TimelineEvent } from '../../src/protocol/simulation';
import { h } from '../shared/dom';
import { table } from '../shared/table';

function orchestratedItem(event: TimelineEvent): HTMLElement {
  switch (event.kind) {
    case 'command': {
      const failed = event.outcome === 'failure';
      const flags = [
        event.target === 'compensation' ? 'compensation' : undefined,
        event.attempt > 1 ? `attempt ${event.attempt}` : undefined,
        event.resent ? 're-sent after resume' : undefined,
        event.duplicate ? `duplicate ${event.duplicate}` : undefined,
        failed && event.willRetry ? 'will retry' : undefined,
      ].filter(Boolean);
      return h('li', { className: `ddd-event ddd-event-command${failed ? ' ddd-event-failed' : ''}${event.target === 'compensation' ? ' ddd-event-compensation' : ''}` }, [
        h('span', { className: 'ddd-event-seq', text: `#${event.seq}` }),
        h('span', { className: 'ddd-event-icon', text: failed ? '✗' : '✓', attrs: { 'aria-label': failed ? 'failed' : 'succeeded' } }),
        h('span', { className: 'ddd-event-main' }, [
          h('strong', { text: event.command }),
          event.participant ? ` → ${event.participant}` : '',
          h('span', { className: 'ddd-event-states', text: ` ${event.from} ⟶ ${event.to}` }),
        ]),
        flags.length ? h('span', { className: 'ddd-event-flags', text: flags.join(' · ') }) : undefined,
      ]);
    }
    case 'end':
      return h('li', { className: `ddd-event ddd-event-end ddd-end-${event.outcome}` }, [
        h('span', { className: 'ddd-event-seq', text: '■' }),
        h('span', { className: 'ddd-event-main', text: `saga ${event.outcome} in ${event.state}` }),
      ]);
    case 'crash':
      return h('li', { className: 'ddd-event ddd-event-crash' }, [
        h('span', { className: 'ddd-event-seq', text: '⚡' }),
        h('span', { className: 'ddd-event-main', text: `orchestrator crashed ${event.when === 'before-journal' ? 'before writing the journal' : 'after writing the journal'} (${event.journalLength} entries) in ${event.state}` }),
      ]);
    case 'resume':
      return h('li', { className: 'ddd-event ddd-event-resume' }, [
        h('span', { className: 'ddd-event-seq', text: '↻' }),
        h('span', { className: 'ddd-event-main', text: `a new instance resumed from ${event.journalLength} journal entries in ${event.state}; next: ${event.next}` }),
      ]);
  }
}

export function orchestratedTimeline(events: TimelineEvent[]): HTMLElement {
  if (!events.length) return h('p', { className: 'ddd-muted', text: 'Nothing sent yet: press Step.' });
  const list = h('ol', { className: 'ddd-timeline', attrs: { 'aria-label': 'Timeline' } }, events.map(orchestratedItem));
  list.lastElementChild?.classList.add('ddd-latest');
  return list;
}

export function journalTable(journal: JournalEntry[]): HTMLElement {
  if (!journal.length) return h('p', { className: 'ddd-muted', text: 'The journal is empty.' });
  return table(
    [{ label: '#', numeric: true }, { label: 'Entry' }, { label: 'Command' }, { label: 'Attempt', numeric: true }, { label: 'State after' }],
    journal.map((entry) => [String(entry.seq), entry.type === 'end' && entry.outcome ? `end: ${entry.outcome}` : entry.type, entry.command ?? '—', entry.attempt !== undefined ? String(entry.attempt) : '—', entry.state]),
    { className: 'ddd-journal' },
  );
}

function choreographyItem(event: ChoreographyEvent): HTMLElement {
  if (event.kind === 'emit') {
    return h('li', { className: `ddd-event ddd-event-emit${event.again ? ' ddd-event-failed' : ''}` }, [
      h('span', { className: 'ddd-event-seq', text: `m${event.message}` }),
      h('span', { className: 'ddd-event-icon', text: '⇢' }),
      h('span', { className: 'ddd-event-main' }, [h('strong', { text: event.event }), event.participant ? ` published by ${event.participant}` : ' (trigger)', event.again ? ' again (duplicate work)' : '']),
    ]);
  }
  const failed = event.outcome === 'failure' || event.result === 'duplicate-reexecuted';
  const detail = [
    event.duplicate ? 'duplicate' : undefined,
    event.delayed ? 'delayed' : undefined,
    event.waitingFor?.length ? `waiting for ${event.waitingFor.join(', ')}` : undefined,
    event.emitted?.length ? `emits ${event.emitted.join(', ')}` : undefined,
  ].filter(Boolean);
  return h('li', { className: `ddd-event ddd-event-deliver${failed ? ' ddd-event-failed' : ''}` }, [
    h('span', { className: 'ddd-event-seq', text: `#${event.seq}` }),
    h('span', { className: 'ddd-event-icon', text: event.result === 'fired' ? (event.outcome === 'failure' ? '✗' : '✓') : '·' }),
    h('span', { className: 'ddd-event-main' }, [h('strong', { text: event.event }), ` → ${event.participant ?? `reaction ${event.reaction + 1}`}: ${event.result}${event.outcome ? ` (${event.outcome})` : ''}`]),
    detail.length ? h('span', { className: 'ddd-event-flags', text: detail.join(' · ') }) : undefined,
  ]);
}

export function choreographyTimeline(events: ChoreographyEvent[]): HTMLElement {
  if (!events.length) return h('p', { className: 'ddd-muted', text: 'Nothing delivered yet: press Step.' });
  const list = h('ol', { className: 'ddd-timeline', attrs: { 'aria-label': 'Timeline' } }, events.map(choreographyItem));
  list.lastElementChild?.classList.add('ddd-latest');
  return list;
}
