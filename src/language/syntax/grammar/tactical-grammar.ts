/** Aggregates and their building blocks, repositories and services. */
import type {
  Aggregate,
  Assignment,
  AssignmentOperator,
  ContextDeclaration,
  ContextMembers,
  DomainService,
  EnumType,
  Expression,
  LiteralValue,
  Module,
  Operation,
  Reference,
  TextRange,
} from '../../model/elements';
import { contextMemberKeys } from '../constructs';
import { newAggregate, newCommand, newEntity, newEnumType, newEvent, newField, newValueObject, newRepository } from '../element-shapes';
import { type BlockContainer, type Owner, placeholderContext, starts, expectedMember, MAX_EXPRESSION_TERMS, kinds } from './grammar-support';
import { AttributeGrammar } from './attribute-grammar';
import * as T from '../tokens';
import { tokenEnd, tokenStart } from '../tokens';

export abstract class TacticalGrammar extends AttributeGrammar {
  // ------------------------------------------------------------------ tactical design

  protected aggregate = this.RULE('aggregate', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Aggregate);
    const name = this.consumeNamed(T.Identifier);
    const aggregate = newAggregate(name, this.uri, this.tokenRange(keyword), context.name);
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
    // services inside aggregates (Context Mapper parity)
    {
      ALT: () =>
        this.SUBRULE(this.service, {
          ARGS: [this.memberAggregate ?? placeholderContext, { contextName: this.memberAggregate?.contextName ?? '', aggregate: this.memberAggregate }],
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
    this.moduleContext = placeholderContext;
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

  /** `abstract` before an entity, value object, command or event. */
  private readonly consumeAbstract = () => this.CONSUME(T.Abstract);

  /** `extends Base` after the name of an entity, value object, command or event. */
  protected extendsClause = this.RULE('extendsClause', (): Reference => {
    this.CONSUME(T.Extends);
    return this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.extends);
  });

  protected entity = this.RULE('entity', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    let rootRange: TextRange | undefined;
    const isAbstract = this.OPTION4(this.consumeAbstract) !== undefined;
    this.OPTION(() => (rootRange = this.tokenRange(this.CONSUME(T.Root))));
    this.CONSUME(T.Entity);
    const name = this.consumeNamed(T.Identifier);
    const entity = newEntity(name, this.uri, this.tokenRange(start), owner, rootRange !== undefined, isAbstract);
    if (!this.RECORDING_PHASE) {
      if (rootRange) entity.rootRange = rootRange;
      container.entities.push(entity);
    }
    this.OPTION5(() => (entity.extends = this.SUBRULE(this.extendsClause)));
    this.OPTION2(() => (entity.description = this.SUBRULE(this.stringValue)));
    this.OPTION3(() => this.simpleBlock(entity.fields, entity.invariants) || this.SUBRULE(this.structureBody, { ARGS: [entity] }));
    this.close(entity.range);
  });

  protected valueObject = this.RULE('valueObject', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    const isAbstract = this.OPTION3(this.consumeAbstract) !== undefined;
    this.CONSUME(T.Value);
    const name = this.consumeNamed(T.Identifier);
    const value = newValueObject(name, this.uri, this.tokenRange(start), owner, isAbstract);
    if (!this.RECORDING_PHASE) container.values.push(value);
    this.OPTION4(() => (value.extends = this.SUBRULE(this.extendsClause)));
    this.OPTION(() => (value.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.simpleBlock(value.fields, value.invariants) || this.SUBRULE(this.structureBody, { ARGS: [value] }));
    this.close(value.range);
  });

  protected enumType = this.RULE('enumType', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    const lifecycle = this.OPTION3(() => this.CONSUME(T.Lifecycle));
    this.CONSUME(T.Enum);
    const name = this.consumeNamed(T.Identifier);
    const type = newEnumType(name, this.uri, this.tokenRange(start), owner, lifecycle !== undefined);
    if (!this.RECORDING_PHASE) {
      if (lifecycle) type.lifecycleRange = this.tokenRange(lifecycle);
      container.enums.push(type);
    }
    this.OPTION(() => (type.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('an enum: expected its values (and fields, name: Type)', starts.names, () => this.SUBRULE(this.enumMember, { ARGS: [type] }));
    this.CONSUME(T.RCurly);
    this.close(type.range);
  });

  /** `label: String` (a field each value gives), or a value: `PETROL`, `PETROL("Petrol")`. */
  protected enumMember = this.RULE('enumMember', (type: EnumType = placeholderEnum) => {
    const name = this.consumeNamed(T.AnyName);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Colon);
          const fieldType = this.SUBRULE(this.typeReference);
          this.OPTION(() => this.CONSUME(T.Comma));
          if (!this.RECORDING_PHASE) {
            type.fields.push(newField(name.text, name.range, this.uri, fieldType?.range?.end ?? name.range.end, fieldType));
          }
        },
      },
      {
        ALT: () => {
          const value = { kind: 'enumValue' as const, name: name.text, uri: this.uri, range: { ...name.range }, nameRange: name.range };
          if (!this.RECORDING_PHASE) type.values.push(value);
          this.OPTION2(() => {
            const args: LiteralValue[] = [];
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.literal)) });
            this.CONSUME(T.RParen);
            if (!this.RECORDING_PHASE) {
              (value as { arguments?: LiteralValue[] }).arguments = args;
              this.close(value.range);
            }
          });
          this.OPTION3(() => this.CONSUME2(T.Comma));
        },
      },
    ]);
  });

  protected command = this.RULE('command', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    const isAbstract = this.OPTION6(this.consumeAbstract) !== undefined;
    this.CONSUME(T.Command);
    const name = this.consumeNamed(T.Identifier);
    const command = newCommand(name, this.uri, this.tokenRange(start), owner, isAbstract);
    if (!this.RECORDING_PHASE) container.commands.push(command);
    this.OPTION5(() => (command.extends = this.SUBRULE(this.extendsClause)));
    this.OPTION(() => (command.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.simpleBlock(command.fields) || this.SUBRULE(this.fieldBlock, { ARGS: [command.fields] }));
    this.OPTION3(() => {
      this.CONSUME(T.Emits);
      this.SUBRULE(this.nameList, { ARGS: [kinds.event, false, command.emits] });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Writes);
      command.writes = this.SUBRULE(this.stateTransition);
    });
    this.close(command.range);
  });

  protected event = this.RULE('event', (container: BlockContainer = placeholderContext, owner: Owner = { contextName: '' }) => {
    const start = this.LA(1);
    const isAbstract = this.OPTION4(this.consumeAbstract) !== undefined;
    this.CONSUME(T.Event);
    const name = this.consumeNamed(T.Identifier);
    const event = newEvent(name, this.uri, this.tokenRange(start), owner, isAbstract);
    if (!this.RECORDING_PHASE) container.events.push(event);
    this.OPTION5(() => (event.extends = this.SUBRULE(this.extendsClause)));
    this.OPTION(() => (event.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => this.simpleBlock(event.fields) || this.SUBRULE(this.fieldBlock, { ARGS: [event.fields] }));
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
    const repository = newRepository(name, this.uri, this.tokenRange(keyword), context.name);
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

  /** A service: of a context (its domain services), of an aggregate, or of the application layer. */
  protected service = this.RULE('service', (container: Pick<ContextMembers, 'services'> = placeholderContext, owner: Owner = { contextName: '' }) => {
    const keyword = this.CONSUME(T.Service);
    const name = this.consumeNamed(T.Identifier);
    const service: DomainService = {
      kind: 'service' as const,
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      contextName: owner.contextName,
      operations: [] as Operation[],
    };
    if (!this.RECORDING_PHASE) {
      if (owner.aggregate) service.aggregate = owner.aggregate;
      container.services.push(service);
    }
    this.OPTION(() => (service as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => this.SUBRULE(this.operationBlock, { ARGS: [service.operations] }));
    this.close(service.range);
  });

  // ------------------------------------------------------------------ modules

  /** The context and module whose member is being parsed (modules do not nest). */
  private moduleContext: ContextDeclaration = placeholderContext;

  private readonly moduleMemberKinds = [
    { ALT: () => this.SUBRULE(this.aggregate, { ARGS: [this.moduleContext] }) },
    { ALT: () => this.SUBRULE(this.repository, { ARGS: [this.moduleContext] }) },
    { ALT: () => this.SUBRULE(this.service, { ARGS: [this.moduleContext, { contextName: this.moduleContext.name }] }) },
    { ALT: () => this.SUBRULE(this.buildingBlock, { ARGS: [this.moduleContext, this.moduleContext.name] }) },
  ];

  /** `module Name { … }`: its members join the context's lists and know their module. */
  protected module = this.RULE('module', (context: ContextDeclaration = placeholderContext) => {
    const keyword = this.CONSUME(T.Module);
    // any word: Context Mapper's modules are often named in lower case, `module cargo`, even `module module`
    const name = this.consumeNamed(T.AnyName);
    const module: Module = { kind: 'module', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, contextName: context.name };
    if (!this.RECORDING_PHASE) context.modules.push(module);
    this.OPTION(() => (module.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.module, starts.module, () => {
      const before = this.RECORDING_PHASE ? undefined : memberCounts(context);
      if (!this.RECORDING_PHASE) {
        this.moduleContext = context;
        this.scopeAggregate = undefined;
      }
      this.OR(this.moduleMemberKinds);
      if (before) markNewMembers(context, before, 'module', module);
    });
    this.CONSUME(T.RCurly);
    this.close(module.range);
  });
}

/** How many members each list of a context holds (before a member of a module or an application is parsed). */
export function memberCounts(context: ContextMembers): number[] {
  return contextMemberKeys.map((key) => context[key].length);
}

/** Marks the members added to `context` since `before` as declared in a module or an application layer. */
export function markNewMembers(context: ContextMembers, before: readonly number[], property: 'module' | 'application', value: object): void {
  contextMemberKeys.forEach((key, i) => {
    const list = context[key] as unknown as Record<string, unknown>[];
    for (let j = before[i] ?? list.length; j < list.length; j++) if (list[j]) list[j]![property] = value;
  });
}

const placeholderEnum: EnumType = { kind: 'enum', name: '', uri: '', range: { start: 0, end: 0 }, nameRange: { start: 0, end: 0 }, contextName: '', values: [], fields: [], lifecycle: false };
