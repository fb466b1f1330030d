/**
 * Context maps. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const contextMapRules: RuleSet = {
  concern: 'context-map',
  summary: 'Context maps.',
  rules: [],
  check() {},
};
