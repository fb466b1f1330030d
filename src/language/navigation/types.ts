/**
 * The plain data that navigation queries return. Ranges are offsets into a
 * document's text (like everything in the core); the language server turns them
 * into LSP positions with the document's LineIndex.
 */
import type { RoleInfo } from '../context-map/relationships';
import type { AttributeSetting, Declaration, Name, Reference, Relationship, Saga, Sticky, StormingBoard, TextRange } from '../model/elements';

export interface NavLocation {
  uri: string;
  range: TextRange;
}

/** Replace `range` (offsets in the document the edit belongs to) with `newText`. */
export interface NavTextEdit {
  range: TextRange;
  newText: string;
}

/** Text edits grouped by document uri. */
export type NavWorkspaceEdit = Map<string, NavTextEdit[]>;

/**
 * A state of an orchestrated saga (`start S`, `-> S`, `fails -> S`): not a
 * declaration in the model, but something one can navigate to, find and rename.
 * One object per saga and name within one model; its "declaration" is where the
 * name first appears.
 */
export interface SagaState {
  kind: 'sagaState';
  name: string;
  saga: Saga;
  uri: string;
  nameRange: TextRange;
  range: TextRange;
  /** Every place the name is written in the saga, in source order. */
  occurrences: TextRange[];
}

/** What a name can denote: a declaration of the model, or a saga state. */
export type NavSymbol = Declaration | SagaState;

/**
 * What a name under the cursor is:
 * - `declaration`: the name of a declaration (for `context X` blocks, `symbol` is the merged bounded context);
 * - `reference`: a use of a name (the last segment of a qualified name), resolved into `symbol` when it resolves;
 * - `qualifier`: the `Sales` of `Sales.Order` (the context, or `Sales.Order` of `Sales.Order.Item`);
 * - `state`: a saga state name;
 * - `role`: a role code in a context map (`OHS`, `ACL`, …);
 * - `sticky`: an actor, policy or hotspot on a storming board (they name no declaration);
 * - `fieldUse`: a field named in `applies`, a stream's `Event(field: …)` or `expect field = …`;
 * - `relationshipName`: the `CustomerFrontend` of a relationship's `as CustomerFrontend` (`relationship` is set);
 * - `attributeValue`: an enumerated attribute's value, `custom` in `evolution custom` (`setting` is set).
 */
export type ElementRole = 'declaration' | 'reference' | 'qualifier' | 'state' | 'role' | 'sticky' | 'fieldUse' | 'relationshipName' | 'attributeValue';

export interface ElementAt {
  what: ElementRole;
  uri: string;
  /** The range of the name itself (one segment of a qualified name). */
  range: TextRange;
  /** The name as written. */
  text: string;
  /** What the name denotes, when known. */
  symbol?: NavSymbol;
  /** For `reference` and `qualifier`: the reference it is part of. */
  reference?: Reference;
  /** An ambiguous reference's candidates. */
  candidates?: Declaration[];
  /** For `role`. */
  roleName?: Name;
  roleInfo?: RoleInfo;
  relationship?: Relationship;
  side?: 'left' | 'right';
  /** For `sticky`, and for references written on a sticky. */
  sticky?: Sticky;
  board?: StormingBoard;
  /** For `attributeValue`. */
  setting?: AttributeSetting;
}
