/**
 * The bundles that run in a browser (VS Code for the Web's extension host, the
 * language server's Web Worker, the webview, its diff panel, the Markdown
 * preview's script) import no Node built-in: the build fails when one does
 * (scripts/browser-bundles.mjs), and today's bundles pass: what esbuild found
 * when the build made them (dist/<bundle>.meta.json: test/built-product.ts).
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noNodeBuiltins } from '../../scripts/browser-bundles.mjs';
import { builtMetafile, type BrowserBundle } from '../built-product';

const root = join(__dirname, '../..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const bundleOptions = (entry: string, options: BuildOptions = {}): BuildOptions => ({ entryPoints: [join(root, entry)], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, metafile: true, logLevel: 'silent', plugins: [noNodeBuiltins()], ...options });

function bundle(entry: string, options: BuildOptions = {}) {
  return build(bundleOptions(entry, options));
}

/** Every module the bundle imports, as its importer wrote it. */
function importedPaths(metafile: Metafile): string[] {
  return Object.values(metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.original ?? imported.path));
}

describe('browser bundles', () => {
  it('fail to build when a file imports a Node built-in, naming the built-in and the importer', async () => {
    const failure = await bundle('test/web/node-import/entry.ts').then(
      () => undefined,
      (error: { errors?: { text: string }[] }) => error,
    );
    expect(failure?.errors?.map((e) => e.text)).toEqual([expect.stringMatching(/"node:fs" is a Node built-in, imported by .*imports-node-fs\.ts: a browser bundle .* must run without Node/)]);
  });

  it.each([
    ['the extension in the web extension host', 'browser-extension', 'src/extension/browser-main.ts'],
    ['the language server in a Web Worker', 'browser-server', 'src/server/browser-main.ts'],
    ['the webview', 'webview', 'webview/main.ts'],
    ['the diff panel', 'webview-diff', 'webview/diff/main.ts'],
    ['the Markdown preview script', 'markdown-preview', 'webview/markdown-preview/main.ts'],
  ] as const satisfies readonly (readonly [string, BrowserBundle, string])[])('%s (dist/%s.js) imports no Node built-in', (_what, name, entry) => {
    const metafile = builtMetafile(name);
    // the bundle of that entry, the one the build made
    expect(Object.values(metafile.outputs).map((output) => output.entryPoint)).toContain(entry);
    const imported = importedPaths(metafile);
    expect(imported.length).toBeGreaterThan(10);
    // sax's optional `require('stream')` (inside a try/catch) is the one built-in named, and it resolves to an empty module
    expect(imported.filter((path) => builtins.has(path)).filter((path) => path !== 'stream')).toEqual([]);
    expect(Object.keys(metafile.inputs).filter((input) => /^(node:)?[a-z_]+$/.test(input) && builtins.has(input))).toEqual([]);
  }, 60_000);
});
