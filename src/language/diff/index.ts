/**
 * The semantic diff of two versions of a model: which elements were added,
 * removed, renamed or changed (and which of their properties), how bad each
 * change is for the model's consumers, and who is affected. Pure: models in,
 * plain data out (types.ts); the CLI (`ddd diff`) and the editor's
 * "DDD: Compare with…" read both versions and print or show the result.
 */
import { kindWords, type DddModel } from '../model/model';
import type { Saga } from '../model/elements';
import { classifyAddition, classifyChange, classifyRemoval, conformistVerdict, stepMove, type Verdict, type Versions } from './classify';
import { childOf, compareModel, type ComparedElement, type ComparedModel } from './compared-elements';
import { Dependents, type Dependent } from './dependents';
import { matchModels, type ElementPair } from './match';
import type { WorkBudget } from '../simulation/work-budget';
import { compareSagaOutcomes, DEFAULT_EXPLORE_BUDGET, outcomeBreaches } from './saga-outcomes';
import type { AffectedKind, AffectedParty, ChangeClass, ChangeKind, FieldChange, ModelChange, ModelDiff } from './types';

export * from './types';
export { contextImpacts, type ImpactingChange } from './context-impacts';
export { outcomeBreaches } from './saga-outcomes';

export interface DiffOptions {
  /** The most changes listed (default 5,000); the rest are counted in `omitted`. */
  maxChanges?: number;
  /** The most affected parties listed per change (default 50). */
  maxAffected?: number;
  /** Explore the sagas that changed in both versions (default true). */
  exploreSagas?: boolean;
  /** Simulated steps the explorations of changed sagas spend per diff, both versions counted (default 1,000,000; see WorkBudget). */
  exploreBudget?: number;
}

function fieldChanges(old: ComparedElement, next: ComparedElement): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const [key, value] of old.props) {
    const now = next.props.get(key);
    if (now === value) continue;
    fields.push(now === undefined ? { field: key, old: value } : { field: key, old: value, new: now });
  }
  for (const [key, value] of next.props) if (!old.props.has(key)) fields.push({ field: key, new: value });
  return fields;
}

const affectedKinds: Partial<Record<string, AffectedKind>> = {
  sagaStep: 'sagaStep',
  reaction: 'reaction',
  readmodel: 'readModel',
  stream: 'stream',
  command: 'command',
  event: 'event',
  saga: 'saga',
  relationship: 'relationship',
  repository: 'repository',
  field: 'field',
  operation: 'operation',
  context: 'context',
};

function partyName(holder: ComparedElement): string {
  switch (holder.kind) {
    case 'sagaStep':
      return `saga ${holder.parent?.name ?? '?'}, step ${holder.name}`;
    case 'reaction':
      return `saga ${holder.parent?.name ?? '?'}, ${holder.name}`;
    case 'field':
    case 'operation':
      return `${holder.parent ? `${holder.parent.name}.` : ''}${holder.name}`;
    case 'sticky':
      return `${holder.name} on board ${holder.parent?.name ?? '?'}`;
    default:
      return holder.name;
  }
}

class DiffBuilder {
  readonly changes: ModelChange[] = [];
  private readonly versions: Versions;
  private readonly maxAffected: number;

  constructor(
    private readonly before: ComparedModel,
    private readonly after: ComparedModel,
    options: DiffOptions,
  ) {
    this.versions = { old: new Dependents(before), new: new Dependents(after) };
    this.maxAffected = options.maxAffected ?? 50;
  }

  add(change: ChangeKind, old: ComparedElement | undefined, next: ComparedElement | undefined, fields: FieldChange[], verdict: Verdict): ModelChange {
    const element = (next ?? old)!;
    conformistVerdict(this.versions, old ?? element, change, verdict);
    const holder = change === 'removed' ? holderNow(element) : undefined;
    const { affected, more } = verdict.classification === 'safe' ? { affected: [], more: 0 } : this.affected(verdict, element.context);
    const record: ModelChange = {
      change,
      kind: element.kind,
      kindWords: kindWords[element.kind],
      name: element.label,
      ...(change === 'renamed' && old ? { oldName: old.label } : {}),
      path: element.path,
      group: element.group,
      ...(element.context !== undefined ? { context: element.context } : {}),
      fields,
      classification: verdict.classification,
      reasons: verdict.reasons,
      affected,
      ...(more > 0 ? { moreAffected: more } : {}),
      ...(old ? { old: this.before.locate(old.uri, old.range) } : {}),
      ...(next ? { new: this.after.locate(next.uri, next.range) } : {}),
      ...(holder ? { holder: this.after.locate(holder.uri, holder.range) } : {}),
    };
    this.changes.push(record);
    return record;
  }

