/**
 * textDocument/semanticTokens/full: the core classifies tokens in DDD terms; here
 * they map onto the LSP's standard token types, so that every colour theme
 * colours them, with the DDD kind as a modifier (`class.aggregate`,
 * `function.command`) for themes and settings that want to tell them apart.
 */
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import { semanticTokens as classify, type SemanticTokenModifier, type SemanticTokenType } from '../language/navigation/index';
import type { ServerContext } from './context';

const standardTypes: Record<SemanticTokenType, string> = {
  context: 'namespace',
  domain: 'namespace',
  subdomain: 'namespace',
  contextmap: 'namespace',
  aggregate: 'class',
  entity: 'class',
  value: 'struct',
  enum: 'enum',
  enumMember: 'enumMember',
  command: 'function',
  event: 'event',
  repository: 'interface',
  service: 'interface',
  stream: 'variable',
  readmodel: 'struct',
  saga: 'class',
  board: 'namespace',
  term: 'variable',
  field: 'property',
  parameter: 'parameter',
  operation: 'method',
  type: 'type',
  role: 'decorator',
  state: 'enumMember',
  actor: 'variable',
  policy: 'function',
  keyword: 'keyword',
  string: 'string',
  number: 'number',
  comment: 'comment',
  operator: 'operator',
};

/** DDD kinds that share a standard type get a modifier of their own. */
const kindModifiers: Partial<Record<SemanticTokenType, string>> = {
  context: 'context',
  domain: 'domain',
  subdomain: 'subdomain',
  contextmap: 'contextmap',
  aggregate: 'aggregate',
  entity: 'entity',
  value: 'value',
  command: 'command',
  repository: 'repository',
  service: 'service',
  readmodel: 'readmodel',
  saga: 'saga',
  board: 'board',
  term: 'term',
  role: 'role',
  state: 'state',
  actor: 'actor',
  policy: 'policy',
  stream: 'stream',
};

const tokenTypes = [...new Set(Object.values(standardTypes))];
const coreModifiers: Record<SemanticTokenModifier, string> = {
  declaration: 'declaration',
  defaultLibrary: 'defaultLibrary',
  unresolved: 'unresolved',
  root: 'root',
  eventSourced: 'eventSourced',
  external: 'external',
};
const tokenModifiers = [...new Set(['declaration', 'defaultLibrary', 'readonly', ...Object.values(coreModifiers), ...Object.values(kindModifiers)])];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes, tokenModifiers };

const typeIndex = new Map(tokenTypes.map((type, i) => [type, i]));
const modifierBit = new Map(tokenModifiers.map((modifier, i) => [modifier, 1 << i]));

export function semanticTokensFull(ctx: ServerContext, params: SemanticTokensParams): SemanticTokens {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return { data: [] };
  const spans = classify(ctx.model(), document.uri);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const span of spans) {
    const position = document.lines.positionAt(span.start);
    const type = typeIndex.get(standardTypes[span.type]);
    if (type === undefined) continue;
    let modifiers = 0;
    for (const modifier of span.modifiers) modifiers |= modifierBit.get(coreModifiers[modifier]) ?? 0;
    const kind = kindModifiers[span.type];
    if (kind) modifiers |= modifierBit.get(kind) ?? 0;
    if (span.type === 'value') modifiers |= modifierBit.get('readonly') ?? 0;
    const deltaLine = position.line - line;
    const deltaStart = deltaLine === 0 ? position.character - character : position.character;
    if (deltaLine < 0 || (deltaLine === 0 && deltaStart < 0)) continue; // never out of order
    data.push(deltaLine, deltaStart, span.length, type, modifiers);
    line = position.line;
    character = position.character;
  }
  return { data };
}
