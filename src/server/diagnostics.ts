/**
 * Publishing findings: after each validation, every document whose findings
 * changed gets them (versioned while it is open), documents that became clean
 * get an empty list, and documents that left the workspace are cleared. An edit
 * in one file that breaks or fixes a name used in another file so republishes
 * the other file too.
 */
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Diagnostic } from '../language/diagnostics';
import type { LineIndex } from '../language/syntax/line-index';
import { toLspDiagnostic } from './convert';
import type { Workspace } from './workspace';

interface Published {
  key: string;
  version: number | undefined;
  /** The list published, and the texts its offsets were read in (its own, and those of its related locations). */
  findings: readonly Diagnostic[];
  lines: LineIndex | undefined;
  relatedLines: ReadonlyMap<string, LineIndex | undefined> | undefined;
}

/** The texts of the related locations in other files than `uri`, as they are now. */
function relatedLinesOf(uri: string, findings: readonly Diagnostic[], linesOf: (uri: string) => LineIndex | undefined): Map<string, LineIndex | undefined> | undefined {
  let related: Map<string, LineIndex | undefined> | undefined;
  for (const diagnostic of findings) {
    if (diagnostic.related) for (const location of diagnostic.related) if (location.uri !== uri && !related?.has(location.uri)) (related ??= new Map()).set(location.uri, linesOf(location.uri));
  }
  return related;
}

/** Whether the very list published last is published again, over the same texts: then nothing needs converting or comparing. */
function unchanged(before: Published, findings: readonly Diagnostic[], lines: LineIndex | undefined, version: number | undefined, linesOf: (uri: string) => LineIndex | undefined): boolean {
  if (before.findings !== findings || before.lines !== lines || before.version !== version) return false;
  if (before.relatedLines) for (const [uri, known] of before.relatedLines) if (linesOf(uri) !== known) return false;
  return true;
}

/** A number per line index (one per parsed text): the same findings in an edited text may sit at other lines. */
const textIds = new WeakMap<LineIndex, number>();
let nextTextId = 1;
function textId(lines: LineIndex | undefined): number {
  if (!lines) return 0;
  let id = textIds.get(lines);
  if (id === undefined) textIds.set(lines, (id = nextTextId++));
  return id;
}

/**
 * What a document's published findings depend on, as one string: each finding's
 * offsets, severity, code, message, related locations and data, and the texts
 * their offsets are read in. Equal keys give equal LSP diagnostics, so a file whose
 * key did not change is neither converted nor sent again.
 */
function findingsKey(uri: string, diagnostics: readonly Diagnostic[], linesOf: (uri: string) => LineIndex | undefined): string {
  const parts: string[] = [String(textId(linesOf(uri)))];
  for (const diagnostic of diagnostics) {
    parts.push(`${diagnostic.range.start},${diagnostic.range.end},${diagnostic.severity},${diagnostic.code},${diagnostic.message}`);
    if (diagnostic.related) for (const location of diagnostic.related) parts.push(`>${location.uri}@${textId(linesOf(location.uri))},${location.range.start},${location.range.end},${location.message}`);
    if (diagnostic.data !== undefined) parts.push(JSON.stringify(diagnostic.data));
  }
  return parts.join('\u0000');
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
      const findings = byUri.get(entry.uri) ?? [];
      const version = entry.open ? entry.version : undefined;
      const before = this.published.get(entry.uri);
      if (before && unchanged(before, findings, lines, version, linesOf)) continue;
      const key = findingsKey(entry.uri, findings, linesOf);
      const relatedLines = relatedLinesOf(entry.uri, findings, linesOf);
      if (before && before.key === key && before.version === version) {
        // the same findings in a list of its own: kept, so that the next time it is the very list
        this.published.set(entry.uri, { ...before, findings, lines, relatedLines });
        continue;
      }
      this.published.set(entry.uri, { key, version, findings, lines, relatedLines });
      const diagnostics: LspDiagnostic[] = findings.map((diagnostic) => toLspDiagnostic(diagnostic, lines, linesOf));
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
