/**
 * Findings about a model: what the parser and the validation rules report.
 * Ranges are offsets; the LSP adapter and the CLI turn them into lines and columns.
 */
import type { TextRange } from './model/elements';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  uri: string;
  range: TextRange;
  message: string;
}

export interface Diagnostic {
  uri: string;
  range: TextRange;
  severity: Severity;
  /** A stable code, documented in docs/rules.md. */
  code: string;
  /** What is wrong and how to fix it. */
  message: string;
  related?: RelatedLocation[];
  /** Facts a quick fix needs (a suggested name, the element's kind, …). */
  data?: Record<string, unknown>;
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Orders findings by document, then position, then severity. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  if (a.range.start !== b.range.start) return a.range.start - b.range.start;
  return severityRank[a.severity] - severityRank[b.severity];
}
