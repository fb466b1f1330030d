/**
 * Orchestrated sagas: every step that changes something can be undone, the
 * orchestrator's states each mean one thing, and each participant does its own work.
 */
import { simpleName } from '../../model/qualified-names';
import type { BoundedContext, Command, Reference, Saga } from '../../model/elements';
import { orchestrationOf, meaningKey, type Orchestration, type OrchestrationStep, type StateMeaning } from '../../sagas/orchestration';

import { isTooLargeToAnalyse, MAX_ANALYSED_SAGA_SIZE, tooLargeToAnalyse } from '../../sagas/saga-size';
import { closestName } from '../../util/similar-names';
import { boundedList } from '../../util/bounded-list';
import { checkStepNames, DeclaredByContext, isWritten, sagaUnknownName } from './saga-names';
import type { Accept, Rule, RuleSet } from '../rule';

export const sagaEmpty: Rule = {
  code: 'saga-empty',
  severity: 'warning',
  title: 'A saga with no steps or reactions',
  explanation:
    'A saga coordinates a business transaction that spans several bounded contexts, as a sequence of local transactions. ' +
    'Without steps (orchestrated) or reactions (choreographed) it coordinates nothing. Add them, or remove the saga.',
  example: 'saga OrderSaga orchestrated by Sales {\n}',
};

export const sagaDuplicateStep: Rule = {
  code: 'saga-duplicate-step',
  severity: 'warning',
  title: 'The same command sent twice by one saga',
  explanation:
    'Each step of an orchestrated saga is one local transaction of one participant. Sending the same command twice usually means a step was ' +
    'copied and not edited; if the work really happens twice, give the second command its own name so that replies, states and compensations stay apart.',
  example: 'saga OrderSaga orchestrated by Sales {\n  step CreateOrder on Sales\n  step CreateOrder on Sales\n}',
};

export const sagaCompensationMissing: Rule = {
  code: 'saga-compensation-missing',
  severity: 'warning',
  title: 'A step before the pivot that cannot be undone',
  explanation:
    'When a step fails, the orchestrator undoes the steps already done by running their compensations in reverse order. ' +
    'The pivot is the go/no-go step: the first step with no compensation that is followed only by steps without one; the steps after it are ' +
    'retried until they succeed. A step before the pivot with no `compensate` clause leaves its effect behind when a later step fails. ' +
    'Add `compensate UndoCommand`, or `compensate none` when the step changes nothing (a check, a read).',
  example: 'saga OrderSaga orchestrated by Sales {\n  step CreateOrder on Sales          // cannot be undone\n  step ReserveInventory on Inventory compensate ReleaseInventory\n  step ProcessPayment on Billing\n}',
};

export const sagaCompensationUnreachable: Rule = {
  code: 'saga-compensation-unreachable',
  severity: 'warning',
  title: 'A compensation that never runs, or cannot undo its step',
  explanation:
    'A compensation runs when a later step fails. The last step has no later step, and when it fails its own local transaction has ' +
    'already rolled back: its compensation, and the state it names, are never reached. A compensation must also reverse the step: ' +
    'sending the step\'s own command again does not undo it.',
  example: 'saga OrderSaga orchestrated by Sales {\n  step CreateOrder on Sales compensate CancelOrder\n  step ConfirmOrder on Sales compensate UnconfirmOrder   // never runs\n}',
};

export const sagaCompensationOwner: Rule = {
  code: 'saga-compensation-owner',
  severity: 'warning',
  title: 'A compensation sent to a context that did not do the work',
  explanation:
    'Each bounded context owns its data: only the participant that did a step can undo it. The compensating command belongs to the ' +
    'step\'s participant. Compensate with a command of that context, or run the step on the context that owns the compensation.',
  example:
    'context Sales { command CancelOrder }\ncontext Inventory { command ReserveInventory }\ncontext Billing { command ProcessPayment }\n' +
    'saga OrderSaga orchestrated by Sales {\n  step ReserveInventory on Inventory compensate CancelOrder   // CancelOrder is a Sales command\n  step ProcessPayment on Billing\n}',
};

export const sagaCommandOwner: Rule = {
  code: 'saga-command-owner',
  severity: 'warning',
  title: 'A step sends a command to a context that does not declare it',
  explanation:
    'A step is a local transaction of its participant: the orchestrator sends the command to the context that handles it. ' +
    'When the command is declared in another context, either the participant is wrong or the command belongs in the participant\'s model.',
  example:
    'context Sales\ncontext Inventory\ncontext Billing { command ProcessPayment }\n' +
    'saga OrderSaga orchestrated by Sales {\n  step ProcessPayment on Inventory   // ProcessPayment is a Billing command\n}',
};

