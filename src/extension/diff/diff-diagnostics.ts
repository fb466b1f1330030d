/**
 * `ddd.diff.diagnostics` (off by default): the breaking changes of the last
 * comparison as warnings, where breaking-findings.ts puts them (the changed
 * line; for a removal, what held the element and the parties that still
 * depend on it), as long as the model differs from the base in a way that
 * breaks something (the comparison runs again as the .ddd files change, so a
 * change undone takes its warning with it).
 */
import * as vscode from 'vscode';
import type { CliDiff } from '../../protocol/diff';
import { breakingFindings } from './breaking-findings';

export const DIFF_DIAGNOSTICS_SETTING = 'diff.diagnostics';

export function diffDiagnosticsEnabled(): boolean {
  return vscode.workspace.getConfiguration('ddd').get<boolean>(DIFF_DIAGNOSTICS_SETTING, false);
}

/** The breaking changes of `diff` by file of `folder`, as diagnostics. */
export function breakingDiagnostics(diff: CliDiff, folder: vscode.Uri, base: string): Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }> {
  const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  const fileUri = (file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));
  for (const finding of breakingFindings(diff, base)) {
    const uri = fileUri(finding.file);
    const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
    const diagnostic = new vscode.Diagnostic(range, finding.message, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'ddd diff';
    diagnostic.code = 'breaking-change';
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(fileUri(related.file), new vscode.Position(related.line - 1, related.column - 1)), related.message),
    );
    const key = uri.toString();
    const entry = byFile.get(key);
    if (entry) entry.diagnostics.push(diagnostic);
    else byFile.set(key, { uri, diagnostics: [diagnostic] });
  }
  return byFile;
}
