/**
 * What every feature handler is given: the workspace, the current model, and a
 * document's parsed form and line index by uri.
 */
import type { DddModel, ParsedDocument } from '../language/index';
import type { LineIndex } from '../language/syntax/line-index';
import type { ServerSettings } from './settings';
import type { Workspace } from './workspace';

export interface DocumentView {
  /** The uri the workspace (and the model) use for the document. */
  uri: string;
  parsed: ParsedDocument;
  lines: LineIndex;
}

export interface ServerContext {
  readonly workspace: Workspace;
  readonly settings: ServerSettings;
  /** The current model (changed documents parsed, the workspace re-linked). */
  model(): DddModel;
  document(uri: string): DocumentView | undefined;
  log(message: string): void;
}
