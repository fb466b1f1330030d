/**
 * The preview at half-width (a panel beside the editor on a laptop): every
 * view of examples/order-saga opens fitted, with its text readable and never
 * as a thin strip across the panel.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { viewKey, type DiagramParams, type WebviewMessage } from '../../src/protocol/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { chromiumFor } from '../chromium';
import { readWorkspace } from '../helpers';
import { openPanel, screenshots, startHarness, type Harness, type Panel } from './harness';

const browserFound = chromiumFor('the preview fit tests');
const example = checkWorkspace(readWorkspace('examples/order-saga'));
const handlers = customRequestHandlers({ model: () => example.model, diagnostics: () => example.diagnostics });

describe.skipIf(!browserFound)('the preview at half-width', () => {
  let harness: Harness;
  let panel: Panel;
  const show = (params: DiagramParams) => {
    const diagram = handlers['ddd/diagram']({ ...params, options: { theme: 'dark' } });
    return panel.send({ type: 'render', views: handlers['ddd/views']({}).views, selected: viewKey(diagram.ref), diagram });
  };
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    harness = await startHarness();
    panel = await openPanel(harness, 'preview', (message: WebviewMessage) => void message, { theme: 'dark', width: 640, height: 820 });
    await panel.ready;
  }, 60_000);
  afterAll(async () => {
    await panel?.close();
    await harness?.dispose();
  });

  const views: [string, DiagramParams, string][] = [
    ['context map', { view: 'context-map' }, 'g.node'],
    ['aggregates', { view: 'aggregates', name: 'Sales' }, 'g[id*="-classId-"]'],
    ['saga states', { view: 'saga', name: 'OrderSaga', variant: 'states' }, 'g[id*="-state-STARTED-"]'],
    ['saga sequence', { view: 'saga', name: 'OrderSaga', variant: 'sequence' }, 'text.messageText'],
    ['saga flow', { view: 'saga', name: 'PlaceOrderChoreography' }, 'g.node'],
    ['domains', { view: 'domains' }, 'g.cluster'],
  ];
  test('a long event flow in a narrow panel is laid out top to bottom, not as a strip', async () => {
    await show({ view: 'saga', name: 'PlaceOrderChoreography' });
    await panel.page.locator('.ddd-stage svg g.node').first().waitFor();
    const box = await panel.page.locator('.ddd-stage svg').boundingBox();
    expect(box!.height).toBeGreaterThan(box!.width);
  });

  test('an edit of a view drawn the other way draws it again that way, in one mermaid run instead of two', async () => {
    const renderId = () => panel.page.locator('.ddd-stage svg').first().getAttribute('id');
    await show({ view: 'saga', name: 'PlaceOrderChoreography' });
    await panel.page.locator('.ddd-stage svg g.node').first().waitFor();
    const before = Number(/\d+$/.exec((await renderId()) ?? '')?.[0]);
    // the same view of the model after an edit (an event renamed everywhere): another text, the same view
    const edited = checkWorkspace(readWorkspace('examples/order-saga').map((file) => ({ ...file, text: file.text.replaceAll('InventoryReserved', 'StockReserved') })));
    const diagram = customRequestHandlers({ model: () => edited.model, diagnostics: () => edited.diagnostics })['ddd/diagram']({ view: 'saga', name: 'PlaceOrderChoreography', options: { theme: 'dark' } });
    expect(diagram.kind === 'mermaid' && diagram.text.includes('StockReserved')).toBe(true);
    await panel.send({ type: 'render', views: handlers['ddd/views']({}).views, selected: viewKey(diagram.ref), diagram });
    await panel.page.locator('.ddd-stage svg text, .ddd-stage svg foreignObject', { hasText: 'StockReserved' }).first().waitFor();
    expect(Number(/\d+$/.exec((await renderId()) ?? '')?.[0])).toBe(before + 1);
    const box = await panel.page.locator('.ddd-stage svg').boundingBox();
    expect(box!.height).toBeGreaterThan(box!.width);
  });

  test('going back to a view drawn a moment ago shows it again without running mermaid again', async () => {
    const drawnId = async (selector: string) => {
      await panel.page.locator(`.ddd-stage svg ${selector}`).first().waitFor();
      return panel.page.locator('.ddd-stage svg').first().getAttribute('id');
    };
    await show({ view: 'context-map' });
    const first = await drawnId('g.node');
    await show({ view: 'domains' });
    const other = await drawnId('g.cluster');
    expect(other).not.toBe(first);
    await show({ view: 'context-map' });
    // the drawing mermaid made first (its ids start with the id it was drawn with), whole and clickable
    expect(await drawnId('g.node')).toBe(first);
    expect(await panel.page.locator('.ddd-stage svg g.node').count()).toBe(example.model.contexts.size);
    expect(await panel.page.locator('.ddd-stage svg g.node.ddd-clickable').count()).toBe(example.model.contexts.size);
  });

  test.each(views)('%s: fitted, readable, not a strip', async (name, params, selector) => {
    await show(params);
    await panel.page.locator(`.ddd-stage svg ${selector}`).first().waitFor();
    await panel.page.waitForTimeout(50);
    const measured = await panel.page.evaluate(() => {
      const viewport = document.querySelector('.ddd-viewport')!.getBoundingClientRect();
      const drawing = document.querySelector('.ddd-stage svg')!.getBoundingClientRect();
      const scale = Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.ddd-stage') as HTMLElement).style.transform)?.[1]);
      const sizes = Array.from(document.querySelectorAll('.ddd-stage svg text, .ddd-stage svg foreignObject span, .ddd-stage svg foreignObject div'))
        .map((element) => parseFloat(getComputedStyle(element).fontSize) * scale)
        .filter((size) => size > 0);
      return { viewport: { width: viewport.width, height: viewport.height }, drawing: { left: drawing.left - viewport.left, top: drawing.top - viewport.top, width: drawing.width, height: drawing.height }, scale, text: Math.min(...sizes) };
    });
    await panel.screenshot(`preview-half-width-${name.replace(/ /g, '-')}`);
    const { viewport, drawing, scale, text } = measured;
    const whole = drawing.left >= 0 && drawing.top >= 0 && drawing.left + drawing.width <= viewport.width && drawing.top + drawing.height <= viewport.height;
    // fitted whole, or as large as reads well from its start (the rest a scroll away)
    expect(whole || scale >= 0.6, JSON.stringify(measured)).toBe(true);
    expect(drawing.left).toBeGreaterThanOrEqual(0);
    expect(drawing.top).toBeGreaterThanOrEqual(0);
    expect(text, 'the smallest text, in pixels on screen').toBeGreaterThanOrEqual(6.5);
    // never a thin strip: what shows covers at least half the panel both ways
    const shown = { width: Math.min(viewport.width, drawing.left + drawing.width) - drawing.left, height: Math.min(viewport.height, drawing.top + drawing.height) - drawing.top };
    expect(shown.width / viewport.width, JSON.stringify(measured)).toBeGreaterThanOrEqual(0.5);
    expect(shown.height / viewport.height, JSON.stringify(measured)).toBeGreaterThanOrEqual(0.5);
  });
});
