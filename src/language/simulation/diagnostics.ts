/**
 * The simulator's findings for the editor: every orchestrated saga is explored
 * exhaustively (each failure point, pairs of them for sagas of up to 12 steps,
 * a crash at every point), and each guarantee a run breaches becomes a finding
 * `simulation-breach` on the step concerned (on the saga's name when no step is), with
 * the path of a run that shows it.
 */
import type { Diagnostic } from '../diagnostics';
import type { Saga, SagaStep, TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import type { Accept, Finding, Rule, RuleSet } from '../validation/rule';
import { toDiagnostic } from '../validation/rule';
import { isTooLargeToAnalyse } from '../sagas/saga-size';
import { compileSaga } from './compile';
import { exploreOrchestration, type ExploreOptions } from './explore';
import { pathText } from './render';
import { keepFindings, keptFindings, type SagaFindings } from './breach-cache';
import type { Breach, RunResult } from './types';

/**
 * Information, not a warning: the breaches the simulator can find in a saga as
 * written are also caught statically (saga-compensation-missing); this finding
 * adds the simulated run that shows the breach.
 */
export const sagaBreach: Rule = {
  code: 'simulation-breach',
  severity: 'info',
  title: 'A simulated run of the saga breaks one of its guarantees',
  explanation:
    'The simulator plays every orchestrated saga with each step failing in turn (and pairs of failures for sagas of up to 12 steps) and with the ' +
    'orchestrator crashing at every point and resuming from its journal. Every run must end COMPLETED or FAILED; when it ends FAILED, every step ' +
    'that changed something must have been compensated; no compensation may run for a step that never ran; nothing may stay reserved, charged or ' +
    'pending at the end; and a resumed run must end as the run without the crash. The finding names the step and shows the path of a run that ' +
    'breaks the guarantee. Usually the step needs `compensate UndoCommand` (or `compensate none` when it changes nothing), or belongs after the pivot.',
  example: 'saga OrderSaga orchestrated by Sales {\n  step CreateOrder on Sales          // not undone when ProcessPayment fails\n  step ReserveInventory on Inventory compensate ReleaseInventory\n  step ProcessPayment on Billing\n}',
};

export const sagaResendRisk: Rule = {
  code: 'saga-resend-risk',
  severity: 'hint',
  title: 'A step sent again after an orchestrator crash to a participant that is not idempotent',
  explanation:
    'The orchestrator writes its journal after each reply. When it crashes after the participant did the work but before the journal entry, the ' +
    'resumed orchestrator sends the command again. A participant that ignores repeated commands (`idempotent`) answers as before; another does the ' +
    'work twice (charges twice, reserves twice). Make the participant idempotent and mark the step `idempotent`. ' +
    'The simulator (`ddd simulate`, the simulator panel) reports it; `ddd check` and the editor do not.',
  example: 'context Sales\ncontext Billing { command ProcessPayment }\nsaga PaySaga orchestrated by Sales {\n  step ProcessPayment on Billing   // sent again after a crash: Billing may charge twice\n}',
};

export interface BreachDiagnosticsOptions extends ExploreOptions {
  /** Also report re-sends to participants that are not idempotent (`saga-resend-risk`, a hint). Default false. */
  risks?: boolean;
}

function stepRange(step: SagaStep | undefined, saga: Saga): { uri: string; range: TextRange } {
  if (!step) return { uri: saga.uri, range: saga.nameRange };
  return { uri: step.uri, range: step.command?.range ?? step.range };
}

function failingSteps(examples: RunResult[], saga: Saga): string[] {
  const names = new Set<string>();
  for (const example of examples) if (example.failedStep !== undefined) names.add(saga.steps[example.failedStep]?.command?.text ?? `step ${example.failedStep + 1}`);
  return [...names];
}

/**
 * The editor's findings (default options) of each parsed saga. They follow from the saga's
 * own text (its orchestration reads no other declaration), and a document that did not change
 * keeps its parsed sagas: an edit elsewhere explores nothing again.
 */
const editorFindings = new WeakMap<Saga, SagaFindings>();

/** How many sagas were explored for their findings, and how many answered from the cache (for tests). */
export const breachCheckWork = { explored: 0, reused: 0 };

/**
 * The simulator's findings on one orchestrated saga. With `text` (the saga's source text) and
 * the editor's options, findings kept for the same text are reused (breach-cache.ts).
 */
export function sagaBreachFindings(saga: Saga, options: BreachDiagnosticsOptions = {}, text?: string): SagaFindings {
  // too large to explore on every keystroke: the saga rules say so (saga-too-large)
  if (saga.style !== 'orchestrated' || saga.steps.length === 0 || isTooLargeToAnalyse(saga)) return [];
  const cacheable = Object.keys(options).length === 0;
  const known = cacheable ? (editorFindings.get(saga) ?? (text === undefined ? undefined : keptFindings(saga, text))) : undefined;
  if (known) {
    breachCheckWork.reused++;
    if (cacheable) editorFindings.set(saga, known);
    return known;
  }
  breachCheckWork.explored++;
  const findings = exploreFindings(saga, options);
  if (cacheable) {
    editorFindings.set(saga, findings);
    if (text !== undefined) keepFindings(saga, text, findings);
  }
  return findings;
}

function exploreFindings(saga: Saga, options: BreachDiagnosticsOptions): SagaFindings {
  const compiled = compileSaga(saga);
  const exploration = exploreOrchestration(compiled, { traces: false, breachesOnly: true, permanent: false, ...options });
  const findings: { rule: Rule; finding: Finding }[] = [];
  // one finding per (kind, step): the examples of every outcome that breaches it
  const groups = new Map<string, { breach: Breach; examples: RunResult[] }>();
  for (const outcome of exploration.outcomes) {
    for (const breach of outcome.breaches) {
      const key = `${breach.kind}:${breach.step ?? ''}`;
      const group = groups.get(key);
      if (group) group.examples.push(outcome.example);
      else groups.set(key, { breach, examples: [outcome.example] });
    }
  }
  for (const { breach, examples } of groups.values()) {
    const example = examples[0]!;
    const step = breach.step !== undefined ? saga.steps[breach.step] : undefined;
    const where = stepRange(step, saga);
    const path = pathText(example);
    let message: string;
    if (breach.kind === 'not-undone' && breach.command) {
      const failing = failingSteps(examples, saga);
      message =
        `Simulated: when ${failing.join(' or ') || 'a later step'} fails, ${breach.command} has already run and stays done while the saga ends ` +
        `${compiled.info.failed} (${path}). Add \`compensate …\`, or \`compensate none\` if it changes nothing.`;
    } else {
      message = `Simulated: ${breach.message} (${path})`;
    }
    const finding: Finding = {
      ...where,
      message,
      data: { saga: saga.name, breach: breach.kind, step: breach.step, path, faults: example.faults, crashes: example.crashes },
    };
    if (step && example.failedStep !== undefined && example.failedStep !== breach.step) {
      const failing = saga.steps[example.failedStep];
      if (failing) finding.related = [{ ...stepRange(failing, saga), message: `${failing.command?.text ?? 'This step'} fails here` }];
    }
    findings.push({ rule: sagaBreach, finding });
  }
  if (options.risks) {
    for (const { risk } of exploration.risks) {
      const step = saga.steps[risk.step];
      findings.push({ rule: sagaResendRisk, finding: { ...stepRange(step, saga), message: risk.message, data: { saga: saga.name, step: risk.step, target: risk.target } } });
    }
  }
  return findings;
}

/** Explores every orchestrated saga of the model and returns the breaches as diagnostics (`simulation-breach`). */
export function breachesAsDiagnostics(model: DddModel, options: BreachDiagnosticsOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const saga of model.sagas) for (const { rule, finding } of sagaBreachFindings(saga, options)) diagnostics.push(toDiagnostic(rule, finding));
  return diagnostics;
}

/** The same findings as a rule set, to register in validation/rule-sets.ts. */
export const simulationRules: RuleSet = {
  concern: 'Saga simulation',
  summary:
    'The simulator runs every orchestrated saga with each step failing in turn, pairs of failures for small sagas, and a crash of the ' +
    'orchestrator at every point, and checks that every run ends completed or fully compensated with nothing left held.',
  rules: [sagaBreach, sagaResendRisk],
  check(model: DddModel, accept: Accept) {
    const texts = new Map(model.documents.map((document) => [document.uri, document.text]));
    for (const saga of model.sagas) {
      const text = texts.get(saga.uri)?.slice(saga.range.start, saga.range.end);
      for (const { rule, finding } of sagaBreachFindings(saga, {}, text)) accept(rule, finding);
    }
  },
};
