/**
 * The context map's colours while "DDD: Compare with…" is shown: the contexts
 * the last comparison touches (`contexts` of `ddd diff --format json`, decided
 * by the core's contextImpacts) and its base, passed through to the server's
 * `ddd/diagram` as they are. The compare command sets them while its panel is
 * open and clears them when the panel closes; the preview asks for its context
 * map with them and draws again when they change. No `vscode` here: both sides
 * and the tests share this one value.
 */
import { MAX_MAP_CHANGES, type DiagramParams, type MapChanges } from '../../protocol/diagrams';
import type { CliDiff } from '../../protocol/diff';

/** The map's changes of a comparison's diff against `base` (bounded as the server accepts them). */
export function mapChangesOf(diff: Pick<CliDiff, 'contexts'>, base: string): MapChanges {
  return { base, contexts: (diff.contexts ?? []).slice(0, MAX_MAP_CHANGES) };
}

/** A drawing's request with the map's changes, for a context map while a comparison is shown (other views as they are). */
export function withMapChanges(params: DiagramParams, changes: MapChanges | undefined): DiagramParams {
  return changes && params.view === 'context-map' ? { ...params, changes } : params;
}

/** The colours shown now, and who wants to know when they change. */
export class MapColours {
  private value: MapChanges | undefined;
  private readonly listeners = new Set<() => void>();

  get current(): MapChanges | undefined {
    return this.value;
  }

  /** New colours (undefined: none); listeners hear only of a change. */
  set(value: MapChanges | undefined): void {
    if (JSON.stringify(value) === JSON.stringify(this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
}

/** The window's one comparison colours the window's one preview. */
export const mapColours = new MapColours();
