/**
 * Folding ranges: every `{ … }` block that spans lines, block comments that span
 * lines, and runs of two or more line comments.
 */
import type { IToken } from 'chevrotain';
import type { ParsedDocument } from '../syntax/parse-document';
import { BlockComment, LCurly, LineComment, RCurly } from '../syntax/tokens';

export interface FoldingRegion {
  /** Zero-based line of the opening brace or the comment's first line. */
  startLine: number;
  /** Zero-based last line to fold: the line before the closing brace, or the comment's last line. */
  endLine: number;
  kind?: 'comment';
}

export function foldingRanges(document: ParsedDocument): FoldingRegion[] {
  const { lineIndex } = document;
  const regions: FoldingRegion[] = [];
  const open: IToken[] = [];
  for (const token of document.tokens) {
    if (token.tokenType === LCurly) open.push(token);
    else if (token.tokenType === RCurly) {
      const start = open.pop();
      if (!start) continue;
      const startLine = lineIndex.positionAt(start.startOffset).line;
      const endLine = lineIndex.positionAt(token.startOffset).line - 1;
      if (endLine > startLine) regions.push({ startLine, endLine });
    }
  }
  // a block left open (while typing) folds to the end of the document
  for (const start of open) {
    const startLine = lineIndex.positionAt(start.startOffset).line;
    const endLine = lineIndex.lineCount - 1;
    if (endLine > startLine) regions.push({ startLine, endLine });
  }
  let run: { startLine: number; endLine: number } | undefined;
  const flush = () => {
    if (run && run.endLine > run.startLine) regions.push({ ...run, kind: 'comment' });
    run = undefined;
  };
  for (const comment of document.comments) {
    const startLine = lineIndex.positionAt(comment.startOffset).line;
    const endLine = lineIndex.positionAt(comment.startOffset + comment.image.length).line;
    if (comment.tokenType === BlockComment) {
      flush();
      if (endLine > startLine) regions.push({ startLine, endLine, kind: 'comment' });
      continue;
    }
    if (comment.tokenType !== LineComment) continue;
    // only comments alone on their line form a run
    const lineStart = lineIndex.lineStart(startLine);
    const alone = document.text.slice(lineStart, comment.startOffset).trim() === '';
    if (!alone) {
      flush();
      continue;
    }
    if (run && run.endLine === startLine - 1) run.endLine = startLine;
    else {
      flush();
      run = { startLine, endLine: startLine };
    }
  }
  flush();
  return regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
