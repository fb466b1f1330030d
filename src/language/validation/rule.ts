/**
 * What a validation rule is: a stable code, a severity, and the words that
 * teach the DDD idea behind it (these also make up docs/rules.md).
 */
import type { Diagnostic, RelatedLocation, Severity } from '../diagnostics';
import type { TextRange, TopLevelDeclaration } from '../model/elements';
import type { DddModel } from '../model/model';
import type { ParsedDocument } from '../syntax/parse-document';

export interface Rule {
  /** Stable, kebab-case; never reused for another meaning. */
  code: string;
  severity: Severity;
  /** One line: what the rule checks. */
  title: string;
  /** Why it matters in DDD terms, and how to fix it. */
  explanation: string;
  /** A small .ddd snippet that triggers the rule. */
  example?: string;
}

export interface Finding {
  uri: string;
  range: TextRange;
  message: string;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export type Accept = ((rule: Rule, finding: Finding) => void) & {
  /**
   * Whether the findings of `rule` are wanted (undefined: every rule's are). A rule whose findings
   * take work to word (a suggested name) may skip that work when they are not: `ddd check` shows no
   * hints unless asked.
   */
  wants?(rule: Rule): boolean;
};

/** The rules of one concern (naming, aggregates, context maps, …) and the check that applies them. */
export interface RuleSet {
  concern: string;
  /** A sentence introducing the concern in docs/rules.md. */
  summary: string;
  rules: Rule[];
  check(model: DddModel, accept: Accept): void;
  /**
   * For a concern whose findings in a document depend on that document's text
   * alone (how its names are written, say): the check of one document. Then
   * `validateModel` checks only the documents that changed since the last run
   * and reuses the findings of the others (see `documentRuleSet`).
   */
  checkDocument?(document: ParsedDocument, accept: Accept): void;
  /**
   * The same check, one top-level declaration at a time (what `checkDocument` does for each of the
   * document's declarations, in order): a re-parse keeps the declarations before an edit as they
   * were, and `validateModel` keeps their findings too.
   */
  checkDeclaration?(declaration: TopLevelDeclaration, accept: Accept): void;
  /**
   * For a set with a `checkDocument` part whose other findings need the whole model (which names
   * are declared twice, say): that other part. `check` runs both; `validateModel` runs this once
   * per model and the document part only on the documents that changed.
   */
  checkModel?(model: DddModel, accept: Accept): void;
}

type RuleSetParts = Omit<RuleSet, 'check' | 'checkDocument' | 'checkDeclaration' | 'checkModel'> & {
  checkDeclaration(declaration: TopLevelDeclaration, accept: Accept): void;
  checkModel?(model: DddModel, accept: Accept): void;
};

/**
 * A rule set whose findings in a document depend on that document alone (and, when it has one, a
 * part that needs the whole model): `check` runs `checkModel`, then `checkDocument` on each document.
 */
export function documentRuleSet(set: RuleSetParts): RuleSet {
  const checkDocument = (document: ParsedDocument, accept: Accept) => {
    for (const declaration of document.declarations) set.checkDeclaration(declaration, accept);
  };
  return {
    ...set,
    checkDocument,
    check(model, accept) {
      set.checkModel?.(model, accept);
      for (const document of model.documents) checkDocument(document, accept);
    },
  };
}

export function toDiagnostic(rule: Rule, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    uri: finding.uri,
    range: finding.range,
    severity: rule.severity,
    code: rule.code,
    message: finding.message,
  };
  if (finding.related) diagnostic.related = finding.related;
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}
