/**
 * Messages between the extension and its webview panels (the preview and the
 * simulator), both directions. The webview only draws what it is sent and
 * reports what the user did; every message from it is checked by
 * `parseWebviewMessage` before the extension acts on it.
 */
import type { DiagramOptions, DiagramResult, SagaEntry, SagaVariant, StreamEntry, ThemeKind, ViewEntry, ViewKind } from './diagrams';
import type { SourceRange } from './source';
import type { ActionTarget, BulkResult, ChoreographyInjections, CrashPoint, ExploreResult, Fault, ReplayResult, SimulateResult } from './simulation';

export const webviewModes = ['preview', 'simulator'] as const;
export type WebviewMode = (typeof webviewModes)[number];

// ---------------------------------------------------------------- extension → webview

/** Draw a view (the toolbar's list of views comes along, so one message is a whole screen). */
export interface RenderMessage {
  type: 'render';
  views: ViewEntry[];
  /** The key of the view drawn (`diagram.key`). A new render of the same key keeps the zoom and scroll. */
  selected: string;
  diagram: DiagramResult;
}

/** Something is being computed (shown in the status line). */
export interface BusyMessage {
  type: 'busy';
  text: string;
}

/** A request failed: shown to the user, the last drawing stays. */
export interface ErrorMessage {
  type: 'error';
  message: string;
}

/** The simulator's choices: sagas and event streams. */
export interface TargetsMessage {
  type: 'targets';
  sagas: SagaEntry[];
  streams: StreamEntry[];
  selected?: SimulatorTarget;
}

export interface SimulationMessage {
  type: 'simulation';
  result: SimulateResult;
}

export interface ExplorationMessage {
  type: 'exploration';
  result: ExploreResult;
}

export interface BulkMessage {
  type: 'bulk';
  result: BulkResult;
}

export interface ReplayMessage {
  type: 'replay';
  result: ReplayResult;
}

/** The model exports the preview's Export menu offers (from the server's `ddd/exportFormats`). */
export interface ExportFormatsMessage {
  type: 'exportFormats';
  formats: { id: string; label: string; description: string }[];
}

export type ExtensionMessage =
  | ExportFormatsMessage
  | RenderMessage
  | BusyMessage
  | ErrorMessage
  | TargetsMessage
  | SimulationMessage
  | ExplorationMessage
  | BulkMessage
  | ReplayMessage;

// ---------------------------------------------------------------- webview → extension

/** The webview has started (or was restored): what it shows and in which theme. */
export interface ReadyMessage {
  type: 'ready';
  mode: WebviewMode;
  theme: ThemeKind;
  /** The view it showed before it was hidden or reloaded (from its saved state). */
  view?: SelectViewMessage;
  /** The simulator's target before it was reloaded. */
  target?: SimulatorTarget;
  /** The preview was pinned (from its saved state): it does not follow the cursor. */
  pinned?: boolean;
}

/** VS Code's theme changed (the webview sees it on its body class). */
export interface ThemeMessage {
  type: 'theme';
  theme: ThemeKind;
}

/** The user chose a view, or a filtered view of a diagram too large to read. */
export interface SelectViewMessage {
  type: 'selectView';
  view: ViewKind;
  name?: string;
  variant?: SagaVariant;
  options?: DiagramOptions;
}

/** A node was clicked: open its declaration. The extension opens only `.ddd` documents of the workspace. */
export interface RevealSourceMessage {
  type: 'revealSource';
  uri: string;
  range: SourceRange;
}

/** The preview's pin: pinned, it keeps its view while the cursor moves; unpinned, it follows the cursor again. */
export interface PinMessage {
  type: 'pin';
  pinned: boolean;
}

export const exportFormats = ['svg', 'png', 'markdown'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * Save the drawing: `svg` with the SVG document as content, `png` with a
 * `data:image/png;base64,…` URL; `markdown` has no content (the extension asks
 * the server for `ddd/markdown` of the current view).
 */
export interface ExportMessage {
  type: 'export';
  format: ExportFormat;
  content?: string;
  /** A file name to suggest (letters, digits, `-`, `_`, `.`, spaces), without folders. */
  fileName?: string;
}

/** Export the whole model in one of the formats of `exportFormats` (the extension asks for a folder, then writes). */
export interface ExportModelMessage {
  type: 'exportModel';
  format: string;
}

export interface SimulatorTarget {
  kind: 'saga' | 'stream';
  name: string;
}

/** What the simulator's controls ask for (see simulator-session.ts for what each does). */
export type SimulatorAction =
  | { action: 'select'; target: SimulatorTarget }
  | { action: 'step' }
  | { action: 'back' }
  | { action: 'run' }
  | { action: 'stepTo'; step: number }
  /** Back to the start; `clear` also drops the injected faults and crashes. */
  | { action: 'reset'; clear?: boolean }
  /** Toggle a fault on a step (or its compensation). */
  | { action: 'failStep'; target: ActionTarget; step: number; attempts?: number | 'always' }
  /** Toggle a crash of the orchestrator at a step (or its compensation, the start, the end). */
  | { action: 'crashAfter'; target: CrashPoint['target']; step?: number; when: CrashPoint['when'] }
  /** The next command sent fails. */
  | { action: 'failNext' }
  /** The orchestrator dies now, after its last journal entry. */
  | { action: 'crashHere' }
  /** Replay a scenario (what an explored or bulk outcome injected) to its end. */
  | { action: 'scenario'; faults: Fault[]; crashes: CrashPoint[]; injections?: ChoreographyInjections }
  /** Choreographed sagas: toggle a failing reaction, a duplicated or a delayed event, a seeded reordering. */
  | { action: 'failReaction'; reaction: number }
  | { action: 'duplicate'; event: string }
  | { action: 'delay'; event: string }
  | { action: 'reorder'; enabled: boolean; seed?: number }
  | { action: 'explore' }
  | { action: 'bulk'; runs: number; seed: number; failureRate: number };

export interface SimulateMessage {
  type: 'simulate';
  request: SimulatorAction;
}

export type WebviewMessage = ReadyMessage | ThemeMessage | SelectViewMessage | PinMessage | RevealSourceMessage | ExportMessage | ExportModelMessage | SimulateMessage;
