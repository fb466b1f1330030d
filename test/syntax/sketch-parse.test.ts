import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { fixture } from '../helpers';

// the team's sketch, copied into the fixtures: tests read nothing outside the repository
const sketch = fixture('language-sketch.md');
const blocks = [...sketch.matchAll(/```ddd\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the language sketch parses', () => {
  it('has the nine normative blocks', () => {
    expect(blocks).toHaveLength(9);
  });
  it.each(blocks.map((block, index) => [index, block] as const))('block %i parses without syntax errors', (index, block) => {
    const document = parseDocument(`file:///sketch-${index}.ddd`, block);
    expect(document.diagnostics).toEqual([]);
    expect(document.declarations.length).toBeGreaterThan(0);
  });
});
