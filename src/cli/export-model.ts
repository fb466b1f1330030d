/**
 * `ddd export --format <asyncapi|eventcatalog|plantuml|structurizr|c4|json>`:
 * the model exports of the core's registry (src/language/export/formats.ts),
 * written into `--out <folder>` (folders created as needed), or printed when
 * the export is one file and there is no `--out`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportModel, isExportProblem, type ExportedFile, type ModelExportFormat } from '../language/export/index';
import { checkInputs } from './check';
import { exitCodes, UsageError, type Invocation } from './command';
import { displayPath } from './files';
import { plural } from './format';

/** The options of `ddd export` that only the diagram formats take. */
const diagramOnly = ['view', 'title'] as const;

export function runModelExport({ args, options, cwd, out }: Invocation, format: ModelExportFormat, outDir: string | undefined): number {
  for (const option of diagramOnly) {
    if (options[option] !== undefined) throw new UsageError(`--${option} applies to the diagram formats (mermaid, markdown, svg); --format ${format.id} exports the whole model`);
  }
  const name = options['name'] === undefined ? undefined : String(options['name']);
  if (name !== undefined && !format.takesName) throw new UsageError(`--name does not apply to --format ${format.id}: it exports the whole model`);
  if (options['json'] === true && !format.takesJson) throw new UsageError(`--json does not apply to --format ${format.id}`);

  const { files, problems, result } = checkInputs(args, cwd, out);
  if (files.length === 0) return exitCodes.usage;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) out.stderr(`ddd export: note: the model has ${plural(errors, 'error')} (see ddd check); the export holds what could be read.\n`);

  const exported = exportModel(result.model, format.id, { ...(name !== undefined ? { name } : {}), ...(options['json'] === true ? { json: true } : {}) });
  if (isExportProblem(exported)) throw new UsageError(exported.problem.replace(/\.$/, ''));
  for (const warning of exported.warnings) out.stderr(`ddd export: ${warning}\n`);
  if (exported.files.length === 0) {
    out.stderr(`ddd export: nothing to export: the model has no bounded contexts.\n`);
    return exitCodes.usage;
  }
  if (outDir === undefined) {
    if (exported.files.length > 1) throw new UsageError(`--format ${format.id} writes ${plural(exported.files.length, 'file')}: give --out <folder>${format.takesName ? ', or narrow it to one context with --name' : ''}`);
    out.stdout(exported.files[0]!.text);
  } else {
    for (const file of exported.files) writeExported(out.stdout, cwd, outDir, file);
  }
  return problems.length > 0 ? exitCodes.usage : exitCodes.ok;
}

/** Writes one exported file under the folder; its path comes from the core, and is checked to stay inside it. */
function writeExported(print: (text: string) => void, cwd: string, folder: string, file: ExportedFile): void {
  const segments = file.path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\:]/.test(segment))) {
    throw new Error(`refusing to write ${JSON.stringify(file.path)}: not a plain relative path`);
  }
  const path = join(folder, ...segments);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text);
  print(`wrote ${displayPath(path, cwd)}\n`);
}
