/**
 * The linked model as JSON, for scripts and tools that do not run our parser:
 * every declaration with its kind, name, qualified name, file and ranges (zero-
 * based line and character, as LSP counts), the lists it holds, and every
 * reference as the text written plus the qualified name of what it resolves to
 * (`target`, absent when it resolves to nothing). Contexts are merged across
 * files (`locations` lists every block). The shape is published as a JSON
 * Schema, `schemas/model.schema.json`.
 *
 * The walk is generic over the model's own properties (so a new member list
 * comes out without a change here); the back-pointers that would make cycles
 * (an element's aggregate, module or application layer, a subdomain's domain,
 * a relationship's map, a reference's scope) become names or are left out.
 */
import type { BoundedContext, Declaration } from '../model/elements';
import { qualifiedName, type DddModel } from '../model/model';
import type { LineIndex } from '../syntax/line-index';
import type { ModelExportResult } from './types';

export const jsonModelFormatVersion = 1;

/** The `$id` the schema publishes (the repository's raw file, where server/settings.ts points the docs) and each exported model names in `$schema`. */
export const jsonModelSchemaId = 'https://raw.githubusercontent.com/ddd-modeler/ddd-modeler/main/schemas/model.schema.json';

/**
 * Properties that link back up the tree or hold the linker's working state: left out
 * (`localReferences`: a subdomain's body references, kept for the linker; they are
 * written where they stand, in `supports` and the fields' types).
 */
const skipped = new Set(['scopeAggregate', 'scopeContext', 'candidates', 'expected', 'soft', 'primary', 'declarations', 'map', 'domain', 'kindRange', 'localReferences']);
/** Properties that hold a range of offsets. */
const rangeKeys = new Set(['range', 'nameRange', 'rootRange', 'arrowRange', 'textRange', 'lifecycleRange']);
/** Back-pointers to the declaration an element is written in: its name. */
const ownerKinds: Readonly<Record<string, string>> = { aggregate: 'aggregate', module: 'module', application: 'application' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class ModelWriter {
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(model: DddModel) {
    for (const document of model.documents) this.lineIndexes.set(document.uri, document.lineIndex);
  }

  range(uri: string, range: { start: number; end: number }): Json {
    const lines = this.lineIndexes.get(uri);
    if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines.positionAt(range.start);
    const end = lines.positionAt(range.end);
    return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
  }

  value(value: unknown, uri: string, onPath: Set<object>, key?: string, owner?: Record<string, unknown>): Json | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (typeof value !== 'object') return undefined;
    if (onPath.has(value)) return undefined;
    if (Array.isArray(value)) {
      onPath.add(value);
      const items = value.flatMap((item) => {
        const written = this.value(item, uri, onPath);
        return written === undefined ? [] : [written];
      });
      onPath.delete(value);
      return items;
    }
    const record = value as Record<string, unknown>;
    if (key !== undefined && rangeKeys.has(key) && typeof record['start'] === 'number') return this.range(uri, record as { start: number; end: number });
    if ('expected' in record && 'soft' in record && typeof record['text'] === 'string') return this.reference(record, uri);
    // links that are not children: by qualified name
    if (owner?.['kind'] === 'context' && key === 'subdomains') return undefined;
    onPath.add(value);
    const out: { [key: string]: Json } = {};
    const ownUri = typeof record['uri'] === 'string' ? (record['uri'] as string) : uri;
    const kind = record['kind'];
    if (typeof kind === 'string') {
      out['kind'] = kind;
      if (typeof record['name'] === 'string') out['name'] = record['name'] as string;
      // an unnamed declaration (an unnamed application layer) is named by no reference: no qualified name
      if (isDeclarationKind(kind) && record['name'] !== '') out['qualifiedName'] = qualifiedName(record as unknown as Declaration);
    }
    for (const [name, property] of Object.entries(record)) {
      if (skipped.has(name) || name in out) continue;
      if (ownerKinds[name] !== undefined && property && typeof property === 'object' && (property as { kind?: unknown }).kind === ownerKinds[name]) {
        out[name] = (property as { name: string }).name;
        continue;
      }
      // a lifecycle state's link to its lifecycle enum's value: the value's name
      if (name === 'target' && property && typeof property === 'object' && (property as { kind?: unknown }).kind === 'enumValue') {
        out['target'] = (property as { name: string }).name;
        continue;
      }
      // a context block's link to its merged context (never written: blocks are `locations`)
      if (name === 'context' && property && typeof property === 'object' && (property as { kind?: unknown }).kind === 'context') continue;
      if ((name === 'implementedBy' || (name === 'teams' && kind === 'context')) && Array.isArray(property)) {
        out[name] = property.map((linked: { name: string }) => linked.name);
        continue;
      }
      const written = this.value(property, ownUri, onPath, name, record);
      if (written !== undefined) out[name] = written;
    }
    if (kind === 'context') {
      const context = record as unknown as BoundedContext;
      out['subdomains'] = context.subdomains.map((subdomain) => qualifiedName(subdomain));
      out['locations'] = context.declarations.map((declaration) => ({ uri: declaration.uri, range: this.range(declaration.uri, declaration.range) }));
      // what only the blocks hold: the owner as a team (the first block's, as `owner`), what they refine
      const ownerTeam = context.declarations.find((declaration) => declaration.owner === context.owner)?.ownerTeam;
      if (ownerTeam) out['ownerTeam'] = this.reference(ownerTeam as unknown as Record<string, unknown>, ownerTeam.uri);
      const refines = context.declarations.flatMap((declaration) => declaration.refines ?? []);
      if (refines.length > 0) out['refines'] = refines.map((reference) => this.reference(reference as unknown as Record<string, unknown>, reference.uri));
    }
    onPath.delete(value);
    return out;
  }

  reference(reference: Record<string, unknown>, uri: string): Json {
    const target = reference['target'] as Declaration | undefined;
    const out: { [key: string]: Json } = { text: reference['text'] as string };
    if (target) {
      out['target'] = qualifiedName(target);
      out['targetKind'] = target.kind;
    }
    const range = reference['range'] as { start: number; end: number } | undefined;
    if (range) out['range'] = this.range(typeof reference['uri'] === 'string' ? (reference['uri'] as string) : uri, range);
    return out;
  }
}

