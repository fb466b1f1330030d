/**
 * Runs every rule set over a model and gathers the findings, syntax errors first:
 * in one go (`validateModel`), or a step at a time (`startValidation`, the server's
 * way, so that it answers requests between two steps).
 * However big a file, it gets at most MAX_FINDINGS_PER_FILE findings: the most
 * severe, then the first, and one that says how many more there are.
 */
import { compareDiagnostics, severityRank, type Diagnostic, type Severity } from '../diagnostics';
import type { DddModel } from '../model/model';
import type { TopLevelDeclaration } from '../model/elements';
import type { ParsedDocument } from '../syntax/parse-document';
import { toDiagnostic, type Accept, type Rule, type RuleSet } from './rule';
import { ruleSets } from './rule-sets';
import { thousands } from '../util/thousands';

/** The most findings one file gets (docs/limits.md); the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_FILE = 500;

/** The code of the finding that counts the findings a file has past MAX_FINDINGS_PER_FILE. */
export const TOO_MANY_FINDINGS = 'too-many-findings';

/**
 * The findings of each document-level rule set (`RuleSet.checkDocument`) in each
 * parsed document. A document that did not change keeps its parsed form, so an
 * edit re-checks only the document edited; the findings go with the parsed form.
 * In the edited document, a set that checks one declaration at a time
 * (`checkDeclaration`) re-checks only the declarations parsed again: a re-parse
 * keeps those before the edit as they were, and their findings with them.
 */
const documentFindings = new WeakMap<ParsedDocument, Map<RuleSet, readonly Diagnostic[]>>();
const declarationFindings = new WeakMap<TopLevelDeclaration, Map<RuleSet, readonly Diagnostic[]>>();

/** Counts of the document-level checks run and reused, and of the declarations checked and reused (for tests that count work). */
export const documentCheckWork = { checked: 0, reused: 0, declarationsChecked: 0, declarationsReused: 0 };

function findingsOf(set: RuleSet, checkDocument: NonNullable<RuleSet['checkDocument']>, document: ParsedDocument): readonly Diagnostic[] {
  return kept(documentFindings, document, set, 'document', (found) => {
    const { checkDeclaration } = set;
    if (!checkDeclaration) return checkDocument(document, (rule, finding) => found.push(toDiagnostic(rule, finding)));
    for (const declaration of document.declarations) {
      pushAll(found, kept(declarationFindings, declaration, set, 'declaration', (own) => checkDeclaration(declaration, (rule, finding) => own.push(toDiagnostic(rule, finding)))));
    }
  });
}

/** The findings of `set` kept for `key` (a document or a declaration), or found by `check` and kept. */
function kept<K extends object>(cache: WeakMap<K, Map<RuleSet, readonly Diagnostic[]>>, key: K, set: RuleSet, what: 'document' | 'declaration', check: (found: Diagnostic[]) => void): readonly Diagnostic[] {
  let bySet = cache.get(key);
  if (!bySet) cache.set(key, (bySet = new Map()));
  const known = bySet.get(set);
  if (known) {
    if (what === 'document') documentCheckWork.reused++;
    else documentCheckWork.declarationsReused++;
    return known;
  }
  if (what === 'document') documentCheckWork.checked++;
  else documentCheckWork.declarationsChecked++;
  const found: Diagnostic[] = [];
  check(found);
  bySet.set(set, found);
  return found;
}

function pushAll(into: Diagnostic[], items: readonly Diagnostic[]): void {
  for (const item of items) into.push(item);
}

/** The most documents one step of a sliced validation hands to a document-level rule set. */
export const DOCUMENTS_PER_STEP = 64;

/**
 * A validation of one model done a step at a time: the syntax findings, then one
 * rule set per step (a document-level rule set a chunk of documents per step), so
 * that a server can answer other requests between two steps. The findings are
 * those of `validateModel`, which runs the same steps in one go.
 */
export interface ModelValidation {
  readonly model: DddModel;
  /** Runs the next step; true once every step has run (then `findings()` is ready). */
  step(): boolean;
  /** Every finding, syntax errors first, capped per file and sorted: once `step()` returned true. */
  findings(): Diagnostic[];
  /** The same findings by file (each list capped and sorted): once `step()` returned true. */
  findingsByFile(): ReadonlyMap<string, readonly Diagnostic[]>;
}

interface ValidationStep {
  set: RuleSet;
  /** For a document-level set: the documents of this step. */
  documents?: readonly ParsedDocument[];
}

function stepsOf(model: DddModel, sets: readonly RuleSet[]): ValidationStep[] {
  const steps: ValidationStep[] = [];
  for (const set of sets) {
    // a set's whole-model check, or the part of it that needs the whole model
    if (!set.checkDocument || set.checkModel) steps.push({ set });
    if (set.checkDocument) for (let i = 0; i < model.documents.length; i += DOCUMENTS_PER_STEP) steps.push({ set, documents: model.documents.slice(i, i + DOCUMENTS_PER_STEP) });
  }
  return steps;
}

export interface ValidationOptions {
  /**
   * The least severe findings wanted: `info` leaves hints out, the rules skip the work of
   * wording them, and a rule set with no wanted rule is not run (`ddd check` without `--hints`).
   * Default: every finding. Syntax errors are always kept.
   */
  least?: Severity;
}