  /** The parties of a verdict, located (in the new version when they are still there), each once. */
  private affected(verdict: Verdict, own: string | undefined): { affected: AffectedParty[]; more: number } {
    const parties: AffectedParty[] = [];
    const seen = new Set<string>();
    let more = 0;
    const push = (party: AffectedParty) => {
      const key = `${party.kind} ${party.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (parties.length < this.maxAffected) parties.push(party);
      else more++;
    };
    const contexts = new Set<string>();
    const place = (side: 'old' | 'new', holder: ComparedElement) => {
      const now = side === 'old' ? holder.counterpart : holder;
      return now ? { side: 'new' as const, at: now, model: this.after } : { side: 'old' as const, at: holder, model: this.before };
    };
    const fromDependent = (side: 'old' | 'new', { holder }: Dependent) => {
      const { side: shown, at, model } = place(side, holder);
      const kind = holder.kind === 'sticky' ? ((holder.node as { type?: string }).type === 'policy' ? 'policy' : 'sticky') : (affectedKinds[holder.kind] ?? 'declaration');
      push({ kind, name: partyName(at), ...(at.context !== undefined ? { context: at.context } : {}), location: model.locate(at.uri, at.range), side: shown });
      if (holder.context !== undefined) contexts.add(holder.context);
      // a saga step or reaction: its participant is a context that acts on it
      const participant = (holder.node as { participant?: { text: string } }).participant;
      if ((holder.kind === 'sagaStep' || holder.kind === 'reaction') && participant) contexts.add(participant.text);
    };
    for (const { side, dependent } of verdict.dependents) fromDependent(side, dependent);
    for (const { name } of verdict.contexts) contexts.add(name);
    for (const name of contexts) {
      if (name === own) continue;
      const inNew = childOf(this.after.roots, 'context', name);
      const inOld = childOf(this.before.roots, 'context', name);
      const at = inNew ?? inOld;
      if (!at) continue;
      push({ kind: 'context', name, context: name, location: (inNew ? this.after : this.before).locate(at.uri, at.range), side: inNew ? 'new' : 'old' });
    }
    return { affected: parties, more };
  }

  get classifier(): Versions {
    return this.versions;
  }
}

/** For a removed element: the nearest element that held it and is still there, as it is in the new version. */
function holderNow(element: ComparedElement): ComparedElement | undefined {
  for (let at = element.parent; at; at = at.parent) if (at.counterpart) return at.counterpart;
  return undefined;
}

/** Whether an element is inside one of `elements` (a member of a removed aggregate is reported with it). */
function within(element: ComparedElement, elements: ReadonlySet<ComparedElement>): boolean {
  for (let at = element.parent; at; at = at.parent) if (elements.has(at)) return true;
  return false;
}

/** The saga an element belongs to (itself, or the saga of a step or reaction). */
function sagaOf(element: ComparedElement): ComparedElement | undefined {
  for (let at: ComparedElement | undefined = element; at; at = at.parent) if (at.kind === 'saga') return at;
  return undefined;
}

const rank: Record<ChangeClass, number> = { safe: 0, risky: 1, breaking: 2 };

export function diffModels(oldModel: DddModel, newModel: DddModel, options: DiffOptions = {}): ModelDiff {
  const before = compareModel(oldModel);
  const after = compareModel(newModel);
  const matching = matchModels(before, after);
  const builder = new DiffBuilder(before, after, options);
  const versions = builder.classifier;
  const changedSagas = new Map<ComparedElement, ComparedElement>();
  const sagaChanges = new Map<ComparedElement, ModelChange>();

  const changed: { pair: ElementPair; fields: FieldChange[] }[] = [];
  for (const pair of matching.pairs) {
    const moved = stepMove(pair.old, pair.new);
    // the same source text: nothing in it changed (a context merges several blocks: always compared)
    if (!pair.renamed && !moved && pair.old.kind !== 'context' && before.source(pair.old) === after.source(pair.new)) continue;
    const fields = fieldChanges(pair.old, pair.new);
    if (moved) fields.push(moved);
    if (pair.renamed || fields.length > 0) changed.push({ pair, fields });
  }
  // as written in the new version
  changed.sort((a, b) => a.pair.new.order - b.pair.new.order);
  for (const { pair, fields } of changed) {
    const verdict = pair.renamed ? classifyRemoval(versions, pair.old, 'renamed', pair.new) : classifyChange(versions, pair.old, pair.new, fields);
    if (pair.renamed) {
      const more = classifyChange(versions, pair.old, pair.new, fields);
      for (const reason of more.reasons) verdict.reasons.push(reason);
      if (rank[more.classification] > rank[verdict.classification]) verdict.classification = more.classification;
    }
    const change = builder.add(pair.renamed ? 'renamed' : 'changed', pair.old, pair.new, fields, verdict);
    const saga = sagaOf(pair.new);
    if (saga) {
      const oldSaga = saga.counterpart;
      if (oldSaga) changedSagas.set(oldSaga, saga);
      if (saga === pair.new) sagaChanges.set(saga, change);
    }
  }
  const removed = new Set(matching.removed);
  for (const element of matching.removed) {
    if (within(element, removed)) continue;
    builder.add('removed', element, undefined, [], classifyRemoval(versions, element, 'removed'));
    const saga = element.parent && sagaOf(element.parent);
    const now = saga?.counterpart;
    if (saga && now) changedSagas.set(saga, now);
  }
  const added = new Set(matching.added);
  for (const element of matching.added) {
    if (within(element, added)) continue;
    builder.add('added', undefined, element, [], classifyAddition(versions, element));
    const saga = element.parent && sagaOf(element.parent);
    if (saga && !added.has(saga)) {
      const oldSaga = saga.counterpart;
      if (oldSaga) changedSagas.set(oldSaga, saga);
    }
  }

  if (options.exploreSagas ?? true) {
    const budget: WorkBudget = { steps: options.exploreBudget ?? DEFAULT_EXPLORE_BUDGET };
    for (const [oldSaga, newSaga] of changedSagas) {
      const outcomes = compareSagaOutcomes(oldSaga.node as Saga, newSaga.node as Saga, budget);
      if (outcomes.explored && outcomes.appeared.length === 0 && outcomes.disappeared.length === 0) continue;
      let change = sagaChanges.get(newSaga);
      if (!change) {
        change = builder.add('changed', oldSaga, newSaga, [], { classification: 'safe', reasons: [], dependents: [], contexts: [] });
        sagaChanges.set(newSaga, change);
      }
      change.outcomes = outcomes;
      const breaches = outcomes.appeared.filter(outcomeBreaches);
      if (breaches.length) {
        if (rank[change.classification] < rank.risky) change.classification = 'risky';
        change.reasons.push(`the simulator finds ${breaches.length === 1 ? 'a new outcome that breaks' : `${breaches.length} new outcomes that break`} a guarantee: ${breaches[0]}`);
      }
    }
  }

  return finish(builder.changes, options.maxChanges ?? 5_000);
}

/** Sorted by group (bounded contexts first, in name order), then as written; counted, and cut at the limit. */
function finish(changes: ModelChange[], limit: number): ModelDiff {
  const counts: Record<ChangeClass, number> = { breaking: 0, risky: 0, safe: 0 };
  for (const change of changes) counts[change.classification]++;
  const order = new Map(changes.map((change, i) => [change, i]));
  const special = (group: string) => (/^(saga|context map|storming|domain|model)\b/.test(group) && group.includes(' ') ? 1 : 0);
  changes.sort((a, b) => special(a.group) - special(b.group) || a.group.localeCompare(b.group) || order.get(a)! - order.get(b)!);
  const listed = changes.length > limit ? changes.slice(0, limit) : changes;
  return { changes: listed, counts, omitted: changes.length - listed.length };
}
