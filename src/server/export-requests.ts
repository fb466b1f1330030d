/**
 * `ddd/exportFormats` and `ddd/exportModel`: the core's model exports
 * (src/language/export/) for the editor. The server only computes the files;
 * the extension writes them where the user says. A format the core does not
 * know, or a name not in the model, is an InvalidParams error with the core's words.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { exportModel, isExportProblem, modelExportFormats } from '../language/export/index';
import type { DddModel } from '../language/index';
import type { ExportFormatsResult, ExportModelParams, ExportModelResult } from '../protocol/index';

export function exportFormats(): ExportFormatsResult {
  return { formats: modelExportFormats.map(({ id, label, description, takesName, takesJson }) => ({ id, label, description, takesName, takesJson })) };
}

export function exportModelFiles(model: DddModel, params: ExportModelParams): ExportModelResult {
  const result = exportModel(model, params.format, { ...(params.name !== undefined ? { name: params.name } : {}), ...(params.json ? { json: true } : {}) });
  if (isExportProblem(result)) throw new ResponseError(ErrorCodes.InvalidParams, result.problem);
  return { files: result.files, warnings: result.warnings };
}
