/**
 * The navigation index of a model: every name written in every document (each
 * declaration's name, each segment of each reference, saga states, context-map
 * roles, storming stickies) sorted by position, and each declaration's parent.
 *
 * Built once per model on first use and cached (a model is immutable once built;
 * the server builds a new one after each edit), so that "what is under the
 * cursor" is a binary search.
 */
import { roleInfo } from '../context-map/relationships';
import type {
  Aggregate,
  BoundedContext,
  Command,
  DomainService,
  Declaration,
  DomainEvent,
  Entity,
  Field,
  Reference,
  Saga,
  StateName,
  StateTransition,
  Sticky,
  StormingBoard,
  TextRange,
} from '../model/elements';
import type { DddModel } from '../model/model';
import { forEachElement } from '../model/element-tree';
import { forEachAttributeSetting } from '../model/strategic-links';
import type { ParsedDocument } from '../syntax/parse-document';
import { Identifier } from '../syntax/tokens';
import { present } from './present';
import { isQualifiedNameToken } from './token-kinds';
import type { ElementAt, SagaState } from './types';

export interface NavIndex {
  model: DddModel;
  documents: Map<string, ParsedDocument>;
  /** Every name occurrence per document, by start offset. */
  occurrences: Map<string, ElementAt[]>;
  /** Every declaration (each bounded context once), in model order. */
  declarations: Declaration[];
  /** The declaration each member belongs to (field → entity, entity → aggregate or context, …). */
  parents: Map<Declaration, Declaration>;
  /** States of each orchestrated saga, by name. */
  states: Map<Saga, Map<string, SagaState>>;
  /** Occurrences that denote each symbol (declarations and uses). */
  uses: Map<object, ElementAt[]>;
  /** The sticky a reference is written on (its name, `by`, `on`, `when`, `then`, `from`). */
  stickyOf: Map<Reference, { sticky: Sticky; board: StormingBoard }>;
}

const cache = new WeakMap<DddModel, NavIndex>();

export function navIndex(model: DddModel): NavIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

function validRange(range: TextRange | undefined): range is TextRange {
  return !!range && Number.isFinite(range.start) && Number.isFinite(range.end) && range.end > range.start;
}

class IndexBuilder {
  readonly index: NavIndex;

  constructor(model: DddModel) {
    this.index = {
      model,
      documents: new Map(model.documents.map((document) => [document.uri, document])),
      occurrences: new Map(),
      declarations: [],
      parents: new Map(),
      states: new Map(),
      uses: new Map(),
      stickyOf: new Map(),
    };
  }

  add(occurrence: ElementAt): void {
    if (!validRange(occurrence.range)) return;
    let list = this.index.occurrences.get(occurrence.uri);
    if (!list) this.index.occurrences.set(occurrence.uri, (list = []));
    list.push(occurrence);
    if (occurrence.symbol) {
      let uses = this.index.uses.get(occurrence.symbol);
      if (!uses) this.index.uses.set(occurrence.symbol, (uses = []));
      uses.push(occurrence);
    }
  }

  declare(declaration: Declaration | undefined, parent?: Declaration): void {
    if (!declaration || typeof declaration !== 'object') return;
    this.index.declarations.push(declaration);
    if (parent) this.index.parents.set(declaration, parent);
    if (declaration.kind === 'context') return; // its blocks are added one by one
    this.add({ what: 'declaration', uri: declaration.uri, range: declaration.nameRange, text: declaration.name, symbol: declaration });
  }

  /** Each `context` block's name denotes the bounded context (which has no name occurrence of its own). */
  contextBlocks(context: BoundedContext): void {
    for (const block of present(context.declarations)) {
      this.add({ what: 'declaration', uri: block.uri, range: block.nameRange, text: context.name, symbol: context });
    }
  }

