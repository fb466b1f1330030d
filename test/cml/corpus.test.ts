/**
 * The corpus: every CML fixture imports (exit 0 or 1, never 2), and the .ddd it
 * gives checks with no syntax errors.
 */
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { checkWorkspace } from '../../src/language/index';
import { cmlFixtureNames, cmlText } from './cml-fixtures';

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

describe('the CML corpus', () => {
  it('has fixtures for the whole grammar', () => {
    expect(cmlFixtureNames.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cmlFixtureNames)('%s imports into .ddd with no syntax errors', (name) => {
    expect(syntaxErrors(importedText(name))).toEqual([]);
  });

  it('says what was dropped only where something was: exit 0 for a clean model, 1 for Sculptor hints', () => {
    const clean = importCml(cmlText('strategic-basic.cml'));
    const hinted = importCml(cmlText('sculptor-hints.cml'));
    expect(clean.ok && clean.dropped).toEqual([]);
    expect(hinted.ok && hinted.dropped.length).toBeGreaterThan(20);
  });
});
