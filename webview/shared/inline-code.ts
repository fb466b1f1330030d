/**
 * Messages with `code` in backticks, as the core writes them ("mark the step
 * `idempotent`"): text nodes and <code> elements, never HTML from a string.
 * A backtick without its pair stays as it is.
 */
import { h } from './dom';

/** The message as nodes: the text between pairs of backticks in <code>, the rest as text. */
export function inlineCode(message: string): Node[] {
  const nodes: Node[] = [];
  let rest = message;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (close < 0) break;
    if (open > 0) nodes.push(document.createTextNode(rest.slice(0, open)));
    nodes.push(h('code', { text: rest.slice(open + 1, close) }));
    rest = rest.slice(close + 1);
  }
  if (rest) nodes.push(document.createTextNode(rest));
  return nodes;
}

/** The message without its backticks, for a tooltip (a title attribute is plain text). */
export function plainCode(message: string): string {
  return message.replace(/`([^`]*)`/g, '$1');
}
