/**
 * Tactical details and the application layer: inheritance (`extends`), an
 * aggregate's lifecycle (`lifecycle enum`, the states commands, operations and
 * flow steps write) and the operations flows and coordinations invoke.
 */
import type { Aggregate, BoundedContext, DomainService, EnumType, Reference, StateTransition } from '../../model/elements';
import { inheritsFromItself, MAX_INHERITANCE_DEPTH, type InheritingDeclaration } from '../../model/inheritance';
import { kindWords, qualifiedName, type DddModel } from '../../model/model';
import { lifecyclesFor, servicesOfContext } from '../../model/tactical-links';
import { boundedList } from '../../util/bounded-list';
import { closestName, didYouMean } from '../../util/similar-names';
import type { Accept, Rule, RuleSet } from '../rule';
import { withArticle } from '../../util/article';

export const extendsKind: Rule = {
  code: 'extends-kind',
  severity: 'error',
  title: 'An entity extends an entity, a value object a value object, a command a command, an event an event',
  explanation:
    'Inheritance shares fields between building blocks of one kind: an abstract `Machine` entity and the `Vehicle` entity that extends it, ' +
    'or a `VehicleEvent` every vehicle event extends. An entity that extends a value object (or the other way round) mixes identity ' +
    'and value semantics. Extend a declaration of the same kind, or hold the other one in a field.',
  example: 'context Fleet {\n  value Part { partNumber: String }\n  entity Wheel extends Part { id: WheelId }   // Part is a value object\n}',
};

export const extendsCycle: Rule = {
  code: 'extends-cycle',
  severity: 'error',
  title: 'A declaration that extends itself',
  explanation:
    'Following `extends` from a declaration must end at a base that extends nothing; a chain that comes back to where it started ' +
    'gives the declaration no fields to start from. Remove one `extends` of the cycle.',
  example: 'context Fleet {\n  entity A extends B { id: AId }\n  entity B extends A { id: BId }\n}',
};

export const lifecycleState: Rule = {
  code: 'lifecycle-state',
  severity: 'error',
  title: "A state transition names states of the aggregate's lifecycle",
  explanation:
    "An aggregate's lifecycle is the enum of its states, marked `lifecycle enum`; a command (`writes [PARKED -> MOVING]`), an operation " +
    'or a flow step that delegates to the aggregate moves it from some of these states to others. A state the lifecycle does not list is a ' +
    'typo or a state still to be added to it; a transition of an aggregate without a lifecycle enum says which enum to mark.',
  example:
    'context Fleet {\n  aggregate Vehicle {\n    root entity Vehicle { id: VehicleId }\n    lifecycle enum VehicleState { PARKED MOVING }\n' +
    '    command Drive writes [PARKED -> MOVNG]   // MOVING\n  }\n}',
};

export const lifecycleSingle: Rule = {
  code: 'lifecycle-single',
  severity: 'error',
  title: 'An aggregate has at most one lifecycle',
  explanation:
    'The lifecycle enum lists the states of the aggregate as a whole; two of them would make every transition ambiguous. Keep `lifecycle` ' +
    'on the enum of the aggregate\'s states, and make the other a plain enum (or an attribute of an entity).',
  example: 'context Fleet {\n  aggregate Vehicle {\n    root entity Vehicle { id: VehicleId }\n    lifecycle enum VehicleState { PARKED MOVING }\n    lifecycle enum Fuel { PETROL DIESEL }\n  }\n}',
};

export const unknownOperation: Rule = {
  code: 'unknown-operation',
  severity: 'error',
  title: 'A flow or coordination invokes an operation a service declares',
  explanation:
    'A flow step (`operation checkPapers …`, `triggers operation checkPapers`) and a coordination (`Fleet.FleetApplicationService.registerVehicle`) ' +
    'invoke operations of services: of the context they are written in for a flow, of the service they name for a coordination. Declare the operation ' +
    'in the service (`service FleetApplicationService { checkPapers(vin: String) }`), or correct the name.',
  example: 'context Fleet {\n  application {\n    service Registration { register(vin: String) }\n    coordination Onboarding { Fleet.Registration.registr }\n  }\n}',
};

function checkInheritance(declaration: InheritingDeclaration, accept: Accept): void {
  const reference = declaration.extends;
  const base = reference?.target;
  if (!reference || !base) return;
  if (base.kind !== declaration.kind) {
    accept(extendsKind, {
      uri: reference.uri,
      range: reference.range,
      message: `${capitalised(kindWords[declaration.kind])} ${declaration.name} cannot extend ${base.name}, ${withArticle(kindWords[base.kind])}: ${withArticle(kindWords[declaration.kind])} extends ${withArticle(kindWords[declaration.kind])}.`,
      related: [{ uri: base.uri, range: base.nameRange, message: `${kindWords[base.kind]} ${qualifiedName(base)}` }],
    });
    return;
  }
  if (inheritsFromItself(declaration)) {
    const chain = [declaration.name];
    let current: InheritingDeclaration = declaration;
    while (chain.length <= MAX_INHERITANCE_DEPTH) {
      current = current.extends!.target as InheritingDeclaration;
      chain.push(current.name);
      if (current === declaration) break;
    }
    accept(extendsCycle, {
      uri: reference.uri,
      range: reference.range,
      message: `${capitalised(kindWords[declaration.kind])} ${declaration.name} extends itself: ${boundedList(chain, { separator: ' → ', repeats: true, limit: 8 })}. Remove one extends of the cycle.`,
    });
  }
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}


