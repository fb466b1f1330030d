/**
 * One version of the model as the diff compares it: every declaration (through
 * the one walker, model/element-tree.ts, so a new kind of member is compared
 * as soon as it is walked) and the parts that have no name of their own
 * (context-map relationships, saga steps and reactions, storming stickies),
 * each with a path that identifies it, its comparable properties, a shape for
 * telling a rename from a removal, and the references it holds.
 */
import { describeRelationship } from '../context-map/relationships';
import { childListKeys, forEachElement, type ModelElement } from '../model/element-tree';
import type { ElementKind, Reference, Relationship, SagaReaction, SagaStep, Sticky, TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import type { LineIndex } from '../syntax/line-index';
import type { DiffLocation } from './types';

export type ComparedNode = ModelElement | Relationship | SagaStep | SagaReaction | Sticky;

/** An element's children: by kind, then by name (a second element of one name in one place is `Name#2`). */
export type ChildMap = Map<ElementKind, Map<string, ComparedElement>>;

export class ComparedElement {
  /** Its position among its parent's children of the same kind. */
  index = 0;
  /** Its key among its siblings of its kind: its name, or `Name#2` for the second of one name. */
  key: string;
  /** Its children by kind and key (undefined until it has one). */
  children: ChildMap | undefined;
  /** Its position in the walk of its version (parents before children, as written). */
  order = 0;
  /** The element it pairs with in the other version (set by the matching). */
  counterpart: ComparedElement | undefined = undefined;
  /** How many parents it has. */
  readonly depth: number;
  private ownProps: Map<string, string> | undefined;
  private ownPath: string | undefined;

  constructor(
    readonly kind: ElementKind,
    /** What identifies it among its siblings: its name, a step's command, a relationship's contexts. */
    readonly name: string,
    /** How it is shown: its name, or for a relationship `Sales [OHS] -> Support [ACL]`. */
    readonly label: string,
    readonly parent: ComparedElement | undefined,
    /** The bounded context it belongs to, when it belongs to one. */
    readonly context: string | undefined,
    /** What a change to it is grouped under. */
    readonly group: string,
    /** Where its name is written. */
    readonly range: TextRange,
    readonly node: ComparedNode,
    private readonly childKeys: readonly string[],
  ) {
    this.key = name;
    this.depth = parent ? parent.depth + 1 : 0;
  }

  /** `Sales.Order.OrderPlaced`: its parents' keys, then its own. */
  get path(): string {
    return (this.ownPath ??= this.parent ? `${this.parent.path}.${this.key}` : this.key);
  }

  get uri(): string {
    return this.node.uri;
  }

  /** Its own properties (not its children), as text; worked out on first use (most elements of a diff never need them). */
  get props(): Map<string, string> {
    return (this.ownProps ??= propsOf(this.node, this.childKeys));
  }

  /** The kinds and names of its children, in order: with `props`, what a rename keeps. */
  get childShape(): string {
    let shape = '';
    for (const [kind, named] of this.children ?? []) for (const name of named.keys()) shape += `${kind} ${name};`;
    return shape;
  }
}

export interface ComparedModel {
  model: DddModel;
  elements: ComparedElement[];
  byNode: Map<ComparedNode, ComparedElement>;
  /** The top-level elements (domains, contexts, maps, sagas, boards) by kind and name. */
  roots: ChildMap;
  locate(uri: string, range: TextRange): DiffLocation;
  /** The whole source text of an element (its children's too): the same text means nothing in it changed. */
  source(element: ComparedElement): string;
  /** The innermost element whose source holds the reference. */
  holderOf(reference: Reference): ComparedElement | undefined;
}

/** The element of that kind and key among `children`. */
export function childOf(children: ChildMap | undefined, kind: ElementKind, key: string): ComparedElement | undefined {
  return children?.get(kind)?.get(key);
}

/** Properties that are structure, places or back-links, never compared. */
const skipped = new Set(['kind', 'name', 'uri', 'range', 'nameRange', 'textRange', 'rootRange', 'arrowRange', 'contextName', 'declarations', 'primary', 'implementedBy', 'map', 'domain', 'context', 'text']);

/** The most characters a property's text keeps (a long description is compared by its start). */
const MAX_PROP_TEXT = 2_000;

function isNode(value: object): boolean {
  return 'uri' in value && 'kind' in value;
}

function isReference(value: object): value is Reference {
  return 'expected' in value && 'text' in value && 'uri' in value;
}

/** A property value as text, collecting the references it holds; undefined for elements (children, back-links). */
function describe(value: unknown, depth = 0): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || depth > 6) return undefined;
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = describe(item, depth + 1);
      if (text !== undefined && text !== '') parts.push(text);
    }
    return parts.join(', ');
  }
  if (isNode(value)) return undefined;
  if (isReference(value)) return value.text;
  const record = value as Record<string, unknown>;
  // a type reference: its text is the whole type; its name and arguments are references
  if (typeof record['text'] === 'string') {
    return record['text'];
  }
  // an expression: written back as text
  if (record['kind'] === 'binary') return `${describe(record['left'], depth + 1)} ${String(record['operator'])} ${describe(record['right'], depth + 1)}`;
  if (record['kind'] === 'name') return String(record['name']);
  if ('value' in record && 'kind' in record) return JSON.stringify(record['value']);
  const parts: string[] = [];
  for (const [key, item] of Object.entries(record)) {
    if (key.endsWith('range') || key.endsWith('Range')) continue;
    const text = describe(item, depth + 1);
    if (text === undefined || text === '' || text === 'false') continue;
    parts.push(text === 'true' ? key : text);
  }
  return parts.join(' ');
}

