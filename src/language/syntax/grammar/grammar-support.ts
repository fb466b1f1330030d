/**
 * What the grammar's rules share: the parents they attach to, the placeholders
 * used while chevrotain records the grammar, and which tokens start which members.
 */
import type { IToken, TokenType } from 'chevrotain';
import type {
  Aggregate,
  ContextMembers,
  ContextDeclaration,
  ContextMap,
  DomainDeclaration,
  ElementKind,
  Field,
  Operation,
  Saga,
  StormingBoard,
  TextRange,
  TypeReference,
} from '../../model/elements';
import * as T from '../tokens';
import { emptyContextMembers } from '../../model/context-members';
import { expectedIn, startTokens, type AggregateMemberKey } from '../constructs';

/** Building blocks that can live in an aggregate or directly in a context: the aggregate's lists of the constructs table. */
export type BlockContainer = Pick<ContextMembers, AggregateMemberKey>;

export interface Members {
  fields: Field[];
  invariants?: { text: string; range: TextRange }[];
  operations?: Operation[];
}

export interface Owner {
  contextName: string;
  aggregate?: Aggregate;
}

/*
 * While chevrotain records the grammar it calls each rule without arguments;
 * these stand in for the parent elements then. Nothing is attached to them
 * at parse time.
 */
const nowhere: TextRange = { start: 0, end: 0 };
export const placeholderContext: ContextDeclaration = {
  kind: 'contextDeclaration', name: '', uri: '', range: nowhere, nameRange: nowhere, implements: [], external: false,
  ...emptyContextMembers(),
};
export const placeholderDomain: DomainDeclaration = { kind: 'domain', name: '', uri: '', range: nowhere, nameRange: nowhere, subdomains: [] };
export const placeholderMap: ContextMap = { kind: 'contextmap', name: '', uri: '', range: nowhere, nameRange: nowhere, relationships: [] };
export const placeholderSaga: Saga = { kind: 'saga', name: '', uri: '', range: nowhere, nameRange: nowhere, style: 'orchestrated', steps: [], reactions: [] };
export const placeholderBoard: StormingBoard = { kind: 'storming', name: '', uri: '', range: nowhere, nameRange: nowhere, stickies: [] };

export const MAX_TYPE_NESTING = 16;
/** DSL occurrence index reserved for `members()` loops (unique within any rule). */
export const MEMBERS = 42;

/**
 * The tokens that may begin a member of some block. Which token types match is
 * worked out once, on first use (a type that is a category, such as AnyName,
 * matches every type in it): asking is then one look-up, whatever the number
 * of keywords that may start a member.
 */
export interface MemberStart {
  readonly types: readonly TokenType[];
  /** By token type index: whether a token of that type starts a member. */
  matches?: boolean[];
}

function memberStart(types: readonly TokenType[]): MemberStart {
  return { types };
}

function matchesOf(types: readonly TokenType[]): boolean[] {
  const matches: boolean[] = [];
  for (const type of types) {
    matches[type.tokenTypeIdx!] = true;
    for (const member of type.categoryMatches ?? []) matches[member] = true;
  }
  return matches;
}

export function startsMember(token: IToken, start: MemberStart): boolean {
  const matches = (start.matches ??= matchesOf(start.types));
  return matches[token.tokenTypeIdx] === true;
}

/** The tokens that start a member of each block: the constructs' from syntax/constructs.ts, the free-form ones here. */
export const starts = {
  domain: memberStart(startTokens('domain')),
  context: memberStart(startTokens('context')),
  glossary: memberStart([T.AnyName, T.StringLiteral]),
  aggregate: memberStart(startTokens('aggregate')),
  names: memberStart([T.AnyName]),
  stream: memberStart([T.Expect, T.Identifier]),
  identifiers: memberStart([T.Identifier]),
  steps: memberStart([T.Step]),
  contextHeader: memberStart([T.Implements, T.Refines, T.External, T.StringLiteral, T.LCurly]),
  storming: memberStart(startTokens('storming')),
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  team: memberStart(startTokens('team')),
  subdomain: memberStart(startTokens('subdomain')),
  /** A context map's members: its attribute lines, then relationships (which start with a context's name). */
  contextMap: memberStart([...startTokens('contextmap'), T.Identifier, T.QualifiedName]),
  /** A relationship's block: its attribute lines and the names a shared kernel shares. */
  relationship: memberStart([...startTokens('relationship'), T.NameReference]),
  qualities: memberStart([T.AnyName]),
  usecase: memberStart(startTokens('usecase')),
  story: memberStart(startTokens('story')),
  stakeholders: memberStart(startTokens('stakeholders')),
  /** A stakeholder group's block: its stakeholders. */
  stakeholderGroup: memberStart([T.StakeholderKw]),
  stakeholder: memberStart([...startTokens('stakeholder'), T.StringLiteral]),
  values: memberStart(startTokens('values')),
  cluster: memberStart(startTokens('cluster')),
  valueItem: memberStart(startTokens('valueItem')),
  valueStakeholder: memberStart([...startTokens('valueStakeholder'), T.StringLiteral]),
  module: memberStart(startTokens('module')),
  application: memberStart(startTokens('application')),
  flow: memberStart(startTokens('flow')),
  coordination: memberStart([T.NameReference]),
} satisfies Record<string, MemberStart>;

