/**
 * Big workspaces, the way users make them big, checked by counting work and
 * measuring what a user receives (no wall clock): a monorepo of 2,000 files
 * with one misspelt type each, and one file holding 300 pasted copies of a
 * 60-line model. `npm run soak` runs the same workspaces against the clock.
 */
import { describe, expect, it } from 'vitest';
import { misspeltWorkspace, pastedModel, pastedWorkspace } from '../../src/bench/scale-workspaces';
import { checkWorkspace } from '../../src/language/index';
import { MESSAGE_LIST_LIMIT, RELATED_LIMIT } from '../../src/language/util/bounded-list';
import { similarNameWork } from '../../src/language/util/similar-names';
import { MAX_FINDINGS_PER_FILE } from '../../src/language/validation/validate';

/** A message a user reads in a tooltip: a few sentences. */
const MESSAGE_BOUND = 400;

describe('2,000 files, each with one misspelt type', () => {
  const workspace = misspeltWorkspace(2_000);
  const before = { ...similarNameWork };
  const result = checkWorkspace(workspace.files);
  const work = { comparisons: similarNameWork.comparisons - before.comparisons, scanned: similarNameWork.scanned - before.scanned };
  const names = result.model.index.size;

  it('reports each misspelling once, suggesting the name meant', () => {
    const unknown = result.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference');
    expect(unknown).toHaveLength(2_000);
    const byFile = new Map(unknown.map((diagnostic) => [diagnostic.uri, diagnostic]));
    expect(byFile.size).toBe(unknown.length);
    for (const [i, misspelling] of workspace.misspellings.entries()) {
      const finding = byFile.get(misspelling.uri)!;
      expect(finding.message, `file ${i}`).toContain(`Unknown type ${misspelling.written}`);
      expect(finding.message, `file ${i}`).toContain(`Did you mean ${misspelling.meant}?`);
      expect(finding.data).toMatchObject({ suggestion: misspelling.meant });
    }
  });

  it('compares each misspelling with a few names, not with all of them', () => {
    expect(names).toBeGreaterThan(10_000);
    // comparing with every declared type took 2,000 × 6,000 = 12,000,000 edit distances
    expect(work.comparisons).toBeLessThanOrEqual(20 * 2_000);
    // and the index entries read to find those few stay a fraction of all names per look-up
    expect(work.scanned / 2_000).toBeLessThan(names / 4);
  });
});

describe('300 pasted copies of a 60-line model in one file', () => {
  const copies = 300;
  const result = checkWorkspace(pastedWorkspace(copies));
  const json = JSON.stringify(result.diagnostics);

  it('is a 60-line model that checks clean but for its own ambiguity', () => {
    expect(pastedModel.trimEnd().split('\n')).toHaveLength(60);
    const once = checkWorkspace(pastedWorkspace(1));
    expect(once.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['ambiguous-reference']);
  });

  it('publishes bounded diagnostics: under 1 MB of JSON, at most MAX_FINDINGS_PER_FILE and one that counts the rest', () => {
    expect(json.length).toBeLessThan(1_000_000);
    expect(result.diagnostics.length).toBe(MAX_FINDINGS_PER_FILE + 1);
    const summary = result.diagnostics.filter((diagnostic) => diagnostic.code === 'too-many-findings');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.message).toMatch(/^[\d,]+ more findings in this file are not shown/);
  });

  it('keeps a syntax error past the cap: the 300 copies with a declaration broken after the last of them', () => {
    const [file] = pastedWorkspace(copies);
    const broken = `${file!.text}\ncontext Broken {\n  aggregate Half { root entity Half { id: HalfId  owner: \n`;
    const capped = checkWorkspace([{ uri: file!.uri, text: broken }]);
    expect(capped.diagnostics).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    const syntax = capped.diagnostics.filter((diagnostic) => diagnostic.code === 'syntax-error');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.range.start).toBeGreaterThan(file!.text.length);
    expect(capped.diagnostics.find((diagnostic) => diagnostic.code === 'too-many-findings')!.message).toContain('syntax errors and the most severe first');
  });

  it('keeps every message short and every list of related places bounded', () => {
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.length, diagnostic.message.slice(0, 200)).toBeLessThan(MESSAGE_BOUND);
      expect(diagnostic.related?.length ?? 0).toBeLessThanOrEqual(RELATED_LIMIT);
      expect(JSON.stringify(diagnostic.data ?? {}).length).toBeLessThan(2_000);
    }
  });

  it('says a name pasted 300 times is declared 300 times, once, not 300 candidates', () => {
    const order = result.diagnostics.find((diagnostic) => diagnostic.code === 'ambiguous-reference' && diagnostic.message.startsWith('Order is ambiguous'));
    expect(order?.message).toBe(`Order is ambiguous: Sales.Order.Order is declared ${copies} times. Keep one declaration, or rename the others.`);
  });
});

describe('an ambiguous name with hundreds of distinct candidates', () => {
  it('names the first few, deduplicated, and counts the rest', () => {
    const contexts = Array.from({ length: 400 }, (_, i) => `context C${i} { value Money { amount: Decimal } }`);
    const result = checkWorkspace([{ uri: 'file:///many.ddd', text: [...contexts, 'context Shop { value Bill { total: Money } }'].join('\n') }]);
    const ambiguous = result.diagnostics.filter((diagnostic) => diagnostic.code === 'ambiguous-reference');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.message).toBe(`Money is ambiguous: it could be C0.Money, C1.Money, C2.Money, C3.Money, C4.Money and ${400 - MESSAGE_LIST_LIMIT} more. Qualify it with its context.`);
    expect(ambiguous[0]!.related).toHaveLength(RELATED_LIMIT);
  });
});
