/**
 * Which bounded contexts a diff touches, and how badly: what the context map
 * colours while a comparison is shown. Pure: the changes of a diff in (the
 * core's ModelDiff or `ddd diff --format json`, which has the same fields),
 * context names out, each with its worst impact:
 *
 * - a breaking (risky) change of an element that belongs to the context makes
 *   it `breaking` (`risky`);
 * - a change that belongs to no context (a context map's relationship) is the
 *   change of the contexts it names: they are its affected contexts;
 * - every other context a breaking or risky change affects (a party that
 *   depends on the element) is `affected`;
 * - a context with safe changes only is `changed`.
 */
import { contextImpactKinds, type AffectedKind, type ChangeClass, type ContextImpact, type ContextImpactKind } from './types';

/** The fields of a change the impacts are read from. */
export interface ImpactingChange {
  classification: ChangeClass;
  context?: string;
  affected: readonly { kind: AffectedKind; name: string; context?: string }[];
}

/** Worst first: the lower the index, the worse. */
const rank = new Map<ContextImpactKind, number>(contextImpactKinds.map((kind, index) => [kind, index]));

/** The contexts `changes` touch, each once with its worst impact, worst first, then by name. */
export function contextImpacts(changes: readonly ImpactingChange[]): ContextImpact[] {
  const impacts = new Map<string, ContextImpactKind>();
  const mark = (name: string, impact: ContextImpactKind) => {
    const had = impacts.get(name);
    if (had === undefined || rank.get(impact)! < rank.get(had)!) impacts.set(name, impact);
  };
  for (const change of changes) {
    const own = change.context;
    if (change.classification === 'safe') {
      if (own !== undefined) mark(own, 'changed');
      continue;
    }
    if (own !== undefined) mark(own, change.classification);
    for (const party of change.affected) {
      // a relationship's change is its contexts' change
      if (party.kind === 'context' && own === undefined) mark(party.name, change.classification);
      else if (party.context !== undefined && party.context !== own) mark(party.context, 'affected');
    }
  }
  return [...impacts]
    .map(([name, impact]) => ({ name, impact }))
    .sort((a, b) => rank.get(a.impact)! - rank.get(b.impact)! || a.name.localeCompare(b.name));
}
