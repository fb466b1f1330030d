/**
 * The preview: one panel per window that draws the model's views (context map,
 * aggregates, sagas, storming boards, domains) and follows the `.ddd` editor.
 *
 * - Opening it, or switching to another `.ddd` editor, shows the view the
 *   server prefers for that document (`ddd/views` with its uri), unless the
 *   user chose a view in the panel: that choice stays until the preview is
 *   opened again by command.
 * - An edit of any `.ddd` document is drawn a moment after the last keystroke.
 *   The server answers from the text it was just sent (it re-links the model on
 *   demand, it does not wait for its diagnostics debounce), so the wait here is
 *   only to let a burst of keystrokes end. A drawing identical to the last one
 *   is not sent again; a new drawing of the same view keeps the zoom and scroll
 *   (the page does that). Published diagnostics and `.ddd` files changed on
 *   disk re-draw too: the server re-read something.
 * - The view follows the cursor: when it moves into another saga, board,
 *   context map, aggregate or context (`ddd/views` with its position answers
 *   `atCursor`), a moment after it stops, the view of that element is shown
 *   (see cursor-follow.ts). Moving within one element, or between
 *   declarations, keeps the view. The page's pin keeps the view still (no
 *   cursor, no editor switch); the page keeps the pin in its saved state.
 * - A click on a node opens its declaration in the editor column the user came
 *   from; the view does not switch for that editor (the user is looking at the
 *   diagram).
 * - While "DDD: Compare with…" shows a comparison, the context map colours
 *   the contexts it touches (../diff/map-colours.ts), and draws again when
 *   the comparison changes or its panel closes.
 * - Exports are saved where the user says (SVG and PNG drawn by the page,
 *   Markdown asked of the server). An SVG is written only when
 *   svg-export-check.ts accepts it.
 */
import * as vscode from 'vscode';
import { viewKey, type DiagramOptions, type DiagramParams, type DiagramResult, type ExportMessage, type RenderMessage, type SagaVariant, type SelectViewMessage, type ThemeKind, type ViewEntry, type ViewKind, type ViewsParams, type ViewsResult, type WebviewMessage } from '../../protocol/index';
import { viewForCursor } from './cursor-follow';
import { Debouncer, exportFileName, exportFilterNames, exportExtensions, pngBytes } from './helpers';
import { PanelController } from './panel-controller';
import { checkExportedSvg } from './svg-export-check';
import { mapColours, withMapChanges } from '../diff/map-colours';
import { exportModelCommand } from '../export-model';
import { activeDddEditor, describe, LANGUAGE_ID, panelOptions, post, revealSource, type PanelContext } from './webview';

export const previewViewType = 'ddd.preview';

/**
 * After a keystroke, wait this long before asking for the drawing again: long
 * enough to fold the events of one keystroke (the edit, then its diagnostics)
 * into one refresh, and no longer. Typing faster than the preview draws costs
 * nothing more: refreshes run one at a time and the latest one waiting wins.
 */
export const EDIT_DELAY_MS = 20;
/** After the cursor stops moving, wait this long before asking which element it is in. */
export const CURSOR_DELAY_MS = 120;
/** After a `.ddd` file changed on disk: the server reads it first. */
const DISK_DELAY_MS = 350;

interface Selection {
  view: ViewKind;
  name?: string;
  variant?: SagaVariant;
  options?: DiagramOptions;
}

function selectionOf(message: SelectViewMessage): Selection {
  const { type, ...selection } = message;
  void type;
  return selection;
}

function entrySelection(entry: ViewEntry): Selection {
  const selection: Selection = { view: entry.view };
  if (entry.name !== undefined) selection.name = entry.name;
  if (entry.variant !== undefined) selection.variant = entry.variant;
  return selection;
}

/** `ddd/views` for the document followed, with the cursor of its editor when that editor is active. */
function viewsParams(documentUri: string | undefined): ViewsParams {
  if (documentUri === undefined) return {};
  const editor = activeDddEditor();
  if (editor?.document.uri.toString() !== documentUri) return { uri: documentUri };
  const { line, character } = editor.selection.active;
  return { uri: documentUri, position: { line, character } };
}

