/**
 * The most frequent declarations, read straight from the lexed tokens: a bounded
 * context whose members are its owner, glossary, aggregates and their building
 * blocks (entities, value objects, enums, commands and events with plain fields
 * and invariants, events that apply changes), repositories, services, event
 * streams and read models; and a domain with its subdomains.
 *
 * It builds the very elements and references the grammar's rules build for the
 * same tokens (test/syntax/shortcuts.test.ts holds the two equal on every .ddd
 * file of the repository, on generated models and on the forms next to these),
 * without chevrotain: no parser to build, no rule calls, no look-ahead
 * functions, no token objects. Most of a large model is such declarations, and
 * a process that checks one (`ddd check`, the language server's first parse)
 * spends most of its parse warming up chevrotain's engine.
 *
 * Anything else (another member, a mistake, a missing token) abandons the
 * declaration, having added nothing, and the grammar reads it as before: this
 * file only ever shortens the way to a result the grammar gives.
 */
import type {
  Aggregate,
  Assignment,
  AssignmentOperator,
  Command,
  ContextDeclaration,
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
  TextRange,
  TopLevelDeclaration,
  TypeReference,
  ValueObject,
} from '../model/elements';
import { emptyContextMembers } from '../model/context-members';
import { type BlockContainer, kinds, MAX_EXPRESSION_TERMS, MAX_TYPE_NESTING, noTypeArguments, type Owner, unquote } from './grammar/grammar-support';
import { imageAt, type LexedText } from './lexer';
import * as T from './tokens';

/** Thrown to abandon a declaration the reader does not take: the grammar reads it. */
const abandon = Symbol('abandon');

/** Token type indexes by name, and the categories' members (chevrotain's categoryMatchesMap), read once. */
const idx = (type: { tokenTypeIdx?: number }) => type.tokenTypeIdx!;
const Context = idx(T.Context);
const Aggregate = idx(T.Aggregate);
const Root = idx(T.Root);
const EntityKeyword = idx(T.Entity);
const Value = idx(T.Value);
const Enum = idx(T.Enum);
const CommandKeyword = idx(T.Command);
const Event = idx(T.Event);
const Emits = idx(T.Emits);
const Implements = idx(T.Implements);
const External = idx(T.External);
const Invariant = idx(T.Invariant);
const Eventsourced = idx(T.Eventsourced);
const StringLiteral = idx(T.StringLiteral);
const LCurly = idx(T.LCurly);
const RCurly = idx(T.RCurly);
const LAngle = idx(T.LAngle);
const RAngle = idx(T.RAngle);
const Colon = idx(T.Colon);
const Comma = idx(T.Comma);
const Question = idx(T.Question);
const LParen = idx(T.LParen);
const Key = idx(T.Key);
const RParen = idx(T.RParen);
const Owner = idx(T.Owner);
const Glossary = idx(T.Glossary);
const Repository = idx(T.Repository);
const For = idx(T.For);
const Service = idx(T.Service);
const Readmodel = idx(T.Readmodel);
const From = idx(T.From);
/** What may follow an operation's return type: its `throws`, `reads` or `writes` (the grammar's). */
const afterOperation = new Set([idx(T.Throws), idx(T.Reads), idx(T.Writes)]);
const Applies = idx(T.Applies);
const Stream = idx(T.Stream);
const Of = idx(T.Of);
const Expect = idx(T.Expect);
const Assign = idx(T.Assign);
const NumberLiteral = idx(T.NumberLiteral);
const Minus = idx(T.Minus);
const True = idx(T.True);
const False = idx(T.False);
const Domain = idx(T.Domain);
const Subdomain = idx(T.Subdomain);
/** The words that give a subdomain its type. */
const subdomainTypes = new Map<number, 'core' | 'supporting' | 'generic'>([
  [idx(T.Core), 'core'],
  [idx(T.Supporting), 'supporting'],
  [idx(T.Generic), 'generic'],
]);
/** The assignments of an event's `applies`, and the operators of an expression. */
const assignOperators = new Set([Assign, idx(T.PlusAssign), idx(T.MinusAssign)]);
const expressionOperators = new Set([idx(T.Plus), Minus, idx(T.Star)]);

