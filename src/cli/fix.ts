/**
 * `ddd check --fix`: applies the core's safe fixes (language/fixes) to the files,
 * writes each changed file atomically (a temporary file beside it, then a
 * rename), and says what it changed, `path:line: title`. Files no fix changed
 * are not touched.
 */
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fixWorkspace, type FixReport, type FixRun, type SkippedFix } from '../language/fixes/index';
import type { DddFile } from './files';

/** A fix as the command line reports it (lines and columns from 1, in the fixed text). */
export interface CliFix {
  file: string;
  line: number;
  column: number;
  title: string;
}

export interface FixOutcome {
  run: FixRun;
  /** The fixes applied and saved. */
  fixed: CliFix[];
  /** Safe fixes not applied, and why. */
  skipped: (CliFix & { reason: SkippedFix['reason'] })[];
  /** Files that could not be written, as `ddd: …` sentences. */
  problems: string[];
  /** How many files were written. */
  written: number;
}

/** Writes `text` to `path` through a temporary file in the same folder, keeping the file's mode. */
export function writeAtomically(path: string, text: string): void {
  const target = realpathSync(path); // a link keeps pointing at the file it named
  const mode = statSync(target).mode;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // it was not created
    }
    throw error;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Applies the safe fixes to `files`, writes the files they changed, and reports each fix where it now is. */
export function fixFiles(files: readonly DddFile[]): FixOutcome {
  const run = fixWorkspace(files.map((file) => ({ uri: file.uri, text: file.text })));
  const byUri = new Map(files.map((file) => [file.uri, file]));
  const problems: string[] = [];
  const failed = new Set<string>();
  let written = 0;
  for (const [uri, text] of run.changed) {
    const file = byUri.get(uri)!;
    try {
      writeAtomically(file.path, text);
      written++;
    } catch (error) {
      failed.add(uri);
      problems.push(`cannot write ${file.display} (${reason(error)}); its fixes are not saved`);
    }
  }
  const lines = new Map(run.result.model.documents.map((document) => [document.uri, document.lineIndex]));
  const shown = (report: FixReport): CliFix => {
    const position = lines.get(report.uri)?.positionAt(report.offset) ?? { line: 0, character: 0 };
    return { file: byUri.get(report.uri)?.display ?? report.uri, line: position.line + 1, column: position.character + 1, title: report.title };
  };
  return {
    run,
    fixed: run.applied.filter((report) => !report.uris.some((uri) => failed.has(uri))).map(shown),
    skipped: run.skipped.map((report) => ({ ...shown(report), reason: report.reason })),
    problems,
    written,
  };
}
