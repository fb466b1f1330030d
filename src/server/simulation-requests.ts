/**
 * The simulator's requests (`ddd/simulate`, `ddd/explore`, `ddd/bulk`,
 * `ddd/replay`) adapted to the core: the saga is looked up by name, a bad
 * parameter becomes InvalidParams, offsets become LSP positions. The runs
 * themselves are the core's (src/language/simulation/session.ts): a stepped run
 * is computed once per saga and injections and cut after k actions.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { findView, isViewProblem } from '../language/diagrams/views';
import type { DddModel } from '../language/index';
import type { Saga } from '../language/model/elements';
import { sagaSize } from '../language/sagas/saga-size';
import {
  bulkOptions,
  bulkResult,
  bulkSummary,
  DEFAULT_EXPLORE_STEPS,
  findStreams,
  replayOf,
  SimulationSessions,
  startBulk,
  startExploration,
  type SimulationRun,
} from '../language/simulation/index';
import { limits, type BulkParams, type BulkResult, type ExploreParams, type ExploreResult, type ReplayParams, type ReplayResult, type SimulateParams } from '../protocol/index';
import { coverageText } from '../protocol/coverage-words';
import { toRange } from './convert';
import { nextTurn } from './next-turn';
import { thousands } from '../language/util/thousands';

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function sagaNamed(model: DddModel, name: string): Saga {
  // worded as everywhere a saga is named (the preview, ddd export): the known names, bounded
  const found = findView(model, 'saga', name);
  if (isViewProblem(found) || found.view !== 'saga' || !found.sagas[0]) throw invalid(isViewProblem(found) ? found.problem : `There is no saga named ${name}`);
  return found.sagas[0];
}

/** The server's sessions: a panel stepping through a run asks for the same one again and again. */
const sessions = new SimulationSessions({ maxSteps: limits.steps });

/** The run `ddd/simulate` asks for, and its saga (the caller draws the saga's diagram beside it). */
export function simulationRun(model: DddModel, params: SimulateParams, cache: SimulationSessions = sessions): { saga: Saga; run: SimulationRun } {
  const saga = sagaNamed(model, params.saga);
  try {
    return { saga, run: cache.run(saga, params, params.steps) };
  } catch (error) {
    if (error instanceof RangeError) throw invalid(error.message);
    throw error;
  }
}

/**
 * Sagas past this size are not explored in the editor: before its first run, an
 * exploration builds the saga's state machine, whose failure paths grow with the
 * square of its steps (1,000 steps: about a second and 200 MB; 3,000: five
 * seconds and 1.5 GB), and that is one piece of work the budget cannot slice.
 * `ddd simulate --explore` takes them, within its own budget.
 */
export const MAX_EXPLORED_SAGA_SIZE = 1_000;

/** Simulated steps per slice of an exploration (a few milliseconds of work), after which the server answers whatever else is waiting. */
export const EXPLORE_SLICE = 20_000;

/**
 * Every failure and crash point of a saga, within a budget of simulated steps
 * (`budget`, default DEFAULT_EXPLORE_STEPS), a slice at a time: between slices
 * the server answers hovers, completions and edits, and a cancelled request
 * stops at the next slice (RequestCancelled: the panel asked for another
 * meanwhile), not with a summary nobody waits for. Past the budget the answer
 * lists the outcomes seen so far and its `coverage` says how many paths were
 * explored of how many. A request cancelled before it runs explores nothing.
 */
export async function explore(model: DddModel, params: ExploreParams, cancelled: () => boolean = () => false): Promise<ExploreResult> {
  if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'ddd/explore was cancelled before it ran.');
  const saga = sagaNamed(model, params.saga);
  if (sagaSize(saga) > MAX_EXPLORED_SAGA_SIZE) {
    const parts = saga.style === 'choreographed' ? 'reactions' : 'steps';
    throw invalid(
      `${saga.name} has ${thousands(sagaSize(saga))} ${parts}, more than the ${thousands(MAX_EXPLORED_SAGA_SIZE)} explored in the editor ` +
        `(building its failure paths alone grows with the square of the ${parts}). Split it into sagas, one per stage of the business process; ` +
        `\`ddd simulate --saga ${saga.name} --explore\` still explores it, within its budget.`,
    );
  }
  const started = performance.now();
  const options: Parameters<typeof startExploration>[1] = {};
  if (params.maxRetries !== undefined) options.maxRetries = params.maxRetries;
  if (params.depth !== undefined) options.depth = params.depth;
  explorationWork.explored++;
  const exploration = startExploration(saga, options, { steps: params.budget ?? DEFAULT_EXPLORE_STEPS });
  while (!exploration.advance(EXPLORE_SLICE)) {
    explorationWork.slices++;
    await new Promise<void>((resolve) => nextTurn(resolve));
    if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, `ddd/explore of ${saga.name} was cancelled: ${coverageText(exploration.coverage())}.`);
  }
  return { ...exploration.summary(), ms: Math.round(performance.now() - started) };
}

/** How many explorations ran (tests: a cancelled request explores nothing), and how many slices they took (a long one gives way between them). */
export const explorationWork = { explored: 0, slices: 0 };

/** Runs per slice of a bulk request: about 30 ms of work, after which the server answers whatever else is waiting. */
const BULK_SLICE = 100_000;

/**
 * N seeded runs, a slice at a time: between slices the server goes back to its
 * other requests and notifications (a million runs take a few hundred
 * milliseconds), and a cancelled request stops at the next slice.
 */
export async function bulk(model: DddModel, params: BulkParams, cancelled: () => boolean = () => false): Promise<BulkResult> {
  const saga = sagaNamed(model, params.saga);
  if (saga.style === 'choreographed') throw invalid(`${saga.name} is choreographed: bulk runs are for orchestrated sagas (explore it instead).`);
  const started = performance.now();
  const options = bulkOptions(saga, params);
  const counter = startBulk(saga, options);
  while (!counter.advance(BULK_SLICE)) {
    await new Promise<void>((resolve) => nextTurn(resolve));
    if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, `ddd/bulk cancelled after ${counter.figures().runs} of ${counter.runs} runs.`);
  }
  return { ...bulkSummary(bulkResult(counter, options)), ms: Math.round(performance.now() - started) };
}

export function replay(model: DddModel, params: ReplayParams): ReplayResult {
  const streams = findStreams(model, params.stream);
  if (!streams.length) throw invalid(`There is no event stream named ${params.stream}.`);
  const documents = new Map(model.documents.map((document) => [document.uri, document.lineIndex]));
  return {
    replays: streams.map((stream) => {
      const result = replayOf(stream);
      return {
        ...result,
        problems: result.problems.map((found) => {
          const lines = documents.get(found.uri);
          return { ...found, range: lines ? toRange(lines, found.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
        }),
      };
    }),
  };
}
