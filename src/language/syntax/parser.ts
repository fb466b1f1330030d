/**
 * The .ddd grammar, as a chevrotain parser that builds model elements directly.
 *
 * Each rule attaches the element it creates to its parent as soon as the
 * element's name is known, so when error recovery abandons a rule halfway the
 * part already parsed stays in the model. One instance is reused for every
 * parse (chevrotain parsers are costly to build and cheap to reset).
 * Work that must not run while chevrotain records the grammar is in ACTION().
 */
import { EOF, EmbeddedActionsParser, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type {
  Aggregate,
  Assignment,
  AssignmentOperator,
  Command,
  ContextDeclaration,
  ContextMap,
  DomainDeclaration,
  DomainEvent,
  ElementKind,
  Entity,
  EnumType,
  EventStream,
  Expression,
  Field,
  LiteralValue,
  Name,
  Operation,
  Reference,
  Relationship,
  RelationshipSide,
  Saga,
  SagaReaction,
  SagaStep,
  StateName,
  Sticky,
  StickyType,
  StormingBoard,
  TextRange,
  TopLevelDeclaration,
  TypeReference,
  ValueObject,
} from '../model/elements';
import { friendlyErrorMessages } from './error-messages';
import * as T from './tokens';
import { tokenEnd } from './tokens';

/** Building blocks that can live in an aggregate or directly in a context. */
interface BlockContainer {
  entities: Entity[];
  values: ValueObject[];
  enums: EnumType[];
  commands: Command[];
  events: DomainEvent[];
}

interface Members {
  fields: Field[];
  invariants?: { text: string; range: TextRange }[];
  operations?: Operation[];
}

interface Owner {
  contextName: string;
  aggregate?: Aggregate;
}

/*
 * While chevrotain records the grammar it calls each rule without arguments;
 * these stand in for the parent elements then. Nothing is attached to them
 * at parse time.
 */
const nowhere: TextRange = { start: 0, end: 0 };
const placeholderContext: ContextDeclaration = {
  kind: 'contextDeclaration', name: '', uri: '', range: nowhere, nameRange: nowhere, implements: [], external: false,
  glossary: [], aggregates: [], repositories: [], services: [], streams: [], readModels: [],
  entities: [], values: [], enums: [], commands: [], events: [],
};
const placeholderDomain: DomainDeclaration = { kind: 'domain', name: '', uri: '', range: nowhere, nameRange: nowhere, subdomains: [] };
const placeholderMap: ContextMap = { kind: 'contextmap', name: '', uri: '', range: nowhere, nameRange: nowhere, relationships: [] };
const placeholderSaga: Saga = { kind: 'saga', name: '', uri: '', range: nowhere, nameRange: nowhere, style: 'orchestrated', steps: [], reactions: [] };
const placeholderBoard: StormingBoard = { kind: 'storming', name: '', uri: '', range: nowhere, nameRange: nowhere, stickies: [] };

const MAX_TYPE_NESTING = 16;
/** DSL occurrence index reserved for `members()` loops (unique within any rule). */
const MEMBERS = 42;

/** The tokens that may begin a member of some block. */
type MemberStart = readonly TokenType[];

function startsMember(token: IToken, starts: MemberStart): boolean {
  for (const type of starts) if (tokenMatcher(token, type)) return true;
  return false;
}

const starts = {
  domain: [T.Core, T.Supporting, T.Generic, T.Subdomain],
  context: [T.Owner, T.Glossary, T.Aggregate, T.Repository, T.Service, T.Stream, T.Readmodel, T.Root, T.Entity, T.Value, T.Enum, T.Command, T.Event],
  glossary: [T.AnyName, T.StringLiteral],
  aggregate: [T.Invariant, T.Root, T.Entity, T.Value, T.Enum, T.Command, T.Event],
  names: [T.AnyName],
  stream: [T.Expect, T.Identifier],
  identifiers: [T.Identifier],
  steps: [T.Step],
  contextHeader: [T.Implements, T.External, T.StringLiteral, T.LCurly],
  storming: [T.Actor, T.Command, T.Event, T.Policy, T.External, T.Readmodel, T.Aggregate, T.Hotspot],
} satisfies Record<string, MemberStart>;
const MAX_EXPRESSION_TERMS = 256;

const kinds = {
  context: ['context'],
  subdomain: ['subdomain'],
  type: ['entity', 'value', 'enum'],
  // wider than a root, so that 'repository for a value object' gets its own finding
  aggregateRoot: ['entity', 'aggregate', 'value', 'enum'],
  aggregate: ['aggregate'],
  command: ['command'],
  event: ['event'],
  trigger: ['event', 'command'],
  readmodel: ['readmodel'],
  shared: ['value', 'entity', 'enum', 'event', 'command', 'aggregate'],
} satisfies Record<string, ElementKind[]>;

export class DddParser extends EmbeddedActionsParser {
  uri = '';
  text = '';
  declarations: TopLevelDeclaration[] = [];
  references: Reference[] = [];
  /** Findings the grammar reports itself (skipped tokens, a missing ':'). */
  problems: { range: TextRange; message: string }[] = [];
  private scopeContext: string | undefined;
  private scopeAggregate: Aggregate | undefined;
  private typeDepth = 0;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: friendlyErrorMessages });
    this.performSelfAnalysis();
  }

  /** Prepares the parser for one top-level declaration's tokens. */
  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.scopeContext = undefined;
    this.scopeAggregate = undefined;
    this.typeDepth = 0;
  }

  // ------------------------------------------------------------------ helpers

  private tokenRange(token: IToken): TextRange {
    if (Number.isNaN(token.startOffset)) return this.endRange();
    return { start: token.startOffset, end: tokenEnd(token) };
  }

  /** A zero-width range after the last consumed token (for inserted or missing tokens). */
  private endRange(): TextRange {
    const previous = this.LA(0);
    const end = previous && !Number.isNaN(previous.startOffset) ? tokenEnd(previous) : 0;
    return { start: end, end };
  }

  /** Ends `range` at the last consumed token. */
  private close(range: TextRange): void {
    this.ACTION(() => {
      const last = this.LA(0);
      if (last && !Number.isNaN(last.startOffset)) range.end = Math.max(range.start, tokenEnd(last));
    });
  }

  private nameOf(token: IToken): Name {
    return { text: token.image, range: this.tokenRange(token) };
  }

  private reference(name: Name, expected: readonly ElementKind[], soft = false): Reference {
    const ref: Reference = { text: name.text, range: name.range, uri: this.uri, expected, soft };
    this.ACTION(() => {
      if (this.scopeContext !== undefined) ref.scopeContext = this.scopeContext;
      if (this.scopeAggregate !== undefined) ref.scopeAggregate = this.scopeAggregate;
      this.references.push(ref);
    });
    return ref;
  }

  private unquote(image: string): string {
    const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
    return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }

  private consumeNamed(token: TokenType, occurrence = 0): Name {
    return this.nameOf(this.consume(occurrence, token));
  }

  /**
   * The members of a `{ … }` block. Before each member, tokens that cannot
   * start one are skipped (a nested `{ … }` as a whole) and reported once per
   * run, so a typo costs one finding and the members after it still parse.
   * The skipping is done here rather than in the grammar: a catch-all
   * alternative would leak into every follow set and blow up chevrotain's
   * lookahead analysis.
   */
  private members(where: string, starts: MemberStart, member: () => void): void {
    this.many(MEMBERS, { GATE: () => this.skipToMember(where, starts), DEF: member });
  }

  /** Skips what cannot start a member; true when a member follows (not `}` or the end). */
  private skipToMember(where: string, starts: MemberStart): boolean {
    let token = this.LA(1);
    let problem: { range: TextRange; message: string } | undefined;
    let depth = 0;
    while (token.tokenType !== EOF) {
      if (depth === 0 && (token.tokenType === T.RCurly || startsMember(token, starts))) break;
      if (token.tokenType === T.LCurly) depth++;
      else if (token.tokenType === T.RCurly) depth--;
      if (problem) problem.range.end = tokenEnd(token);
      else {
        const image = token.image.length > 30 ? token.image.slice(0, 27) + '…' : token.image;
        problem = { range: this.tokenRange(token), message: `Unexpected '${image}' in ${where}.` };
        this.problems.push(problem);
      }
      this.SKIP_TOKEN();
      token = this.LA(1);
    }
    return token.tokenType !== T.RCurly && token.tokenType !== EOF;
  }

  // ------------------------------------------------------------------ shared rules

  /** `Sales.Order` or `Order`. */
  private qualifiedName = this.RULE('qualifiedName', (): Name => {
    const first = this.CONSUME(T.Identifier);
    let text = first.image;
    const range = this.tokenRange(first);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const next = this.CONSUME2(T.Identifier);
      this.ACTION(() => {
        text += '.' + next.image;
      });
    });
    this.close(range);
    return { text, range };
  });

  /** `A, B.C, D`: references to declarations of the expected kinds. */
  private nameList = this.RULE('nameList', (expected: readonly ElementKind[] = [], soft = false, into: Reference[] = []) => {
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.qualifiedName);
        into.push(this.reference(name, expected, soft));
      },
    });
  });

  private stringValue = this.RULE('stringValue', (): string => this.unquote(this.CONSUME(T.StringLiteral).image));

  private typeReference = this.RULE('typeReference', (): TypeReference => {
    const name = this.SUBRULE(this.qualifiedName);
    const type: TypeReference = {
      text: name.text,
      range: { ...name.range },
      name: this.reference(name, kinds.type),
      args: [],
      optional: false,
    };
    this.OPTION({
      GATE: () => this.typeDepth < MAX_TYPE_NESTING,
      DEF: () => {
        this.CONSUME(T.LAngle);
        this.ACTION(() => this.typeDepth++);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => type.args.push(this.SUBRULE(this.typeReference)) });
        this.ACTION(() => this.typeDepth--);
        this.CONSUME(T.RAngle);
      },
    });
    this.OPTION2(() => {
      this.CONSUME(T.Question);
      type.optional = true;
    });
    this.close(type.range);
    this.ACTION(() => {
      const args = type.args.filter((arg) => arg && typeof arg.text === 'string');
      type.text = name.text + (args.length ? `<${args.map((arg) => arg.text).join(', ')}>` : '') + (type.optional ? '?' : '');
    });
    return type;
  });

  private field = this.RULE('field', (): Field => {
    const name = this.consumeNamed(T.AnyName);
    let colon = false;
    this.OPTION3(() => (this.CONSUME(T.Colon), (colon = true)));
    this.ACTION(() => {
      if (!colon) this.problems.push({ range: { start: name.range.end, end: name.range.end }, message: `Expected ':' between the field ${name.text} and its type.` });
    });
    const field: Field = { kind: 'field', name: name.text, uri: this.uri, range: { ...name.range }, nameRange: name.range };
    field.type = this.SUBRULE(this.typeReference);
    this.OPTION(() => this.CONSUME(T.Comma));
    this.close(field.range);
    return field;
  });

  private operation = this.RULE('operation', (into: Operation[] = []) => {
    const name = this.consumeNamed(T.AnyName);
    const operation: Operation = {
      kind: 'operation',
      name: name.text,
      uri: this.uri,
      range: { ...name.range },
      nameRange: name.range,
      parameters: [],
    };
    this.ACTION(() => into.push(operation));
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const parameter = this.consumeNamed(T.AnyName, 2);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeReference);
        operation.parameters.push({
          kind: 'field',
          name: parameter.text,
          uri: this.uri,
          range: { start: parameter.range.start, end: type?.range?.end ?? parameter.range.end },
          nameRange: parameter.range,
          type,
        });
      },
    });
    this.CONSUME(T.RParen);
    this.OPTION(() => {
      this.CONSUME2(T.Colon);
      operation.returns = this.SUBRULE2(this.typeReference);
    });
    this.close(operation.range);
  });

  /** `{ field* invariant* operation* }` of an entity or value object. */
  private structureBody = this.RULE('structureBody', (target: Members = { fields: [] }) => {
    this.CONSUME(T.LCurly);
    this.members('a structure: expected fields (name: Type), operations (name(…)) or invariant "…"', starts.names, () => {
      this.OR([
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Invariant);
            const text = this.SUBRULE(this.stringValue);
            this.ACTION(() => target.invariants?.push({ text, range: { start: keyword.startOffset, end: tokenEnd(this.LA(0)) } }));
          },
        },
        { ALT: () => this.SUBRULE(this.operation, { ARGS: [target.operations ?? []] }) },
        {
          ALT: () => {
            const field = this.SUBRULE(this.field);
            this.ACTION(() => target.fields.push(field));
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  private fieldBlock = this.RULE('fieldBlock', (fields: Field[] = []) => {
    this.CONSUME(T.LCurly);
    this.members('a block of fields: expected name: Type', starts.names, () => {
      const field = this.SUBRULE(this.field);
      this.ACTION(() => fields.push(field));
    });
    this.CONSUME(T.RCurly);
  });

  private literal = this.RULE('literal', (): LiteralValue => {
    return this.OR([
      { ALT: () => Number(this.CONSUME(T.NumberLiteral).image) },
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          return -Number(this.CONSUME2(T.NumberLiteral).image);
        },
      },
      { ALT: () => this.SUBRULE(this.stringValue) },
      { ALT: () => (this.CONSUME(T.True), true) },
      { ALT: () => (this.CONSUME(T.False), false) },
    ]);
  });

  // ------------------------------------------------------------------ top level

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.domain) },
      { ALT: () => this.SUBRULE(this.context) },
      { ALT: () => this.SUBRULE(this.contextMap) },
      { ALT: () => this.SUBRULE(this.saga) },
      { ALT: () => this.SUBRULE(this.storming) },
    ]);
  });

  private domain = this.RULE('domain', () => {
    const keyword = this.CONSUME(T.Domain);
    const name = this.consumeNamed(T.Identifier);
    const domain: DomainDeclaration = {
      kind: 'domain',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      subdomains: [],
    };
    this.ACTION(() => this.declarations.push(domain));
    this.OPTION(() => (domain.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members('a domain: expected core, supporting or generic subdomain', starts.domain, () => this.SUBRULE(this.subdomain, { ARGS: [domain] }));
      this.CONSUME(T.RCurly);
    });
    this.close(domain.range);
  });

  private subdomain = this.RULE('subdomain', (domain: DomainDeclaration = placeholderDomain) => {
    const start = this.LA(1);
    let type: 'core' | 'supporting' | 'generic' | undefined;
    this.OPTION(() => {
      type = this.OR([
        { ALT: () => (this.CONSUME(T.Core), 'core' as const) },
        { ALT: () => (this.CONSUME(T.Supporting), 'supporting' as const) },
        { ALT: () => (this.CONSUME(T.Generic), 'generic' as const) },
      ]);
    });
    this.CONSUME(T.Subdomain);
    const name = this.consumeNamed(T.Identifier);
    this.ACTION(() =>
      domain.subdomains.push({
        kind: 'subdomain',
        name: name.text,
        uri: this.uri,
        range: { start: start.startOffset, end: name.range.end },
        nameRange: name.range,
        domain,
        implementedBy: [],
        ...(type ? { type } : {}),
      }),
    );
    this.OPTION2(() => {
      const description = this.SUBRULE(this.stringValue);
      this.ACTION(() => {
        const subdomain = domain.subdomains[domain.subdomains.length - 1]!;
        subdomain.description = description;
        this.close(subdomain.range);
      });
    });
  });

  private context = this.RULE('context', () => {
    const keyword = this.CONSUME(T.Context);
    const name = this.consumeNamed(T.Identifier);
    const context: ContextDeclaration = {
      kind: 'contextDeclaration',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      implements: [],
      external: false,
      glossary: [],
      aggregates: [],
      repositories: [],
      services: [],
      streams: [],
      readModels: [],
      entities: [],
      values: [],
      enums: [],
      commands: [],
      events: [],
    };
    this.ACTION(() => {
      this.declarations.push(context);
      this.scopeContext = name.text;
    });
    this.MANY({
      GATE: () => this.skipToMember("a context's header: expected implements, external, a description or {", starts.contextHeader) && this.LA(1).tokenType !== T.LCurly,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Implements);
              this.SUBRULE(this.nameList, { ARGS: [kinds.subdomain, false, context.implements] });
            },
          },
          { ALT: () => (this.CONSUME(T.External), (context.external = true)) },
          { ALT: () => (context.description = this.SUBRULE(this.stringValue)) },
        ]),
    });
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.members('a context: expected owner, glossary, aggregate, repository, service, stream, readmodel, entity, value, enum, command or event', starts.context, () =>
        this.SUBRULE(this.contextMember, { ARGS: [context] }),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(context.range);
  });

  private contextMember = this.RULE('contextMember', (context: ContextDeclaration = placeholderContext) => {
    this.ACTION(() => (this.scopeAggregate = undefined));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Owner);
          const token = this.CONSUME(T.StringLiteral);
          this.ACTION(() => (context.owner = { text: this.unquote(token.image), range: this.tokenRange(token) }));
        },
      },
      { ALT: () => this.SUBRULE(this.glossary, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.aggregate, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.repository, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.service, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.stream, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.readModel, { ARGS: [context] }) },
      { ALT: () => this.SUBRULE(this.buildingBlock, { ARGS: [context, context.name] }) },
    ]);
  });

  private glossary = this.RULE('glossary', (context: ContextDeclaration = placeholderContext) => {
    this.CONSUME(T.Glossary);
    this.CONSUME(T.LCurly);
    this.members('a glossary: expected Term: "definition"', starts.glossary, () => {
      const term = this.OR([
        { ALT: () => this.nameOf(this.CONSUME(T.AnyName)) },
        {
          ALT: () => {
            const token = this.CONSUME(T.StringLiteral);
            return { text: this.unquote(token.image), range: this.tokenRange(token) };
          },
        },
      ]);
      this.CONSUME(T.Colon);
      const definition = this.SUBRULE(this.stringValue);
      this.OPTION(() => this.CONSUME(T.Comma));
      this.ACTION(() =>
        context.glossary.push({
          kind: 'term',
          name: term.text,
          uri: this.uri,
          range: { start: term.range.start, end: tokenEnd(this.LA(0)) },
          nameRange: term.range,
          definition,
          contextName: context.name,
        }),
      );
    });
    this.CONSUME(T.RCurly);
  });

  // ------------------------------------------------------------------ tactical design

  private aggregate = this.RULE('aggregate', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Aggregate);
    const name = this.consumeNamed(T.Identifier);
    const aggregate: Aggregate = {
      kind: 'aggregate',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: context.name,
      eventSourced: false,
      entities: [],
      values: [],
      enums: [],
      commands: [],
      events: [],
      invariants: [],
    };
    this.ACTION(() => {
      context.aggregates.push(aggregate);
      this.scopeAggregate = aggregate;
    });
    this.OPTION(() => (this.CONSUME(T.Eventsourced), (aggregate.eventSourced = true)));
    this.OPTION2(() => (aggregate.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('an aggregate: expected root entity, entity, value, enum, command, event or invariant', starts.aggregate, () => {
      this.OR([
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Invariant);
            const text = this.SUBRULE2(this.stringValue);
            this.ACTION(() => aggregate.invariants.push({ text, range: { start: keyword.startOffset, end: tokenEnd(this.LA(0)) } }));
          },
        },
        { ALT: () => this.SUBRULE(this.buildingBlock, { ARGS: [aggregate, context.name, aggregate] }) },
      ]);
    });
    this.CONSUME(T.RCurly);
    this.close(aggregate.range);
  });

  /** Entities, value objects, enums, commands and events: in an aggregate or a context. */
  private buildingBlock = this.RULE('buildingBlock', (container: BlockContainer = placeholderContext, contextName = '', aggregate?: Aggregate) => {
    const owner = aggregate ? { contextName, aggregate } : { contextName };
    this.OR([
      { ALT: () => this.SUBRULE(this.entity, { ARGS: [container, owner] }) },
      { ALT: () => this.SUBRULE(this.valueObject, { ARGS: [container, owner] }) },
      { ALT: () => this.SUBRULE(this.enumType, { ARGS: [container, owner] }) },
      { ALT: () => this.SUBRULE(this.command, { ARGS: [container, owner] }) },
      { ALT: () => this.SUBRULE(this.event, { ARGS: [container, owner] }) },
    ]);
  });

  private entity = this.RULE('entity', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    let rootRange: TextRange | undefined;
    this.OPTION(() => (rootRange = this.tokenRange(this.CONSUME(T.Root))));
    this.CONSUME(T.Entity);
    const name = this.consumeNamed(T.Identifier);
    const entity: Entity = {
      kind: 'entity',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(start),
      nameRange: name.range,
      ...owner,
      root: rootRange !== undefined,
      fields: [],
      invariants: [],
      operations: [],
    };
    this.ACTION(() => {
      if (rootRange) entity.rootRange = rootRange;
      container.entities.push(entity);
    });
    this.OPTION2(() => (entity.description = this.SUBRULE(this.stringValue)));
    this.OPTION3(() => this.SUBRULE(this.structureBody, { ARGS: [entity] }));
    this.close(entity.range);
  });

  private valueObject = this.RULE('valueObject', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const keyword = this.CONSUME(T.Value);
    const name = this.consumeNamed(T.Identifier);
    const value: ValueObject = {
      kind: 'value',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      ...owner,
      fields: [],
      invariants: [],
      operations: [],
    };
    this.ACTION(() => container.values.push(value));
    this.OPTION(() => (value.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.structureBody, { ARGS: [value] }));
    this.close(value.range);
  });

  private enumType = this.RULE('enumType', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const keyword = this.CONSUME(T.Enum);
    const name = this.consumeNamed(T.Identifier);
    const type: EnumType = {
      kind: 'enum',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      ...owner,
      values: [],
    };
    this.ACTION(() => container.enums.push(type));
    this.OPTION(() => (type.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('an enum: expected its values', starts.names, () => {
      const value = this.consumeNamed(T.AnyName);
      this.OPTION2(() => this.CONSUME(T.Comma));
      this.ACTION(() =>
        type.values.push({ kind: 'enumValue', name: value.text, uri: this.uri, range: value.range, nameRange: value.range }),
      );
    });
    this.CONSUME(T.RCurly);
    this.close(type.range);
  });

  private command = this.RULE('command', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const keyword = this.CONSUME(T.Command);
    const name = this.consumeNamed(T.Identifier);
    const command: Command = {
      kind: 'command',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      ...owner,
      fields: [],
      emits: [],
    };
    this.ACTION(() => container.commands.push(command));
    this.OPTION(() => (command.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.fieldBlock, { ARGS: [command.fields] }));
    this.OPTION3(() => {
      this.CONSUME(T.Emits);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, false, command.emits] });
    });
    this.close(command.range);
  });

  private event = this.RULE('event', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const keyword = this.CONSUME(T.Event);
    const name = this.consumeNamed(T.Identifier);
    const event: DomainEvent = {
      kind: 'event',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      ...owner,
      fields: [],
      applies: [],
    };
    this.ACTION(() => container.events.push(event));
    this.OPTION(() => (event.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.fieldBlock, { ARGS: [event.fields] }));
    this.OPTION3(() => {
      this.CONSUME(T.Applies);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.assignment, { ARGS: [event.applies] }) });
    });
    this.close(event.range);
  });

  private assignment = this.RULE('assignment', (into: Assignment[] = []) => {
    const field = this.consumeNamed(T.AnyName);
    const operatorToken = this.OR([
      { ALT: () => this.CONSUME(T.Assign) },
      { ALT: () => this.CONSUME(T.PlusAssign) },
      { ALT: () => this.CONSUME(T.MinusAssign) },
    ]);
    const assignment: Assignment = { field, operator: operatorToken.image as AssignmentOperator, range: { ...field.range } };
    this.ACTION(() => into.push(assignment));
    const expression = this.SUBRULE(this.expression);
    this.ACTION(() => {
      if (expression) assignment.expression = expression;
    });
    this.close(assignment.range);
  });

  /** Numbers, strings and field names joined by `+`, `-` and `*`, left to right. */
  private expression = this.RULE('expression', (): Expression => {
    let left = this.SUBRULE(this.term);
    let terms = 1;
    this.MANY({
      GATE: () => terms < MAX_EXPRESSION_TERMS,
      DEF: () => {
        const operator = this.OR([
          { ALT: () => this.CONSUME(T.Plus) },
          { ALT: () => this.CONSUME(T.Minus) },
          { ALT: () => this.CONSUME(T.Star) },
        ]);
        const right = this.SUBRULE2(this.term);
        this.ACTION(() => {
          terms++;
          if (!left || !right) return;
          left = {
            kind: 'binary',
            operator: operator.image as '+' | '-' | '*',
            left,
            right,
            range: { start: left.range.start, end: right.range.end },
          };
        });
      },
    });
    return left;
  });

  private term = this.RULE('term', (): Expression => {
    return this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(T.NumberLiteral);
          return { kind: 'number', value: Number(token.image), range: this.tokenRange(token) };
        },
      },
      {
        ALT: () => {
          const minus = this.CONSUME(T.Minus);
          const token = this.CONSUME2(T.NumberLiteral);
          return { kind: 'number', value: -Number(token.image), range: { start: minus.startOffset, end: tokenEnd(token) } };
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.StringLiteral);
          return { kind: 'string', value: this.unquote(token.image), range: this.tokenRange(token) };
        },
      },
      {
        // `true` and `false` are names too (keywords belong to AnyName)
        ALT: () => {
          const token = this.CONSUME(T.AnyName);
          const range = this.tokenRange(token);
          if (token.tokenType === T.True || token.tokenType === T.False) return { kind: 'boolean', value: token.tokenType === T.True, range };
          return { kind: 'name', name: token.image, range };
        },
      },
    ]);
  });

  private repository = this.RULE('repository', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Repository);
    const name = this.consumeNamed(T.Identifier);
    const repository = {
      kind: 'repository' as const,
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: context.name,
      operations: [] as Operation[],
      aggregate: undefined as Reference | undefined,
    };
    this.ACTION(() => context.repositories.push(repository));
    this.CONSUME(T.For);
    repository.aggregate = this.reference(this.SUBRULE(this.qualifiedName), kinds.aggregateRoot);
    this.OPTION(() => (repository as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => this.SUBRULE(this.operationBlock, { ARGS: [repository.operations] }));
    this.close(repository.range);
  });

  private operationBlock = this.RULE('operationBlock', (operations: Operation[] = []) => {
    this.CONSUME(T.LCurly);
    this.members('a block of operations: expected name(parameter: Type): Type', starts.names, () => this.SUBRULE(this.operation, { ARGS: [operations] }));
    this.CONSUME(T.RCurly);
  });

  private service = this.RULE('service', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Service);
    const name = this.consumeNamed(T.Identifier);
    const service = {
      kind: 'service' as const,
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: context.name,
      operations: [] as Operation[],
    };
    this.ACTION(() => context.services.push(service));
    this.OPTION(() => (service as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => this.SUBRULE(this.operationBlock, { ARGS: [service.operations] }));
    this.close(service.range);
  });

  // ------------------------------------------------------------------ event sourcing and CQRS

  private stream = this.RULE('stream', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Stream);
    const name = this.consumeNamed(T.Identifier);
    const stream: EventStream = {
      kind: 'stream',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: context.name,
      events: [],
      expectations: [],
    };
    this.ACTION(() => context.streams.push(stream));
    this.CONSUME(T.Of);
    stream.aggregate = this.reference(this.SUBRULE(this.qualifiedName), kinds.aggregate);
    this.CONSUME(T.LCurly);
    this.members('a stream: expected Event(field: value) or expect field = value', starts.stream, () => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Expect);
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                const field = this.consumeNamed(T.AnyName);
                this.CONSUME(T.Assign);
                const value = this.SUBRULE(this.literal);
                this.ACTION(() =>
                  stream.expectations.push({ field, value, range: { start: field.range.start, end: tokenEnd(this.LA(0)) } }),
                );
              },
            });
          },
        },
        {
          ALT: () => {
            const eventName = this.SUBRULE2(this.qualifiedName);
            const entry = { event: this.reference(eventName, kinds.event), arguments: [] as EventStream['events'][number]['arguments'], range: { ...eventName.range } };
            this.ACTION(() => stream.events.push(entry));
            this.CONSUME(T.LParen);
            this.MANY_SEP({
              SEP: T.Comma,
              DEF: () => {
                const argument = this.consumeNamed(T.AnyName, 2);
                this.CONSUME2(T.Colon);
                const value = this.SUBRULE2(this.literal);
                this.ACTION(() => entry.arguments.push({ name: argument, value, range: { start: argument.range.start, end: tokenEnd(this.LA(0)) } }));
              },
            });
            this.CONSUME(T.RParen);
            this.close(entry.range);
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
    this.close(stream.range);
  });

  private readModel = this.RULE('readModel', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Readmodel);
    const name = this.consumeNamed(T.Identifier);
    const readModel = {
      kind: 'readmodel' as const,
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: context.name,
      sources: [] as Reference[],
      fields: [] as Field[],
    };
    this.ACTION(() => context.readModels.push(readModel));
    this.OPTION(() => (readModel as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => {
      this.CONSUME(T.From);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, false, readModel.sources] });
    });
    this.OPTION3(() => this.SUBRULE(this.fieldBlock, { ARGS: [readModel.fields] }));
    this.close(readModel.range);
  });

  // ------------------------------------------------------------------ context maps

  private contextMap = this.RULE('contextMap', () => {
    const keyword = this.CONSUME(T.ContextMapKw);
    const name = this.consumeNamed(T.Identifier);
    const map: ContextMap = { kind: 'contextmap', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, relationships: [] };
    this.ACTION(() => this.declarations.push(map));
    this.OPTION(() => (map.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('a context map: expected Upstream [roles] -> Downstream [roles]', starts.identifiers, () => this.SUBRULE(this.relationship, { ARGS: [map] }));
    this.CONSUME(T.RCurly);
    this.close(map.range);
  });

  private relationshipSide = this.RULE('relationshipSide', (): RelationshipSide => {
    const name = this.SUBRULE(this.qualifiedName);
    const side: RelationshipSide = { context: this.reference(name, kinds.context), roles: [] };
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => side.roles.push(this.consumeNamed(T.AnyName)) });
      this.CONSUME(T.RBracket);
    });
    return side;
  });

  private relationship = this.RULE('relationship', (map: ContextMap = placeholderMap) => {
    const start = this.LA(1);
    const relationship: Relationship = {
      kind: 'relationship',
      uri: this.uri,
      range: this.tokenRange(start),
      map,
      left: { roles: [] },
      right: { roles: [] },
      shared: [],
    };
    this.ACTION(() => map.relationships.push(relationship));
    relationship.left = this.SUBRULE(this.relationshipSide);
    const arrow = this.OR([
      { ALT: () => this.CONSUME(T.RightArrow) },
      { ALT: () => this.CONSUME(T.LeftArrow) },
      { ALT: () => this.CONSUME(T.BothArrow) },
    ]);
    this.ACTION(() => {
      relationship.arrow = arrow.image as Relationship['arrow'];
      relationship.arrowRange = this.tokenRange(arrow);
    });
    relationship.right = this.SUBRULE2(this.relationshipSide);
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => {
        relationship.shared.push(this.reference(this.SUBRULE(this.qualifiedName), kinds.shared));
        this.OPTION2(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RCurly);
    });
    this.OPTION3(() => (relationship.description = this.SUBRULE(this.stringValue)));
    this.close(relationship.range);
  });

  // ------------------------------------------------------------------ sagas

  private stateName = this.RULE('stateName', (): StateName => {
    const token = this.CONSUME(T.Identifier);
    return { text: token.image, range: this.tokenRange(token) };
  });

  private saga = this.RULE('saga', () => {
    const keyword = this.CONSUME(T.Saga);
    const name = this.consumeNamed(T.Identifier);
    const saga: Saga = {
      kind: 'saga',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      style: 'orchestrated',
      steps: [],
      reactions: [],
    };
    this.ACTION(() => this.declarations.push(saga));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Orchestrated);
          this.CONSUME(T.By);
          saga.orchestrator = this.reference(this.SUBRULE(this.qualifiedName), kinds.context);
          this.OPTION(() => (saga.description = this.SUBRULE(this.stringValue)));
          this.CONSUME(T.LCurly);
          this.OPTION2(() => {
            this.CONSUME(T.Start);
            saga.start = this.SUBRULE(this.stateName);
          });
          this.members('an orchestrated saga: expected step Command on Context …', starts.steps, () => this.SUBRULE(this.sagaStep, { ARGS: [saga] }));
          this.CONSUME(T.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Choreographed);
          this.ACTION(() => (saga.style = 'choreographed'));
          this.OPTION3(() => (saga.description = this.SUBRULE2(this.stringValue)));
          this.CONSUME2(T.LCurly);
          this.many(MEMBERS + 1, {
            GATE: () => this.skipToMember('a choreographed saga: expected Context on Event emits Event', starts.identifiers),
            DEF: () => this.SUBRULE(this.reaction, { ARGS: [saga] }),
          });
          this.CONSUME2(T.RCurly);
        },
      },
    ]);
    this.close(saga.range);
  });

  private sagaStep = this.RULE('sagaStep', (saga: Saga = placeholderSaga) => {
    const keyword = this.CONSUME(T.Step);
    const step: SagaStep = { kind: 'sagaStep', uri: this.uri, range: this.tokenRange(keyword), idempotent: false };
    this.ACTION(() => saga.steps.push(step));
    step.command = this.reference(this.SUBRULE(this.qualifiedName), kinds.command, true);
    this.CONSUME(T.On);
    step.participant = this.reference(this.SUBRULE2(this.qualifiedName), kinds.context);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Reply);
            step.reply = this.reference(this.SUBRULE3(this.qualifiedName), kinds.event, true);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.RightArrow);
            step.successState = this.SUBRULE(this.stateName);
          },
        },
        {
          ALT: () => {
            const fails = this.CONSUME(T.Fails);
            const failure: NonNullable<SagaStep['failure']> = { range: this.tokenRange(fails) };
            this.OPTION(() => {
              this.CONSUME2(T.RightArrow);
              failure.state = this.SUBRULE2(this.stateName);
            });
            this.close(failure.range);
            step.failure = failure;
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Compensate);
            const compensation: NonNullable<SagaStep['compensation']> = { none: false, range: this.tokenRange(keyword) };
            this.OR2([
              { ALT: () => (this.CONSUME(T.None), (compensation.none = true)) },
              {
                ALT: () => {
                  compensation.command = this.reference(this.SUBRULE4(this.qualifiedName), kinds.command, true);
                  this.OPTION2(() => {
                    this.CONSUME3(T.RightArrow);
                    compensation.state = this.SUBRULE3(this.stateName);
                  });
                },
              },
            ]);
            this.close(compensation.range);
            step.compensation = compensation;
          },
        },
        { ALT: () => (this.CONSUME(T.Idempotent), (step.idempotent = true)) },
      ]);
    });
    this.ACTION(() => {
      // the step's command, reply and compensation belong to its participant's model
      const participant = step.participant?.text;
      if (!participant) return;
      for (const ref of [step.command, step.reply, step.compensation?.command]) if (ref) ref.scopeContext = participant;
    });
    this.close(step.range);
  });

  private reaction = this.RULE('reaction', (saga: Saga = placeholderSaga) => {
    const participant = this.SUBRULE(this.qualifiedName);
    const reaction: SagaReaction = {
      kind: 'reaction',
      uri: this.uri,
      range: { ...participant.range },
      participant: this.reference(participant, kinds.context),
      triggers: [],
      join: 'single',
      compensates: false,
      idempotent: false,
      emits: [],
      otherwise: [],
    };
    this.ACTION(() => saga.reactions.push(reaction));
    this.CONSUME(T.On);
    reaction.triggers.push(this.reference(this.SUBRULE2(this.qualifiedName), kinds.trigger, true));
    this.MANY(() => {
      const join = this.OR([{ ALT: () => (this.CONSUME(T.Or), 'or' as const) }, { ALT: () => (this.CONSUME(T.And), 'and' as const) }]);
      reaction.triggers.push(this.reference(this.SUBRULE3(this.qualifiedName), kinds.trigger, true));
      this.ACTION(() => {
        reaction.join = reaction.join === 'single' || reaction.join === join ? join : 'mixed';
      });
    });
    this.MANY2(() => {
      this.OR2([
        { ALT: () => (this.CONSUME(T.Compensates), (reaction.compensates = true)) },
        { ALT: () => (this.CONSUME(T.Idempotent), (reaction.idempotent = true)) },
      ]);
    });
    this.OPTION(() => {
      this.CONSUME(T.Emits);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, true, reaction.emits] });
      this.OPTION2(() => {
        this.CONSUME(T.Else);
        this.SUBRULE2(this.nameList, { ARGS: [kinds.event, true, reaction.otherwise] });
      });
    });
    this.ACTION(() => {
      const participant = reaction.participant?.text;
      if (participant) for (const ref of [...reaction.emits, ...reaction.otherwise]) ref.scopeContext = participant;
    });
    this.close(reaction.range);
  });

  // ------------------------------------------------------------------ event storming

  private storming = this.RULE('storming', () => {
    const keyword = this.CONSUME(T.Storming);
    const name = this.consumeNamed(T.Identifier);
    const board: StormingBoard = { kind: 'storming', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, stickies: [] };
    this.ACTION(() => this.declarations.push(board));
    this.OPTION(() => (board.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('a storming board: expected actor, command, event, policy, external, readmodel, aggregate or hotspot', starts.storming, () =>
      this.SUBRULE(this.sticky, { ARGS: [board] }),
    );
    this.CONSUME(T.RCurly);
    this.close(board.range);
  });

  private sticky = this.RULE('sticky', (board: StormingBoard = placeholderBoard) => {
    const start = this.LA(1);
    const sticky: Sticky = {
      kind: 'sticky',
      type: 'event',
      uri: this.uri,
      range: this.tokenRange(start),
      text: '',
      textRange: this.tokenRange(start),
      when: [],
      then: [],
      from: [],
    };
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Hotspot);
          const token = this.CONSUME(T.StringLiteral);
          this.ACTION(() => {
            sticky.type = 'hotspot';
            sticky.text = this.unquote(token.image);
            sticky.textRange = this.tokenRange(token);
            board.stickies.push(sticky);
          });
        },
      },
      {
        ALT: () => {
          const type = this.OR2(
            stickyKeywords.map(([token, type]) => ({ ALT: () => (this.CONSUME(token), type) })),
          );
          const name = this.SUBRULE(this.qualifiedName);
          this.ACTION(() => {
            sticky.type = type;
            sticky.text = name.text;
            sticky.textRange = name.range;
            const expected = stickyDeclarationKinds[type];
            if (expected) sticky.ref = this.reference(name, expected, true);
            board.stickies.push(sticky);
          });
          this.MANY(() => {
            this.OR3([
              { ALT: () => (this.CONSUME(T.By), (sticky.by = this.reference(this.SUBRULE2(this.qualifiedName), [], true))) },
              { ALT: () => (this.CONSUME(T.On), (sticky.on = this.reference(this.SUBRULE3(this.qualifiedName), kinds.aggregate, true))) },
              { ALT: () => (this.CONSUME(T.When), this.SUBRULE(this.nameList, { ARGS: [kinds.event, true, sticky.when] })) },
              { ALT: () => (this.CONSUME(T.Then), this.SUBRULE2(this.nameList, { ARGS: [kinds.command, true, sticky.then] })) },
              { ALT: () => (this.CONSUME(T.From), this.SUBRULE3(this.nameList, { ARGS: [kinds.event, true, sticky.from] })) },
            ]);
          });
        },
      },
    ]);
    this.OPTION(() => (sticky.description = this.SUBRULE(this.stringValue)));
    this.close(sticky.range);
  });
}

const stickyKeywords: [TokenType, Exclude<StickyType, 'hotspot'>][] = [
  [T.Actor, 'actor'],
  [T.Command, 'command'],
  [T.Event, 'event'],
  [T.Policy, 'policy'],
  [T.External, 'external'],
  [T.Readmodel, 'readmodel'],
  [T.Aggregate, 'aggregate'],
];

/** What a sticky of each type names in the model, if anything. */
const stickyDeclarationKinds: Partial<Record<StickyType, readonly ElementKind[]>> = {
  command: kinds.command,
  event: kinds.event,
  external: kinds.context,
  readmodel: kinds.readmodel,
  aggregate: kinds.aggregate,
};

let shared: DddParser | undefined;

/** The process-wide parser instance. */
export function dddParser(): DddParser {
  return (shared ??= new DddParser());
}
