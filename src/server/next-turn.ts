/**
 * A later turn of the event loop, wherever the server runs: setImmediate in
 * Node; a Web Worker has none, so a zero timeout there.
 */
export function nextTurn(callback: () => void): void {
  const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') immediate(callback);
  else setTimeout(callback, 0);
}
