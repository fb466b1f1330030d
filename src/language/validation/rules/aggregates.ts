/**
 * Aggregates, entities, value objects and repositories. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const aggregateRules: RuleSet = {
  concern: 'aggregates',
  summary: 'Aggregates, entities, value objects and repositories.',
  rules: [],
  check() {},
};
