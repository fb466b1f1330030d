/**
 * The webview in a headless Chromium, the way VS Code serves it: the bundle
 * the build made (dist/webview.js), the page from `webviewHtml` (same CSP, same nonce'd
 * script), VS Code's theme class and colour variables, and a stand-in for
 * `acquireVsCodeApi` that hands every posted message to an "extension" written
 * in Node (the test's), which answers with the real custom-request handlers.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../../src/cli/export';
import { builtBrowserBundle } from '../built-product';
import { sharedBrowser, sharedPage } from '../chromium';
import { parseWebviewMessage, webviewHtml, type ExtensionMessage, type WebviewMessage, type WebviewMode } from '../../src/protocol/index';

export const repositoryRoot = new URL('../..', import.meta.url).pathname;
export const chromiumPath = findChromium();
export const screenshots = join(repositoryRoot, 'test-results', 'webview');
/** Whether `panel.screenshot` writes its picture: only when DDD_SCREENSHOTS is set (to anything but 0), e.g. `DDD_SCREENSHOTS=1 npm run test:browser -- test/webview`. */
export const takeScreenshots = !['', '0', 'false'].includes((process.env['DDD_SCREENSHOTS'] ?? '').trim().toLowerCase());

const themes = {
  dark: {
    '--vscode-font-family': '"DejaVu Sans", "Segoe UI", system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-sideBar-background': '#181818',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-border': 'rgba(255, 255, 255, 0.07)',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-dropdown-background': '#313131',
    '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-dropdown-foreground': '#cccccc',
    '--vscode-dropdown-listBackground': '#1f1f1f',
    '--vscode-input-background': '#313131',
    '--vscode-input-border': '#3c3c3c',
    '--vscode-input-foreground': '#cccccc',
    '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-errorForeground': '#f85149',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-list-inactiveSelectionBackground': '#37373d',
    '--vscode-panelTitle-activeBorder': '#0078d4',
    '--vscode-panelTitle-activeForeground': '#cccccc',
    '--vscode-panelTitle-inactiveForeground': '#9d9d9d',
    '--vscode-inputValidation-warningBackground': '#352a05',
    '--vscode-inputValidation-warningBorder': '#b89500',
    '--vscode-inputValidation-infoBackground': '#063b49',
    '--vscode-inputValidation-infoBorder': '#007acc',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-settings-dropdownBackground': '#313131',
    '--vscode-settings-dropdownBorder': '#3c3c3c',
    '--vscode-settings-dropdownForeground': '#cccccc',
    '--vscode-settings-dropdownListBorder': '#454545',
    '--vscode-settings-textInputBackground': '#313131',
    '--vscode-settings-textInputForeground': '#cccccc',
    '--vscode-settings-textInputBorder': '#3c3c3c',
    '--vscode-settings-headerBorder': '#2b2b2b',
    '--vscode-list-activeSelectionBackground': '#04395e',
    '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
    '--vscode-panel-background': '#181818',
  },
  light: {
    '--vscode-font-family': '"DejaVu Sans", "Segoe UI", system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-editor-background': '#ffffff',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#6e6e6e',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-border': 'rgba(0, 0, 0, 0.1)',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-dropdown-background': '#ffffff',
    '--vscode-dropdown-border': '#cecece',
    '--vscode-dropdown-foreground': '#3b3b3b',
    '--vscode-dropdown-listBackground': '#ffffff',
    '--vscode-input-background': '#ffffff',
    '--vscode-input-border': '#cecece',
    '--vscode-input-foreground': '#3b3b3b',
    '--vscode-badge-background': '#cccccc',
    '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-errorForeground': '#f85149',
    '--vscode-testing-iconPassed': '#388a34',
    '--vscode-list-hoverBackground': '#f2f2f2',
    '--vscode-list-inactiveSelectionBackground': '#e4e6f1',
    '--vscode-panelTitle-activeBorder': '#005fb8',
    '--vscode-panelTitle-activeForeground': '#3b3b3b',
    '--vscode-panelTitle-inactiveForeground': '#3b3b3b',
    '--vscode-inputValidation-warningBackground': '#f6f5d2',
    '--vscode-inputValidation-warningBorder': '#b89500',
    '--vscode-inputValidation-infoBackground': '#d6ecf2',
    '--vscode-inputValidation-infoBorder': '#007acc',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-purple': '#652d90',
    '--vscode-settings-dropdownBackground': '#ffffff',
    '--vscode-settings-dropdownBorder': '#cecece',
    '--vscode-settings-dropdownForeground': '#3b3b3b',
    '--vscode-settings-dropdownListBorder': '#c8c8c8',
    '--vscode-settings-textInputBackground': '#ffffff',
    '--vscode-settings-textInputForeground': '#3b3b3b',
    '--vscode-settings-textInputBorder': '#cecece',
    '--vscode-settings-headerBorder': '#e5e5e5',
    '--vscode-list-activeSelectionBackground': '#e8e8e8',
    '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
    '--vscode-panel-background': '#f8f8f8',
  },
  'high-contrast': {
    '--vscode-font-family': '"DejaVu Sans", "Segoe UI", system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-editor-background': '#000000',
    '--vscode-foreground': '#ffffff',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-focusBorder': '#f38518',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#6fc3df',
    '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-settings-dropdownBackground': '#000000',
    '--vscode-settings-dropdownBorder': '#6fc3df',
    '--vscode-settings-dropdownForeground': '#ffffff',
    '--vscode-panelTitle-activeBorder': '#6fc3df',
    '--vscode-panelTitle-activeForeground': '#ffffff',
    '--vscode-panelTitle-inactiveForeground': '#ffffff',
  },
} as const;