const declarationKinds = new Set([
  'domain', 'subdomain', 'context', 'contextmap', 'aggregate', 'entity', 'value', 'enum', 'command', 'event', 'repository', 'service', 'stream', 'readmodel', 'saga', 'storming', 'term',
  'team', 'usecase', 'story', 'stakeholders', 'stakeholderGroup', 'stakeholder', 'valueRegister', 'valueCluster', 'valueItem', 'module', 'application', 'flow', 'coordination',
]);

function isDeclarationKind(kind: string): boolean {
  return declarationKinds.has(kind);
}

/** The model as plain JSON data (what `ddd export --format json` writes). */
export function jsonModel(model: DddModel): Record<string, Json> {
  const writer = new ModelWriter(model);
  const list = (items: readonly object[]): Json[] => items.flatMap((item) => {
    const written = writer.value(item, '', new Set());
    return written === undefined ? [] : [written];
  });
  return {
    $schema: jsonModelSchemaId,
    formatVersion: jsonModelFormatVersion,
    files: model.documents.map((document) => document.uri),
    domains: list(model.domains),
    contexts: list([...model.contexts.values()]),
    contextMaps: list(model.contextMaps),
    sagas: list(model.sagas),
    boards: list(model.boards),
    teams: list(model.teams),
    requirements: list(model.requirements),
    stakeholders: list(model.stakeholders),
    valueRegisters: list(model.valueRegisters),
  };
}

export function jsonModelExport(model: DddModel): ModelExportResult {
  return { files: [{ path: 'model.json', text: JSON.stringify(jsonModel(model), null, 2) + '\n' }], warnings: [] };
}
