/**
 * What an empty view says: what to write to fill it, naming the snippets that
 * write it (their prefixes and names come from snippets/ddd.json, the one
 * list of snippets the editor offers).
 */
import type { ViewKind } from '../../src/protocol/diagrams';
import snippets from '../../snippets/ddd.json';
import { h } from '../shared/dom';

type SnippetName = keyof typeof snippets;

interface EmptyHint {
  /** `No sagas yet.` */
  nothing: string;
  /** Where to type, before the snippets' names. */
  where: string;
  snippets: SnippetName[];
  /** After the snippets: what the view then shows. */
  then: string;
}

export const emptyHints: Record<ViewKind, EmptyHint> = {
  'context-map': {
    nothing: 'No bounded contexts yet.',
    where: 'In a .ddd file, type',
    snippets: ['Bounded context', 'Context map'],
    then: 'The contexts and how they relate are drawn here.',
  },
  aggregates: {
    nothing: 'No aggregates yet.',
    where: "Inside a context's braces, type",
    snippets: ['Aggregate'],
    then: "The context's aggregates, entities and value objects are drawn here.",
  },
  saga: {
    nothing: 'No sagas yet.',
    where: 'In a .ddd file, type',
    snippets: ['Orchestrated saga', 'Choreographed saga'],
    then: 'Its state machine, sequence or event flow is drawn here.',
  },
  storming: {
    nothing: 'No storming board yet.',
    where: 'In a .ddd file, type',
    snippets: ['Event storming board'],
    then: 'Its sticky notes are laid out here on a timeline.',
  },
  domains: {
    nothing: 'No domains yet.',
    where: 'In a .ddd file, type',
    snippets: ['Domain'],
    then: 'The domains and their core, supporting and generic subdomains are drawn here.',
  },
};

/** `saga` and the snippet "Orchestrated saga": the prefix a user types and the name the suggestion list shows. */
export function snippetOf(name: SnippetName): { prefix: string; name: string } {
  const prefix = snippets[name].prefix;
  return { prefix: Array.isArray(prefix) ? prefix[0]! : prefix, name };
}

/** The sentence of an empty view, as text (for the status line and tests). */
export function emptyText(kind: ViewKind): string {
  const hint = emptyHints[kind];
  const parts = hint.snippets.map((name) => {
    const snippet = snippetOf(name);
    return `${snippet.prefix} (the snippet “${snippet.name}”)`;
  });
  return `${hint.nothing} ${hint.where} ${parts.join(', then ')} and press Tab to fill its placeholders. ${hint.then}`;
}

/** The empty view's message: the snippets' prefixes as code. */
export function emptyMessage(kind: ViewKind): HTMLElement[] {
  const hint = emptyHints[kind];
  const line: (HTMLElement | string)[] = [`${hint.where} `];
  hint.snippets.forEach((name, index) => {
    const snippet = snippetOf(name);
    if (index) line.push(', then ');
    line.push(h('code', { text: snippet.prefix }), ` (the snippet “${snippet.name}”)`);
  });
  line.push(' and press Tab to fill its placeholders.');
  return [h('p', { className: 'ddd-notice-title', text: hint.nothing }), h('p', {}, line), h('p', { text: hint.then })];
}
