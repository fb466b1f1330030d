/**
 * The names an orchestrated saga's steps send and wait for: a command, a
 * compensation or a reply that no declaration defines, in a participant whose
 * model already declares commands (or events), and within a typo of a declared
 * name, is most likely that name misspelt.
 *
 * Names in sagas may stay undeclared (modeling often starts from the saga): a
 * participant that declares no command of its own is modeled later, and a name
 * close to none declared is a new one (the language sketch's `step CheckStock on
 * Inventory`, a compensation stub `UndoPickParcel`), which hover and the
 * simulator show as it is written.
 */
import type { BoundedContext, Declaration, ElementKind, Reference, Saga, SagaStep } from '../../model/elements';
import { forEachElement } from '../../model/element-tree';
import type { DddModel } from '../../model/model';
import { simpleName } from '../../model/qualified-names';
import { declaredNames } from '../../util/declared-names';
import { SimilarNames } from '../../util/similar-names';
import type { Accept, Rule } from '../rule';

export const sagaUnknownName: Rule = {
  code: 'saga-unknown-name',
  severity: 'warning',
  title: 'A saga step names a command or reply that its participant does not declare',
  explanation:
    'Names in sagas may be written before the contexts declare them, but once a participant declares its commands (or events), ' +
    'a step, compensation or reply naming one it does not declare is most likely a typo: the orchestrator would send a command nobody handles, ' +
    'or wait for a reply that never comes. The message suggests the closest declared name; if it is a new one, declare it in the participant. ' +
    'A name close to none declared is taken as a new one and left alone.',
  example:
    'context Catalogue { command ReserveCopy  command ReleaseCopy }\ncontext Loans { command LendBook }\n' +
    'saga LendingSaga orchestrated by Loans {\n  step ReserveCopyy on Catalogue compensate ReleaseCopy   // typo\n  step LendBook on Loans\n}',
};

/**
 * Whether a name was written: error recovery stands in an empty name for one
 * that is not (`reply -> BOOK_LENT`), which the syntax error already reports.
 */
export function isWritten(name: { text: string } | undefined): name is { text: string } {
  return name !== undefined && simpleName(name.text).trim() !== '';
}

/** The names of the commands and events each context declares (in or out of its aggregates), indexed once per saga check. */
export class DeclaredByContext {
  private readonly names = new Map<BoundedContext, Map<ElementKind, SimilarNames>>();

  of(context: BoundedContext, kind: 'command' | 'event'): SimilarNames {
    let byKind = this.names.get(context);
    if (!byKind) {
      const lists = new Map<ElementKind, string[]>([
        ['command', []],
        ['event', []],
      ]);
      forEachElement(context, (element) => {
        if (element.kind === 'command' || element.kind === 'event') lists.get(element.kind)!.push((element as Declaration).name);
        return element.kind === 'aggregate';
      });
      byKind = new Map([...lists].map(([listed, names]) => [listed, new SimilarNames(names)]));
      this.names.set(context, byKind);
    }
    return byKind.get(kind)!;
  }
}

function isUndeclared(reference: Reference | undefined): reference is Reference {
  return reference !== undefined && isWritten(reference) && reference.target === undefined && reference.candidates === undefined;
}

/** The name a typo most likely meant: the participant's own first, then any in the workspace. */
function suggestionFor(model: DddModel, written: string, near: SimilarNames, kind: 'command' | 'event'): string | undefined {
  return near.closest(written) ?? declaredNames(model, [kind]).closest(written);
}

/** The suggestion as it replaces the written name: `Catalogue.ReserveCopyy` keeps its qualifier. */
function replacing(reference: Reference, suggestion: string): string {
  const dot = reference.text.lastIndexOf('.');
  return dot < 0 ? suggestion : reference.text.slice(0, dot + 1) + suggestion;
}

function report(model: DddModel, declared: DeclaredByContext, step: SagaStep, participant: BoundedContext, reference: Reference, role: 'step' | 'compensation' | 'reply', accept: Accept): void {
  const kind = role === 'reply' ? 'event' : 'command';
  const own = declared.of(participant, kind);
  // a participant that declares none of its own is modeled later: the saga comes first
  if (!own.size) return;
  const written = simpleName(reference.text);
  const suggestion = suggestionFor(model, written, own, kind);
  // a name close to none declared is a new one, not a typo
  if (!suggestion) return;
  const what = role === 'reply' ? `an event of ${participant.name}` : `a command of ${participant.name}`;
  const declare = role === 'reply' ? 'the event' : 'the command';
  accept(sagaUnknownName, {
    uri: step.uri,
    range: reference.range,
    message: `${reference.text} is not declared: ${role === 'reply' ? 'the reply' : role === 'compensation' ? 'the compensation' : 'the step'} should name ${what}. Did you mean ${suggestion}? If not, declare ${declare} in ${participant.name}.`,
    data: { name: reference.text, kind, role, participant: participant.name, suggestion: replacing(reference, suggestion) },
  });
}

/** Reports the undeclared command, compensation and reply of each step of an orchestrated saga. */
export function checkStepNames(model: DddModel, saga: Saga, accept: Accept, declared = new DeclaredByContext()): void {
  for (const step of saga.steps) {
    const participant = step.participant?.target;
    if (participant?.kind !== 'context') continue;
    if (isUndeclared(step.command)) report(model, declared, step, participant, step.command, 'step', accept);
    const compensation = step.compensation?.command;
    if (isUndeclared(compensation)) report(model, declared, step, participant, compensation, 'compensation', accept);
    // a reply to a command that declares what it emits is saga-reply-mismatch's
    const command = step.command?.target;
    const emitsDeclared = command?.kind === 'command' && command.emits.length > 0;
    if (!emitsDeclared && isUndeclared(step.reply)) report(model, declared, step, participant, step.reply, 'reply', accept);
  }
}
