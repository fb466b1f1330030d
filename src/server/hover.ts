/** textDocument/hover: the core's Markdown for the name under the cursor. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../language/navigation/index';
import type { ServerContext } from './context';
import { toRange } from './convert';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return null;
  const model = ctx.model();
  const content = hoverAt(model, document.uri, document.lines.offsetAt(params.position));
  if (!content) return null;
  return { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: toRange(document.lines, content.range) };
}
