/**
 * The simulator's findings on a saga, kept by the saga's text. A saga's findings follow from
 * its own text alone (its orchestration reads no other declaration), so a saga parsed anew with
 * the same text (its file re-read, text moved by an edit above it, the same model checked again)
 * is not explored again: its findings are the kept ones, moved to where the saga now stands.
 *
 * Bounded: the MAX_KEPT_SAGAS texts used last.
 */
import type { Saga, TextRange } from '../model/elements';
import type { Finding, Rule } from '../validation/rule';

export type SagaFindings = readonly { rule: Rule; finding: Finding }[];

/** How many saga texts are kept (the oldest used goes first). */
export const MAX_KEPT_SAGAS = 256;

interface Kept {
  /** Where the saga started when its findings were found: their ranges are moved by the difference. */
  start: number;
  findings: SagaFindings;
}

const byText = new Map<string, Kept>();

function moved(range: TextRange, by: number): TextRange {
  return { start: range.start + by, end: range.end + by };
}

/** The findings kept for a saga with this text, placed on this saga (its file and offsets), or undefined. */
export function keptFindings(saga: Saga, text: string): SagaFindings | undefined {
  const kept = byText.get(text);
  if (!kept) return undefined;
  // the text used last goes last, the oldest first
  byText.delete(text);
  byText.set(text, kept);
  const by = saga.range.start - kept.start;
  return kept.findings.map(({ rule, finding }) => {
    const placed: Finding = { ...finding, uri: saga.uri, range: moved(finding.range, by) };
    if (finding.related) placed.related = finding.related.map((related) => ({ ...related, uri: saga.uri, range: moved(related.range, by) }));
    return { rule, finding: placed };
  });
}

function within(range: TextRange, saga: Saga): boolean {
  return range.start >= saga.range.start && range.end <= saga.range.end;
}

/** Keeps a saga's findings by its text: only when every one of them lies inside the saga, so that they can move with it. */
export function keepFindings(saga: Saga, text: string, findings: SagaFindings): void {
  const inside = findings.every(
    ({ finding }) => finding.uri === saga.uri && within(finding.range, saga) && (finding.related ?? []).every((related) => related.uri === saga.uri && within(related.range, saga)),
  );
  if (!inside) return;
  byText.set(text, { start: saga.range.start, findings });
  if (byText.size > MAX_KEPT_SAGAS) byText.delete(byText.keys().next().value!);
}

/** How many saga texts are kept now (for tests: the bound holds). */
export function keptSagaCount(): number {
  return byText.size;
}
