/**
 * The names a model declares, of some kinds, indexed for "did you mean …?":
 * built once per linked model and kinds, however many references are misspelt.
 * A keystroke builds a new model whose names are mostly those of the last one,
 * so an index whose list of names is unchanged is taken over from the model
 * before (comparing the lists is far cheaper than indexing their pairs again).
 */
import type { ElementKind } from '../model/elements';
import type { DddModel } from '../model/model';
import { SimilarNames } from './similar-names';

const cache = new WeakMap<DddModel['index'], Map<string, SimilarNames>>();

/** The last index built for each set of kinds, with its list of names: the next model reuses it when its list is the same. */
const lastBuilt = new Map<string, { list: readonly string[]; names: SimilarNames }>();

/** Work done since the process started (for tests that count work, never time): indexes built, and taken over unchanged. */
export const declaredNamesWork = { built: 0, reused: 0 };

/** The simple names of the declarations of the `expected` kinds, in declaration order, indexed once per model. */
export function declaredNames(model: DddModel, expected: readonly ElementKind[]): SimilarNames {
  let byKinds = cache.get(model.index);
  if (!byKinds) cache.set(model.index, (byKinds = new Map()));
  const key = [...new Set(expected)].sort().join(' ');
  let names = byKinds.get(key);
  if (!names) {
    const list = model.index.namesOfKinds(new Set<string>(expected));
    const last = lastBuilt.get(key);
    if (last && sameNames(last.list, list)) {
      declaredNamesWork.reused++;
      names = last.names;
    } else {
      declaredNamesWork.built++;
      names = new SimilarNames(list);
      lastBuilt.set(key, { list, names });
    }
    byKinds.set(key, names);
  }
  return names;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  // the very list: the index after an edit that changed no name gives the one it was made from gave
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
