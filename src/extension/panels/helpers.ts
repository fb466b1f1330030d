/**
 * The panels' decisions that need no editor: which saga or stream a command's
 * arguments name, the order of the quick pick, which sagas and streams a
 * document declares (for the code lenses), export file names and contents.
 * No `vscode` import, so the unit tests run them as they are.
 */
import type { ExportFormat, SimulatorTarget, SourceRange, ViewsResult } from '../../protocol/index';

// ---------------------------------------------------------------- URIs

/**
 * Two document URIs for the same file. The server's URIs come from the editor
 * (for open documents) or from its own file scan; they may differ in
 * percent-encoding (`c%3A` vs `c:`) or the drive letter's case.
 */
export function sameUri(a: string, b: string): boolean {
  return a === b || normalizeUri(a) === normalizeUri(b);
}

function normalizeUri(uri: string): string {
  let text: string;
  try {
    text = decodeURIComponent(uri);
  } catch {
    text = uri;
  }
  // file:///C:/x and file:///c:/x are the same file on Windows
  return text.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}

/** A path of a `.ddd` file. */
export function isDddPath(path: string): boolean {
  return /\.ddd$/i.test(path);
}

// ---------------------------------------------------------------- the simulator's target

export interface SimulateArguments {
  uri?: string;
  name?: string;
  kind?: SimulatorTarget['kind'];
}

function uriText(value: unknown): string | undefined {
  if (typeof value === 'string') return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) ? value : undefined;
  // a vscode.Uri (the editor's menus pass the document's), without importing vscode
  if (typeof value === 'object' && value !== null && typeof (value as { scheme?: unknown }).scheme === 'string' && typeof value.toString === 'function') return value.toString();
  return undefined;
}

/**
 * `ddd.simulate`'s arguments, in the forms it is called with: none (the palette);
 * `(uri)` (an editor menu); `(uri, name)` or `(uri, name, kind)` (the code
 * lenses); `(name)`; or one object `{ uri?, saga? | stream? | name?, kind? }`.
 */
export function parseSimulateArguments(args: readonly unknown[]): SimulateArguments {
  const out: SimulateArguments = {};
  const [first, second, third] = args;
  if (typeof first === 'object' && first !== null && uriText(first) === undefined) {
    const object = first as Record<string, unknown>;
    const uri = uriText(object['uri']);
    if (uri) out.uri = uri;
    const saga = object['saga'];
    const stream = object['stream'];
    const name = object['name'];
    if (typeof saga === 'string' && saga) Object.assign(out, { name: saga, kind: 'saga' });
    else if (typeof stream === 'string' && stream) Object.assign(out, { name: stream, kind: 'stream' });
    else if (typeof name === 'string' && name) out.name = name;
    const kind = object['kind'];
    if (out.kind === undefined && (kind === 'saga' || kind === 'stream')) out.kind = kind;
    return out;
  }
  const uri = uriText(first);
  const rest = uri !== undefined ? [second, third] : [first, second];
  if (uri !== undefined) out.uri = uri;
  if (typeof rest[0] === 'string' && rest[0]) out.name = rest[0];
  if (rest[1] === 'saga' || rest[1] === 'stream') out.kind = rest[1];
  return out;
}

/**
 * The target a name stands for: a saga, or an event stream by its full name
 * (`Banking.AccountHistory`) or, when that is unambiguous, its own (`AccountHistory`).
 */
export function resolveTarget(views: Pick<ViewsResult, 'sagas' | 'streams'>, name: string, kind?: SimulatorTarget['kind']): SimulatorTarget | undefined {
  if (kind !== 'stream') {
    const saga = views.sagas.find((candidate) => candidate.name === name);
    if (saga) return { kind: 'saga', name: saga.name };
  }
  if (kind !== 'saga') {
    const exact = views.streams.find((candidate) => candidate.name === name);
    if (exact) return { kind: 'stream', name: exact.name };
    const short = views.streams.filter((candidate) => candidate.name.slice(candidate.name.lastIndexOf('.') + 1) === name);
    if (short.length === 1) return { kind: 'stream', name: short[0]!.name };
  }
  return undefined;
}

