/**
 * How bad each change is (docs/diff.md is the reference):
 *
 * - breaking: a consumer's expectation no longer holds: an event removed or
 *   renamed while something hears it, a required field removed or its type
 *   changed, a command a saga step (or a policy, an actor) sends removed or
 *   renamed, a context's published language changed under a conformist, an
 *   exposed aggregate (of a context others depend on) removed or renamed;
 * - risky: a new required field on an event others hear (or a command others
 *   send), a relationship's roles or direction changed, a saga step moved
 *   across the pivot, a compensation removed, a saga step, reaction,
 *   relationship or enum value removed, something else that is still named
 *   elsewhere removed or renamed, a new saga outcome that breaks a guarantee;
 * - safe: everything else.
 */
import { commandSendersOf, eventFlowOf, partyWords } from '../model/event-flow';
import type { Command, DomainEvent, Relationship, Saga, SagaStep } from '../model/elements';
import { pivotOf } from '../sagas/orchestration';
import type { ComparedElement } from './compared-elements';
import type { Dependent, Dependents } from './dependents';
import type { ChangeClass, ChangeKind, FieldChange } from './types';

/** What depends on a change, before it is located: elements of one version, and contexts by name. */
export interface Verdict {
  classification: ChangeClass;
  reasons: string[];
  dependents: { side: 'old' | 'new'; dependent: Dependent }[];
  contexts: { side: 'old' | 'new'; name: string }[];
}

export interface Versions {
  old: Dependents;
  new: Dependents;
}

const rank: Record<ChangeClass, number> = { safe: 0, risky: 1, breaking: 2 };

class VerdictBuilder implements Verdict {
  classification: ChangeClass = 'safe';
  reasons: string[] = [];
  dependents: Verdict['dependents'] = [];
  contexts: Verdict['contexts'] = [];

  raise(to: ChangeClass, reason: string): void {
    if (rank[to] > rank[this.classification]) this.classification = to;
    this.reasons.push(reason);
  }

  depend(side: 'old' | 'new', dependents: readonly Dependent[]): void {
    for (const dependent of dependents) this.dependents.push({ side, dependent });
  }
}

const MAX_WORDS = 3;

function listWords(words: readonly string[]): string {
  const shown = words.slice(0, MAX_WORDS).join(', ');
  return words.length > MAX_WORDS ? `${shown} and ${words.length - MAX_WORDS} more` : shown;
}

const plain = (text: string) => text;

/** The kinds whose contents are a context's language: a change to them reaches a conformist. */
const languageKinds = new Set(['aggregate', 'entity', 'value', 'enum', 'enumValue', 'command', 'event', 'field']);

function isRequired(field: ComparedElement): boolean {
  const type = field.props.get('type');
  return type !== undefined && !type.endsWith('?');
}

function ownerWords(element: ComparedElement): string {
  return element.parent ? `${element.parent.kind === 'readmodel' ? 'read model' : element.parent.kind} ${element.parent.name}` : 'the model';
}

/** What hears an event / sends a command, in words (event-flow.ts is the one home of these facts). */
function listenersOf(dependents: Dependents, event: ComparedElement): string[] {
  // nothing names it: nothing hears it (the flow is worked out only for events something names)
  if (!dependents.isNamed(event)) return [];
  return eventFlowOf(dependents.compared.model, event.node as DomainEvent).listeners.map((party) => partyWords(party, plain));
}

function sendersOf(dependents: Dependents, command: ComparedElement): string[] {
  if (!dependents.isNamed(command)) return [];
  return commandSendersOf(dependents.compared.model, command.node as Command).map((party) => partyWords(party, plain));
}

