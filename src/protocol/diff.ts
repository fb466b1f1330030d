/**
 * The diff's shared contract: `ddd diff --format json` (the CLI prints it, the
 * editor's "DDD: Compare with…" reads it from its worker), the messages between
 * the extension and the diff panel, their check, and the panel's page.
 *
 * The panel posts only indexes into the diff it was sent (`open` change 3, its
 * new side), so nothing the page says becomes a path: the extension looks the
 * location up in its own copy.
 */
import type { AffectedParty, ChangeClass, ContextImpact, ModelChange } from '../language/diff/types';
export type { ChangeClass, ContextImpact };

import { array, attempt, integer, literal, object, oneOf, string, tagged, type Check } from './check';
import { pageHtml } from './html';

// ---------------------------------------------------------------- ddd diff --format json

/** A location as `ddd diff` shows it: lines and columns from 1. */
export interface CliLocation {
  /** `models/sales.ddd`, or `main:models/sales.ddd` for a revision's file. */
  display: string;
  /** For a file on disk: its path, relative to the working folder. */
  file?: string;
  /** For a revision's file: the revision and the path from the repository's top folder. */
  revision?: string;
  repositoryPath?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CliParty extends Omit<AffectedParty, 'location'> {
  location: CliLocation;
}

export interface CliChange extends Omit<ModelChange, 'old' | 'new' | 'holder' | 'affected'> {
  old?: CliLocation;
  new?: CliLocation;
  /** For a removed element: the declaration that held it, in the new version. */
  holder?: CliLocation;
  affected: CliParty[];
}

export interface CliDiff {
  version: 1;
  command: 'diff';
  /** The versions compared: `main`, `the working tree`, a folder. */
  old: string;
  new: string;
  counts: Record<ChangeClass, number>;
  /** Changes past the limit, counted but not listed. */
  omitted: number;
  changes: CliChange[];
  /** The bounded contexts the changes listed touch, worst first: what the context map colours. */
  contexts: ContextImpact[];
}

// ---------------------------------------------------------------- the editor's unsaved files

/**
 * The `.ddd` documents the editor has unsaved changes in, sent to the diff worker on
 * its standard input (`diff-worker.js <base> --unsaved`): the working tree is
 * compared as the editor shows it. `path` is the file's absolute path on disk.
 */
export interface UnsavedFiles {
  files: { path: string; text: string }[];
}

/** The most unsaved documents sent, and the most characters of each (the worker then applies the model's own size limit). */
export const MAX_UNSAVED_FILES = 1_000;
export const MAX_UNSAVED_TEXT = 16 * 1024 * 1024;

const unsavedFiles: Check<UnsavedFiles> = object({
  files: array(object({ path: string({ max: 4096, min: 1 }), text: string({ max: MAX_UNSAVED_TEXT, raw: true }) }), MAX_UNSAVED_FILES),
});

/** What the worker read on its standard input, checked, or the reason it was refused. */
export function checkUnsavedFiles(value: unknown): { ok: true; value: UnsavedFiles } | { ok: false; reason: string } {
  return attempt(unsavedFiles, value, 'unsaved');
}

// ---------------------------------------------------------------- the panel's messages

/** Extension → panel: the diff to show (or the work under way, or what went wrong). */
export type DiffPanelMessage = { type: 'diff'; diff: CliDiff; base: string } | { type: 'busy'; text: string } | { type: 'error'; message: string };

/** Panel → extension: the page is ready; open a change's side, or one of its affected parties; compare again. */
export type DiffWebviewMessage =
  | { type: 'ready' }
  | { type: 'open'; change: number; side: 'old' | 'new' }
  | { type: 'openParty'; change: number; party: number }
  | { type: 'refresh' };

/** More changes than a diff lists (its own limit is lower): an index past it is refused. */
const MAX_INDEX = 100_000;

const diffWebviewMessage: Check<DiffWebviewMessage> = tagged<DiffWebviewMessage>('type', {
  ready: object({ type: literal('ready') }),
  open: object({ type: literal('open'), change: integer(0, MAX_INDEX), side: oneOf(['old', 'new'] as const) }),
  openParty: object({ type: literal('openParty'), change: integer(0, MAX_INDEX), party: integer(0, MAX_INDEX) }),
  refresh: object({ type: literal('refresh') }),
});

/** A message from the panel, checked (exact shape, bounded numbers), or the reason it was refused. */
export function checkDiffWebviewMessage(value: unknown): { ok: true; message: DiffWebviewMessage } | { ok: false; reason: string } {
  const result = attempt(diffWebviewMessage, value);
  return result.ok ? { ok: true, message: result.value } : result;
}

// ---------------------------------------------------------------- the page

export interface DiffPanelHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/**
 * The diff panel's page: scripts only its bundle by nonce, styles only the extension's stylesheet
 * (and inline styles of the elements library's components), no network, no frames, no forms.
 */
export function diffPanelHtml(options: DiffPanelHtmlOptions): string {
  return pageHtml({
    ...options,
    page: 'diffPanelHtml',
    images: 'data:',
    title: 'DDD Model Changes',
    bodyMode: 'diff',
    app: '<div id="app" class="ddd-diff" aria-live="polite"><p class="ddd-diff-note">Comparing…</p></div>',
  });
}
