/**
 * The list of model exports as docs/export.md shows it, rendered from the
 * registry (a test keeps the document's list equal to this).
 */
import { modelExportFormats } from './formats';

export const formatsDocStart = '<!-- export-formats:start (generated from src/language/export/formats.ts; the tests check it) -->';
export const formatsDocEnd = '<!-- export-formats:end -->';

export function exportFormatsMarkdown(): string {
  const rows = modelExportFormats.map((format) => {
    const options = [format.takesName ? '`--name <context>`' : '', format.takesJson ? '`--json`' : ''].filter(Boolean).join(', ') || '–';
    return `| [${format.label}](#${format.id}) | \`--format ${format.id}\` | ${format.description} | ${options} |`;
  });
  return [formatsDocStart, '| format | option | writes | also takes |', '|---|---|---|---|', ...rows, formatsDocEnd].join('\n');
}
