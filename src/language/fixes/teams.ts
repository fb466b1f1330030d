/**
 * `map-team-on-landscape`: a team on a landscape map becomes a context it realizes,
 * one fix per context (not safe: the relationship may rather belong on an
 * organisational map, a human's call).
 */
import { dataOf, stringOf } from './edits';
import type { FixProvider } from './types';

/** The most contexts offered for one team (a team realizing more is rare; each is one fix). */
const MAX_CONTEXTS_OFFERED = 5;

export const realizedContextFixes: FixProvider = (_context, finding) => {
  const team = stringOf(dataOf(finding)['team']);
  const contexts = dataOf(finding)['contexts'];
  if (!team || !Array.isArray(contexts)) return [];
  return contexts
    .map(stringOf)
    .filter((name): name is string => name !== undefined)
    .slice(0, MAX_CONTEXTS_OFFERED)
    .map((name, index) => ({ title: `Change ${team} to ${name}, the context it realizes`, safe: false, preferred: index === 0, edits: [{ uri: finding.uri, range: finding.range, newText: name }] }));
};
