/**
 * Escaping for everything the diagrams write: mermaid labels, mermaid node ids,
 * SVG/XML text and Markdown prose.
 *
 * Mermaid reads labels in several places (quoted node labels, edge labels, the
 * free text after `:` in state and sequence diagrams, class members, notes), each
 * with its own lexer. Rather than quote for each, every character of model text
 * that is not plainly harmless is written as a mermaid entity code `#<decimal>;`,
 * which mermaid turns into `&#<decimal>;` in the SVG it produces, so the browser
 * shows the character itself. What mermaid does to the text before it parses it
 * (see `encodeEntities` and `preprocessDiagram` in mermaid 11) shaped the rules:
 *
 * - `%` is encoded: a `%%{init: …}%%` anywhere in the text is a directive, and a
 *   line starting with `%%` a comment;
 * - `#` and `;` are encoded: they end a description in some lexers, and a raw
 *   `#name;` would be read as an entity;
 * - the words `style` and `classDef` get their first letter encoded: mermaid
 *   strips the last `;` of any line matching `style.*:\S*#.*;` before parsing,
 *   which would break the line's last entity code;
 * - mermaid's own placeholder characters (ﬂ ° ¶ ß) are encoded, and an invisible
 *   word joiner (U+2060) is put inside the pairs `ﬂ°` and `¶ß`: mermaid decodes
 *   entities once into the label and then replaces `ﬂ°°`, `ﬂ°` and `¶ß` once more
 *   in the finished SVG, which would turn the text `ﬂ°°35¶ß` into `#`;
 * - `:` is encoded where a second colon would end the text (state notes, class
 *   relation labels);
 * - brackets, quotes, pipes, backticks (markdown strings), `<` `>` `&` (HTML
 *   labels), `~` `*` `$` `+` (class members), `@` (node metadata), newlines and
 *   every other control or symbol character are encoded; `::` (class shorthand)
 *   has its colons encoded.
 *
 * Ids never carry model text: they are made by an IdRegistry, from the name only
 * when the name is a plain identifier, else from a counter.
 */

/** Characters copied as they are (besides letters, digits and marks). */
const plainAscii = new Set([...' _.,\'?!/=-']);
/** Non-ASCII symbols that mean nothing to mermaid and read better as themselves. */
const plainSymbols = new Set([...'→←↔·–—…✓✗↩']);
/** Mermaid's entity placeholders (`ﬂ°°35¶ß` stands for `#35;` while it parses). */
const placeholderCharacters = new Set([...'ﬂ°¶ß']);
const joiner = '\u2060';

const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;

function entity(codePoint: number): string {
  return `#${codePoint};`;
}

/**
 * Model text as mermaid label text: safe inside double quotes, after `:` in state
 * and sequence diagrams, in class members and relations, and in notes. Mermaid
 * shows it literally. Colons are encoded too (a second `:` breaks state notes and
 * class relation labels) unless `colons` is `keep`, for the places where a colon
 * is plain text (quoted labels, class members, state transition labels).
 */
export function mermaidText(text: string, colons: 'encode' | 'keep' = 'encode'): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const code = char.codePointAt(0)!;
    if (char === ':') {
      // `a:::b` (class shorthand) and `::` never reach mermaid raw
      out += colons === 'encode' || chars[i - 1] === ':' || chars[i + 1] === ':' ? entity(code) : ':';
      continue;
    }
    if ((char === 's' && startsWord(chars, i, 'style')) || (char === 'c' && startsWord(chars, i, 'classDef'))) {
      out += entity(code);
      continue;
    }
    if (code < 128) {
      out += /[A-Za-z0-9]/.test(char) || plainAscii.has(char) ? char : entity(code);
      continue;
    }
    if (placeholderCharacters.has(char)) {
      out += entity(code);
      // break mermaid's placeholder pairs; a joiner already there is doubled, so decoding drops exactly one
      const next = chars[i + 1];
      if ((char === 'ﬂ' && (next === '°' || next === joiner)) || (char === '¶' && (next === 'ß' || next === joiner))) out += entity(0x2060);
    }
    else if (plainSymbols.has(char) || letterOrDigit.test(char)) out += char;
    else out += entity(code);
  }
  return out;
}

function startsWord(chars: string[], at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (chars[at + k] !== word[k]) return false;
  return true;
}

/** `"label"`: model text as a quoted mermaid label. */
export function quoted(text: string): string {
  return `"${mermaidText(text, 'keep')}"`;
}

/** The widest line, in characters, of a name in a box; longer names wrap (`wrapName`). */
export const NAME_LINE_WIDTH = 20;

