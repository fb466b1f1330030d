/**
 * Outline (document symbols, hierarchical) and workspace symbols (fuzzy search by name).
 */
import { describeRelationship } from '../context-map/relationships';
import type {
  Declaration,
  ElementKind,
  FlowStep,
  Operation,
  Reference,
  Relationship,
  TextRange,
  TopLevelDeclaration,
} from '../model/elements';
import { stepHead } from '../model/event-flow';
import { transitionWords } from './hover-tactical';
import { qualifiedName, type DddModel } from '../model/model';
import { childLists, type ModelElement } from '../model/element-tree';
import { navIndex } from './nav-index';
import { present } from './present';

export interface DocumentSymbolNode {
  name: string;
  detail?: string;
  kind: ElementKind;
  /** The whole element. Always contains `selectionRange`. */
  range: TextRange;
  /** Its name. */
  selectionRange: TextRange;
  children: DocumentSymbolNode[];
}

function valid(range: TextRange | undefined): range is TextRange {
  return !!range && Number.isFinite(range.start) && Number.isFinite(range.end);
}

function describeRelationshipSafely(relationship: Relationship): string {
  if (!relationship.left || !relationship.right) return `${relationship.left?.context?.text ?? '?'} ${relationship.arrow ?? '?'} ${relationship.right?.context?.text ?? '?'}`;
  return describeRelationship(relationship);
}

function node(name: string, kind: ElementKind, range: TextRange, selection: TextRange | undefined, children: DocumentSymbolNode[] = [], detail?: string): DocumentSymbolNode {
  const selectionRange = valid(selection) ? selection : { start: range.start, end: range.start };
  const whole = { start: Math.min(range.start, selectionRange.start), end: Math.max(range.end, selectionRange.end) };
  for (const child of children) {
    whole.start = Math.min(whole.start, child.range.start);
    whole.end = Math.max(whole.end, child.range.end);
  }
  children.sort((a, b) => a.range.start - b.range.start);
  const result: DocumentSymbolNode = { name: name || '?', kind, range: whole, selectionRange, children };
  if (detail) result.detail = detail;
  return result;
}

function declarationNode(declaration: Declaration, children: DocumentSymbolNode[] = [], detail?: string): DocumentSymbolNode {
  return node(declaration.name, declaration.kind, declaration.range, declaration.nameRange, children, detail);
}

function signature(operation: Operation): string {
  const markers = [
    operation.throws?.length ? `throws ${operation.throws.map((t) => t.text).join(', ')}` : '',
    operation.access ?? '',
    operation.writes ? transitionWords(operation.writes) : '',
  ].filter(Boolean);
  return `(${present(operation.parameters).map((p) => `${p.name}: ${p.type?.text ?? '?'}`).join(', ')})${operation.returns ? `: ${operation.returns.text}` : ''}${markers.length ? ` ${markers.join(' ')}` : ''}`;
}

/** What a flow step does after its first words: `delegates to Claims [-> SUBMITTED] emits ClaimSubmitted`. */
function flowStepDetail(step: FlowStep): string {
  const names = (references: readonly Reference[], gateway: string | undefined) => references.map((r) => r.text).join(` ${gateway ?? '+'} `);
  if (step.starts === 'event') {
    const target = step.commands.length ? `command ${names(step.commands, step.triggerGateway)}` : `operation ${names(step.operations, step.triggerGateway)}`;
    return `triggers ${target}`;
  }
  return [
    step.actor ? `by "${step.actor.text}"` : '',
    step.delegate ? `delegates to ${step.delegate.text}${step.transition ? ` ${transitionWords(step.transition)}` : ''}` : '',
    step.emits.length ? `emits ${names(step.emits, step.emitGateway)}` : '',
  ].filter(Boolean).join(' ');
}

function flowStepName(step: FlowStep): string {
  if (step.starts === 'event') return `event ${step.events.map((r) => r.text).join(' + ')}`;
  return stepHead(step);
}

