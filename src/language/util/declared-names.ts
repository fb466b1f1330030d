/**
 * The names a model declares, of some kinds, indexed for "did you mean …?":
 * built once per linked model and kinds, however many references are misspelt.
 */
import type { ElementKind } from '../model/elements';
import type { DddModel } from '../model/model';
import { SimilarNames } from './similar-names';

const cache = new WeakMap<DddModel['index'], Map<string, SimilarNames>>();

/** The simple names of the declarations of the `expected` kinds, in declaration order, indexed once per model. */
export function declaredNames(model: DddModel, expected: readonly ElementKind[]): SimilarNames {
  let byKinds = cache.get(model.index);
  if (!byKinds) cache.set(model.index, (byKinds = new Map()));
  const key = [...new Set(expected)].sort().join(' ');
  let names = byKinds.get(key);
  if (!names) {
    const list: string[] = [];
    for (const [name, declarations] of model.index) if (declarations.some((d) => expected.includes(d.kind))) list.push(name);
    byKinds.set(key, (names = new SimilarNames(list)));
  }
  return names;
}
