/**
 * The preview's toolbar: a tab per kind of view, a list of the views of that
 * kind, the pin (keep this view while the cursor moves), zoom buttons and
 * exports.
 */
import { viewKinds, type ViewEntry, type ViewKind } from '../../src/protocol/diagrams';
import type { ExportFormat } from '../../src/protocol/messages';
import { custom, h, replaceChildren } from '../shared/dom';
import { button, fillSelect, singleSelect, toggleButton, type SingleSelect } from '../shared/elements';

export const kindLabels: Record<ViewKind, string> = {
  'context-map': 'Context map',
  aggregates: 'Aggregates',
  saga: 'Sagas',
  flows: 'Flows',
  storming: 'Event storming',
  domains: 'Domains',
};


export interface ToolbarEvents {
  choose(entry: ViewEntry): void;
  /** A tab was chosen: the view to show for that kind. */
  chooseKind(kind: ViewKind): void;
  zoom(action: 'in' | 'out' | 'fit' | 'actual'): void;
  export(format: ExportFormat): void;
  /** The pin was pressed: pinned is the new state. */
  pin(pinned: boolean): void;
}

const pinTitles = {
  off: 'Pin this view: keep it while the cursor moves to other elements (unpinned, the preview shows what the cursor is in)',
  on: 'Pinned: the view stays while the cursor moves. Unpin to follow the cursor again',
};

interface Tabs extends HTMLElement {
  selectedIndex: number;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly tabsHost = h('div', { className: 'ddd-tabs-host' });
  private readonly select: SingleSelect;
  private readonly status = h('span', { className: 'ddd-status', attrs: { role: 'status' } });
  private readonly exportButtons: HTMLElement[];
  private readonly pinButton: HTMLElement;
  private pinned = false;
  private tabs: Tabs | undefined;
  private kinds: ViewKind[] = [];
  private entries: ViewEntry[] = [];
  private kind: ViewKind | undefined;

  constructor(private readonly events: ToolbarEvents) {
    this.select = singleSelect([], undefined, (key) => {
      const entry = this.entries.find((candidate) => candidate.key === key);
      if (entry) events.choose(entry);
    }, { 'aria-label': 'View', class: 'ddd-view-select' });
    this.exportButtons = [
      button('Export SVG', () => events.export('svg'), { secondary: true, title: 'Save the diagram as an SVG file' }),
      button('Export PNG', () => events.export('png'), { secondary: true, title: 'Save the diagram as a PNG image' }),
      button('Export Markdown', () => events.export('markdown'), { secondary: true, title: 'Save this view as Markdown with a mermaid block (GitHub draws it)' }),
    ];
    const zoom = h('div', { className: 'ddd-button-group', attrs: { role: 'group', 'aria-label': 'Zoom' } }, [
      button('−', () => events.zoom('out'), { secondary: true, title: 'Zoom out (-)', attrs: { 'aria-label': 'Zoom out' } }),
      button('+', () => events.zoom('in'), { secondary: true, title: 'Zoom in (+)', attrs: { 'aria-label': 'Zoom in' } }),
      button('Fit', () => events.zoom('fit'), { secondary: true, title: 'Fit the diagram in the window (0)' }),
      button('1:1', () => events.zoom('actual'), { secondary: true, title: 'Actual size', attrs: { 'aria-label': 'Actual size' } }),
    ]);
    this.pinButton = toggleButton('Pin', false, () => {
      this.setPinned(!this.pinned);
      events.pin(this.pinned);
    }, { title: pinTitles.off, attrs: { class: 'ddd-pin' } });
    const exports = h('div', { className: 'ddd-button-group', attrs: { role: 'group', 'aria-label': 'Export' } }, this.exportButtons);
    this.element = h('div', { className: 'ddd-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Preview' } }, [
      this.tabsHost,
      h('div', { className: 'ddd-toolbar-row' }, [this.select, this.pinButton, zoom, exports, this.status]),
    ]);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** Shows the pin pressed or not (toggleButton's look: filled when on). */
  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.pinButton.toggleAttribute('secondary', !pinned);
    this.pinButton.classList.toggle('ddd-on', pinned);
    this.pinButton.setAttribute('aria-pressed', pinned ? 'true' : 'false');
    this.pinButton.setAttribute('title', pinned ? pinTitles.on : pinTitles.off);
    this.pinButton.textContent = pinned ? 'Pinned' : 'Pin';
  }

  /** The exports that have something to save: SVG and PNG need a drawing, Markdown a view that is not empty. */
  setExportable(svg: boolean, markdown: boolean): void {
    this.exportButtons[0]!.toggleAttribute('disabled', !svg);
    this.exportButtons[1]!.toggleAttribute('disabled', !svg);
    this.exportButtons[2]!.toggleAttribute('disabled', !markdown);
  }

  /** The views of the model, and the one shown. */
  update(entries: ViewEntry[], selectedKey: string | undefined): void {
    this.entries = entries;
    // every kind has its tab, with views or not (an empty one says what to write)
    const kinds = [...viewKinds];
    if (kinds.join() !== this.kinds.join()) this.buildTabs(kinds);
    const selected = entries.find((entry) => entry.key === selectedKey);
    const selectedKind = selectedKey === undefined ? undefined : kinds.find((kind) => selectedKey === kind || selectedKey.startsWith(`${kind}:`));
    this.kind = selected?.view ?? selectedKind ?? this.kind ?? kinds[0];
    if (this.tabs && this.kind) this.tabs.selectedIndex = Math.max(0, kinds.indexOf(this.kind));
    const ofKind = entries.filter((entry) => entry.view === this.kind);
    fillSelect(this.select, ofKind.map((entry) => ({ value: entry.key, label: entry.label })), selected?.key ?? ofKind[0]?.key);
    // an empty tab: nothing to choose
    this.select.disabled = ofKind.length === 0;
  }

  private buildTabs(kinds: ViewKind[]): void {
    this.kinds = kinds;
    const tabs = custom<Tabs>('vscode-tabs', { attrs: { 'aria-label': 'Views' } });
    for (const kind of kinds) {
      tabs.appendChild(custom('vscode-tab-header', { text: kindLabels[kind], attrs: { slot: 'header', 'data-kind': kind } }));
      tabs.appendChild(custom('vscode-tab-panel', { attrs: { 'data-kind': kind } }));
    }
    tabs.addEventListener('vsc-tabs-select', (event) => {
      const index = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      const kind = this.kinds[index];
      if (kind && kind !== this.kind) {
        this.kind = kind;
        this.events.chooseKind(kind);
      }
    });
    replaceChildren(this.tabsHost, [tabs]);
    this.tabs = tabs;
  }
}
