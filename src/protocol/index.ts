/**
 * The one contract between the extension, the language server and the webview:
 * custom request types, webview messages both ways, their validators, the
 * webview's HTML page, and what a page drawing mermaid does to its SVG (also in
 * the command line's headless page). Imports nothing outside this folder at run
 * time (the simulator's results are the core's types, `import type`); runs anywhere.
 */
export * from './source';
export * from './diagrams';
export * from './simulation';
export * from './requests';
export * from './model-export';
export * from './cml-import';
export * from './messages';
export { parseWebviewMessage, checkWebviewMessage } from './validate';
export { checkRequestParams } from './validate-requests';
export { revealSchemes } from './schemas';
export * from './simulator-session';
export { webviewHtml, createNonce, type WebviewHtmlOptions } from './html';
export { separateEdgeLabels } from './edge-labels';
export * from './markdown-fence';
