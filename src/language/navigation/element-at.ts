/**
 * What is under the cursor, where it is defined, and which bounded context a
 * position belongs to.
 */
import type { Declaration, SagaReaction, SagaStep, TopLevelDeclaration } from '../model/elements';
import type { DddModel } from '../model/model';
import { navIndex, occurrenceAt } from './nav-index';
import type { ElementAt, NavLocation, NavSymbol } from './types';

/** The name under the cursor: a declaration's name, a reference, a saga state, a role, a sticky. */
export function elementAt(model: DddModel, uri: string, offset: number): ElementAt | undefined {
  return occurrenceAt(navIndex(model), uri, offset);
}

/** Where a symbol is declared: every block of an open context (the primary one first), else its name. */
export function declarationLocations(symbol: NavSymbol): NavLocation[] {
  if (symbol.kind === 'context') return symbol.declarations.map((block) => ({ uri: block.uri, range: block.nameRange }));
  return [{ uri: symbol.uri, range: symbol.nameRange }];
}

/** Go to definition: where the name under the cursor is declared (several places for an ambiguous name or an open context). */
export function definitionOf(model: DddModel, uri: string, offset: number): NavLocation[] {
  const element = elementAt(model, uri, offset);
  if (!element) return [];
  if (element.symbol) return declarationLocations(element.symbol);
  if (element.candidates) return element.candidates.flatMap((candidate) => declarationLocations(candidate));
  if (element.what === 'reference' && element.sticky && element.sticky.textRange.start !== element.range.start) {
    // `by Customer` → the actor sticky
    return [{ uri: element.sticky.uri, range: element.sticky.textRange }];
  }
  return [];
}

function contains(range: { start: number; end: number }, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** The top-level declaration of a document that contains `offset`. */
export function topLevelAt(model: DddModel, uri: string, offset: number): TopLevelDeclaration | undefined {
  const document = navIndex(model).documents.get(uri);
  if (!document) return undefined;
  let best: TopLevelDeclaration | undefined;
  for (const declaration of document.declarations) {
    if (declaration.range.start > offset) break;
    if (contains(declaration.range, offset)) best = declaration;
  }
  return best;
}

/** The saga step or choreography reaction that contains `offset`. */
export function sagaPartAt(model: DddModel, uri: string, offset: number): SagaStep | SagaReaction | undefined {
  const top = topLevelAt(model, uri, offset);
  if (top?.kind !== 'saga') return undefined;
  return [...top.steps, ...top.reactions].find((part) => contains(part.range, offset));
}

/**
 * The bounded context a position belongs to: the context block it is written in,
 * the participant of the saga step or reaction, or a saga's orchestrator. Undefined
 * on context maps, storming boards and domains.
 */
export function contextAt(model: DddModel, uri: string, offset: number): string | undefined {
  const top = topLevelAt(model, uri, offset);
  if (!top) return undefined;
  if (top.kind === 'contextDeclaration') return top.name || undefined;
  if (top.kind === 'saga') {
    const part = [...top.steps, ...top.reactions].find((candidate) => contains(candidate.range, offset));
    const participant = part?.participant?.text ?? top.orchestrator?.text;
    return participant ? participant.split('.')[0] : undefined;
  }
  return undefined;
}

/** The context a declaration belongs to, if any. */
export function homeContext(declaration: NavSymbol): string | undefined {
  if (declaration.kind === 'context') return declaration.name;
  if ('contextName' in declaration && typeof declaration.contextName === 'string') return declaration.contextName || undefined;
  return undefined;
}

export function isDeclaration(symbol: NavSymbol | undefined): symbol is Declaration {
  return !!symbol && symbol.kind !== 'sagaState';
}
