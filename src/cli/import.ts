/**
 * `ddd import <file.cml…> [--out folder]`: Context Mapper models as .ddd files,
 * one per CML file (beside it, or in --out). The conversion is the core's
 * (src/language/cml); this file reads, reports and writes. Every file is
 * converted before anything is written, so a file that cannot be parsed leaves
 * nothing behind; each file is written through a temporary file and renamed.
 */
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { cmlMapName, importCml, type CmlDropped } from '../language/cml/import';
import { undeclaredTypes } from '../language/cml/undeclared-types';
import { boundedList } from '../language/util/bounded-list';
import { exitCodes, UsageError, type CliCommand } from './command';
import { displayPath, readDddText } from './files';
import { plural } from './format';

/** Dropped constructs printed per file at most; the rest are counted. */
export const maxDroppedLines = 200;

interface Converted {
  source: string;
  target: string;
  text: string;
  dropped: CmlDropped[];
}

function writeNew(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // it was not created
    }
    throw error;
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import Context Mapper (.cml) models as .ddd files',
  usage: 'ddd import [options] <file.cml…>',
  description: [
    'Writes one .ddd file per CML file, beside it (or into --out), with the same name: model.cml → model.ddd.',
    'Comments are kept. What has no .ddd counterpart (Sculptor generator hints, imports of other .cml files, …)',
    'is listed, one line each: path:line: dropped: reason. Types a file uses but declares nowhere (which .ddd',
    'reports until they are declared) are named in a note. See docs/context-mapper.md for what maps to what.',
    '',
    'Nothing is written when a file cannot be parsed, or when a .ddd file is there already (give --force to replace it).',
    '',
    'Exit code: 0 imported, 1 imported but something was dropped, 2 a file could not be parsed or written (path:line:col: message).',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: '<folder>', description: 'write the .ddd files into this folder (created if needed)' },
    force: { type: 'boolean', description: 'replace .ddd files that exist' },
  },
  run({ args, options, cwd, out }) {
    if (args.length === 0) throw new UsageError('name the .cml files to import');
    const outDir = options['out'] === undefined ? undefined : resolve(cwd, String(options['out']));
    const converted: Converted[] = [];
    let failed = false;
    const targets = new Set<string>();
    for (const arg of args) {
      const source = resolve(cwd, arg);
      const shown = displayPath(source, cwd);
      const read = readDddText(source);
      if (!read.ok) {
        out.stderr(`ddd import: cannot read ${shown} (${read.problem}).\n`);
        failed = true;
        continue;
      }
      const result = importCml(read.text, { mapName: cmlMapName(source) });
      if (!result.ok) {
        for (const problem of result.problems) out.stderr(`${shown}:${problem.line}:${problem.column}: error: ${problem.message}\n`);
        failed = true;
        continue;
      }
      const target = join(outDir ?? dirname(source), basename(source, extname(source)) + '.ddd');
      if (targets.has(target)) {
        out.stderr(`ddd import: two files would be written to ${displayPath(target, cwd)}; import them into different folders.\n`);
        failed = true;
        continue;
      }
      targets.add(target);
      if (existsSync(target) && options['force'] !== true) {
        out.stderr(`ddd import: ${displayPath(target, cwd)} exists; give --force to replace it.\n`);
        failed = true;
        continue;
      }
      converted.push({ source: shown, target, ...result });
    }
    if (failed) {
      out.stderr('ddd import: nothing was written.\n');
      return exitCodes.usage;
    }
    if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
    let dropped = 0;
    for (const file of converted) {
      writeNew(file.target, file.text);
      out.stdout(`wrote ${displayPath(file.target, cwd)}${file.dropped.length ? ` (${plural(file.dropped.length, 'construct')} dropped)` : ''}\n`);
      for (const item of file.dropped.slice(0, maxDroppedLines)) out.stdout(`${file.source}:${item.line}: dropped: ${item.reason}\n`);
      if (file.dropped.length > maxDroppedLines) out.stdout(`${file.source}: … and ${file.dropped.length - maxDroppedLines} more dropped\n`);
      const undeclared = undeclaredTypes(file.text);
      if (undeclared.length) {
        out.stdout(
          `${file.source}: note: ${plural(undeclared.length, 'type')} used but declared nowhere in this file (Context Mapper reads them as plain names; ` +
            `.ddd reports each as an unknown type until it is declared): ${boundedList(undeclared, { limit: 10 })}\n`,
        );
      }
      dropped += file.dropped.length;
    }
    return dropped > 0 ? exitCodes.findings : exitCodes.ok;
  },
};
