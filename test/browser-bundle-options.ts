/**
 * How the tests bundle a page's script for headless Chromium (the preview and simulator
 * webview, the Markdown preview script): minified, as the VSIX ships it, for the browsers
 * VS Code runs. One place, so that every browser test loads what users load.
 */
import type { BuildOptions } from 'esbuild';
import { mermaidFastConfig } from '../scripts/mermaid-fast-config.mjs';

export const browserBundleOptions = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  // as scripts/build.mjs builds them: mermaid's configuration copied faster
  plugins: [mermaidFastConfig()],
} as const satisfies BuildOptions;
