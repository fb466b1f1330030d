/** textDocument/completion: the core's candidates, as LSP completion items. */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { completionsAt, type CompletionKind } from '../language/navigation/index';
import type { ServerContext } from './context';

const itemKinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  role: CompletionItemKind.Constant,
  state: CompletionItemKind.EnumMember,
  type: CompletionItemKind.TypeParameter,
  actor: CompletionItemKind.Variable,
  operator: CompletionItemKind.Operator,
  domain: CompletionItemKind.Module,
  subdomain: CompletionItemKind.Module,
  context: CompletionItemKind.Module,
  contextmap: CompletionItemKind.Module,
  relationship: CompletionItemKind.Interface,
  aggregate: CompletionItemKind.Class,
  entity: CompletionItemKind.Class,
  value: CompletionItemKind.Struct,
  enum: CompletionItemKind.Enum,
  enumValue: CompletionItemKind.EnumMember,
  command: CompletionItemKind.Function,
  event: CompletionItemKind.Event,
  repository: CompletionItemKind.Interface,
  service: CompletionItemKind.Interface,
  stream: CompletionItemKind.Variable,
  readmodel: CompletionItemKind.Struct,
  saga: CompletionItemKind.Class,
  storming: CompletionItemKind.Module,
  term: CompletionItemKind.Text,
  field: CompletionItemKind.Field,
  operation: CompletionItemKind.Method,
  sagaStep: CompletionItemKind.Method,
  reaction: CompletionItemKind.Event,
  sticky: CompletionItemKind.Text,
  // ---- Context Mapper parity (issue 13)
  attributeValue: CompletionItemKind.EnumMember,
  team: CompletionItemKind.Module,
  usecase: CompletionItemKind.Text,
  story: CompletionItemKind.Text,
  stakeholders: CompletionItemKind.Module,
  stakeholderGroup: CompletionItemKind.Module,
  stakeholder: CompletionItemKind.Variable,
  valueRegister: CompletionItemKind.Module,
  valueCluster: CompletionItemKind.Module,
  valueItem: CompletionItemKind.Constant,
  // tactical details and the application layer (Context Mapper parity)
  module: CompletionItemKind.Module,
  application: CompletionItemKind.Module,
  flow: CompletionItemKind.Class,
  flowStep: CompletionItemKind.Method,
  coordination: CompletionItemKind.Class,
};

export const completionTriggerCharacters = ['.', '[', ':', '>'];

/**
 * The LSP sortText of a candidate: the core's rank, after every snippet the
 * extension contributes. VS Code sorts an extension's snippets by `z-<prefix>`
 * among items that match equally well, so `z-~<rank>` puts the bare keyword
 * `domain` after the `domain` snippet that expands it (with or without
 * `editor.snippetSuggestions: top`), and keeps the core's order among our items.
 */
export function lspSortText(rank: string): string {
  return `z-~${rank}`;
}

export function completion(ctx: ServerContext, params: CompletionParams): CompletionItem[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const candidates = completionsAt(ctx.model(), document.uri, document.lines.offsetAt(params.position));
  return candidates.map((candidate) => {
    const item: CompletionItem = { label: candidate.label, kind: itemKinds[candidate.kind] ?? CompletionItemKind.Text, sortText: lspSortText(candidate.sortText) };
    if (candidate.detail) item.detail = candidate.detail;
    if (candidate.documentation) item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
    if (candidate.insertText) item.insertText = candidate.insertText;
    return item;
  });
}
