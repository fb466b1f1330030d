/**
 * The views a model has, as the preview's toolbar lists them: each a ViewRef
 * that `drawView` draws, a label, and where the thing drawn is declared.
 */
import type { BoundedContext, TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import { contextsWithAggregates } from './aggregates';
import { processDeclaration, processesOf } from './application-flows';
import type { ViewRef } from './draw-view';
import { viewNames, wholeModelBoard, type SagaVariant, type ViewName } from './view-names';

export interface ListedView extends ViewRef {
  /** `OrderSaga: state machine`, `Aggregates of Sales`. */
  label: string;
  /** The declaration of what is drawn, with offsets (none for a view of the whole model). */
  declared?: { uri: string; range: TextRange };
}

const variantLabels: Record<SagaVariant, string> = { states: 'state machine', sequence: 'sequence', flow: 'event flow' };

/** The kinds of view to open first for a document, in order (see preferredView). */
const preferredViewOrder: readonly ViewName[] = ['saga', 'storming', ...viewNames.filter((view) => view !== 'saga' && view !== 'storming')];

function declaration(element: { uri?: string; nameRange?: TextRange; range?: TextRange } | undefined): ListedView['declared'] {
  const range = element?.nameRange ?? element?.range;
  return element?.uri && range ? { uri: element.uri, range } : undefined;
}

/** Every view of the model, in the toolbar's order: context maps, aggregates, sagas (one entry per drawing), boards, domains. */
export function listViews(model: DddModel): ListedView[] {
  const list: ListedView[] = [];
  const add = (ref: ViewRef, label: string, element?: Parameters<typeof declaration>[0]) => {
    const declared = declaration(element);
    list.push(declared ? { ...ref, label, declared } : { ...ref, label });
  };
  if (model.contextMaps.length || model.contexts.size) {
    add({ view: 'context-map' }, model.contextMaps.length > 1 ? 'Context map (all maps)' : 'Context map', model.contextMaps[0]);
    if (model.contextMaps.length > 1) for (const map of model.contextMaps) add({ view: 'context-map', name: map.name }, `Context map ${map.name}`, map);
  }
  for (const name of contextsWithAggregates(model)) add({ view: 'aggregates', name }, `Aggregates of ${name}`, model.contexts.get(name));
  for (const saga of model.sagas) {
    const variants: SagaVariant[] = saga.style === 'choreographed' ? ['flow'] : ['states', 'sequence'];
    for (const variant of variants) add({ view: 'saga', name: saga.name, variant }, `${saga.name}: ${variantLabels[variant]}`, saga);
  }
  const processLabels = { flow: 'flow', sequence: 'coordination', states: 'lifecycle' };
  for (const drawing of processesOf(model)) add({ view: 'flows', name: drawing.name, variant: drawing.variant }, `${drawing.name}: ${processLabels[drawing.variant]}`, processDeclaration(drawing));
  for (const board of model.boards) add({ view: 'storming', name: board.name }, board.name, board);
  if (model.contexts.size) add({ view: 'storming', name: wholeModelBoard }, 'Whole model (from the declarations)');
  if (model.domains.length || model.subdomains.length) add({ view: 'domains' }, 'Domains and subdomains', model.domains[0]);
  return list;
}

/** The view to open first for the document `uri`: the first of a kind in preferredViewOrder that it declares; else the first view. */
export function preferredView(views: readonly ListedView[], uri?: string): ListedView | undefined {
  if (uri !== undefined) {
    for (const view of preferredViewOrder) {
      const found = views.find((entry) => entry.view === view && entry.declared?.uri === uri);
      if (found) return found;
    }
  }
  return views[0];
}

const holds = (element: { uri: string; range: TextRange }, uri: string, offset: number): boolean =>
  element.uri === uri && element.range.start <= offset && offset <= element.range.end;

/** The view of one context map: its own entry when the toolbar lists maps one by one, else the whole map. */
function mapView(views: readonly ListedView[], name: string | undefined): ListedView | undefined {
  return views.find((entry) => entry.view === 'context-map' && name !== undefined && entry.name === name) ?? views.find((entry) => entry.view === 'context-map' && entry.name === undefined);
}

/** The context map that holds a context (a relationship names it), or the whole map. */
function mapOfContext(model: DddModel, views: readonly ListedView[], context: BoundedContext): ListedView | undefined {
  const named = (side: { context?: { text: string; target?: unknown } }) => side.context?.target === context || side.context?.text === context.name;
  const map = model.contextMaps.find((candidate) => candidate.relationships.some((relationship) => named(relationship.left) || named(relationship.right)));
  return mapView(views, map?.name);
}

/**
 * The view of what the cursor (`offset` in the document `uri`) is in, for a
 * preview that follows the cursor: a saga's first drawing, a storming board,
 * the context map being written (its own entry when there are several), the
 * aggregates of the context when the cursor is in one of its aggregates, the
 * context map that holds the context elsewhere in a context (its aggregates
 * when no map names it), the domains view in a domain. Undefined when the
 * cursor is in none of these (between declarations): the preview stays.
 */
export function viewAt(model: DddModel, views: readonly ListedView[], uri: string, offset: number): ListedView | undefined {
  const saga = model.sagas.find((candidate) => holds(candidate, uri, offset));
  if (saga) return views.find((entry) => entry.view === 'saga' && entry.name === saga.name);
  const board = model.boards.find((candidate) => holds(candidate, uri, offset));
  if (board) return views.find((entry) => entry.view === 'storming' && entry.name === board.name);
  const map = model.contextMaps.find((candidate) => holds(candidate, uri, offset));
  if (map) return mapView(views, model.contextMaps.length > 1 ? map.name : undefined);
  for (const context of model.contexts.values()) {
    const declaration = context.declarations.find((candidate) => holds(candidate, uri, offset));
    if (!declaration) continue;
    for (const application of declaration.applications) {
      const process = [...application.flows, ...application.coordinations].find((candidate) => holds(candidate, uri, offset));
      if (process) return views.find((entry) => entry.view === 'flows' && entry.name === process.name && entry.variant === (process.kind === 'flow' ? 'flow' : 'sequence'));
    }
    const aggregates = views.find((entry) => entry.view === 'aggregates' && entry.name === context.name);
    if (aggregates && declaration.aggregates.some((aggregate) => holds(aggregate, uri, offset))) return aggregates;
    return mapOfContext(model, views, context) ?? aggregates;
  }
  const domain = model.domains.some((candidate) => holds(candidate, uri, offset)) || model.subdomains.some((candidate) => holds(candidate, uri, offset));
  return domain ? views.find((entry) => entry.view === 'domains') : undefined;
}
