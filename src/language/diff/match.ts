/**
 * Pairs the elements of two versions of the model: by path first (same kind,
 * same place, same name), then, among what is left in one place, renames by
 * shape and position: an element of the same kind whose properties and
 * children are the same (the one at the same position first), or the one at
 * the same position whose shape is at least half the same. Parents are paired
 * before their children, so the members of a renamed aggregate pair up under
 * its new name.
 */
import { shapeOf, type ComparedElement, type ComparedModel } from './compared-elements';

export interface ElementPair {
  old: ComparedElement;
  new: ComparedElement;
  renamed: boolean;
}

/** The pairs, and what only one version has; each paired element knows its `counterpart`. */
export interface Matching {
  /** Parents before children (level by level). */
  pairs: ElementPair[];
  removed: ComparedElement[];
  added: ComparedElement[];
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
function pairRenames(olds: ComparedElement[], news: ComparedElement[], pair: (old: ComparedElement, next: ComparedElement, renamed: true) => void): void {
  const taken = new Set<ComparedElement>();
  const paired = new Set<ComparedElement>();
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
        pair(old, candidate, true);
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
      pair(old, candidate, true);
      taken.add(candidate);
      paired.add(old);
    }
  }
}

/** The most unpaired elements of one kind in one place compared for renames (each against each). */
const MAX_RENAME_CANDIDATES = 200;

export function matchModels(before: ComparedModel, after: ComparedModel): Matching {
  const pairs: ElementPair[] = [];
  const pair = (old: ComparedElement, next: ComparedElement, renamed: boolean) => {
    pairs.push({ old, new: next, renamed });
    old.counterpart = next;
    next.counterpart = old;
  };
  const levels: ComparedElement[][] = [];
  for (const element of before.elements) (levels[element.depth] ??= []).push(element);
  for (const level of levels) {
    // per place in the new version and kind: the old elements that found no element of their name there
    const pending = new Map<Map<string, ComparedElement> | undefined, ComparedElement[]>();
    for (const old of level ?? []) {
      const parent = old.parent?.counterpart;
      // a removed parent takes its members with it
      if (old.parent && !parent) continue;
      const named = (parent ? parent.children : after.roots)?.get(old.kind);
      const exact = named?.get(old.key);
      if (exact && !exact.counterpart) {
        pair(old, exact, false);
        continue;
      }
      if (!named) continue;
      const list = pending.get(named);
      if (list) list.push(old);
      else pending.set(named, [old]);
    }
    for (const [named, olds] of pending) {
      const news: ComparedElement[] = [];
      for (const candidate of named!.values()) if (!candidate.counterpart) news.push(candidate);
      if (news.length === 0 || olds.length > MAX_RENAME_CANDIDATES || news.length > MAX_RENAME_CANDIDATES) continue;
      pairRenames(olds, news, pair);
    }
  }
  const removed = before.elements.filter((element) => !element.counterpart);
  const added = after.elements.filter((element) => !element.counterpart);
  return { pairs, removed, added };
}
