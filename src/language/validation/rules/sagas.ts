/**
 * Orchestrated sagas. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const sagaRules: RuleSet = {
  concern: 'sagas',
  summary: 'Orchestrated sagas.',
  rules: [],
  check() {},
};
