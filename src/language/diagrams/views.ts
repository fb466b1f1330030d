/**
 * Every view by name, as the CLI's `--view` and `--name` and the Markdown export
 * choose them: which diagrams a view of the model gives.
 */
import type { Diagnostic } from '../diagnostics';
import type { DddModel } from '../model/model';
import { aggregateDiagram, contextsWithAggregates } from './aggregates';
import { contextMapDiagram } from './context-map';
import type { MermaidDiagram } from './diagram';
import { domainDiagram } from './domains';
import { sagaDiagrams } from './sagas';
import { boardView, modelStormingView, withDiagnosticHotspots, type StormingView } from './storming';
import { stormingDiagram } from './storming-diagram';

export const viewNames = ['context-map', 'aggregates', 'saga', 'storming', 'domains'] as const;
export type ViewName = (typeof viewNames)[number];

/** The name that asks the storming view for the board synthesised from the whole model. */
export const wholeModelBoard = 'model';

export interface ViewDiagrams {
  diagrams: MermaidDiagram[];
  /** Set when `name` names nothing the view can show. */
  problem?: string;
}

/**
 * The diagrams of a view. `name` narrows it: context-map: a context map, or a
 * bounded context (then the context and its neighbours); aggregates: a bounded
 * context; saga: a saga; storming: a board (or `model`, the whole model as one
 * board). Without a name: everything the view has.
 */
export function viewDiagrams(model: DddModel, view: ViewName, name?: string, diagnostics?: readonly Diagnostic[]): ViewDiagrams {
  switch (view) {
    case 'domains':
      return { diagrams: [domainDiagram(model)] };
    case 'context-map': {
      if (name === undefined) return { diagrams: [contextMapDiagram(model)] };
      if (model.contextMaps.some((map) => map.name === name)) return { diagrams: [contextMapDiagram(model, { map: name })] };
      if (model.contexts.has(name)) return { diagrams: [contextMapDiagram(model, { focus: name })] };
      return { diagrams: [], problem: `there is no context map or bounded context named ${name}` };
    }
    case 'aggregates': {
      if (name === undefined) return { diagrams: contextsWithAggregates(model).map((context) => aggregateDiagram(model, context)) };
      if (!model.contexts.has(name)) return { diagrams: [], problem: `there is no bounded context named ${name}` };
      return { diagrams: [aggregateDiagram(model, name)] };
    }
    case 'saga': {
      const sagas = name === undefined ? model.sagas : model.sagas.filter((saga) => saga.name === name);
      if (name !== undefined && sagas.length === 0) return { diagrams: [], problem: `there is no saga named ${name}` };
      return { diagrams: sagas.flatMap(sagaDiagrams) };
    }
    case 'storming': {
      const views = stormingViews(model, name, diagnostics);
      if (views === undefined) return { diagrams: [], problem: `there is no storming board named ${name}` };
      return { diagrams: views.map(stormingDiagram) };
    }
  }
}

/** The storming views a name selects (see viewDiagrams), with findings as hotspots when given; undefined for an unknown name. */
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
