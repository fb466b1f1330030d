/**
 * Model text for PlantUML. PlantUML reads names, labels, titles and notes with
 * several lexers (quoted names, `:` labels, creole markup, `@enduml` and
 * preprocessor lines starting with `!`); rather than quote for each, every
 * character that is not plainly harmless is written as PlantUML's Unicode
 * escape `<U+XXXX>`, which it shows as the character itself. Line breaks
 * become spaces. Aliases never carry model text: they come from an IdRegistry.
 */

const plain = /[A-Za-z0-9 _.,'?/()\u2192\u2194\u2013-]/;
const letterOrDigit = /[\p{L}\p{N}]/u;

export function pumlText(text: string): string {
  let out = '';
  // eslint-disable-next-line no-control-regex
  for (const char of text.replace(/[\r\n\u2028\u2029]+/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (plain.test(char) || (code >= 128 && letterOrDigit.test(char))) out += char;
    else out += `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  }
  // a leading or trailing space would be trimmed by PlantUML's reader; a creole `--` or `__` is escaped
  return out.replace(/^ | $/g, '<U+0020>').replace(/--/g, '-<U+002D>').replace(/__/g, '_<U+005F>');
}

/** `"text"`: a quoted PlantUML name. */
export function pumlQuoted(text: string): string {
  return `"${pumlText(text)}"`;
}

/** The text PlantUML shows for an escaped label (for tests). */
export function decodePumlText(text: string): string {
  return text.replace(/<U\+([0-9A-F]{4,6})>/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}
