/**
 * `ddd simulate` and `ddd replay`, called as main.ts calls a command: options
 * parsed with node:util parseArgs from the command's option specs, output captured.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes, UsageError, type CliCommand } from '../../src/cli/command';
import { replayCommand, type ReplayJson } from '../../src/cli/replay';
import { runCli } from '../../src/cli/run';
import { simulateCommand, type SimulateJson } from '../../src/cli/simulate';
import type { BulkResult, Exploration, RunResult } from '../../src/language/simulation/index';
import type { ChoreographyRunResult } from '../../src/language/simulation/index';
import { ensureBuiltCli } from '../built-product';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const example = join(root, 'examples/order-saga');
const fixtures = join(root, 'test/fixtures/simulation');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: CliCommand, argv: string[], cwd = example): Ran {
  let stdout = '';
  let stderr = '';
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }]),
  );
  const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  try {
    const code = command.run({
      args: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | undefined>,
      cwd,
      out: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false },
    });
    return { code: code as number, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError) return { code: exitCodes.usage, stdout, stderr: stderr + error.message };
    throw error;
  }
}

const simulate = (...argv: string[]) => run(simulateCommand, argv);
const replay = (...argv: string[]) => run(replayCommand, argv);
const json = <T>(ran: Ran) => JSON.parse(ran.stdout) as T;

describe('ddd simulate, orchestrated', () => {
  it('prints the happy path like the seed\'s diagram', () => {
    const ran = simulate('--saga', 'OrderSaga');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_DONE → COMPLETED');
    expect(ran.stdout).toContain('✓ Every guarantee holds.');
  });

  it('fails a step and shows the compensations', () => {
    const ran = simulate('--saga', 'OrderSaga', '--fail', 'ProcessPayment');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_FAILED → (ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED');
    expect(ran.stdout).toContain('Ended FAILED after ProcessPayment failed; compensations: ReleaseInventory, CancelOrder');
  });

  it('crashes and resumes', () => {
    const ran = simulate('--saga', 'OrderSaga', '--crash-after', 'ReserveInventory', '--crash-before-journal', 'ProcessPayment');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('↯ orchestrator crashes');
    expect(ran.stdout).toContain('↻ new orchestrator');
    expect(ran.stdout).toContain('! risk: After a crash the orchestrator sends ProcessPayment again');
    const result = json<SimulateJson>(simulate('--saga', 'OrderSaga', '--crash-after', '2', '--format', 'json')).result as RunResult;
    expect(result.crashes).toEqual([{ target: 'step', step: 1, when: 'after-journal' }]);
  });

  it('exits 1 when a guarantee is breached', () => {
    const ran = simulate('--saga', 'OrderSaga', '--fail', 'ConfirmOrder:always');
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('✗ Stuck: ');
    // the guarantees in words (issue 12); the codes stay in --format json
    expect(ran.stdout).not.toMatch(/not-terminal|not-undone|left-held/);
    const leaky = run(simulateCommand, ['--saga', 'LeakySaga', '--fail', 'ProcessPayment', 'shop.ddd', 'missing-compensation.ddd'], fixtures);
    expect(leaky.code).toBe(1);
    expect(leaky.stdout).toContain('✗ Not undone: NotifyWarehouse ran');
  });

  it('fails a compensation, which is retried', () => {
    const ran = simulate('--saga', 'OrderSaga', '--fail', 'ProcessPayment', '--fail-compensation', 'ReleaseInventory');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('(retry ReleaseInventory) INV_RELEASED');
  });

  it('explores every failure and crash point', () => {
    const ran = simulate('--saga', 'OrderSaga', '--explore');
    // a compensation or a step after the pivot that never succeeds leaves the saga stuck, as a single run with that failure shows (issue 11):
    // listed apart, since no saga as written can avoid it, and the verdict says what it assumes
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Explored 16 runs');
    expect(ran.stdout).toContain('When a command never succeeds');
    expect(ran.stdout).toContain('! Stuck (CancelOrder), in 2 runs');
    expect(ran.stdout).toContain('  ! stuck on CancelOrder');
    expect(ran.stdout).toContain('ProcessPayment fails; ReleaseInventory fails every time');
    expect(ran.stdout).toContain('✓ Every guarantee holds in every run where each command eventually succeeds');
    expect(ran.stdout).not.toContain('in 1 runs');
    const exploration = json<SimulateJson>(simulate('--saga', 'OrderSaga', '--explore', '--format', 'json'));
    expect(exploration.mode).toBe('explore');
    expect((exploration.result as Exploration).outcomes.filter((outcome) => outcome.end !== 'stuck')).toHaveLength(4);
    const leaky = run(simulateCommand, ['--saga', 'LeakySaga', '--explore', 'shop.ddd', 'missing-compensation.ddd'], fixtures);
    expect(leaky.code).toBe(1);
    expect(leaky.stdout).toContain('✗ Not undone (NotifyWarehouse)');
  });

  it('runs in bulk, reproducibly', () => {
    const argv = ['--saga', 'OrderSaga', '--runs', '20000', '--seed', '9', '--fail-rate', 'ProcessPayment=0.1,ConfirmOrder=5%', '--format', 'json'];
    const a = json<SimulateJson>(simulate(...argv));
    const b = json<SimulateJson>(simulate(...argv));
    expect(a).toEqual(b);
    const bulk = a.result as BulkResult;
    expect(bulk.runs).toBe(20_000);
    expect(bulk.failureRates).toEqual({ ProcessPayment: 0.1, ConfirmOrder: 0.05 });
    const text = simulate('--saga', 'OrderSaga', '--runs', '1000', '--fail-rate', '0.1');
    expect(text.stdout).toMatch(/\d+\.\d\d%/);
    expect(text.stdout).toContain('Commands per run: mean');
  });

  it('prints stable JSON', () => {
    const out = json<SimulateJson>(simulate('--saga', 'OrderSaga', '--fail', 'ReserveInventory', '--format', 'json'));
    expect(Object.keys(out)).toEqual(['version', 'command', 'mode', 'saga', 'path', 'result', 'ok']);
    expect(out).toMatchObject({ version: 1, command: 'simulate', mode: 'run', path: 'STARTED → ORDER_CREATED → (CancelOrder) FAILED', ok: true });
    const result = out.result as RunResult;
    expect(result.compensations).toEqual(['CancelOrder']);
    expect(result.journal.at(-1)).toEqual({ seq: 4, type: 'end', state: 'FAILED', outcome: 'failed' });
  });

  it('lists the sagas when the name is unknown or missing (exit 2)', () => {
    const unknown = simulate('--saga', 'NoSuchSaga');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no saga 'NoSuchSaga'; the sagas: ");
    for (const saga of ['OrderSaga (orchestrated)', 'PlaceOrderChoreography (choreographed)', 'OrderFulfilment (choreographed)']) expect(unknown.stderr).toContain(saga);
    expect(simulate().stderr).toContain('say which saga with --saga NAME');
  });

  it('rejects unknown steps and bad numbers (exit 2)', () => {
    const step = simulate('--saga', 'OrderSaga', '--fail', 'ShipIt');
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('its steps: 1 CreateOrder, 2 ReserveInventory, 3 ProcessPayment, 4 ConfirmOrder');
    expect(simulate('--saga', 'OrderSaga', '--runs', 'many').code).toBe(2);
    expect(simulate('--saga', 'OrderSaga', '--runs', '10', '--fail-rate', 'ProcessPayment=2').code).toBe(2);
    expect(simulate('--saga', 'OrderSaga', '--fail-compensation', 'ProcessPayment').stderr).toContain('has no compensation');
    expect(simulate('--saga', 'OrderSaga', '--explore', '--fail', 'ProcessPayment').code).toBe(2);
    expect(simulate('--saga', 'OrderSaga', '--duplicate', 'OrderCreated').code).toBe(2);
  });

  it('keeps to the budget the editor has, and says so (issue 11)', () => {
    const runs = simulate('--saga', 'OrderSaga', '--runs', '1000000000');
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('--runs takes at most 1,000,000 runs, not 1000000000');
    const retries = simulate('--saga', 'OrderSaga', '--max-retries', '100000000');
    expect(retries.code).toBe(2);
    expect(retries.stderr).toContain('--max-retries takes at most 100 retries');
    expect(simulate('--saga', 'OrderSaga', '--runs', '10', '--max-retries', '100').code).toBe(0);
  });

  it('refuses a seed it would wrap and a step given two rates, rather than keep one silently (issue 11)', () => {
    const seed = simulate('--saga', 'OrderSaga', '--runs', '10', '--seed', '99999999999999999999');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed takes a whole number between');
    expect(simulate('--saga', 'OrderSaga', '--runs', '10', '--seed', '4294967295').code).toBe(0);
    const twice = simulate('--saga', 'OrderSaga', '--runs', '10', '--fail-rate', 'ProcessPayment=5%', '--fail-rate', 'ProcessPayment=10%');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--fail-rate gives ProcessPayment two rates (5% and 10%)');
  });
});

describe('ddd simulate, choreographed', () => {
  it('plays the happy path and a failure', () => {
    const happy = simulate('--saga', 'PlaceOrderChoreography');
    expect(happy.code).toBe(0);
    expect(happy.stdout).toContain('CreateOrder → OrderCreated → InventoryReserved → PaymentSucceeded → OrderConfirmed');
    const failed = simulate('--saga', 'PlaceOrderChoreography', '--fail', 'Billing');
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('PaymentFailed → InventoryReleased → OrderCancelled');
    expect(failed.stdout).toContain('Ended compensated');
  });

  it('reports duplicates that do harm (exit 1)', () => {
    const ran = simulate('--saga', 'OrderFulfilment', '--duplicate', 'PaymentProcessed', '--format', 'json');
    expect(ran.code).toBe(1);
    const result = json<SimulateJson>(ran).result as ChoreographyRunResult;
    expect(result.breaches.map((breach) => breach.kind)).toEqual(['duplicate-harm']);
  });

  it('reorders deliveries with a seed', () => {
    const ran = simulate('--saga', 'OrderFulfilment', '--reorder', '--seed', '4');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('deliveries reordered (seed 4)');
    expect(ran.stdout).toContain('OrderShipped');
  });

  it('names reactions by participant, Participant:Event or number, and lists them otherwise', () => {
    expect(simulate('--saga', 'PlaceOrderChoreography', '--fail', 'Inventory:OrderCreated').stdout).toContain('Ended stalled');
    expect(simulate('--saga', 'PlaceOrderChoreography', '--fail', '3').stdout).toContain('Ended compensated');
    const ambiguous = simulate('--saga', 'PlaceOrderChoreography', '--fail', 'Sales');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('Sales has 3 reactions');
    expect(simulate('--saga', 'PlaceOrderChoreography', '--crash-after', 'Billing').code).toBe(2);
  });

  it('explores a choreography', () => {
    const ran = simulate('--saga', 'PlaceOrderChoreography', '--explore');
    expect(ran.stdout).toContain('Outcomes:');
    expect(ran.code).toBe(1); // a reaction without `else` that fails stalls the saga
  });
});

describe('ddd replay', () => {
  it('replays the seed\'s account to 500', () => {
    const ran = replay('--stream', 'Account123');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Stream Banking.Account123 of Account');
    expect(ran.stdout).toContain('balance: 0 + 1000 − 300 − 200 = 500');
    expect(ran.stdout).toContain('✓ expect balance = 500: holds');
    expect(ran.stdout).toMatch(/4\s+Withdrawn\(amount: 200\)\s+700 → 500/);
  });

  it('prints stable JSON', () => {
    const out = json<ReplayJson>(replay('--stream', 'Account123', '--format', 'json'));
    expect(Object.keys(out)).toEqual(['version', 'command', 'streams', 'ok']);
    expect(out.streams[0]!.final).toEqual({ id: '', balance: 500 });
    expect(out.ok).toBe(true);
  });

  it('exits 1 when an expectation does not hold, with where it is written', () => {
    const ran = run(replayCommand, ['shop.ddd', 'streams.ddd'], fixtures);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('✗ expect balance = 70: the replay gives 65');
  });

  it('lists the streams when the name is unknown (exit 2)', () => {
    const ran = replay('--stream', 'Account999');
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("no stream 'Account999'; the streams: Banking.Account123");
  });
});

// through the built CLI (built first when it is missing or stale): exit statuses as a process has them
describe('the built ddd command', () => {
  let cli = '';
  beforeAll(() => {
    cli = ensureBuiltCli();
  }, 120_000);
  it('simulates, with exit status 0, 1 on a breached guarantee, 2 on an unknown saga', () => {
    const ddd = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: example, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const simulated = ddd('simulate', '--saga', 'OrderSaga', '--fail', 'ProcessPayment');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toContain('(ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED');
    expect(ddd('simulate', '--saga', 'Nope').status).toBe(2);
    expect(ddd('simulate', '--saga', 'OrderSaga', '--fail', 'ConfirmOrder:always').status).toBe(1);
  });
});

// the whole command line (run.ts: options parsed as `ddd` parses them), in this process
describe('the ddd command line', () => {
  const ddd = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, example, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false });
    return { status, stdout, stderr };
  };
  it('says how to give a negative number, and refuses it; replays a stream', async () => {
    // a negative number reads as an option: the message says how to give it
    const negative = await ddd('simulate', '--saga', 'OrderSaga', '--runs', '-5');
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain('--runs needs a value; write one that starts with "-" as --runs=<value>');
    expect((await ddd('simulate', '--saga', 'OrderSaga', '--runs=-5')).stderr).toContain("--runs takes a whole number of at least 1, not '-5'");
    const replayed = await ddd('replay', '--stream', 'Account123');
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain('= 500');
  });
});
