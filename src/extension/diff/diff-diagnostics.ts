/**
 * `ddd.diff.diagnostics` (off by default): the breaking changes of the last
 * comparison as warnings on the changed lines, as long as the file differs from
 * the base in a way that breaks something (the comparison runs again when a
 * .ddd file is saved, so a change undone takes its warning with it).
 */
import * as vscode from 'vscode';
import type { CliDiff } from '../../protocol/diff';

export const DIFF_DIAGNOSTICS_SETTING = 'diff.diagnostics';

export function diffDiagnosticsEnabled(): boolean {
  return vscode.workspace.getConfiguration('ddd').get<boolean>(DIFF_DIAGNOSTICS_SETTING, false);
}

/** The breaking changes of `diff` by file of `folder`, as diagnostics. */
export function breakingDiagnostics(diff: CliDiff, folder: vscode.Uri, base: string): Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }> {
  const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  for (const change of diff.changes) {
    if (change.classification !== 'breaking' || !change.new?.file) continue;
    const uri = vscode.Uri.joinPath(folder, ...change.new.file.split('/'));
    const range = new vscode.Range(change.new.line - 1, change.new.column - 1, change.new.endLine - 1, change.new.endColumn - 1);
    const title = `${change.change} ${change.kindWords} ${change.oldName !== undefined ? `${change.oldName} → ` : ''}${change.name}`;
    const diagnostic = new vscode.Diagnostic(range, `Breaking change against ${base}: ${title}. ${change.reasons.join('; ')}`, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'ddd diff';
    diagnostic.code = 'breaking-change';
    diagnostic.relatedInformation = change.affected.flatMap((party) =>
      party.location.file ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.joinPath(folder, ...party.location.file.split('/')), new vscode.Position(party.location.line - 1, party.location.column - 1)), `affects ${party.kind} ${party.name}`)] : [],
    );
    const key = uri.toString();
    const entry = byFile.get(key);
    if (entry) entry.diagnostics.push(diagnostic);
    else byFile.set(key, { uri, diagnostics: [diagnostic] });
  }
  return byFile;
}
