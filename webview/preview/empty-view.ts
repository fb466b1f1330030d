/**
 * What an empty view says: what to write to fill it, naming the snippets that
 * write it. The webview may not import snippets/ddd.json (the one list of the
 * snippets the editor offers), so it names them here, and
 * test/webview/empty-view.test.ts fails when a name or prefix below is not
 * that file's (as test/protocol/view-names.test.ts does for the view names).
 */
import type { ViewKind } from '../../src/protocol/diagrams';
import { h } from '../shared/dom';

/** A snippet of snippets/ddd.json: its name (the suggestion's label) and the prefix a user types. */
export interface SnippetRef {
  name: string;
  prefix: string;
}

interface EmptyHint {
  /** `No sagas yet.` */
  nothing: string;
  /** Where to type, before the snippets' names. */
  where: string;
  snippets: SnippetRef[];
  /** Between two snippets: both in turn (`then`), or either (`or`). */
  join?: 'then' | 'or';
  /** After the snippets: what the view then shows. */
  then: string;
}

export const emptyHints: Record<ViewKind, EmptyHint> = {
  'context-map': {
    nothing: 'No bounded contexts yet.',
    where: 'In a .ddd file, type',
    snippets: [{ name: 'Bounded context', prefix: 'context' }, { name: 'Context map', prefix: 'contextmap' }],
    then: 'The contexts and how they relate are drawn here.',
  },
  aggregates: {
    nothing: 'No aggregates yet.',
    where: "Inside a context's braces, type",
    snippets: [{ name: 'Aggregate', prefix: 'aggregate' }],
    then: "The context's aggregates, entities and value objects are drawn here.",
  },
  saga: {
    nothing: 'No sagas yet.',
    where: 'In a .ddd file, type',
    snippets: [{ name: 'Orchestrated saga', prefix: 'saga' }, { name: 'Choreographed saga', prefix: 'saga' }],
    join: 'or',
    then: 'Its state machine, sequence or event flow is drawn here.',
  },
  flows: {
    nothing: 'No flows, coordinations or lifecycles yet.',
    where: "Inside a context's braces, type",
    snippets: [{ name: 'Application layer with a flow', prefix: 'application' }],
    then: "Its flows (with their gateways), coordinations and the aggregates' lifecycles are drawn here.",
  },
  storming: {
    nothing: 'No storming board yet.',
    where: 'In a .ddd file, type',
    snippets: [{ name: 'Event storming board', prefix: 'storming' }],
    then: 'Its sticky notes are laid out here on a timeline.',
  },
  domains: {
    nothing: 'No domains yet.',
    where: 'In a .ddd file, type',
    snippets: [{ name: 'Domain', prefix: 'domain' }],
    then: 'The domains and their core, supporting and generic subdomains are drawn here.',
  },
};

function joiner(hint: EmptyHint): string {
  return hint.join === 'or' ? ' or ' : ', then ';
}

/** The sentence of an empty view, as text (for the status line and tests). */
export function emptyText(kind: ViewKind): string {
  const hint = emptyHints[kind];
  const parts = hint.snippets.map((snippet) => `${snippet.prefix} (the snippet “${snippet.name}”)`);
  return `${hint.nothing} ${hint.where} ${parts.join(joiner(hint))} and press Tab to fill its placeholders. ${hint.then}`;
}

/** The empty view's message: the snippets' prefixes as code. */
export function emptyMessage(kind: ViewKind): HTMLElement[] {
  const hint = emptyHints[kind];
  const line: (HTMLElement | string)[] = [`${hint.where} `];
  hint.snippets.forEach((snippet, index) => {
    if (index) line.push(joiner(hint));
    line.push(h('code', { text: snippet.prefix }), ` (the snippet “${snippet.name}”)`);
  });
  line.push(' and press Tab to fill its placeholders.');
  return [h('p', { className: 'ddd-notice-title', text: hint.nothing }), h('p', {}, line), h('p', { text: hint.then })];
}
