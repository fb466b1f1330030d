/** The server checks the parameters of its custom requests the same way. */
import { describe, expect, test } from 'vitest';
import { checkRequestParams, DddRequests } from '../../src/protocol/index';

describe('checkRequestParams', () => {
  test('accepts the parameters of every request', () => {
    expect(checkRequestParams('ddd/views', undefined)).toEqual({ ok: true, value: {} });
    expect(checkRequestParams('ddd/views', { uri: 'file:///a.ddd' }).ok).toBe(true);
    expect(checkRequestParams('ddd/views', { uri: 'file:///a.ddd', position: { line: 3, character: 0 } }).ok).toBe(true);
    expect(checkRequestParams('ddd/diagram', { view: 'saga', name: 'OrderSaga', variant: 'states', options: { theme: 'dark' } }).ok).toBe(true);
    expect(checkRequestParams('ddd/markdown', { views: ['saga', 'domains'], name: 'OrderSaga', title: 'T' }).ok).toBe(true);
    expect(checkRequestParams('ddd/simulate', { saga: 'S', faults: [{ target: 'step', step: 1 }], crashes: [{ target: 'start', when: 'after-journal' }], steps: 3, maxRetries: 2 }).ok).toBe(true);
    expect(checkRequestParams('ddd/simulate', { saga: 'S', choreography: { failReactions: [1], duplicate: ['E'], reorder: true, seed: 2 } }).ok).toBe(true);
    expect(checkRequestParams('ddd/explore', { saga: 'S', depth: 2 }).ok).toBe(true);
    expect(checkRequestParams('ddd/explore', { saga: 'S', budget: 5_000_000 }).ok).toBe(true);
    expect(checkRequestParams('ddd/bulk', { saga: 'S', runs: 100, failureRates: 0.1 }).ok).toBe(true);
    expect(checkRequestParams('ddd/bulk', { saga: 'S', runs: 100, failureRates: [0.1, 0, 0.5] }).ok).toBe(true);
    expect(checkRequestParams('ddd/replay', { stream: 'Banking.Account123' }).ok).toBe(true);
  });

  test('refuses what does not fit', () => {
    const bad: [keyof typeof byMethod, unknown][] = [
      ['ddd/diagram', {}],
      ['ddd/diagram', { view: 'saga', extra: true }],
      ['ddd/simulate', { saga: 'S', steps: -1 }],
      ['ddd/simulate', { saga: 'S', steps: 1e12 }],
      ['ddd/simulate', { saga: '' }],
      ['ddd/simulate', { saga: 'S', faults: [{ target: 'step' }] }],
      ['ddd/explore', { saga: 'S', depth: 9 }],
      ['ddd/explore', { saga: 'S', budget: 0 }],
      ['ddd/explore', { saga: 'S', budget: 5_000_001 }],
      ['ddd/explore', { saga: 'S', budget: 1.5 }],
      ['ddd/bulk', { saga: 'S', runs: 0 }],
      ['ddd/bulk', { saga: 'S', runs: 10, failureRates: [2] }],
      ['ddd/replay', { stream: 42 }],
      ['ddd/markdown', { views: ['everything'] }],
      ['ddd/views', { uri: 'file:///a.ddd', position: { line: -1, character: 0 } }],
      ['ddd/views', { uri: 'file:///a.ddd', position: { line: 1 } }],
      ['ddd/views', { position: { line: 1, character: 0 } }],
    ];
    for (const [method, params] of bad) expect(checkRequestParams(method, params).ok, `${method} ${JSON.stringify(params)}`).toBe(false);
  });
});

const byMethod = Object.fromEntries(Object.values(DddRequests).map((method) => [method, method])) as Record<(typeof DddRequests)[keyof typeof DddRequests], string>;
