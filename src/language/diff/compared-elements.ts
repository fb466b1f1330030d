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

export interface ComparedElement {
  kind: ElementKind;
  /** What identifies it among its siblings: its name, a step's command, a relationship's contexts. */
  name: string;
  /** How it is shown: its name, or for a relationship `Sales [OHS] -> Support [ACL]`. */
  label: string;
  /** Its parent's path, then its name. */
  path: string;
  parent?: ComparedElement;
  depth: number;
  /** Its position among its parent's children of the same kind. */
  index: number;
  /** Its own properties (not its children), as text. */
  props: Map<string, string>;
  /** The names and kinds of its children: with `props`, what a rename keeps. */
  childShape: string;
  /** The bounded context it belongs to, when it belongs to one. */
  context?: string;
  /** What a change to it is grouped under. */
  group: string;
  uri: string;
  range: TextRange;
  node: ComparedNode;
  /** The references it holds itself (not its children's), with the property that holds each. */
  references: { reference: Reference; role: string }[];
}

export interface ComparedModel {
  model: DddModel;
  elements: ComparedElement[];
  byNode: Map<ComparedNode, ComparedElement>;
  byKey: Map<string, ComparedElement>;
  locate(uri: string, range: TextRange): DiffLocation;
}

export function elementKey(kind: string, path: string): string {
  return `${kind} ${path}`;
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
function describe(value: unknown, role: string, references: ComparedElement['references'], depth = 0): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || depth > 6) return undefined;
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = describe(item, role, references, depth + 1);
      if (text !== undefined && text !== '') parts.push(text);
    }
    return parts.join(', ');
  }
  if (isNode(value)) return undefined;
  if (isReference(value)) {
    references.push({ reference: value, role });
    return value.text;
  }
  const record = value as Record<string, unknown>;
  // a type reference: its text is the whole type; its name and arguments are references
  if (typeof record['text'] === 'string') {
    if (record['name'] && typeof record['name'] === 'object') describe(record['name'], role, references, depth + 1);
    if (Array.isArray(record['args'])) describe(record['args'], role, references, depth + 1);
    return record['text'];
  }
  // an expression: written back as text
  if (record['kind'] === 'binary') return `${describe(record['left'], role, references, depth + 1)} ${String(record['operator'])} ${describe(record['right'], role, references, depth + 1)}`;
  if (record['kind'] === 'name') return String(record['name']);
  if ('value' in record && 'kind' in record) return JSON.stringify(record['value']);
  const parts: string[] = [];
  for (const [key, item] of Object.entries(record)) {
    if (key.endsWith('range') || key.endsWith('Range')) continue;
    const text = describe(item, `${role}.${key}`, references, depth + 1);
    if (text === undefined || text === '' || text === 'false') continue;
    parts.push(text === 'true' ? key : text);
  }
  return parts.join(' ');
}

function propsOf(node: ComparedNode, childKeys: readonly string[], references: ComparedElement['references']): Map<string, string> {
  const props = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (skipped.has(key) || childKeys.includes(key)) continue;
    const text = describe(value, key, references);
    if (text !== undefined && text !== '') props.set(key, text.length > MAX_PROP_TEXT ? text.slice(0, MAX_PROP_TEXT) + '…' : text);
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
  const byKey = new Map<string, ComparedElement>();
  const siblings = new Map<string, number>();

  const add = (node: ComparedNode, kind: ElementKind, name: string, parent: ComparedElement | undefined, range: TextRange, childKeys: readonly string[]) => {
    const path = parent ? `${parent.path}.${name}` : name;
    const slot = `${parent?.path ?? ''}|${kind}`;
    const index = siblings.get(slot) ?? 0;
    siblings.set(slot, index + 1);
    const references: ComparedElement['references'] = [];
    const props = propsOf(node, childKeys, references);
    if (node.kind === 'relationship') {
      // each side as written: `Sales [OHS, PL]`
      for (const [key, side] of [['left', node.left], ['right', node.right]] as const) props.set(key, (side.context?.text ?? '?') + (side.roles.length ? ` [${side.roles.map((role) => role.text).join(', ')}]` : ''));
    }
    const context = node.kind === 'context' ? node.name : 'contextName' in node && typeof node.contextName === 'string' ? node.contextName : parent?.context;
    const element: ComparedElement = {
      kind,
      name,
      label: node.kind === 'relationship' ? describeRelationship(node) : name,
      path,
      ...(parent ? { parent } : {}),
      depth: parent ? parent.depth + 1 : 0,
      index,
      props,
      childShape: '',
      ...(context !== undefined ? { context } : {}),
      group: groupOf(node, parent, context),
      uri: node.uri,
      range,
      node,
      references,
    };
    let key = elementKey(kind, path);
    // the same name twice in one place (a duplicate-name finding): the second keeps its position
    if (byKey.has(key)) {
      element.path = `${path}#${index + 1}`;
      key = elementKey(kind, element.path);
    }
    elements.push(element);
    byNode.set(node, element);
    byKey.set(key, element);
    if (parent) parent.childShape += `${kind} ${name};`;
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
  return { model, elements, byNode, byKey, locate };
}

/** What a rename keeps: the element's properties (but its description) and its children's names. */
export function shapeOf(element: ComparedElement): string {
  let shape = element.childShape;
  // a step's command is its name: a renamed command keeps the rest
  for (const [key, value] of element.props) if (key !== 'description' && value !== element.name) shape += `|${key}=${value}`;
  return shape;
}
