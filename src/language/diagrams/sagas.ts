/**
 * The diagrams of a saga: for an orchestrated saga its state machine and its
 * sequence; for a choreographed saga its event flow.
 */
import type { Saga } from '../model/elements';
import type { DddModel } from '../model/model';
import { choreographyOf } from '../sagas/choreography';
import { orchestrationOf } from '../sagas/orchestration';
import type { MermaidDiagram } from './diagram';
import { sagaFlowDiagram } from './saga-flow';
import { sagaSequenceDiagram } from './saga-sequence';
import { sagaStateDiagram } from './saga-states';

export function sagaDiagrams(saga: Saga): MermaidDiagram[] {
  if (saga.style === 'choreographed') return [sagaFlowDiagram(saga, choreographyOf(saga))];
  const orchestration = orchestrationOf(saga);
  return [sagaStateDiagram(saga, orchestration), sagaSequenceDiagram(saga, orchestration)];
}

/** The saga of that name, if any. */
export function findSaga(model: DddModel, name: string): Saga | undefined {
  return model.sagas.find((saga) => saga.name === name);
}
