/**
 * Publishing findings: after each validation, every document whose findings
 * changed gets them (versioned while it is open), documents that became clean
 * get an empty list, and documents that left the workspace are cleared. An edit
 * in one file that breaks or fixes a name used in another file so republishes
 * the other file too.
 */
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { toLspDiagnostic } from './convert';
import type { Workspace } from './workspace';

interface Published {
  key: string;
  version: number | undefined;
}

export class DiagnosticsPublisher {
  private readonly published = new Map<string, Published>();

  constructor(
    private readonly workspace: Workspace,
    private readonly send: (params: PublishDiagnosticsParams) => void,
  ) {}

  /** Validates the workspace and sends what changed; returns the uris sent. */
  publish(): string[] {
    const byUri = this.workspace.diagnostics();
    const sent: string[] = [];
    const linesOf = (uri: string) => this.workspace.lines(uri);
    for (const entry of this.workspace.entriesList()) {
      const lines = this.workspace.lines(entry.uri)!;
      const diagnostics: LspDiagnostic[] = (byUri.get(entry.uri) ?? []).map((diagnostic) => toLspDiagnostic(diagnostic, lines, linesOf));
      const key = JSON.stringify(diagnostics);
      const version = entry.open ? entry.version : undefined;
      const before = this.published.get(entry.uri);
      if (before && before.key === key && before.version === version) continue;
      this.published.set(entry.uri, { key, version });
      const params: PublishDiagnosticsParams = { uri: entry.uri, diagnostics };
      if (version !== undefined) params.version = version;
      this.send(params);
      sent.push(entry.uri);
    }
    for (const uri of [...this.published.keys()]) {
      if (this.workspace.get(uri)?.uri === uri) continue;
      this.published.delete(uri);
      this.send({ uri, diagnostics: [] });
      sent.push(uri);
    }
    return sent;
  }
}
