/**
 * textDocument/codeAction: the core's quick fixes (src/language/fixes) as LSP
 * code actions.
 *
 * A diagnostic the client sends back becomes a finding again: its range in
 * offsets, its `code`, and its `data` (what the client echoes, over the data of
 * the server's own finding at the same place; missing data only means no fix).
 * Besides the fixes of the findings, a name under the cursor that a saga or a
 * board uses before the model declares it gets the fixes that declare it.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import { creationFixesAt, fixesFor, type Fix, type FixContext, type FixFinding } from '../language/fixes/index';
import type { NavWorkspaceEdit } from '../language/navigation/index';
import type { DocumentView, ServerContext } from './context';
import { toOffset } from './convert';
import { toWorkspaceEdit } from './rename';

/** The finding behind a diagnostic the client sent back, with the data of the server's own finding at the same place. */
function findingOf(ctx: ServerContext, document: DocumentView, diagnostic: LspDiagnostic): FixFinding | undefined {
  if (typeof diagnostic.code !== 'string') return undefined;
  const range = { start: toOffset(document.lines, diagnostic.range.start), end: toOffset(document.lines, diagnostic.range.end) };
  const own = ctx.workspace.diagnostics().get(document.uri)?.find((finding) => finding.code === diagnostic.code && finding.range.start === range.start && finding.range.end === range.end);
  const echoed = diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
  return { uri: document.uri, range, code: diagnostic.code, data: { ...(own?.data ?? {}), ...echoed } };
}

function toCodeAction(ctx: ServerContext, fix: Fix, diagnostic: LspDiagnostic | undefined): CodeAction {
  const edits: NavWorkspaceEdit = new Map();
  for (const { uri, range, newText } of fix.edits) {
    const list = edits.get(uri);
    if (list) list.push({ range, newText });
    else edits.set(uri, [{ range, newText }]);
  }
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(ctx, edits) };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === '')) return [];
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const model = ctx.model();
  const context: FixContext = { model, findingsIn: (uri) => ctx.workspace.diagnostics().get(uri) ?? [] };
  const fixes: { fix: Fix; diagnostic?: LspDiagnostic }[] = [];
  for (const diagnostic of params.context.diagnostics ?? []) {
    const finding = findingOf(ctx, document, diagnostic);
    if (finding) for (const fix of fixesFor(context, finding)) fixes.push({ fix, diagnostic });
  }
  if (!fixes.some(({ fix }) => fix.title.startsWith('Create '))) {
    for (const fix of creationFixesAt(model, document.uri, toOffset(document.lines, params.range.start))) fixes.push({ fix });
  }
  const seen = new Set<string>();
  return fixes.filter(({ fix }) => !seen.has(fix.title) && seen.add(fix.title)).map(({ fix, diagnostic }) => toCodeAction(ctx, fix, diagnostic));
}
