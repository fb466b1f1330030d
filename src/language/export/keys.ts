/**
 * Safe keys and file names for the exports: model names become map keys,
 * identifiers and path segments that every target format accepts (letters,
 * digits, `_`, `.`, `-`), each unique in its registry; the name itself is
 * kept as text wherever the format shows it.
 */

/** A name reduced to `[A-Za-z0-9_.-]`, never empty, never only dots. */
export function safeKey(name: string): string {
  const key = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_').slice(0, 120);
  return key === '' ? '_' : key;
}

/** Unique safe keys: the same subject always gets the same key; clashes get `-2`, `-3`, … */
export class KeyRegistry {
  private readonly used = new Set<string>();
  private readonly bySubject = new Map<unknown, string>();

  key(subject: unknown, name: string): string {
    const known = this.bySubject.get(subject);
    if (known !== undefined) return known;
    const base = safeKey(name);
    let key = base;
    for (let n = 2; this.used.has(key.toLowerCase()); n++) key = `${base}-${n}`;
    this.used.add(key.toLowerCase());
    this.bySubject.set(subject, key);
    return key;
  }

  get(subject: unknown): string | undefined {
    return this.bySubject.get(subject);
  }
}

/** One line of model text: line breaks and other control characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
