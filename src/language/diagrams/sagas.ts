/**
 * The diagrams of a saga: for an orchestrated saga its state machine and its
 * sequence; for a choreographed saga its event flow.
 */
import type { Saga } from '../model/elements';
import type { DddModel } from '../model/model';
import { choreographyOf } from '../sagas/choreography';
import { orchestrationOf } from '../sagas/orchestration';
import { isTooLargeToAnalyse, tooLargeToAnalyse } from '../sagas/saga-size';
import { DiagramWriter, sourceOf, type MermaidDiagram } from './diagram';
import { quoted } from './escape';
import { sagaFlowDiagram } from './saga-flow';
import { sagaSequenceDiagram } from './saga-sequence';
import { sagaStateDiagram } from './saga-states';
import type { SagaVariant } from './view-names';

export function sagaDiagrams(saga: Saga): MermaidDiagram[] {
  if (isTooLargeToAnalyse(saga)) return [sagaSummaryDiagram(saga)];
  if (saga.style === 'choreographed') return [sagaFlowDiagram(saga, choreographyOf(saga))];
  const orchestration = orchestrationOf(saga);
  return [sagaStateDiagram(saga, orchestration), sagaSequenceDiagram(saga, orchestration)];
}

/** The saga of that name, if any. */
export function findSaga(model: DddModel, name: string): Saga | undefined {
  return model.sagas.find((saga) => saga.name === name);
}

/**
 * The drawing of a saga that `variant` asks for, as it can be drawn: a
 * choreographed saga has only its event flow; an orchestrated one its state
 * machine (the default) or its sequence.
 */
export function sagaVariantOf(saga: Saga, variant?: SagaVariant): SagaVariant {
  if (saga.style === 'choreographed') return 'flow';
  return variant === 'sequence' ? 'sequence' : 'states';
}

/** One drawing of a saga (see sagaVariantOf). */
export function sagaDiagram(saga: Saga, variant?: SagaVariant): MermaidDiagram {
  if (isTooLargeToAnalyse(saga)) return sagaSummaryDiagram(saga);
  switch (sagaVariantOf(saga, variant)) {
    case 'flow':
      return sagaFlowDiagram(saga);
    case 'sequence':
      return sagaSequenceDiagram(saga);
    case 'states':
      return sagaStateDiagram(saga);
  }
}

/** What a saga too large to draw shows instead: one box that says why (see sagas/saga-size.ts). */
export function sagaSummaryDiagram(saga: Saga): MermaidDiagram {
  const writer = new DiagramWriter('flowchart TD');
  writer.line(`s0[${quoted(tooLargeToAnalyse(saga))}]`);
  writer.node({ id: 's0', name: saga.name, kind: 'saga', ...sourceOf(saga) });
  writer.warnings.push(tooLargeToAnalyse(saga));
  return writer.finish(saga.style === 'choreographed' ? 'saga-flow' : 'saga-states', `${saga.name}: too large to draw`, saga.name);
}
