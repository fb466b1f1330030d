/**
 * What "DDD: Import Context Mapper Model…" says and where it writes, as pure
 * functions of the server's answer (cml-import.ts does the talking to VS Code).
 */
import type { CmlImportResult } from '../protocol/index';

/** Dropped constructs listed per import at most; the rest are counted. */
export const maxListedDropped = 500;

/** `insurance.cml` → `insurance.ddd` (written beside it). */
export function dddFileName(cmlFileName: string): string {
  return cmlFileName.replace(/\.cml$/i, '') + '.ddd';
}

/** The error shown when the file could not be read as CML: where, and that nothing was written. */
export function unreadableMessage(fileName: string, problems: Extract<CmlImportResult, { ok: false }>['problems']): string {
  const [first] = problems;
  const where = first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'no details';
  return `${fileName} is not a Context Mapper model this importer can read: ${where}. Nothing was written.`;
}

/** The lines of the output channel that lists what was not carried over (bounded). */
export function droppedReport(fileName: string, targetName: string, dropped: Extract<CmlImportResult, { ok: true }>['dropped']): string[] {
  const lines = [`${fileName} → ${targetName}: ${dropped.length} construct${dropped.length === 1 ? '' : 's'} not carried over`];
  for (const item of dropped.slice(0, maxListedDropped)) lines.push(`${fileName}:${item.line}: ${item.reason}`);
  if (dropped.length > maxListedDropped) lines.push(`… and ${dropped.length - maxListedDropped} more`);
  return lines;
}
