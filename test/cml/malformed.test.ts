/**
 * CML the parser cannot read: a clear message at line:column, never an
 * exception, whatever the input (malformed fixtures, every fixture cut short,
 * binary noise, deep nesting).
 */
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { parseCml } from '../../src/language/cml/parse';
import { cmlFixtureNames, cmlText, malformedFixtureNames } from './cml-fixtures';

const expected: Record<string, string> = {
  'cluster-without-core.cml': '2:2: the value cluster Autonomy needs its core value (core = AUTONOMY, or core = "a name")',
  'keyword-as-name.cml': "5:11: expected an attribute name, found the keyword 'type' ('type' is a CML keyword: write ^type to use it as a name)",
  'missing-semicolon.cml': "4:2: expected ';', found '}'",
  'roles-on-wrong-side.cml': '2:9: ACL is not an upstream role here: the upstream side takes U, S, PL or OHS (in this order)',
  'stray-character.cml': "2:35: unexpected character '#'",
  'two-context-maps.cml': '3:1: a CML file holds one ContextMap: this is a second one (the first is on line 1)',
  'unclosed-block.cml': "5:1: expected '}', found the end of the file",
  'unknown-declaration.cml': "3:1: expected import, ContextMap, BoundedContext, Domain, UseCase, UserStory, Stakeholders or ValueRegister, found 'Context'",
  'unknown-enum-literal.cml': "2:9: expected one of UNDEFINED, FEATURE, APPLICATION, SYSTEM, TEAM after type, found 'TEAMS'",
  'unterminated-string.cml': '2:26: a string that is not closed (its closing " is missing)',
};

describe('malformed CML', () => {
  it('has an expected message for every malformed fixture', () => {
    expect(Object.keys(expected).sort()).toEqual([...malformedFixtureNames]);
  });

  it.each(malformedFixtureNames)('%s: says where and what', (name) => {
    const result = importCml(cmlText(`malformed/${name}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([expected[name]]);
  });

  it('never throws on a fixture cut short anywhere', () => {
    let failures = 0;
    for (const name of cmlFixtureNames) {
      const text = cmlText(name);
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let end = 0; end < text.length; end += step) {
        const result = parseCml(text.slice(0, end));
        if (!result.ok) {
          failures++;
          for (const problem of result.problems) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.message.length).toBeGreaterThan(0);
          }
        }
      }
    }
    expect(failures).toBeGreaterThan(100);
  });

  it('reports at most 20 lexer problems, and survives noise and deep nesting', () => {
    const noise = parseCml('#'.repeat(5000));
    expect(noise.ok).toBe(false);
    expect(!noise.ok && noise.problems.length).toBeLessThanOrEqual(20);
    const nested = parseCml('BoundedContext A {' + ' Aggregate B {'.repeat(20_000));
    expect(nested.ok).toBe(false);
    expect(parseCml('').ok).toBe(true);
  });
});
