/**
 * Findings as the command line shows them: `path:line:col severity code message`
 * lines, a count line, or JSON. Lines and columns count from 1 here (the
 * language core counts offsets; LineIndex counts from 0).
 */
import type { Diagnostic, Severity } from '../language/diagnostics';
import type { LineIndex } from '../language/syntax/line-index';

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface DocumentView {
  /** The path shown for the document. */
  display: string;
  lineIndex: LineIndex;
}

export function toFindings(diagnostics: readonly Diagnostic[], documents: ReadonlyMap<string, DocumentView>): CliFinding[] {
  return diagnostics.map((diagnostic) => {
    const document = documents.get(diagnostic.uri);
    const start = document?.lineIndex.positionAt(diagnostic.range.start) ?? { line: 0, character: 0 };
    const end = document?.lineIndex.positionAt(diagnostic.range.end) ?? start;
    return {
      file: document?.display ?? diagnostic.uri,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    };
  });
}

const colours: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function paint(text: string, code: string, color: boolean): string {
  return color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export function formatFinding(finding: CliFinding, color = false): string {
  const message = finding.message.replace(/\s*\r?\n\s*/g, ' ');
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  return `${paint(where, '1', color)} ${paint(finding.severity, colours[finding.severity], color)} ${paint(finding.code, '2', color)} ${message}`;
}

const annotationLevels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions' escaping of a workflow command's message, and of its properties (which also escape `:` and `,`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A finding as a GitHub Actions annotation (`::error file=…,line=…::message`): shown on the pull request's lines. */
export function formatAnnotation(finding: CliFinding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`ddd ${finding.code}`)}`,
  ];
  return `::${annotationLevels[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** `2 errors, 1 warning, 0 infos` (and hints when asked for). */
export function formatCounts(counts: SeverityCounts, withHints = false): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (withHints) parts.push(plural(counts.hint, 'hint'));
  return parts.join(', ');
}

/** Lays rows out in aligned columns (the last column is not padded). */
export function table(rows: readonly (readonly string[])[], indent = '  ', gap = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(gap).trimEnd())
    .join('\n');
}
