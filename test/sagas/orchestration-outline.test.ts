/**
 * The outline of an orchestrated saga (its steps and states, without the
 * failure paths) is exactly the orchestration without them: the simulator
 * compiles a saga from the outline, in work linear in its steps.
 */
import { describe, expect, it } from 'vitest';
import { bigSaga } from '../../src/bench/scale-workspaces';
import { checkWorkspace } from '../../src/language/index';
import { orchestrationOf, orchestrationOutlineOf } from '../../src/language/sagas/orchestration';
import { compileSaga } from '../../src/language/simulation/index';
import { readWorkspace } from '../helpers';

const sagas = [...readWorkspace('test/fixtures'), ...readWorkspace('examples')]
  .filter((file) => file.uri.endsWith('.ddd'))
  .flatMap((file) => checkWorkspace([file]).model.sagas.filter((saga) => saga.style === 'orchestrated'));

describe('the outline of an orchestrated saga', () => {
  it('is the orchestration without its failure paths and transitions, for every saga of the fixtures and the examples', () => {
    expect(sagas.length).toBeGreaterThan(10);
    for (const saga of sagas) {
      const orchestration = orchestrationOf(saga);
      const outline = orchestrationOutlineOf(saga);
      const { steps, states, happyPath, transitions, ...rest } = orchestration;
      void happyPath;
      void transitions;
      expect({ ...outline, steps: undefined, states: undefined }, saga.name).toEqual({ ...rest, steps: undefined, states: undefined });
      expect(outline.steps, saga.name).toEqual(steps.map(({ onFailure, ...step }) => (void onFailure, step)));
      // the states in the same order, with the same meanings (whether they are reachable needs the transitions)
      expect(outline.states.map((state) => ({ ...state, reachable: undefined })), saga.name).toEqual(states.map((state) => ({ ...state, reachable: undefined })));
    }
  });

  it('compiles the same saga from the outline as from the whole orchestration', () => {
    for (const saga of sagas) {
      const { orchestration: fromOrchestration, ...compiled } = compileSaga(orchestrationOf(saga));
      const { orchestration: fromOutline, ...fromSaga } = compileSaga(saga);
      void fromOrchestration;
      void fromOutline;
      expect(fromSaga, saga.name).toEqual(compiled);
    }
  });

  it('of a 3,000-step saga lists its steps, not the 4.5 million compensations of its failure paths', () => {
    const saga = checkWorkspace([{ uri: 'file:///big.ddd', text: bigSaga(3_000) }]).model.sagas[0]!;
    const outline = orchestrationOutlineOf(saga);
    expect(outline.steps).toHaveLength(3_000);
    expect(outline.steps.some((step) => 'onFailure' in step)).toBe(false);
    expect(compileSaga(saga).n).toBe(3_000);
  });
});
