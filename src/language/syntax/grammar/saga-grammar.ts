/** Orchestrated sagas (steps, states, compensations) and choreographed sagas (reactions). */
import type {
  Saga,
  SagaStep,
  StateName,
} from '../../model/elements';
import { placeholderSaga, MEMBERS, starts, kinds } from './grammar-support';
import { StrategicGrammar } from './strategic-grammar';
import * as T from '../tokens';
import { newReaction } from '../element-shapes';

export abstract class SagaGrammar extends StrategicGrammar {
  // ------------------------------------------------------------------ sagas

  protected stateName = this.RULE('stateName', (): StateName => {
    const token = this.CONSUME(T.Identifier);
    return { text: token.image, range: this.tokenRange(token) };
  });

  protected saga = this.RULE('saga', () => {
    const keyword = this.CONSUME(T.Saga);
    const name = this.consumeNamed(T.Identifier);
    const saga: Saga = {
      kind: 'saga',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      style: 'orchestrated',
      steps: [],
      reactions: [],
    };
    if (!this.RECORDING_PHASE) this.declarations.push(saga);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Orchestrated);
          this.CONSUME(T.By);
          saga.orchestrator = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.context);
          this.OPTION(() => (saga.description = this.SUBRULE(this.stringValue)));
          this.CONSUME(T.LCurly);
          this.OPTION2(() => {
            this.CONSUME(T.Start);
            saga.start = this.SUBRULE(this.stateName);
          });
          this.members('an orchestrated saga: expected step Command on Context …', starts.steps, () => this.SUBRULE(this.sagaStep, { ARGS: [saga] }));
          this.CONSUME(T.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Choreographed);
          if (!this.RECORDING_PHASE) saga.style = 'choreographed';
          this.OPTION3(() => (saga.description = this.SUBRULE2(this.stringValue)));
          this.CONSUME2(T.LCurly);
          this.many(MEMBERS + 1, {
            GATE: () => this.skipToMember('a choreographed saga: expected Context on Event emits Event', starts.identifiers),
            DEF: () => this.SUBRULE(this.reaction, { ARGS: [saga] }),
          });
          this.CONSUME2(T.RCurly);
        },
      },
    ]);
    this.close(saga.range);
  });

  protected sagaStep = this.RULE('sagaStep', (saga: Saga = placeholderSaga) => {
    const keyword = this.CONSUME(T.Step);
    const step: SagaStep = { kind: 'sagaStep', uri: this.uri, range: this.tokenRange(keyword), idempotent: false };
    if (!this.RECORDING_PHASE) saga.steps.push(step);
    step.command = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.command, true);
    this.CONSUME(T.On);
    step.participant = this.reference(this.nameOf(this.CONSUME2(T.NameReference)), kinds.context);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Reply);
            step.reply = this.reference(this.nameOf(this.CONSUME3(T.NameReference)), kinds.event, true);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.RightArrow);
            step.successState = this.SUBRULE(this.stateName);
          },
        },
        {
          ALT: () => {
            const fails = this.CONSUME(T.Fails);
            const failure: NonNullable<SagaStep['failure']> = { range: this.tokenRange(fails) };
            this.OPTION(() => {
              this.CONSUME2(T.RightArrow);
              failure.state = this.SUBRULE2(this.stateName);
            });
            this.close(failure.range);
            step.failure = failure;
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Compensate);
            const compensation: NonNullable<SagaStep['compensation']> = { none: false, range: this.tokenRange(keyword) };
            this.OR2([
              { ALT: () => (this.CONSUME(T.None), (compensation.none = true)) },
              {
                ALT: () => {
                  compensation.command = this.reference(this.nameOf(this.CONSUME4(T.NameReference)), kinds.command, true);
                  this.OPTION2(() => {
                    this.CONSUME3(T.RightArrow);
                    compensation.state = this.SUBRULE3(this.stateName);
                  });
                },
              },
            ]);
            this.close(compensation.range);
            step.compensation = compensation;
          },
        },
        { ALT: () => (this.CONSUME(T.Idempotent), (step.idempotent = true)) },
      ]);
    });
    if (!this.RECORDING_PHASE) {
      // the step's command, reply and compensation belong to its participant's model
      const participant = step.participant?.text;
      if (!participant) return;
      for (const ref of [step.command, step.reply, step.compensation?.command]) if (ref) ref.scopeContext = participant;
    }
    this.close(step.range);
  });

  protected reaction = this.RULE('reaction', (saga: Saga = placeholderSaga) => {
    const participant = this.nameOf(this.CONSUME(T.NameReference));
    const reaction = newReaction(participant, this.uri, this.reference(participant, kinds.context));
    if (!this.RECORDING_PHASE) saga.reactions.push(reaction);
    this.CONSUME(T.On);
    reaction.triggers.push(this.reference(this.nameOf(this.CONSUME2(T.NameReference)), kinds.trigger, true));
    this.MANY(() => {
      const join = this.OR([{ ALT: () => (this.CONSUME(T.Or), 'or' as const) }, { ALT: () => (this.CONSUME(T.And), 'and' as const) }]);
      reaction.triggers.push(this.reference(this.nameOf(this.CONSUME3(T.NameReference)), kinds.trigger, true));
      if (!this.RECORDING_PHASE) {
        reaction.join = reaction.join === 'single' || reaction.join === join ? join : 'mixed';
      }
    });
    this.MANY2(() => {
      this.OR2([
        { ALT: () => (this.CONSUME(T.Compensates), (reaction.compensates = true)) },
        { ALT: () => (this.CONSUME(T.Idempotent), (reaction.idempotent = true)) },
      ]);
    });
    this.OPTION(() => {
      this.CONSUME(T.Emits);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, true, reaction.emits] });
      this.OPTION2(() => {
        this.CONSUME(T.Else);
        this.SUBRULE2(this.nameList, { ARGS: [kinds.event, true, reaction.otherwise] });
      });
    });
    if (!this.RECORDING_PHASE) {
      const participant = reaction.participant?.text;
      if (participant) for (const ref of [...reaction.emits, ...reaction.otherwise]) ref.scopeContext = participant;
    }
    this.close(reaction.range);
  });
}
