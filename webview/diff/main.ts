/**
 * The diff panel's page (dist/webview-diff.js): the changes between the chosen
 * base and the working tree, grouped by bounded context, each with links to
 * both sides and to the parties it affects. It draws what the extension sends
 * and posts back only indexes into that diff.
 */
import './diff.css';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import type { DiffPanelMessage, DiffWebviewMessage } from '../../src/protocol/diff';
import { h, replaceChildren } from '../shared/dom';
import { renderDiff } from './diff-view';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const panelMessageTypes = new Set(['diff', 'busy', 'error']);

function boot(): void {
  const api = acquireVsCodeApi();
  const post = (message: DiffWebviewMessage) => api.postMessage(message);
  const root = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as DiffPanelMessage | undefined;
    if (typeof message !== 'object' || message === null || !panelMessageTypes.has(message.type)) return;
    if (message.type === 'busy') replaceChildren(root, [h('p', { className: 'ddd-diff-note', text: message.text })]);
    else if (message.type === 'error') replaceChildren(root, [h('p', { className: 'ddd-diff-error', text: message.message }), h('p', {}, [refresh(post)])]);
    else replaceChildren(root, [renderDiff(message.diff, message.base, post, refresh(post))]);
  });
  post({ type: 'ready' });
}

function refresh(post: (message: DiffWebviewMessage) => void): HTMLElement {
  const button = h('vscode-button' as 'button', { text: 'Compare again', attrs: { secondary: true, 'aria-label': 'Compare again' } });
  button.addEventListener('click', () => post({ type: 'refresh' }));
  return button;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
