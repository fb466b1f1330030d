/**
 * What a ```ddd fence shows: the view its info string names, of the model in
 * the fence or of the workspace's model, drawn by the one view dispatcher
 * (`drawView`, the preview's and the CLI's decision of what a view and a name
 * mean); or a problem in words. Plain data: fence-html.ts writes it as HTML.
 */
import { drawView } from '../language/diagrams/draw-view';
import type { DddModel } from '../language/model/model';
import { parseDocument } from '../language/syntax/parse-document';
import { buildModel } from '../language/model/model';
import { MAX_FILE_SIZE, describeSize } from '../language/util/source-text';
import { parseFenceInfo, type FenceRequest } from './fence-info';

/** The model of the workspace's .ddd files, or why there is none (yet). */
export type WorkspaceModel = { model: DddModel } | { problem: string };

/** Where a fence that says `from workspace` gets its model. */
export interface WorkspaceModelSource {
  current(): WorkspaceModel;
}

/** A syntax error of the model in a fence, with its line counted from the fence's first line of text (0-based). */
export interface FenceError {
  line: number;
  message: string;
}

export type FenceDrawing =
  /** Mermaid text, drawn in the preview by the preview script. */
  | { kind: 'mermaid'; title: string; mermaid: string; warnings: string[]; errors: FenceError[]; source?: string }
  /** A context map too large for mermaid, laid out and drawn as SVG by the core. */
  | { kind: 'svg'; title: string; svg: string; warnings: string[]; errors: FenceError[]; source?: string }
  | { kind: 'problem'; message: string; errors: FenceError[]; source?: string };

/** The syntax errors listed under a fence: the first few, then a count. */
export const MAX_FENCE_ERRORS = 5;

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The model written in a fence, and its syntax errors (the modeling rules are the editor's business, not a document's). */
function fenceModel(content: string): { model: DddModel; errors: FenceError[] } {
  const document = parseDocument('markdown-fence:///block.ddd', content);
  const errors = document.diagnostics.filter((finding) => finding.severity === 'error').map((finding) => ({ line: lineOf(content, finding.range.start), message: finding.message }));
  return { model: buildModel([document]), errors };
}

function nothingDeclared(model: DddModel): boolean {
  return model.contexts.size === 0 && model.contextMaps.length === 0 && model.sagas.length === 0 && model.boards.length === 0 && model.domains.length === 0;
}

function draw(model: DddModel, request: FenceRequest, errors: FenceError[], source: string | undefined): FenceDrawing {
  const withSource = source !== undefined ? { source } : {};
  if (request.view === 'context-map' && request.name === undefined && model.contexts.size === 0 && model.contextMaps.length === 0) {
    return { kind: 'problem', message: nothingDeclared(model) ? 'This model declares nothing yet: write a bounded context (`context Sales { }`) to draw it.' : 'This model has no bounded contexts to draw on a context map: name the view to draw, e.g. ```ddd saga.', errors, ...withSource };
  }
  const drawn = drawView(model, { view: request.view, ...(request.name !== undefined ? { name: request.name } : {}) });
  switch (drawn.kind) {
    case 'problem':
      return { kind: 'problem', message: `${drawn.message}.`.replace(/\.\.$/, '.'), errors, ...withSource };
    case 'svg':
      return { kind: 'svg', title: drawn.title, svg: drawn.svg, warnings: drawn.warnings, errors, ...withSource };
    case 'mermaid':
    case 'board':
      return { kind: 'mermaid', title: drawn.title, mermaid: drawn.diagram.text, warnings: drawn.warnings, errors, ...withSource };
  }
}

/**
 * What the fence with this info string and text shows. A fence `from workspace`
 * draws `workspace`'s model and must hold no text of its own; any other fence
 * draws the model it holds, with its syntax errors listed.
 */
export function drawFence(info: string, content: string, workspace?: WorkspaceModelSource): FenceDrawing {
  const request = parseFenceInfo(info);
  if ('problem' in request) return { kind: 'problem', message: request.problem, errors: [] };
  if (request.fromWorkspace) {
    if (content.trim()) return { kind: 'problem', message: 'A block that draws `from workspace` holds no model of its own: move this text into a .ddd file, or drop `from workspace` to draw the text.', errors: [] };
    const found = workspace?.current() ?? { problem: 'The workspace model is not available here: open the Markdown preview in VS Code with the DDD Modeler extension.' };
    if ('problem' in found) return { kind: 'problem', message: found.problem, errors: [] };
    return draw(found.model, request, [], undefined);
  }
  if (content.length > MAX_FILE_SIZE) {
    return { kind: 'problem', message: `This block is ${describeSize(content.length)} long, more than the ${describeSize(MAX_FILE_SIZE)} a model may be: move it into a .ddd file and draw it \`from workspace\`.`, errors: [] };
  }
  const { model, errors } = fenceModel(content);
  if (nothingDeclared(model) && errors.length) return { kind: 'problem', message: 'The model in this block does not parse.', errors, source: content };
  return draw(model, request, errors, content);
}
