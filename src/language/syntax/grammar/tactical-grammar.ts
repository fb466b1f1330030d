/** Aggregates and their building blocks, repositories and services. */
import type {
  Aggregate,
  Assignment,
  AssignmentOperator,
  Command,
  ContextDeclaration,
  DomainEvent,
  Entity,
  EnumType,
  Expression,
  Operation,
  Reference,
  TextRange,
  ValueObject,
} from '../../model/elements';
import { type BlockContainer, type Owner, placeholderContext, starts, expectedMember, MAX_EXPRESSION_TERMS, kinds } from './grammar-support';
import { AttributeGrammar } from './attribute-grammar';
import * as T from '../tokens';
import { tokenEnd, tokenStart } from '../tokens';

export abstract class TacticalGrammar extends AttributeGrammar {
  // ------------------------------------------------------------------ tactical design

  protected aggregate = this.RULE('aggregate', (context: ContextDeclaration = placeholderContext) => {
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
      // ---- Context Mapper parity (issue 13): `aggregate Payouts` without a body is a sketch
      hasBody: false,
    };
    if (!this.RECORDING_PHASE) {
      context.aggregates.push(aggregate);
      this.scopeAggregate = aggregate;
    }
    this.OPTION(() => (this.CONSUME(T.Eventsourced), (aggregate.eventSourced = true)));
    this.OPTION2(() => (aggregate.description = this.SUBRULE(this.stringValue)));
    this.OPTION3(() => {
      this.CONSUME(T.LCurly);
      if (!this.RECORDING_PHASE) {
        aggregate.hasBody = true;
        this.memberAggregate = aggregate;
      }
      this.members(expectedMember.aggregate, starts.aggregate, this.aggregateMemberOr);
      this.CONSUME(T.RCurly);
    });
    this.close(aggregate.range);
  });

  /** Entities, value objects, enums, commands and events: in an aggregate or a context. */
  /** The aggregate whose member is being parsed (aggregates do not nest). */
  private memberAggregate: Aggregate | undefined;

  private readonly aggregateMemberKinds = [
    // ---- Context Mapper parity (issue 13): owner, responsibilities, features, changes, qualities
    { ALT: () => this.SUBRULE(this.aggregateAttributeLine, { ARGS: [this.memberAggregate ?? {}] }) },
    // ---- end of the attribute lines
    {
      ALT: () => {
        const keyword = this.CONSUME(T.Invariant);
        const text = this.SUBRULE2(this.stringValue);
        if (!this.RECORDING_PHASE) this.memberAggregate?.invariants.push({ text, range: { start: tokenStart(keyword), end: tokenEnd(this.LA(0)) } });
      },
    },
    {
      ALT: () =>
        this.SUBRULE(this.buildingBlock, {
          ARGS: [this.memberAggregate ?? placeholderContext, this.memberAggregate?.contextName ?? '', this.memberAggregate],
        }),
    },
  ];

  private readonly aggregateMemberOr = () => this.OR(this.aggregateMemberKinds);

  /** Where the building block being parsed goes (blocks do not nest). */
  private blockContainer: BlockContainer = placeholderContext;
  private blockOwner: Owner = { contextName: '' };

  override release(): void {
    super.release();
    this.memberAggregate = undefined;
    this.blockContainer = placeholderContext;
    this.blockOwner = { contextName: '' };
  }

  /** Built once: an OR's alternatives are otherwise allocated for every block parsed. */
  private readonly blockKinds = [
    { ALT: () => this.SUBRULE(this.entity, { ARGS: [this.blockContainer, this.blockOwner] }) },
    { ALT: () => this.SUBRULE(this.valueObject, { ARGS: [this.blockContainer, this.blockOwner] }) },
    { ALT: () => this.SUBRULE(this.enumType, { ARGS: [this.blockContainer, this.blockOwner] }) },
    { ALT: () => this.SUBRULE(this.command, { ARGS: [this.blockContainer, this.blockOwner] }) },
    { ALT: () => this.SUBRULE(this.event, { ARGS: [this.blockContainer, this.blockOwner] }) },
  ];

  protected buildingBlock = this.RULE('buildingBlock', (container: BlockContainer = placeholderContext, contextName = '', aggregate?: Aggregate) => {
    if (!this.RECORDING_PHASE) {
      this.blockContainer = container;
      if (this.blockOwner.contextName !== contextName || this.blockOwner.aggregate !== aggregate) {
        this.blockOwner = aggregate ? { contextName, aggregate } : { contextName };
      }
    }
    this.OR(this.blockKinds);
  });

  protected entity = this.RULE('entity', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
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
    if (!this.RECORDING_PHASE) {
      if (rootRange) entity.rootRange = rootRange;
      container.entities.push(entity);
    }
    this.OPTION2(() => (entity.description = this.SUBRULE(this.stringValue)));
    this.OPTION3(() => this.SUBRULE(this.structureBody, { ARGS: [entity] }));
    this.close(entity.range);
  });

  protected valueObject = this.RULE('valueObject', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
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
    if (!this.RECORDING_PHASE) container.values.push(value);
    this.OPTION(() => (value.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.structureBody, { ARGS: [value] }));
    this.close(value.range);
  });

  protected enumType = this.RULE('enumType', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
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
    if (!this.RECORDING_PHASE) container.enums.push(type);
    this.OPTION(() => (type.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('an enum: expected its values', starts.names, () => {
      const value = this.consumeNamed(T.AnyName);
      this.OPTION2(() => this.CONSUME(T.Comma));
      if (!this.RECORDING_PHASE) type.values.push({ kind: 'enumValue', name: value.text, uri: this.uri, range: value.range, nameRange: value.range });
    });
    this.CONSUME(T.RCurly);
    this.close(type.range);
  });

  protected command = this.RULE('command', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
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
    if (!this.RECORDING_PHASE) container.commands.push(command);
    this.OPTION(() => (command.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.fieldBlock, { ARGS: [command.fields] }));
    this.OPTION3(() => {
      this.CONSUME(T.Emits);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, false, command.emits] });
    });
    this.close(command.range);
  });

  protected event = this.RULE('event', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
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
    if (!this.RECORDING_PHASE) container.events.push(event);
    this.OPTION(() => (event.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.SUBRULE(this.fieldBlock, { ARGS: [event.fields] }));
    this.OPTION3(() => {
      this.CONSUME(T.Applies);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.assignment, { ARGS: [event.applies] }) });
    });
    this.close(event.range);
  });

  protected assignment = this.RULE('assignment', (into: Assignment[] = []) => {
    const field = this.consumeNamed(T.AnyName);
    const operatorToken = this.OR([
      { ALT: () => this.CONSUME(T.Assign) },
      { ALT: () => this.CONSUME(T.PlusAssign) },
      { ALT: () => this.CONSUME(T.MinusAssign) },
    ]);
    const assignment: Assignment = { field, operator: operatorToken.image as AssignmentOperator, range: { ...field.range } };
    if (!this.RECORDING_PHASE) into.push(assignment);
    const expression = this.SUBRULE(this.expression);
    if (!this.RECORDING_PHASE) {
      if (expression) assignment.expression = expression;
    }
    this.close(assignment.range);
  });

  /** Numbers, strings and field names joined by `+`, `-` and `*`, left to right. */
  protected expression = this.RULE('expression', (): Expression => {
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
        if (!this.RECORDING_PHASE) {
          terms++;
          if (!left || !right) return;
          left = {
            kind: 'binary',
            operator: operator.image as '+' | '-' | '*',
            left,
            right,
            range: { start: left.range.start, end: right.range.end },
          };
        }
      },
    });
    return left;
  });

  protected term = this.RULE('term', (): Expression => {
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
          return { kind: 'number', value: -Number(token.image), range: { start: tokenStart(minus), end: tokenEnd(token) } };
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

  protected repository = this.RULE('repository', (context: ContextDeclaration = placeholderContext) => {
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
    if (!this.RECORDING_PHASE) context.repositories.push(repository);
    this.CONSUME(T.For);
    repository.aggregate = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.aggregateRoot);
    this.OPTION(() => (repository as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => this.SUBRULE(this.operationBlock, { ARGS: [repository.operations] }));
    this.close(repository.range);
  });

  protected operationBlock = this.RULE('operationBlock', (operations: Operation[] = []) => {
    this.CONSUME(T.LCurly);
    this.members('a block of operations: expected name(parameter: Type): Type', starts.names, () => this.SUBRULE(this.operation, { ARGS: [operations] }));
    this.CONSUME(T.RCurly);
  });

  protected service = this.RULE('service', (context: ContextDeclaration = placeholderContext) => {
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
    if (!this.RECORDING_PHASE) context.services.push(service);
    this.OPTION(() => (service as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => this.SUBRULE(this.operationBlock, { ARGS: [service.operations] }));
    this.close(service.range);
  });
}
