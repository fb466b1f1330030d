/**
 * The rules of issue 13's strategic half: attribute values from the one table,
 * aggregates still being sketched, exposed aggregates; and the false alarm gone
 * (map-shared-kernel-content never fires for exposed aggregates). The insurance
 * example, translated by hand from Context Mapper's, checks clean.
 */
import { describe, expect, it } from 'vitest';
import { attributeDefinitions, valuesOf } from '../../src/language/model/attribute-values';
import { check, expectedProblems, fixture } from '../helpers';

describe('a fixture of Context Mapper parity mistakes', () => {
  const text = fixture('context-mapper/mistakes.ddd');
  const result = check(text);

  it('gives each marked line its finding and nothing else', () => {
    expect(result.problems.map(({ file, line, severity }) => ({ file, line, severity }))).toEqual(expectedProblems(text));
  });

  it('says what to write instead', () => {
    const messages = result.problems.map((finding) => finding.message);
    expect(messages).toContain('kind team does not describe a bounded context: a team is declared on its own: `team Name realizes ThisContext`. kind is one of feature, application or system.');
    expect(messages).toContain('evolution is one of genesis, custom, product or commodity, not customised.');
    expect(messages).toContain('knowledge is one of meta or concrete, not Meta. Did you mean meta?');
    expect(messages).toContain('storage is one of tiny, normal or huge, not hug. Did you mean huge?');
    expect(messages).toContain('volatility takes one of rarely, normal or often, written as a name (volatility rarely), not a string.');
    expect(messages).toContain("Accounts is an aggregate of Portal, not of Claims: a relationship exposes its upstream's aggregates. Relate Portal instead, or name one of Claims's aggregates.");
    expect(messages).toContain('Claims has no aggregate Claimz (its aggregates: Claims, Payouts, Reserves, Ledger). Did you mean Claims?');
  });

  it('points `kind team` at `team`', () => {
    const finding = result.diagnostics.find((diagnostic) => diagnostic.message.startsWith('kind team'))!;
    expect(text.slice(finding.range.start, finding.range.end)).toBe('team');
  });

  it('hints at aggregates still being sketched, saying what to add', () => {
    expect(result.of('aggregate-sketch').map(({ line, severity, message }) => ({ line, severity, message }))).toEqual([
      { line: 21, severity: 'hint', message: 'Aggregate Payouts is a sketch so far: give it a body with its root entity, { root entity Payouts { id: PayoutsId } }.' },
      { line: 22, severity: 'hint', message: 'Aggregate Reserves has no root entity yet: add the entity that guards its invariants, root entity Reserves { id: ReservesId }.' },
      { line: 23, severity: 'hint', message: 'Aggregate Ledger has no root entity yet: mark the entity that guards its invariants with `root` (root entity Entry).' },
    ]);
  });
});

describe('attribute-value', () => {
  it('accepts every value of the table, in every place', () => {
    const lines = (keyword: string) => valuesOf(attributeDefinitions.find((row) => row.keyword === keyword && row.place !== 'contextmap')!);
    const contexts = lines('evolution').map((evolution, i) => `context C${i} {\n  evolution ${evolution}\n  kind ${lines('kind')[i % 3]}\n  knowledge ${lines('knowledge')[i % 2]}\n}`);
    const aggregates = lines('changes').map((changes, i) => `  aggregate A${i} {\n    changes ${changes}\n    qualities { security ${lines('security')[i]}  storage ${lines('storage')[i]}  volatility ${changes} }\n    root entity A${i} { id: A${i}Id }\n  }`);
    const map = `contextmap M {\n  kind organisational\n  state asis\n${lines('rights').map((rights, i) => `  C${i} -> C${i + 1} { rights ${rights} }`).join('\n')}\n}`;
    const result = check(`${contexts.join('\n')}\ncontext C4 {\n${aggregates.join('\n')}\n}\n${map}\nstakeholders { stakeholder S { influence low  interest medium } }`);
    expect(result.of('attribute-value')).toEqual([]);
    expect(result.of('syntax-error')).toEqual([]);
  });

  it('never fires on a team without attribute lines or a model without any', () => {
    expect(check(fixture('context-mapper/contexts-and-teams.ddd')).of('attribute-value')).toEqual([]);
    expect(check(fixture('validation/strategic.ddd')).of('attribute-value')).toEqual([]);
  });
});

