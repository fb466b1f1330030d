/**
 * `ddd diff`'s output: text grouped by bounded context, JSON for scripts,
 * Markdown for a pull-request comment, and GitHub Actions annotations on the
 * changed lines. Lines and columns count from 1 here.
 */
import { contextImpacts, type ChangeClass, type DiffLocation, type FieldChange, type ModelDiff } from '../language/diff/index';
import type { CliChange, CliDiff, CliLocation } from '../protocol/diff';
import type { DiffSide } from './diff-sources';
import { formatAnnotation, paint, plural } from './format';

export function cliDiff(diff: ModelDiff, before: DiffSide, after: DiffSide): CliDiff {
  const locate = (location: DiffLocation | undefined, side: DiffSide): CliLocation | undefined => {
    if (!location) return undefined;
    const view = side.views.get(location.uri) ?? { display: location.uri };
    return { ...view, line: location.line + 1, column: location.character + 1, endLine: location.endLine + 1, endColumn: location.endCharacter + 1 };
  };
  return {
    version: 1,
    command: 'diff',
    old: before.label,
    new: after.label,
    counts: diff.counts,
    omitted: diff.omitted,
    changes: diff.changes.map(({ old, new: next, holder, affected, ...change }) => ({
      ...change,
      ...(old ? { old: locate(old, before)! } : {}),
      ...(next ? { new: locate(next, after)! } : {}),
      ...(holder ? { holder: locate(holder, after)! } : {}),
      affected: affected.map((party) => ({ ...party, location: locate(party.location, party.side === 'old' ? before : after)! })),
    })),
    contexts: contextImpacts(diff.changes),
  };
}

export function where(location: CliLocation | undefined): string {
  return location ? `${location.display}:${location.line}:${location.column}` : '';
}

/** `renamed domain event InventoryReserved → StockReserved`. */
export function changeTitle(change: CliChange): string {
  return `${change.change} ${change.kindWords} ${change.oldName !== undefined ? `${change.oldName} → ` : ''}${change.name}`;
}

function fieldWords(field: FieldChange): string {
  if (field.old === undefined) return `${field.field}: + ${field.new}`;
  if (field.new === undefined) return `${field.field}: − ${field.old}`;
  return `${field.field}: ${field.old} → ${field.new}`;
}

const marks: Record<ChangeClass, { sign: string; colour: string }> = {
  breaking: { sign: '✗', colour: '31' },
  risky: { sign: '!', colour: '33' },
  safe: { sign: '·', colour: '32' },
};

export function countWords(counts: Record<ChangeClass, number>): string {
  const total = counts.breaking + counts.risky + counts.safe;
  if (total === 0) return 'no changes';
  return `${plural(total, 'change')}: ${counts.breaking} breaking, ${counts.risky} risky, ${counts.safe} safe`;
}

function byGroup(changes: readonly CliChange[]): Map<string, CliChange[]> {
  const groups = new Map<string, CliChange[]>();
  for (const change of changes) {
    const list = groups.get(change.group);
    if (list) list.push(change);
    else groups.set(change.group, [change]);
  }
  return groups;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

export function formatText(diff: CliDiff, color: boolean): string {
  const lines: string[] = [`Comparing ${diff.old} with ${diff.new}`, ''];
  for (const [group, changes] of byGroup(diff.changes)) {
    lines.push(paint(group, '1', color));
    for (const change of changes) {
      const mark = marks[change.classification];
      lines.push(`  ${paint(`${mark.sign} ${change.classification.padEnd(8)}`, mark.colour, color)} ${oneLine(changeTitle(change))}  ${paint(where(change.new ?? change.old), '2', color)}`);
      for (const field of change.fields) lines.push(`      ${oneLine(fieldWords(field))}`);
      for (const reason of change.reasons) lines.push(`      ${oneLine(reason)}`);
      if (change.outcomes && !change.outcomes.explored) lines.push(`      not simulated: ${change.outcomes.reason ?? ''}`);
      for (const outcome of change.outcomes?.appeared ?? []) lines.push(`      simulated, new outcome: ${outcome}`);
      for (const outcome of change.outcomes?.disappeared ?? []) lines.push(`      simulated, outcome gone: ${outcome}`);
      for (const party of change.affected) lines.push(`      affects ${party.kind} ${oneLine(party.name)}  ${paint(where(party.location), '2', color)}`);
      if (change.moreAffected) lines.push(`      affects ${change.moreAffected} more`);
    }
    lines.push('');
  }
  if (diff.omitted) lines.push(`${plural(diff.omitted, 'more change')} not listed.`);
  lines.push(`${countWords(diff.counts)}.`);
  return lines.join('\n') + '\n';
}

/** Text in a Markdown table cell: no raw HTML, no table breaks, no stray emphasis or links. */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+!|<>~]/g, (character) => `\\${character}`);
}

