import { describe, expect, it } from 'vitest';
import { buildModel, parseDocument, validateModel } from '../../src/language/index';
import { choreographyRules } from '../../src/language/validation/rules/choreography';
import { sagaRules } from '../../src/language/validation/rules/sagas';
import { readsOf } from '../work';
import { check, expectedProblems, fixture, sketchBlocks, type Checked } from '../helpers';

const shop = fixture('sagas/shop.ddd');

/** Checks a text as main.ddd next to the fixture contexts. */
function checkSaga(text: string): Checked {
  return check({ 'shop.ddd': shop, 'main.ddd': text });
}

/** The findings of one rule, as `line severity`. */
function lines(result: Checked, code: string): string[] {
  return result.of(code).map((finding) => `${finding.line} ${finding.severity}`);
}

/** `// warning: saga-empty` comments: the findings a fixture announces, line by line. */
function announced(text: string, file: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = /\/\/\s*(error|warning|info|hint):\s*([a-z-]+)/.exec(line);
    return match ? [`${file}:${index + 1} ${match[1]} ${match[2]}`] : [];
  });
}

function reported(result: Checked, file: string, prefix: string): string[] {
  return result.findings
    .filter((f) => f.file === file && f.code.startsWith(prefix) && f.severity !== 'hint')
    .map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`);
}

describe('the saga rules on the fixtures', () => {
  it('report exactly what broken-orchestration.ddd announces', () => {
    const text = fixture('sagas/broken-orchestration.ddd');
    const result = check({ 'shop.ddd': shop, 'broken.ddd': text });
    expect(reported(result, 'broken.ddd', 'saga-')).toEqual(announced(text, 'broken.ddd'));
    expect(expectedProblems(text, 'broken.ddd').length).toBe(13);
  });

  it('find nothing wrong with the sketch\'s orchestrated sagas', () => {
    const result = check({ 'shop.ddd': shop, 'order-saga.ddd': fixture('sagas/order-saga.ddd') });
    expect(result.findings.filter((f) => f.code.startsWith('saga-'))).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('give the sketch (sections 1–7) no error or warning, and section 8 nothing', () => {
    const blocks = sketchBlocks();
    const files = Object.fromEntries(blocks.map((block, index) => [`sketch-${block.section}-${index}.ddd`, block.text]));
    const mine = (f: { code: string }) => f.code.startsWith('saga-') || f.code.startsWith('choreography-');
    const result = check(files);
    expect(result.problems.filter(mine)).toEqual([]);
    expect(result.findings.filter(mine).filter((f) => f.file.startsWith('sketch-8'))).toEqual([]);
  });
});

describe('the documented examples', () => {
  // saga-too-large fires past hundreds of steps, which no documented example shows: test/validation/rule-examples.test.ts grows its example
  const shown = [...sagaRules.rules, ...choreographyRules.rules].filter((rule) => rule.code !== 'saga-too-large');
  it.each(shown.map((rule) => [rule.code, rule] as const))('%s: its example triggers it', (code, rule) => {
    expect(rule.example).toBeDefined();
    expect(check(rule.example!).of(code).length).toBeGreaterThan(0); // on its own, as docs/rules.md shows it
    expect(rule.explanation.length).toBeGreaterThan(100);
  });
});

describe('saga-empty', () => {
  it('fires on a saga without steps or reactions', () => {
    const result = checkSaga('saga A orchestrated by Sales {\n}\n\nsaga B choreographed {\n}');
    expect(lines(result, 'saga-empty')).toEqual(['1 warning', '4 warning']);
    expect(result.of('saga-empty')[0]!.message).toContain('A has no steps');
  });
  it('does not fire on a saga with a step', () => {
    expect(checkSaga('saga A orchestrated by Sales {\n  step CreateOrder on Sales\n}').of('saga-empty')).toEqual([]);
  });
});

describe('saga-compensation-missing', () => {
  const text = `saga S orchestrated by Sales {
  step CreateOrder on Sales
  step CheckStock on Inventory compensate none
  step ReserveInventory on Inventory compensate ReleaseInventory
  step ProcessPayment on Billing
  step ConfirmOrder on Sales
}`;
  it('fires on a step before the pivot without a compensate clause', () => {
    const result = checkSaga(text);
    expect(lines(result, 'saga-compensation-missing')).toEqual(['2 warning']);
    expect(result.of('saga-compensation-missing')[0]!.message).toBe(
      'CreateOrder cannot be undone when a later step (such as ProcessPayment) fails: add `compensate …`, or `compensate none` if it changes nothing.',
    );
    const diagnostic = result.diagnostics.find((d) => d.code === 'saga-compensation-missing')!;
    expect(diagnostic.data).toMatchObject({ command: 'CreateOrder', participant: 'Sales' });
  });
  it('does not fire on read-only steps, the pivot or the steps after it', () => {
    expect(checkSaga(text.replace('step CreateOrder on Sales', 'step CreateOrder on Sales compensate CancelOrder')).of('saga-compensation-missing')).toEqual([]);
  });
});

describe('saga-compensation-unreachable', () => {
  it('fires on a compensation of the last step and on a step compensated by itself', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step CreateOrder on Sales compensate CreateOrder
  step ReserveInventory on Inventory compensate ReleaseInventory -> RELEASED
}`);
    expect(lines(result, 'saga-compensation-unreachable')).toEqual(['2 warning', '3 warning']);
    expect(result.of('saga-compensation-unreachable')[1]!.message).toContain('RELEASED is never reached');
  });
  it('does not fire on `compensate none` on the last step, nor on a real compensation', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step CreateOrder on Sales compensate CancelOrder
  step CheckStock on Inventory compensate none
}`);
    expect(result.of('saga-compensation-unreachable')).toEqual([]);
  });
});

describe('saga-compensation-owner and saga-command-owner', () => {
  it('fire when the command belongs to another context than the participant', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step ReserveInventory on Inventory compensate CancelOrder
  step ProcessPayment on Inventory
}`);
    expect(lines(result, 'saga-compensation-owner')).toEqual(['2 warning']);
    expect(lines(result, 'saga-command-owner')).toEqual(['3 warning']);
    expect(result.diagnostics.find((d) => d.code === 'saga-command-owner')!.data).toEqual({ command: 'ProcessPayment', declaredIn: 'Billing', participant: 'Inventory' });
  });
  it('do not fire for commands of the participant, or commands not declared yet', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step ReserveInventory on Inventory compensate UndoReservation
  step ChargeCard on Billing
}`);
    expect(result.of('saga-compensation-owner')).toEqual([]);
    expect(result.of('saga-command-owner')).toEqual([]);
  });
});

describe('saga-reply-mismatch', () => {
  it('fires when the reply is not among the events the command emits', () => {
    const result = checkSaga('saga S orchestrated by Sales {\n  step ProcessPayment on Billing reply PaymentProcesed\n}');
    expect(lines(result, 'saga-reply-mismatch')).toEqual(['2 warning']);
    expect(result.diagnostics.find((d) => d.code === 'saga-reply-mismatch')!.data).toMatchObject({ suggestion: 'PaymentProcessed' });
  });
  it('does not fire on the declared reply, or when the command declares no emits', () => {
    const result = checkSaga(`context Sales { command Audit }
