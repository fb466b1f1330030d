/**
 * Fixes that rename a declaration everywhere (its declaration and every
 * reference, across files): an event to the past tense, a command to the
 * imperative, a name to PascalCase, as the rule suggests. An event and a
 * command each named like the other swap names.
 */
import type { Declaration } from '../model/elements';
import { kindWords, membersOfContext, type DddModel } from '../model/model';
import { elementAt, referencesTo, renameEdits, type NavWorkspaceEdit } from '../navigation/index';
import { dataOf, stringOf } from './edits';
import type { Fix, FixContext, FixEdit, FixFinding, FixProvider } from './types';

/** The rules whose `data.suggestion` is a new name for the declaration the finding is on. */
export const renameCodes: readonly string[] = ['event-past-tense', 'command-imperative', 'name-pascal-case'];

export function editsOf(workspaceEdit: NavWorkspaceEdit): FixEdit[] {
  const edits: FixEdit[] = [];
  for (const [uri, list] of workspaceEdit) for (const edit of list) edits.push({ uri, range: edit.range, newText: edit.newText });
  return edits;
}

export const renameFix: FixProvider = (context, finding) => {
  const suggestion = stringOf(dataOf(finding)['suggestion']);
  if (!suggestion) return [];
  const symbol = elementAt(context.model, finding.uri, finding.range.start)?.symbol;
  if (!symbol || symbol.kind === 'sagaState') return [];
  const result = renameEdits(context.model, symbol, suggestion);
  if (result.error !== undefined) {
    const swap = swapFix(context, symbol, suggestion);
    return swap ? [swap] : [];
  }
  if (result.edits.size === 0) return [];
  const count = [...result.edits.values()].reduce((sum, list) => sum + list.length, 0);
  return [
    {
      title: `Rename ${symbol.name} to ${suggestion}${count > 1 ? ` (${count} places${result.edits.size > 1 ? ` in ${result.edits.size} files` : ''})` : ''}`,
      safe: true,
      preferred: true,
      edits: editsOf(result.edits),
      newName: 'contextName' in symbol && typeof symbol.contextName === 'string' ? `${symbol.contextName}.${suggestion}` : suggestion,
    },
  ];
};

/** Whether `finding` asks to rename the declaration `at` to `name`. */
function wantsRename(finding: FixFinding, at: Declaration, name: string): boolean {
  return renameCodes.includes(finding.code) && finding.range.start === at.nameRange.start && dataOf(finding)['suggestion'] === name;
}

/**
 * `event ShipParcel` and `command ParcelShipped`: each is named like the other, so
 * neither can be renamed alone. When the declaration in the way would itself be
 * renamed to this one's name, the two names swap everywhere.
 */
function swapFix(context: FixContext, symbol: Declaration, suggestion: string): Fix | undefined {
  const model: DddModel = context.model;
  if (!('contextName' in symbol) || typeof symbol.contextName !== 'string') return undefined;
  const other = membersOfContext(model, symbol.contextName)?.get(suggestion)?.find((candidate) => candidate !== symbol);
  if (!other) return undefined;
  if (!context.findingsIn(other.uri).some((finding) => wantsRename(finding, other, symbol.name))) return undefined;
  const edits: FixEdit[] = [];
  for (const location of referencesTo(model, symbol)) edits.push({ uri: location.uri, range: location.range, newText: suggestion });
  for (const location of referencesTo(model, other)) edits.push({ uri: location.uri, range: location.range, newText: symbol.name });
  return {
    title: `Swap the names of ${kindWords[symbol.kind]} ${symbol.name} and ${kindWords[other.kind]} ${other.name}`,
    safe: true,
    preferred: true,
    edits,
  };
}
