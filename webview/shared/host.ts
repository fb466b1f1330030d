/**
 * The webview's side of the conversation with the extension: `acquireVsCodeApi`
 * (once per page, as VS Code requires), typed messages both ways, and the state
 * VS Code keeps while the panel is hidden or reloaded.
 */
import type { ExtensionMessage, WebviewMessage } from '../../src/protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host<S> {
  post(message: WebviewMessage): void;
  /** The state saved before the panel was hidden or reloaded. */
  state(): Partial<S>;
  saveState(state: S): void;
  onMessage(handler: (message: ExtensionMessage) => void): void;
}

/** Every type of message the extension sends (a record, so that the type checker asks for a new one here). */
const extensionMessageKinds: Record<ExtensionMessage['type'], true> = {
  render: true, busy: true, error: true, targets: true, simulation: true, exploration: true, bulk: true, replay: true, exportFormats: true,
};
const extensionMessageTypes = new Set(Object.keys(extensionMessageKinds));

function isExtensionMessage(data: unknown): data is ExtensionMessage {
  return typeof data === 'object' && data !== null && extensionMessageTypes.has((data as { type?: unknown }).type as string);
}

export function connectHost<S>(): Host<S> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    state: () => {
      const saved = api.getState();
      return typeof saved === 'object' && saved !== null ? (saved as Partial<S>) : {};
    },
    saveState: (state) => api.setState(state),
    onMessage: (handler) => {
      window.addEventListener('message', (event: MessageEvent) => {
        // the extension's messages come from the page's own frame host; anything else is ignored
        if (isExtensionMessage(event.data)) handler(event.data);
      });
    },
  };
}
