/**
 * The simulator's controls: what to simulate, stepping (reset, back, step, run
 * to the end), failures and crashes "here", the exhaustive exploration and
 * bulk runs with their runs, seed and failure rate.
 */
import type { SagaEntry, StreamEntry } from '../../src/protocol/diagrams';
import type { SimulatorTarget } from '../../src/protocol/messages';
import type { SimulationRun } from '../../src/protocol/simulation';
import { h } from '../shared/dom';
import { button, fillSelect, singleSelect, textField, type SingleSelect, type TextField } from '../shared/elements';
import type { Act } from './run-view';

export interface BulkSettings {
  runs: number;
  seed: number;
  failureRate: number;
}

export const defaultBulk: BulkSettings = { runs: 10_000, seed: 1, failureRate: 0.1 };

function targetValue(target: SimulatorTarget): string {
  return `${target.kind}:${target.name}`;
}

export class Controls {
  readonly element: HTMLElement;
  private readonly select: SingleSelect;
  private readonly buttons: Record<'reset' | 'back' | 'step' | 'run' | 'failNext' | 'crashHere' | 'clear' | 'explore' | 'bulk', HTMLElement>;
  private readonly fields: Record<keyof BulkSettings, TextField>;
  private readonly problem = h('span', { className: 'ddd-field-problem', attrs: { role: 'alert' } });
  private readonly sagaControls: HTMLElement;
  private targets: SimulatorTarget[] = [];

