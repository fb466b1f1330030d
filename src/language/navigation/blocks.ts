/**
 * The block structure of a document, from its tokens alone: which `{ … }` block
 * every token is in, and what kind of block it is (a context body, an aggregate,
 * a field list, a saga, …). Completion and formatting read it; it works on broken
 * text too, because it needs nothing but braces and the keyword before them.
 */
import type { IToken } from 'chevrotain';
import { Choreographed, LCurly, RCurly, keywords } from '../syntax/tokens';
import { bodies, type Body } from '../syntax/constructs';

/** The document itself, the body a construct opens (syntax/constructs.ts), `{ Money }` after a shared-kernel relationship, a choreographed saga's body, or a block not recognised. */
export type BlockKind = 'top' | Body | 'shared' | 'choreography' | 'unknown';

export interface BlockFrame {
  kind: BlockKind;
  /** Index of the `{` token; -1 for the document itself. */
  open: number;
  /** Index of the keyword that introduced the block (`aggregate` of `aggregate Order {`), or -1. */
  head: number;
}

/** The keywords that introduce a block, by token, with the block they open. */
const headTokens = new Map([...bodies].map(([word, body]) => [keywords[word]!, body]));

/** How far back the keyword that introduces a block is looked for. */
const MAX_HEAD_DISTANCE = 64;

/** The kind of block that the `{` at `tokens[open]` opens, inside a block of kind `parent`. */
export function classifyBlock(tokens: readonly IToken[], open: number, parent: BlockKind): BlockFrame {
  for (let i = open - 1; i >= 0 && i >= open - MAX_HEAD_DISTANCE; i--) {
    const token = tokens[i]!;
    if (token.tokenType === LCurly || token.tokenType === RCurly) break;
    const body = headTokens.get(token.tokenType);
    if (body === undefined) continue;
    // `context: ContextId` or `x.event` use a keyword as a member name: not a head
    const next = tokens[i + 1];
    if (next && next.image === ':') continue;
    let kind: BlockKind = body;
    // issue 13: `value V { … }` in a value register, and its `stakeholder S { … }`
    if (body === 'structure' && (parent === 'values' || parent === 'cluster')) kind = 'valueItem';
    if (body === 'stakeholder' && parent === 'valueItem') kind = 'valueStakeholder';
    if (body === 'orchestration') {
      for (let j = i + 1; j < open; j++) if (tokens[j]!.tokenType === Choreographed) kind = 'choreography';
    }
    return { kind, open, head: i };
  }
  return { kind: parent === 'contextmap' ? 'shared' : 'unknown', open, head: -1 };
}

export interface BlockAnalysis {
  /** Per token: how many blocks enclose it (a `}` counts at the depth of its `{`). */
  depth: Int32Array;
  /** Per token: the frame of the innermost block that encloses it (for `{` and `}`: the block around them). */
  frame: BlockFrame[];
  /** The blocks still open after the last analysed token, outermost first (the document itself at 0). */
  stack: BlockFrame[];
  /** False when a `}` had no `{` or a `{` was never closed. */
  balanced: boolean;
}

const documentFrame: BlockFrame = { kind: 'top', open: -1, head: -1 };

/** Walks the tokens `[0, upTo)` once, tracking the open blocks. */
export function analyseBlocks(tokens: readonly IToken[], upTo = tokens.length): BlockAnalysis {
  const end = Math.min(upTo, tokens.length);
  const depth = new Int32Array(end);
  const frame: BlockFrame[] = new Array(end);
  const stack: BlockFrame[] = [documentFrame];
  let balanced = true;
  for (let i = 0; i < end; i++) {
    const token = tokens[i]!;
    if (token.tokenType === RCurly) {
      if (stack.length > 1) stack.pop();
      else balanced = false;
      depth[i] = stack.length - 1;
      frame[i] = stack[stack.length - 1]!;
      continue;
    }
    depth[i] = stack.length - 1;
    frame[i] = stack[stack.length - 1]!;
    if (token.tokenType === LCurly) stack.push(classifyBlock(tokens, i, stack[stack.length - 1]!.kind));
  }
  if (stack.length > 1) balanced = false;
  return { depth, frame, stack, balanced };
}

/** The index of the first token that starts at or after `offset` (tokens.length when none does). */
export function tokenIndexAt(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
