/**
 * The saga simulator: exhaustive exploration of the seed's order saga and of a
 * generated 20-step saga, bulk throughput (runs per second on one core), the
 * editor's breach check, and choreographed runs on the event bus.
 */
import { checkWorkspace } from '../language/index';
import type { Saga } from '../language/model/elements';
import { breachesAsDiagnostics, bulkCounts, exploreChoreography, exploreOrchestration, simulateChoreography } from '../language/simulation/index';
import { median, ms, table, target, thousands, time, type BenchSection } from './report';

const orderSaga = `
context Sales
context Inventory
context Billing
context Shipping
context Notification

saga OrderSaga orchestrated by Sales {
  start STARTED
  step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED
    compensate CancelOrder -> FAILED
  step ReserveInventory on Inventory reply InventoryReserved -> INV_RESERVED
    compensate ReleaseInventory -> INV_RELEASED
  step ProcessPayment on Billing reply PaymentProcessed -> PAYMENT_DONE
    fails -> PAYMENT_FAILED
  step ConfirmOrder on Sales -> COMPLETED
}

saga PlaceOrderChoreography choreographed {
  Sales on CreateOrder emits OrderCreated
  Inventory on OrderCreated emits InventoryReserved
  Billing on InventoryReserved emits PaymentSucceeded else PaymentFailed
  Sales on PaymentSucceeded emits OrderConfirmed
  Inventory on PaymentFailed compensates emits InventoryReleased
  Sales on PaymentFailed or InventoryReleased compensates emits OrderCancelled
}

saga OrderFulfilment choreographed {
  Sales on PlaceOrder emits OrderPlaced
  Inventory on OrderPlaced emits InventoryReserved
  Billing on OrderPlaced emits PaymentProcessed
  Notification on OrderPlaced
  Shipping on InventoryReserved and PaymentProcessed emits OrderShipped
}
`;

/** A linear saga of `steps` steps, each compensated but the pivot and the one after it. */
function generatedSaga(steps: number): string {
  const lines = ['context Sales', 'saga Generated orchestrated by Sales {'];
  for (let i = 1; i <= steps; i++) {
    lines.push(`  step DoStep${i} on Sales`);
    if (i <= steps - 2) lines.push(`    compensate UndoStep${i}`);
  }
  lines.push('}');
  return lines.join('\n');
}

function sagas(text: string): Map<string, Saga> {
  const { model } = checkWorkspace([{ uri: 'file:///bench/sagas.ddd', text }]);
  return new Map(model.sagas.map((saga) => [saga.name, saga]));
}

function repeat(runs: number, work: () => void): number[] {
  work(); // warm up
  return Array.from({ length: runs }, () => time(work).ms);
}

/** Milliseconds, with more digits below 1 ms. */
function fine(value: number): string {
  return value < 1 ? `${value.toFixed(3)} ms` : ms(value);
}

function atLeast(value: number, limit: number, unit: string): string {
  return value >= limit ? `> ${thousands(limit)}${unit} ✓` : `> ${thousands(limit)}${unit} ✗ MISSED`;
}

