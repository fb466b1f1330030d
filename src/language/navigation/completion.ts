/**
 * Completion: what may be written at a position. The place is read from the
 * token stream (which block the cursor is in, by brace depth and the keyword
 * that opened the block, and the tokens before the cursor in that block), never
 * from regular expressions over the text; the names come from the model.
 */
import type { IToken } from 'chevrotain';
import type { DddModel } from '../model/model';
import { UnterminatedString, tokenEnd } from '../syntax/tokens';
import { analyseBlocks, tokenIndexAt } from './blocks';
import { navIndex } from './nav-index';
import { isNameToken, isQualifiedNameToken } from './token-kinds';
import { Candidates, CompletionContext, aggregateMembers, applicationMembers, contextMembers, isStringToken, levelUnits, moduleMembers, topKeywords, type CompletionCandidate } from './completion-context';
import { coordinationBody, flowBody } from './completion-flows';
import { strategicCompletion } from './strategic-completion';
import { choreographyBody, contextMapBody, contextOrAggregateBody, domainBody, memberBody, orchestrationBody, sharedBody, stormingBody, streamBody, topLevel } from './completion-places';

// ---------------------------------------------------------------- entry

function insideCommentOrString(tokens: readonly IToken[], comments: readonly IToken[], offset: number): boolean {
  for (const list of [comments, tokens]) {
    const i = tokenIndexAt(list, offset) - 1;
    const token = list[i];
    if (!token) continue;
    if (list === tokens && !isStringToken(token)) continue;
    const end = tokenEnd(token);
    // a line comment runs to the end of its line; a closed string ends before its quote
    if (offset > token.startOffset && (offset < end || (offset === end && (list === comments ? token.image.startsWith('//') : token.tokenType === UnterminatedString)))) return true;
  }
  return false;
}

/** What may be written at `offset` of the document `uri`: keywords valid there, then names from the model. */
export function completionsAt(model: DddModel, uri: string, offset: number): CompletionCandidate[] {
  const index = navIndex(model);
  const document = index.documents.get(uri);
  if (!document) {
    const out = new Candidates();
    out.keywords(topKeywords);
    return out.result();
  }
  const { tokens } = document;
  if (insideCommentOrString(tokens, document.comments, offset)) return [];
  // the word being typed is not part of what precedes the cursor
  let cursor = tokenIndexAt(tokens, offset);
  const before = tokens[cursor - 1];
  let typedQualifier: string[] | undefined;
  if (before && isNameToken(before) && tokenEnd(before) >= offset) {
    cursor--;
    if (isQualifiedNameToken(before)) {
      const parts = before.image.slice(0, offset - before.startOffset).split('.');
      parts.pop();
      if (parts.length) typedQualifier = parts;
    }
  }
  const { stack } = analyseBlocks(tokens, cursor);
  const frame = stack[stack.length - 1]!;
  const units = levelUnits(tokens, frame, cursor);
  const c = new CompletionContext(model, uri, offset, units, frame, tokens, typedQualifier);
  if (c.qualified()) return c.out.result();
  // issue 13: attribute values, teams, requirements, exposed aggregates, the new blocks' keywords
  if (strategicCompletion(c, frame.kind)) return c.out.result();
  switch (frame.kind) {
    case 'top':
      topLevel(c);
      break;
    case 'domain':
      domainBody(c);
      break;
    case 'context':
      contextOrAggregateBody(c, contextMembers);
      break;
    case 'aggregate':
      contextOrAggregateBody(c, aggregateMembers);
      break;
    case 'module':
      contextOrAggregateBody(c, moduleMembers);
      break;
    case 'application':
      contextOrAggregateBody(c, applicationMembers);
      break;
    case 'flow':
      flowBody(c);
      break;
    case 'coordination':
      coordinationBody(c);
      break;
    case 'structure':
      memberBody(c, true);
      break;
    case 'fields':
    case 'operations':
      memberBody(c, false);
      break;
    case 'stream':
      streamBody(c);
      break;
    case 'contextmap':
      contextMapBody(c);
      break;
    case 'shared':
      sharedBody(c);
      break;
    case 'orchestration': {
      const sagaName = frame.head >= 0 ? tokens[frame.head + 1]?.image : undefined;
      orchestrationBody(c, sagaName);
      break;
    }
    case 'choreography':
      choreographyBody(c);
      break;
    case 'storming':
      stormingBody(c);
      break;
    default:
      break;
  }
  return c.out.result();
}