/** Whether a token type index matches `category` as chevrotain's `tokenMatcher` decides. */
function matcher(category: { tokenTypeIdx?: number; categoryMatchesMap?: Record<number, boolean> }): (type: number) => boolean {
  const own = category.tokenTypeIdx!;
  const members = category.categoryMatchesMap ?? {};
  return (type) => type === own || members[type] === true;
}
const isAnyName = matcher(T.AnyName);
const isNameReference = matcher(T.NameReference);
const isIdentifier = matcher(T.Identifier);

/** Declarations read here and declarations left to the grammar (for tests that count work, never time). */
export const directReading = { read: 0, left: 0 };

/**
 * Reads the declaration of tokens `from` to `to` into `declarations` and `references`;
 * false, having added nothing to either, when it is not one of the forms read here.
 */
export function readDeclaration(lexed: LexedText, from: number, to: number, uri: string, declarations: TopLevelDeclaration[], references: Reference[]): boolean {
  const keyword = lexed.types[from];
  if (keyword !== Context && keyword !== Domain) {
    directReading.left++;
    return false;
  }
  const reader = new DirectReader(lexed, from, to, uri, references);
  const referenceCount = references.length;
  try {
    const declaration = keyword === Context ? reader.context() : reader.domain();
    if (!reader.atEnd()) throw abandon;
    declarations.push(declaration);
    directReading.read++;
    return true;
  } catch (error) {
    if (error !== abandon) throw error;
    references.length = referenceCount;
    directReading.left++;
    return false;
  }
}

class DirectReader {
  /** The next token. */
  private at: number;
  private scopeContext: string | undefined;
  private scopeAggregate: Aggregate | undefined;
  private typeDepth = 0;
  /** The owner spread into each building block, kept while it stays the same (as the grammar's is). */
  private owner: Owner = { contextName: '' };

  constructor(
    private readonly lexed: LexedText,
    from: number,
    private readonly to: number,
    private readonly uri: string,
    private readonly references: Reference[],
  ) {
    this.at = from;
  }

  atEnd(): boolean {
    return this.at === this.to;
  }

  // ------------------------------------------------------------------ tokens

  /** The type index of the token `ahead` tokens on (0: the next), -1 past the declaration. */
  private type(ahead = 0): number {
    const at = this.at + ahead;
    return at < this.to ? this.lexed.types[at]! : -1;
  }

  /** Takes the next token when it is of `type` (its index), else abandons. */
  private take(type: number): number {
    if (this.type() !== type) throw abandon;
    return this.at++;
  }

  private range(token: number): TextRange {
    return { start: this.lexed.starts[token]!, end: this.lexed.ends[token]! };
  }

  private name(token: number): Name {
    return { text: imageAt(this.lexed, token), range: this.range(token) };
  }

  /** Takes an identifier (a declaration's name). */
  private identifier(): Name {
    if (!isIdentifier(this.type())) throw abandon;
    return this.name(this.at++);
  }

  /** Ends `range` at the last token taken. */
  private close(range: TextRange): void {
    range.end = Math.max(range.start, this.lexed.ends[this.at - 1]!);
  }

  private string(): string {
    return unquote(imageAt(this.lexed, this.take(StringLiteral)));
  }

  private referenceAt(text: string, range: TextRange, expected: readonly ElementKind[]): Reference {
    const reference: Reference = {
      text,
      range,
      uri: this.uri,
      expected,
      soft: false,
      scopeContext: this.scopeContext,
      scopeAggregate: this.scopeAggregate,
      target: undefined,
      candidates: undefined,
    };
    this.references.push(reference);
    return reference;
  }

