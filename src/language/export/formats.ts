/**
 * THE list of model exports: each format's id (what `ddd export --format`
 * takes), its label and description (the editor's menus, `ddd export --help`,
 * docs/export.md's list), the options it takes, and the function that makes
 * its files. The CLI, the language server's `ddd/exportModel`, the palette
 * command and the preview's Export menu all read this table.
 */
import type { DddModel } from '../model/model';
import { asyncApiExport } from './asyncapi';
import { c4MermaidExport } from './c4-mermaid';
import { eventCatalogExport } from './eventcatalog';
import { jsonModelExport } from './json-model';
import { plantUmlExport } from './plantuml';
import { structurizrExport } from './structurizr';
import type { ModelExportOptions, ModelExportResult } from './types';

export interface ModelExportFormat {
  id: string;
  /** As a menu shows it: `AsyncAPI 3.0`. */
  label: string;
  /** One line: what it writes. */
  description: string;
  /** Takes `name` (one bounded context). */
  takesName: boolean;
  /** Takes `json` (JSON instead of YAML). */
  takesJson: boolean;
  run(model: DddModel, options: ModelExportOptions): ModelExportResult;
}

export const modelExportFormats = [
  {
    id: 'asyncapi',
    label: 'AsyncAPI 3.0',
    description: 'one AsyncAPI 3.0 document per bounded context (YAML, or JSON): channels, send/receive operations, payload schemas',
    takesName: true,
    takesJson: true,
    run: asyncApiExport,
  },
  {
    id: 'eventcatalog',
    label: 'EventCatalog',
    description: 'an EventCatalog folder tree: domains with their ubiquitous language, a service per context, events and commands with schemas, flows for sagas',
    takesName: false,
    takesJson: false,
    run: (model) => eventCatalogExport(model),
  },
  {
    id: 'plantuml',
    label: 'PlantUML',
    description: 'PlantUML diagrams: context maps as Context Mapper draws them, aggregates as class diagrams, saga state machines and sequences',
    takesName: false,
    takesJson: false,
    run: (model) => plantUmlExport(model),
  },
  {
    id: 'structurizr',
    label: 'Structurizr DSL (C4)',
    description: 'a Structurizr DSL workspace: contexts as software systems, relationships with their roles, a system landscape view',
    takesName: false,
    takesJson: false,
    run: (model) => structurizrExport(model),
  },
  {
    id: 'c4',
    label: 'C4 (mermaid)',
    description: 'a mermaid C4 context diagram of the bounded contexts and their relationships',
    takesName: false,
    takesJson: false,
    run: (model) => c4MermaidExport(model),
  },
  {
    id: 'json',
    label: 'JSON model',
    description: 'the linked model as JSON (schemas/model.schema.json): every declaration, references by qualified name, ranges',
    takesName: false,
    takesJson: false,
    run: (model) => jsonModelExport(model),
  },
] as const satisfies readonly ModelExportFormat[];

export type ModelExportFormatId = (typeof modelExportFormats)[number]['id'];

export const modelExportFormatIds: readonly ModelExportFormatId[] = modelExportFormats.map((format) => format.id);

export function isModelExportFormat(id: string): id is ModelExportFormatId {
  return (modelExportFormatIds as readonly string[]).includes(id);
}

export function findModelExportFormat(id: string): ModelExportFormat | undefined {
  return modelExportFormats.find((format) => format.id === id);
}

/** Runs one export: a problem for an unknown format or an option the format does not take. */
export function exportModel(model: DddModel, formatId: string, options: ModelExportOptions = {}): ModelExportResult {
  const format = findModelExportFormat(formatId);
  if (!format) return { problem: unknownModelFormatProblem(formatId) };
  if (options.name !== undefined && !format.takesName) return { problem: `--name does not apply to ${format.id} (it exports the whole model)` };
  if (options.json && !format.takesJson) return { problem: `--json does not apply to ${format.id}` };
  return format.run(model, options);
}

export function unknownModelFormatProblem(formatId: string): string {
  return `unknown export format '${formatId.replace(/[\u0000-\u001f]/g, ' ').slice(0, 60)}': the model exports are ${modelExportFormatIds.join(', ')}`;
}