  constructor(
    private readonly act: Act,
    chooseTarget: (target: SimulatorTarget) => void,
    bulk: BulkSettings,
    private readonly bulkChanged: (settings: BulkSettings) => void,
  ) {
    this.select = singleSelect([], undefined, (value) => {
      const target = this.targets.find((candidate) => targetValue(candidate) === value);
      if (target) chooseTarget(target);
    }, { 'aria-label': 'Saga or event stream', class: 'ddd-target-select' });
    this.buttons = {
      reset: button('Reset', () => act({ action: 'reset' }), { secondary: true, title: 'Back to the start, keeping the injected failures' }),
      back: button('◀ Back', () => act({ action: 'back' }), { secondary: true, title: 'One action back' }),
      step: button('Step ▶', () => act({ action: 'step' }), { title: 'Play the next action' }),
      run: button('Run to end ▶▶', () => act({ action: 'run' }), { secondary: true, title: 'Play the run to its end' }),
      failNext: button('Fail this step', () => act({ action: 'failNext' }), { secondary: true, title: 'The next command sent fails (played at once)' }),
      crashHere: button('Crash here', () => act({ action: 'crashHere' }), { secondary: true, title: 'The orchestrator dies now, after its last journal entry' }),
      clear: button('Clear injections', () => act({ action: 'reset', clear: true }), { secondary: true, title: 'Remove every injected failure and crash, back to the start' }),
      explore: button('Explore all failures', () => act({ action: 'explore' }), { secondary: true, title: 'Play every failure point and crash point and list the distinct outcomes' }),
      bulk: button('Run bulk', () => this.runBulk(), { secondary: true, title: 'Many seeded runs where each attempt fails with the given probability' }),
    };
    const runs = textField('Runs', String(bulk.runs), { type: 'number', min: 1, max: 1_000_000, size: 7, title: 'How many runs (1 to 1,000,000)' });
    const seed = textField('Seed', String(bulk.seed), { type: 'number', min: 0, size: 5, title: 'The seed of the random failures (the same seed gives the same counts)' });
    const rate = textField('Failure rate', String(bulk.failureRate), { type: 'number', min: 0, max: 1, step: '0.05', size: 4, title: 'The probability that an attempt of a step fails (0 to 1)' });
    this.fields = { runs: runs.field, seed: seed.field, failureRate: rate.field };
    this.sagaControls = h('div', { className: 'ddd-toolbar-row' }, [
      h('div', { className: 'ddd-button-group', attrs: { role: 'group', 'aria-label': 'Stepping' } }, [this.buttons.reset, this.buttons.back, this.buttons.step, this.buttons.run]),
      h('div', { className: 'ddd-button-group', attrs: { role: 'group', 'aria-label': 'Inject here' } }, [this.buttons.failNext, this.buttons.crashHere, this.buttons.clear]),
      h('div', { className: 'ddd-button-group', attrs: { role: 'group', 'aria-label': 'Many runs' } }, [this.buttons.explore, runs.element, seed.element, rate.element, this.buttons.bulk, this.problem]),
    ]);
    this.element = h('div', { className: 'ddd-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Simulator' } }, [
      h('div', { className: 'ddd-toolbar-row' }, [h('span', { className: 'ddd-toolbar-label', text: 'Simulate' }), this.select]),
      this.sagaControls,
    ]);
  }

  setTargets(sagas: SagaEntry[], streams: StreamEntry[], selected: SimulatorTarget | undefined): void {
    this.targets = [...sagas.map((saga): SimulatorTarget => ({ kind: 'saga', name: saga.name })), ...streams.map((stream): SimulatorTarget => ({ kind: 'stream', name: stream.name }))];
    const options = [
      ...sagas.map((saga) => ({ value: targetValue({ kind: 'saga', name: saga.name }), label: `Saga ${saga.name}`, description: `${saga.style}, ${saga.size} ${saga.style === 'orchestrated' ? 'steps' : 'reactions'}` })),
      ...streams.map((stream) => ({ value: targetValue({ kind: 'stream', name: stream.name }), label: `Event stream ${stream.name}`, description: 'replay' })),
    ];
    fillSelect(this.select, options, selected ? targetValue(selected) : undefined);
  }

  /** Enables what makes sense for the run shown. */
  update(run: SimulationRun | undefined, kind: SimulatorTarget['kind'] | undefined): void {
    this.sagaControls.hidden = kind !== 'saga';
    const orchestrated = run?.style === 'orchestrated';
    const enable = (name: keyof Controls['buttons'], on: boolean) => this.buttons[name].toggleAttribute('disabled', !on);
    enable('reset', !!run && run.step > 0);
    enable('back', !!run && run.step > 0);
    enable('step', !!run && !run.done);
    enable('run', !!run && !run.done);
    // the filled (primary) button is the next thing to do: Step while the run goes on, Reset once it is over
    const over = !!run && run.done;
    this.buttons.step.toggleAttribute('secondary', over);
    this.buttons.reset.toggleAttribute('secondary', !over);
    enable('failNext', orchestrated && run.next?.kind === 'command');
    enable('crashHere', orchestrated && !run.done && !run.crashed);
    this.buttons.failNext.hidden = !orchestrated;
    this.buttons.crashHere.hidden = !orchestrated;
    enable('clear', !!run && (run.style === 'orchestrated' ? run.faults.length + run.crashes.length > 0 : Object.keys(run.injections).length > 0));
    enable('explore', !!run);
    enable('bulk', orchestrated);
    for (const field of Object.values(this.fields)) field.toggleAttribute('disabled', !orchestrated);
  }

  private runBulk(): void {
    const runs = Number(this.fields.runs.value);
    const seed = Number(this.fields.seed.value);
    const failureRate = Number(this.fields.failureRate.value);
    const problems = [
      Number.isInteger(runs) && runs >= 1 && runs <= 1_000_000 ? undefined : 'runs: a whole number from 1 to 1,000,000',
      Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? undefined : 'seed: a whole number from 0',
      Number.isFinite(failureRate) && failureRate >= 0 && failureRate <= 1 ? undefined : 'failure rate: from 0 to 1',
    ].filter((problem): problem is string => problem !== undefined);
    this.problem.textContent = problems.join('; ');
    if (problems.length) return;
    this.bulkChanged({ runs, seed, failureRate });
    this.act({ action: 'bulk', runs, seed, failureRate });
  }
}
