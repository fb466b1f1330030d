/**
 * Small helpers for navigation tests: a workspace from named texts, and
 * positions given by a marker or by the text around them.
 */
import { checkWorkspace, type CheckResult } from '../../src/language/index';
import { readWorkspace } from '../helpers';

export interface Workspace extends CheckResult {
  texts: Map<string, string>;
  uri(name: string): string;
  /** The offset of the `n`th occurrence of `needle` in file `name`, plus `delta`. */
  at(name: string, needle: string, delta?: number, n?: number): number;
}

export function workspace(files: Record<string, string>): Workspace {
  const uri = (name: string) => (name.includes('://') ? name : `file:///ws/${name}`);
  const texts = new Map(Object.entries(files).map(([name, text]) => [uri(name), text]));
  const result = checkWorkspace([...texts].map(([u, text]) => ({ uri: u, text })));
  return {
    ...result,
    texts,
    uri,
    at(name, needle, delta = 0, n = 0) {
      const text = texts.get(uri(name))!;
      let at = -1;
      for (let i = 0; i <= n; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`${needle} (#${n}) not in ${name}`);
      }
      return at + delta;
    },
  };
}

/** The order-saga example, with files named by their path in the example (`contexts/sales.ddd`). */
export function example(): Workspace {
  const files: Record<string, string> = {};
  for (const file of readWorkspace('examples/order-saga')) files[file.uri.replace(/^.*examples\/order-saga\//, '')] = file.text;
  return workspace(files);
}

/** Splits `text` at its `|` marker: the text without it, and the marker's offset. */
export function cursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | in text');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

/** The text a range covers in a file of the workspace. */
export function slice(ws: Workspace, uri: string, range: { start: number; end: number }): string {
  return ws.texts.get(uri)!.slice(range.start, range.end);
}
