/**
 * The direct reader's sagas: an orchestrated saga's steps (reply, states, failure,
 * compensation) and a choreographed saga's reactions, as the rules of the same name
 * in saga-grammar.ts build them.
 */
import type { Saga, SagaStep, StateName } from '../../model/elements';
import { kinds } from '../grammar/grammar-support';
import * as T from '../tokens';
import { newReaction } from '../element-shapes';
import { abandon, idx, isIdentifier, isNameReference, LCurly, RCurly, StringLiteral } from './direct-base';
import { StrategicReader } from './strategic-reader';

export const SagaKeyword = idx(T.Saga);
const Orchestrated = idx(T.Orchestrated);
const Choreographed = idx(T.Choreographed);
const By = idx(T.By);
const Start = idx(T.Start);
const Step = idx(T.Step);
const On = idx(T.On);
const Reply = idx(T.Reply);
const RightArrow = idx(T.RightArrow);
const Fails = idx(T.Fails);
const Compensate = idx(T.Compensate);
const None = idx(T.None);
const Idempotent = idx(T.Idempotent);
const Compensates = idx(T.Compensates);
const Emits = idx(T.Emits);
const Else = idx(T.Else);
/** How the triggers of a reaction are joined. */
const joins = new Map<number, 'or' | 'and'>([
  [idx(T.Or), 'or'],
  [idx(T.And), 'and'],
]);

export class SagaReader extends StrategicReader {
  saga(): Saga {
    const keyword = this.take(SagaKeyword);
    const name = this.identifier();
    const saga: Saga = { kind: 'saga', name: name.text, uri: this.uri, range: this.range(keyword), nameRange: name.range, style: 'orchestrated', steps: [], reactions: [] };
    if (this.type() === Orchestrated) {
      this.at++;
      this.take(By);
      saga.orchestrator = this.nameReference(kinds.context, false);
      if (this.type() === StringLiteral) saga.description = this.string();
      this.take(LCurly);
      if (this.type() === Start) {
        this.at++;
        saga.start = this.stateName();
      }
      while (this.type() !== RCurly) this.sagaStep(saga);
    } else {
      this.take(Choreographed);
      saga.style = 'choreographed';
      if (this.type() === StringLiteral) saga.description = this.string();
      this.take(LCurly);
      while (this.type() !== RCurly) this.reaction(saga);
    }
    this.at++;
    this.close(saga.range);
    return saga;
  }

  private stateName(): StateName {
    if (!isIdentifier(this.type())) throw abandon;
    return this.name(this.at++);
  }

  /** A reference to the name that comes next (abandons when none does). */
  private nameReference(expected: Parameters<SagaReader['referenceAt']>[2], soft: boolean) {
    if (!isNameReference(this.type())) throw abandon;
    const name = this.name(this.at++);
    return this.referenceAt(name.text, name.range, expected, soft);
  }

  /** `step ReserveStock on Inventory reply StockReserved -> RESERVED compensate ReleaseStock -> RELEASED`, its clauses in any order. */
  private sagaStep(saga: Saga): void {
    const keyword = this.take(Step);
    const step: SagaStep = { kind: 'sagaStep', uri: this.uri, range: this.range(keyword), idempotent: false };
    saga.steps.push(step);
    step.command = this.nameReference(kinds.command, true);
    this.take(On);
    step.participant = this.nameReference(kinds.context, false);
    for (;;) {
      const next = this.type();
      if (next === Reply) {
        this.at++;
        step.reply = this.nameReference(kinds.event, true);
      } else if (next === RightArrow) {
        this.at++;
        step.successState = this.stateName();
      } else if (next === Fails) {
        const failure: NonNullable<SagaStep['failure']> = { range: this.range(this.at++) };
        if (this.type() === RightArrow) {
          this.at++;
          failure.state = this.stateName();
        }
        this.close(failure.range);
        step.failure = failure;
      } else if (next === Compensate) {
        const compensation: NonNullable<SagaStep['compensation']> = { none: false, range: this.range(this.at++) };
        if (this.type() === None) {
          this.at++;
          compensation.none = true;
        } else {
          compensation.command = this.nameReference(kinds.command, true);
          if (this.type() === RightArrow) {
            this.at++;
            compensation.state = this.stateName();
          }
        }
        this.close(compensation.range);
        step.compensation = compensation;
      } else if (next === Idempotent) {
        this.at++;
        step.idempotent = true;
      } else break;
    }
    // the step's command, reply and compensation belong to its participant's model
    const participant = step.participant?.text;
    if (participant) for (const reference of [step.command, step.reply, step.compensation?.command]) if (reference) reference.scopeContext = participant;
    this.close(step.range);
  }

  /** `Billing on StockReserved and OrderPlaced compensates emits PaymentCharged else PaymentDeclined`. */
  private reaction(saga: Saga): void {
    if (!isNameReference(this.type())) throw abandon;
    const participant = this.name(this.at++);
    const reaction = newReaction(participant, this.uri, this.referenceAt(participant.text, participant.range, kinds.context));
    saga.reactions.push(reaction);
    this.take(On);
    reaction.triggers.push(this.nameReference(kinds.trigger, true));
    for (let join = joins.get(this.type()); join !== undefined; join = joins.get(this.type())) {
      this.at++;
      reaction.triggers.push(this.nameReference(kinds.trigger, true));
      reaction.join = reaction.join === 'single' || reaction.join === join ? join : 'mixed';
    }
    for (;;) {
      if (this.type() === Compensates) reaction.compensates = true;
      else if (this.type() === Idempotent) reaction.idempotent = true;
      else break;
      this.at++;
    }
    if (this.type() === Emits) {
      this.at++;
      this.nameList(kinds.event, reaction.emits, true);
      if (this.type() === Else) {
        this.at++;
        this.nameList(kinds.event, reaction.otherwise, true);
      }
    }
    const scope = reaction.participant?.text;
    if (scope) for (const reference of [...reaction.emits, ...reaction.otherwise]) reference.scopeContext = scope;
    this.close(reaction.range);
  }
}
