/**
 * docs/language.md shows the enumerated attribute values from the one table the
 * language reads (model/attribute-values.ts), and an example of every construct
 * issue 13's strategic half added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributeValuesMarkdown } from '../../src/language/model/attribute-values';

const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');

describe('docs/language.md and issue 13', () => {
  it('holds the table of attribute values as the language has it', () => {
    const generated = /<!-- attribute-values:begin -->\n([\s\S]*?)\n<!-- attribute-values:end -->/.exec(doc)?.[1];
    expect(generated, 'replace the block between the attribute-values markers with attributeValuesMarkdown()').toBe(attributeValuesMarkdown());
  });

  it('has an example of every strategic and requirements construct', () => {
    const examples = [...doc.matchAll(/```ddd\n([\s\S]*?)```/g)].map((match) => match[1]!).join('\n');
    for (const words of ['kind feature', 'vision', 'responsibilities', 'technology', 'knowledge', 'businessmodel', 'evolution', 'refines', 'team ', 'realizes', 'kind landscape', 'state tobe', 'contains', ' as ', 'exposes', 'rights', 'supports', 'features', 'changes', 'qualities', 'usecase', 'interactions', 'story', 'want', 'stakeholders for', 'group', 'influence', 'values ', 'cluster', 'demonstrator', 'priority']) {
      expect(examples, words).toContain(words);
    }
  });
});
