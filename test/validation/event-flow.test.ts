import { describe, expect, it } from 'vitest';
import { causedEvents, eventFlowOf } from '../../src/language/model/event-flow';
import { check, fixture, readWorkspace, checkFiles, sketchBlocks } from '../helpers';

function shipping(members: string, more = ''): string {
  return `context Shipping {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n${members}\n  }\n}\n${more}`;
}

const unheard = (text: string | Record<string, string>) => check(text).of('event-without-cause');

describe('event-without-cause', () => {
  it('hints at an event that no command, saga step or reaction makes happen, on its name', () => {
    const found = unheard(shipping('    command ShipParcel\n    event ParcelShipped'));
    expect(found).toEqual([
      expect.objectContaining({
        line: 5,
        severity: 'hint',
        message: 'Nothing emits ParcelShipped: name the command that makes it happen (`emits ParcelShipped`), or the saga step that waits for it (`reply ParcelShipped`).',
      }),
    ]);
    expect(check(shipping('    command ShipParcel\n    event ParcelShipped')).diagnostics.find((d) => d.code === 'event-without-cause')?.data).toEqual({ event: 'ParcelShipped' });
  });

  it("is satisfied by a command's emits, in any aggregate or file", () => {
    expect(unheard(shipping('    command ShipParcel emits ParcelShipped\n    event ParcelShipped'))).toEqual([]);
    const files = {
      'shipping.ddd': shipping('    event ParcelShipped'),
      'dispatch.ddd': 'context Dispatch {\n  command Dispatch emits Shipping.ParcelShipped\n}',
    };
    expect(unheard(files)).toEqual([]);
  });

  it("is satisfied by a saga step's reply and a reaction's emits or else", () => {
    const saga = `saga Delivery orchestrated by Shipping {\n  step ShipParcel on Shipping reply ParcelShipped\n}\n`;
    expect(unheard(shipping('    command ShipParcel\n    event ParcelShipped', saga))).toEqual([]);
    const choreography = `saga Flow choreographed {\n  Shipping on ParcelPacked emits ParcelShipped else ParcelLost\n}\n`;
    expect(unheard(shipping('    command PackParcel emits ParcelPacked\n    event ParcelPacked\n    event ParcelShipped\n    event ParcelLost', choreography))).toEqual([]);
  });

  it('leaves events of external systems alone: they are published outside the model', () => {
    expect(unheard('context PaymentProvider external {\n  event PaymentSettled { amount: Decimal }\n}\n')).toEqual([]);
  });

  it('finds nothing in the example workspace and no warning in the sketch', () => {
    expect(checkFiles(readWorkspace('examples/order-saga')).of('event-without-cause')).toEqual([]);
    for (const block of sketchBlocks()) {
      for (const finding of check(block.text).of('event-without-cause')) expect(finding.severity).toBe('hint');
    }
  });

  it('agrees with what hover and the Markdown export call the causes of each event', () => {
    const models = [
      checkFiles(readWorkspace('examples/order-saga')).model,
      check({ 'broken.ddd': fixture('sagas/broken-orchestration.ddd'), 'choreography.ddd': fixture('sagas/broken-choreography.ddd') }).model,
      check(shipping('    command ShipParcel\n    event ParcelShipped\n    event ParcelLost', 'saga S orchestrated by Shipping {\n  step ShipParcel on Shipping reply ParcelLost\n}\n')).model,
    ];
    let without = 0;
    for (const model of models) {
      const caused = causedEvents(model);
      for (const context of model.contexts.values()) {
        for (const event of [...context.events, ...context.aggregates.flatMap((aggregate) => aggregate.events)]) {
          const flow = eventFlowOf(model, event);
          expect(flow.causes.length > 0, event.name).toBe(caused.has(event));
          if (!caused.has(event)) without++;
        }
      }
    }
    expect(without).toBeGreaterThan(0);
    // a step's reply is a cause: the step's command, when it does not say `emits` itself
    const model = models[2]!;
    const lost = model.contexts.get('Shipping')!.aggregates[0]!.events.find((event) => event.name === 'ParcelLost')!;
    expect(eventFlowOf(model, lost).causes).toEqual([{ kind: 'stepCommand', saga: 'S', command: 'ShipParcel' }]);
  });
});