/**
 * A long name as lines of at most `width` characters, broken between its words
 * (`CustomerAccount` + `VerificationRequest`; `ORDER_` + `CONFIRMED`), a word
 * longer than a line cut where it must: a box stays narrow enough to read at
 * half a panel's width. Only names are wrapped here; prose (anything with a
 * space or a character no name has) is left whole, and mermaid wraps it at its
 * spaces.
 */
export function wrapName(name: string, width = NAME_LINE_WIDTH): string[] {
  if (name.length <= width || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return [name];
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[_.])/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    if (line && (line + word).trimEnd().length > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    while (word.length > width) {
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    line += word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Several lines of model text as one quoted label (`<br/>` between them). */
export function quotedLines(lines: readonly string[]): string {
  return `"${lines
    .filter((line) => line !== '')
    .map((line) => mermaidText(line, 'keep'))
    .join('<br/>')}"`;
}

const namedEntities: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * The text mermaid shows for a label: entity codes decoded (`#35;` → `#`,
 * `#quot;` → `"`), `<br/>` as a newline. For tests and for tooltips.
 */
export function decodeMermaidText(label: string): string {
  // one pass, so that decoded text is never decoded again (`#35;quot#59;` is the text `#quot;`)
  return label.replace(/(#64258;|#182;)#8288;/g, '$1').replace(/<br\s*\/?>|#(\d+|quot|amp|lt|gt|nbsp);/g, (match, code: string | undefined) => {
    if (code === undefined) return '\n';
    if (/^\d+$/.test(code)) return String.fromCodePoint(Number(code));
    return namedEntities[code] ?? match;
  });
}

// ---------------------------------------------------------------- ids

const identifier = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Words that are syntax in some mermaid diagram. An id never is one of them (in
 * any case), never contains `style` or `classDef` (see above), and never starts
 * with `o` or `x` right after an arrow (ids always have a prefix or are checked).
 */
const reservedWords = new Set(
  [
    'end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'classdef', 'class', 'linkstyle', 'click', 'call', 'href',
    'callback', 'interpolate', 'default', 'state', 'note', 'as', 'left', 'right', 'of', 'over', 'for', 'participant', 'actor',
    'loop', 'alt', 'else', 'opt', 'par', 'and', 'rect', 'critical', 'break', 'option', 'link', 'links', 'properties', 'details',
    'title', 'acctitle', 'accdescr', 'autonumber', 'activate', 'deactivate', 'create', 'destroy', 'box', 'namespace',
    'cssclass', 'hide_empty_description', 'scale', 'fork', 'join', 'choice', 'concurrent', 'tb', 'td', 'bt', 'lr', 'rl',
    'stateDiagram', 'classDiagram', 'sequenceDiagram', 'true', 'false', 'null', 'undefined', 'constructor', 'prototype', '__proto__',
  ].map((word) => word.toLowerCase()),
);

/** Whether a string can be used as a mermaid id as it is. */
export function isPlainId(text: string): boolean {
  return identifier.test(text) && text.length <= 80 && !reservedWords.has(text.toLowerCase()) && !/style|classDef/.test(text);
}

/**
 * Stable, safe ids for the things of one diagram. `id(key, name)` gives
 * `prefix_name` (or `name` alone when the prefix is empty) when that is a plain
 * identifier not used yet, else `prefix<n>` (or `id<n>`); the same key always
 * gets the same id.
 */
export class IdRegistry {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<unknown, string>();
  private counter = 0;

  constructor(private readonly prefix: string) {}

  id(key: unknown, name: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const readable = this.prefix ? `${this.prefix}_${name}` : name;
    let id: string;
    if (identifier.test(name) && isPlainId(readable) && !this.used.has(readable)) {
      id = readable;
    } else {
      do id = `${this.prefix || 'id'}${++this.counter}`;
      while (this.used.has(id));
    }
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  get(key: unknown): string | undefined {
    return this.byKey.get(key);
  }

  /** Claims ids that must not be handed out (names written bare in the diagram). */
  reserve(id: string): void {
    this.used.add(id);
  }
}

// ---------------------------------------------------------------- XML and Markdown

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for XML/HTML content and attribute values; control characters other than tab and newline are dropped. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => xmlEntities[char]!);
}

/** Model text as Markdown prose on one line: HTML escaped, Markdown punctuation backslash-escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+|~!]/g, (char) => '\\' + char)
    .replace(/[&<>]/g, (char) => xmlEntities[char]!)
    .replace(/^(\s*)([-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/** A fenced mermaid block whose fence no backtick run in the text can close. */
export function mermaidFence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}mermaid\n${text.endsWith('\n') ? text : text + '\n'}${fence}`;
}