function markdownCode(text: string): string {
  // a code span holds anything but its own fence: use a fence longer than any run of backticks inside
  const clean = oneLine(text).replace(/\|/g, '¦');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${fence}`;
}

const markdownMarks: Record<ChangeClass, string> = { breaking: '🔴 breaking', risky: '🟠 risky', safe: '🟢 safe' };

export function formatMarkdown(diff: CliDiff): string {
  const { breaking, risky, safe } = diff.counts;
  const heading = breaking + risky + safe === 0 ? 'no changes' : `${breaking} breaking, ${risky} risky, ${safe} safe`;
  const lines = [`## Model changes: ${heading}`, '', `Comparing ${markdownCode(diff.old)} with ${markdownCode(diff.new)}.`, ''];
  for (const [group, changes] of byGroup(diff.changes)) {
    lines.push(`### ${markdownText(group)}`, '', '| | change | where | why | affected |', '|---|---|---|---|---|');
    for (const change of changes) {
      const title = `${markdownText(`${change.change} ${change.kindWords}`)} ${change.oldName !== undefined ? `${markdownCode(change.oldName)} → ` : ''}${markdownCode(change.name)}`;
      const why = [...change.fields.map((field) => markdownText(fieldWords(field))), ...change.reasons.map(markdownText)];
      if (change.outcomes?.appeared.length) why.push(...change.outcomes.appeared.map((outcome) => `new outcome ${markdownCode(outcome)}`));
      if (change.outcomes?.disappeared.length) why.push(...change.outcomes.disappeared.map((outcome) => `outcome gone ${markdownCode(outcome)}`));
      const affected = change.affected.map((party) => `${markdownText(`${party.kind} ${party.name}`)} (${markdownCode(`${party.location.display}:${party.location.line}`)})`);
      if (change.moreAffected) affected.push(`and ${change.moreAffected} more`);
      const place = change.new ?? change.old;
      lines.push(`| ${markdownMarks[change.classification]} | ${title} | ${place ? markdownCode(`${place.display}:${place.line}`) : ''} | ${why.join('<br>') || ' '} | ${affected.join('<br>') || ' '} |`);
    }
    lines.push('');
  }
  if (diff.omitted) lines.push(`${markdownText(plural(diff.omitted, 'more change'))} not listed.`, '');
  return lines.join('\n');
}

/** Breaking changes as errors and risky ones as warnings, on the changed lines (the old file's for a removal). */
export function formatGithub(diff: CliDiff): string {
  const lines: string[] = [];
  for (const change of diff.changes) {
    if (change.classification === 'safe') continue;
    // a removed element has no line in the new version: the annotation goes on what held it there
    const place = change.new ?? change.holder ?? change.old;
    if (!place) continue;
    const removedFrom = !change.new && change.holder && change.old ? [`it was declared at ${where(change.old)} in the old version`] : [];
    const message = [changeTitle(change), ...change.reasons, ...removedFrom, ...(change.affected.length ? [`affects ${change.affected.map((party) => `${party.kind} ${party.name} (${where(party.location)})`).join(', ')}`] : [])].join('\n');
    lines.push(
      formatAnnotation({
        file: place.file ?? place.repositoryPath ?? place.display,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        severity: change.classification === 'breaking' ? 'error' : 'warning',
        code: `diff ${change.classification}`,
        message,
      }),
    );
  }
  lines.push(`${countWords(diff.counts)}.`);
  return lines.join('\n') + '\n';
}
