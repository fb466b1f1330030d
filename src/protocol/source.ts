/**
 * Where something is written: LSP-shaped positions (zero-based line, UTF-16
 * character), so the extension can hand them to `vscode.Range` as they are.
 * The server converts the core's offsets into these; the webview only echoes
 * them back in `revealSource`.
 */

export interface SourcePosition {
  /** Zero-based line. */
  line: number;
  /** Zero-based UTF-16 code unit in the line (as LSP counts). */
  character: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export interface SourceLocation {
  uri: string;
  range: SourceRange;
}