  /** `applies balance = initial`, `Deposited(amount: 1)`, `expect balance = 500`: uses of fields by name. */
  fieldUses(context: BoundedContext): void {
    const rootOf = (aggregate: Aggregate | undefined): Entity | undefined => present(aggregate?.entities).find((entity) => entity.root);
    const fieldNamed = (holder: { fields: Field[] } | undefined, name: string) => present(holder?.fields).find((field) => field.name === name);
    const use = (uri: string, name: { text: string; range: TextRange }, field: Field | undefined) => {
      if (field) this.add({ what: 'fieldUse', uri, range: name.range, text: name.text, symbol: field });
    };
    const events: DomainEvent[] = [...present(context.events), ...present(context.aggregates).flatMap((aggregate) => present(aggregate.events))];
    for (const event of events) {
      const root = rootOf(event.aggregate);
      for (const assignment of present(event.applies)) {
        use(event.uri, assignment.field, fieldNamed(root, assignment.field.text));
        const names: { text: string; range: TextRange }[] = [];
        const walk = (expression: typeof assignment.expression): void => {
          if (!expression) return;
          if (expression.kind === 'name') names.push({ text: expression.name, range: expression.range });
          else if (expression.kind === 'binary') {
            walk(expression.left);
            walk(expression.right);
          }
        };
        walk(assignment.expression);
        for (const name of names) use(event.uri, name, fieldNamed(event, name.text) ?? fieldNamed(root, name.text));
      }
    }
    for (const stream of present(context.streams)) {
      const target = stream.aggregate?.target;
      const aggregate = target?.kind === 'aggregate' ? target : target?.kind === 'entity' ? target.aggregate : undefined;
      const root = rootOf(aggregate);
      for (const entry of present(stream.events)) {
        const event = entry.event.target?.kind === 'event' ? entry.event.target : undefined;
        for (const argument of present(entry.arguments)) use(stream.uri, argument.name, fieldNamed(event, argument.name.text));
      }
      for (const expectation of present(stream.expectations)) use(stream.uri, expectation.field, fieldNamed(root, expectation.field.text));
    }
  }

  /** `writes [PARKED -> MOVING]`: the states of a transition denote the values of the lifecycle enum. */
  lifecycleStates(context: BoundedContext): void {
    const visit = (uri: string, transition: StateTransition | undefined) => {
      if (!transition) return;
      for (const state of [...transition.from, ...transition.to]) {
        if (state?.target) this.add({ what: 'fieldUse', uri, range: state.range, text: state.text, symbol: state.target });
      }
    };
    // no arrays built: this runs for every context of the workspace, and most write no transition
    const holders: readonly { commands: readonly (Command | undefined)[]; services: readonly (DomainService | undefined)[] }[] = [context, ...context.aggregates];
    for (const holder of holders) {
      for (const command of holder.commands) if (command?.writes) visit(command.uri, command.writes);
      for (const service of holder.services) if (service) for (const operation of service.operations) if (operation?.writes) visit(operation.uri, operation.writes);
    }
    for (const application of context.applications) for (const flow of application.flows) for (const step of flow.steps) if (step?.transition) visit(step.uri, step.transition);
  }

  saga(saga: Saga): void {
    if (saga.style !== 'orchestrated') return;
    const states = new Map<string, SagaState>();
    this.index.states.set(saga, states);
    const written: StateName[] = [];
    if (saga.start) written.push(saga.start);
    for (const step of present(saga.steps)) {
      if (step.successState) written.push(step.successState);
      if (step.failure?.state) written.push(step.failure.state);
      if (step.compensation?.state) written.push(step.compensation.state);
    }
    written.sort((a, b) => a.range.start - b.range.start);
    for (const name of written) {
      if (!name.text || !validRange(name.range)) continue;
      let state = states.get(name.text);
      if (!state) {
        state = { kind: 'sagaState', name: name.text, saga, uri: saga.uri, nameRange: name.range, range: name.range, occurrences: [] };
        states.set(name.text, state);
      }
      state.occurrences.push(name.range);
      this.add({ what: 'state', uri: saga.uri, range: name.range, text: name.text, symbol: state });
    }
  }

  board(board: StormingBoard): void {
    for (const sticky of present(board.stickies)) {
      for (const reference of [sticky.ref, sticky.by, sticky.on, ...present(sticky.when), ...present(sticky.then), ...present(sticky.from)]) {
        if (reference) this.index.stickyOf.set(reference, { sticky, board });
      }
      if (!sticky.ref && sticky.text) {
        this.add({ what: 'sticky', uri: sticky.uri, range: sticky.textRange, text: sticky.text, sticky, board });
      }
    }
  }

  reference(reference: Reference): void {
    if (!reference.text || !validRange(reference.range)) return;
    const onSticky = this.index.stickyOf.get(reference);
    const parts = reference.text.split('.');
    const segments = parts.length > 1 ? this.segments(reference, parts) : [reference.range];
    const last = segments[segments.length - 1]!;
    const occurrence: ElementAt = { what: 'reference', uri: reference.uri, range: last, text: parts[parts.length - 1]!, reference };
    if (reference.target) occurrence.symbol = reference.target;
    if (reference.candidates) occurrence.candidates = reference.candidates;
    if (onSticky) {
      occurrence.board = onSticky.board;
      // `by Customer` names an actor sticky of the same board
      const actor = reference.expected.length === 0 ? onSticky.board.stickies.find((s) => s.type === 'actor' && s.text === reference.text) : undefined;
      occurrence.sticky = actor ?? onSticky.sticky;
    }
    this.add(occurrence);
    if (segments.length < 2) return;
    const qualifiers = this.qualifiers(reference, parts);
    for (let i = 0; i < segments.length - 1; i++) {
      const qualifier: ElementAt = { what: 'qualifier', uri: reference.uri, range: segments[i]!, text: parts[i]!, reference };
      const target = qualifiers[i];
      if (target) qualifier.symbol = target;
      this.add(qualifier);
    }
  }