export interface TargetChoice {
  target: SimulatorTarget;
  label: string;
  description: string;
  /** Declared in the document the command was run from. */
  here: boolean;
}

/** The quick pick's entries: what the document declares first, then sagas before streams, each in the server's order. */
export function targetChoices(views: Pick<ViewsResult, 'sagas' | 'streams'>, documentUri?: string): TargetChoice[] {
  const here = (location: { uri: string } | undefined) => documentUri !== undefined && location !== undefined && sameUri(location.uri, documentUri);
  const choices: TargetChoice[] = [
    ...views.sagas.map((saga) => ({
      target: { kind: 'saga' as const, name: saga.name },
      label: saga.name,
      description: `saga, ${saga.style}, ${saga.size} ${saga.style === 'orchestrated' ? (saga.size === 1 ? 'step' : 'steps') : saga.size === 1 ? 'reaction' : 'reactions'}`,
      here: here(saga.location),
    })),
    ...views.streams.map((stream) => ({
      target: { kind: 'stream' as const, name: stream.name },
      label: stream.name,
      description: `event stream${stream.aggregate ? ` of ${stream.aggregate}` : ''}: replay`,
      here: here(stream.location),
    })),
  ];
  return [...choices.filter((choice) => choice.here), ...choices.filter((choice) => !choice.here)];
}

// ---------------------------------------------------------------- code lenses

export interface LensTarget {
  target: SimulatorTarget;
  /** Where its name is written. */
  range: SourceRange;
}

/** The sagas and streams declared in a document, where they are declared, in document order. */
export function lensTargets(views: Pick<ViewsResult, 'sagas' | 'streams'>, documentUri: string): LensTarget[] {
  const found: LensTarget[] = [];
  for (const saga of views.sagas) {
    if (saga.location && sameUri(saga.location.uri, documentUri)) found.push({ target: { kind: 'saga', name: saga.name }, range: saga.location.range });
  }
  for (const stream of views.streams) {
    if (stream.location && sameUri(stream.location.uri, documentUri)) found.push({ target: { kind: 'stream', name: stream.name }, range: stream.location.range });
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

// ---------------------------------------------------------------- exports

export const exportExtensions: Record<ExportFormat, string> = { svg: 'svg', png: 'png', markdown: 'md' };
export const exportFilterNames: Record<ExportFormat, string> = { svg: 'SVG image', png: 'PNG image', markdown: 'Markdown' };

/** The file name to suggest: the webview's (already checked: no folders), with the format's extension. */
export function exportFileName(format: ExportFormat, suggested: string | undefined, fallback = 'diagram'): string {
  const extension = exportExtensions[format];
  const base = (suggested ?? fallback).replace(/\.(svg|png|md|markdown)$/i, '').trim() || fallback;
  return `${base}.${extension}`;
}

/** The bytes of a `data:image/png;base64,…` URL (the validator checked its shape). */
export function pngBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0) throw new Error('not a PNG data URL');
  // atob, not Buffer: the extension runs in VS Code for the Web too
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // the PNG signature: a canvas that failed gives something else
  if (bytes.length < 8 || new DataView(bytes.buffer).getUint32(0) !== 0x89504e47) throw new Error('the image is not a PNG');
  return bytes;
}

// ---------------------------------------------------------------- timing

/** A trailing debounce: `schedule` (re)starts the wait, `cancel` drops a pending call. */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  schedule(delayMs = this.delayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delayMs);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

// ---------------------------------------------------------------- revealing a declaration

/**
 * How a click on a node shows its declaration (`range`, the name): the name
 * selected with the caret at its start, and the editor scrolled so that the
 * line is in view from its first column (a long line does not leave the editor
 * scrolled sideways, the keyword before the name hidden).
 */
export function revealPlan(range: SourceRange): { anchor: SourceRange['start']; active: SourceRange['start']; reveal: SourceRange } {
  const start = range.start;
  // a name spans one line; a range that does not (an element without a name) is revealed from its start
  const end = range.end.line === start.line ? range.end : start;
  return { anchor: end, active: start, reveal: { start: { line: start.line, character: 0 }, end } };
}
