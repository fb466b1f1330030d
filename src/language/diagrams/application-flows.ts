/**
 * The processes of the tactical model as mermaid diagrams: a flow of the
 * application layer (commands and operations, the aggregates they delegate to
 * with their lifecycle transitions, the events they emit, `X`/`O` gateways as
 * diamonds: business choices, not failures), a coordination (a sequence of
 * service operations across contexts) and an aggregate's lifecycle (the states of
 * its `lifecycle enum` and the transitions commands, operations and flow steps write).
 */
import type { Aggregate, Coordination, EnumType, Flow, FlowStep, Gateway, Reference, StateTransition } from '../model/elements';
import type { DddModel } from '../model/model';
import { stepHead } from '../model/event-flow';
import { lifecycleOf } from '../model/tactical-links';
import { addTo, DiagramWriter, sourceOf, writeClasses, type MermaidDiagram } from './diagram';
import { IdRegistry, mermaidText, quoted } from './escape';

const flowStyles: Record<string, string> = {
  command: 'fill:#a5d8ff,stroke:#1971c2,color:#212529',
  operation: 'fill:#d0ebff,stroke:#1971c2,stroke-dasharray:4 3,color:#212529',
  event: 'fill:#ffc078,stroke:#e8590c,color:#212529',
  aggregate: 'fill:#fff3bf,stroke:#f08c00,color:#212529',
  actor: 'fill:#fff9db,stroke:#fab005,color:#212529',
  gateway: 'fill:#f8f9fa,stroke:#495057,color:#212529',
};

const gatewayWords: Record<Gateway, string> = { X: 'X', O: 'O', '+': '+' };

/** `[PARKED -> MOVING X SCRAPPED]` */
function transitionLabel(transition: StateTransition | undefined): string {
  if (!transition) return '';
  const from = transition.from.map((state) => state.text).join(', ');
  return `${from ? `${from} ` : ''}→ ${transition.to.map((state) => state.text).join(` ${transition.gateway ?? 'X'} `)}`;
}

