/**
 * The types a CML model uses without declaring them. Context Mapper reads a plain
 * attribute's type (`Customer client`) as a name, declared or not; .ddd looks every
 * type up, so each of these is an unknown type in the imported file until it is
 * declared. `ddd import` names them, so that the findings that follow are no surprise.
 */
import { buildModel } from '../model/model';
import { parseDocument } from '../syntax/parse-document';

/** The names used as types in an imported .ddd text and declared nowhere in it (built-in and `…Id` types aside), first use first. */
export function undeclaredTypes(dddText: string): string[] {
  const model = buildModel([parseDocument('file:///imported.ddd', dddText)]);
  const names = new Set<string>();
  for (const reference of model.unsettled) {
    // a name declared twice is ambiguous, not undeclared; a context or team name is not a type
    if (reference.candidates === undefined && reference.expected.includes('value') && reference.text) names.add(reference.text);
  }
  return [...names];
}
