/**
 * The application layer of a context: `application [Name] { … }` with its
 * services, commands and events (members of the context, marked with their
 * application), its flows (commands and operations delegated to aggregates, with
 * their lifecycle transitions, and the events that trigger the next step, with
 * `X`/`O` gateways) and its coordinations (`Context.Service.operation` chains).
 */
import type { Application, ContextDeclaration, Coordination, CoordinationStep, ElementKind, Flow, FlowStep, Gateway, Reference } from '../../model/elements';
import { markNewMembers, memberCounts, TacticalGrammar } from './tactical-grammar';
import { expectedMember, kinds, placeholderContext, starts } from './grammar-support';
import * as T from '../tokens';
import { tokenStart } from '../tokens';

const nowhere = { start: 0, end: 0 };
const placeholderApplication: Application = { kind: 'application', name: '', uri: '', range: nowhere, nameRange: nowhere, contextName: '', flows: [], coordinations: [] };
const placeholderFlow: Flow = { kind: 'flow', name: '', uri: '', range: nowhere, nameRange: nowhere, contextName: '', steps: [] };

/** Operations are named by a service's operation: the linker leaves them (no expected kinds), model/tactical-links.ts links them. */
const operationKinds: readonly ElementKind[] = [];

export abstract class ApplicationGrammar extends TacticalGrammar {
  /** The context and application whose member is being parsed (applications do not nest). */
  private applicationContext: ContextDeclaration = placeholderContext;
  private memberApplication: Application = placeholderApplication;

  override release(): void {
    super.release();
    this.applicationContext = placeholderContext;
    this.memberApplication = placeholderApplication;
  }

  private readonly applicationMemberKinds = [
    { ALT: () => this.SUBRULE(this.service, { ARGS: [this.applicationContext, { contextName: this.applicationContext.name }] }) },
    { ALT: () => this.SUBRULE(this.command, { ARGS: [this.applicationContext, { contextName: this.applicationContext.name }] }) },
    { ALT: () => this.SUBRULE(this.event, { ARGS: [this.applicationContext, { contextName: this.applicationContext.name }] }) },
    { ALT: () => this.SUBRULE(this.flow, { ARGS: [this.memberApplication] }) },
    { ALT: () => this.SUBRULE(this.coordination, { ARGS: [this.memberApplication] }) },
  ];