/** A flow as a flowchart, left to right. */
export function flowDiagram(flow: Flow): MermaidDiagram {
  const writer = new DiagramWriter('flowchart LR');
  const ids = new IdRegistry('');
  const classes = new Map<string, string[]>();
  let gateways = 0;
  const element = (kind: 'command' | 'operation' | 'event' | 'aggregate' | 'actor', name: string, reference?: Reference): string => {
    const key = `${kind} ${name}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = ids.id(key, `${kind.slice(0, 3)}_${name}`);
    const [open, close] = kind === 'event' ? ['[', ']'] : kind === 'aggregate' ? ['[[', ']]'] : kind === 'actor' ? ['([', '])'] : kind === 'operation' ? ['(', ')'] : ['[', ']'];
    writer.line(`${id}${open}${quoted(name)}${close}`);
    const target = reference?.target;
    writer.node({ id, name, kind, ...(target ? sourceOf({ uri: target.uri, range: target.nameRange }) : reference ? sourceOf(reference) : {}) });
    addTo(classes, kind, id);
    return id;
  };
  /** `from` to each of `to`, through a gateway diamond when there are several. */
  const fanOut = (from: string, to: readonly string[], gateway: Gateway | undefined, label = '') => {
    const arrow = label ? `-->|${quoted(label)}|` : '-->';
    if (to.length <= 1) {
      for (const target of to) writer.edge(`${from} ${arrow} ${target}`);
      return;
    }
    const id = `g${++gateways}`;
    ids.reserve(id);
    writer.line(`${id}{${quoted(gatewayWords[gateway ?? '+'])}}`);
    writer.extraNodes++;
    addTo(classes, 'gateway', id);
    writer.edge(`${from} ${arrow} ${id}`);
    for (const target of to) writer.edge(`${id} --> ${target}`);
  };
  const invoked = (step: FlowStep) => [
    ...step.commands.map((reference) => element('command', reference.text, reference)),
    ...step.operations.map((reference) => element('operation', reference.text, reference)),
  ];
  for (const step of flow.steps) {
    if (!step) continue;
    if (step.starts === 'event') {
      const events = step.events.map((reference) => element('event', reference.text, reference));
      const targets = invoked(step);
      if (events.length > 1) {
        // `E1 + E2`: all of them, joined
        const join = `g${++gateways}`;
        ids.reserve(join);
        writer.line(`${join}{${quoted('+')}}`);
        writer.extraNodes++;
        addTo(classes, 'gateway', join);
        for (const event of events) writer.edge(`${event} --> ${join}`);
        fanOut(join, targets, step.triggerGateway, 'triggers');
      } else for (const event of events) fanOut(event, targets, step.triggerGateway, 'triggers');
      continue;
    }
    const [action] = invoked(step);
    if (action === undefined) continue;
    if (step.actor) writer.edge(`${element('actor', step.actor.text)} --> ${action}`);
    if (step.delegate) {
      const aggregate = element('aggregate', step.delegate.text, step.delegate);
      writer.edge(`${action} -.->|${quoted(transitionLabel(step.transition) || 'delegates to')}| ${aggregate}`);
    }
    fanOut(action, step.emits.map((reference) => element('event', reference.text, reference)), step.emitGateway, 'emits');
  }
  if (flow.steps.length === 0) writer.warnings.push(`Flow ${flow.name} has no steps yet: write one, e.g. command Submit delegates to Claims [-> SUBMITTED] emits Submitted.`);
  writeClasses(writer, flowStyles, classes);
  return writer.finish('flow', `${flow.name}: flow`, flow.name);
}

/** A coordination as a sequence diagram: the application layer calls each operation in turn, on the context that has it. */
export function coordinationDiagram(coordination: Coordination): MermaidDiagram {
  const writer = new DiagramWriter('sequenceDiagram');
  const ids = new IdRegistry('p');
  const caller = 'caller';
  ids.reserve(caller);
  writer.line(`participant ${caller} as ${mermaidText(`${coordination.name} (${coordination.contextName})`)}`);
  writer.node({ id: caller, name: coordination.name, kind: 'coordination', ...sourceOf({ uri: coordination.uri, range: coordination.nameRange }) });
  const participant = (name: string, reference: Reference | undefined): string => {
    const known = ids.get(name);
    if (known !== undefined) return known;
    const id = ids.id(name, name);
    writer.line(`participant ${id} as ${mermaidText(name)}`);
    const target = reference?.target;
    writer.node({ id, name, kind: 'service', ...(target ? sourceOf({ uri: target.uri, range: target.nameRange }) : {}) });
    return id;
  };
  for (const step of coordination.steps) {
    if (!step?.service || !step.operation) continue;
    const context = step.context?.text ?? coordination.contextName;
    const to = participant(`${context}.${step.service.text}`, step.service);
    writer.edge(`${caller}->>${to}: ${mermaidText(`${step.operation.text}()`)}`);
    writer.edge(`${to}-->>${caller}: ${mermaidText('done')}`);
  }
  if (coordination.steps.length === 0) writer.warnings.push(`Coordination ${coordination.name} has no steps yet: write one per line, Context.Service.operation.`);
  return writer.finish('coordination', `${coordination.name}: coordination`, coordination.name);
}

/** What writes a transition of an aggregate's lifecycle: its commands, its services' operations, the flow steps that delegate to it. */
function transitionsOf(model: DddModel, aggregate: Aggregate): { label: string; transition: StateTransition }[] {
  const found: { label: string; transition: StateTransition }[] = [];
  for (const command of aggregate.commands) if (command?.writes) found.push({ label: command.name, transition: command.writes });
  for (const service of aggregate.services) for (const operation of service.operations) if (operation?.writes) found.push({ label: `${operation.name}()`, transition: operation.writes });
  for (const application of model.contexts.get(aggregate.contextName)?.applications ?? []) {
    for (const flow of application.flows) {
      for (const step of flow.steps) if (step?.transition && step.delegate?.target === aggregate) found.push({ label: stepHead(step).replace(/^(command|operation) /, ''), transition: step.transition });
    }
  }
  return found;
}

/** An aggregate's lifecycle as a state diagram: every state of its lifecycle enum, the transitions written to it. */
export function lifecycleDiagram(model: DddModel, aggregate: Aggregate, lifecycle: EnumType = lifecycleOf(aggregate)!): MermaidDiagram {
  const writer = new DiagramWriter('stateDiagram-v2');
  const ids = new IdRegistry('');
  const id = (name: string) => ids.id(name, name);
  const states = new Set<string>();
  const state = (name: string) => {
    const stateId = id(name);
    if (!states.has(name)) {
      states.add(name);
      // every state of the lifecycle is drawn, written to or not
      writer.line(stateId !== name ? `state ${quoted(name)} as ${stateId}` : stateId);
      const value = lifecycle.values.find((candidate) => candidate?.name === name);
      writer.node({ id: stateId, name, kind: 'state', ...(value ? sourceOf({ uri: value.uri, range: value.nameRange }) : {}) });
    }
    return stateId;
  };
  for (const value of lifecycle.values) if (value?.name) state(value.name);
  const incoming = new Set<string>();
  for (const { label, transition } of transitionsOf(model, aggregate)) {
    const sources = transition.from.length ? transition.from.map((from) => state(from.text)) : ['[*]'];
    for (const to of transition.to) {
      const target = state(to.text);
      incoming.add(to.text);
      for (const source of sources) writer.edge(`${source} --> ${target}: ${mermaidText(transition.to.length > 1 ? `${label} (${transition.gateway ?? 'X'})` : label)}`);
    }
  }
  if (incoming.size === 0) writer.warnings.push(`Nothing writes a transition of ${lifecycle.name} yet: add writes [FROM -> TO] to a command or an operation of ${aggregate.name}.`);
  return writer.finish('lifecycle', `${aggregate.name}: lifecycle`, aggregate.name);
}

// ---------------------------------------------------------------- the flows view

/** One drawing of the flows view: a flow, a coordination, or an aggregate's lifecycle; `variant` is the drawing's (as a saga's). */
export type ProcessDrawing =
  | { variant: 'flow'; name: string; flow: Flow }
  | { variant: 'sequence'; name: string; coordination: Coordination }
  | { variant: 'states'; name: string; aggregate: Aggregate; lifecycle: EnumType };

/** Every flow, coordination and aggregate lifecycle of the model, context by context. */
export function processesOf(model: DddModel): ProcessDrawing[] {
  const drawings: ProcessDrawing[] = [];
  for (const context of model.contexts.values()) {
    for (const application of context.applications) {
      for (const flow of application.flows) if (flow?.name) drawings.push({ variant: 'flow', name: flow.name, flow });
      for (const coordination of application.coordinations) if (coordination?.name) drawings.push({ variant: 'sequence', name: coordination.name, coordination });
    }
    for (const aggregate of context.aggregates) {
      const lifecycle = lifecycleOf(aggregate);
      if (lifecycle && aggregate.name) drawings.push({ variant: 'states', name: aggregate.name, aggregate, lifecycle });
    }
  }
  return drawings;
}

export function processDiagram(model: DddModel, drawing: ProcessDrawing): MermaidDiagram {
  switch (drawing.variant) {
    case 'flow':
      return flowDiagram(drawing.flow);
    case 'sequence':
      return coordinationDiagram(drawing.coordination);
    case 'states':
      return lifecycleDiagram(model, drawing.aggregate, drawing.lifecycle);
  }
}

/** The declaration a drawing shows. */
export function processDeclaration(drawing: ProcessDrawing): { uri: string; nameRange: { start: number; end: number } } {
  return drawing.variant === 'flow' ? drawing.flow : drawing.variant === 'sequence' ? drawing.coordination : drawing.lifecycle;
}
