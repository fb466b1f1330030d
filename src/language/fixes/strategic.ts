/**
 * Fixes for the strategic design: a subdomain's type (core, supporting or
 * generic) is a choice, offered one fix per type and never applied unattended.
 */
import { dataOf } from './edits';
import type { FixProvider } from './types';

export const subdomainTypeFixes: FixProvider = (_context, finding) => {
  const data = dataOf(finding);
  const insertAt = data['insertAt'];
  if (typeof insertAt !== 'number') return [];
  const types = Array.isArray(data['types']) ? (data['types'] as unknown[]).filter((t): t is string => typeof t === 'string') : ['core', 'supporting', 'generic'];
  return types.map((type) => ({ title: `Make it a ${type} subdomain`, safe: false, edits: [{ uri: finding.uri, range: { start: insertAt, end: insertAt }, newText: `${type} ` }] }));
};