function propsOf(node: ComparedNode, childKeys: readonly string[]): Map<string, string> {
  const props = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (skipped.has(key) || childKeys.includes(key)) continue;
    const text = describe(value);
    if (text !== undefined && text !== '') props.set(key, text.length > MAX_PROP_TEXT ? text.slice(0, MAX_PROP_TEXT) + '…' : text);
  }
  if (node.kind === 'relationship') {
    // each side as written: `Sales [OHS, PL]`
    for (const [key, side] of [['left', node.left], ['right', node.right]] as const) props.set(key, (side.context?.text ?? '?') + (side.roles.length ? ` [${side.roles.map((role) => role.text).join(', ')}]` : ''));
  }
  return props;
}

type NamelessPart = Relationship | SagaStep | SagaReaction | Sticky;

/** The parts with no name of their own that an element holds (relationships, saga steps and reactions, stickies), each with what identifies it. */
function namelessParts(node: ModelElement): { part: NamelessPart; name: string; range: TextRange }[] {
  const parts: { part: NamelessPart; name: string; range: TextRange }[] = [];
  const present = <T>(list: readonly (T | undefined)[]): T[] => list.filter((item): item is T => item !== undefined && item !== null && typeof item === 'object');
  switch (node.kind) {
    case 'contextmap':
      for (const r of present(node.relationships)) parts.push({ part: r, name: [r.left.context?.text ?? '?', r.right.context?.text ?? '?'].sort().join(' ~ '), range: r.range });
      break;
    case 'saga':
      for (const s of present(node.steps)) parts.push({ part: s, name: s.command?.text ?? '?', range: s.command?.range ?? s.range });
      for (const r of present(node.reactions)) parts.push({ part: r, name: `${r.participant?.text ?? '?'} on ${r.triggers.map((t) => t.text).join(' ')}`, range: r.range });
      break;
    case 'storming':
      for (const s of present(node.stickies)) parts.push({ part: s, name: `${s.type} ${s.text}`, range: s.textRange });
      break;
  }
  return parts;
}

function groupOf(node: ComparedNode, parent: ComparedElement | undefined, context: string | undefined): string {
  if (context !== undefined) return context;
  if (parent) return parent.group;
  switch (node.kind) {
    case 'contextmap':
      return `context map ${node.name}`;
    case 'saga':
      return `saga ${node.name}`;
    case 'storming':
      return `storming ${node.name}`;
    case 'domain':
      return `domain ${node.name}`;
    default:
      return 'model';
  }
}

