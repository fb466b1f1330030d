/**
 * Every rule set, in the order docs/rules.md lists them. A new concern is added here.
 */
import type { Rule, RuleSet } from './rule';
import { aggregateRules } from './rules/aggregates';
import { choreographyRules } from './rules/choreography';
import { contextMapRules } from './rules/context-map';
import { eventFlowRules } from './rules/event-flow';
import { eventSourcingRules } from './rules/event-sourcing';
import { nameRules } from './rules/duplicates';
import { namingRules } from './rules/naming';
import { referenceRules } from './rules/references';
import { sagaRules } from './rules/sagas';
import { strategicRules } from './rules/strategic';
import { tacticalRules } from './rules/tactical';
import { simulationRules } from '../simulation/diagnostics';

export const ruleSets: readonly RuleSet[] = [
  referenceRules,
  nameRules,
  strategicRules,
  contextMapRules,
  aggregateRules,
  tacticalRules,
  namingRules,
  eventFlowRules,
  eventSourcingRules,
  sagaRules,
  choreographyRules,
  simulationRules,
];

export function allRules(): Rule[] {
  return ruleSets.flatMap((set) => set.rules);
}
