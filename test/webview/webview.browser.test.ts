/**
 * The webview bundle in headless Chromium, fed by the real custom-request
 * handlers on examples/order-saga through a stand-in extension: every view
 * draws, clicks reveal sources, zoom survives a re-render, hostile names stay
 * text, the simulator steps and highlights. With DDD_SCREENSHOTS=1, screenshots
 * go to test-results/webview/. Skipped (saying why) when Chromium is not
 * installed; in CI (CI set) that fails instead.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateContextMap } from '../../src/bench/diagrams';
import { bigSaga } from '../../src/bench/scale-workspaces';
import { checkWorkspace, type CheckResult } from '../../src/language/index';
import {
  applySimulatorAction,
  emptySimulatorSession,
  parseWebviewMessage,
  viewKey,
  type DiagramParams,
  type RenderMessage,
  type SimulationRun,
  type SimulatorSession,
  type ThemeKind,
  type WebviewMessage,
} from '../../src/protocol/index';
import { customRequestHandlers, type CustomRequestHandlers } from '../../src/server/custom-requests';
import { clickName, hostileModel } from '../diagrams/support';
import { chromiumFor } from '../chromium';
import { readWorkspace } from '../helpers';
import { chromiumPath, cspViolations, openPanel, screenshots, startHarness, type Harness, type Panel } from './harness';

const browserFound = chromiumFor('the webview browser tests');

const example = checkWorkspace(readWorkspace('examples/order-saga'));
const handlersOf = (checked: CheckResult): CustomRequestHandlers => customRequestHandlers({ model: () => checked.model, diagnostics: () => checked.diagnostics });

describe.skipIf(!browserFound)(`the webview in Chromium (${chromiumPath.path ?? 'none'})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await harness?.dispose();
  });

  describe('preview', () => {
    let panel: Panel;
    /** The model the stand-in extension answers from (tests swap it). */
    let handlers = handlersOf(example);
    let theme: ThemeKind = 'dark';
    let lastParams: DiagramParams = { view: 'context-map' };

    const renderMessage = (params: DiagramParams): RenderMessage => {
      const diagram = handlers['ddd/diagram']({ ...params, options: { ...params.options, theme } });
      return { type: 'render', views: handlers['ddd/views']({}).views, selected: viewKey(diagram.ref), diagram };
    };
    const show = async (params: DiagramParams) => {
      lastParams = params;
      await panel.send(renderMessage(params));
    };
    const extension = async (message: WebviewMessage, target: Panel) => {
      if (message.type === 'ready' || message.type === 'theme') theme = message.theme;
      if (message.type === 'theme') await target.send(renderMessage(lastParams));
      if (message.type === 'selectView') {
        const { type, ...params } = message;
        void type;
        await show(params);
      }
    };
    const stageSvg = (selector: string) => `.ddd-stage svg ${selector}`;
    const transform = () => panel.page.locator('.ddd-stage').evaluate((element) => (element as HTMLElement).style.transform);

    beforeAll(async () => {
      panel = await openPanel(harness, 'preview', extension, { theme: 'dark' });
      const ready = await panel.ready.catch((error: Error) => {
        throw new Error(`${error.message}: ${panel.problems.join('\n')}`);
      });
      expect(ready).toMatchObject({ type: 'ready', mode: 'preview', theme: 'dark' });
    }, 30_000);
    afterAll(async () => {
      await panel?.close();
    });

    test('the context map: a node per context, tabs for the views, and a click reveals the source', async () => {
      await show({ view: 'context-map' });
      const sales = panel.page.locator(stageSvg('g[id*="-flowchart-c_Sales-"]'));
      await sales.waitFor();
      expect(await panel.page.locator(stageSvg('g.node')).count()).toBe(example.model.contexts.size);
      expect(await panel.page.locator('vscode-tab-header').allTextContents()).toEqual(['Context map', 'Aggregates', 'Sagas', 'Flows', 'Event storming', 'Domains']);
      await panel.screenshot('preview-context-map-dark');
      const revealed = panel.next('revealSource');
      await sales.click();
      const message = await revealed;
      const salesRef = handlers['ddd/diagram']({ view: 'context-map' }).nodes.find((node) => node.label === 'Sales')!;
      expect(message).toEqual({ type: 'revealSource', uri: salesRef.uri, range: salesRef.range });
    });

    test('no edge label covers another label or a context', async () => {
      await show({ view: 'context-map' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Sales-"]')).waitFor();
      const found = await panel.page.locator('.ddd-stage svg').evaluate((svg) => {
        const boxes = (selector: string) =>
          Array.from(svg.querySelectorAll<SVGGraphicsElement>(selector))
            .map((element) => ({ text: element.textContent ?? '', box: element.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.height > 0);
        const labels = boxes('g.edgeLabel');
        const nodes = boxes('g.node');
        const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        const clashes: string[] = [];
        labels.forEach((label, i) => {
          for (const other of labels.slice(i + 1)) if (meet(label.box, other.box)) clashes.push(`${label.text} / ${other.text}`);
          for (const node of nodes) if (meet(label.box, node.box)) clashes.push(`${label.text} / ${node.text}`);
        });
        return { labels: labels.map((label) => label.text), clashes };
      });
      expect(found.labels).toContain('Shared kernel: Money');
      expect(found.labels).toHaveLength(8);
      expect(found.clashes).toEqual([]);
    });

    test('zoom and scroll survive a new render of the same view (the model was edited)', async () => {
      const scale = (text: string) => Number(/scale\(([\d.]+)\)/.exec(text)?.[1]);
      const fitted = scale(await transform());
      await panel.page.locator('vscode-button', { hasText: '+' }).click();
      await panel.page.locator('vscode-button', { hasText: '+' }).click();
      const viewport = panel.page.locator('.ddd-viewport');
      const box = (await viewport.boundingBox())!;
      await panel.page.mouse.move(box.x + 200, box.y + 200);
      await panel.page.mouse.down();
      await panel.page.mouse.move(box.x + 260, box.y + 230, { steps: 5 });
      await panel.page.mouse.up();
      const before = await transform();
      expect(scale(before)).toBeCloseTo(fitted * 1.5625, 4);
      // the same view, one more context in the model
      const edited = checkWorkspace([...readWorkspace('examples/order-saga'), { uri: 'file:///audit.ddd', text: 'context Audit\ncontextmap Extra { Audit -> Sales }' }]);
      handlers = handlersOf(edited);
      await show({ view: 'context-map' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Audit-"]')).waitFor();
      expect(await transform()).toBe(before);
      handlers = handlersOf(example);
      // no click was taken for the drag
      expect(panel.posted.filter((message) => message.type === 'revealSource')).toHaveLength(1);
    });

    test("the saga's state machine and sequence", async () => {
      await show({ view: 'saga', name: 'OrderSaga', variant: 'states' });
      await panel.page.locator(stageSvg('g[id*="-state-PAYMENT_FAILED-"]')).waitFor();
      for (const state of ['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_FAILED', 'COMPLETED', 'FAILED']) {
        expect(await panel.page.locator(stageSvg(`g[id*="-state-${state}-"]`)).count(), state).toBe(1);
      }
      await panel.screenshot('preview-saga-states-dark');
      await show({ view: 'saga', name: 'OrderSaga', variant: 'sequence' });
      await panel.page.locator(stageSvg('text.messageText')).first().waitFor();
      expect(await panel.page.locator(stageSvg('text.messageText')).allTextContents()).toContain('ProcessPayment');
      // the participants lead to their declarations too, by keyboard as well
      const participants = panel.page.locator('.ddd-stage .ddd-clickable');
      expect(await participants.count()).toBeGreaterThanOrEqual(4);
      const revealed = panel.next('revealSource');
      await participants.first().focus();
      await panel.page.keyboard.press('Enter');
      expect((await revealed).uri).toMatch(/^file:.*examples\/order-saga\/.*\.ddd$/);
      await panel.screenshot('preview-saga-sequence-dark');
      await show({ view: 'saga', name: 'PlaceOrderChoreography' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-"]')).first().waitFor();
      await panel.screenshot('preview-saga-flow-dark');
    });

    test('aggregates and domains', async () => {
      await show({ view: 'aggregates', name: 'Sales' });
      await panel.page.locator(stageSvg('g[id*="-classId-"]')).first().waitFor();
      await panel.screenshot('preview-aggregates-dark');
      await show({ view: 'domains' });
      await panel.page.locator(stageSvg('g.cluster')).first().waitFor();
      await panel.screenshot('preview-domains-dark');
    });

    test('the storming board: HTML sticky notes in the community colours, on a timeline', async () => {
      await show({ view: 'storming', name: 'Checkout' });
      const events = panel.page.locator('.ddd-note-event');
      await events.first().waitFor();
      expect(await events.count()).toBeGreaterThan(2);
      expect(await events.first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 159, 28)');
      expect(await panel.page.locator('.ddd-note-command').first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(77, 171, 247)');
      // left to right in time
      const lefts = await panel.page.locator('.ddd-note').evaluateAll((notes) => notes.map((note) => (note as HTMLElement).offsetLeft));
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
      expect(await panel.page.locator('.ddd-board-link').count()).toBeGreaterThan(2);
      await panel.page.locator('vscode-button', { hasText: 'Fit' }).click();
      await panel.screenshot('preview-storming-board-dark');
      const revealed = panel.next('revealSource');
      await panel.page.locator('.ddd-note-event', { hasText: 'OrderPlaced' }).first().click();
      expect((await revealed).uri).toMatch(/storming\/checkout\.ddd$/);
    });

    test('exports: SVG and PNG drawn in the page, Markdown asked of the extension', async () => {
      await show({ view: 'saga', name: 'OrderSaga', variant: 'states' });
      await panel.page.locator(stageSvg('g[id*="-state-STARTED-"]')).waitFor();
      const svg = panel.next('export', (message) => message.format === 'svg');
      await panel.page.locator('vscode-button', { hasText: 'Export SVG' }).click();
      const svgMessage = await svg;
      expect(svgMessage.content).toMatch(/^<svg /);
      expect(svgMessage.fileName).toBe('OrderSaga-state-machine.svg');
      const png = panel.next('export', (message) => message.format === 'png');
      await panel.page.locator('vscode-button', { hasText: 'Export PNG' }).click();
      expect((await png).content).toMatch(/^data:image\/png;base64,/);
      const markdown = panel.next('export', (message) => message.format === 'markdown');
      await panel.page.locator('vscode-button', { hasText: 'Export Markdown' }).click();
      expect(await markdown).toEqual({ type: 'export', format: 'markdown', fileName: 'OrderSaga-state-machine.md' });
      // the board exports its mermaid form
      await show({ view: 'storming', name: 'Checkout' });
      await panel.page.locator('.ddd-note').first().waitFor();
      const boardSvg = panel.next('export', (message) => message.format === 'svg');
      await panel.page.locator('vscode-button', { hasText: 'Export SVG' }).click();
      expect((await boardSvg).content).toContain('OrderPlaced');
    });

    test("the Export menu offers every model export the extension lists, and asks the extension for the one chosen", async () => {
      const menu = panel.page.locator('vscode-single-select.ddd-model-export');
      expect(await menu.isHidden()).toBe(true);
      await panel.send({ type: 'exportFormats', formats: handlers['ddd/exportFormats']({}).formats.map(({ id, label, description }) => ({ id, label, description })) });
      await menu.waitFor({ state: 'visible' });
      await panel.screenshot('preview-export-menu');
      const options = await menu.locator('vscode-option').evaluateAll((elements) => elements.map((element) => [element.getAttribute('value'), element.textContent]));
      expect(options).toEqual([['', 'Export model…'], ...handlers['ddd/exportFormats']({}).formats.map((format) => [format.id, format.label])]);
      const asked = panel.next('exportModel');
      await menu.evaluate((element) => {
        (element as HTMLElement & { value: string }).value = 'plantuml';
        element.dispatchEvent(new Event('change'));
      });
      expect(await asked).toEqual({ type: 'exportModel', format: 'plantuml' });
      // back to its prompt: a menu, not a setting
      expect(await menu.evaluate((element) => (element as HTMLElement & { value: string }).value)).toBe('');
    });

    test('100 contexts and 300 relationships: the fast layout (time printed), clickable, with smaller views offered', async () => {
      const big = checkWorkspace(generateContextMap(100, 300).files);
      handlers = handlersOf(big);
      const started = performance.now();
      await show({ view: 'context-map' });
      await panel.page.waitForFunction(() => document.querySelectorAll('.ddd-core-svg svg g.ddd-node').length === 100);
      const ms = performance.now() - started;
      console.log(`preview: 100-context map from request to drawn in Chromium: ${ms.toFixed(0)} ms`);
      expect(await panel.page.locator('.ddd-notice').textContent()).toMatch(/too many for mermaid/);
      await panel.screenshot('preview-context-map-100-dark');
      const revealed = panel.next('revealSource');
      await panel.page.locator('.ddd-core-svg g.ddd-node[data-id="c_Context001"] rect').click({ force: true });
      expect((await revealed).range.start.line).toBeGreaterThan(0);
      // a smaller view, chosen from the notice
      const selected = panel.next('selectView');
      await panel.page.locator('.ddd-notice vscode-single-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = '0';
        select.dispatchEvent(new Event('change'));
      });
      const choice = await selected;
      expect(choice.options?.focus).toBeDefined();
      await panel.page.locator(stageSvg('g.node')).first().waitFor();
      await panel.screenshot('preview-context-map-focused-dark');
      // mermaid asked for: too large, not drawn until the user says so
      await show({ view: 'context-map', options: { layout: 'mermaid' } });
      await panel.page.locator('.ddd-notice', { hasText: 'too large to draw quickly' }).waitFor();
      expect(await panel.page.locator('.ddd-stage svg').count()).toBe(0);
      expect(await panel.page.locator('.ddd-notice vscode-button', { hasText: 'Draw it anyway' }).count()).toBe(1);
      await panel.screenshot('preview-too-large-dark');
      handlers = handlersOf(example);
    });

    test('model text is text: a context named `"]; click A call alert(1)` and markup in names run nothing', async () => {
      const hostile = hostileModel();
      handlers = handlersOf(hostile);
      await show({ view: 'context-map' });
      await panel.page.locator('.ddd-stage svg g.node').first().waitFor();
      const text = await panel.page.locator('.ddd-stage').innerText();
      expect(text).toContain(clickName);
      expect(text).toContain('<script>alert(1)</script>');
      const executable = await panel.page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: Array.from(document.querySelectorAll('.ddd-stage *')).flatMap((element) => Array.from(element.attributes).filter((attribute) => /^on/i.test(attribute.name))).length,
        images: document.querySelectorAll('.ddd-stage img, .ddd-stage iframe').length,
      }));
      expect(executable).toEqual({ scripts: 2, handlers: 0, images: 0 });
      await panel.screenshot('preview-hostile-names-dark');
      // the click on the hostile node reveals its source, nothing else
      await show({ view: 'storming', name: hostile.model.boards.find((board) => board.name.startsWith('HostileBoard'))!.name });
      await panel.page.locator('.ddd-note').first().waitFor();
      expect(await panel.page.locator('.ddd-board').innerText()).toContain('"]; click A call alert(1)');
      await show({ view: 'saga', name: hostile.model.sagas[0]!.name, variant: 'sequence' });
      await panel.page.locator('.ddd-stage svg').first().waitFor();
      // what the drawing could start runs by the next frame and the task after it; a dialog would hold the page until dismissed (and recorded)
      await panel.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      expect(panel.dialogs).toEqual([]);
      handlers = handlersOf(example);
    });

    test('the light theme: mermaid and the page follow VS Code', async () => {
      await show({ view: 'context-map' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Sales-"]')).waitFor();
      /** The drawing on the stage now, to wait for the one drawn again in the new theme. */
      const drawn = () => panel.page.locator('.ddd-stage svg').first().elementHandle();
      const dark = await drawn();
      const themed = panel.next('theme');
      await panel.setTheme('light');
      expect(await themed).toEqual({ type: 'theme', theme: 'light' });
      await panel.page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)');
      await panel.page.waitForFunction((before) => document.querySelector('.ddd-stage svg') !== before, dark);
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Sales-"]')).waitFor();
      await panel.page.locator('vscode-button', { hasText: 'Fit' }).click();
      await panel.screenshot('preview-context-map-light');
      await show({ view: 'storming', name: 'Checkout' });
      await panel.page.locator('.ddd-note').first().waitFor();
      await panel.page.locator('vscode-button', { hasText: 'Fit' }).click();
      await panel.screenshot('preview-storming-board-light');
      // high contrast: mermaid's base theme with the contrast colours
      await show({ view: 'saga', name: 'OrderSaga', variant: 'states' });
      await panel.page.locator(stageSvg('g[id*="-state-STARTED-"]')).waitFor();
      const light = await drawn();
      const contrast = panel.next('theme');
      await panel.setTheme('high-contrast');
      expect((await contrast).theme).toBe('high-contrast');
      await panel.page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)');
      await panel.page.waitForFunction((before) => document.querySelector('.ddd-stage svg') !== before, light);
      await panel.page.locator(stageSvg('g[id*="-state-STARTED-"]')).waitFor();
      await panel.screenshot('preview-saga-states-high-contrast');
      await panel.setTheme('dark');
    });

    test('the context map has a legend: the colours of the subdomain types and external systems, the role abbreviations', async () => {
      await show({ view: 'context-map' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Sales-"]')).waitFor();
      const legend = panel.page.locator('.ddd-map-legend');
      await legend.waitFor();
      const text = (await legend.innerText()).replace(/\s+/g, ' ');
      for (const label of ['core subdomain', 'supporting subdomain', 'generic subdomain', 'external system', 'OHS open host service', 'ACL anti-corruption layer']) expect(text).toContain(label);
      const core = await legend.locator('[data-category="core"] .ddd-swatch').evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(core).toBe('rgb(255, 224, 102)');
      await panel.screenshot('preview-context-map-legend-dark');
      // not on another view
      await show({ view: 'saga', name: 'OrderSaga', variant: 'states' });
      await panel.page.locator(stageSvg('g[id*="-state-STARTED-"]')).waitFor();
      expect(await legend.count()).toBe(0);
    });

    test('all six tabs are always there; an empty one names the snippet that fills it, with nothing to export', async () => {
      handlers = handlersOf(checkWorkspace([{ uri: 'file:///lending.ddd', text: 'context Catalogue\ncontext Loans\ncontextmap Library {\n  Catalogue -> Loans\n}' }]));
      await show({ view: 'context-map' });
      await panel.page.locator(stageSvg('g[id*="-flowchart-c_Loans-"]')).waitFor();
      expect(await panel.page.locator('vscode-tab-header').allTextContents()).toEqual(['Context map', 'Aggregates', 'Sagas', 'Flows', 'Event storming', 'Domains']);
      const asked = panel.next('selectView');
      await panel.page.locator('vscode-tab-header', { hasText: 'Sagas' }).click();
      expect(await asked).toEqual({ type: 'selectView', view: 'saga' });
      const empty = panel.page.locator('.ddd-notice.ddd-empty');
      await empty.waitFor();
      const text = await empty.innerText();
      expect(text).toMatch(/No sagas yet/);
      expect(text).toContain('saga (the snippet “Orchestrated saga”)');
      expect(await empty.locator('code').first().textContent()).toBe('saga');
      expect(await panel.page.locator('.ddd-stage svg').count()).toBe(0);
      for (const name of ['Export SVG', 'Export PNG', 'Export Markdown']) expect(await panel.page.locator('vscode-button', { hasText: name }).getAttribute('disabled'), name).not.toBeNull();
      await panel.screenshot('preview-empty-sagas-dark');
      // the domains tab, empty too
      await panel.page.locator('vscode-tab-header', { hasText: 'Domains' }).click();
      await panel.page.locator('.ddd-notice.ddd-empty', { hasText: 'No domains yet' }).waitFor();
      expect(await panel.page.locator('.ddd-notice.ddd-empty').innerText()).toContain('domain (the snippet “Domain”)');
      // back to something drawn: exports enabled again
      handlers = handlersOf(example);
      await show({ view: 'saga', name: 'OrderSaga', variant: 'states' });
      await panel.page.locator(stageSvg('g[id*="-state-STARTED-"]')).waitFor();
      expect(await panel.page.locator('.ddd-notice.ddd-empty').isVisible()).toBe(false);
      expect(await panel.page.locator('vscode-button', { hasText: 'Export Markdown' }).getAttribute('disabled')).toBeNull();
    });

    test('the pin: pressed, it tells the extension and is kept in the saved state; a page restored pinned says so', async () => {
      const pin = panel.page.locator('vscode-button.ddd-pin');
      expect(await pin.getAttribute('aria-pressed')).toBe('false');
      const pinned = panel.next('pin');
      await pin.click();
      expect(await pinned).toEqual({ type: 'pin', pinned: true });
      expect(await pin.getAttribute('aria-pressed')).toBe('true');
      expect(await pin.textContent()).toBe('Pinned');
      await panel.page.waitForFunction(() => (globalThis as unknown as { eval(code: string): { pinned?: boolean } | undefined }).eval('__state')?.pinned === true);
      const unpinned = panel.next('pin');
      await pin.click();
      expect(await unpinned).toEqual({ type: 'pin', pinned: false });
      // a page restored with the pin on (after a reload): `ready` says so, the button shows it
      const restored = await openPanel(harness, 'preview', () => undefined, { theme: 'dark', state: { pinned: true, view: { type: 'selectView', view: 'saga', name: 'OrderSaga' } } });
      try {
        expect(await restored.ready).toEqual({ type: 'ready', mode: 'preview', theme: 'dark', view: { type: 'selectView', view: 'saga', name: 'OrderSaga' }, pinned: true });
        expect(await restored.page.locator('vscode-button.ddd-pin').getAttribute('aria-pressed')).toBe('true');
        expect(restored.problems).toEqual([]);
      } finally {
        await restored.close();
      }
    });

    test('the page kept to its rules: no CSP violation, no error, every posted message valid, state saved', async () => {
      expect(await cspViolations(panel.page)).toEqual([]);
      expect(panel.problems).toEqual([]);
      expect(panel.refused).toEqual([]);
      expect(panel.dialogs).toEqual([]);
      for (const message of panel.posted) expect(parseWebviewMessage(message)).toEqual(message);
    });
  });

  describe('simulator', () => {
    let panel: Panel;
    let session: SimulatorSession = emptySimulatorSession;
    let last: SimulationRun | undefined;
    const handlers = handlersOf(example);

    const extension = async (message: WebviewMessage, target: Panel) => {
      if (message.type === 'ready') {
        const views = handlers['ddd/views']({});
        await target.send({ type: 'targets', sagas: views.sagas, streams: views.streams });
        return;
      }
      if (message.type !== 'simulate') return;
      const update = applySimulatorAction(session, message.request, last);
      session = update.session;
      const request = update.request;
      if (!request) return;
      switch (request.method) {
        case 'ddd/simulate': {
          const result = handlers['ddd/simulate'](request.params);
          last = result.run;
          await target.send({ type: 'simulation', result });
          break;
        }
        case 'ddd/explore':
          await target.send({ type: 'exploration', result: await handlers['ddd/explore'](request.params) });
          break;
        case 'ddd/bulk':
          await target.send({ type: 'bulk', result: await handlers['ddd/bulk'](request.params) });
          break;
        case 'ddd/replay':
          await target.send({ type: 'replay', result: handlers['ddd/replay'](request.params) });
          break;
        default:
          break;
      }
    };
    const current = (state: string) => panel.page.locator(`.ddd-machine svg g.ddd-current[id*="-state-${state}-"]`);
    const press = (label: string) => panel.page.locator('.ddd-toolbar vscode-button', { hasText: label }).first().click();

    beforeAll(async () => {
      panel = await openPanel(harness, 'simulator', extension, { theme: 'dark', height: 1000 });
      await panel.ready;
    }, 30_000);
    afterAll(async () => {
      await panel?.close();
    });

    test('choose a saga, step, fail this step, crash here, resume, run to the end', async () => {
      await panel.page.locator('vscode-single-select.ddd-target-select vscode-option').first().waitFor({ state: 'attached' });
      await panel.page.locator('vscode-single-select.ddd-target-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = 'saga:OrderSaga';
        select.dispatchEvent(new Event('change'));
      });
      await current('STARTED').waitFor();
      await press('Step ▶');
      await current('ORDER_CREATED').waitFor();
      await press('Step ▶');
      await current('INV_RESERVED').waitFor();
      expect(await panel.page.locator('.ddd-status-card').innerText()).toMatch(/Next: send ProcessPayment to Billing/);
      await panel.screenshot('simulator-stepping-dark');
      await press('Fail this step');
      await current('PAYMENT_FAILED').waitFor();
      expect(await panel.page.locator('.ddd-timeline .ddd-event-failed').count()).toBe(1);
      await press('Crash here');
      await panel.page.locator('.ddd-crashed').waitFor();
      expect(await panel.page.locator('.ddd-event-crash').count()).toBe(1);
      await press('Step ▶');
      await panel.page.locator('.ddd-event-resume').waitFor();
      const primary = (label: string) => panel.page.locator('.ddd-toolbar vscode-button', { hasText: label }).first().evaluate((button) => !button.hasAttribute('secondary'));
      expect([await primary('Step ▶'), await primary('Reset')]).toEqual([true, false]);
      await press('Run to end');
      await current('FAILED').waitFor();
      expect(await panel.page.locator('.ddd-verdict').innerText()).toMatch(/every guarantee holds[\s\S]*failed in FAILED after ReleaseInventory, CancelOrder/);
      // the run is over: Step is off and no longer the filled button; Reset is
      expect(await panel.page.locator('.ddd-toolbar vscode-button', { hasText: 'Step ▶' }).first().getAttribute('disabled')).not.toBeNull();
      expect([await primary('Step ▶'), await primary('Reset')]).toEqual([false, true]);
      // the visited states are marked, the current one stands out
      expect(await panel.page.locator('.ddd-machine svg g.ddd-visited').count()).toBeGreaterThan(2);
      // Fit shows the whole machine, which opens at a readable size cut at the bottom
      const whole = () =>
        panel.page.locator('.ddd-machine').evaluate((machine) => {
          const viewport = machine.querySelector('.ddd-viewport')!.getBoundingClientRect();
          const drawing = machine.querySelector('.ddd-stage svg')!.getBoundingClientRect();
          return drawing.top >= viewport.top - 1 && drawing.bottom <= viewport.bottom + 1 && drawing.left >= viewport.left - 1 && drawing.right <= viewport.right + 1;
        });
      expect(await whole()).toBe(false); // at this window size
      await panel.page.locator('.ddd-machine-zoom vscode-button', { hasText: 'Fit' }).click();
      await expect.poll(whole).toBe(true);
      await panel.screenshot('simulator-failed-run-dark');
    });

    test('per-step injections: fail ConfirmOrder always, and the run ends stuck, breaching a guarantee', async () => {
      await press('Clear injections');
      await current('STARTED').waitFor();
      const row = panel.page.locator('.ddd-steps tr', { hasText: 'ConfirmOrder' });
      await row.locator('vscode-button', { hasText: 'Always' }).click();
      await row.locator('vscode-button.ddd-on', { hasText: 'Always' }).waitFor();
      // the table says how far a retried step goes: not "until it succeeds"
      expect(await row.innerText()).toMatch(/retried, up to 3 times \(then stuck\)/);
      expect(await panel.page.locator('.ddd-steps').innerText()).not.toMatch(/until it succeeds/);
      await press('Run to end');
      await panel.page.locator('.ddd-verdict .ddd-bad').first().waitFor();
      const verdict = await panel.page.locator('.ddd-verdict').innerText();
      // the breaches in words, not as their codes (the code is in the tooltip)
      expect(verdict).toMatch(/Stuck: The step ConfirmOrder failed 4 times in a row/);
      expect(verdict).toMatch(/Still held at the end: /);
      expect(verdict).not.toMatch(/not-terminal|left-held/);
      expect(await panel.page.locator('.ddd-verdict .ddd-breaches strong').first().getAttribute('title')).toBe('not-terminal');
      expect(await panel.page.locator('.ddd-status-card .ddd-progress').innerText()).toBe('Step 4 of 4');
    });

    test("the status counts the saga's steps, compensations apart", async () => {
      await press('Clear injections');
      await current('STARTED').waitFor();
      const progress = panel.page.locator('.ddd-status-card .ddd-progress');
      expect(await progress.innerText()).toBe('Step 1 of 4');
      await press('Step ▶');
      await current('ORDER_CREATED').waitFor();
      expect(await progress.innerText()).toBe('Step 2 of 4');
      await panel.page.locator('.ddd-steps tr', { hasText: 'ProcessPayment' }).locator('vscode-button', { hasText: 'Fail' }).first().click();
      await press('Run to end');
      await current('FAILED').waitFor();
      expect(await progress.innerText()).toBe('Step 3 of 4 · +2 compensations');
    });

    test('explore every failure, replay an outcome, and bulk runs', async () => {
      await press('Clear injections');
      await press('Explore all failures');
      await panel.page.locator('.ddd-results table').waitFor();
      const rows = await panel.page.locator('.ddd-results tbody tr').count();
      expect(rows).toBe((await handlers['ddd/explore']({ saga: 'OrderSaga' })).outcomes.length);
      await panel.screenshot('simulator-explore-dark');
      await panel.page.locator('.ddd-results tbody tr', { hasText: 'FAILED' }).first().locator('vscode-button', { hasText: 'Replay' }).click();
      await current('FAILED').waitFor();
      await panel.page.locator('.ddd-field vscode-textfield').first().evaluate((field) => {
        (field as HTMLElement & { value: string }).value = '2000';
      });
      const bulk = panel.next('simulate', (message) => message.request.action === 'bulk');
      await press('Run bulk');
      expect((await bulk).request).toEqual({ action: 'bulk', runs: 2000, seed: 1, failureRate: 0.1 });
      await panel.page.locator('.ddd-results h3', { hasText: '2,000 runs' }).waitFor();
      await panel.page.locator('.ddd-results').scrollIntoViewIfNeeded();
      await panel.screenshot('simulator-bulk-dark', '.ddd-results');
    });

    test('explore all failures: the verdict says what the warnings below it mean; backticks are code; breaches in words', async () => {
      await panel.page.locator('vscode-single-select.ddd-target-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = 'saga:OrderSaga';
        select.dispatchEvent(new Event('change'));
      });
      await current('STARTED').waitFor();
      await press('Explore all failures');
      const results = panel.page.locator('.ddd-results');
      await results.locator('table').waitFor();
      const verdict = await results.locator('.ddd-explore-verdict').innerText();
      expect(verdict).toMatch(/^✓ Every guarantee holds in every run where each command eventually succeeds\. Below, what is no breach but needs a decision: a command that never succeeds leaves the saga stuck until an operator steps in \(the rows marked !\); and 6 commands would be done twice after a crash\.$/);
      expect(await results.locator('.ddd-never-succeeds h4').innerText()).toBe('When a command never succeeds');
      expect(await results.locator('.ddd-never-succeeds li').first().innerText()).toMatch(/^Stuck: The step ConfirmOrder failed 4 times in a row.*\(1 run\)$/);
      expect(await results.locator('.ddd-risk-list h4').innerText()).toBe('Risk: 6 commands done twice after a crash');
      expect(await results.locator('.ddd-risk-list p').innerText()).toMatch(/Make the participant ignore a command it has already handled, then mark the step idempotent\./);
      // `idempotent` is code, not backticks
      const text = await results.innerText();
      expect(text).not.toContain('`');
      expect(await results.locator('.ddd-risks li code', { hasText: 'idempotent' }).count()).toBe(6);
      expect(await results.locator('.ddd-risk-list p code').innerText()).toBe('idempotent');
      // the rows: how each run ended, its breaches in words
      const table = await results.locator('table').innerText();
      expect(table).not.toMatch(/not-terminal|left-held/);
      expect(table).toMatch(/stuck in PAYMENT_DONE/);
      expect(table).toMatch(/! stuck on ConfirmOrder; still held: CreateOrder, ReserveInventory, ProcessPayment/);
      expect(table).toMatch(/completed in COMPLETED/);
      await panel.screenshot('simulator-explore-warnings-dark', '.ddd-results');
    });

    test('an exploration stopped by its budget says how far it got, and its verdict speaks of the runs explored only', async () => {
      const big = handlersOf(checkWorkspace([{ uri: 'file:///big.ddd', text: bigSaga(300) }]));
      const result = await big['ddd/explore']({ saga: 'Big', budget: 20_000 });
      await panel.send({ type: 'exploration', result });
      const results = panel.page.locator('.ddd-results');
      await results.locator('h3', { hasText: 'Failure and crash points of Big' }).waitFor();
      const note = await results.locator('.ddd-explore-coverage').innerText();
      expect(note).toMatch(/^Explored [\d,]+ of 46,053 paths \(budget reached\)\. The outcomes below are those of the paths explored: the others may end otherwise\. The budget was 20,000 simulated steps/);
      expect(await results.locator('.ddd-explore-verdict').innerText()).toMatch(/^✗ |in every run explored/);
      expect(await results.locator('tbody tr').count()).toBe(result.outcomes.length);
    });

    test('a bulk run whose steps hit the retry limit says so plainly', async () => {
      await panel.page.locator('.ddd-field vscode-textfield').nth(0).evaluate((field) => {
        (field as HTMLElement & { value: string }).value = '3000';
      });
      await panel.page.locator('.ddd-field vscode-textfield').nth(2).evaluate((field) => {
        (field as HTMLElement & { value: string }).value = '0.6';
      });
      await press('Run bulk');
      const results = panel.page.locator('.ddd-results');
      await results.locator('h3', { hasText: '3,000 runs' }).waitFor();
      expect(await results.locator('.ddd-bulk-stuck').innerText()).toMatch(/^[\d,]+ runs? hit the retry limit: a step after the pivot, or a compensation, failed 4 times in a row \(the first attempt and 3 retries\), so the saga stopped there, neither completed nor failed/);
      const table = await results.locator('table').innerText();
      expect(table).not.toMatch(/not-terminal|left-held/);
      expect(table).toMatch(/✗ stuck on ConfirmOrder; still held: /);
      await panel.screenshot('simulator-bulk-stuck-dark', '.ddd-results');
    });

    test('a stream replay shown by the extension clears the saga and its tables; no "" in the replay', async () => {
      expect(await panel.page.locator('.ddd-sim-results table').count()).toBe(1);
      await panel.send({ type: 'replay', result: handlers['ddd/replay']({ stream: 'Banking.Account123' }) });
      await panel.page.locator('.ddd-replay table').first().waitFor();
      expect(await panel.page.locator('.ddd-sim-results').innerHTML()).toBe('');
      expect(await panel.page.locator('.ddd-sim-main').isHidden()).toBe(true);
      expect(await panel.page.locator('.ddd-sim-side').innerHTML()).toBe('');
      const cells = await panel.page.locator('.ddd-replay td').allInnerTexts();
      expect(cells.length).toBeGreaterThan(10);
      expect(cells.filter((cell) => cell.includes('""'))).toEqual([]);
      // back to the saga: its run, no tables of before
      await panel.page.locator('vscode-single-select.ddd-target-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = 'saga:OrderSaga';
        select.dispatchEvent(new Event('change'));
      });
      await current('STARTED').waitFor();
      expect(await panel.page.locator('.ddd-sim-results').innerHTML()).toBe('');
    });

    test('the state machine grows with the panel; maximized, none of it is cut off below the window', async () => {
      await current('STARTED').waitFor();
      const measure = () =>
        panel.page.evaluate(() => {
          const viewport = document.querySelector('.ddd-machine .ddd-viewport')!.getBoundingClientRect();
          const column = document.querySelector('.ddd-sim-diagram')!.getBoundingClientRect();
          return { height: viewport.height, columnBottom: column.bottom, window: window.innerHeight };
        });
      await panel.page.evaluate(() => window.scrollTo(0, 0));
      // the page lays the saga out again after the replay of the test before: measured once it has
      await expect
        .poll(async () => {
          const seen = await measure();
          return seen.columnBottom - seen.window;
        })
        .toBeLessThanOrEqual(0);
      const before = await measure();
      expect(before.columnBottom).toBeLessThanOrEqual(before.window);
      await panel.page.setViewportSize({ width: 1920, height: 1400 });
      await expect.poll(async () => (await measure()).height).toBeGreaterThan(before.height + 300);
      const after = await measure();
      expect(after.columnBottom).toBeLessThanOrEqual(after.window);
      // all of the drawing in view in the larger area
      await expect
        .poll(() =>
          panel.page.locator('.ddd-machine').evaluate((machine) => {
            const viewport = machine.querySelector('.ddd-viewport')!.getBoundingClientRect();
            const drawing = machine.querySelector('.ddd-stage svg')!.getBoundingClientRect();
            return drawing.top >= viewport.top - 1 && drawing.bottom <= viewport.bottom + 1;
          }),
        )
        .toBe(true);
      await panel.screenshot('simulator-maximized-dark');
      await panel.page.setViewportSize({ width: 1280, height: 1000 });
    });

    test('a choreographed saga: the event flow, a failing reaction, compensation', async () => {
      await panel.page.locator('vscode-single-select.ddd-target-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = 'saga:PlaceOrderChoreography';
        select.dispatchEvent(new Event('change'));
      });
      await panel.page.locator('.ddd-steps tr', { hasText: 'Billing on InventoryReserved' }).waitFor();
      await panel.page.locator('.ddd-steps tr', { hasText: 'Billing on InventoryReserved' }).locator('vscode-button', { hasText: 'Fail' }).click();
      await panel.page.locator('.ddd-steps vscode-button.ddd-on').waitFor();
      await press('Run to end');
      await panel.page.locator('.ddd-verdict', { hasText: 'compensated' }).waitFor();
      // the flow is painted once mermaid has drawn it (machine.ts queues the painting after the drawing),
      // which may be after the verdict shows
      await expect.poll(() => panel.page.locator('.ddd-machine svg g.ddd-failed').count()).toBe(1);
      expect(await panel.page.locator('.ddd-machine svg g.ddd-fired').count()).toBeGreaterThan(2);
      await panel.screenshot('simulator-choreography-dark');
    });

    test('an event stream replayed', async () => {
      await panel.page.locator('vscode-single-select.ddd-target-select').evaluate((select) => {
        (select as HTMLElement & { value: string }).value = 'stream:Banking.Account123';
        select.dispatchEvent(new Event('change'));
      });
      await panel.page.locator('.ddd-replay table').first().waitFor();
      expect(await panel.page.locator('.ddd-replay').innerText()).toMatch(/Deposited/);
      await panel.screenshot('simulator-replay-dark');
    });

    test('the page kept to its rules', async () => {
      expect(await cspViolations(panel.page)).toEqual([]);
      expect(panel.problems).toEqual([]);
      expect(panel.refused).toEqual([]);
      expect(panel.dialogs).toEqual([]);
    });
  });
});