/** Events that something hears and commands that something sends, in an element removed or renamed (or the element itself). */
function consumedMembers(versions: Versions, element: ComparedElement, verb: string, verdict: VerdictBuilder): void {
  // a removed element takes its members with it; a renamed one keeps them (under their own names)
  for (const member of verb === 'removed' ? [element, ...versions.old.descendants(element)] : [element]) {
    if (member.kind === 'event') {
      const listeners = listenersOf(versions.old, member);
      if (listeners.length) verdict.raise('breaking', `event ${member.name} is ${verb} while ${listWords(listeners)} ${listeners.length === 1 ? 'hears' : 'hear'} it`);
    } else if (member.kind === 'command') {
      const senders = sendersOf(versions.old, member);
      if (senders.length) verdict.raise('breaking', `command ${member.name} is ${verb} while ${listWords(senders)} ${senders.length === 1 ? 'sends' : 'send'} it`);
    }
  }
}

export function classifyRemoval(versions: Versions, element: ComparedElement, change: 'removed' | 'renamed', renamedTo?: ComparedElement): Verdict {
  const verdict = new VerdictBuilder();
  const dependents = versions.old.of(element, change === 'removed');
  consumedMembers(versions, element, change, verdict);
  if (element.kind === 'field') {
    if (isRequired(element)) verdict.raise('breaking', `required field ${element.name} of ${ownerWords(element)} is ${change}`);
    else verdict.raise('risky', `optional field ${element.name} of ${ownerWords(element)} is ${change}`);
    // who reads the field: what depends on the event, command or type that holds it
    if (element.parent) verdict.depend('old', versions.old.of(element.parent));
  }
  if (element.kind === 'aggregate' && element.context !== undefined) {
    const downstream = versions.old.downstreamOf(element.context);
    if (downstream.length) {
      verdict.raise('breaking', `aggregate ${element.name} is ${change} while ${listWords(downstream.map((d) => d.context))} ${downstream.length === 1 ? 'depends' : 'depend'} on ${element.context}`);
      for (const d of downstream) verdict.contexts.push({ side: 'old', name: d.context });
    }
  }
  if (element.kind === 'context') {
    const downstream = versions.old.downstreamOf(element.name);
    if (downstream.length) {
      verdict.raise('breaking', `context ${element.name} is ${change} while ${listWords(downstream.map((d) => d.context))} ${downstream.length === 1 ? 'depends' : 'depend'} on it`);
      for (const d of downstream) verdict.contexts.push({ side: 'old', name: d.context });
    }
  }
  if (change === 'removed' && element.kind === 'sagaStep') {
    verdict.raise('risky', `saga ${element.parent?.name ?? '?'} no longer sends ${element.name}`);
  }
  if (element.kind === 'relationship') {
    const relationship = element.node as Relationship;
    for (const side of [relationship.left, relationship.right]) if (side.context) verdict.contexts.push({ side: 'old', name: side.context.text });
  }
  if (change === 'removed' && (element.kind === 'reaction' || element.kind === 'relationship' || element.kind === 'enumValue')) {
    verdict.raise('risky', `${element.kind === 'enumValue' ? 'enum value' : element.kind} ${element.label} is removed`);
  }
  if (verdict.classification === 'safe' && dependents.length && element.kind !== 'context') {
    verdict.raise('risky', `${element.kind} ${element.name} is ${change} while ${dependents.length === 1 ? '1 part' : `${dependents.length} parts`} of the model ${dependents.length === 1 ? 'names' : 'name'} it`);
  }
  void renamedTo;
  verdict.depend('old', dependents);
  return verdict;
}

function pivotSide(element: ComparedElement): 'before' | 'after' | undefined {
  const saga = element.parent?.node as Saga | undefined;
  if (!saga || saga.kind !== 'saga') return undefined;
  const pivot = pivotOf(saga.steps);
  const index = saga.steps.indexOf(element.node as SagaStep);
  if (pivot === undefined || index < 0 || index === pivot) return undefined;
  return index < pivot ? 'before' : 'after';
}

