/**
 * What the semantic diff of two models produces: plain, serialisable data (no
 * model nodes), so that the CLI prints it as JSON and the editor posts it to a
 * webview as it is. Lines and characters count from 0, as in the editor.
 */
import type { ElementKind } from '../model/elements';

/** How bad a change is for the model's consumers (docs/diff.md defines each). */
export type ChangeClass = 'breaking' | 'risky' | 'safe';

export const changeClasses: readonly ChangeClass[] = ['breaking', 'risky', 'safe'];

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** Where something is written in one version of the model. */
export interface DiffLocation {
  uri: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** One property of an element that differs: its value before and after (absent when it had none). */
export interface FieldChange {
  field: string;
  old?: string;
  new?: string;
}

export type AffectedKind =
  | 'context'
  | 'reaction'
  | 'sagaStep'
  | 'readModel'
  | 'policy'
  | 'stream'
  | 'command'
  | 'event'
  | 'saga'
  | 'relationship'
  | 'repository'
  | 'field'
  | 'operation'
  | 'sticky'
  | 'declaration';

/** A part of the model that depends on a changed element. */
export interface AffectedParty {
  kind: AffectedKind;
  /** `OrderSaga step ReserveInventory`, `Shipping`, `read model OrderHistory`. */
  name: string;
  /** The bounded context it belongs to, when it belongs to one. */
  context?: string;
  /** Where it is written: in the new version when it is still there, else in the old one. */
  location: DiffLocation;
  side: 'old' | 'new';
}

/** The simulator's exhaustive exploration of a saga, before and after. */
export interface SagaOutcomeChange {
  /** Whether both versions were explored (false: past the work budget, or too large; `reason` says which). */
  explored: boolean;
  reason?: string;
  /** Outcomes (`end state | compensations | breaches`) only the new version reaches. */
  appeared: string[];
  /** Outcomes only the old version reached. */
  disappeared: string[];
}

export interface ModelChange {
  change: ChangeKind;
  /** The element's kind (`event`, `field`, `sagaStep`, …). */
  kind: ElementKind;
  /** The kind in words (`domain event`). */
  kindWords: string;
  /** The name in the new version (in the old one for a removed element). */
  name: string;
  /** The name in the old version, for a rename. */
  oldName?: string;
  /** `Sales.Order.OrderPlaced`: where it sits in the model. */
  path: string;
  /** What the change is grouped under: its bounded context, or `saga OrderSaga`, `context map ShopMap`, … */
  group: string;
  /** The bounded context the element belongs to, when it belongs to one (a relationship, a saga, a board do not). */
  context?: string;
  fields: FieldChange[];
  classification: ChangeClass;
  /** Why it is classified so, in words (empty for a plain safe change). */
  reasons: string[];
  affected: AffectedParty[];
  /** How many more affected parties there are than `affected` lists. */
  moreAffected?: number;
  old?: DiffLocation;
  new?: DiffLocation;
  /**
   * For a removed element, which has no place in the new version: where the element that
   * held it (its aggregate, its context) is declared in the new version, the name a reader
   * looks at for it. Absent when nothing that held it is left (a removed context, saga, map).
   */
  holder?: DiffLocation;
  /** For a saga: the outcomes of its exploration that appear or disappear. */
  outcomes?: SagaOutcomeChange;
}

export interface ModelDiff {
  changes: ModelChange[];
  counts: Record<ChangeClass, number>;
  /** Changes past the limit, counted but not listed. */
  omitted: number;
}

/**
 * What a diff means for one bounded context, worst first: a breaking change in it, a
 * risky one, a breaking or risky change elsewhere that it depends on (it is only an
 * affected party), or only safe changes in it.
 */
export const contextImpactKinds = ['breaking', 'risky', 'affected', 'changed'] as const;
export type ContextImpactKind = (typeof contextImpactKinds)[number];

/** A bounded context a diff touches, and how (contextImpacts in context-impacts.ts). */
export interface ContextImpact {
  name: string;
  impact: ContextImpactKind;
}