/** Where a member was expected, and what may stand there, for the grammar's "Unexpected … in a context: expected …" findings. */
export const expectedMember = {
  domain: `a domain: expected ${expectedIn('domain')}`,
  context: `a context: expected ${expectedIn('context')}`,
  aggregate: `an aggregate: expected ${expectedIn('aggregate')}`,
  storming: `a storming board: expected ${expectedIn('storming')}`,
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  team: `a team: expected ${expectedIn('team')}`,
  subdomain: `a subdomain: expected ${expectedIn('subdomain')}`,
  contextMap: `a context map: expected Upstream [roles] -> Downstream [roles], or ${expectedIn('contextmap')}`,
  relationship: `a relationship: expected ${expectedIn('relationship')}, or the names a shared kernel shares`,
  qualities: 'qualities: expected security, availability, consistency, storage, volatility (a value each), zone or access (a string each)',
  usecase: `a use case: expected ${expectedIn('usecase')}`,
  story: `a user story: expected ${expectedIn('story')}`,
  stakeholders: `stakeholders: expected ${expectedIn('stakeholders')}`,
  stakeholder: `a stakeholder: expected ${expectedIn('stakeholder')} or a description`,
  values: `a value register: expected ${expectedIn('values')}`,
  cluster: `a value cluster: expected ${expectedIn('cluster')}`,
  valueItem: `a value: expected ${expectedIn('valueItem')}`,
  valueStakeholder: `a stakeholder of a value: expected ${expectedIn('valueStakeholder')} or a description`,
  module: `a module: expected ${expectedIn('module')}`,
  application: `an application layer: expected ${expectedIn('application')}`,
  flow: `a flow: expected ${expectedIn('flow')} steps`,
};
export const MAX_EXPRESSION_TERMS = 256;

/** The arguments of a type without any (shared: never mutated). */
export const noTypeArguments: TypeReference[] = [];

/** A string token's text: without its quotes, escapes read (`\n`, `\t`, `\"`). */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

export const kinds = {
  context: ['context'],
  // wider than valid, so that 'implements Shop' (a domain) gets a clear finding
  implementsTarget: ['subdomain', 'domain', 'context'],
  // events and commands are types too (a field may hold the last event)
  type: ['entity', 'value', 'enum', 'event', 'command'],
  // wider than valid, so that `entity A extends SomeValue` gets its own finding
  extends: ['entity', 'value', 'event', 'command'],
  service: ['service'],
  // wider than a root, so that 'repository for a value object' gets its own finding
  aggregateRoot: ['entity', 'aggregate', 'value', 'enum'],
  aggregate: ['aggregate'],
  command: ['command'],
  event: ['event'],
  trigger: ['event', 'command'],
  readmodel: ['readmodel'],
  // wider than valid, so that the event-sourcing rules can say what is wrong
  readModelSource: ['event', 'command'],
  streamOf: ['aggregate', 'entity', 'value', 'enum'],
  shared: ['value', 'entity', 'enum', 'event', 'command', 'aggregate'],
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  team: ['team'],
  subdomain: ['subdomain'],
  // what a map relates: bounded contexts, and teams (an organisational map relates teams, as in Context Mapper)
  mapParticipant: ['context', 'team'],
  requirement: ['usecase', 'story'],
  stakeholder: ['stakeholder'],
} satisfies Record<string, ElementKind[]>;