/** Checks the states of a transition against the lifecycles it may name; `owner` says whose transition it is. */
function checkTransition(transition: StateTransition | undefined, lifecycles: readonly EnumType[], uri: string, owner: string, aggregate: Aggregate | undefined, accept: Accept): void {
  if (!transition) return;
  const states = [...transition.from, ...transition.to].filter((state) => state && state.text);
  if (states.length === 0) return;
  if (lifecycles.length === 0) {
    accept(lifecycleState, {
      uri,
      range: transition.range,
      message: `${owner} writes lifecycle states, but ${aggregate ? `aggregate ${aggregate.name}` : 'its context'} has no lifecycle enum: mark the enum of its states \`lifecycle enum\`.`,
    });
    return;
  }
  const names = lifecycles.flatMap((lifecycle) => lifecycle.values.map((value) => value.name));
  for (const state of states) {
    if (state.target) continue;
    const lifecycle = lifecycles.map((type) => type.name).join(', ');
    const suggestion = closestName(state.text, names);
    accept(lifecycleState, {
      uri,
      range: state.range,
      message: `${state.text} is not a state of the lifecycle ${lifecycle} (${boundedList(names, { last: ' or ' })}).${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      related: lifecycles.map((type) => ({ uri: type.uri, range: type.nameRange, message: `lifecycle enum ${qualifiedName(type)}` })),
      data: suggestion ? { state: state.text, suggestion } : { state: state.text },
    });
  }
}

function checkLifecycles(aggregate: Aggregate, accept: Accept): void {
  const lifecycles = aggregate.enums.filter((type) => type?.lifecycle);
  for (const extra of lifecycles.slice(1)) {
    accept(lifecycleSingle, {
      uri: extra.uri,
      range: extra.lifecycleRange ?? extra.nameRange,
      message: `Aggregate ${aggregate.name} already has a lifecycle, ${lifecycles[0]!.name}: an aggregate has at most one. Remove \`lifecycle\` from ${extra.name}.`,
      related: [{ uri: lifecycles[0]!.uri, range: lifecycles[0]!.nameRange, message: `lifecycle enum ${lifecycles[0]!.name}` }],
    });
  }
}

function reportOperation(reference: Reference, where: string, candidates: readonly string[], accept: Accept): void {
  accept(unknownOperation, {
    uri: reference.uri,
    range: reference.range,
    message: `Unknown operation ${reference.text}: ${where}.${didYouMean(reference.text, candidates)}`,
    data: { name: reference.text },
  });
}

function checkApplication(context: BoundedContext, accept: Accept): void {
  const services = servicesOfContext(context);
  const operationNames = () => services.flatMap((service) => service.operations.map((operation) => operation.name));
  for (const application of context.applications) {
    for (const flow of application.flows) {
      for (const step of flow.steps) {
        if (!step) continue;
        for (const reference of step.operations) {
          if (!reference.target && reference.text) reportOperation(reference, `no service of context ${context.name} declares it`, operationNames(), accept);
        }
        const delegate = step.delegate?.target;
        if (delegate?.kind === 'aggregate') {
          checkTransition(step.transition, lifecyclesFor(context, delegate), flow.uri, `Flow ${flow.name} delegates to ${delegate.name} and`, delegate, accept);
        }
      }
    }
    for (const coordination of application.coordinations) {
      for (const step of coordination.steps) {
        const service = step.service?.target;
        if (!step.operation || service?.kind !== 'service') continue;
        const named = step.context?.text ?? context.name;
        if (service.contextName !== named) {
          accept(unknownOperation, {
            uri: step.uri,
            range: step.service!.range,
            message: `Service ${service.name} is a service of context ${service.contextName}, not of ${named}: write ${service.contextName}.${service.name}.${step.operation.text}.`,
            related: [{ uri: service.uri, range: service.nameRange, message: `service ${qualifiedName(service)}` }],
          });
          continue;
        }
        if (!step.operation.target && step.operation.text) {
          reportOperation(step.operation, `service ${service.name} declares no operation of that name`, (service as DomainService).operations.map((operation) => operation.name), accept);
        }
      }
    }
  }
}

export const tacticalRules: RuleSet = {
  concern: 'tactical details',
  summary: 'Inheritance stays within one kind and ends; lifecycle transitions name the states of their aggregate; flows and coordinations invoke declared operations.',
  rules: [extendsKind, extendsCycle, lifecycleState, lifecycleSingle, unknownOperation],
  check(model: DddModel, accept) {
    for (const context of model.contexts.values()) {
      for (const holder of [context, ...context.aggregates]) {
        for (const entity of holder.entities) if (entity) checkInheritance(entity, accept);
        for (const value of holder.values) if (value) checkInheritance(value, accept);
        for (const event of holder.events) if (event) checkInheritance(event, accept);
        for (const command of holder.commands) if (command) checkInheritance(command, accept);
      }
      for (const aggregate of context.aggregates) {
        checkLifecycles(aggregate, accept);
        const lifecycles = lifecyclesFor(context, aggregate);
        for (const command of aggregate.commands) if (command) checkTransition(command.writes, lifecycles, command.uri, `Command ${command.name}`, aggregate, accept);
        for (const service of aggregate.services) {
          for (const operation of service.operations) if (operation) checkTransition(operation.writes, lifecycles, operation.uri, `Operation ${service.name}.${operation.name}`, aggregate, accept);
        }
      }
      const contextLifecycles = lifecyclesFor(context, undefined);
      for (const command of context.commands) if (command) checkTransition(command.writes, contextLifecycles, command.uri, `Command ${command.name}`, undefined, accept);
      for (const service of context.services) {
        for (const operation of service.operations) if (operation) checkTransition(operation.writes, contextLifecycles, operation.uri, `Operation ${service.name}.${operation.name}`, undefined, accept);
      }
      checkApplication(context, accept);
    }
  },
};
