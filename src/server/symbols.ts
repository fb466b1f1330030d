/** textDocument/documentSymbol (the outline) and workspace/symbol (fuzzy search by name). */
import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { ElementKind, StickyType } from '../language/model/elements';
import { documentSymbols as outline, workspaceSymbols as search, type DocumentSymbolNode } from '../language/navigation/index';
import type { LineIndex } from '../language/syntax/line-index';
import type { ServerContext } from './context';
import { toRange } from './convert';

export const symbolKinds: Record<ElementKind, SymbolKind> = {
  domain: SymbolKind.Namespace,
  subdomain: SymbolKind.Package,
  context: SymbolKind.Module,
  contextmap: SymbolKind.Namespace,
  relationship: SymbolKind.Interface,
  aggregate: SymbolKind.Class,
  entity: SymbolKind.Class,
  value: SymbolKind.Struct,
  enum: SymbolKind.Enum,
  enumValue: SymbolKind.EnumMember,
  command: SymbolKind.Function,
  event: SymbolKind.Event,
  repository: SymbolKind.Interface,
  service: SymbolKind.Interface,
  stream: SymbolKind.Array,
  readmodel: SymbolKind.Struct,
  saga: SymbolKind.Class,
  storming: SymbolKind.Namespace,
  term: SymbolKind.Key,
  field: SymbolKind.Field,
  operation: SymbolKind.Method,
  sagaStep: SymbolKind.Method,
  reaction: SymbolKind.Event,
  sticky: SymbolKind.Object,
  // ---- Context Mapper parity (issue 13)
  team: SymbolKind.Namespace,
  usecase: SymbolKind.Object,
  story: SymbolKind.Object,
  stakeholders: SymbolKind.Namespace,
  stakeholderGroup: SymbolKind.Namespace,
  stakeholder: SymbolKind.Variable,
  valueRegister: SymbolKind.Namespace,
  valueCluster: SymbolKind.Namespace,
  valueItem: SymbolKind.Constant,
  // tactical details and the application layer (Context Mapper parity)
  module: SymbolKind.Package,
  application: SymbolKind.Namespace,
  flow: SymbolKind.Class,
  flowStep: SymbolKind.Method,
  coordination: SymbolKind.Class,
};

const stickyKinds: Record<StickyType, SymbolKind> = {
  event: SymbolKind.Event,
  command: SymbolKind.Function,
  actor: SymbolKind.Variable,
  policy: SymbolKind.Function,
  external: SymbolKind.Module,
  readmodel: SymbolKind.Struct,
  aggregate: SymbolKind.Class,
  hotspot: SymbolKind.String,
};

function toDocumentSymbol(lines: LineIndex, node: DocumentSymbolNode): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: node.name.replace(/\s+/g, ' ') || '?',
    kind: node.kind === 'sticky' ? (stickyKinds as Partial<Record<string, SymbolKind>>)[node.detail ?? ''] ?? SymbolKind.Object : symbolKinds[node.kind] ?? SymbolKind.Object,
    range: toRange(lines, node.range),
    selectionRange: toRange(lines, node.selectionRange),
    children: node.children.map((child) => toDocumentSymbol(lines, child)),
  };
  if (node.detail) symbol.detail = node.detail;
  return symbol;
}

export function documentSymbols(ctx: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  return outline(ctx.model(), document.uri).map((node) => toDocumentSymbol(document.lines, node));
}

export function workspaceSymbols(ctx: ServerContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  for (const item of search(ctx.model(), params.query ?? '')) {
    const lines = ctx.workspace.lines(item.uri);
    if (!lines) continue;
    const symbol: SymbolInformation = { name: item.name, kind: symbolKinds[item.kind] ?? SymbolKind.Object, location: { uri: item.uri, range: toRange(lines, item.range) } };
    if (item.containerName) symbol.containerName = item.containerName;
    result.push(symbol);
  }
  return result;
}
