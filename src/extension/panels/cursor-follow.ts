/**
 * The preview follows the cursor: which view to switch to when the cursor
 * moved. No `vscode` import, so the unit tests run it as it is.
 */
import type { ViewEntry, ViewRef, ViewsResult } from '../../protocol/index';

/** The same thing drawn: the same kind and name (a saga's other drawing, a filtered map, count as the same). */
export function sameSubject(a: ViewRef, b: ViewRef | undefined): boolean {
  return !!b && a.view === b.view && a.name === b.name;
}

/**
 * The view to show for the cursor, or undefined to stay: the server's
 * `atCursor` when the cursor moved into another element than the one
 * last followed (`followed`, a view key) and the preview does not already show
 * that element. Between declarations (`atCursor` absent) the preview stays; so
 * it does while the cursor moves within one element, even when the user chose
 * another view in the panel meanwhile.
 */
export function viewForCursor(views: Pick<ViewsResult, 'views' | 'atCursor'>, followed: string | undefined, shown: ViewRef | undefined): ViewEntry | undefined {
  const key = views.atCursor;
  if (key === undefined || key === followed) return undefined;
  const entry = views.views.find((candidate) => candidate.key === key);
  return entry && !sameSubject(entry, shown) ? entry : undefined;
}
