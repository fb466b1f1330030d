/**
 * The CML export of a context's application layer: one `Application` with its
 * commands, events and services, its flows (`command C [initiated by "a"]
 * delegates to Agg [A -> B] emits event E1 X E2`, `event E triggers operation
 * o`) and its coordinations (`Context::Service::operation;`).
 */
import type { BoundedContext, Coordination, Flow, FlowStep, Gateway, Reference } from '../model/elements';
import { domainObjectBlock, serviceBlock, transitionText } from './export-tactic';
import { cmlName, cmlString, type CmlWriter } from './export-writer';

const names = (references: readonly Reference[]) => references.map((reference) => cmlName(reference.text.split('.').pop()!));

function joined(references: readonly Reference[], gateway: Gateway | undefined): string {
  return names(references).join(` ${gateway ?? '+'} `);
}

function flowStepLine(step: FlowStep, out: CmlWriter): string | undefined {
  const notes = out.notes;
  if (step.starts === 'event') {
    const targets = step.commands.length ? step.commands : step.operations;
    if (step.events.length === 0 || targets.length === 0) {
      notes.add('flow step without its events or what they trigger');
      return undefined;
    }
    return `event ${joined(step.events, '+')} triggers ${step.commands.length ? 'command' : 'operation'} ${joined(targets, step.triggerGateway)}`;
  }
  const action = step.starts === 'command' ? step.commands[0] : step.operations[0];
  if (!action || step.emits.length === 0) {
    notes.add('flow step that emits no event (a CML flow step ends with emits event)');
    return undefined;
  }
  let text = `${step.starts} ${names([action])[0]}`;
  if (step.actor) text += ` [initiated by ${cmlString(step.actor.text)}]`;
  if (step.delegate) {
    text += ` delegates to ${names([step.delegate])[0]}`;
    const transition = step.transition ? transitionText(step.transition, notes) : undefined;
    if (transition) text += ' ' + transition;
  }
  return `${text} emits event ${joined(step.emits, step.emitGateway)}`;
}

function flowBlock(out: CmlWriter, flow: Flow): void {
  if (flow.description !== undefined) out.notes.add("flow's description (CML has none)");
  out.block(`Flow ${cmlName(flow.name)}`, () => {
    for (const step of flow.steps) {
      const line = flowStepLine(step, out);
      if (line) out.line(line);
    }
  });
}

function coordinationBlock(out: CmlWriter, coordination: Coordination, context: BoundedContext): void {
  if (coordination.description !== undefined) out.notes.add("coordination's description (CML has none)");
  out.block(`Coordination ${cmlName(coordination.name)}`, () => {
    for (const step of coordination.steps) {
      const parts = [step.context, step.service, step.operation].filter((part): part is Reference => part !== undefined).map((part) => cmlName(part.text));
      if (parts.length === 2) parts.unshift(cmlName(context.name));
      if (parts.length === 3) out.line(`${parts.join('::')};`);
      else out.notes.add(`coordination step ${step.text} (CML names Context::Service::operation)`);
    }
  });
}

/** The context's application layer (CML has one per bounded context: several are merged into the first). */
export function applicationBlock(out: CmlWriter, context: BoundedContext): void {
  const [first, ...others] = context.applications;
  if (!first) return;
  out.notes.add('application layer merged into the first of its context (CML has one per bounded context)', others.length);
  for (const application of context.applications) if (application.description !== undefined) out.notes.add("application layer's description (CML has none)");
  out.block(`Application${first.name ? ' ' + cmlName(first.name) : ''}`, () => {
    for (const command of context.commands) if (command.application) domainObjectBlock(out, command);
    for (const event of context.events) if (event.application) domainObjectBlock(out, event);
    for (const service of context.services) if (service.application) serviceBlock(out, service);
    for (const application of context.applications) for (const flow of application.flows) flowBlock(out, flow);
    for (const application of context.applications) for (const coordination of application.coordinations) coordinationBlock(out, coordination, context);
  });
}
