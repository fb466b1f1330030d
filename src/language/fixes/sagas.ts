/**
 * Fixes for orchestrated sagas: a compensation stub for a step that cannot be
 * undone (`compensate UndoX`, or `compensate none`), and removing a
 * compensation that never runs.
 */
import { simpleName } from '../model/qualified-names';
import { sagaPartAt } from '../navigation/index';
import { dataOf, documentOf, indentAt, rangeOf, stringOf } from './edits';
import type { FixEdit, FixProvider } from './types';

/**
 * `saga-compensation-missing`: `compensate UndoX` is safe (names in sagas may
 * be declared later, and the stub keeps the failure paths the rule asks for);
 * `compensate none` claims the step changes nothing, which only a human knows.
 */
export const compensationFixes: FixProvider = (context, finding) => {
  const data = dataOf(finding);
  const document = documentOf(context.model, finding.uri);
  const part = sagaPartAt(context.model, finding.uri, finding.range.start);
  if (!document || part?.kind !== 'sagaStep' || part.compensation) return [];
  const command = stringOf(data['command']) ?? (part.command ? simpleName(part.command.text) : undefined);
  if (!command) return [];
  const insertAt = typeof data['insertAt'] === 'number' ? (data['insertAt'] as number) : part.range.end;
  const indent = indentAt(document, part.range.start) + '  ';
  const stub = stringOf(data['suggestion']) ?? `Undo${command}`;
  const insert = (clause: string): FixEdit[] => [{ uri: finding.uri, range: { start: insertAt, end: insertAt }, newText: `\n${indent}${clause}` }];
  return [
    { title: `Add a compensation to ${command}: compensate ${stub}`, safe: true, preferred: true, edits: insert(`compensate ${stub}`) },
    { title: `${command} changes nothing: compensate none`, safe: false, edits: insert('compensate none') },
  ];
};

/** `saga-compensation-unreachable` on the last step: the compensation never runs, so removing it changes nothing. */
export const removeCompensationFix: FixProvider = (context, finding) => {
  const remove = rangeOf(dataOf(finding)['remove']);
  const document = documentOf(context.model, finding.uri);
  if (!remove || !document) return [];
  // take the whitespace before it too, so that no empty line is left
  const tokens = document.tokens;
  let start = remove.start;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const end = tokens[i]!.startOffset + tokens[i]!.image.length;
    if (end <= remove.start) {
      start = end;
      break;
    }
  }
  return [{ title: 'Remove the compensation that never runs', safe: true, preferred: true, edits: [{ uri: finding.uri, range: { start, end: remove.end }, newText: '' }] }];
};
