/**
 * The preview panel: draws the view the extension sends (`render`), keeps the
 * zoom and scroll of each view in the webview's state, and tells the extension
 * what the user chose, clicked or wants to export.
 */
import type { ThemeKind, ViewEntry, ViewKind } from '../../src/protocol/diagrams';
import type { ExportFormat, ExtensionMessage, SelectViewMessage } from '../../src/protocol/messages';
import { h } from '../shared/dom';
import { fileNameFor, pngFromSvg, svgDocument } from '../shared/export';
import type { Host } from '../shared/host';
import { naturalSize, renderMermaid } from '../shared/mermaid';
import type { ViewBox } from '../shared/pan-zoom';
import { currentTheme, watchTheme } from '../shared/theme';
import { DiagramArea } from './diagram-area';
import { emptyMessage } from './empty-view';
import { Toolbar } from './toolbar';

export interface PreviewState {
  /** The view shown, to ask for again after a reload. */
  view?: SelectViewMessage;
  /** Zoom and scroll per drawing key (the most recent last). */
  views?: Record<string, ViewBox>;
  /** The last view chosen per tab. */
  lastOfKind?: Partial<Record<ViewKind, SelectViewMessage>>;
  /** The pin: the view stays while the cursor moves. */
  pinned?: boolean;
}

const keptViews = 40;

function selectionOf(entry: ViewEntry): SelectViewMessage {
  const message: SelectViewMessage = { type: 'selectView', view: entry.view };
  if (entry.name !== undefined) message.name = entry.name;
  if (entry.variant !== undefined) message.variant = entry.variant;
  return message;
}

export function startPreview(root: HTMLElement, host: Host<PreviewState>): void {
  const state: PreviewState = { views: {}, lastOfKind: {}, ...host.state() };
  let theme: ThemeKind = currentTheme();
  let entries: ViewEntry[] = [];
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => host.saveState(state), 150);
  };
  const select = (message: SelectViewMessage) => {
    state.view = message;
    state.lastOfKind = { ...state.lastOfKind, [message.view]: message };
    save();
    toolbar.setStatus('Loading…');
    host.post(message);
  };

  const area = new DiagramArea(
    {
      reveal: (uri, range) => host.post({ type: 'revealSource', uri, range }),
      select,
      viewChanged: (key, view) => {
        const views = { ...state.views };
        delete views[key];
        views[key] = view;
        const keys = Object.keys(views);
        for (const old of keys.slice(0, Math.max(0, keys.length - keptViews))) delete views[old];
        state.views = views;
        save();
      },
      drawn: (status) => {
        toolbar.setStatus(status);
        const drawn = area.drawn;
        const something = !!drawn && !drawn.empty && drawn.result.kind !== 'problem';
        toolbar.setExportable(something && (drawn.result.kind === 'board' || !!drawn.svg), something);
      },
      failed: (message) => toolbar.setStatus(`Not drawn: ${message}`),
    },
    (key) => state.views?.[key],
  );

  const toolbar = new Toolbar({
    choose: (entry) => select(selectionOf(entry)),
    chooseKind: (kind) => {
      const last = state.lastOfKind?.[kind];
      const entry = entries.find((candidate) => candidate.view === kind);
      if (last && entries.some((candidate) => candidate.view === last.view && candidate.name === last.name)) select(last);
      else if (entry) select(selectionOf(entry));
      // nothing of that kind yet: the view says what to write
      else select({ type: 'selectView', view: kind });
    },
    zoom: (action) => {
      const panZoom = area.panZoom;
      if (action === 'in') panZoom.zoomBy(1.25);
      else if (action === 'out') panZoom.zoomBy(0.8);
      else if (action === 'fit') panZoom.fit(2);
      else panZoom.actualSize();
    },
    export: (format) => void exportDrawing(format),
    exportModel: (format) => host.post({ type: 'exportModel', format }),
    pin: (pinned) => {
      state.pinned = pinned;
      save();
      host.post({ type: 'pin', pinned });
    },
  });
  toolbar.setPinned(!!state.pinned);

  async function exportDrawing(format: ExportFormat): Promise<void> {
    const drawn = area.drawn;
    if (!drawn || drawn.empty || drawn.result.kind === 'problem') return;
    const title = drawn.result.title;
    if (format === 'markdown') {
      host.post({ type: 'export', format, fileName: fileNameFor(title, 'md') });
      return;
    }
    try {
      let text: string | undefined;
      let size = drawn.size;
      if (drawn.result.kind === 'board') {
        // the board is HTML: its mermaid form is exported (made into a file while in the page: its labels are measured)
        const scratch = h('div', { className: 'ddd-scratch', attrs: { 'aria-hidden': 'true' } });
        document.body.appendChild(scratch);
        try {
          const svg = (await renderMermaid(scratch, drawn.result.text, theme)).svg;
          size = naturalSize(svg);
          text = svgDocument(svg, size);
        } finally {
          scratch.remove();
        }
      } else if (drawn.svg) {
        text = svgDocument(drawn.svg, size);
      }
      if (text === undefined) return;
      if (format === 'svg') host.post({ type: 'export', format, content: text, fileName: fileNameFor(title, 'svg') });
      else host.post({ type: 'export', format, content: await pngFromSvg(text, size), fileName: fileNameFor(title, 'png') });
      toolbar.setStatus(`Exported ${title} as ${format.toUpperCase()}`);
    } catch (error) {
      toolbar.setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  root.replaceChildren(h('div', { className: 'ddd-preview' }, [toolbar.element, area.element]));

  host.onMessage((message: ExtensionMessage) => {
    switch (message.type) {
      case 'render':
        entries = message.views;
        toolbar.update(message.views, message.selected);
        {
          const kind = message.diagram.ref.view;
          const empty = !message.views.some((entry) => entry.view === kind);
          void area.show(message.diagram, theme, false, empty ? emptyMessage(kind) : undefined);
        }
        break;
      case 'busy':
        toolbar.setStatus(message.text);
        break;
      case 'exportFormats':
        toolbar.setModelExports(message.formats);
        break;
      case 'error':
        toolbar.setStatus(`Error: ${message.message}`);
        break;
      default:
        break;
    }
  });
  watchTheme((next) => {
    theme = next;
    host.post({ type: 'theme', theme });
    void area.redraw(theme);
  });
  host.post({ type: 'ready', mode: 'preview', theme, ...(state.view ? { view: state.view } : {}), ...(state.pinned ? { pinned: true } : {}) });
}