export class PreviewController extends PanelController {
  /** The `.ddd` document followed (its preferred view is shown unless the user chose one). */
  private documentUri: string | undefined;
  /** The view shown (or asked for). */
  private selection: Selection | undefined;
  /** The user chose the view in the panel: editor switches keep it. */
  private explicit = false;
  private theme: ThemeKind = 'light';
  /** The page's pin: the view stays while the cursor moves and editors switch. */
  private pinned = false;
  /** The key of the element the cursor was last in (`atCursor`): only a move into another one switches the view. */
  private followedCursor: string | undefined;
  /** followedCursor was read since the page (re)started: before that, a cursor move only records where it is (a restored view stays). */
  private cursorSeen = false;
  /** The editor column the user came from: declarations open there. */
  private sourceColumn: vscode.ViewColumn | undefined;
  /** A document the preview itself opened (a node was clicked): its editor does not switch the view. */
  private revealing: { uri: string; until: number } | undefined;
  /** The cursor a click on a node put in a declaration: it is followed without switching the view. */
  private revealedCursor: { uri: string; until: number } | undefined;
  /** Restored after a reload: the page's saved view is shown again. */
  private restoring = false;
  /** Restored without an active `.ddd` editor: the first one to become active is the one followed, without switching. */
  private adoptNextEditor = false;
  private lastRender: string | undefined;
  private lastDiagram: DiagramResult | undefined;
  private sequence = 0;
  private inFlight: Promise<void> | undefined;
  private again: { force: boolean } | undefined;
  /** The drawing under way: cancelled (its server requests too) when a newer refresh supersedes it. */
  private rendering: { source: vscode.CancellationTokenSource; force: boolean } | undefined;
  protected readonly editDebounce = new Debouncer(EDIT_DELAY_MS, () => void this.refresh());
  protected readonly cursorDebounce = new Debouncer(CURSOR_DELAY_MS, () => void this.followCursor());

