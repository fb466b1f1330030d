/**
 * Where the editor shows the breaking changes of a comparison (`ddd.diff.diagnostics`),
 * as plain data (diff-diagnostics.ts makes them VS Code diagnostics):
 *
 * - a renamed or changed element: on its name, in the working tree;
 * - a removed element has no line any more: on the name of what held it (its
 *   event, aggregate or context, as the new version declares it), and on each
 *   affected party still written in the working tree (the saga step that sends
 *   the removed command, the context downstream), each message naming the
 *   removed element and the base.
 *
 * Only files of the working folder get one (a party that is only in the base has no line to show).
 */
import type { CliChange, CliDiff, CliLocation } from '../../protocol/diff';

/** The most findings a comparison shows (a diff lists up to 5,000 changes of 50 parties each). */
export const MAX_BREAKING_FINDINGS = 1_000;

export interface BreakingFinding {
  /** Relative to the working folder, with `/`. */
  file: string;
  /** From 1, as `ddd diff` counts. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Other places worth a look: the affected parties, or what held a removed element. */
  related: { file: string; line: number; column: number; message: string }[];
}

/** `renamed domain event InventoryReserved → StockReserved`. */
function title(change: CliChange): string {
  return `${change.change} ${change.kindWords} ${change.oldName !== undefined ? `${change.oldName} → ` : ''}${change.name}`;
}

function at(location: CliLocation & { file: string }): Omit<BreakingFinding, 'message' | 'related'> {
  return { file: location.file, line: location.line, column: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

function pointAt(location: CliLocation & { file: string }, message: string): BreakingFinding['related'][number] {
  return { file: location.file, line: location.line, column: location.column, message };
}

function inFolder(location: CliLocation | undefined): location is CliLocation & { file: string } {
  return location?.file !== undefined;
}

/** The breaking changes of `diff` against `base`, where a reader of the working tree looks for them. */
export function breakingFindings(diff: Pick<CliDiff, 'changes'>, base: string): BreakingFinding[] {
  const findings: BreakingFinding[] = [];
  const push = (finding: BreakingFinding) => {
    if (findings.length < MAX_BREAKING_FINDINGS) findings.push(finding);
  };
  const partiesOf = (change: CliChange) =>
    change.affected.flatMap((party) => (inFolder(party.location) ? [pointAt(party.location, `affects ${party.kind} ${party.name}`)] : []));
  for (const change of diff.changes) {
    if (change.classification !== 'breaking') continue;
    const reasons = change.reasons.join('; ');
    if (change.change !== 'removed') {
      if (inFolder(change.new)) push({ ...at(change.new), message: `Breaking change against ${base}: ${title(change)}. ${reasons}`, related: partiesOf(change) });
      continue;
    }
    const removed = `${change.kindWords} ${change.name}`;
    const holder = inFolder(change.holder) ? change.holder : undefined;
    if (holder) {
      push({
        ...at(holder),
        message: `Breaking change against ${base}: ${removed} was removed from here (${base} declares it). ${reasons}`,
        related: partiesOf(change),
      });
    }
    for (const party of change.affected) {
      if (party.side !== 'new' || !inFolder(party.location)) continue;
      push({
        ...at(party.location),
        message: `Breaking change against ${base}: ${party.kind} ${party.name} depends on ${removed}, which was removed (${base} declares it). ${reasons}`,
        related: holder ? [pointAt(holder, `${removed} was removed from here`)] : [],
      });
    }
  }
  return findings;
}
