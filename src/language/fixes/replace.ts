/**
 * Fixes that replace the name a finding points at by the one the rule
 * suggests: an aggregate referenced by id (`owner: Order` → `owner: OrderId`), a
 * role of a context map, a saga's reply or trigger, and "did you mean" for a
 * name that no declaration defines (a repository's aggregate: aggregates.ts).
 */
import { simpleName } from '../model/qualified-names';
import type { ElementKind } from '../model/elements';
import { declaredNames } from '../util/declared-names';
import { closestName } from '../util/similar-names';
import { dataOf, documentOf, stringOf } from './edits';
import type { FixProvider } from './types';

/**
 * The rules whose `data.suggestion` replaces the text the finding points at, and
 * whether that suggestion is the one right repair (safe) or the closest of
 * several names (a guess a human confirms).
 */
export const replaceCodes: Readonly<Record<string, 'safe' | 'guess' | 'case'>> = {
  'reference-by-id': 'safe',
  'saga-reply-mismatch': 'guess',
  'choreography-unheard-event': 'guess',
  'choreography-no-trigger': 'guess',
  /** `ohs` → `OHS` is safe; a role spelled differently is a guess. */
  'map-unknown-role': 'case',
  // issue 13: the closest aggregate of the upstream context, the closest value of an attribute
  'map-exposed-aggregate': 'guess',
  'attribute-value': 'guess',
};

export const replaceFix: FixProvider = (context, finding) => {
  const suggestion = stringOf(dataOf(finding)['suggestion']);
  const kind = replaceCodes[finding.code] ?? 'guess';
  const document = documentOf(context.model, finding.uri);
  if (!suggestion || !kind || !document) return [];
  const written = document.text.slice(finding.range.start, finding.range.end);
  const title = finding.code === 'reference-by-id' ? `Reference by id: ${suggestion}` : `Change ${written} to ${suggestion}`;
  const safe = kind === 'safe' || (kind === 'case' && written.toUpperCase() === suggestion);
  return [{ title, safe, preferred: true, edits: [{ uri: finding.uri, range: finding.range, newText: suggestion }] }];
};

/** `unknown-reference`: the closest declared name of the kinds expected there. */
export const didYouMeanFix: FixProvider = (context, finding) => {
  const data = dataOf(finding);
  const name = stringOf(data['name']);
  const expected = Array.isArray(data['expected']) ? (data['expected'] as unknown[]) : [];
  if (!name || expected.length === 0) return [];
  const simple = simpleName(name);
  // the names of the expected kinds, indexed once per model (as the rule that reported the name looks them up)
  const suggestion = closestName(simple, declaredNames(context.model, expected as ElementKind[]));
  if (!suggestion) return [];
  const end = finding.range.end;
  return [{ title: `Change ${simple} to ${suggestion}`, safe: false, preferred: true, edits: [{ uri: finding.uri, range: { start: end - simple.length, end }, newText: suggestion }] }];
};
