/**
 * The simulator's findings are kept by the saga's text: the same saga parsed anew (its file
 * read again, moved down by an edit above it, in another file) is not explored again, and its
 * findings are exactly those a fresh exploration gives, at its new place.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { keptSagaCount, MAX_KEPT_SAGAS } from '../../src/language/simulation/breach-cache';
import { breachCheckWork, sagaBreachFindings } from '../../src/language/simulation/diagnostics';
import { readWorkspace } from '../helpers';

const shop = readWorkspace('test/fixtures/simulation').find((file) => file.uri.endsWith('shop.ddd'))!;
const leaky = readWorkspace('test/fixtures/simulation').find((file) => file.uri.endsWith('missing-compensation.ddd'))!;

const breaches = (uri: string, result: ReturnType<typeof checkWorkspace>) =>
  result.diagnostics.filter((diagnostic) => diagnostic.code === 'simulation-breach' && diagnostic.uri === uri);

describe('simulated breaches kept by the saga\'s text', () => {
  it('a saga moved by an edit above it, in another file, is not explored again and gets the findings a fresh exploration gives there', () => {
    const first = checkWorkspace([shop, leaky]);
    expect(breaches(leaky.uri, first).length).toBeGreaterThan(0);
    const explored = breachCheckWork.explored;
    const moved = { uri: 'file:///moved/leaky.ddd', text: `// two lines\n// above the saga\n${leaky.text}` };
    const again = checkWorkspace([shop, moved]);
    expect(breachCheckWork.explored - explored).toBe(0);
    // what a fresh exploration of the moved saga finds (options other than the editor's are never kept)
    const saga = again.model.sagas.find((candidate) => candidate.uri === moved.uri)!;
    const fresh = sagaBreachFindings(saga, { risks: false }).map(({ rule, finding }) => ({ code: rule.code, ...finding }));
    expect(breachCheckWork.explored - explored).toBe(1);
    const reused = breaches(moved.uri, again).map(({ code, uri, range, message, related, data }) => ({ code, uri, range, message, related, data }));
    expect(reused).toEqual(fresh.map(({ code, uri, range, message, related, data }) => ({ code, uri, range, message, related, data })));
    expect(reused[0]!.range.start).toBe(breaches(leaky.uri, first)[0]!.range.start + '// two lines\n// above the saga\n'.length);
  });

  it('keeps at most MAX_KEPT_SAGAS texts', () => {
    const sagas = Array.from({ length: MAX_KEPT_SAGAS + 20 }, (_, i) => `saga Leaky${i} orchestrated by Sales {\n  step CreateOrder on Sales reply OrderCreated\n  step ShipOrder${i} on Shipping\n}\n`);
    checkWorkspace([shop, { uri: 'file:///many.ddd', text: sagas.join('') }]);
    expect(keptSagaCount()).toBe(MAX_KEPT_SAGAS);
  });
});