export const simulationSection: BenchSection = {
  name: 'simulation',
  title: 'Saga simulator: exhaustive exploration, bulk runs, breach check (one core)',
  run({ log, quick }) {
    const order = sagas(orderSaga);
    const orderSagaNode = order.get('OrderSaga')!;
    const generated = sagas(generatedSaga(20)).get('Generated')!;
    const rows: string[][] = [];
    const notes: string[] = [];

    // exhaustive exploration of the order saga, as the editor's check runs it
    const orderExploration = exploreOrchestration(orderSagaNode);
    const orderTimes = repeat(quick ? 20 : 200, () => exploreOrchestration(orderSagaNode));
    rows.push([
      'explore OrderSaga (4 steps): single + double failures, every crash point',
      `${orderExploration.runs} + ${orderExploration.crashRuns} crash`,
      fine(median(orderTimes)),
      target(median(orderTimes), 10),
    ]);

    // a generated 20-step saga: every single and double failure point, and every crash point of the runs with one failure
    const generatedExploration = exploreOrchestration(generated, { depth: 2 });
    const generatedTimes = repeat(quick ? 3 : 15, () => exploreOrchestration(generated, { depth: 2 }));
    rows.push([
      'explore a generated 20-step saga: single + double failures, every crash point',
      `${generatedExploration.runs} + ${thousands(generatedExploration.crashRuns)} crash`,
      fine(median(generatedTimes)),
      '',
    ]);
    const noCrash = repeat(quick ? 3 : 15, () => exploreOrchestration(generated, { depth: 2, crashDepth: -1 }));
    rows.push(['explore the 20-step saga: single + double failures only', `${generatedExploration.runs}`, fine(median(noCrash)), '']);

    // the editor's check on a model with the three sagas
    const { model } = checkWorkspace([{ uri: 'file:///bench/sagas.ddd', text: orderSaga }]);
    const checkTimes = repeat(quick ? 20 : 200, () => breachesAsDiagnostics(model));
    rows.push(['breachesAsDiagnostics (the example\'s sagas)', '', fine(median(checkTimes)), '']);
    log(table(['exhaustive', 'runs', 'median', 'target'], rows));
    log();

    // bulk throughput
    const failureRates = [0.01, 0.05, 0.1, 0.2];
    const bulkRuns = quick ? 200_000 : 2_000_000;
    bulkCounts(orderSagaNode, { runs: 50_000, seed: 1, failureRates }); // warm up
    const bulkTimes = Array.from({ length: quick ? 1 : 3 }, (_, i) => time(() => bulkCounts(orderSagaNode, { runs: bulkRuns, seed: i + 1, failureRates })));
    const best = bulkTimes.reduce((a, b) => (a.ms < b.ms ? a : b));
    const perSecond = bulkRuns / (best.ms / 1000);
    const steps = best.result.commands / best.result.runs;
    const generatedRuns = quick ? 20_000 : 200_000;
    const generatedBulk = time(() => bulkCounts(generated, { runs: generatedRuns, seed: 1, failureRates: new Array<number>(20).fill(0.01) }));
    const generatedPerSecond = generatedRuns / (generatedBulk.ms / 1000);
    const choreographyRuns = quick ? 2_000 : 20_000;
    const choreography = order.get('PlaceOrderChoreography')!;
    simulateChoreography(choreography, { reorder: true, seed: 1 });
    const choreographyTime = time(() => {
      for (let seed = 1; seed <= choreographyRuns; seed++) simulateChoreography(choreography, { reorder: true, seed, failureRates: [0, 0, 0.1] });
    });
    const choreographyExploration = time(() => exploreChoreography(choreography));
    log(
      table(
        ['bulk', 'runs', 'time', 'runs/s', 'target'],
        [
          ['OrderSaga, failure rates 1/5/10/20 %, traces off', thousands(bulkRuns), ms(best.ms), thousands(perSecond) + '/s', atLeast(perSecond, 100_000, '/s')],
          ['generated 20-step saga, 1 % per step', thousands(generatedRuns), ms(generatedBulk.ms), thousands(generatedPerSecond) + '/s', ''],
          ['PlaceOrderChoreography on the bus, reordered, traced', thousands(choreographyRuns), ms(choreographyTime.ms), thousands(choreographyRuns / (choreographyTime.ms / 1000)) + '/s', ''],
        ],
      ),
    );
    log();
    notes.push(`OrderSaga bulk: ${steps.toFixed(2)} commands per run on average, worst ${best.result.worst}; ${best.result.counts.size} distinct outcomes.`);
    notes.push(`exploreChoreography(PlaceOrderChoreography): ${ms(choreographyExploration.ms)} for ${choreographyExploration.result.runs} runs.`);
    for (const note of notes) log(`  ${note}`);
  },
};