  /** `A, B.C`: references to declarations of the expected kinds, into `into`. */
  private nameList(expected: readonly ElementKind[], into: Reference[]): void {
    for (;;) {
      if (!isNameReference(this.type())) throw abandon;
      const name = this.name(this.at++);
      into.push(this.referenceAt(name.text, name.range, expected));
      if (this.type() !== Comma) return;
      this.at++;
    }
  }

  // ------------------------------------------------------------------ strategic design

  context(): ContextDeclaration {
    const keyword = this.take(Context);
    const name = this.identifier();
    const context: ContextDeclaration = {
      kind: 'contextDeclaration',
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      implements: [],
      external: false,
      ...emptyContextMembers(),
    };
    this.scopeContext = name.text;
    for (;;) {
      const next = this.type();
      if (next === Implements) {
        this.at++;
        this.nameList(kinds.implementsTarget, context.implements);
      } else if (next === External) {
        this.at++;
        context.external = true;
      } else if (next === StringLiteral) context.description = this.string();
      else if (next === LCurly || next === -1) break;
      else throw abandon;
    }
    if (this.type() === LCurly) {
      this.at++;
      while (this.type() !== RCurly) {
        this.scopeAggregate = undefined;
        switch (this.type()) {
          case Owner:
            this.ownerLine(context);
            break;
          case Glossary:
            this.glossary(context);
            break;
          case Aggregate:
            this.aggregate(context);
            break;
          case Repository:
            this.repository(context);
            break;
          case Service:
            this.service(context);
            break;
          case Readmodel:
            this.readModel(context);
            break;
          case Stream:
            this.stream(context);
            break;
          default:
            this.buildingBlock(context, context.name, undefined);
        }
      }
      this.at++;
    }
    this.close(context.range);
    return context;
  }

  /** `domain Shop "…" { core subdomain Ordering "…" … }` (subdomains that support requirements or have a body are the grammar's). */
  domain(): DomainDeclaration {
    const keyword = this.take(Domain);
    const name = this.identifier();
    const domain: DomainDeclaration = { kind: 'domain', name: name.text, uri: this.uri, range: this.range(keyword), nameRange: name.range, subdomains: [] };
    if (this.type() === StringLiteral) domain.description = this.string();
    if (this.type() === LCurly) {
      this.at++;
      while (this.type() !== RCurly) {
        const start = this.lexed.starts[this.at]!;
        const type = subdomainTypes.get(this.type());
        if (type) this.at++;
        this.take(Subdomain);
        const subdomainName = this.identifier();
        const subdomain = {
          kind: 'subdomain' as const,
          name: subdomainName.text,
          uri: this.uri,
          range: { start, end: subdomainName.range.end },
          nameRange: subdomainName.range,
          domain,
          implementedBy: [],
          ...(type ? { type } : {}),
        };
        domain.subdomains.push(subdomain);
        if (this.type() === StringLiteral) {
          (subdomain as { description?: string }).description = this.string();
          this.close(subdomain.range);
        }
      }
      this.at++;
    }
    this.close(domain.range);
    return domain;
  }

  /** `owner "The checkout team"` or `owner CheckoutTeam` (a team). */
  private ownerLine(context: ContextDeclaration): void {
    this.take(Owner);
    if (this.type() === StringLiteral) {
      const token = this.at;
      context.owner = { text: this.string(), range: this.range(token) };
      return;
    }
    if (!isNameReference(this.type())) throw abandon;
    const name = this.name(this.at++);
    context.owner = name;
    context.ownerTeam = this.referenceAt(name.text, name.range, kinds.team);
  }

  /** `glossary { Term: "definition" … }`. */
  private glossary(context: ContextDeclaration): void {
    this.take(Glossary);
    this.take(LCurly);
    while (this.type() !== RCurly) {
      let term: Name;
      if (this.type() === StringLiteral) {
        const token = this.at;
        term = { text: this.string(), range: this.range(token) };
      } else if (isAnyName(this.type())) term = this.name(this.at++);
      else throw abandon;
      this.take(Colon);
      const definition = this.string();
      if (this.type() === Comma) this.at++;
      context.glossary.push({
        kind: 'term',
        name: term.text,
        uri: this.uri,
        range: { start: term.range.start, end: this.lexed.ends[this.at - 1]! },
        nameRange: term.range,
        definition,
        contextName: context.name,
      });
    }
    this.at++;
  }

