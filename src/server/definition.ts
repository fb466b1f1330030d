/** textDocument/definition: where the name under the cursor is declared, across files. */
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { definitionOf, type NavLocation } from '../language/navigation/index';
import type { ServerContext } from './context';
import { toRange } from './convert';

export function toLocations(ctx: ServerContext, locations: readonly NavLocation[]): Location[] {
  const result: Location[] = [];
  for (const location of locations) {
    const lines = ctx.workspace.lines(location.uri);
    if (lines) result.push({ uri: location.uri, range: toRange(lines, location.range) });
  }
  return result;
}

export function definition(ctx: ServerContext, params: DefinitionParams): Location[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const model = ctx.model();
  return toLocations(ctx, definitionOf(model, document.uri, document.lines.offsetAt(params.position)));
}