describe('exposed aggregates', () => {
  const model = (map: string) =>
    check(
      'context Customers { aggregate Customer { root entity Customer { customerId: CustomerId } } }\n' +
        'context Portal\n' +
        `contextmap Shop {\n${map}\n}`,
    );

  it('never raise map-shared-kernel-content (the false alarm of imported Context Mapper models)', () => {
    const result = model('  Customers [OHS, PL] -> Portal [ACL] { exposes Customer }');
    expect(result.of('map-shared-kernel-content')).toEqual([]);
    expect(result.problems).toEqual([]);
    // a shared name on a relationship that is no shared kernel still does
    expect(model('  Customers [OHS] -> Portal [ACL] { Customer }').of('map-shared-kernel-content')).toHaveLength(1);
  });

  it('are looked up in the upstream context, on either side of the arrow', () => {
    expect(model('  Portal [ACL] <- Customers [OHS] { exposes Customer }').problems).toEqual([]);
    expect(model('  Portal -> Customers { exposes Customer }').of('map-exposed-aggregate').map((finding) => finding.message)).toEqual([
      "Customer is an aggregate of Customers, not of Portal: a relationship exposes its upstream's aggregates. Relate Customers instead, or name one of Portal's aggregates.",
    ]);
  });

  it('an unknown aggregate gets a did-you-mean, and an unknown upstream only unknown-reference', () => {
    expect(model('  Customers -> Portal { exposes Custmer }').of('map-exposed-aggregate').map((finding) => finding.message)).toEqual([
      'Customers has no aggregate Custmer (its aggregates: Customer). Did you mean Customer?',
    ]);
    const unknownUpstream = model('  Nowhere -> Portal { exposes Customer }');
    expect(unknownUpstream.of('map-exposed-aggregate')).toEqual([]);
    expect(unknownUpstream.of('unknown-reference')).toHaveLength(1);
  });
});

describe('aggregates still being sketched', () => {
  it('are hints, not aggregate-root errors, entities with no root marked yet included (as Context Mapper models write them); two roots are an error', () => {
    const result = check(
      'context C {\n  aggregate A\n  aggregate B { owner "x"  value V { v: Int } }\n  aggregate D { entity E { id: EId } }\n' +
        '  aggregate F { root entity F { id: FId }  root entity G { id: GId } }\n}',
    );
    expect(result.of('aggregate-sketch').map((finding) => finding.line)).toEqual([2, 3, 4]);
    expect(result.of('aggregate-root').map((finding) => finding.line)).toEqual([5]);
    expect(result.problems.map((finding) => finding.code)).toEqual(['aggregate-root']);
  });

  it('a repository for a sketched aggregate is fine', () => {
    expect(check('context C {\n  aggregate A\n  repository As for A\n}').problems).toEqual([]);
  });
});

describe("Context Mapper's insurance example, translated by hand", () => {
  it('checks without an error or a warning', () => {
    const result = check(fixture('context-mapper/insurance.ddd'));
    expect(result.problems).toEqual([]);
    expect(result.findings.map(({ code, line }) => ({ code, line }))).toEqual([{ code: 'aggregate-sketch', line: 61 }]);
  });
});

describe('names of teams and requirements', () => {
  it('are declared once in the workspace; a use case and a story share one namespace', () => {
    const result = check('team T\nteam T\nusecase U\nstory U\nstory S\ncontext T');
    expect(result.of('duplicate-name').map((finding) => [finding.line, finding.message])).toEqual([
      [2, 'T is already declared in the workspace; rename one of them.'],
      [4, 'U is already declared (as a use case) in the workspace; rename one of them.'],
    ]);
  });
});

describe('an open context', () => {
  it('gives each enumerated attribute once across its blocks', () => {
    const result = check({ 'a.ddd': 'context Claims {\n  evolution custom\n  kind feature\n}', 'b.ddd': 'context Claims {\n  evolution product\n}' });
    expect(result.of('context-merge-conflict').map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: 'b.ddd', line: 2, message: "Context Claims already says its evolution; give 'evolution' once." },
    ]);
    // and within one block too
    expect(check('context C {\n  kind feature\n  kind system\n}').of('context-merge-conflict').map((finding) => finding.line)).toEqual([3]);
  });
});