export const sagaReplyMismatch: Rule = {
  code: 'saga-reply-mismatch',
  severity: 'warning',
  title: 'A step waits for a reply its command does not emit',
  explanation:
    'The orchestrator moves on when the participant replies. When the command declares the events it `emits`, the reply must be one of them, ' +
    'or the orchestrator waits for an event that never comes. Reply with one of the declared events, or add the reply to the command\'s `emits`.',
  example:
    'context Sales\ncontext Billing {\n  command ProcessPayment emits PaymentProcessed\n  event PaymentProcessed\n}\n' +
    'saga OrderSaga orchestrated by Sales {\n  step ProcessPayment on Billing reply PaymentDone   // ProcessPayment emits PaymentProcessed\n}',
};

export const sagaOrchestrator: Rule = {
  code: 'saga-orchestrator',
  severity: 'warning',
  title: 'A saga orchestrated by an external system',
  explanation:
    'The orchestrator is the context that runs the saga: it sends the commands, persists the saga\'s state after every step and resumes after a crash. ' +
    'An external system (a context we do not own) cannot run our saga. Orchestrate from one of our contexts and call the external system as a step.',
  example: 'context PaymentProvider external\nsaga PaySaga orchestrated by PaymentProvider {\n  step ProcessPayment on Billing\n}',
};

export const sagaParticipantExternal: Rule = {
  code: 'saga-participant-external',
  severity: 'info',
  title: 'A saga step on an external system',
  explanation:
    'A step may call a system we do not own, but the saga then depends on its API: its command and compensation must be operations that system offers, ' +
    'and its failures and retries are outside our control. Put an anti-corruption layer in front of it, or run the step on our context that talks to it.',
  example: 'context LegacyErp external\nsaga OrderSaga orchestrated by Sales {\n  step BookOrder on LegacyErp\n}',
};

export const sagaStates: Rule = {
  code: 'saga-states',
  severity: 'error',
  title: 'A saga state name that means two things',
  explanation:
    'The orchestrator persists only the name of the state it is in, and resumes from it after a crash. Each name must therefore mean one thing: ' +
    'two steps must not reach the same state, a step must not reach the start or the terminal failure state, and the compensation that ends every ' +
    'failure path (the one of the first compensated step) must lead to the terminal failure state, not to a state of the happy path. Rename one of them.',
  example: 'saga OrderSaga orchestrated by Sales {\n  step CreateOrder on Sales -> CREATED compensate CancelOrder\n  step ReserveInventory on Inventory -> CREATED\n  step ProcessPayment on Billing\n}',
};

function commandOf(reference: Reference | undefined): Command | undefined {
  return reference?.target?.kind === 'command' ? reference.target : undefined;
}

/** The reference, when its name was written (error recovery stands in an empty name for one that is not). */
function written(reference: Reference | undefined): Reference | undefined {
  return isWritten(reference) ? reference : undefined;
}

function contextOf(reference: Reference | undefined): BoundedContext | undefined {
  return reference?.target?.kind === 'context' ? reference.target : undefined;
}

function sameCommand(a: Reference, b: Reference): boolean {
  if (a.target && b.target) return a.target === b.target;
  return simpleName(a.text) === simpleName(b.text);
}

function checkEmpty(saga: Saga, accept: Accept): void {
  const orchestrated = saga.style === 'orchestrated';
  if (orchestrated ? saga.steps.length : saga.reactions.length) return;
  accept(sagaEmpty, {
    uri: saga.uri,
    range: saga.nameRange,
    message: orchestrated
      ? `${saga.name} has no steps: add \`step Command on Context reply Event\` lines, or remove the saga.`
      : `${saga.name} has no reactions: add \`Context on Trigger emits Event\` lines, or remove the saga.`,
  });
}

