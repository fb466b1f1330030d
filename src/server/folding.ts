/** textDocument/foldingRange: braces that span lines and comments. */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges as regions } from '../language/navigation/index';
import type { ServerContext } from './context';

export function foldingRanges(ctx: ServerContext, params: FoldingRangeParams): FoldingRange[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  return regions(document.parsed).map((region) => {
    const range: FoldingRange = { startLine: region.startLine, endLine: region.endLine };
    if (region.kind === 'comment') range.kind = FoldingRangeKind.Comment;
    return range;
  });
}
