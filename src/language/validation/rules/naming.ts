/**
 * Naming in the ubiquitous language. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const namingRules: RuleSet = {
  concern: 'naming',
  summary: 'Naming in the ubiquitous language.',
  rules: [],
  check() {},
};