/** A relationship's name (`as …`), what it shares and what it exposes. */
function relationshipDetail(relationship: Relationship): string | undefined {
  const parts = [
    relationship.name ? `as ${relationship.name.text}` : '',
    relationship.shared.length ? `shares ${relationship.shared.map((s) => s.text).join(', ')}` : '',
    relationship.exposes?.length ? `exposes ${relationship.exposes.map((e) => e.text).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** What the outline shows beside an element's name. */
function detailOf(element: ModelElement): string | undefined {
  switch (element.kind) {
    case 'subdomain':
      return element.type;
    case 'contextDeclaration':
      return [element.external ? 'external' : '', element.implements.length ? `implements ${element.implements.map((r) => r.text).join(', ')}` : ''].filter(Boolean).join(' ') || undefined;
    case 'term':
      return element.definition.length > 60 ? element.definition.slice(0, 57) + '…' : element.definition;
    case 'aggregate':
      return element.eventSourced ? 'event-sourced' : undefined;
    case 'entity':
    case 'value':
    case 'event':
      return [element.kind === 'entity' && element.root ? 'root' : '', element.abstract ? 'abstract' : '', element.extends ? `extends ${element.extends.text}` : ''].filter(Boolean).join(' ') || undefined;
    case 'enum':
      return element.lifecycle ? 'lifecycle' : undefined;
    case 'command':
      return [element.emits.length ? `emits ${element.emits.map((e) => e.text).join(', ')}` : '', element.writes ? `writes ${transitionWords(element.writes)}` : ''].filter(Boolean).join(' ') || undefined;
    case 'field':
      return element.key ? `key ${element.type?.text ?? ''}`.trim() : element.type?.text;
    case 'repository':
      return element.aggregate ? `for ${element.aggregate.text}` : undefined;
    case 'stream':
      return element.aggregate ? `of ${element.aggregate.text}` : undefined;
    case 'readmodel':
      return element.sources.length ? `from ${element.sources.map((s) => s.text).join(', ')}` : undefined;
    case 'operation':
      return signature(element);
    // ---- Context Mapper parity (issue 13)
    case 'team':
      return element.realizes.length ? `realizes ${element.realizes.map((r) => r.text).join(', ')}` : undefined;
    case 'usecase':
    case 'story':
      return element.actor;
    case 'stakeholders':
      return element.context ? `for ${element.context.text}` : undefined;
    case 'valueRegister':
      return element.context ? `for ${element.context.text}` : undefined;
    default:
      return undefined;
  }
}

/**
 * An element and the declarations it holds (an operation's parameters are in its detail, not below it).
 * A context's members declared in a module or an application layer are shown below it.
 */
function elementNode(element: ModelElement, grouped: readonly ModelElement[] = []): DocumentSymbolNode {
  const children: DocumentSymbolNode[] = [];
  if (element.kind === 'contextDeclaration') {
    const members = new Map<object, ModelElement[]>();
    const own: ModelElement[] = [];
    for (const list of childLists(element)) {
      for (const child of list) {
        if (!child) continue;
        const group = (child as { module?: object; application?: object }).module ?? (child as { application?: object }).application;
        if (group && group !== child) {
          const list = members.get(group);
          if (list) list.push(child);
          else members.set(group, [child]);
        } else own.push(child);
      }
    }
    for (const child of own) children.push(elementNode(child, members.get(child)));
    return node(element.name, 'context', element.range, element.nameRange, children, detailOf(element));
  }
  if (element.kind !== 'operation') {
    for (const list of childLists(element)) for (const child of list) if (child) children.push(elementNode(child));
  }
  for (const child of grouped) children.push(elementNode(child));
  if (element.kind === 'flow') {
    for (const step of present(element.steps)) children.push(node(flowStepName(step), 'flowStep', step.range, (step.commands[0] ?? step.operations[0] ?? step.events[0])?.range ?? step.range, [], flowStepDetail(step)));
  }
  if (element.kind === 'coordination') {
    for (const step of present(element.steps)) children.push(node(step.text, 'operation', step.range, step.range));
  }
  if (element.kind === 'application' && !element.name) return node('application', 'application', element.range, element.nameRange, children, detailOf(element));
  return declarationNode(element, children, detailOf(element));
}

function topLevelNode(declaration: TopLevelDeclaration): DocumentSymbolNode {
  switch (declaration.kind) {
    case 'domain':
    case 'contextDeclaration':
      return elementNode(declaration);
    case 'contextmap':
      return declarationNode(
        declaration,
        present(declaration.relationships).map((relationship) =>
          node(describeRelationshipSafely(relationship), 'relationship', relationship.range, relationship.left?.context?.range ?? relationship.range, [], relationshipDetail(relationship)),
        ),
      );
    case 'saga': {
      const steps = present(declaration.steps).map((step) =>
        node(step.command?.text ?? 'step', 'sagaStep', step.range, step.command?.range ?? step.range, [],
          [step.participant ? `on ${step.participant.text}` : '', step.reply ? `reply ${step.reply.text}` : '', step.compensation ? (step.compensation.none ? 'compensate none' : `compensate ${step.compensation.command?.text ?? ''}`) : '']
            .filter(Boolean)
            .join(' ')),
      );
      const reactions = present(declaration.reactions).map((reaction) =>
        node(`${reaction.participant?.text ?? '?'} on ${reaction.triggers.map((t) => t.text).join(reaction.join === 'and' ? ' and ' : ' or ')}`, 'reaction', reaction.range, reaction.participant?.range ?? reaction.range, [],
          reaction.emits.length ? `emits ${reaction.emits.map((e) => e.text).join(', ')}` : undefined),
      );
      return declarationNode(declaration, [...steps, ...reactions], declaration.style);
    }
    case 'storming':
      return declarationNode(declaration, present(declaration.stickies).map((sticky) => node(sticky.text, 'sticky', sticky.range, sticky.textRange, [], sticky.type)));
    // ---- Context Mapper parity (issue 13)
    case 'team':
    case 'usecase':
    case 'story':
    case 'stakeholders':
    case 'valueRegister':
      return elementNode(declaration);
  }
}

/** The outline of one document: contexts → aggregates → entities/values/…; sagas → steps; maps → relationships; boards → stickies. */
export function documentSymbols(model: DddModel, uri: string): DocumentSymbolNode[] {
  const document = navIndex(model).documents.get(uri);
  if (!document) return [];
  return present(document.declarations).map(topLevelNode);
}

// ---------------------------------------------------------------- workspace symbols

export interface WorkspaceSymbolItem {
  name: string;
  kind: ElementKind;
  /** The qualified name of what contains it (`Sales.Order`), if anything. */
  containerName?: string;
  uri: string;
  range: TextRange;
}

/**
 * How well `query` matches `name` (higher is better), or undefined when it does not:
 * exact, then prefix, then camel-case initials (`PO` → PlaceOrder), then substring,
 * then the query's characters in order.
 */
export function fuzzyScore(query: string, name: string): number | undefined {
  if (!query) return 1;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  if (n === q) return 1000;
  if (n.startsWith(q)) return 900 - (n.length - q.length);
  const initials = name.replace(/[^A-Z0-9]/g, '').toLowerCase() || n.charAt(0);
  if (initials.startsWith(q)) return 800 - (initials.length - q.length);
  const at = n.indexOf(q);
  if (at >= 0) return 600 - at;
  let position = 0;
  let gaps = 0;
  let last = -1;
  for (const char of q) {
    const found = n.indexOf(char, position);
    if (found < 0) return undefined;
    if (last >= 0 && found > last + 1) gaps++;
    last = found;
    position = found + 1;
  }
  return 400 - gaps * 10 - (n.length - q.length);
}

const searchable: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'domain', 'subdomain', 'context', 'contextmap', 'aggregate', 'entity', 'value', 'enum', 'command', 'event',
  'repository', 'service', 'stream', 'readmodel', 'saga', 'storming', 'term', 'operation', 'module', 'flow', 'coordination',
  // issue 13
  'team', 'usecase', 'story', 'stakeholderGroup', 'stakeholder', 'valueRegister', 'valueCluster', 'valueItem',
]);

/** Declarations whose name matches `query` fuzzily, best first. */
export function workspaceSymbols(model: DddModel, query: string, limit = 500): WorkspaceSymbolItem[] {
  const index = navIndex(model);
  const scored: { item: WorkspaceSymbolItem; score: number }[] = [];
  for (const declaration of index.declarations) {
    if (!searchable.has(declaration.kind) || !declaration.name) continue;
    const score = fuzzyScore(query.trim(), declaration.name);
    if (score === undefined) continue;
    const parent = index.parents.get(declaration);
    const item: WorkspaceSymbolItem = { name: declaration.name, kind: declaration.kind, uri: declaration.uri, range: declaration.nameRange };
    if (parent) item.containerName = qualifiedName(parent);
    scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name));
  return scored.slice(0, limit).map((entry) => entry.item);
}
