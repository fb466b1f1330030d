/**
 * The simulator panel: the extension keeps the session and sends each run as
 * the server computed it (`simulation`); the panel draws it and posts what the
 * user asks for (`simulate` actions). Many-run results and stream replays are
 * drawn as tables.
 */
import type { ThemeKind } from '../../src/protocol/diagrams';
import type { ExtensionMessage, SimulatorAction, SimulatorTarget } from '../../src/protocol/messages';
import type { SimulateResult } from '../../src/protocol/simulation';
import { h, replaceChildren } from '../shared/dom';
import type { Host } from '../shared/host';
import type { ViewBox } from '../shared/pan-zoom';
import { currentTheme, watchTheme } from '../shared/theme';
import { Controls, defaultBulk, type BulkSettings } from './controls';
import { MachineView } from './machine';
import { replayView } from './replay-view';
import { bulkView, explorationView } from './results';
import { choreographyRunView, choreographyStatus, orchestratedRunView, orchestratedStatus } from './run-view';

export interface SimulatorState {
  target?: SimulatorTarget;
  bulk?: BulkSettings;
  /** Zoom and scroll of each saga's diagram. */
  views?: Record<string, ViewBox>;
}

export function startSimulator(root: HTMLElement, host: Host<SimulatorState>): void {
  const state: SimulatorState = { views: {}, ...host.state() };
  let theme: ThemeKind = currentTheme();
  let shown: SimulateResult | undefined;
  /** The saga whose many-run results are listed (they go when another saga or a stream is shown). */
  let resultsOf: string | undefined;
  const save = () => host.saveState(state);
  const status = h('p', { className: 'ddd-status', attrs: { role: 'status' } });

  const act = (request: SimulatorAction) => {
    status.textContent = request.action === 'explore' ? 'Exploring every failure and crash point…' : request.action === 'bulk' ? `Running ${request.runs.toLocaleString('en-US')} runs…` : '';
    host.post({ type: 'simulate', request });
  };
  const chooseTarget = (target: SimulatorTarget) => {
    state.target = target;
    save();
    clearResults();
    act({ action: 'select', target });
  };
  const controls = new Controls(act, chooseTarget, state.bulk ?? defaultBulk, (bulk) => {
    state.bulk = bulk;
    save();
  });
  const machine = new MachineView(
    (uri, range) => host.post({ type: 'revealSource', uri, range }),
    (key, view) => {
      state.views = { ...state.views, [key]: view };
      save();
    },
    (key) => state.views?.[key],
  );
  const statusCard = h('div', { className: 'ddd-status-host' });
  const side = h('div', { className: 'ddd-sim-side' });
  const results = h('div', { className: 'ddd-sim-results' });
  const replay = h('div', { className: 'ddd-sim-replay' });
  const main = h('div', { className: 'ddd-sim-main' }, [h('div', { className: 'ddd-sim-diagram' }, [machine.element, statusCard]), side]);
  const empty = h('p', { className: 'ddd-muted ddd-sim-empty', text: 'Choose a saga to simulate, or an event stream to replay.' });
  const simulator = h('div', { className: 'ddd-simulator' }, [controls.element, status, empty, main, replay, results]);
  root.replaceChildren(simulator);
  // the diagram column takes the window's height below the toolbar (styles.css: --ddd-sim-top)
  const placeDiagram = () => {
    if (!main.hidden) simulator.style.setProperty('--ddd-sim-top', `${Math.round(main.getBoundingClientRect().top + window.scrollY)}px`);
  };
  const toolbarSize = new ResizeObserver(placeDiagram);
  toolbarSize.observe(controls.element);
  toolbarSize.observe(status);

  function clearResults(): void {
    replaceChildren(results, []);
    resultsOf = undefined;
  }
  const showResults = (saga: string, view: HTMLElement) => {
    replaceChildren(results, [view]);
    resultsOf = saga;
    results.scrollIntoView({ block: 'start', behavior: 'smooth' });
    status.textContent = '';
  };

  const showKind = (kind: SimulatorTarget['kind'] | undefined) => {
    main.hidden = kind !== 'saga';
    replay.hidden = kind !== 'stream';
    empty.hidden = kind !== undefined;
  };
  showKind(undefined);
  controls.update(undefined, undefined);

  const drawRun = async (result: SimulateResult) => {
    shown = result;
    const run = result.run;
    if (resultsOf !== undefined && resultsOf !== run.saga.name) clearResults();
    // an event flow runs left to right: it gets the whole width, the cards go below it
    main.classList.toggle('ddd-wide', result.diagram.kind === 'mermaid' && result.diagram.diagram === 'saga-flow');
    showKind('saga');
    placeDiagram();
    controls.update(run, 'saga');
    replaceChildren(statusCard, [run.style === 'orchestrated' ? orchestratedStatus(run) : choreographyStatus(run)]);
    replaceChildren(side, run.style === 'orchestrated' ? orchestratedRunView(run, act) : choreographyRunView(run, act));
    await machine.show(result.diagram, run, theme);
    status.textContent = '';
  };

  host.onMessage((message: ExtensionMessage) => {
    switch (message.type) {
      case 'targets':
        controls.setTargets(message.sagas, message.streams, message.selected ?? state.target);
        if (message.selected) {
          state.target = message.selected;
          save();
        }
        break;
      case 'simulation':
        void drawRun(message.result);
        break;
      case 'exploration':
        showResults(message.result.saga, explorationView(message.result, act));
        break;
      case 'bulk':
        showResults(message.result.saga, bulkView(message.result, act));
        break;
      case 'replay':
        // a stream is no saga: the saga's run, diagram cards and many-run tables go
        shown = undefined;
        clearResults();
        replaceChildren(statusCard, []);
        replaceChildren(side, []);
        showKind('stream');
        controls.update(undefined, 'stream');
        replaceChildren(replay, [replayView(message.result)]);
        status.textContent = '';
        break;
      case 'busy':
        status.textContent = message.text;
        break;
      case 'error':
        status.textContent = `Error: ${message.message}`;
        break;
      default:
        break;
    }
  });
  watchTheme((next) => {
    theme = next;
    host.post({ type: 'theme', theme });
    if (shown) void machine.show(shown.diagram, shown.run, theme);
  });
  host.post({ type: 'ready', mode: 'simulator', theme, ...(state.target ? { target: state.target } : {}) });
}