/** The model's elements in walk order (parents before children), each with what the diff compares. */
export function compareModel(model: DddModel): ComparedModel {
  const elements: ComparedElement[] = [];
  const byNode = new Map<ComparedNode, ComparedElement>();
  const roots: ChildMap = new Map();

  const add = (node: ComparedNode, kind: ElementKind, name: string, parent: ComparedElement | undefined, range: TextRange, childKeys: readonly string[]) => {
    const context = node.kind === 'context' ? node.name : 'contextName' in node && typeof node.contextName === 'string' ? node.contextName : parent?.context;
    const label = node.kind === 'relationship' ? describeRelationship(node) : name;
    const element = new ComparedElement(kind, name, label, parent, context, groupOf(node, parent, context), range, node, childKeys);
    const siblings = parent ? (parent.children ??= new Map()) : roots;
    let named = siblings.get(kind);
    if (!named) siblings.set(kind, (named = new Map()));
    element.index = named.size;
    // the same name twice in one place (a duplicate-name finding): the second keeps its position
    if (named.has(name)) element.key = `${name}#${element.index + 1}`;
    named.set(element.key, element);
    element.order = elements.length;
    elements.push(element);
    byNode.set(node, element);
    return element;
  };

  forEachElement(model, (node, parentNode) => {
    const parent = parentNode ? byNode.get(parentNode) : undefined;
    const kind = node.kind === 'contextDeclaration' ? 'context' : node.kind;
    const element = add(node, kind, node.name, parent, node.nameRange, childListKeys(node));
    for (const { part, name, range } of namelessParts(node)) add(part, part.kind, name, element, range, []);
  });

  const lineIndexes = new Map<string, LineIndex>();
  for (const document of model.documents) lineIndexes.set(document.uri, document.lineIndex);
  const locate = (uri: string, range: TextRange): DiffLocation => {
    const index = lineIndexes.get(uri);
    const start = index?.positionAt(range.start) ?? { line: 0, character: 0 };
    const end = index?.positionAt(range.end) ?? start;
    return { uri, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
  };
  const texts = new Map<string, string>();
  for (const document of model.documents) texts.set(document.uri, document.text);
  const source = (element: ComparedElement) => {
    const range = element.node.range;
    return texts.get(element.uri)?.slice(range.start, range.end) ?? '';
  };
  let holders: ((reference: Reference) => ComparedElement | undefined) | undefined;
  const holderOf = (reference: Reference) => (holders ??= holderIndex(elements))(reference);
  return { model, elements, byNode, roots, locate, source, holderOf };
}

/**
 * Finds the innermost element around a reference: per document, the elements sorted by where
 * they start (the outer first), and a binary search for the last one starting at or before the
 * reference, then up its parents to one that ends after it.
 */
function holderIndex(elements: readonly ComparedElement[]): (reference: Reference) => ComparedElement | undefined {
  const byUri = new Map<string, ComparedElement[]>();
  for (const element of elements) {
    const list = byUri.get(element.uri);
    if (list) list.push(element);
    else byUri.set(element.uri, [element]);
  }
  for (const list of byUri.values()) list.sort((a, b) => a.node.range.start - b.node.range.start || b.node.range.end - a.node.range.end);
  return (reference) => {
    const list = byUri.get(reference.uri);
    if (!list) return undefined;
    const at = reference.range.start;
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.node.range.start <= at) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    // the last element starting at or before the reference holds it, or one of its parents does (its earlier siblings end before it)
    for (let element: ComparedElement | undefined = found < 0 ? undefined : list[found]; element; element = element.parent) {
      if (element.uri === reference.uri && element.node.range.start <= at && reference.range.end <= element.node.range.end) return element;
    }
    return undefined;
  };
}

/** What a rename keeps: the element's properties (but its description) and its children's names. */
export function shapeOf(element: ComparedElement): string {
  let shape = element.childShape;
  // a step's command is its name: a renamed command keeps the rest
  for (const [key, value] of element.props) if (key !== 'description' && value !== element.name) shape += `|${key}=${value}`;
  return shape;
}