  // ------------------------------------------------------------------ tactical design

  private repository(context: ContextDeclaration): void {
    const keyword = this.take(Repository);
    const name = this.identifier();
    const repository = {
      kind: 'repository' as const,
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      contextName: context.name,
      operations: [] as Operation[],
      aggregate: undefined as Reference | undefined,
    };
    context.repositories.push(repository);
    this.take(For);
    if (!isNameReference(this.type())) throw abandon;
    const root = this.name(this.at++);
    repository.aggregate = this.referenceAt(root.text, root.range, kinds.aggregateRoot);
    if (this.type() === StringLiteral) (repository as { description?: string }).description = this.string();
    if (this.type() === LCurly) this.operationBlock(repository.operations);
    this.close(repository.range);
  }

  /** A service of the context (one in an aggregate is the grammar's). */
  private service(context: ContextDeclaration): void {
    const keyword = this.take(Service);
    const name = this.identifier();
    const service = {
      kind: 'service' as const,
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      contextName: context.name,
      operations: [] as Operation[],
    };
    context.services.push(service);
    if (this.type() === StringLiteral) (service as { description?: string }).description = this.string();
    if (this.type() === LCurly) this.operationBlock(service.operations);
    this.close(service.range);
  }

  private readModel(context: ContextDeclaration): void {
    const keyword = this.take(Readmodel);
    const name = this.identifier();
    const readModel = {
      kind: 'readmodel' as const,
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      contextName: context.name,
      sources: [] as Reference[],
      fields: [] as Field[],
    };
    context.readModels.push(readModel);
    if (this.type() === StringLiteral) (readModel as { description?: string }).description = this.string();
    if (this.type() === From) {
      this.at++;
      this.nameList(kinds.readModelSource, readModel.sources);
    }
    if (this.type() === LCurly) this.structureBody(readModel.fields, undefined);
    this.close(readModel.range);
  }

  /** `{ find(id: OrderId): Order … }`: operations with parameters and a return type (visibility, throws, reads and writes are the grammar's). */
  private operationBlock(operations: Operation[]): void {
    this.take(LCurly);
    while (this.type() !== RCurly) {
      if (!isAnyName(this.type()) || this.type(1) !== LParen) throw abandon;
      const name = this.name(this.at);
      this.at += 2;
      const operation: Operation = { kind: 'operation', name: name.text, uri: this.uri, range: { ...name.range }, nameRange: name.range, parameters: [] };
      operations.push(operation);
      while (this.type() !== RParen) {
        if (!isAnyName(this.type())) throw abandon;
        const parameter = this.name(this.at++);
        this.take(Colon);
        const type = this.typeReference();
        operation.parameters.push({ kind: 'field', name: parameter.text, uri: this.uri, range: { start: parameter.range.start, end: type.range.end }, nameRange: parameter.range, type });
        if (this.type() !== Comma) break;
        this.at++;
        // a comma must be followed by a parameter
        if (this.type() === RParen) throw abandon;
      }
      this.take(RParen);
      if (this.type() === Colon) {
        this.at++;
        operation.returns = this.typeReference();
      }
      if (afterOperation.has(this.type())) throw abandon;
      this.close(operation.range);
    }
    this.at++;
  }