export type ThemeName = keyof typeof themes;

function themeStyle(): string {
  const block = (name: ThemeName) =>
    Object.entries(themes[name])
      .map(([key, value]) => `${key}: ${value};`)
      .join(' ');
  return `body.vscode-dark { ${block('dark')} } body.vscode-light { ${block('light')} } body.vscode-high-contrast { ${block('high-contrast')} }`;
}

export interface Harness {
  browser: Browser;
  origin: string;
  /** Leaves the browser, the bundle and its server to the next test file of this worker. */
  dispose(): Promise<void>;
}

/** The webview's bundle as the build made it (dist/webview.js and .css: test/built-product.ts), served on 127.0.0.1 once per test worker. */
let served: Promise<string> | undefined;

function serveBundle(): Promise<string> {
  served ??= (async () => {
    const files = new Map<string, { type: string; content: Uint8Array }>();
    for (const [name, content] of builtBrowserBundle('webview')) files.set(name, { type: name.endsWith('.css') ? 'text/css' : 'text/javascript', content });
    const server = createServer((request, response) => {
      const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.content);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // the server does not keep the worker alive
    server.unref();
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  })();
  served.catch(() => (served = undefined));
  return served;
}

/** The webview's bundle served on 127.0.0.1 and the worker's shared Chromium (test/chromium.ts). */
export async function startHarness(): Promise<Harness> {
  const [origin, browser] = await Promise.all([serveBundle(), sharedBrowser()]);
  return { browser, origin, dispose: async () => undefined };
}

export interface Panel {
  page: Page;
  /** Every message the webview posted, in order (each checked by parseWebviewMessage). */
  posted: WebviewMessage[];
  /** Messages the webview posted that the validator refused (must stay empty). */
  refused: unknown[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
  dialogs: string[];
  /** The `ready` message the page posted when it started. */
  ready: Promise<WebviewMessage>;
  /** Posts a message to the webview, as the extension does. */
  send(message: ExtensionMessage): Promise<void>;
  /** Resolves with the next posted message that matches. */
  next<T extends WebviewMessage['type']>(type: T, accept?: (message: Extract<WebviewMessage, { type: T }>) => boolean, timeout?: number): Promise<Extract<WebviewMessage, { type: T }>>;
  setTheme(theme: ThemeName): Promise<void>;
  /** Writes test-results/webview/<name>.png when DDD_SCREENSHOTS is set; returns its path, or undefined. */
  screenshot(name: string, element?: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Opens the webview in a new page. `extension` plays the extension:
 * it gets each validated message and answers through `send`.
 */
export async function openPanel(harness: Harness, mode: WebviewMode, extension: (message: WebviewMessage, panel: Panel) => void | Promise<void>, options: { theme?: ThemeName; width?: number; height?: number; state?: unknown } = {}): Promise<Panel> {
  // a new page in the context the browser tests share (test/chromium.ts): the bundle is compiled there already
  const page = await sharedPage({ width: options.width ?? 1280, height: options.height ?? 820 });
  // nothing but the bundle: every other request (network, fonts, images) is refused
  await page.route('**/*', (route) => (route.request().url().startsWith(harness.origin) ? route.continue() : route.abort()));
  const nonce = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
  const html = webviewHtml({ cspSource: harness.origin, nonce, scriptUri: `${harness.origin}/webview.js`, styleUri: `${harness.origin}/webview.css`, mode });
  const stub = [
    `<style>${themeStyle()}</style>`,
    `<script nonce="${nonce}">`,
    'window.__csp = [];',
    "document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    `let __state = ${JSON.stringify(options.state ?? null).replace(/</g, '\\u003c')} ?? undefined;`,
    'window.acquireVsCodeApi = () => ({',
    '  postMessage: (message) => window.__toExtension(JSON.parse(JSON.stringify(message))),',
    '  getState: () => __state,',
    '  setState: (state) => { __state = state; },',
    '});',
    '</script>',
  ].join('\n');
  const page$ = html.replace(`<body data-mode="${mode}">`, `<body class="vscode-${options.theme ?? 'dark'}" data-mode="${mode}">`).replace(`<script nonce="${nonce}" src=`, `${stub}\n<script nonce="${nonce}" src=`);

  const posted: WebviewMessage[] = [];
  const refused: unknown[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  const waiters: { type: string; accept: (message: never) => boolean; resolve: (message: never) => void }[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const panel: Panel = {
    page,
    posted,
    refused,
    problems,
    dialogs,
    ready: Promise.resolve() as unknown as Promise<WebviewMessage>,
    send: async (message) => {
      await page.evaluate((data) => window.postMessage(data, '*'), message as unknown as Record<string, unknown>);
    },
    next: (type, accept = () => true, timeout = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the webview posted no ${type} message within ${timeout} ms`)), timeout);
        waiters.push({
          type,
          accept: accept as (message: never) => boolean,
          resolve: ((message: never) => {
            clearTimeout(timer);
            resolve(message);
          }) as (message: never) => void,
        });
      }),
    setTheme: async (theme) => {
      await page.evaluate((name) => {
        document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast');
        document.body.classList.add(`vscode-${name}`);
      }, theme);
    },
    screenshot: async (name, element) => {
      // pictures for people, no check reads them: taken when asked (about a fifth of a second each)
      if (!takeScreenshots) return undefined;
      const path = join(screenshots, `${name}.png`);
      if (element) await page.locator(element).first().screenshot({ path });
      else await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
  await page.exposeFunction('__toExtension', async (message: unknown) => {
    const checked = parseWebviewMessage(message);
    if (!checked) {
      refused.push(message);
      return;
    }
    posted.push(checked);
    for (const waiter of [...waiters]) {
      if (waiter.type === checked.type && waiter.accept(checked as never)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(checked as never);
      }
    }
    try {
      await extension(checked, panel);
    } catch (error) {
      problems.push(`extension stand-in: ${error instanceof Error ? error.stack : String(error)}`);
    }
  });
  panel.ready = panel.next('ready', () => true, 20_000);
  panel.ready.catch(() => undefined);
  await page.setContent(page$, { waitUntil: 'load' });
  return panel;
}

/** CSP violations recorded by the page. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
