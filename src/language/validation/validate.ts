/**
 * Runs every rule set over a model and gathers the findings, syntax errors first.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import type { DddModel } from '../model/model';
import { toDiagnostic, type RuleSet } from './rule';
import { ruleSets } from './rule-sets';

export function validateModel(model: DddModel, sets: readonly RuleSet[] = ruleSets): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const document of model.documents) diagnostics.push(...document.diagnostics);
  for (const set of sets) {
    try {
      set.check(model, (rule, finding) => diagnostics.push(toDiagnostic(rule, finding)));
    } catch (error) {
      // one broken rule set must not hide the findings of the others
      const first = model.documents[0];
      diagnostics.push({
        uri: first?.uri ?? '',
        range: { start: 0, end: 0 },
        severity: 'error',
        code: 'internal-error',
        message: `The ${set.concern} checks failed (${error instanceof Error ? error.message : String(error)}). Please report it.`,
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}
