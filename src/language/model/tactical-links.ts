/**
 * Links what the name index does not: the lifecycle states a command, an operation
 * or a flow step writes (to the values of its aggregate's `lifecycle enum`), and the
 * operations flows and coordinations invoke (to an operation of a service). Runs
 * after the linker has resolved every reference, as part of `buildModel`.
 */
import type { Aggregate, BoundedContext, DomainService, EnumType, Operation, Reference, StateTransition } from './elements';
import type { DddModel } from './model';
import { noteRelink, type Relink } from './index-after-edit';

/** The `lifecycle enum` of an aggregate (the first, when it has several). */
export function lifecycleOf(aggregate: Aggregate | undefined): EnumType | undefined {
  return aggregate?.enums.find((type) => type?.lifecycle);
}

/** The lifecycle enums a transition written outside an aggregate may name: every one of the context. */
export function lifecyclesOfContext(context: BoundedContext): EnumType[] {
  const found: EnumType[] = context.enums.filter((type) => type?.lifecycle);
  for (const aggregate of context.aggregates) for (const type of aggregate.enums) if (type?.lifecycle) found.push(type);
  return found;
}

/** The lifecycles a transition of `aggregate` (or, without one, of the context) names its states from. */
export function lifecyclesFor(context: BoundedContext, aggregate: Aggregate | undefined): EnumType[] {
  if (aggregate) {
    const own = lifecycleOf(aggregate);
    return own ? [own] : [];
  }
  return lifecyclesOfContext(context);
}

function linkTransition(transition: StateTransition | undefined, lifecycles: readonly EnumType[]): void {
  if (!transition) return;
  for (const state of [...transition.from, ...transition.to]) {
    state.target = undefined;
    for (const lifecycle of lifecycles) {
      const value = lifecycle.values.find((candidate) => candidate?.name === state.text);
      if (value) {
        state.target = value;
        break;
      }
    }
  }
}

/** Every service of a context: its own, its application layer's, its modules' and its aggregates'. */
export function servicesOfContext(context: BoundedContext): DomainService[] {
  const services = [...context.services];
  for (const aggregate of context.aggregates) services.push(...aggregate.services);
  return services;
}

function operationNamed(services: readonly DomainService[], name: string): Operation | undefined {
  for (const service of services) for (const operation of service.operations) if (operation?.name === name) return operation;
  return undefined;
}

function linkOperation(reference: Reference | undefined, services: readonly DomainService[], relinked: Relink[]): void {
  if (!reference) return;
  noteRelink(relinked, reference);
  reference.target = operationNamed(services, reference.text);
}

/** Links what needs the whole context (states of lifecycles, operations of services); `relinked` gets each reference it links (states are no references). */
export function linkTactical(model: DddModel, relinked: Relink[]): void {
  for (const context of model.contexts.values()) {
    const contextLifecycles = lifecyclesOfContext(context);
    // nothing to link in a context without lifecycles, services or an application layer (most contexts)
    if (contextLifecycles.length === 0 && context.applications.length === 0) continue;
    for (const aggregate of context.aggregates) {
      const lifecycles = lifecyclesFor(context, aggregate);
      for (const command of aggregate.commands) linkTransition(command?.writes, lifecycles);
      for (const service of aggregate.services) for (const operation of service.operations) linkTransition(operation?.writes, lifecycles);
    }
    for (const command of context.commands) linkTransition(command?.writes, contextLifecycles);
    for (const service of context.services) for (const operation of service.operations) linkTransition(operation?.writes, contextLifecycles);
    const services = servicesOfContext(context);
    for (const application of context.applications) {
      for (const flow of application.flows) {
        for (const step of flow.steps) {
          if (!step) continue;
          const delegate = step.delegate?.target;
          linkTransition(step.transition, delegate?.kind === 'aggregate' ? lifecyclesFor(context, delegate) : []);
          for (const reference of step.operations) linkOperation(reference, services, relinked);
        }
      }
      for (const coordination of application.coordinations) {
        for (const step of coordination.steps) {
          const service = step.service?.target;
          if (!step.operation) continue;
          noteRelink(relinked, step.operation);
          step.operation.target = service?.kind === 'service' ? operationNamed([service], step.operation.text) : undefined;
        }
      }
    }
  }
}
