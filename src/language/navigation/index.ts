/**
 * Navigation over a DddModel: pure queries for editors (the language server,
 * the webview, the CLI). No LSP types: ranges are offsets into a document's text,
 * results are plain data. Everything takes the model the caller already has.
 */
export type { ElementAt, ElementRole, NavLocation, NavSymbol, NavTextEdit, NavWorkspaceEdit, SagaState } from './types';
export { contextAt, declarationLocations, definitionOf, elementAt, sagaPartAt, topLevelAt } from './element-at';
export { identityTypeUses, isIdentityTypeUse, referencesTo, type ReferenceLocation, type ReferencesOptions } from './references';
export { invalidName, prepareRename, renameAt, renameEdits, type RenamePreparation, type RenameResult } from './rename';
export { documentSymbols, fuzzyScore, workspaceSymbols, type DocumentSymbolNode, type WorkspaceSymbolItem } from './symbols';
export { foldingRanges, type FoldingRegion } from './folding';
export {
  semanticTokenModifiers,
  semanticTokens,
  semanticTokenTypes,
  type SemanticTokenModifier,
  type SemanticTokenSpan,
  type SemanticTokenType,
} from './semantic-tokens';
export { completionsAt } from './completion';
export type { CompletionCandidate, CompletionKind } from './completion-context';
export { hoverAt, type HoverContent } from './hover';
export { glossaryTermUses, glossaryTerms, termKey } from './glossary';
export { applyEdits, formatEdits, formatText, type FormatOptions } from './format';
export { analyseBlocks, classifyBlock, type BlockKind } from './blocks';