  /** The range of each segment of a qualified reference, from the document's tokens. */
  segments(reference: Reference, parts: string[]): TextRange[] {
    const document = this.index.documents.get(reference.uri);
    const found: TextRange[] = [];
    if (document) {
      const tokens = document.tokens;
      let low = 0;
      let high = tokens.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (tokens[mid]!.startOffset < reference.range.start) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < tokens.length && tokens[i]!.startOffset < reference.range.end; i++) {
        const token = tokens[i]!;
        if (token.tokenType === Identifier) found.push({ start: token.startOffset, end: token.startOffset + token.image.length });
        else if (isQualifiedNameToken(token)) {
          let at = token.startOffset;
          for (const part of token.image.split('.')) {
            found.push({ start: at, end: at + part.length });
            at += part.length + 1;
          }
        }
      }
    }
    if (found.length === parts.length) return found;
    // fall back on the text as written without spaces
    const ranges: TextRange[] = [];
    let at = reference.range.start;
    for (const part of parts) {
      ranges.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    return ranges;
  }

  /** What the leading segments of `A.B.C` denote: the context A, and for three parts the aggregate A.B. */
  qualifiers(reference: Reference, parts: string[]): (Declaration | undefined)[] {
    const model = this.index.model;
    if (reference.expected.includes('subdomain')) return [model.domains.find((domain) => domain.name === parts[0])];
    const context = model.contexts.get(parts[0]!);
    const result: (Declaration | undefined)[] = [context];
    if (parts.length === 3) {
      result.push(context?.aggregates.find((aggregate) => aggregate.name === parts[1]));
    }
    return result;
  }

  roles(): void {
    for (const map of this.index.model.contextMaps) {
      for (const relationship of present(map.relationships)) {
        for (const side of ['left', 'right'] as const) {
          for (const role of present(relationship[side]?.roles)) {
            const info = roleInfo(role.text);
            const occurrence: ElementAt = { what: 'role', uri: relationship.uri, range: role.range, text: role.text, roleName: role, relationship, side };
            if (info) occurrence.roleInfo = info;
            this.add(occurrence);
          }
        }
      }
    }
  }
}

/** Issue 13: relationship names (`as CustomerFrontend`) and enumerated attribute values (`evolution custom`). */
function strategicOccurrences(builder: IndexBuilder, model: DddModel): void {
  for (const map of model.contextMaps) {
    for (const relationship of present(map.relationships)) {
      const name = relationship.name;
      if (name?.text) builder.add({ what: 'relationshipName', uri: relationship.uri, range: name.range, text: name.text, relationship });
    }
  }
  forEachAttributeSetting(model, (uri, setting) => {
    if (setting.value.text) builder.add({ what: 'attributeValue', uri, range: setting.value.range, text: setting.value.text, setting });
  });
}

function buildIndex(model: DddModel): NavIndex {
  const builder = new IndexBuilder(model);
  // every declaration with its parent (merged contexts only: the model holds no `context` blocks)
  forEachElement(model, (element, parent) => {
    if (element.kind === 'contextDeclaration' || parent?.kind === 'contextDeclaration') return false;
    builder.declare(element, parent);
    if (element.kind === 'context') builder.contextBlocks(element);
  });
  for (const context of model.contexts.values()) {
    builder.fieldUses(context);
    builder.lifecycleStates(context);
  }
  builder.roles();
  strategicOccurrences(builder, model);
  for (const saga of model.sagas) builder.saga(saga);
  for (const board of model.boards) builder.board(board);
  for (const reference of present(model.references)) builder.reference(reference);
  for (const list of builder.index.occurrences.values()) list.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return builder.index;
}

/** The occurrence whose name contains `offset` (or ends exactly at it). */
export function occurrenceAt(index: NavIndex, uri: string, offset: number): ElementAt | undefined {
  const list = index.occurrences.get(uri);
  if (!list || list.length === 0) return undefined;
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.range.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // a few occurrences may share a start (or nest); prefer one that strictly contains the offset
  let fallback: ElementAt | undefined;
  for (let i = found; i >= 0 && i > found - 4; i--) {
    const occurrence = list[i]!;
    if (occurrence.range.start <= offset && offset < occurrence.range.end) return occurrence;
    if (occurrence.range.end === offset && !fallback) fallback = occurrence;
  }
  return fallback;
}

/** The declaration's parent chain, nearest first. */
export function ancestors(index: NavIndex, declaration: Declaration): Declaration[] {
  const chain: Declaration[] = [];
  let current = index.parents.get(declaration);
  while (current && chain.length < 8) {
    chain.push(current);
    current = index.parents.get(current);
  }
  return chain;
}