function checkStep(orchestration: Orchestration, step: OrchestrationStep, accept: Accept): void {
  const { source } = step;
  const last = step.index === orchestration.steps.length - 1;
  const participant = contextOf(source.participant);
  const command = commandOf(source.command);
  const compensation = source.compensation;
  const reply = written(source.reply);
  const sent = written(source.command);
  if (step.role === 'irreversible' && sent) {
    const later = orchestration.steps[orchestration.pivot ?? step.index + 1]?.command ?? 'a later step';
    accept(sagaCompensationMissing, {
      uri: source.uri,
      range: sent.range,
      message: `${step.command} cannot be undone when a later step (such as ${later}) fails: add \`compensate …\`, or \`compensate none\` if it changes nothing.`,
      data: { command: step.command, participant: step.participant, insertAt: source.range.end },
    });
  }
  if (compensation?.command && isWritten(compensation.command)) {
    if (last) {
      const state = compensation.state ? `, and ${compensation.state.text} is never reached` : '';
      accept(sagaCompensationUnreachable, {
        uri: source.uri,
        range: compensation.range,
        message: `${compensation.command.text} never runs: ${step.command} is the last step, so no later step can fail and undo it${state}. Remove the compensation.`,
        data: { command: step.command, compensation: compensation.command.text, reason: 'last-step', remove: compensation.range },
      });
    } else if (source.command && sameCommand(source.command, compensation.command)) {
      accept(sagaCompensationUnreachable, {
        uri: source.uri,
        range: compensation.command.range,
        message: `${step.command} is compensated by itself: sending it again does not undo it. Compensate with a command that reverses its effect.`,
        data: { command: step.command, reason: 'same-command' },
      });
    }
    const compensating = commandOf(compensation.command);
    if (compensating && participant && compensating.contextName !== participant.name) {
      accept(sagaCompensationOwner, {
        uri: source.uri,
        range: compensation.command.range,
        message: `${compensating.name} is a command of ${compensating.contextName}, but ${step.command} runs on ${participant.name}: only the participant that did the work can undo it. Compensate with a command of ${participant.name}.`,
        data: { command: compensating.name, declaredIn: compensating.contextName, participant: participant.name },
      });
    }
  }
  if (command && participant && source.command && command.contextName !== participant.name) {
    accept(sagaCommandOwner, {
      uri: source.uri,
      range: source.command.range,
      message: `${command.name} is a command of ${command.contextName}, not of ${participant.name}: run the step on ${command.contextName}, or declare the command in ${participant.name}.`,
      data: { command: command.name, declaredIn: command.contextName, participant: participant.name },
    });
  }
  if (command && reply && command.emits.length && !command.emits.some((event) => sameCommand(event, reply))) {
    const expected = command.emits.map((event) => event.text).filter((name) => name.trim() !== '');
    const suggestion = closestName(simpleName(reply.text), expected) ?? (expected.length === 1 ? expected[0] : undefined);
    accept(sagaReplyMismatch, {
      uri: source.uri,
      range: reply.range,
      message: `${command.name} emits ${boundedList(expected)}, not ${reply.text}: reply with ${expected.length === 1 ? 'it' : 'one of them'}, or add ${reply.text} to the command's \`emits\`.`,
      data: { reply: reply.text, command: command.name, expected, ...(suggestion ? { suggestion } : {}) },
    });
  }
  if (participant?.external && source.participant) {
    accept(sagaParticipantExternal, {
      uri: source.uri,
      range: source.participant.range,
      message: `${participant.name} is an external system: this step depends on an API we do not own. Make sure it offers ${step.command}${compensation?.command ? ` and ${compensation.command.text}` : ''}, and consider an anti-corruption layer in front of it.`,
      data: { participant: participant.name },
    });
  }
}

function checkDuplicates(saga: Saga, accept: Accept): void {
  const seen: Reference[] = [];
  saga.steps.forEach((step) => {
    const command = written(step.command);
    if (!command) return;
    const first = seen.find((earlier) => sameCommand(earlier, command));
    if (!first) {
      seen.push(command);
      return;
    }
    accept(sagaDuplicateStep, {
      uri: step.uri,
      range: command.range,
      message: `${command.text} is already a step of ${saga.name}: remove the repeat, or give the second command its own name.`,
      related: [{ uri: step.uri, range: first.range, message: `first step sending ${first.text}` }],
      data: { command: command.text },
    });
  });
}

function describeMeaning(orchestration: Orchestration, meaning: StateMeaning): string {
  const step = meaning.step === undefined ? undefined : orchestration.steps[meaning.step];
  switch (meaning.role) {
    case 'start':
      return 'the start state';
    case 'success':
      return `the state ${step?.command} reaches`;
    case 'completed':
      return 'the terminal success state';
    case 'failure':
      return `the state ${step?.command} fails into`;
    case 'compensation':
      return `the state reached once ${step?.compensation?.command} has undone ${step?.command}`;
    case 'failed':
      return step?.compensation?.command && meaning.range === step.source.compensation?.state?.range
        ? `the terminal failure state (where ${step.compensation.command} ends every failure path)`
        : 'the terminal failure state';
  }
}

