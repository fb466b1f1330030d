import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/language/syntax/parse-document';

// The team's sketch lives beside the repository; a copy is kept for machines without it.
const shared = new URL('../../../shared/design/language-sketch.md', import.meta.url);
const sketch = readFileSync(existsSync(shared) ? shared : new URL('../fixtures/language-sketch.md', import.meta.url), 'utf8');
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
