/**
 * CML's application layer: an Application with its services, commands and
 * events, flows (steps that emit events, and events that trigger commands or
 * operations, with +, X and O gateways and aggregate state transitions) and
 * coordinations (`Context::Service::operation;` chains).
 */
import type { CmlApplication, CmlCoordination, CmlFlow, CmlFlowStep, CmlGateway, CmlRef } from './ast';
import type { Cursor } from './cursor';
import { domainObject, service, startsDomainObject, stateTransition } from './tactic-parser';

function gatewayList(c: Cursor, what: string, gatewaysAllowed: boolean): { refs: CmlRef[]; gateway?: CmlGateway } {
  const refs = [c.ref(what)];
  let gateway: CmlGateway | undefined;
  for (;;) {
    const next = c.isSymbol('+') ? '+' : c.isKeyword('X') || c.isKeyword('x') ? 'X' : c.isKeyword('O') || c.isKeyword('o') ? 'O' : undefined;
    if (!next) break;
    if (!gatewaysAllowed && next !== '+') c.fail("'+' between events");
    if (gateway && gateway !== next) c.fail(`'${gateway}' again (one kind of gateway per list)`);
    gateway = next;
    c.next();
    refs.push(c.ref(what));
  }
  return { refs, ...(gateway ? { gateway } : {}) };
}

function flowStep(c: Cursor): CmlFlowStep {
  const at = c.here();
  if (c.acceptKeyword('event')) {
    const events = gatewayList(c, 'an event', false);
    c.keyword('triggers');
    const action = c.keyword('command', 'operation') as 'command' | 'operation';
    const targets = gatewayList(c, `a ${action}`, true);
    return { kind: 'triggers', events: events.refs, action, targets: targets.refs, ...(targets.gateway ? { gateway: targets.gateway } : {}), ...at };
  }
  const action = c.keyword('command', 'operation') as 'command' | 'operation';
  const name = c.ref(`a ${action}`);
  let actor: string | undefined;
  if (c.acceptSymbol('[')) {
    c.keyword('initiated by');
    actor = c.string('the actor');
    c.symbol(']');
  }
  const step: CmlFlowStep = { kind: 'emits', action, name, ...(actor !== undefined ? { actor } : {}), events: [], ...at };
  if (c.acceptKeyword('delegates to')) {
    step.aggregate = c.ref('an aggregate');
    if (c.acceptSymbol('[')) {
      step.transition = stateTransition(c);
      c.symbol(']');
    }
  }
  c.keyword('emits event');
  const events = gatewayList(c, 'an event', true);
  step.events = events.refs;
  if (events.gateway) step.gateway = events.gateway;
  return step;
}

function flow(c: Cursor): CmlFlow {
  const at = c.here();
  c.keyword('Flow');
  const result: CmlFlow = { name: c.name('a flow name'), steps: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) result.steps.push(flowStep(c));
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function coordination(c: Cursor): CmlCoordination {
  const at = c.here();
  c.keyword('Coordination');
  const result: CmlCoordination = { name: c.name('a coordination name'), steps: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      const where = c.here();
      const context = c.name('a bounded context');
      c.symbol('::');
      const serviceName = c.name('a service');
      c.symbol('::');
      const operation = c.name('an operation');
      c.symbol(';');
      result.steps.push({ context, service: serviceName, operation, ...where });
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

export function application(c: Cursor): CmlApplication {
  const at = c.here();
  c.keyword('Application');
  const result: CmlApplication = { commands: [], events: [], services: [], flows: [], coordinations: [], ...at, end: 0 };
  if (c.isName()) result.name = c.name();
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('Flow')) result.flows.push(flow(c));
      else if (c.isKeyword('Coordination')) result.coordinations.push(coordination(c));
      else {
        const doc = c.optionalString();
        if (c.isKeyword('Service')) result.services.push(service(c, doc, 'Service'));
        else if (startsDomainObject(c)) {
          const start = c.peek();
          const object = domainObject(c, doc);
          if (object.kind === 'CommandEvent') result.commands.push(object);
          else if (object.kind === 'DomainEvent') result.events.push(object);
          else c.fail('a Command, an Event, a Service, a Flow or a Coordination (an Application holds no other domain objects)', start);
        } else c.fail("a Command, an Event, a Service, a Flow, a Coordination or '}'");
      }
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}
