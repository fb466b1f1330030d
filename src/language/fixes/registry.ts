/**
 * The quick fixes of each rule, keyed by the rule's code: one home for what
 * can repair a finding, used by the language server's code actions and by
 * `ddd check --fix`.
 */
import { identityFix, repositoryFix, rootFix } from './aggregates';
import { causeFixes } from './causes';
import { contextMapFixCodes, contextMapFixes } from './context-map';
import { createFix } from './create';
import { renameCodes, renameFix } from './rename';
import { didYouMeanFix, replaceCodes, replaceFix } from './replace';
import { compensationFixes, removeCompensationFix } from './sagas';
import { subdomainTypeFixes } from './strategic';
import { realizedContextFixes } from './teams';
import type { Fix, FixContext, FixFinding, FixProvider } from './types';

const fixProviders: ReadonlyMap<string, readonly FixProvider[]> = new Map<string, FixProvider[]>([
  ...renameCodes.map((code): [string, FixProvider[]] => [code, [renameFix]]),
  ...Object.keys(replaceCodes).map((code): [string, FixProvider[]] => [code, [replaceFix]]),
  ...contextMapFixCodes.map((code): [string, FixProvider[]] => [code, [contextMapFixes]]),
  ['unknown-reference', [didYouMeanFix, createFix]],
  // the closest declared name is a guess, and so is where a new declaration goes: neither is applied unattended
  ['saga-unknown-name', [replaceFix, createFix]],
  ['aggregate-root', [rootFix]],
  // issue 13: an aggregate still being sketched gets the root entity its hint names
  ['aggregate-sketch', [rootFix]],
  ['repository-for-root', [repositoryFix]],
  ['entity-identity', [identityFix]],
  ['saga-compensation-missing', [compensationFixes]],
  ['saga-compensation-unreachable', [removeCompensationFix]],
  ['subdomain-type', [subdomainTypeFixes]],
  ['event-without-cause', [causeFixes]],
  ['map-team-on-landscape', [realizedContextFixes]],
]);

/** The codes of the rules that have fixes. */
export function fixableCodes(): string[] {
  return [...fixProviders.keys()];
}

/** The fixes for one finding, the preferred ones first within each family (none when its data do not allow one). */
export function fixesFor(context: FixContext, finding: FixFinding): Fix[] {
  const providers = fixProviders.get(finding.code);
  if (!providers) return [];
  return providers.flatMap((provider) => provider(context, finding));
}
