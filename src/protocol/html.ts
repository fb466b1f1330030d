/**
 * The webview's page, as the extension serves it: pure string building (no
 * vscode import), so it is tested like any other function.
 *
 * Content Security Policy:
 * - scripts: only the bundle, by nonce (`script-src 'nonce-…'`), no eval;
 * - styles: the stylesheet from the extension (`cspSource`) and `'unsafe-inline'`,
 *   which mermaid needs: its SVG carries a `<style>` element and `style`
 *   attributes. A nonce is deliberately NOT listed in `style-src`: a browser that
 *   sees a nonce ignores `'unsafe-inline'`, and mermaid's styles would be dropped.
 *   Styles cannot run code; what the page shows from the model is text.
 * - images: the extension's files, `data:` and `blob:` (the PNG export draws the SVG on a canvas);
 * - fonts: the extension's files; nothing else (`default-src 'none'`: no network, no frames).
 */
import type { WebviewMode } from './messages';

export interface WebviewHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per page load (see createNonce). */
  nonce: string;
  /** `webview.asWebviewUri(dist/webview.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(dist/webview.css)`, as a string. */
  styleUri: string;
  mode: WebviewMode;
  /** The page's title (screen readers announce it). */
  title?: string;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A nonce: 128 random bits, base64 (uses the Web Crypto API, present in Node 20 and browsers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function webviewHtml(options: WebviewHtmlOptions): string {
  const { mode } = options;
  if (mode !== 'preview' && mode !== 'simulator') throw new Error(`webviewHtml: unknown mode ${String(mode)}`);
  return pageHtml({
    ...options,
    page: 'webviewHtml',
    images: 'data: blob:',
    title: options.title ?? (mode === 'preview' ? 'DDD Preview' : 'DDD Saga Simulator'),
    bodyMode: mode,
    app: `<div id="app" class="ddd-app" aria-live="polite"><p class="ddd-loading">Loading ${mode === 'preview' ? 'the preview' : 'the simulator'}…</p></div>`,
  });
}

/** What differs from one of the extension's pages to another; the policy and the frame are pageHtml's. */
export interface PageOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Who builds the page, for the errors. */
  page: string;
  /** Image sources beside the extension's files (`data: blob:`). */
  images: string;
  title: string;
  /** The body's `data-mode`. */
  bodyMode: string;
  /** The page's app element, as markup (constant text only: nothing from the model). */
  app: string;
}

/** A page of the extension's webviews under the Content Security Policy above: its bundle by nonce, its stylesheet, nothing else. */
export function pageHtml(options: PageOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, page } = options;
  if (!/^[A-Za-z0-9+/=_-]{16,128}$/.test(nonce)) throw new Error(`${page}: the nonce must be 16 to 128 base64 characters`);
  // source list entries: no quotes, semicolons, commas or whitespace that would end the directive, except
  // the keyword 'self', which VS Code's own value has (`'self' https://*.vscode-cdn.net`)
  if (!/^('self'|[^\s;,'"]+)( ('self'|[^\s;,'"]+))*$/.test(cspSource)) throw new Error(`${page}: unexpected cspSource`);
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} ${options.images}`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${attribute(styleUri)}">`,
    `<title>${attribute(options.title)}</title>`,
    '</head>',
    `<body data-mode="${attribute(options.bodyMode)}">`,
    options.app,
    `<script nonce="${attribute(nonce)}" src="${attribute(scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
