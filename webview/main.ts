/**
 * The webview bundle (dist/webview.js, with dist/webview.css beside it): one
 * page for both panels, told apart by `<body data-mode="preview|simulator">`.
 * No vscode or Node imports: it talks to the extension by messages only.
 */
import './styles.css';
import type { WebviewMode } from '../src/protocol/messages';
import { h } from './shared/dom';
import './shared/elements';
import { connectHost } from './shared/host';
import { startPreview, type PreviewState } from './preview/preview';
import { startSimulator, type SimulatorState } from './simulator/simulator';

function boot(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
  const mode = document.body.dataset['mode'] as WebviewMode | undefined;
  if (mode === 'simulator') startSimulator(root, connectHost<SimulatorState>());
  else if (mode === 'preview' || mode === undefined) startPreview(root, connectHost<PreviewState>());
  else root.replaceChildren(h('p', { text: `Unknown panel: ${String(mode)}` }));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
