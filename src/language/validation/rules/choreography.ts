/**
 * Choreographed sagas and event flow. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const choreographyRules: RuleSet = {
  concern: 'choreography',
  summary: 'Choreographed sagas and event flow.',
  rules: [],
  check() {},
};
