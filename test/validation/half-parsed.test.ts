/**
 * What error recovery leaves behind (a side it abandoned, a name it stood in
 * for) is read like any other model: no internal error, no crash in an export,
 * and messages that say what is missing.
 */
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/language/diagrams/markdown';
import { check } from '../helpers';

describe('a relationship cut short by a syntax error', () => {
  it('`A [[ -> B` gives the syntax error and nothing internal; the Markdown export works', () => {
    const result = check('context A\ncontext B\ncontextmap M { A [[ -> B }');
    expect(result.findings.map((finding) => finding.code)).toEqual(['syntax-error']);
    expect(result.findings[0]!.message).toMatch(/Expected '\]'/);
    const markdown = toMarkdown(result.model);
    expect(markdown).toContain('M');
    // the side keeps the context read before the error: A is still on the map
    expect(result.model.contextMaps[0]!.relationships[0]!.left.context?.text).toBe('A');
  });

  it.each(['A [[ -> B', 'A [ -> B', 'A [OHS -> B', 'A -> B [[', 'A [[', '[[ -> B', 'A [, -> B [ACL', 'A ]] -> B'])('%s: no internal error, Markdown export works', (relationship) => {
    const result = check(`context A\ncontext B\ncontextmap M { ${relationship} }`);
    expect(result.findings.filter((finding) => finding.code === 'internal-error')).toEqual([]);
    expect(() => toMarkdown(result.model)).not.toThrow();
  });
});

describe('a name that is not written', () => {
  it('`A -> }` says that the name of a bounded context is missing, not "Unknown bounded context ."', () => {
    const result = check('context A\ncontextmap M { A -> }');
    const unknown = result.of('unknown-reference');
    // a map relates bounded contexts and teams (issue 13)
    expect(unknown.map((finding) => finding.message)).toEqual(['The name of a bounded context or team is missing here.']);
    expect(result.findings.every((finding) => !/ \.|\s{2}|\(\)/.test(finding.message))).toBe(true);
  });

  it('a missing type says a type is missing', () => {
    const result = check('context A { value V { amount: } }');
    for (const finding of result.of('unknown-reference')) expect(finding.message).toMatch(/^A type is missing here/);
  });

  it('a side without a name is "the other context" in a role message, never an empty name', () => {
    const result = check('context A\ncontextmap M { A [ACL] -> [OHS] }');
    const misplaced = result.of('map-role-side').map((finding) => finding.message);
    expect(misplaced).toEqual(['The roles make the other context upstream and A downstream, but the arrow points the other way: reverse it (<-) or swap the roles.']);
  });
});