  private aggregate(context: ContextDeclaration): void {
    const keyword = this.take(Aggregate);
    const name = this.identifier();
    const aggregate: Aggregate = {
      kind: 'aggregate',
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      contextName: context.name,
      eventSourced: false,
      entities: [],
      values: [],
      enums: [],
      commands: [],
      events: [],
      services: [],
      invariants: [],
      hasBody: false,
    };
    context.aggregates.push(aggregate);
    this.scopeAggregate = aggregate;
    if (this.type() === Eventsourced) {
      this.at++;
      aggregate.eventSourced = true;
    }
    if (this.type() === StringLiteral) aggregate.description = this.string();
    if (this.type() === LCurly) {
      this.at++;
      aggregate.hasBody = true;
      while (this.type() !== RCurly) {
        if (this.type() === Invariant && this.type(1) === StringLiteral) {
          const start = this.lexed.starts[this.at++]!;
          const text = this.string();
          aggregate.invariants.push({ text, range: { start, end: this.lexed.ends[this.at - 1]! } });
        } else this.buildingBlock(aggregate, aggregate.contextName, aggregate);
      }
      this.at++;
    }
    this.close(aggregate.range);
  }

  private buildingBlock(container: BlockContainer, contextName: string, aggregate: Aggregate | undefined): void {
    if (this.owner.contextName !== contextName || this.owner.aggregate !== aggregate) this.owner = aggregate ? { contextName, aggregate } : { contextName };
    switch (this.type()) {
      case Root:
      case EntityKeyword:
        return this.entity(container);
      case Value:
        return this.valueObject(container);
      case Enum:
        return this.enumType(container);
      case CommandKeyword:
        return this.command(container);
      case Event:
        return this.event(container);
      default:
        throw abandon;
    }
  }

  private entity(container: BlockContainer): void {
    const start = this.at;
    let rootRange: TextRange | undefined;
    if (this.type() === Root) rootRange = this.range(this.at++);
    this.take(EntityKeyword);
    const name = this.identifier();
    const entity: Entity = {
      kind: 'entity',
      name: name.text,
      uri: this.uri,
      range: this.range(start),
      nameRange: name.range,
      ...this.owner,
      root: rootRange !== undefined,
      abstract: false,
      fields: [],
      invariants: [],
      operations: [],
    };
    if (rootRange) entity.rootRange = rootRange;
    container.entities.push(entity);
    if (this.type() === StringLiteral) entity.description = this.string();
    if (this.type() === LCurly) this.structureBody(entity.fields, entity.invariants);
    this.close(entity.range);
  }

  private valueObject(container: BlockContainer): void {
    const start = this.take(Value);
    const name = this.identifier();
    const value: ValueObject = {
      kind: 'value',
      name: name.text,
      uri: this.uri,
      range: this.range(start),
      nameRange: name.range,
      ...this.owner,
      abstract: false,
      fields: [],
      invariants: [],
      operations: [],
    };
    container.values.push(value);
    if (this.type() === StringLiteral) value.description = this.string();
    if (this.type() === LCurly) this.structureBody(value.fields, value.invariants);
    this.close(value.range);
  }

  private enumType(container: BlockContainer): void {
    const start = this.take(Enum);
    const name = this.identifier();
    const type: EnumType = {
      kind: 'enum',
      name: name.text,
      uri: this.uri,
      range: this.range(start),
      nameRange: name.range,
      ...this.owner,
      values: [],
      fields: [],
      lifecycle: false,
    };
    container.enums.push(type);
    if (this.type() === StringLiteral) type.description = this.string();
    this.take(LCurly);
    while (this.type() !== RCurly) {
      // a value: `PETROL` (a field, `label: String`, or arguments, `PETROL("Petrol")`, are the grammar's)
      if (!isAnyName(this.type()) || this.type(1) === Colon || this.type(1) === LParen) throw abandon;
      const value = this.name(this.at++);
      type.values.push({ kind: 'enumValue', name: value.text, uri: this.uri, range: { ...value.range }, nameRange: value.range });
      if (this.type() === Comma) this.at++;
    }
    this.at++;
    this.close(type.range);
  }

  private command(container: BlockContainer): void {
    const start = this.take(CommandKeyword);
    const name = this.identifier();
    const command: Command = {
      kind: 'command',
      name: name.text,
      uri: this.uri,
      range: this.range(start),
      nameRange: name.range,
      ...this.owner,
      abstract: false,
      fields: [],
      emits: [],
    };
    container.commands.push(command);
    if (this.type() === StringLiteral) command.description = this.string();
    if (this.type() === LCurly) this.structureBody(command.fields, undefined);
    if (this.type() === Emits) {
      this.at++;
      this.nameList(kinds.event, command.emits);
    }
    this.close(command.range);
  }