  constructor(context: PanelContext) {
    super(context, 'preview');
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel) => {
          // a reload: the page posts `ready` with the view it showed (from its saved state), which is shown
          // again; the editor restored with it (active now or in a moment) is the one it followed
          this.documentUri = activeDddEditor()?.document.uri.toString();
          this.restoring = true;
          this.adoptNextEditor = this.documentUri === undefined;
          this.attach(panel);
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.activeEditorChanged(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.panel && this.ready && !this.pinned && event.textEditor === vscode.window.activeTextEditor && event.textEditor.document.languageId === LANGUAGE_ID) this.cursorDebounce.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.languageId === LANGUAGE_ID && event.contentChanges.length) this.editDebounce.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.panel && !this.editDebounce.pending && event.uris.some((uri) => uri.path.endsWith('.ddd'))) this.editDebounce.schedule();
      }),
      context.server.onDidStart(() => this.panel && void this.refresh()),
      // only a context map is coloured by a comparison
      mapColours.onDidChange(() => {
        if (this.panel && (this.selection === undefined || this.selection.view === 'context-map')) void this.refresh();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.ddd');
    const onDisk = () => this.panel && this.editDebounce.schedule(DISK_DELAY_MS);
    this.disposables.push(watcher, watcher.onDidCreate(onDisk), watcher.onDidChange(onDisk), watcher.onDidDelete(onDisk));
  }

  /** `ddd.openPreview` / `ddd.openPreviewToSide`: the preview of `uri` (default: the active `.ddd` editor). */
  open(toSide: boolean, uri?: vscode.Uri): void {
    const editor = activeDddEditor();
    const document = uri && /\.ddd$/i.test(uri.path) ? uri.toString() : editor?.document.uri.toString();
    if (document) this.documentUri = document;
    if (editor) this.sourceColumn = editor.viewColumn;
    // asked for by command: the document's own view again
    this.explicit = false;
    this.selection = undefined;
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.panel) {
      this.panel.reveal(column, toSide);
      void this.refresh({ force: true });
      return;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, 'DDD Preview', { viewColumn: column, preserveFocus: toSide }, panelOptions(this.context.extensionUri));
    this.attach(panel);
  }

  get visible(): boolean {
    return !!this.panel;
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.lastRender = undefined;
    this.host(panel);
  }

  protected receive(message: WebviewMessage): unknown {
    switch (message.type) {
      case 'ready':
        // a new page (opened, shown again, reloaded): it has nothing drawn
        this.ready = true;
        this.theme = message.theme;
        this.pinned = message.pinned ?? false;
        this.cursorSeen = false;
        this.lastRender = undefined;
        if (this.restoring && !this.selection && message.view) this.selection = selectionOf(message.view);
        this.restoring = false;
        void this.offerModelExports();
        return this.refresh({ force: true });
      case 'selectView':
        this.selection = selectionOf(message);
        this.explicit = true;
        return this.refresh({ force: true });
      case 'pin':
        this.pinned = message.pinned;
        // unpinned: the view of where the cursor is now
        if (!this.pinned) {
          this.followedCursor = undefined;
          this.cursorSeen = true;
          return this.followCursor();
        }
        this.cursorDebounce.cancel();
        return undefined;
      case 'theme':
        this.theme = message.theme;
        // mermaid follows the page's theme by itself; the core's SVG has its colours from the server
        return this.lastDiagram?.kind === 'svg' ? this.refresh({ force: true }) : undefined;
      case 'revealSource':
        return this.reveal(message.uri, message.range);
      case 'export':
        return this.export(message);
      case 'exportModel':
        // the palette command, with the format chosen in the page's Export menu
        return vscode.commands.executeCommand(exportModelCommand, message.format);
      default:
        return undefined;
    }
  }

  protected forget(): void {
    this.selection = undefined;
    this.explicit = false;
    this.restoring = false;
    this.adoptNextEditor = false;
    this.lastDiagram = undefined;
    this.pinned = false;
    this.followedCursor = undefined;
    this.cursorDebounce.cancel();
  }

  /**
   * The cursor stopped: if it moved into another element than the one last
   * followed, and the preview does not show that element already, its view is
   * shown (the user's choice in the panel gives way to the cursor's move).
   */
  private async followCursor(): Promise<void> {
    const editor = activeDddEditor();
    if (!this.panel || !this.ready || this.pinned || !editor) return;
    const uri = editor.document.uri.toString();
    // the cursor a click on a node put there: the user is looking at the diagram
    const revealed = this.revealedCursor?.uri === uri && Date.now() < this.revealedCursor.until;
    this.revealedCursor = undefined;
    try {
      const views = await this.context.server.request('ddd/views', viewsParams(uri));
      if (this.pinned || activeDddEditor() !== editor) return;
      const entry = revealed || !this.cursorSeen ? undefined : viewForCursor(views, this.followedCursor, this.selection);
      if (views.atCursor !== undefined) this.followedCursor = views.atCursor;
      this.cursorSeen = true;
      if (!entry) return;
      this.documentUri = uri;
      this.selection = entrySelection(entry);
      this.explicit = false;
      await this.refresh();
    } catch (error) {
      this.context.output.trace(`preview: which element the cursor is in was not answered: ${describe(error)}`);
    }
  }

  private activeEditorChanged(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    const uri = editor.document.uri.toString();
    this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
    const revealing = this.revealing;
    this.revealing = undefined;
    const adopt = this.adoptNextEditor;
    this.adoptNextEditor = false;
    if (adopt || (revealing?.uri === uri && Date.now() < revealing.until)) {
      // opened from the preview, or restored with it: keep what is drawn
      this.documentUri = uri;
      return;
    }
    if (uri === this.documentUri) return;
    this.documentUri = uri;
    if (!this.panel || this.explicit || this.pinned) return;
    this.selection = undefined;
    void this.refresh();
  }

  /**
   * Asks for the views and the drawing and sends them. One at a time: a refresh
   * asked for while one runs happens once more after it (the model may have
   * changed meanwhile), so typing fast never queues up requests.
   */
  private refresh(options: { force?: boolean } = {}): Promise<void> {
    const force = options.force ?? false;
    if (this.inFlight) {
      // the drawing under way is no longer needed: the server stops working on it, and this one follows
      this.again = { force: force || (this.again?.force ?? false) || (this.rendering?.force ?? false) };
      this.rendering?.source.cancel();
      return this.inFlight;
    }
    const run = async () => {
      try {
        await this.render(force);
      } finally {
        this.inFlight = undefined;
      }
      const again = this.again;
      this.again = undefined;
      if (again) await this.refresh(again);
    };
    this.inFlight = run();
    return this.inFlight;
  }

  private async render(force: boolean): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.ready) return;
    const ticket = ++this.sequence;
    const server = this.context.server;
    const started = performance.now();
    const rendering = (this.rendering = { source: new vscode.CancellationTokenSource(), force });
    const token = rendering.source.token;
    try {
      const documentUri = this.documentUri;
      const asked = this.selection;
      const viewsAsked = server.request('ddd/views', viewsParams(documentUri), token);
      let selection = this.selection;
      let views: ViewsResult;
      let diagram: DiagramResult;
      if (selection) {
        // the usual case (an edit): both at once
        [views, diagram] = await Promise.all([viewsAsked, server.request('ddd/diagram', this.diagramParams({ ...selection, options: { ...selection.options, theme: this.theme } }), token)]);
        if (!this.explicit && !views.views.some((entry) => entry.key === viewKey(selection!))) {
          // the view followed is gone (renamed, deleted): the document's preferred one instead
          selection = this.preferred(views);
          if (selection) diagram = await server.request('ddd/diagram', this.diagramParams({ ...selection, options: { theme: this.theme } }), token);
        }
      } else {
        views = await viewsAsked;
        selection = this.preferred(views) ?? { view: 'context-map' };
        diagram = await server.request('ddd/diagram', this.diagramParams({ ...selection, options: { theme: this.theme } }), token);
      }
      // superseded: the refresh that cancelled it draws
      // stale: another view was chosen meanwhile (the refresh queued after this one draws it)
      if (token.isCancellationRequested || ticket !== this.sequence || panel !== this.panel || this.selection !== asked) return;
      if (!this.explicit) this.selection = selection;
      // the cursor's element is recorded when the view was chosen for it, or first seen (a restored view stays);
      // otherwise a cursor move is followCursor's to notice, even when an edit's drawing comes first
      if (!this.cursorSeen || selection !== asked) {
        if (views.atCursor !== undefined) this.followedCursor = views.atCursor;
        this.cursorSeen = true;
      }
      const message: RenderMessage = { type: 'render', views: views.views, selected: viewKey(diagram.ref), diagram };
      const text = JSON.stringify(message);
      this.lastDiagram = diagram;
      panel.title = diagram.kind === 'problem' ? 'DDD Preview' : `Preview: ${diagram.title}`;
      if (!force && text === this.lastRender) return;
      this.lastRender = text;
      post(panel, message);
      this.context.output.trace(`preview: ${diagram.key} sent in ${Math.round(performance.now() - started)} ms (${text.length} characters)`);
    } catch (error) {
      if (token.isCancellationRequested || ticket !== this.sequence || panel !== this.panel) return;
      this.lastRender = undefined;
      this.context.output.warn(`The preview could not be drawn: ${describe(error)}`);
      post(panel, { type: 'error', message: describe(error) });
    } finally {
      if (this.rendering === rendering) this.rendering = undefined;
      rendering.source.dispose();
    }
  }

  /** A drawing's request: a context map with the colours of the comparison shown, if any. */
  private diagramParams(params: DiagramParams): DiagramParams {
    return withMapChanges(params, mapColours.current);
  }

  /** The view of what the cursor is in, else the document's preferred view, else the first. */
  private preferred(views: ViewsResult): Selection | undefined {
    const entry = views.views.find((candidate) => candidate.key === views.atCursor) ?? views.views.find((candidate) => candidate.key === views.preferred) ?? views.views[0];
    return entry && entrySelection(entry);
  }

  private async reveal(uri: string, range: Parameters<typeof revealSource>[1]): Promise<void> {
    const column = this.sourceColumn ?? vscode.window.visibleTextEditors.find((editor) => editor.viewColumn !== this.panel?.viewColumn)?.viewColumn;
    // the editor this opens becomes the active one: that change is ours, not the user's switching documents
    this.revealing = { uri: vscode.Uri.parse(uri, true).toString(), until: Date.now() + 2000 };
    this.revealedCursor = { ...this.revealing };
    await revealSource(uri, range, column, this.context.output).catch((error: unknown) => {
      this.context.output.warn(`Could not open ${uri}: ${describe(error)}`);
      return false;
    });
  }

  /** The Export menu's model exports: the server's list (the core's registry). */
  private async offerModelExports(): Promise<void> {
    const panel = this.panel;
    try {
      const { formats } = await this.context.server.request('ddd/exportFormats', {});
      post(panel, { type: 'exportFormats', formats: formats.map(({ id, label, description }) => ({ id, label, description })) });
    } catch (error) {
      this.context.output.warn(`The preview's Export menu lists no model exports: ${describe(error)}`);
    }
  }

  private async export(message: ExportMessage): Promise<void> {
    const format = message.format;
    const diagram = this.lastDiagram;
    if (format === 'svg') {
      // the page sanitised it; the page is not trusted: parsed again here, and only an allow-listed document is written
      const verdict = checkExportedSvg(message.content ?? '');
      if (!verdict.ok) {
        this.context.output.error(`Export refused: the SVG the preview sent is not safe to save: ${verdict.reason}`);
        void vscode.window.showErrorMessage(`The SVG was not saved: it holds something a drawing does not need (${verdict.reason}).`);
        return;
      }
    }
    const fileName = exportFileName(format, message.fileName, diagram && diagram.kind !== 'problem' ? diagram.title : 'diagram');
    const folder = this.documentUri ? vscode.Uri.joinPath(vscode.Uri.parse(this.documentUri), '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { [exportFilterNames[format]]: [exportExtensions[format]] },
      saveLabel: `Export ${format === 'markdown' ? 'Markdown' : format.toUpperCase()}`,
      title: `Export ${diagram?.title ?? 'the diagram'}`,
    });
    if (!target) return;
    try {
      let bytes: Uint8Array;
      if (format === 'png') bytes = pngBytes(message.content ?? '');
      else if (format === 'svg') bytes = new TextEncoder().encode(message.content ?? '');
      else {
        const selection = this.selection;
        const result = await this.context.server.request('ddd/markdown', {
          ...(selection ? { views: [selection.view] } : {}),
          ...(selection?.name !== undefined ? { name: selection.name } : {}),
          ...(diagram && diagram.kind !== 'problem' ? { title: diagram.title } : {}),
        });
        bytes = new TextEncoder().encode(result.markdown);
      }
      await vscode.workspace.fs.writeFile(target, bytes);
      const where = vscode.workspace.asRelativePath(target, false);
      vscode.window.setStatusBarMessage(`$(check) Exported ${diagram?.title ?? 'the diagram'} to ${where}`, 8000);
      post(this.panel, { type: 'busy', text: `Saved ${where}` });
      this.context.output.info(`Exported ${format} to ${target.fsPath || target.toString()}`);
    } catch (error) {
      this.context.output.error(`Export failed: ${describe(error)}`);
      void vscode.window.showErrorMessage(`The export failed: ${describe(error)}`);
    }
  }
}
