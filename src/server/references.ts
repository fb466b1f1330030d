/** textDocument/references: every use of the symbol under the cursor, across files. */
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { elementAt, glossaryTermUses, identityTypeUses, isIdentityTypeUse, referencesTo } from '../language/navigation/index';
import type { ServerContext } from './context';
import { toLocations } from './definition';

export function references(ctx: ServerContext, params: ReferenceParams): Location[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const model = ctx.model();
  const element = elementAt(model, document.uri, document.lines.offsetAt(params.position));
  if (!element) return [];
  // an identity type (OrderId) has no declaration: its references are its uses
  if (!element.symbol) return isIdentityTypeUse(element.reference, element.text) ? toLocations(ctx, identityTypeUses(model, element.text)) : [];
  const options = { includeDeclaration: params.context?.includeDeclaration ?? true };
  // a glossary term is used wherever the model speaks of it: the declarations it names and their uses
  if (element.symbol.kind === 'term') return toLocations(ctx, glossaryTermUses(model, element.symbol, options));
  return toLocations(ctx, referencesTo(model, element.symbol, options));
}