  private event(container: BlockContainer): void {
    const start = this.take(Event);
    const name = this.identifier();
    const event: DomainEvent = {
      kind: 'event',
      name: name.text,
      uri: this.uri,
      range: this.range(start),
      nameRange: name.range,
      ...this.owner,
      abstract: false,
      fields: [],
      applies: [],
    };
    container.events.push(event);
    if (this.type() === StringLiteral) event.description = this.string();
    if (this.type() === LCurly) this.structureBody(event.fields, undefined);
    if (this.type() === Applies) {
      this.at++;
      this.assignment(event.applies);
      while (this.type() === Comma) {
        this.at++;
        this.assignment(event.applies);
      }
    }
    this.close(event.range);
  }

  /** `balance += amount`: a change an event applies to its aggregate's state. */
  private assignment(into: Assignment[]): void {
    if (!isAnyName(this.type()) || !assignOperators.has(this.type(1))) throw abandon;
    const field = this.name(this.at++);
    const operator = imageAt(this.lexed, this.at++) as AssignmentOperator;
    const assignment: Assignment = { field, operator, range: { ...field.range } };
    into.push(assignment);
    assignment.expression = this.expression();
    this.close(assignment.range);
  }

  /** Numbers, strings and field names joined by `+`, `-` and `*`, left to right. */
  private expression(): Expression {
    let left = this.term();
    let terms = 1;
    while (expressionOperators.has(this.type()) && terms < MAX_EXPRESSION_TERMS) {
      const operator = imageAt(this.lexed, this.at++) as '+' | '-' | '*';
      const right = this.term();
      terms++;
      left = { kind: 'binary', operator, left, right, range: { start: left.range.start, end: right.range.end } };
    }
    return left;
  }

  private term(): Expression {
    const type = this.type();
    const token = this.at;
    if (type === NumberLiteral) {
      this.at++;
      return { kind: 'number', value: Number(imageAt(this.lexed, token)), range: this.range(token) };
    }
    if (type === Minus && this.type(1) === NumberLiteral) {
      this.at += 2;
      return { kind: 'number', value: -Number(imageAt(this.lexed, token + 1)), range: { start: this.lexed.starts[token]!, end: this.lexed.ends[token + 1]! } };
    }
    if (type === StringLiteral) return { kind: 'string', value: this.string(), range: this.range(token) };
    if (!isAnyName(type)) throw abandon;
    this.at++;
    if (type === True || type === False) return { kind: 'boolean', value: type === True, range: this.range(token) };
    return { kind: 'name', name: imageAt(this.lexed, token), range: this.range(token) };
  }

  /** A number, a negative number, a string, true or false. */
  private literal(): LiteralValue {
    const type = this.type();
    if (type === NumberLiteral) return Number(imageAt(this.lexed, this.at++));
    if (type === Minus && this.type(1) === NumberLiteral) {
      this.at += 2;
      return -Number(imageAt(this.lexed, this.at - 1));
    }
    if (type === StringLiteral) return this.string();
    if (type === True || type === False) {
      this.at++;
      return type === True;
    }
    throw abandon;
  }