  protected application = this.RULE('application', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Application);
    const application: Application = {
      kind: 'application',
      name: '',
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: this.tokenRange(keyword),
      contextName: context.name,
      flows: [],
      coordinations: [],
    };
    if (!this.RECORDING_PHASE) context.applications.push(application);
    this.OPTION(() => {
      const name = this.consumeNamed(T.Identifier);
      application.name = name.text;
      application.nameRange = name.range;
    });
    this.OPTION2(() => (application.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.application, starts.application, () => {
      const before = this.RECORDING_PHASE ? undefined : memberCounts(context);
      if (!this.RECORDING_PHASE) {
        this.applicationContext = context;
        this.memberApplication = application;
        this.scopeAggregate = undefined;
      }
      this.OR(this.applicationMemberKinds);
      if (before) markNewMembers(context, before, 'application', application);
    });
    this.CONSUME(T.RCurly);
    this.close(application.range);
  });

  protected flow = this.RULE('flow', (application: Application = placeholderApplication) => {
    const keyword = this.CONSUME(T.Flow);
    const name = this.consumeNamed(T.Identifier);
    const flow: Flow = { kind: 'flow', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, contextName: application.contextName, steps: [] };
    if (!this.RECORDING_PHASE) application.flows.push(flow);
    this.OPTION(() => (flow.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.flow, starts.flow, () => this.SUBRULE(this.flowStep, { ARGS: [flow] }));
    this.CONSUME(T.RCurly);
    this.close(flow.range);
  });

  protected operationReference(): Reference {
    return this.reference(this.nameOf(this.CONSUME(T.AnyName)), operationKinds);
  }

  /**
   * `command X …`, `operation x …` (then `by "actor"`, `delegates to Agg [A -> B]`, `emits E1 X E2`), or
   * `event E1 + E2 triggers command C` (or `operation o`; several joined by `X`, `O` or `+`).
   */
  protected flowStep = this.RULE('flowStep', (flow: Flow = placeholderFlow) => {
    const start = this.LA(1);
    const step: FlowStep = { kind: 'flowStep', uri: this.uri, range: this.tokenRange(start), starts: 'command', commands: [], operations: [], events: [], emits: [] };
    if (!this.RECORDING_PHASE) flow.steps.push(step);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Command);
          step.commands.push(this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.command));
          this.SUBRULE(this.flowAction, { ARGS: [step] });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.OperationKw);
          step.starts = 'operation';
          step.operations.push(this.operationReference());
          this.SUBRULE2(this.flowAction, { ARGS: [step] });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Event);
          step.starts = 'event';
          this.AT_LEAST_ONE_SEP({ SEP: T.Plus, DEF: () => step.events.push(this.reference(this.nameOf(this.CONSUME2(T.NameReference)), kinds.event)) });
          this.CONSUME(T.Triggers);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME2(T.Command);
                step.triggerGateway = this.SUBRULE(this.gatewayList, { ARGS: [kinds.command, step.commands] });
              },
            },
            {
              ALT: () => {
                this.CONSUME2(T.OperationKw);
                step.triggerGateway = this.SUBRULE2(this.gatewayList, { ARGS: [operationKinds, step.operations] });
              },
            },
          ]);
        },
      },
    ]);
    this.close(step.range);
  });

  /** What follows the command or operation of a step: `by "actor"`, `delegates to Agg [A -> B]`, `emits E1 X E2`. */
  protected flowAction = this.RULE('flowAction', (step: FlowStep = placeholderStep) => {
    this.OPTION(() => {
      this.CONSUME(T.By);
      const token = this.CONSUME(T.StringLiteral);
      if (!this.RECORDING_PHASE) step.actor = { text: this.unquote(token.image), range: this.tokenRange(token) };
    });
    this.OPTION2(() => {
      this.CONSUME(T.Delegates);
      this.CONSUME(T.To);
      step.delegate = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.aggregate);
      this.OPTION3(() => (step.transition = this.SUBRULE(this.stateTransition)));
    });
    this.OPTION4(() => {
      this.CONSUME(T.Emits);
      step.emitGateway = this.SUBRULE(this.gatewayList, { ARGS: [kinds.event, step.emits] });
    });
  });

  /** `A`, `A X B X C`, `A O B`, `A + B`: names joined by one gateway (the last marker is kept when they are mixed). */
  protected gatewayList = this.RULE('gatewayList', (expected: readonly ElementKind[] = [], into: Reference[] = []): Gateway | undefined => {
    let gateway: Gateway | undefined;
    into.push(this.reference(this.nameOf(this.CONSUME(T.NameReference)), expected));
    this.MANY({
      GATE: () => this.atGateway(true),
      DEF: () => {
        const marker = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Identifier) }]);
        into.push(this.reference(this.nameOf(this.CONSUME2(T.NameReference)), expected));
        if (!this.RECORDING_PHASE) gateway = marker.image as Gateway;
      },
    });
    return gateway;
  });

  /** `coordination C { Context.Service.operation … }` (or `Service.operation` in this context). */
  protected coordination = this.RULE('coordination', (application: Application = placeholderApplication) => {
    const keyword = this.CONSUME(T.Coordination);
    const name = this.consumeNamed(T.Identifier);
    const coordination: Coordination = {
      kind: 'coordination',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: application.contextName,
      steps: [],
    };
    if (!this.RECORDING_PHASE) application.coordinations.push(coordination);
    this.OPTION(() => (coordination.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('a coordination: expected Context.Service.operation', starts.coordination, () => {
      const token = this.CONSUME(T.NameReference);
      this.OPTION2(() => this.CONSUME(T.Comma));
      if (!this.RECORDING_PHASE) coordination.steps.push(this.coordinationStep(token.image, tokenStart(token), application.contextName));
    });
    this.CONSUME(T.RCurly);
    this.close(coordination.range);
  });

  /** The references of `Context.Service.operation`, one per part. */
  private coordinationStep(text: string, start: number, homeContext: string): CoordinationStep {
    const step: CoordinationStep = { uri: this.uri, range: { start, end: start + text.length }, text };
    const parts = text.split('.');
    const ranges: { start: number; end: number }[] = [];
    let at = start;
    for (const part of parts) {
      ranges.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    if (parts.length !== 2 && parts.length !== 3) {
      this.problems.push({ range: step.range, message: `Expected Context.Service.operation (or Service.operation in this context), not ${text}.` });
      return step;
    }
    const [contextName, serviceIndex] = parts.length === 3 ? [parts[0]!, 1] : [homeContext, 0];
    if (parts.length === 3) step.context = this.referenceAt(parts[0]!, ranges[0]!, kinds.context);
    step.service = this.referenceAt(parts[serviceIndex]!, ranges[serviceIndex]!, kinds.service);
    step.service.scopeContext = contextName;
    step.operation = this.referenceAt(parts[serviceIndex + 1]!, ranges[serviceIndex + 1]!, operationKinds);
    return step;
  }
}

const placeholderStep: FlowStep = { kind: 'flowStep', uri: '', range: nowhere, starts: 'command', commands: [], operations: [], events: [], emits: [] };
