/**
 * Breaches in words: the guarantee a run breaks said as what happened ("stuck
 * on ConfirmOrder", "still held: CreateOrder") instead of its code
 * (`not-terminal`, `left-held`); the code stays in the tooltip.
 */
import type { Breach, ChoreographyBreach } from './simulation';

type Kind = Breach['kind'] | ChoreographyBreach['kind'];

interface Words {
  /** As a heading before the message: `Stuck`. */
  title: string;
  /** With what it is about: `stuck on ConfirmOrder`. */
  about(subjects: string): string;
  /** Without: `stuck`. */
  alone: string;
}

const words: Record<Kind, Words> = {
  'not-terminal': { title: 'Stuck', about: (s) => `stuck on ${s}`, alone: 'stuck' },
  'not-undone': { title: 'Not undone', about: (s) => `not undone: ${s}`, alone: 'not undone' },
  'compensation-without-step': { title: 'Undone without its step', about: (s) => `undone without its step: ${s}`, alone: 'undone without its step' },
  'left-held': { title: 'Still held at the end', about: (s) => `still held: ${s}`, alone: 'still held at the end' },
  'resume-diverged': { title: 'Ends differently after a crash', about: (s) => `ends differently after a crash: ${s}`, alone: 'ends differently after a crash' },
  'duplicate-harm': { title: 'Work done twice', about: (s) => `work done twice: ${s}`, alone: 'work done twice' },
  'silent-failure': { title: 'A failure nobody hears of', about: (s) => `failure nobody hears of: ${s}`, alone: 'a failure nobody hears of' },
  'stalled-join': { title: 'A join that waits forever', about: (s) => `waits forever: ${s}`, alone: 'a join that waits forever' },
  'delivery-limit': { title: 'Reactions without end', about: (s) => `reactions without end: ${s}`, alone: 'reactions without end' },
};

/** An orchestrated or a choreographed breach. */
export type AnyBreach = { kind: Kind; message: string; command?: string; participant?: string; event?: string };

function subject(breach: AnyBreach): string | undefined {
  return breach.command ?? breach.participant ?? breach.event;
}

/** The heading of a breach in a list (its message follows). */
export function breachTitle(breach: AnyBreach): string {
  return words[breach.kind].title;
}

/** A run's breaches in a few words, one group per kind in order of appearance: `stuck on ConfirmOrder; still held: CreateOrder, ReserveInventory`. */
export function breachSummary(breaches: readonly AnyBreach[]): string {
  const groups = new Map<Kind, string[]>();
  for (const breach of breaches) {
    const subjects = groups.get(breach.kind) ?? [];
    const about = subject(breach);
    if (about !== undefined && !subjects.includes(about)) subjects.push(about);
    groups.set(breach.kind, subjects);
  }
  return [...groups].map(([kind, subjects]) => (subjects.length ? words[kind].about(subjects.join(', ')) : words[kind].alone)).join('; ');
}
