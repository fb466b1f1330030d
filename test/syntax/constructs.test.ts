/**
 * The constructs table (syntax/constructs.ts) and the grammar agree: every
 * keyword the table places somewhere is one the grammar accepts there, and every
 * keyword the grammar accepts at the start of a member is in the table.
 */
import type { TokenType } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { constructs, constructsIn, expectedIn, places, startTokens, type Place } from '../../src/language/syntax/constructs';
import { dddParser } from '../../src/language/syntax/parser';
import { RCurly, keywords } from '../../src/language/syntax/tokens';
import { tokenize } from '../../src/language/syntax/lexer';
import { parseDocument } from '../../src/language/index';

/** For each place: the grammar rule that holds it, and text that opens it. */
const opened: Record<Place, { rule: string; text: string }> = {
  top: { rule: 'declaration', text: '' },
  domain: { rule: 'domain', text: 'domain D {' },
  context: { rule: 'context', text: 'context C {' },
  module: { rule: 'module', text: 'module M {' },
  aggregate: { rule: 'aggregate', text: 'aggregate A {' },
  application: { rule: 'application', text: 'application {' },
  flow: { rule: 'flow', text: 'flow F {' },
  orchestration: { rule: 'saga', text: 'saga S orchestrated by C {' },
  storming: { rule: 'storming', text: 'storming B {' },
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  team: { rule: 'team', text: 'team T {' },
  subdomain: { rule: 'subdomain', text: 'subdomain S {' },
  contextmap: { rule: 'contextMap', text: 'contextmap M {' },
  relationship: { rule: 'relationship', text: 'A -> B {' },
  usecase: { rule: 'usecase', text: 'usecase U {' },
  story: { rule: 'story', text: 'story S {' },
  stakeholders: { rule: 'stakeholders', text: 'stakeholders {' },
  stakeholder: { rule: 'stakeholder', text: 'stakeholder S {' },
  values: { rule: 'values', text: 'values V {' },
  cluster: { rule: 'valueCluster', text: 'cluster C {' },
  valueItem: { rule: 'valueItem', text: 'value V {' },
  valueStakeholder: { rule: 'valueStakeholder', text: 'stakeholder S {' },
};

/** Blocks whose members may also start with a name or a string (relationships, shared names, descriptions): the table lists only their keywords. */
const freeForm = new Set(['Identifier', 'QualifiedName', 'NameReference', 'StringLiteral', 'AnyName']);

/** The tokens the grammar accepts right after the text that opens `place`, but the closing brace. */
function grammarStarts(place: Place): Set<TokenType> {
  const { rule, text } = opened[place];
  const parser = dddParser(false);
  const suggestions = parser.computeContentAssist(rule, tokenize(text).tokens);
  return new Set(suggestions.map((suggestion) => suggestion.nextTokenType).filter((type) => type !== RCurly));
}

const names = (types: Iterable<TokenType>) => [...types].map((type) => type.name).sort();

describe('the constructs table and the grammar', () => {
  test.each(places)('%s: the keywords of the table are the ones the grammar starts a member with', (place) => {
    expect(names(startTokens(place))).toEqual(names([...grammarStarts(place)].filter((type) => !freeForm.has(type.name))));
  });

  test('every row has a place and a keyword of the lexer', () => {
    for (const row of constructs) {
      expect(row.places.length, row.keyword).toBeGreaterThan(0);
      expect(keywords[row.keyword], row.keyword).toBeDefined();
    }
  });

  test('each row that makes a context member parses into the list the table names (its name is enough)', () => {
    for (const row of constructsIn('context')) {
      if (!row.member) continue;
      const member = row.keyword === 'root' ? 'root entity X' : row.keyword === 'glossary' ? 'glossary { X: "an x" }' : `${row.keyword} X${row.body ? ' { }' : ''}`;
      const document = parseDocument('file:///c.ddd', `context C { ${member} }`);
      const block = document.declarations[0]!;
      expect(block.kind).toBe('contextDeclaration');
      const list = (block as unknown as Record<string, { kind: string; name: string }[]>)[row.member]!;
      expect(list.map((element) => `${element.kind} ${element.name}`), member).toEqual([`${row.kind} X`]);
    }
  });

  test('a member the grammar does not expect is reported with the table\'s words', () => {
    const document = parseDocument('file:///c.ddd', 'context C { entty X }');
    expect(document.diagnostics[0]!.message).toContain(`in a context: expected ${expectedIn('context')}`);
    expect(expectedIn('aggregate')).toBe('root entity, entity, value, enum, command, event, invariant, service or lifecycle enum');
    expect(expectedIn('domain')).toBe('core, supporting or generic subdomain');
  });
});
