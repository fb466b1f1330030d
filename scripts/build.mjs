// Bundles every part of the product with esbuild. Entries whose source does not
// exist yet are skipped, so each part can land on its own.
import { build } from 'esbuild';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { noNodeBuiltins } from './browser-bundles.mjs';
import { mermaidFastConfig } from './mermaid-fast-config.mjs';

// --cli-package: only the command line, minified, into packages/cli/ (whose `npm pack` runs this)
const cliPackage = process.argv.includes('--cli-package');
const production = process.argv.includes('--production') || cliPackage;
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // the `ddd` command line, and its entry (which loads it through V8's code cache); without comments or
  // blanks, as installed (--cli-package minifies it whole): ASCII, a third smaller, read and compiled faster
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', platform: 'node', minifyWhitespace: true },
  { entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
  // `npm run bench`
  { entryPoints: ['src/bench/main.ts'], outfile: 'dist/bench.js', platform: 'node' },
  // the extension client (VS Code host) and the language server (its own process)
  { entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', external: ['vscode'] },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', platform: 'node' },
  // the same two for VS Code for the Web: the extension in the browser's extension host, the server in a Web Worker
  { entryPoints: ['src/extension/browser-main.ts'], outfile: 'dist/browser-extension.js', platform: 'browser', external: ['vscode'] },
  { entryPoints: ['src/server/browser-main.ts'], outfile: 'dist/browser-server.js', platform: 'browser', format: 'iife' },
  // `DDD: Compare with…`: the diff, run by the extension in its own process
  { entryPoints: ['src/cli/diff-worker.ts'], outfile: 'dist/diff-worker.js', platform: 'node' },
  // the webview (browser)
  { entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
  { entryPoints: ['webview/diff/main.ts'], outfile: 'dist/webview-diff.js', platform: 'browser', format: 'iife' },
  // VS Code's Markdown preview: draws the ```ddd fences (contributes.markdown.previewScripts)
  { entryPoints: ['webview/markdown-preview/main.ts'], outfile: 'dist/markdown-preview.js', platform: 'browser', format: 'iife' },
];

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // the grammar is checked by the tests; bundles skip chevrotain's self-checks to start faster
  define: { 'globalThis.DDD_GRAMMAR_CHECKS': 'false' },
};

const started = Date.now();
const built = [];
if (cliPackage) copyFileSync('LICENSE', 'packages/cli/LICENSE');
const cliBundles = [{ ...bundles[0], outfile: 'packages/cli/dist/cli-main.js' }, { ...bundles[1], outfile: 'packages/cli/dist/cli.js' }];
for (const options of cliPackage ? cliBundles : bundles) {
  if (!existsSync(options.entryPoints[0])) continue;
  const config = { ...common, ...options };
  if (options.platform === 'browser') {
    config.target = 'es2022';
    // a Node built-in in a browser bundle fails the build (scripts/browser-bundles.mjs); mermaid's
    // configuration is copied faster where a bundle holds it (scripts/mermaid-fast-config.mjs)
    config.plugins = [...(options.plugins ?? []), noNodeBuiltins(), mermaidFastConfig()];
    // what a browser loads is minified in every build, as the VSIX ships it (a development build keeps
    // its source map): the browser tests and the end-to-end tests load these very files
    config.minify = true;
    // and what each holds, for the tests (no Node built-in) and for esbuild's bundle analyzer:
    // dist/<bundle>.meta.json, left out of the VSIX (.vscodeignore lets in only .js and .css)
    config.metafile = !watch;
  }
  if (watch) {
    const { context } = await import('esbuild');
    const ctx = await context(config);
    await ctx.watch();
  } else {
    const result = await build(config);
    if (result.metafile) writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
  }
  built.push(options.outfile);
}
console.log(`built ${built.join(', ')} in ${Date.now() - started} ms${watch ? ' (watching)' : ''}`);
