/**
 * The syntax tree of a TypeScript file for the architecture tests, read by
 * oxc-parser (TS-ESTree nodes, offsets in UTF-16 code units as JavaScript
 * counts them): a few milliseconds a file where TypeScript's own parser took
 * ten times that, on every source file of the repository.
 */
import { parseSync } from 'oxc-parser';

/** A node of the tree: its type, its span, and its children among its properties. */
export interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  [property: string]: unknown;
}

export interface SyntaxTree {
  program: SyntaxNode;
  comments: readonly { type: string; value: string; start: number; end: number }[];
  /** The 1-based line of an offset. */
  lineOf(offset: number): number;
  /** The text of a node as written. */
  textOf(node: SyntaxNode): string;
}

export function parseTypeScript(fileName: string, text: string): SyntaxTree {
  const parsed = parseSync(fileName, text, { lang: fileName.endsWith('.tsx') ? 'tsx' : 'ts', sourceType: 'module' });
  if (parsed.errors.length > 0) throw new Error(`${fileName} does not parse: ${parsed.errors[0]!.message}`);
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return {
    program: parsed.program as unknown as SyntaxNode,
    comments: parsed.comments,
    lineOf(offset) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    },
    textOf: (node) => text.slice(node.start, node.end),
  };
}

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Visits every node below `root` (root first, then its children in source order), with its parent. */
export function walk(root: SyntaxNode, visit: (node: SyntaxNode, parent: SyntaxNode | undefined) => void): void {
  const down = (node: SyntaxNode, parent: SyntaxNode | undefined): void => {
    visit(node, parent);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end' || typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) down(item, node);
      } else if (isNode(value)) {
        down(value, node);
      }
    }
  };
  down(root, undefined);
}

/** The text of a string literal or of a template without substitutions; undefined for anything else. */
export function stringValue(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node['value'] === 'string') return node['value'];
  if (node.type === 'TemplateLiteral' && (node['expressions'] as unknown[]).length === 0) {
    return ((node['quasis'] as { value: { cooked: string | null } }[])[0]?.value.cooked ?? undefined) as string | undefined;
  }
  return undefined;
}
