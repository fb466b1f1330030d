/**
 * Event sourcing and CQRS. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const eventSourcingRules: RuleSet = {
  concern: 'event-sourcing',
  summary: 'Event sourcing and CQRS.',
  rules: [],
  check() {},
};
