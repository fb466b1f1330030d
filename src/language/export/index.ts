/**
 * Model exports to the tools of the ecosystem: AsyncAPI, EventCatalog, PlantUML,
 * Structurizr and mermaid C4, and the model as JSON. Pure functions from the
 * model to files (`{ path, text }`); the CLI and the editor write them.
 */
export {
  exportModel,
  findModelExportFormat,
  isModelExportFormat,
  modelExportFormatIds,
  modelExportFormats,
  unknownModelFormatProblem,
  type ModelExportFormat,
  type ModelExportFormatId,
} from './formats';
export { isExportProblem, type ExportedFile, type ExportProblem, type ModelExport, type ModelExportOptions, type ModelExportResult } from './types';
export { jsonModel, jsonModelSchemaId, jsonModelFormatVersion } from './json-model';
