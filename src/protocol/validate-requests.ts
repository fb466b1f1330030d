/**
 * The server checks the parameters of its custom requests as the extension
 * checks the webview's messages: some come from what a user did in a webview.
 */
import { array, attempt, boolean, either, integer, Invalid, object, oneOf, optional, string, type Check } from './check';
import { maxCmlImportLength, type CmlImportParams } from './cml-import';
import { contextImpactKinds, MAX_MAP_CHANGES, type DiagramParams, type MapChanges, type MarkdownParams, type ViewsParams } from './diagrams';
import { exportFormatIdPattern, type ExportFormatsParams, type ExportModelParams } from './model-export';
import { limits, type DddRequestMethod, type DddRequestParams } from './requests';
import { crashes, diagramOptions, faults, injections, name, position, probability, sagaVariant, seed, viewKind } from './schemas';
import type { BulkParams, ExploreParams, ReplayParams, SimulateParams } from './simulation';

const exportFormatId: Check<string> = (value, path) => {
  const id = string({ max: 40 })(value, path);
  if (!exportFormatIdPattern.test(id)) throw new Invalid(path, 'a format id: lower-case letters, digits and -');
  return id;
};

/** A revision's name (`main`, `origin/feature/x`, `HEAD~1`) or a folder: shown, never run. */
const mapChanges: Check<MapChanges> = object({
  base: string({ max: 1024, min: 1 }),
  contexts: array(object({ name, impact: oneOf(contextImpactKinds) }), MAX_MAP_CHANGES),
});

const rates = either(probability, array(probability, limits.list));

const checks: { [M in DddRequestMethod]: Check<DddRequestParams<M>> } = {
  'ddd/views': ((value, path) => {
    const params = object({ uri: optional(string({ max: 2048 })), position: optional(position) })(value, path);
    if (params.position && params.uri === undefined) throw new Invalid(`${path}.position`, 'a position needs the uri of its document');
    return params;
  }) as Check<ViewsParams>,
  'ddd/diagram': object({ view: viewKind, name: optional(name), variant: optional(sagaVariant), options: optional(diagramOptions), changes: optional(mapChanges) }) as Check<DiagramParams>,
  'ddd/markdown': object({ views: optional(array(viewKind, 10)), name: optional(name), title: optional(string({ max: 200 })) }) as Check<MarkdownParams>,
  'ddd/simulate': object({
    saga: name,
    faults: optional(faults),
    crashes: optional(crashes),
    maxRetries: optional(integer(0, limits.maxRetries)),
    choreography: optional(injections),
    steps: optional(integer(0, limits.steps)),
  }) as Check<SimulateParams>,
  'ddd/explore': object({
    saga: name,
    maxRetries: optional(integer(0, limits.maxRetries)),
    depth: optional(integer(1, limits.depth)),
    budget: optional(integer(1, limits.exploreSteps)),
  }) as Check<ExploreParams>,
  'ddd/bulk': object({
    saga: name,
    runs: integer(1, limits.runs),
    seed: optional(seed),
    failureRates: optional(rates),
    compensationFailureRates: optional(rates),
    maxRetries: optional(integer(0, limits.maxRetries)),
  }) as Check<BulkParams>,
  'ddd/replay': object({ stream: name }) as Check<ReplayParams>,
  'ddd/exportFormats': object({}) as Check<ExportFormatsParams>,
  'ddd/exportModel': object({ format: exportFormatId, name: optional(name), json: optional(boolean()) }) as Check<ExportModelParams>,
  'ddd/importCml': object({ text: string({ max: maxCmlImportLength, raw: true }), fileName: string({ max: 1024 }) }) as Check<CmlImportParams>,
};

/** The parameters, checked; `params` may be absent for requests whose parameters are all optional. */
export function checkRequestParams<M extends DddRequestMethod>(method: M, params: unknown): { ok: true; value: DddRequestParams<M> } | { ok: false; reason: string } {
  return attempt(checks[method] as Check<DddRequestParams<M>>, params ?? {}, 'params');
}
