/**
 * Domains, subdomains and bounded contexts. (Being written: rules to come.)
 */
import type { RuleSet } from '../rule';

export const strategicRules: RuleSet = {
  concern: 'strategic',
  summary: 'Domains, subdomains and bounded contexts.',
  rules: [],
  check() {},
};