function checkStates(saga: Saga, orchestration: Orchestration, accept: Accept): void {
  if (!orchestration.steps.length) return;
  for (const state of orchestration.states) {
    const keys = new Set(state.meanings.map(meaningKey));
    if (keys.size < 2) continue;
    // implicit meanings first, then the names as written, in source order
    const meanings = [...state.meanings].sort((a, b) => (a.range?.start ?? -1) - (b.range?.start ?? -1));
    const first = meanings[0]!;
    for (const meaning of meanings.slice(1)) {
      if (!meaning.range || meaningKey(meaning) === meaningKey(first)) continue;
      const roles = new Set([first.role, meaning.role]);
      const terminal = roles.has('failed') || roles.has('completed');
      const ending = meaning.step === undefined ? undefined : orchestration.steps[meaning.step]?.source.compensation?.state;
      const endsChain = meaning.role === 'failed' && ending !== undefined && ending.range === meaning.range;
      const consequence = endsChain
        ? ` The compensation that ends every failure path must lead to the terminal failure state: name it apart from the happy path's states.`
        : terminal
          ? ' A terminal state ends the saga, so nothing after it would run.'
          : '';
      accept(sagaStates, {
        uri: meaning.uri ?? saga.uri,
        range: meaning.range,
        message: `${state.name} means two things in ${saga.name}: ${describeMeaning(orchestration, first)} and ${describeMeaning(orchestration, meaning)}. The orchestrator persists only the state's name, so it could not tell where to resume: give each its own name.${consequence}`,
        related: first.range ? [{ uri: first.uri ?? saga.uri, range: first.range, message: describeMeaning(orchestration, first) }] : [],
        data: { state: state.name, meanings: [first.role, meaning.role] },
      });
    }
  }
}

export const sagaTooLarge: Rule = {
  code: 'saga-too-large',
  severity: 'info',
  title: 'A saga too large to check and draw whole',
  explanation:
    "A saga's failure paths grow with the square of its steps: each failure compensates every step before it. Past " +
    `${MAX_ANALYSED_SAGA_SIZE} steps (or reactions) the checks that follow every failure path, the simulator's exploration in the editor and the ` +
    'drawings are summarised instead, so that the editor stays responsive. A saga that long is usually several business ' +
    'processes: split it into sagas, one per stage. `ddd simulate` still plays it step by step.',
  example: `context Sales\n// …and ${MAX_ANALYSED_SAGA_SIZE} more steps like these\nsaga Onboarding orchestrated by Sales {\n  step CreateAccount on Sales compensate CloseAccount\n  step VerifyIdentity on Sales\n}`,
};

export const sagaRules: RuleSet = {
  concern: 'sagas',
  summary:
    'Orchestrated sagas: steps before the pivot can be undone, compensations run where the work was done, and every state the orchestrator persists means one thing.',
  rules: [
    sagaEmpty,
    sagaDuplicateStep,
    sagaCompensationMissing,
    sagaCompensationUnreachable,
    sagaCompensationOwner,
    sagaCommandOwner,
    sagaReplyMismatch,
    sagaOrchestrator,
    sagaParticipantExternal,
    sagaStates,
    sagaUnknownName,
    sagaTooLarge,
  ],
  check(model, accept) {
    // the participants' names, indexed once for every saga's steps
    const declared = new DeclaredByContext();
    for (const saga of model.sagas) {
      checkEmpty(saga, accept);
      if (isTooLargeToAnalyse(saga)) {
        accept(sagaTooLarge, { uri: saga.uri, range: saga.nameRange, message: tooLargeToAnalyse(saga), data: { size: saga.steps.length + saga.reactions.length } });
        continue;
      }
      if (saga.style !== 'orchestrated') continue;
      const orchestrator = contextOf(saga.orchestrator);
      if (orchestrator?.external && saga.orchestrator) {
        accept(sagaOrchestrator, {
          uri: saga.uri,
          range: saga.orchestrator.range,
          message: `${orchestrator.name} is an external system: it cannot run our saga. Orchestrate ${saga.name} from a context we own, and call ${orchestrator.name} as a step.`,
          data: { orchestrator: orchestrator.name },
        });
      }
      if (!saga.steps.length) continue;
      const orchestration = orchestrationOf(saga);
      checkDuplicates(saga, accept);
      checkStepNames(model, saga, accept, declared);
      for (const step of orchestration.steps) checkStep(orchestration, step, accept);
      checkStates(saga, orchestration, accept);
    }
  },
};
