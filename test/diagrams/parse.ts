/**
 * mermaid's own parser, for the tests. mermaid 11 needs a DOM even to parse: in
 * plain Node `import mermaid from 'mermaid'` works but `mermaid.parse` throws
 * "DOMPurify.addHook is not a function" (DOMPurify takes the global window when
 * it is imported, and finds none). So mermaid is imported here, once per test
 * worker, while a happy-dom window of its own stands as the global window:
 * DOMPurify keeps that window, and the globals are put back as they were, so
 * the test files stay in plain Node (no per-file DOM environment, no globals
 * that other files in the worker would see). The mermaid imported is the one the
 * preview bundles (see mermaidModule). `mermaid.parse(text)` resolves to
 * `{ diagramType, config }` and rejects with the parser's message on a syntax error.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import type { Mermaid } from 'mermaid';
import { expect } from 'vitest';
import { decodeMermaidText, type MermaidDiagram } from '../../src/language/diagrams/index';
import { withDomGlobals } from '../dom-globals';
import { cachedBundleFile } from '../cached-bundle';
import { mermaidFastConfig } from '../../scripts/mermaid-fast-config.mjs';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

let loading: Promise<Mermaid> | undefined;

/**
 * mermaid as the preview runs it: bundled by esbuild with the plugin that copies its configuration
 * our way (scripts/mermaid-fast-config.mjs), as scripts/build.mjs bundles it, into one module for
 * Node, kept in test-results/bundles/ (test/cached-bundle.ts). Loaded from node_modules as it is,
 * mermaid spent about 4 s of a test run copying its configuration, and its thousand modules
 * (lodash-es, d3, …) took longer to load than one file.
 */
async function mermaidModule(): Promise<{ default: Mermaid }> {
  const file = await cachedBundleFile('mermaid-node', {
    stdin: { contents: "export { default } from 'mermaid';", resolveDir: repositoryRoot, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [mermaidFastConfig()],
    outfile: 'mermaid-node.mjs',
  });
  return (await import(pathToFileURL(file).href)) as { default: Mermaid };
}

/** mermaid, imported with a happy-dom window as the global window for the time of its import, initialised once. */
function mermaidWithItsOwnWindow(): Promise<Mermaid> {
  if (!loading) {
    const window = new Window();
    loading = withDomGlobals({ window, document: window.document }, async () => {
      const { default: mermaid } = await mermaidModule();
      // the plugin's copy is in place (its build fails when it finds no getConfig to replace, and this holds it to it)
      const api = (mermaid as unknown as { mermaidAPI: { getConfig: () => unknown } }).mermaidAPI;
      if (!String(api.getConfig).includes('copyMermaidConfig')) throw new Error("the tests' mermaid bundle has mermaid's own getConfig, not ours");
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      return mermaid;
    });
  }
  return loading;
}

/**
 * What mermaid said of each text already parsed in this test worker: the same
 * text under the same configuration parses the same, and the test files draw
 * the example's views many times over. Bounded; a failure is never kept.
 */
const parsedTexts = new Map<string, Promise<{ diagramType: string }>>();
const PARSED_TEXTS_KEPT = 500;

/** mermaid 11's parser (`mermaid.parse` resolves to `{ diagramType, config }` and rejects on a syntax error). */
export function parseMermaid(text: string): Promise<{ diagramType: string }> {
  const known = parsedTexts.get(text);
  if (known) return known;
  const parsing = (async () => {
    const mermaid = await mermaidWithItsOwnWindow();
    const result = await mermaid.parse(text);
    if (!result) throw new Error('mermaid.parse returned false');
    return result;
  })();
  if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
  parsedTexts.set(text, parsing);
  parsing.catch(() => parsedTexts.delete(text));
  return parsing;
}

/** Parses a diagram with mermaid and returns mermaid's parsed diagram (its `db` holds what mermaid understood). */
export async function parsed(diagram: MermaidDiagram | string): Promise<{ type: string; db: any }> {
  const text = typeof diagram === 'string' ? diagram : diagram.text;
  await parseMermaid(text);
  // the same path render takes: preprocess, then the diagram's parser fills its db
  const mermaid = await mermaidWithItsOwnWindow();
  const api = (mermaid as unknown as { mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: any }> } }).mermaidAPI;
  return api.getDiagramFromText(text);
}

export async function expectParses(diagrams: readonly MermaidDiagram[]): Promise<void> {
  for (const diagram of diagrams) {
    await expect(parseMermaid(diagram.text), `${diagram.title}:\n${diagram.text}`).resolves.toBeTruthy();
  }
}

/**
 * The text mermaid shows for a label it parsed: its entity placeholders
 * (`ﬂ°°35¶ß` for `#35;`) and our `#35;` codes decoded.
 */
export function shown(label: string): string {
  return decodeMermaidText(label.replace(/ﬂ°°(\d+)¶ß/g, '#$1;').replace(/ﬂ°(\w+)¶ß/g, '#$1;'));
}

