/**
 * The .ddd vocabulary: every token the lexer knows. Each token's pattern states
 * what it matches, and lexer.ts lexes by them: it gives what a chevrotain Lexer of
 * these patterns gives (the first pattern in `allTokens` order that matches), which
 * test/syntax/lexer.test.ts checks.
 *
 * Keywords are lower-case and belong to the `AnyName` category together with
 * `Identifier`, so positions that take a member name (fields, parameters,
 * glossary terms, enum values) accept words such as `owner` or `value` too.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const AnyName = createToken({ name: 'AnyName', label: 'a name', pattern: Lexer.NA });
/** A name that may denote a declaration: `Order` or `Sales.Order`. */
export const NameReference = createToken({ name: 'NameReference', label: 'a name', pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: 'comments',
  line_breaks: true,
});

export const Identifier = createToken({
  name: 'Identifier',
  label: 'a name',
  // also matches `Sales.Order`: `tokenize` retypes it as a QualifiedName (one regex per word)
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/,
  categories: [AnyName, NameReference],
});

/**
 * `Sales.Order`, `Sales.Order.OrderItem`: one token, so that resolving a name
 * costs no grammar rule (names are the most frequent thing in a model).
 */
export const QualifiedName = createToken({
  name: 'QualifiedName',
  label: 'a qualified name',
  pattern: Lexer.NA,
  categories: [NameReference],
});

export const keywords: Record<string, TokenType> = {};

function keyword(word: string): TokenType {
  const token = createToken({
    name: 'Kw_' + word,
    label: `'${word}'`,
    // not lexed by a pattern of its own: `tokenize` turns identifiers into keywords by a table look-up
    pattern: Lexer.NA,
    categories: [AnyName],
  });
  keywords[word] = token;
  return token;
}

// Strategic design
export const Domain = keyword('domain');
export const Core = keyword('core');
export const Supporting = keyword('supporting');
export const Generic = keyword('generic');
export const Subdomain = keyword('subdomain');
export const ContextMapKw = keyword('contextmap');
export const Context = keyword('context');
export const Implements = keyword('implements');
export const Owner = keyword('owner');
export const Glossary = keyword('glossary');
export const External = keyword('external');
// Tactical design
export const Aggregate = keyword('aggregate');
export const Root = keyword('root');
export const Entity = keyword('entity');
export const Value = keyword('value');
export const Enum = keyword('enum');
export const Command = keyword('command');
export const Emits = keyword('emits');
export const Event = keyword('event');
export const Invariant = keyword('invariant');
export const Repository = keyword('repository');
export const For = keyword('for');
export const Service = keyword('service');
// Event sourcing and CQRS
export const Eventsourced = keyword('eventsourced');
export const Applies = keyword('applies');
export const Stream = keyword('stream');
export const Of = keyword('of');
export const Expect = keyword('expect');
export const Readmodel = keyword('readmodel');
export const From = keyword('from');
// Sagas
export const Saga = keyword('saga');
export const Orchestrated = keyword('orchestrated');
export const Choreographed = keyword('choreographed');
export const By = keyword('by');
export const Start = keyword('start');
export const Step = keyword('step');
export const On = keyword('on');
export const Reply = keyword('reply');
export const Compensates = keyword('compensates');
export const Compensate = keyword('compensate');
export const Fails = keyword('fails');
export const None = keyword('none');
export const Or = keyword('or');
export const And = keyword('and');
export const Else = keyword('else');
export const Idempotent = keyword('idempotent');
// Event storming
export const Storming = keyword('storming');
export const Actor = keyword('actor');
export const Policy = keyword('policy');
export const When = keyword('when');
export const Then = keyword('then');
export const Hotspot = keyword('hotspot');
// ---- Context Mapper parity: strategic design and requirements (issue 13, docs/design/context-mapper-syntax.md)
export const Kind = keyword('kind');
export const Vision = keyword('vision');
export const Responsibilities = keyword('responsibilities');
export const Technology = keyword('technology');
export const Knowledge = keyword('knowledge');
export const Businessmodel = keyword('businessmodel');
export const Evolution = keyword('evolution');
export const Team = keyword('team');
export const Realizes = keyword('realizes');
export const Refines = keyword('refines');
export const State = keyword('state');
export const Contains = keyword('contains');
export const As = keyword('as');
export const Exposes = keyword('exposes');
export const Rights = keyword('rights');
export const Supports = keyword('supports');
export const Features = keyword('features');
export const Changes = keyword('changes');
export const Qualities = keyword('qualities');
export const Usecase = keyword('usecase');
export const Story = keyword('story');
export const Interactions = keyword('interactions');
export const With = keyword('with');
export const Benefit = keyword('benefit');
export const Scope = keyword('scope');
export const Level = keyword('level');
export const Want = keyword('want');
export const So = keyword('so');
export const Stakeholders = keyword('stakeholders');
export const Group = keyword('group');
export const StakeholderKw = keyword('stakeholder');
export const Influence = keyword('influence');
export const Interest = keyword('interest');
export const Values = keyword('values');
export const Cluster = keyword('cluster');
export const Priority = keyword('priority');
export const Impact = keyword('impact');
export const Demonstrator = keyword('demonstrator');
// a value's consequences for a stakeholder, and what to do about one
export const Good = keyword('good');
export const Bad = keyword('bad');
export const Neutral = keyword('neutral');
export const ActionKw = keyword('action');
// ---- end of the strategic and requirements block
// Tactical details and the application layer (Context Mapper parity, issue 13)
export const Module = keyword('module');
export const Abstract = keyword('abstract');
export const Extends = keyword('extends');
export const Key = keyword('key');
export const Throws = keyword('throws');
export const Reads = keyword('reads');
export const Writes = keyword('writes');
export const Lifecycle = keyword('lifecycle');
export const Application = keyword('application');
export const Flow = keyword('flow');
export const Coordination = keyword('coordination');
export const Delegates = keyword('delegates');
export const To = keyword('to');
export const Triggers = keyword('triggers');
export const OperationKw = keyword('operation');
export const Public = keyword('public');
export const Protected = keyword('protected');
export const Private = keyword('private');
export const Internal = keyword('internal');
// Literals
export const True = keyword('true');
export const False = keyword('false');