export function startValidation(model: DddModel, sets: readonly RuleSet[] = ruleSets, options: ValidationOptions = {}): ModelValidation {
  const diagnostics: Diagnostic[] = [];
  for (const document of model.documents) diagnostics.push(...document.diagnostics);
  const least = options.least === undefined ? undefined : severityRank[options.least];
  const wants = (rule: Rule) => least === undefined || severityRank[rule.severity] <= least;
  const accept: Accept = Object.assign((rule: Rule, finding: Parameters<Accept>[1]) => {
    if (wants(rule)) diagnostics.push(toDiagnostic(rule, finding));
  }, least === undefined ? {} : { wants });
  // a set none of whose rules is wanted (event flow's findings are all hints) is not run at all
  const steps = stepsOf(model, least === undefined ? sets : sets.filter((set) => set.rules.some(wants)));
  /** Sets that threw: their remaining steps are skipped, as in one go. */
  const failed = new Set<RuleSet>();
  let next = 0;
  let result: Diagnostic[] | undefined;
  let byFile: Map<string, readonly Diagnostic[]> | undefined;
  return {
    model,
    step() {
      if (result) return true;
      const step = steps[next++];
      if (step && !failed.has(step.set)) {
        const { set } = step;
        try {
          if (step.documents) {
            // the findings kept with each parsed document are all of them: with fewer wanted, checked afresh
            if (least === undefined) for (const document of step.documents) diagnostics.push(...findingsOf(set, set.checkDocument!, document));
            else for (const document of step.documents) set.checkDocument!(document, accept);
          } else if (set.checkDocument) set.checkModel?.(model, accept);
          else set.check(model, accept);
        } catch (error) {
          // one broken rule set must not hide the findings of the others
          failed.add(set);
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
      if (next < steps.length) return false;
      byFile = findingsByFile(model, diagnostics);
      result = [];
      for (const list of byFile.values()) for (const diagnostic of list) result.push(diagnostic);
      return true;
    },
    findings() {
      if (!result) throw new Error('The validation has steps left to run.');
      return result;
    },
    findingsByFile() {
      if (!byFile) throw new Error('The validation has steps left to run.');
      return byFile;
    },
  };
}

/** Every finding of a model in one go (the CLI's path): the steps of `startValidation`, run back to back. */
export function validateModel(model: DddModel, sets: readonly RuleSet[] = ruleSets, options: ValidationOptions = {}): Diagnostic[] {
  const validation = startValidation(model, sets, options);
  while (!validation.step());
  return validation.findings();
}

/**
 * The findings of each file, capped and sorted, the files in order. A file whose findings are the
 * very ones of the last validation (an unchanged document keeps its document-level findings, and
 * most whole-model findings are none) keeps its capped and sorted list: an edit in one file of a
 * large workspace sorts that file's findings only.
 */
function findingsByFile(model: DddModel, diagnostics: readonly Diagnostic[]): Map<string, readonly Diagnostic[]> {
  const perFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = perFile.get(diagnostic.uri);
    if (list) list.push(diagnostic);
    else perFile.set(diagnostic.uri, [diagnostic]);
  }
  const documents = new Map<string, ParsedDocument>();
  for (const document of model.documents) documents.set(document.uri, document);
  const byFile = new Map<string, readonly Diagnostic[]>();
  for (const uri of [...perFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const found = perFile.get(uri)!;
    const document = documents.get(uri);
    const last = document && sortedFindings.get(document);
    if (last && sameFindings(last.found, found)) {
      fileFindingsWork.reused++;
      byFile.set(uri, last.shown);
      continue;
    }
    fileFindingsWork.sorted++;
    const shown = capPerFile(uri, found, document?.diagnostics ?? []).sort(compareDiagnostics);
    if (document) sortedFindings.set(document, { found, shown });
    byFile.set(uri, shown);
  }
  return byFile;
}

/** Files whose findings were capped and sorted, and files that kept the list of the last validation (for tests that count work). */
export const fileFindingsWork = { sorted: 0, reused: 0 };

/** Each document's findings as last validated, and what was shown of them: capped and sorted. */
const sortedFindings = new WeakMap<ParsedDocument, { found: readonly Diagnostic[]; shown: Diagnostic[] }>();

function sameFindings(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * At most MAX_FINDINGS_PER_FILE findings of a file, the most severe first and, among errors, the
 * file's syntax errors (`syntax`, the parsed document's own) before the rest: what follows a
 * syntax error is read from what recovery kept, so it is the one to fix first, however far down
 * the file it is. Then one finding saying how many are left out.
 */
function capPerFile(uri: string, list: Diagnostic[], syntax: readonly Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_FINDINGS_PER_FILE) return list.slice();
  const fromSyntax = new Set(syntax);
  const syntaxFirst = (diagnostic: Diagnostic) => (fromSyntax.has(diagnostic) ? 0 : 1);
  const ranked = [...list].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || syntaxFirst(a) - syntaxFirst(b) || a.range.start - b.range.start,
  );
  const shown = ranked.slice(0, MAX_FINDINGS_PER_FILE);
  const left = ranked.length - shown.length;
  const first = [...shown].sort((a, b) => a.range.start - b.range.start)[0]!;
  shown.push({
    uri,
    range: first.range,
    severity: ranked[MAX_FINDINGS_PER_FILE]!.severity === 'error' ? 'error' : 'warning',
    code: TOO_MANY_FINDINGS,
    message: `${thousands(left)} more findings in this file are not shown (${MAX_FINDINGS_PER_FILE} are, syntax errors and the most severe first): fix those first, or split the file.`,
  });
  return shown;
}
