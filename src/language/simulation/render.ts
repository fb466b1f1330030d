/**
 * A run as the seed draws it: states and arrows, compensations in parentheses.
 *
 *     STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_FAILED → (ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED
 */
import type { JournalEntry, RunResult, TimelineEvent } from './types';

/** The path of a run: from its timeline when it was traced, else from its journal (without the crashes). */
export function pathText(result: Pick<RunResult, 'timeline' | 'states' | 'journal'>, start = result.states[0] ?? ''): string {
  return (result.timeline.length || !result.journal.length ? pathOf(result.timeline, start) : pathOfJournal(result.journal, start)).join(' → ');
}

/** The path as its parts, from the journal alone. */
export function pathOfJournal(journal: readonly JournalEntry[], start: string): string[] {
  const parts = [start];
  let current = start;
  const move = (to: string, via?: string) => {
    parts.push(via ? `(${via}) ${to}` : to);
    current = to;
  };
  journal.forEach((entry, i) => {
    const retry = (entry.attempt ?? 1) > 1 ? 'retry ' : '';
    switch (entry.type) {
      case 'step-done':
        if (retry) move(entry.state, retry + entry.command);
        else if (entry.state !== current) move(entry.state);
        break;
      case 'compensation-done':
        move(entry.state, retry + entry.command);
        break;
      case 'step-failed':
        if (entry.state !== current) move(entry.state);
        break;
      case 'compensation-failed':
        break;
      case 'end':
        if (entry.outcome === 'stuck') {
          const last = journal[i - 1];
          parts[parts.length - 1] += last?.command ? ` [stuck: ${last.command} failed ${last.attempt} times]` : ' [stuck]';
        } else if (entry.state !== current) move(entry.state);
        break;
    }
  });
  return parts;
}

/** The path as its parts (states, with the command that reached them when it is not the plain next step). */
export function pathOf(timeline: readonly TimelineEvent[], start: string): string[] {
  const parts = [start];
  let current = start;
  const append = (note: string) => {
    parts[parts.length - 1] += ` ${note}`;
  };
  const move = (to: string, via?: string) => {
    parts.push(via ? `(${via}) ${to}` : to);
    current = to;
  };
  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i]!;
    switch (event.kind) {
      case 'command': {
        const journaled = timeline[i + 1]?.kind !== 'crash' || (timeline[i + 1] as { when: string }).when !== 'before-journal';
        if (!journaled) break;
        const retry = event.attempt > 1;
        if (event.outcome === 'failure') {
          if (event.to !== current) move(event.to);
          break;
        }
        if (event.target === 'compensation') move(event.to, retry ? `retry ${event.command}` : event.command);
        else if (retry) move(event.to, `retry ${event.command}`);
        else if (event.to !== current) move(event.to);
        break;
      }
      case 'crash':
        append(event.when === 'before-journal' ? '[crash before the journal entry]' : '[crash]');
        break;
      case 'resume':
        append('[resumed from the journal]');
        current = event.state;
        break;
      case 'end':
        if (event.outcome === 'stuck') {
          const last = [...timeline.slice(0, i)].reverse().find((candidate) => candidate.kind === 'command');
          append(last?.kind === 'command' ? `[stuck: ${last.command} failed ${last.attempt} times]` : '[stuck]');
        }
        else if (event.state !== current) move(event.state);
        break;
    }
  }
  return parts;
}