export const StringLiteral = createToken({
  name: 'StringLiteral',
  label: 'a string',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
});
/** A string whose closing quote is missing: lexed so that the error is one clear diagnostic. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  label: 'an unterminated string',
  pattern: /"(?:[^"\\\r\n]|\\.)*/,
  // accepted wherever a string is, so the only finding is "string not closed"
  categories: [StringLiteral],
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  label: 'a number',
  pattern: /\d+(?:\.\d+)?/,
});

/** Each punctuation token and its text: it is always written so (the lexer gives it that text as its image). */
export const punctuationTexts = new Map<TokenType, string>();

function punctuation(name: string, text: string): TokenType {
  const token = createToken({ name, pattern: text, label: `'${text}'` });
  punctuationTexts.set(token, text);
  return token;
}

export const BothArrow = punctuation('BothArrow', '<->');
export const RightArrow = punctuation('RightArrow', '->');
export const LeftArrow = punctuation('LeftArrow', '<-');
export const PlusAssign = punctuation('PlusAssign', '+=');
export const MinusAssign = punctuation('MinusAssign', '-=');
export const Assign = punctuation('Assign', '=');
export const Plus = punctuation('Plus', '+');
export const Minus = punctuation('Minus', '-');
export const Star = punctuation('Star', '*');
export const LCurly = punctuation('LCurly', '{');
export const RCurly = punctuation('RCurly', '}');
export const LParen = punctuation('LParen', '(');
export const RParen = punctuation('RParen', ')');
export const LBracket = punctuation('LBracket', '[');
export const RBracket = punctuation('RBracket', ']');
export const LAngle = punctuation('LAngle', '<');
export const RAngle = punctuation('RAngle', '>');
export const Colon = punctuation('Colon', ':');
export const Comma = punctuation('Comma', ',');
export const Dot = punctuation('Dot', '.');
export const Question = punctuation('Question', '?');

/*
 * Offsets are read through these two so that they are small integers. chevrotain
 * gives its EOF and recovery tokens a NaN offset, which makes V8 store every
 * token's offset as a boxed double; copied as is into a range, it would box
 * every range of the model too (two extra heap objects per range).
 */

/** The offset of a token's first character. */
export function tokenStart(token: { startOffset: number }): number {
  return token.startOffset | 0;
}

/** The offset just after a token (the lexer tracks start offsets only, for speed). */
export function tokenEnd(token: { startOffset: number; image: string }): number {
  return (token.startOffset + token.image.length) | 0;
}

/** Order matters: longer punctuation before its prefixes, keywords before Identifier (the first pattern that matches wins). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  BlockComment,
  LineComment,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  BothArrow,
  RightArrow,
  LeftArrow,
  PlusAssign,
  MinusAssign,
  Assign,
  Plus,
  Minus,
  Star,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LAngle,
  RAngle,
  Colon,
  Comma,
  Dot,
  Question,
  Identifier,
  QualifiedName,
  ...Object.values(keywords),
  AnyName,
  NameReference,
];

/**
 * Whether chevrotain checks the grammar when it is built. The tests (unbundled)
 * always do; the bundles (esbuild defines DDD_GRAMMAR_CHECKS as false) skip it
 * to start faster, since a grammar that passed the tests cannot change.
 */
export const grammarChecks: boolean = (globalThis as { DDD_GRAMMAR_CHECKS?: boolean }).DDD_GRAMMAR_CHECKS ?? true;

export const keywordNames = Object.keys(keywords);
