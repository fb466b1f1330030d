/**
 * Drawing in Chromium, as the preview does: mermaid's render time for the
 * example's views and for generated context maps, and the time to put the
 * fast layout's SVG of a map too big for mermaid into a page. Needs Debian's
 * Chromium (or CHROME_PATH); says so and skips when there is none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { findChromium, renderMermaidSvgs } from '../cli/export';
import { aggregateDiagram, contextMapDiagram, contextMapLayout, contextMapSvg, findSaga, sagaStateDiagram } from '../language/diagrams/index';
import { checkWorkspace, type SourceFile } from '../language/index';
import { generateContextMap } from './diagrams';
import { ms, table, target, type BenchSection } from './report';

function readFolder(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ddd')) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      files.push({ uri: 'file://' + path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

export const renderSection: BenchSection = {
  name: 'render',
  title: 'Rendering in headless Chromium (mermaid, bundled; as the preview draws)',
  async run({ log, distDir }) {
    const chromium = findChromium();
    if (!chromium.path) {
      log(`  skipped: ${chromium.problem ?? 'no Chromium found'} (install Debian's chromium or set CHROME_PATH)`);
      return;
    }
    const examples = checkWorkspace(readFolder(resolve(distDir, '../examples/order-saga'))).model;
    const saga = findSaga(examples, 'OrderSaga');
    const map50 = checkWorkspace(generateContextMap(50, 150).files).model;
    const diagrams: [string, string][] = [
      ['example context map (9 contexts)', contextMapDiagram(examples).text],
      ['OrderSaga state machine', saga ? sagaStateDiagram(saga).text : 'stateDiagram-v2\n  [*] --> A'],
      ['Sales aggregates (class diagram)', aggregateDiagram(examples, 'Sales').text],
      ['generated context map, 50 contexts / 150 relationships', contextMapDiagram(map50).text],
    ];
    const timings: number[] = [];
    // the first render also warms mermaid up: render the list twice, keep the second
    await renderMermaidSvgs([...diagrams.map(([, text]) => text), ...diagrams.map(([, text]) => text)], chromium.path, timings);
    const rows = diagrams.map(([what], index) => [what, ms(timings[diagrams.length + index]!), '']);

    // a map too big for mermaid: the preview lays it out itself and inserts the SVG
    const big = checkWorkspace(generateContextMap(100, 300).files).model;
    const started = performance.now();
    const svg = contextMapSvg(contextMapLayout(big));
    const layoutMs = performance.now() - started;
    const insert = await measureInsertion(chromium.path, svg, resolve(distDir, '..'));
    rows.push(['100 contexts / 300 relationships: layout + SVG (Node)', ms(layoutMs), '']);
    rows.push(['… inserted and laid out in the page', ms(insert), '']);
    rows.push(['… total to a drawn map', ms(layoutMs + insert), target(layoutMs + insert, 2000)]);
    log(table(['diagram', 'render', 'target'], rows));
    log();
    log('  mermaid.render in one page, warm (the preview loads mermaid once); for comparison (docs: diagram-scale) mermaid draws 100 / 300 in 2,812 ms');
  },
};

/** Puts an SVG into a page and forces layout; the time in ms, as the page measures it. */
async function measureInsertion(chromium: string, svg: string, root: string): Promise<number> {
  // loaded from the project's node_modules at run time, not bundled (as the CLI's SVG export does)
  const { chromium: launcher } = createRequire(join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body><div id="holder"></div></body></html>');
    return await page.evaluate((markup) => {
      const holder = document.getElementById('holder')!;
      const started = performance.now();
      holder.innerHTML = markup;
      (holder.querySelector('svg') as SVGSVGElement).getBBox();
      return performance.now() - started;
    }, svg);
  } finally {
    await browser.close();
  }
}
