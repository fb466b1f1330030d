/**
 * The markdown-it plugin of VS Code's Markdown preview (the extension's
 * `extendMarkdownIt`): a ```ddd fence becomes its diagram, every other fence
 * is left to the renderer that was there. markdown-it renders synchronously,
 * so a fence `from workspace` reads a model the caller keeps at hand
 * (`WorkspaceModelSource`, see workspace-documents.ts).
 *
 * The preview renders the whole document on every keystroke: the drawings of
 * the last fences are kept (by info string and text, and the workspace's
 * revision), so only the fence being edited is parsed again.
 */
import type { MarkdownIt } from 'markdown-it';
import { drawFence, type FenceDrawing, type WorkspaceModelSource } from './fence-drawing';
import { fenceHtml } from './fence-html';
import { isDddFence, parseFenceInfo } from './fence-info';

export interface DddMarkdownOptions {
  /** The workspace's model for fences `from workspace`; without it they say the workspace is not available. */
  workspace?: WorkspaceModelSource & { readonly revision?: number };
  /** Called when a fence `from workspace` was drawn (the extension then refreshes the preview when the workspace changes). */
  onWorkspaceFence?: () => void;
}

/** Drawings kept between renders: about a long document's worth of fences. */
const CACHED_DRAWINGS = 64;

/** Makes ```ddd fences in `md` draw their diagrams; returns `md`. */
export function dddMarkdownIt(md: MarkdownIt, options: DddMarkdownOptions = {}): MarkdownIt {
  const previous = md.renderer.rules.fence;
  const cache = new Map<string, FenceDrawing>();
  const drawingOf = (info: string, content: string): FenceDrawing => {
    const request = parseFenceInfo(info);
    const fromWorkspace = !('problem' in request) && request.fromWorkspace;
    if (fromWorkspace) options.onWorkspaceFence?.();
    const key = `${fromWorkspace ? `workspace ${options.workspace?.revision ?? ''}` : 'fence'}\u0000${info}\u0000${content}`;
    const kept = cache.get(key);
    if (kept) {
      // most recently used last
      cache.delete(key);
      cache.set(key, kept);
      return kept;
    }
    const drawing = drawFence(info, content, options.workspace);
    cache.set(key, drawing);
    if (cache.size > CACHED_DRAWINGS) cache.delete(cache.keys().next().value!);
    return drawing;
  };
  md.renderer.rules.fence = (tokens, index, renderOptions, env, self) => {
    const token = tokens[index]!;
    if (!isDddFence(token.info)) return previous ? previous(tokens, index, renderOptions, env, self) : self.renderToken(tokens, index, renderOptions);
    const drawing = drawingOf(token.info.trim(), token.content);
    // token.map is [first line, line after the closing fence] of the Markdown file; the text starts one line below the opening fence
    const firstLine = token.map ? token.map[0] + 1 : undefined;
    return fenceHtml(drawing, { attributes: token.attrs ?? [], ...(firstLine !== undefined ? { firstLine } : {}) });
  };
  return md;
}
