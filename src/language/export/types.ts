/**
 * What a model export produces: files as plain text, with paths relative to the
 * folder they go in. The core only computes them; the CLI and the editor write them.
 */

export interface ExportedFile {
  /** Relative, with `/` between folders: `asyncapi/Sales.yaml`, `events/OrderPlaced/index.mdx`. */
  path: string;
  text: string;
}

export interface ModelExport {
  files: ExportedFile[];
  /** What could not be exported as it stands (a saga too large to analyse, …). */
  warnings: string[];
}

/** The export could not be made: a name that is not in the model, an option the format does not take. */
export interface ExportProblem {
  problem: string;
}

export type ModelExportResult = ModelExport | ExportProblem;

export interface ModelExportOptions {
  /** Narrow the export to one bounded context (formats that take it). */
  name?: string;
  /** JSON instead of YAML (formats that write YAML). */
  json?: boolean;
}

export function isExportProblem(result: ModelExportResult): result is ExportProblem {
  return 'problem' in result;
}
