/**
 * Syntax error messages in the user's words: "expected '}' but found 'step'"
 * instead of chevrotain's token-type names.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { topLevelKeywords, wordList } from './constructs';

const ruleWords: Record<string, string> = {
  domain: 'a domain',
  subdomain: 'a subdomain',
  context: 'a context',
  contextMember: 'a context',
  glossary: 'a glossary',
  aggregate: 'an aggregate',
  buildingBlock: 'a building block',
  entity: 'an entity',
  valueObject: 'a value object',
  enumType: 'an enum',
  command: 'a command',
  event: 'an event',
  field: 'a field',
  structureBody: 'a block of fields',
  fieldBlock: 'a block of fields',
  operation: 'an operation',
  assignment: "an event's applies",
  expression: 'an expression',
  term: 'an expression',
  repository: 'a repository',
  service: 'a service',
  stream: 'a stream',
  readModel: 'a read model',
  contextMap: 'a context map',
  relationship: 'a relationship',
  relationshipSide: 'a relationship',
  saga: 'a saga',
  sagaStep: 'a saga step',
  reaction: 'a saga reaction',
  storming: 'a storming board',
  sticky: 'a storming board',
  typeReference: 'a type',
  literal: 'a value',
};

export function tokenLabel(type: TokenType): string {
  return type.LABEL ?? type.name;
}

/**
 * What ends the tokens being parsed: each top-level declaration is parsed on its own
 * (parse-document.ts), so its input ends at the file's end or where the next declaration
 * starts; the parse of each declaration says which before it starts.
 */
export const inputEnd = { words: 'the end of the file' };

function describe(token: IToken): string {
  if (token.tokenType.name === 'EOF') return inputEnd.words;
  const image = token.image.length > 40 ? token.image.slice(0, 37) + '…' : token.image;
  return `'${image}'`;
}

function where(ruleName: string): string {
  const words = ruleWords[ruleName];
  return words ? ` in ${words}` : '';
}

function alternatives(paths: TokenType[][][]): string {
  const firsts = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) firsts.add(tokenLabel(path[0]));
  const list = [...firsts];
  if (list.length <= 1) return list[0] ?? 'something else';
  if (list.length > 8) return list.slice(0, 8).join(', ') + ', …';
  return list.slice(0, -1).join(', ') + ' or ' + list[list.length - 1];
}

export const friendlyErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    return `Expected ${tokenLabel(expected)}${where(ruleName)} but found ${describe(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describe(firstRedundant)}: expected a declaration (${wordList([...topLevelKeywords], 'or')}).`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    return `Expected ${alternatives(expectedPathsPerAlt)}${where(ruleName)} but found ${describe(actual[0]!)}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    return `Expected at least one ${alternatives([expectedIterationPaths])}${where(ruleName)} but found ${describe(actual[0]!)}.`;
  },
};
