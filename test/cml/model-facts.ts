/**
 * Everything a .ddd model says, for round-trip tests: the model as
 * `ddd export --format json` writes it, without where things are written
 * (files, ranges), so two models that say the same compare equal.
 */
import { jsonModel } from '../../src/language/export/json-model';
import type { DddModel } from '../../src/language/model/model';

const placeKeys = new Set(['range', 'nameRange', 'rootRange', 'arrowRange', 'textRange', 'lifecycleRange', 'uri', 'locations', 'files', '$schema']);

function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value === null || typeof value !== 'object') return value;
  // keys sorted: the order properties were set in (the order lines were written) says nothing
  const entries = Object.entries(value).filter(([key]) => !placeKeys.has(key));
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutPlaces(item)]));
}

export function modelFacts(model: DddModel): unknown {
  return withoutPlaces(jsonModel(model));
}