  /** `stream Sample of Account { Opened(initial: 0) … expect balance = 0 }`. */
  private stream(context: ContextDeclaration): void {
    const keyword = this.take(Stream);
    const name = this.identifier();
    const stream: EventStream = {
      kind: 'stream',
      name: name.text,
      uri: this.uri,
      range: this.range(keyword),
      nameRange: name.range,
      contextName: context.name,
      events: [],
      expectations: [],
    };
    context.streams.push(stream);
    this.take(Of);
    if (!isNameReference(this.type())) throw abandon;
    const aggregate = this.name(this.at++);
    stream.aggregate = this.referenceAt(aggregate.text, aggregate.range, kinds.streamOf);
    this.take(LCurly);
    while (this.type() !== RCurly) {
      if (this.type() === Expect) {
        this.at++;
        for (;;) {
          if (!isAnyName(this.type())) throw abandon;
          const field = this.name(this.at++);
          this.take(Assign);
          const value = this.literal();
          stream.expectations.push({ field, value, range: { start: field.range.start, end: this.lexed.ends[this.at - 1]! } });
          if (this.type() !== Comma) break;
          this.at++;
        }
        continue;
      }
      if (!isNameReference(this.type())) throw abandon;
      const eventName = this.name(this.at++);
      const entry = { event: this.referenceAt(eventName.text, eventName.range, kinds.event), arguments: [] as EventStream['events'][number]['arguments'], range: { ...eventName.range } };
      stream.events.push(entry);
      this.take(LParen);
      while (this.type() !== RParen) {
        if (!isAnyName(this.type())) throw abandon;
        const argument = this.name(this.at++);
        this.take(Colon);
        const value = this.literal();
        entry.arguments.push({ name: argument, value, range: { start: argument.range.start, end: this.lexed.ends[this.at - 1]! } });
        if (this.type() !== Comma) break;
        this.at++;
        if (this.type() === RParen) throw abandon;
      }
      this.take(RParen);
      this.close(entry.range);
    }
    this.at++;
    this.close(stream.range);
  }

  /** `{ name: Type … }`, and `invariant "…"` lines when `invariants` is given. */
  private structureBody(fields: Field[], invariants: { text: string; range: TextRange }[] | undefined): void {
    this.take(LCurly);
    while (this.type() !== RCurly) {
      if (invariants && this.type() === Invariant && this.type(1) === StringLiteral) {
        const start = this.lexed.starts[this.at++]!;
        const text = this.string();
        invariants.push({ text, range: { start, end: this.lexed.ends[this.at - 1]! } });
      } else fields.push(this.field());
    }
    this.at++;
  }

  /** `name: Type`, `name: List<Type>`, `name: Type?`, and a comma after it. */
  private field(): Field {
    const nameType = this.type();
    // `key name: Type` and anything that is no field are the grammar's
    if (nameType === Key || !isAnyName(nameType) || this.type(1) !== Colon) throw abandon;
    const name = this.name(this.at);
    this.at += 2;
    const type = this.typeReference();
    if (this.type() === Comma) this.at++;
    const field: Field = { kind: 'field', name: name.text, uri: this.uri, range: { start: name.range.start, end: name.range.end }, nameRange: name.range, type };
    this.close(field.range);
    return field;
  }

  private typeReference(): TypeReference {
    if (!isNameReference(this.type())) throw abandon;
    const token = this.at++;
    const range = this.range(token);
    const text = imageAt(this.lexed, token);
    const type: TypeReference = { text, range, name: this.referenceAt(text, range, kinds.type), args: noTypeArguments, optional: false };
    const next = this.type();
    if (next !== LAngle && next !== Question) return type;
    let args: TypeReference[] | undefined;
    if (next === LAngle) args = this.typeArguments();
    const optional = this.type() === Question;
    if (optional) this.at++;
    const name = type.name;
    type.args = args ?? [];
    type.optional = optional;
    type.range = { start: name.range.start, end: name.range.end };
    this.close(type.range);
    type.text = name.text + (type.args.length ? `<${type.args.map((arg) => arg.text).join(', ')}>` : '') + (optional ? '?' : '');
    return type;
  }

  /** `<A, B>` after a type name. */
  private typeArguments(): TypeReference[] {
    this.take(LAngle);
    if (++this.typeDepth > MAX_TYPE_NESTING) throw abandon;
    const args: TypeReference[] = [this.typeReference()];
    while (this.type() === Comma) {
      this.at++;
      args.push(this.typeReference());
    }
    this.typeDepth--;
    this.take(RAngle);
    return args;
  }
}
