/**
 * When the extension's code started to load. Imported first by the entry
 * files (main.ts, browser-main.ts), so the time it takes to load the bundled
 * dependencies (vscode-languageclient) counts towards the activation time
 * activate.ts logs. `performance` is a global in Node and in browsers.
 */
export const loadStartedAt = performance.now();
