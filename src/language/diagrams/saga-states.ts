/**
 * An orchestrated saga's state machine as a mermaid `stateDiagram-v2`, read from
 * `orchestrationOf`: the happy path, every failure path with its compensations,
 * the pivot marked, retries after the pivot as self-loops, and the terminal
 * states (completed, failed) leading to [*].
 */
import type { Saga } from '../model/elements';
import { orchestrationOf, type Orchestration, type OrchestrationTransition } from '../sagas/orchestration';
import { addTo, DiagramWriter, type MermaidDiagram } from './diagram';
import { IdRegistry, mermaidText, quoted } from './escape';

const stateStyles: Record<string, string> = {
  completed: 'fill:#d3f9d8,stroke:#2f9e44,stroke-width:2px,color:#212529',
  failed: 'fill:#ffe3e3,stroke:#e03131,stroke-width:2px,color:#212529',
  failure: 'fill:#fff4e6,stroke:#f76707,color:#212529',
  compensation: 'fill:#f3f0ff,stroke:#7048e8,color:#212529',
  pivot: 'fill:#fff3bf,stroke:#f08c00,stroke-width:3px,color:#212529',
  unreachable: 'fill:#f8f9fa,stroke:#adb5bd,stroke-dasharray:4 3,color:#868e96',
};

/** The words on a transition: `CreateOrder`, `ProcessPayment failed`, `CancelOrder (ReserveInventory failed)`. */
export function transitionLabel(orchestration: Orchestration, transition: OrchestrationTransition): string {
  const step = orchestration.steps[transition.step];
  const failed = transition.failedStep !== undefined ? orchestration.steps[transition.failedStep]?.command : undefined;
  switch (transition.trigger) {
    case 'success':
      return transition.step === orchestration.pivot ? `${transition.command ?? ''} (pivot)` : transition.command ?? '';
    case 'failure':
      return `${transition.command ?? step?.command ?? ''} failed`;
    case 'retry':
      return `${transition.command ?? ''} failed: retry`;
    case 'compensation':
      if (!transition.command) return failed ? `${failed} failed: nothing to undo` : 'nothing to undo';
      return failed ? `${transition.command} (${failed} failed)` : transition.command;
  }
}

export function sagaStateDiagram(saga: Saga, orchestration: Orchestration = orchestrationOf(saga)): MermaidDiagram {
  const writer = new DiagramWriter('stateDiagram-v2');
  const title = `${saga.name}: state machine`;
  if (saga.style !== 'orchestrated') writer.warnings.push(`${saga.name} is choreographed: it has no orchestrator state machine (see its event flow).`);
  // state names are written bare when they are plain identifiers (the usual SCREAMING_CASE)
  const ids = new IdRegistry('');
  const id = (name: string) => ids.id(name, name);
  const classes = new Map<string, string[]>();

  writer.edge(`[*] --> ${id(orchestration.start)}`);
  writer.extraNodes++;
  for (const state of orchestration.states) {
    const stateId = id(state.name);
    if (stateId !== state.name) writer.line(`state ${quoted(state.name)} as ${stateId}`);
    const meaning = state.meanings.find((m) => m.uri) ?? state.meanings[0];
    writer.node({ id: stateId, name: state.name, kind: 'state', ...(meaning?.uri && meaning.range ? { uri: meaning.uri, range: meaning.range } : {}) });
    const roles = new Set(state.meanings.map((m) => m.role));
    if (!state.reachable) addTo(classes, 'unreachable', stateId);
    else if (state.name === orchestration.completed && state.terminal) addTo(classes, 'completed', stateId);
    else if (state.name === orchestration.failed && state.terminal) addTo(classes, 'failed', stateId);
    else if (roles.has('failure')) addTo(classes, 'failure', stateId);
    else if (roles.has('compensation')) addTo(classes, 'compensation', stateId);
  }
  if (!orchestration.states.some((state) => state.name === orchestration.start)) {
    writer.node({ id: id(orchestration.start), name: orchestration.start, kind: 'state' });
  }
  if (orchestration.pivot !== undefined) {
    const pivot = orchestration.steps[orchestration.pivot]!;
    const reached = id(pivot.successState);
    if (!classes.get('completed')?.includes(reached)) addTo(classes, 'pivot', reached);
  }
  for (const transition of orchestration.transitions) {
    const label = transitionLabel(orchestration, transition);
    writer.edge(`${id(transition.from)} --> ${id(transition.to)}${label ? ` : ${mermaidText(label, 'keep')}` : ''}`);
  }
  const terminals = orchestration.steps.length ? [orchestration.completed, orchestration.failed] : [];
  for (const terminal of new Set(terminals)) {
    if (!orchestration.states.some((state) => state.name === terminal && state.terminal)) continue;
    writer.edge(`${id(terminal)} --> [*]`);
  }
  if (terminals.length) writer.extraNodes++;
  if (orchestration.pivot !== undefined) {
    const pivot = orchestration.steps[orchestration.pivot]!;
    writer.line(`note right of ${id(pivot.successState)} : ${mermaidText(`past the pivot (${pivot.command}): later steps are retried, never compensated`)}`);
  }
  for (const [name, members] of classes) {
    writer.line(`classDef ${name} ${stateStyles[name]}`);
    writer.line(`class ${members.join(',')} ${name}`);
  }
  return writer.finish('saga-states', title, saga.name);
}
