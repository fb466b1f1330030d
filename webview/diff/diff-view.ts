/**
 * The diff as the panel shows it: a summary, then per bounded context (then
 * per saga, map and board) one card per change: its classification, what
 * changed, why it is classified so, what the simulator found, and the parties
 * it affects, each a link.
 */
import type { ChangeClass, CliChange, CliDiff, DiffWebviewMessage } from '../../src/protocol/diff';
import { custom, h, type Child } from '../shared/dom';

type Post = (message: DiffWebviewMessage) => void;

function link(text: string, title: string, onClick: () => void, className = 'ddd-diff-link'): HTMLElement {
  return h('a', {
    className,
    text,
    title,
    attrs: { href: '#', role: 'button' },
    on: {
      click: (event) => {
        event.preventDefault();
        onClick();
      },
    },
  });
}

function badge(classification: ChangeClass, count?: number): HTMLElement {
  return custom('vscode-badge', { className: `ddd-diff-badge ddd-diff-${classification}`, text: count === undefined ? classification : `${count} ${classification}` });
}

function changeTitle(change: CliChange): string {
  return `${change.change} ${change.kindWords} ${change.oldName !== undefined ? `${change.oldName} → ` : ''}${change.name}`;
}

function fieldText(field: CliChange['fields'][number]): string {
  if (field.old === undefined) return `${field.field}: + ${field.new}`;
  if (field.new === undefined) return `${field.field}: − ${field.old}`;
  return `${field.field}: ${field.old} → ${field.new}`;
}

function changeCard(change: CliChange, index: number, post: Post): HTMLElement {
  const sides: Child[] = [];
  if (change.old) sides.push(link(`old: ${change.old.display}:${change.old.line}`, 'Open the old version here', () => post({ type: 'open', change: index, side: 'old' })));
  if (change.new) sides.push(link(`new: ${change.new.display}:${change.new.line}`, 'Open the new version here', () => post({ type: 'open', change: index, side: 'new' })));
  const details: Child[] = [
    ...change.fields.map((field) => h('li', { className: 'ddd-diff-field', text: fieldText(field) })),
    ...change.reasons.map((reason) => h('li', { className: 'ddd-diff-reason', text: reason })),
  ];
  if (change.outcomes && !change.outcomes.explored) details.push(h('li', { className: 'ddd-diff-outcome', text: `not simulated: ${change.outcomes.reason ?? ''}` }));
  for (const outcome of change.outcomes?.appeared ?? []) details.push(h('li', { className: 'ddd-diff-outcome', text: `simulated, new outcome: ${outcome}` }));
  for (const outcome of change.outcomes?.disappeared ?? []) details.push(h('li', { className: 'ddd-diff-outcome', text: `simulated, outcome gone: ${outcome}` }));
  const parties = change.affected.map((party, at) =>
    h('li', { className: 'ddd-diff-party' }, [
      link(`${party.kind} ${party.name}`, `Open ${party.location.display}:${party.location.line}`, () => post({ type: 'openParty', change: index, party: at })),
      h('span', { className: 'ddd-diff-where', text: ` ${party.location.display}:${party.location.line}` }),
    ]),
  );
  if (change.moreAffected) parties.push(h('li', { className: 'ddd-diff-party', text: `and ${change.moreAffected} more` }));
  return h('article', { className: `ddd-diff-change ddd-diff-${change.classification}`, attrs: { 'data-classification': change.classification, 'data-kind': change.kind } }, [
    h('div', { className: 'ddd-diff-head' }, [badge(change.classification), h('span', { className: 'ddd-diff-title', text: changeTitle(change) }), h('span', { className: 'ddd-diff-sides' }, sides)]),
    details.length ? h('ul', { className: 'ddd-diff-details' }, details) : undefined,
    parties.length ? h('div', { className: 'ddd-diff-affected' }, [h('span', { className: 'ddd-diff-label', text: 'Affects' }), h('ul', {}, parties)]) : undefined,
  ]);
}

export function renderDiff(diff: CliDiff, base: string, post: Post, refresh: HTMLElement): HTMLElement {
  const total = diff.counts.breaking + diff.counts.risky + diff.counts.safe;
  const header = h('header', { className: 'ddd-diff-header' }, [
    h('h2', { text: `The working tree compared with ${base}` }),
    h('div', { className: 'ddd-diff-summary' }, [
      total === 0 ? h('span', { text: 'No changes to the model.' }) : undefined,
      ...(total === 0 ? [] : (['breaking', 'risky', 'safe'] as const).map((classification) => badge(classification, diff.counts[classification]))),
      refresh,
    ]),
  ]);
  const groups = new Map<string, HTMLElement[]>();
  diff.changes.forEach((change, index) => {
    const list = groups.get(change.group);
    const card = changeCard(change, index, post);
    if (list) list.push(card);
    else groups.set(change.group, [card]);
  });
  const sections = [...groups].map(([group, cards]) => h('section', { className: 'ddd-diff-group', attrs: { 'aria-label': group } }, [h('h3', { text: group }), ...cards]));
  const omitted = diff.omitted ? h('p', { className: 'ddd-diff-note', text: `${diff.omitted} more changes are not listed.` }) : undefined;
  return h('div', { className: 'ddd-diff-page' }, [header, ...sections, omitted]);
}
