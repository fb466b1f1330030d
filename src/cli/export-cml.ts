/**
 * `ddd export --format cml [--out file]`: the whole model as one Context Mapper
 * (CML) file (the conversion is the core's, src/language/cml/export-cml.ts).
 * What CML cannot say is listed on stderr, one line per kind of thing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportCml } from '../language/cml/export-cml';
import { checkInputs } from './check';
import { exitCodes, UsageError, type Invocation } from './command';
import { displayPath } from './files';
import { plural } from './format';

export function runCmlExport({ args, options, cwd, out }: Invocation): number {
  if (options['view'] !== undefined || options['name'] !== undefined) throw new UsageError('--format cml exports the whole model: leave out --view and --name');
  const { files, problems, result } = checkInputs(args, cwd, out);
  if (files.length === 0) return exitCodes.usage;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) out.stderr(`ddd export: note: the model has ${plural(errors, 'error')} (see ddd check); the CML holds what could be read.\n`);
  const { text, notes } = exportCml(result.model);
  for (const note of notes) out.stderr(`ddd export: not in CML: ${note}\n`);
  if (options['out'] === undefined) out.stdout(text);
  else {
    const path = resolve(cwd, String(options['out']));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    out.stdout(`wrote ${displayPath(path, cwd)}\n`);
  }
  return problems.length ? exitCodes.usage : exitCodes.ok;
}
