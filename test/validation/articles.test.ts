/**
 * Findings read as English: the article before a kind is "an" before a vowel
 * sound (`an entity`, `an enum`, `an aggregate`), "a" otherwise (`a use case`).
 */
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { withArticle } from '../../src/language/util/article';

describe('the article before a kind', () => {
  it('is "an" before a vowel sound, "a" otherwise', () => {
    expect(['entity', 'enum value', 'aggregate', 'operation', 'event', 'upstream', 'use case', 'user story', 'value object', 'domain event'].map(withArticle)).toEqual([
      'an entity',
      'an enum value',
      'an aggregate',
      'an operation',
      'an event',
      'an upstream',
      'a use case',
      'a user story',
      'a value object',
      'a domain event',
    ]);
  });

  it('reads right in the findings that name a kind', () => {
    const { diagnostics } = checkWorkspace([
      {
        uri: 'file:///articles.ddd',
        text: [
          'context Sales {',
          '  aggregate Order {',
          '    root entity Order { id: OrderId }',
          '    entity Line { id: LineId }',
          '    value Line { code: Int }',
          '    value Money extends Order { amount: Decimal }',
          '    command Ship { order: OrderId } emits Order',
          '  }',
          '}',
        ].join('\n'),
      },
    ]);
    const messages = diagnostics.map((diagnostic) => diagnostic.message);
    expect(messages.join('\n')).not.toMatch(/\ba (entity|enum|aggregate|operation|event)\b/);
    expect(messages).toContainEqual(expect.stringContaining('Line is already declared (as an entity) in aggregate Order'));
    expect(messages).toContainEqual(expect.stringContaining('cannot extend Order, an entity'));
    expect(messages).toContainEqual(expect.stringMatching(/^Order is an? (entity|aggregate), but a domain event is expected here\.$/));
  });
});