saga S orchestrated by Sales {
  step ProcessPayment on Billing reply PaymentProcessed
  step Audit on Sales reply Audited
}`);
    expect(result.of('saga-reply-mismatch')).toEqual([]);
  });
});

describe('saga-orchestrator and saga-participant-external', () => {
  it('fire on an external orchestrator (warning) and an external participant (info)', () => {
    const result = checkSaga('saga S orchestrated by PaymentProvider {\n  step Charge on PaymentProvider\n}');
    expect(lines(result, 'saga-orchestrator')).toEqual(['1 warning']);
    expect(lines(result, 'saga-participant-external')).toEqual(['2 info']);
  });
  it('do not fire on our own contexts', () => {
    const result = checkSaga('saga S orchestrated by Sales {\n  step ProcessPayment on Billing\n}');
    expect(result.of('saga-orchestrator')).toEqual([]);
    expect(result.of('saga-participant-external')).toEqual([]);
  });
});

describe('saga-duplicate-step', () => {
  it('fires on the second step sending the same command', () => {
    const result = checkSaga('saga S orchestrated by Sales {\n  step CreateOrder on Sales compensate CancelOrder\n  step CreateOrder on Sales\n}');
    expect(lines(result, 'saga-duplicate-step')).toEqual(['3 warning']);
  });
  it('does not fire on different commands', () => {
    expect(checkSaga('saga S orchestrated by Sales {\n  step CreateOrder on Sales compensate CancelOrder\n  step ConfirmOrder on Sales\n}').of('saga-duplicate-step')).toEqual([]);
  });
});

describe('saga-states', () => {
  it('fires where a name is given a second meaning', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step CreateOrder on Sales -> ORDER_CREATED
    compensate CancelOrder -> ORDER_CREATED
  step ProcessPayment on Billing
}`);
    expect(lines(result, 'saga-states')).toEqual(['3 error']);
    expect(result.of('saga-states')[0]!.message).toContain('must lead to the terminal failure state');
  });
  it('names both meanings', () => {
    const result = checkSaga('saga S orchestrated by Sales {\n  start OPEN\n  step CreateOrder on Sales -> OPEN compensate CancelOrder\n  step ProcessPayment on Billing\n}');
    expect(result.of('saga-states')[0]!.message).toMatch(/^OPEN means two things in S: the start state and the state CreateOrder reaches\./);
  });
  it('does not fire on derived names, even when two replies are alike', () => {
    const result = checkSaga(`saga S orchestrated by Sales {
  step CreateOrder on Sales reply OrderCreated compensate CancelOrder
  step ReserveInventory on Inventory reply OrderCreated compensate ReleaseInventory
  step ProcessPayment on Billing
}`);
    expect(result.of('saga-states')).toEqual([]);
  });
  it('accepts `fails -> FAILED` when nothing is left to undo', () => {
    const result = checkSaga('saga S orchestrated by Sales {\n  step CreateOrder on Sales fails -> FAILED compensate CancelOrder\n  step ProcessPayment on Billing\n}');
    expect(result.of('saga-states')).toEqual([]);
  });
});

describe('performance', () => {
  it('checks the sagas in work that grows linearly with the model (counted, not timed)', () => {
    const sagasModel = (blocks: number) => {
      const parts = [shop];
      for (let i = 0; i < blocks; i++) parts.push(fixture(i % 2 ? 'sagas/choreography.ddd' : 'sagas/order-saga.ddd').replace(/saga (\w+)/g, `saga $1_${i}`));
      return buildModel(parts.map((text, index) => parseDocument(`file:///part-${index}.ddd`, text)));
    };
    const small = sagasModel(100);
    const large = sagasModel(200);
    expect(large.sagas.length).toBeGreaterThan(1.9 * small.sagas.length);
    const work = (model: typeof small) => {
      let found: unknown[] = [];
      const reads = readsOf(model, (counted) => (found = validateModel(counted, [sagaRules, choreographyRules])));
      // counting changes nothing the check finds
      expect(found).toEqual(validateModel(model, [sagaRules, choreographyRules]));
      return reads;
    };
    // twice the sagas, about twice the work: a loop over all pairs of sagas would make it four times
    const ratio = work(large) / work(small);
    expect(ratio).toBeLessThan(2.5);
    expect(ratio).toBeGreaterThan(1.5);
  });
});
