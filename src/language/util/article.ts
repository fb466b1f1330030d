/**
 * The indefinite article before the words the model uses for its kinds and
 * roles: `an entity`, `an enum value`, `an upstream`, but `a use case`, `a user
 * story` (a `u` said as "you").
 */

/** `entity` → `an entity`, `value object` → `a value object`, `use case` → `a use case`. */
export function withArticle(words: string): string {
  const an = /^[aeio]/i.test(words) || (/^u/i.test(words) && !/^us/i.test(words));
  return (an ? 'an ' : 'a ') + words;
}
