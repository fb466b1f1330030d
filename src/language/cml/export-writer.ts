/**
 * What the CML export's writers share: the indented line writer, the list of
 * what CML cannot say (one line per kind of thing), and how names, strings and
 * enumerated attributes are spelled in CML.
 */
import { attributeDefinition } from '../model/attribute-values';
import type { AttributeSetting } from '../model/elements';
import { cmlKeywords } from './keywords';

/** A name as CML reads it: `^type` when it is a CML keyword. */
export function cmlName(name: string): string {
  return cmlKeywords.has(name) ? `^${name}` : name;
}

export function cmlString(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n') + '"';
}

/** A doc string before a declaration (`"The claims" Aggregate Claims`), or nothing. */
export function doc(description: string | undefined): string {
  return description !== undefined ? cmlString(description) + ' ' : '';
}

/** What was not exported, counted by kind of thing. */
export class Notes {
  private readonly counts = new Map<string, number>();
  add(what: string, count = 1): void {
    if (count > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + count);
  }
  list(): string[] {
    return [...this.counts].map(([what, count]) => `${count} × ${what}`);
  }
}

export class CmlWriter {
  readonly lines: string[] = [];
  depth = 0;
  constructor(readonly notes: Notes) {}
  line(text: string): void {
    this.lines.push('\t'.repeat(this.depth) + text);
  }
  open(text: string): void {
    this.line(text + ' {');
    this.depth++;
  }
  close(): void {
    this.depth--;
    this.line('}');
  }
  /** `header { … }` when `body` writes something, else `header` alone. */
  block(header: string, body: () => void): void {
    const at = this.lines.length;
    this.open(header);
    body();
    if (this.lines.length === at + 1) {
      this.lines.pop();
      this.depth--;
      this.line(header);
    } else this.close();
  }
}

/**
 * An enumerated attribute in CML: its CML key and literal, from the one table
 * (model/attribute-values.ts); undefined (and a note) when the value is not one
 * of the table's.
 */
export function cmlAttribute(setting: AttributeSetting, notes: Notes): { key: string; literal: string } | undefined {
  const definition = attributeDefinition(setting.attribute);
  const literal = definition?.values[setting.value.text]?.cml;
  if (!definition || !literal) {
    notes.add(`attribute ${setting.keyword.text} ${setting.value.text || '?'} (not a value CML knows)`);
    return undefined;
  }
  return { key: definition.cml, literal };
}

/** The `key = LITERAL` lines of the settings whose attribute is in `attributes` (a key of model/attribute-values.ts), in that order. */
export function attributeLines(out: CmlWriter, settings: readonly AttributeSetting[] | undefined, attributes: readonly string[]): void {
  for (const attribute of attributes) {
    const setting = settings?.find((candidate) => candidate.attribute === attribute);
    if (!setting) continue;
    const written = cmlAttribute(setting, out.notes);
    if (written) out.line(`${written.key} = ${written.literal}`);
  }
}
