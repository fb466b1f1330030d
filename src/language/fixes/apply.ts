/**
 * Applying the safe fixes to a workspace, unattended (`ddd check --fix`): in
 * rounds, since one fix can make another possible (`command weighParcel`
 * renamed to WeighParcel, which then emits the ParcelWeighed nothing emitted).
 * Each round checks the texts, takes the first safe fix of each finding,
 * applies those whose edits overlap none already taken, and checks again; it
 * stops when a round changes nothing, or after a few rounds.
 * Pure: texts in, texts out (the CLI reads and writes the files).
 */
import { checkWorkspace, type CheckResult, type SourceFile } from '../index';
import { applyEdits } from '../navigation/format';
import type { TextRange } from '../model/elements';
import { fixesFor } from './registry';
import { fixContext, type Fix, type FixEdit } from './types';

/** Rounds of fixing at most: fixes rarely enable more than one further round. */
export const MAX_FIX_ROUNDS = 5;

/** A fix applied, or left out, at the start of its finding. */
export interface FixReport {
  uri: string;
  /** The finding's start, as an offset into the document's final text. */
  offset: number;
  title: string;
  /** The documents the fix edits. */
  uris: string[];
}

export interface SkippedFix extends FixReport {
  /** `overlap`: its edits overlap one another's; `rounds`: the rounds ran out before it. */
  reason: 'overlap' | 'rounds';
}

export interface FixRun {
  /** The workspace after the fixes, checked. */
  result: CheckResult;
  /** The new text of each document a fix changed (and only those). */
  changed: Map<string, string>;
  /** The fixes applied, in the order they were applied. */
  applied: FixReport[];
  /** Safe fixes not applied (run again for those left by the rounds). */
  skipped: SkippedFix[];
  /** Rounds that changed something. */
  rounds: number;
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

function sameEdit(a: FixEdit, b: FixEdit): boolean {
  return a.uri === b.uri && a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

/** Where an offset goes when `edits` (non-overlapping, in the same text) are applied. */
function shifted(offset: number, edits: readonly FixEdit[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.range.end <= offset && edit.range.start < offset) delta += edit.newText.length - (edit.range.end - edit.range.start);
    else if (edit.range.start < offset && offset < edit.range.end) delta += edit.range.start - offset;
  }
  return offset + delta;
}

function reportOf(candidate: Candidate, offset: number): FixReport {
  return { uri: candidate.uri, offset, title: candidate.fix.title, uris: [...new Set(candidate.fix.edits.map((edit) => edit.uri))] };
}

interface Candidate {
  fix: Fix;
  uri: string;
  offset: number;
}

/**
 * The first safe fix of each finding, in the order of the findings. A document
 * with syntax errors is not edited: the parser recovered, but what it read may
 * not be what the author meant.
 */
function candidates(result: CheckResult): Candidate[] {
  const context = fixContext(result.model, result.diagnostics);
  const unreadable = new Set(result.model.documents.filter((document) => document.diagnostics.length > 0).map((document) => document.uri));
  const found: Candidate[] = [];
  for (const finding of result.diagnostics) {
    const fix = fixesFor(context, finding).find((candidate) => candidate.safe);
    if (fix && !fix.edits.some((edit) => unreadable.has(edit.uri))) found.push({ fix, uri: finding.uri, offset: finding.range.start });
  }
  return found;
}

export interface Selection<T extends { fix: Fix }> {
  /** The fixes to apply together. */
  taken: T[];
  /** Their edits (an edit two fixes share, once). */
  edits: FixEdit[];
  /** The fixes left for a later round: an edit overlaps one already taken, or a new name is already given. */
  conflicts: T[];
}

/**
 * The fixes that can be applied together, first come first served: a fix is
 * taken whole or not at all; one whose edits were all taken already (the same
 * swap offered by two findings) is a duplicate and dropped; one with an edit
 * outside `uris` is dropped.
 */
export function selectFixes<T extends { fix: Fix }>(found: readonly T[], uris: ReadonlySet<string> | ReadonlyMap<string, unknown>): Selection<T> {
  const selection: Selection<T> = { taken: [], edits: [], conflicts: [] };
  const takenByUri = new Map<string, FixEdit[]>();
  const takenIn = (uri: string): readonly FixEdit[] => takenByUri.get(uri) ?? [];
  const newNames = new Set<string>();
  for (const candidate of found) {
    const { fix } = candidate;
    if (fix.edits.length === 0 || fix.edits.some((edit) => !uris.has(edit.uri))) continue;
    const fresh = fix.edits.filter((edit) => !takenIn(edit.uri).some((taken) => sameEdit(taken, edit)));
    if (fresh.length === 0) continue;
    const fits =
      fresh.length === fix.edits.length &&
      (fix.newName === undefined || !newNames.has(fix.newName)) &&
      fresh.every(
        (edit, i) =>
          !takenIn(edit.uri).some((other) => overlaps(other.range, edit.range)) &&
          !fresh.slice(0, i).some((other) => other.uri === edit.uri && overlaps(other.range, edit.range)),
      );
    if (!fits) {
      selection.conflicts.push(candidate);
      continue;
    }
    selection.taken.push(candidate);
    selection.edits.push(...fresh);
    for (const edit of fresh) {
      const list = takenByUri.get(edit.uri);
      if (list) list.push(edit);
      else takenByUri.set(edit.uri, [edit]);
    }
    if (fix.newName !== undefined) newNames.add(fix.newName);
  }
  return selection;
}

/** Applies the safe fixes to the files, in at most `maxRounds` rounds. */
export function fixWorkspace(files: readonly SourceFile[], maxRounds = MAX_FIX_ROUNDS): FixRun {
  const original = new Map(files.map((file) => [file.uri, file.text]));
  const texts = new Map(original);
  let result = checkWorkspace(files);
  const applied: FixReport[] = [];
  const skipped: SkippedFix[] = [];
  let rounds = 0;
  for (;;) {
    const selection = selectFixes(candidates(result), texts);
    if (selection.taken.length === 0 || rounds === maxRounds) {
      // overlapping fixes wait for the next round: only those of the last one are left out
      const outOfRounds = rounds === maxRounds;
      const left = outOfRounds ? [...selection.taken, ...selection.conflicts] : selection.conflicts;
      for (const candidate of left) skipped.push({ ...reportOf(candidate, candidate.offset), reason: outOfRounds ? 'rounds' : 'overlap' });
      break;
    }
    rounds++;
    const editsIn = new Map<string, FixEdit[]>();
    for (const edit of selection.edits) {
      const list = editsIn.get(edit.uri);
      if (list) list.push(edit);
      else editsIn.set(edit.uri, [edit]);
    }
    for (const report of applied) report.offset = shifted(report.offset, editsIn.get(report.uri) ?? []);
    for (const candidate of selection.taken) applied.push(reportOf(candidate, shifted(candidate.offset, editsIn.get(candidate.uri) ?? [])));
    for (const [uri, edits] of editsIn) texts.set(uri, applyEdits(texts.get(uri)!, edits));
    result = checkWorkspace(files.map((file) => ({ uri: file.uri, text: texts.get(file.uri)! })));
  }
  const changed = new Map([...texts].filter(([uri, text]) => original.get(uri) !== text));
  return { result, changed, applied, skipped, rounds };
}
