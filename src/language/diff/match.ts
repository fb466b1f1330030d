/**
 * Pairs the elements of two versions of the model: by path first (same kind,
 * same place, same name), then, among what is left in one place, renames by
 * shape and position: an element of the same kind whose properties and
 * children are the same (the one at the same position first), or the one at
 * the same position whose shape is at least half the same. Parents are paired
 * before their children, so the members of a renamed aggregate pair up under
 * its new name.
 */
import { elementKey, shapeOf, type ComparedElement, type ComparedModel } from './compared-elements';

export interface ElementPair {
  old: ComparedElement;
  new: ComparedElement;
  renamed: boolean;
}

export interface Matching {
  pairs: ElementPair[];
  removed: ComparedElement[];
  added: ComparedElement[];
  /** An old element's counterpart, when it has one. */
  newOf: Map<ComparedElement, ComparedElement>;
}

/** How much two shapes have in common, 0 to 1: the share of their parts that both have. */
function similarity(a: string, b: string): number {
  const left = a.split(/[|;]/).filter(Boolean);
  const right = new Set(b.split(/[|;]/).filter(Boolean));
  if (left.length === 0 && right.size === 0) return 1;
  let common = 0;
  for (const part of left) if (right.has(part)) common++;
  return (2 * common) / (left.length + right.size);
}

/** Renames among the unpaired elements of one kind in one place. */
function pairRenames(olds: ComparedElement[], news: ComparedElement[], pairs: ElementPair[], taken: Set<ComparedElement>, paired: Set<ComparedElement>): void {
  const shapes = new Map<ComparedElement, string>();
  const shape = (element: ComparedElement) => {
    let text = shapes.get(element);
    if (text === undefined) shapes.set(element, (text = shapeOf(element)));
    return text;
  };
  // the same shape: at the same position first, then anywhere (a shape with nothing in it only at the same position)
  for (const samePosition of [true, false]) {
    for (const old of olds) {
      if (paired.has(old)) continue;
      const candidate = news.find((added) => !taken.has(added) && shape(added) === shape(old) && (samePosition ? added.index === old.index : shape(old) !== ''));
      if (candidate) {
        pairs.push({ old, new: candidate, renamed: true });
        taken.add(candidate);
        paired.add(old);
      }
    }
  }
  // the same position, and mostly the same shape
  for (const old of olds) {
    if (paired.has(old)) continue;
    const candidate = news.find((added) => !taken.has(added) && added.index === old.index && similarity(shape(old), shape(added)) >= 0.5);
    if (candidate) {
      pairs.push({ old, new: candidate, renamed: true });
      taken.add(candidate);
      paired.add(old);
    }
  }
}

/** The most unpaired elements of one kind in one place compared for renames (each against each). */
const MAX_RENAME_CANDIDATES = 200;

export function matchModels(before: ComparedModel, after: ComparedModel): Matching {
  const pairs: ElementPair[] = [];
  const newOf = new Map<ComparedElement, ComparedElement>();
  const taken = new Set<ComparedElement>();
  const paired = new Set<ComparedElement>();
  /** An old element's path in the new version's terms (its parents' renames applied). */
  const translated = new Map<ComparedElement, string>();
  const byDepth = (elements: ComparedElement[]) => {
    const levels: ComparedElement[][] = [];
    for (const element of elements) (levels[element.depth] ??= []).push(element);
    return levels;
  };
  const oldLevels = byDepth(before.elements);
  const newLevels = byDepth(after.elements);
  const depth = Math.max(oldLevels.length, newLevels.length);
  for (let d = 0; d < depth; d++) {
    const pending = new Map<string, ComparedElement[]>();
    for (const old of oldLevels[d] ?? []) {
      const parentPath = old.parent ? translated.get(old.parent)! : undefined;
      // `#2`: the second element of one name in one place
      const suffix = old.path.slice((old.parent ? old.parent.path.length + 1 : 0) + old.name.length);
      const path = (parentPath === undefined ? old.name : `${parentPath}.${old.name}`) + suffix;
      const exact = after.byKey.get(elementKey(old.kind, path));
      if (exact && !taken.has(exact)) {
        pairs.push({ old, new: exact, renamed: false });
        taken.add(exact);
        paired.add(old);
        translated.set(old, exact.path);
        continue;
      }
      translated.set(old, path);
      const slot = `${old.kind}|${parentPath ?? ''}`;
      const list = pending.get(slot);
      if (list) list.push(old);
      else pending.set(slot, [old]);
    }
    const unpaired = new Map<string, ComparedElement[]>();
    for (const added of newLevels[d] ?? []) {
      if (taken.has(added)) continue;
      const slot = `${added.kind}|${added.parent?.path ?? ''}`;
      const list = unpaired.get(slot);
      if (list) list.push(added);
      else unpaired.set(slot, [added]);
    }
    for (const [slot, olds] of pending) {
      const news = unpaired.get(slot);
      if (!news || olds.length > MAX_RENAME_CANDIDATES || news.length > MAX_RENAME_CANDIDATES) continue;
      const before = pairs.length;
      pairRenames(olds, news, pairs, taken, paired);
      for (let p = before; p < pairs.length; p++) translated.set(pairs[p]!.old, pairs[p]!.new.path);
    }
  }
  for (const pair of pairs) newOf.set(pair.old, pair.new);
  const removed = before.elements.filter((element) => !paired.has(element));
  const added = after.elements.filter((element) => !taken.has(element));
  // walk order of the new version (the old one's for what was removed)
  const order = new Map(after.elements.map((element, i) => [element, i]));
  pairs.sort((a, b) => order.get(a.new)! - order.get(b.new)!);
  return { pairs, removed, added, newOf };
}
