/**
 * The colouring of .cml files: syntaxes/cml.tmLanguage.json is the grammar
 * made from the CML vocabulary (src/language/cml/textmate-grammar.ts), and its
 * rules colour what they are meant to.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cmlTextMateGrammar } from '../../src/language/cml/textmate-grammar';

interface Rule {
  name?: string;
  match?: string;
  captures?: Record<string, { name: string }>;
}

const file = join(dirname(fileURLToPath(import.meta.url)), '../../syntaxes/cml.tmLanguage.json');
const grammar = cmlTextMateGrammar() as { patterns: Rule[] };

/** The scope the first rule that matches at the start of `text` gives it (as TextMate tries the rules in order). */
function scopeAt(text: string): string | undefined {
  for (const rule of grammar.patterns) {
    if (!rule.match) continue;
    const found = new RegExp(rule.match, 'y').exec(text);
    if (found) return rule.name ?? rule.captures?.['1']?.name;
  }
  return undefined;
}

describe('the CML TextMate grammar', () => {
  it('is the one written in syntaxes/cml.tmLanguage.json', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(grammar);
  });

  it('colours declarations, names, relationships, roles, types, literals, phrases and attributes', () => {
    expect(scopeAt('BoundedContext Claims {')).toBe('storage.type.declaration.cml');
    expect(new RegExp(grammar.patterns.find((rule) => rule.captures)!.match!).exec('Aggregate ^Value {')?.[2]).toBe('^Value');
    expect(scopeAt('Shared-Kernel B')).toBe('keyword.operator.relationship.cml');
    expect(scopeAt('<-> B')).toBe('keyword.operator.relationship.cml');
    expect(scopeAt('OHS,PL]')).toBe('constant.language.role.cml');
    expect(new RegExp(grammar.patterns.filter((rule) => rule.name === 'constant.language.role.cml')[1]!.match!).exec('A [U,S]->[D,C] B')?.[0]).toBe('U');
    expect(scopeAt('BigDecimal amount')).toBe('support.type.cml');
    expect(scopeAt('CORE_DOMAIN')).toBe('constant.language.cml');
    expect(scopeAt('delegates to Claims')).toBe('keyword.other.phrase.cml');
    expect(scopeAt('domainVisionStatement = "x"')).toBe('keyword.other.cml');
    expect(scopeAt('Claims')).toBeUndefined();
  });
});
