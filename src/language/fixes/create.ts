/**
 * Fixes that declare what a saga or a storming board names before the model
 * does (or any event or command reference that does not resolve): the event or
 * command, created in the participant's context or in the aggregate a sticky is
 * on. Where it goes is a choice, so these are never applied unattended.
 */
import type { Aggregate, ElementKind, Reference } from '../model/elements';
import type { DddModel } from '../model/model';
import { simpleName } from '../model/qualified-names';
import { elementAt, sagaPartAt } from '../navigation/index';
import { navIndex } from '../navigation/nav-index';
import { aggregateHolder, appendMember, contextHolder, type Holder } from './edits';
import type { Fix, FixProvider } from './types';

/** Where a declaration for an unresolved name could go, best first. */
function holdersFor(model: DddModel, reference: Reference): Holder[] {
  if (reference.scopeAggregate) return [aggregateHolder(reference.scopeAggregate)];
  const onSticky = navIndex(model).stickyOf.get(reference);
  if (onSticky) {
    const { sticky, board } = onSticky;
    const aggregates: Aggregate[] = [];
    const on = sticky.on?.target;
    if (on?.kind === 'aggregate') aggregates.push(on);
    // an event sticky follows the command that caused it: the aggregate that command is `on`
    for (const earlier of board.stickies) {
      if (earlier === sticky) break;
      const target = earlier.on?.target;
      if (target?.kind === 'aggregate' && earlier.type === 'command') aggregates.unshift(target);
    }
    if (aggregates.length) return [...new Set(aggregates)].slice(0, 2).map(aggregateHolder);
  }
  let contextName = reference.scopeContext;
  if (!contextName) contextName = sagaPartAt(model, reference.uri, reference.range.start)?.participant?.text;
  const context = contextName ? model.contexts.get(contextName.split('.')[0]!) : undefined;
  if (context) return [contextHolder(context)];
  return [...model.contexts.values()].filter((candidate) => !candidate.external).slice(0, 5).map(contextHolder);
}

/** The fixes that declare the event or command an unresolved reference names, one per place it could go (the first preferred). */
export function creationFixes(model: DddModel, reference: Reference): Fix[] {
  if (reference.target || reference.candidates) return [];
  const kind = (['event', 'command'] as ElementKind[]).find((candidate) => reference.expected[0] === candidate);
  if (!kind) return [];
  const name = simpleName(reference.text);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return [];
  let member = `${kind} ${name}`;
  if (kind === 'command') {
    const part = sagaPartAt(model, reference.uri, reference.range.start);
    const reply = part?.kind === 'sagaStep' && part.command === reference ? part.reply?.target : undefined;
    if (reply?.kind === 'event') member += ` emits ${reply.name}`;
  }
  const fixes: Fix[] = [];
  for (const holder of holdersFor(model, reference)) {
    const edit = appendMember(model, holder.uri, holder.range, member, holder.mayLackBody);
    if (edit) fixes.push({ title: `Create ${kind} ${name} in ${holder.label}`, safe: false, preferred: fixes.length === 0, edits: [edit] });
  }
  return fixes;
}

/** The creation fixes for the name at `offset`, when it is a reference that does not resolve. */
export function creationFixesAt(model: DddModel, uri: string, offset: number): Fix[] {
  const element = elementAt(model, uri, offset);
  return element?.what === 'reference' && element.reference ? creationFixes(model, element.reference) : [];
}

/** `unknown-reference`: declare the name (the reference is the one ending where the finding ends). */
export const createFix: FixProvider = (context, finding) => {
  const element = elementAt(context.model, finding.uri, finding.range.end);
  return element?.reference ? creationFixes(context.model, element.reference) : [];
};