/** A saga step's new position, when it moved: `step 3, after the pivot` → `step 2, before the pivot` (the pivot said only when it is crossed). */
export function stepMove(old: ComparedElement, next: ComparedElement): FieldChange | undefined {
  if (old.kind !== 'sagaStep' || old.index === next.index) return undefined;
  const before = pivotSide(old);
  const after = pivotSide(next);
  if (before && after && before !== after) return { field: 'position', old: `step ${old.index + 1}, ${before} the pivot`, new: `step ${next.index + 1}, ${after} the pivot` };
  return { field: 'position', old: `step ${old.index + 1}`, new: `step ${next.index + 1}` };
}

/** Whether a step's `compensate` clause (as text) names a command: absent and `compensate none` do not. */
function compensates(clause: string | undefined): boolean {
  return clause !== undefined && clause !== 'none' && !clause.startsWith('none ');
}

export function classifyChange(versions: Versions, old: ComparedElement, next: ComparedElement, fields: readonly FieldChange[]): Verdict {
  const verdict = new VerdictBuilder();
  const relationshipFields = fields.filter((field) => field.field === 'left' || field.field === 'right' || field.field === 'arrow');
  if (old.kind === 'relationship' && relationshipFields.length) {
    verdict.raise('risky', `the relationship ${old.label} becomes ${next.label}`);
    const relationship = next.node as Relationship;
    for (const side of [relationship.left, relationship.right]) if (side.context) verdict.contexts.push({ side: 'new', name: side.context.text });
  }
  for (const field of fields) {
    if (old.kind === 'field' && field.field === 'type') {
      verdict.raise('breaking', `the type of ${old.name} in ${ownerWords(next)} changes from ${field.old ?? 'none'} to ${field.new ?? 'none'}`);
      if (old.parent) verdict.depend('old', versions.old.of(old.parent));
    } else if (old.kind === 'sagaStep' && field.field === 'compensation' && compensates(field.old) && !compensates(field.new)) {
      verdict.raise('risky', `step ${next.name} of saga ${next.parent?.name ?? '?'} loses its compensation ${field.old}`);
    } else if (old.kind === 'sagaStep' && field.field === 'position' && / the pivot$/.test(field.new ?? '')) {
      verdict.raise('risky', `step ${next.name} of saga ${next.parent?.name ?? '?'} moves from ${field.old} to ${field.new}`);
    }
  }
  if (verdict.classification !== 'safe') verdict.depend('old', versions.old.of(old));
  return verdict;
}

export function classifyAddition(versions: Versions, element: ComparedElement): Verdict {
  const verdict = new VerdictBuilder();
  const owner = element.parent;
  if (element.kind === 'field' && owner && isRequired(element)) {
    if (owner.kind === 'event') {
      const listeners = listenersOf(versions.new, owner);
      if (listeners.length) verdict.raise('risky', `event ${owner.name} gets the required field ${element.name} while ${listWords(listeners)} ${listeners.length === 1 ? 'hears' : 'hear'} it`);
    } else if (owner.kind === 'command') {
      const senders = sendersOf(versions.new, owner);
      if (senders.length) verdict.raise('risky', `command ${owner.name} gets the required field ${element.name} while ${listWords(senders)} ${senders.length === 1 ? 'sends' : 'send'} it`);
    }
    if (verdict.classification !== 'safe') verdict.depend('new', versions.new.of(owner));
  }
  return verdict;
}

/** A change to a context's language while a conformist depends on it: breaking (added members are left alone). */
export function conformistVerdict(versions: Versions, element: ComparedElement, change: ChangeKind, verdict: Verdict): void {
  if (change === 'added' || element.context === undefined || !languageKinds.has(element.kind)) return;
  const conformists = versions.old.downstreamOf(element.context).filter((d) => d.conformist);
  if (!conformists.length) return;
  const builder = verdict as VerdictBuilder;
  builder.raise('breaking', `${element.context}'s published language changes under the conformist ${listWords(conformists.map((d) => d.context))}`);
  for (const d of conformists) verdict.contexts.push({ side: 'old', name: d.context });
}
