/**
 * The model exports over the wire: the formats the server offers
 * (`ddd/exportFormats`, from the core's registry, so the palette command and
 * the preview's Export menu list exactly what `ddd export` takes) and one
 * export made (`ddd/exportModel`: files as relative paths and text, which the
 * extension writes where the user says).
 */
import type { ExportedFile, ModelExportFormat } from '../language/export/index';

/** A format as a menu lists it: the registry's row without its function. */
export type ExportFormatEntry = Omit<ModelExportFormat, 'run'>;

export type ExportFormatsParams = Record<string, never>;

export interface ExportFormatsResult {
  formats: ExportFormatEntry[];
}

export interface ExportModelParams {
  /** A format id of `ddd/exportFormats`. */
  format: string;
  /** One bounded context (formats whose entry `takesName`). */
  name?: string;
  /** JSON instead of YAML (formats whose entry `takesJson`). */
  json?: boolean;
}

export interface ExportModelResult {
  files: ExportedFile[];
  warnings: string[];
}

/** A format id as the webview and the requests may name it. */
export const exportFormatIdPattern = /^[a-z][a-z0-9-]{0,39}$/;
