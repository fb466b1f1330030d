/**
 * Core ↔ LSP: offsets become positions through each document's LineIndex
 * (UTF-16 code units, as LSP counts), severities and kinds become LSP enums.
 */
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../language/diagnostics';
import type { TextRange } from '../language/model/elements';
import type { DddModel } from '../language/model/model';
import type { NavTextEdit } from '../language/navigation/index';
import type { LineIndex } from '../language/syntax/line-index';
import { DIAGNOSTIC_SOURCE, ruleDocumentationUrl } from './settings';

export function toRange(lines: LineIndex, range: TextRange): Range {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(Math.max(range.start, range.end));
  return { start, end };
}

/** A range of a document of the model, or a declaration's location, with positions: offsets → LSP ranges through each document's line index. */
export class Locator {
  private readonly documents: Map<string, DddModel['documents'][number]>;

  constructor(model: DddModel) {
    this.documents = new Map(model.documents.map((document) => [document.uri, document]));
  }

  range(uri: string | undefined, range: TextRange | undefined): Range | undefined {
    if (uri === undefined || !range) return undefined;
    const lines = this.documents.get(uri)?.lineIndex;
    return lines ? toRange(lines, range) : undefined;
  }

  /** Where an element is declared (its name, else its whole range). */
  location(element: { uri?: string; nameRange?: TextRange; range?: TextRange } | undefined): { uri: string; range: Range } | undefined {
    if (!element?.uri) return undefined;
    const range = this.range(element.uri, element.nameRange ?? element.range);
    return range ? { uri: element.uri, range } : undefined;
  }

  /** `uri` and `range` properties to spread into an object (none when unknown). */
  where(uri: string | undefined, range: TextRange | undefined): { uri?: string; range?: Range } {
    const converted = this.range(uri, range);
    return converted && uri !== undefined ? { uri, range: converted } : {};
  }
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toTextEdit(lines: LineIndex, edit: NavTextEdit): TextEdit {
  return { range: toRange(lines, edit.range), newText: edit.newText };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The line index of another document, for related locations. */
export type LinesOf = (uri: string) => LineIndex | undefined;

export function toLspDiagnostic(diagnostic: Diagnostic, lines: LineIndex, linesOf: LinesOf): LspDiagnostic {
  const result: LspDiagnostic = {
    range: toRange(lines, diagnostic.range),
    severity: severities[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.code) result.codeDescription = { href: ruleDocumentationUrl(diagnostic.code) };
  if (diagnostic.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const location of diagnostic.related) {
      const other = location.uri === diagnostic.uri ? lines : linesOf(location.uri);
      if (!other) continue;
      related.push({ location: { uri: location.uri, range: toRange(other, location.range) }, message: location.message });
    }
    if (related.length) result.relatedInformation = related;
  }
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  return result;
}
