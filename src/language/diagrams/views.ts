/**
 * Which part of the model a view and a name mean, decided once for the CLI's
 * `--view` and `--name`, the Markdown export and the preview (`drawView`): a
 * context map or a context's neighbourhood, bounded contexts, sagas, storming
 * boards, or a problem in words when the name names nothing the view can show.
 */
import type { Diagnostic } from '../diagnostics';
import type { Saga } from '../model/elements';
import type { DddModel } from '../model/model';
import { aggregateDiagram, contextsWithAggregates } from './aggregates';
import { contextMapDiagram } from './context-map';
import type { MermaidDiagram } from './diagram';
import { domainDiagram } from './domains';
import { processDiagram, processesOf, type ProcessDrawing } from './application-flows';
import { sagaDiagrams } from './sagas';
import { boardView, modelStormingView, withDiagnosticHotspots, type StormingView } from './storming';
import { stormingDiagram } from './storming-diagram';
import { isViewName, viewNames, wholeModelBoard, type ViewName } from './view-names';

/** What a view and a name stand for in the model. Without a name: everything the view has. */
export type ViewSubject =
  | { view: 'domains' }
  /** All maps, one map (`map`), or a context and its neighbours (`focus`). */
  | { view: 'context-map'; map?: string; focus?: string }
  /** The contexts to draw: the one named, or every context with aggregates. */
  | { view: 'aggregates'; contexts: string[] }
  | { view: 'saga'; sagas: Saga[] }
  /** Flows, coordinations and aggregate lifecycles: the ones named, or all of them. */
  | { view: 'flows'; drawings: ProcessDrawing[] }
  /** The boards, with findings as hotspots when given. */
  | { view: 'storming'; boards: StormingView[] };

/** A view or name that names nothing the view can show. */
export interface ViewProblem {
  problem: string;
}

const shown = 6;

/** ` (the sagas are A, B and 3 more)`: what the model has instead, so the message says what to type. */
function known(what: string, names: readonly string[]): string {
  if (!names.length) return ` (the model has no ${what})`;
  const listed = names.slice(0, shown).join(', ');
  return ` (the ${what} are ${listed}${names.length > shown ? ` and ${names.length - shown} more` : ''})`;
}

/** The message for a view name that is none of `viewNames`. */
export function unknownViewProblem(text: string): string {
  return `There is no view named ${text}${known('views', viewNames)}`;
}

/**
 * What `view` and `name` mean: context-map: a context map, or a bounded
 * context (then the context and its neighbours); aggregates: a bounded context;
 * saga: a saga; flows: a flow, a coordination or an aggregate (its lifecycle);
 * storming: a board (or `model`, the whole model as one board);
 * domains takes no name. Without a name: everything the view has.
 */
export function findView(model: DddModel, view: string, name?: string, diagnostics?: readonly Diagnostic[]): ViewSubject | ViewProblem {
  if (!isViewName(view)) return { problem: unknownViewProblem(view) };
  switch (view) {
    case 'domains':
      return { view };
    case 'context-map': {
      if (name === undefined) return { view };
      if (model.contextMaps.some((map) => map.name === name)) return { view, map: name };
      if (model.contexts.has(name)) return { view, focus: name };
      const names = [...model.contextMaps.map((map) => map.name), ...model.contexts.keys()];
      return { problem: `There is no context map or bounded context named ${name}${known('maps and contexts', names)}` };
    }
    case 'aggregates':
      if (name === undefined) return { view, contexts: contextsWithAggregates(model) };
      if (!model.contexts.has(name)) return { problem: `There is no bounded context named ${name}${known('contexts', [...model.contexts.keys()])}` };
      return { view, contexts: [name] };
    case 'saga': {
      if (name === undefined) return { view, sagas: model.sagas };
      const sagas = model.sagas.filter((saga) => saga.name === name);
      if (!sagas.length) return { problem: `There is no saga named ${name}${known('sagas', model.sagas.map((saga) => saga.name))}` };
      return { view, sagas };
    }
    case 'flows': {
      const drawings = processesOf(model);
      if (name === undefined) return { view, drawings };
      const named = drawings.filter((drawing) => drawing.name === name);
      if (!named.length) return { problem: `There is no flow, coordination or aggregate with a lifecycle named ${name}${known('flows, coordinations and lifecycles', drawings.map((drawing) => drawing.name))}` };
      return { view, drawings: named };
    }
    case 'storming': {
      const boards = stormingViews(model, name, diagnostics);
      if (boards === undefined) return { problem: `There is no storming board named ${name}${known('boards', [...model.boards.map((board) => board.name), wholeModelBoard])}` };
      return { view, boards };
    }
  }
}

export function isViewProblem(found: ViewSubject | ViewProblem): found is ViewProblem {
  return 'problem' in found;
}

/** The problem of a view asked for without a name when the model has nothing of it to draw (the preview shows one drawing). */
export function nothingToDraw(subject: ViewSubject): string | undefined {
  if (subject.view === 'aggregates' && !subject.contexts.length) return 'The model declares no aggregates yet';
  if (subject.view === 'saga' && !subject.sagas.length) return 'The model declares no sagas yet';
  if (subject.view === 'flows' && !subject.drawings.length) return 'The model declares no flows, coordinations or lifecycle enums yet';
  return undefined;
}

/** The mermaid diagrams of what a view means: every drawing of it (a saga gives one per variant). */
export function subjectDiagrams(model: DddModel, subject: ViewSubject): MermaidDiagram[] {
  switch (subject.view) {
    case 'domains':
      return [domainDiagram(model)];
    case 'context-map':
      return [contextMapDiagram(model, subject.map !== undefined ? { map: subject.map } : subject.focus !== undefined ? { focus: subject.focus } : {})];
    case 'aggregates':
      return subject.contexts.map((context) => aggregateDiagram(model, context));
    case 'saga':
      return subject.sagas.flatMap(sagaDiagrams);
    case 'flows':
      return subject.drawings.map((drawing) => processDiagram(model, drawing));
    case 'storming':
      return subject.boards.map(stormingDiagram);
  }
}

export interface ViewDiagrams {
  diagrams: MermaidDiagram[];
  /** Set when the view or `name` names nothing the view can show. */
  problem?: string;
}

/** The diagrams of a view, as `ddd export` writes them (see findView for what `name` means). */
export function viewDiagrams(model: DddModel, view: ViewName, name?: string, diagnostics?: readonly Diagnostic[]): ViewDiagrams {
  const found = findView(model, view, name, diagnostics);
  if (isViewProblem(found)) return { diagrams: [], problem: found.problem };
  return { diagrams: subjectDiagrams(model, found) };
}

/** The storming views a name selects (see findView), with findings as hotspots when given; undefined for an unknown name. */
export function stormingViews(model: DddModel, name?: string, diagnostics?: readonly Diagnostic[]): StormingView[] | undefined {
  let views: StormingView[];
  if (name === undefined) views = model.boards.length ? model.boards.map((board) => boardView(model, board)) : [modelStormingView(model)];
  else {
    const board = model.boards.find((candidate) => candidate.name === name);
    if (board) views = [boardView(model, board)];
    else if (name === wholeModelBoard) views = [modelStormingView(model)];
    else return undefined;
  }
  return diagnostics ? views.map((view) => withDiagnosticHotspots(view, diagnostics)) : views;
}
