/**
 * English plurals of the words the model uses for its kinds ("read model",
 * "repository", "glossary term"): the last word takes -s, -es after s, x,
 * ch or sh, and -ies after a consonant and y.
 */

/** `repository` → `repositories`, `value object` → `value objects`. */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
