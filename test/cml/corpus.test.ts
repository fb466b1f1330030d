/**
 * The corpus: every CML fixture imports (exit 0 or 1, never 2), and the .ddd it
 * gives checks with no syntax errors. Fixtures whose import needs .ddd syntax the
 * grammar does not have yet are listed in ONE place, pending-grammar.ts: their
 * syntax check turns on by itself when the lexer knows every keyword they need.
 */
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { checkWorkspace } from '../../src/language/index';
import { keywords } from '../../src/language/syntax/tokens';
import { cmlFixtureNames, cmlText } from './cml-fixtures';
import { pendingGrammar } from './pending-grammar';

function importedText(name: string): string {
  const result = importCml(cmlText(name));
  if (!result.ok) expect.fail(`${name}: ${result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`);
  return result.text;
}

function syntaxErrors(text: string): string[] {
  return checkWorkspace([{ uri: 'file:///imported.ddd', text }])
    .diagnostics.filter((diagnostic) => diagnostic.code === 'syntax-error')
    .map((diagnostic) => diagnostic.message);
}

const pending = new Set(pendingGrammar.map((entry) => entry.fixture));
const current = cmlFixtureNames.filter((name) => !pending.has(name));

describe('the CML corpus', () => {
  it('lists only fixtures that exist, each once', () => {
    expect(pendingGrammar.map((entry) => entry.fixture).filter((name) => !cmlFixtureNames.includes(name))).toEqual([]);
    expect(pending.size).toBe(pendingGrammar.length);
    expect(current.length).toBeGreaterThanOrEqual(4);
  });

  it.each(current)('%s imports into .ddd with no syntax errors', (name) => {
    expect(syntaxErrors(importedText(name))).toEqual([]);
  });

  // one test per pending fixture: the syntax check once the grammar knows the words, until then that the words are written
  for (const { fixture, needs } of pendingGrammar) {
    const ready = needs.every((word) => word in keywords);
    it(`${fixture} ${ready ? 'imports into .ddd with no syntax errors' : 'imports, and writes the keywords the grown grammar is to learn'}`, () => {
      const text = importedText(fixture);
      if (ready) expect(syntaxErrors(text)).toEqual([]);
      else expect(needs.filter((word) => !new Set(text.match(/[A-Za-z_]\w*/g)).has(word))).toEqual([]);
    });
  }

  it('says what was dropped only where something was: exit 0 for a clean model, 1 for Sculptor hints', () => {
    const clean = importCml(cmlText('strategic-basic.cml'));
    const hinted = importCml(cmlText('sculptor-hints.cml'));
    expect(clean.ok && clean.dropped).toEqual([]);
    expect(hinted.ok && hinted.dropped.length).toBeGreaterThan(20);
  });
});
