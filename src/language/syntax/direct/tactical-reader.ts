/**
 * The direct reader's tactical design: aggregates and their building blocks, the
 * changes events apply, repositories and services, each as the rule of the same
 * name in tactical-grammar.ts builds it.
 */
import type { Aggregate, Assignment, AssignmentOperator, ContextDeclaration, Expression, Operation, TextRange } from '../../model/elements';
import { type BlockContainer, kinds, MAX_EXPRESSION_TERMS } from '../grammar/grammar-support';
import { newAggregate, newCommand, newEntity, newEnumType, newEvent, newValueObject, newRepository } from '../element-shapes';
import { imageAt } from '../lexer';
import * as T from '../tokens';
import { abandon, Colon, Comma, DirectBase, False, idx, Invariant, isAnyName, isNameReference, LCurly, LParen, Minus, NumberLiteral, RCurly, StringLiteral, True } from './direct-base';

const AggregateKeyword = idx(T.Aggregate);
const Root = idx(T.Root);
const EntityKeyword = idx(T.Entity);
const Value = idx(T.Value);
const Enum = idx(T.Enum);
const CommandKeyword = idx(T.Command);
const Event = idx(T.Event);
const Emits = idx(T.Emits);
const Eventsourced = idx(T.Eventsourced);
const Applies = idx(T.Applies);
const Repository = idx(T.Repository);
const For = idx(T.For);
const Service = idx(T.Service);
/** The assignments of an event's `applies`, and the operators of an expression. */
const assignOperators = new Set([idx(T.Assign), idx(T.PlusAssign), idx(T.MinusAssign)]);
const expressionOperators = new Set([idx(T.Plus), Minus, idx(T.Star)]);

export class TacticalReader extends DirectBase {
  protected aggregate(context: ContextDeclaration): void {
    const keyword = this.take(AggregateKeyword);
    const name = this.identifier();
    const aggregate = newAggregate(name, this.uri, this.range(keyword), context.name);
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

  protected buildingBlock(container: BlockContainer, contextName: string, aggregate: Aggregate | undefined): void {
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

  protected entity(container: BlockContainer): void {
    const start = this.at;
    let rootRange: TextRange | undefined;
    if (this.type() === Root) rootRange = this.range(this.at++);
    this.take(EntityKeyword);
    const name = this.identifier();
    const entity = newEntity(name, this.uri, this.range(start), this.owner, rootRange !== undefined, false);
    if (rootRange) entity.rootRange = rootRange;
    container.entities.push(entity);
    if (this.type() === StringLiteral) entity.description = this.string();
    if (this.type() === LCurly) entity.fields = this.structureBody(entity.invariants);
    this.close(entity.range);
  }

  protected valueObject(container: BlockContainer): void {
    const start = this.take(Value);
    const name = this.identifier();
    const value = newValueObject(name, this.uri, this.range(start), this.owner, false);
    container.values.push(value);
    if (this.type() === StringLiteral) value.description = this.string();
    if (this.type() === LCurly) value.fields = this.structureBody(value.invariants);
    this.close(value.range);
  }

  protected enumType(container: BlockContainer): void {
    const start = this.take(Enum);
    const name = this.identifier();
    const type = newEnumType(name, this.uri, this.range(start), this.owner, false);
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

  protected command(container: BlockContainer): void {
    const start = this.take(CommandKeyword);
    const name = this.identifier();
    const command = newCommand(name, this.uri, this.range(start), this.owner, false);
    container.commands.push(command);
    if (this.type() === StringLiteral) command.description = this.string();
    if (this.type() === LCurly) command.fields = this.structureBody(undefined);
    if (this.type() === Emits) {
      this.at++;
      this.nameList(kinds.event, command.emits);
    }
    this.close(command.range);
  }

  protected event(container: BlockContainer): void {
    const start = this.take(Event);
    const name = this.identifier();
    const event = newEvent(name, this.uri, this.range(start), this.owner, false);
    container.events.push(event);
    if (this.type() === StringLiteral) event.description = this.string();
    if (this.type() === LCurly) event.fields = this.structureBody(undefined);
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
  protected assignment(into: Assignment[]): void {
    if (!isAnyName(this.type()) || !assignOperators.has(this.type(1))) throw abandon;
    const field = this.name(this.at++);
    const operator = imageAt(this.lexed, this.at++) as AssignmentOperator;
    const assignment: Assignment = { field, operator, range: { ...field.range } };
    into.push(assignment);
    assignment.expression = this.expression();
    this.close(assignment.range);
  }

  /** Numbers, strings and field names joined by `+`, `-` and `*`, left to right. */
  protected expression(): Expression {
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

  protected term(): Expression {
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

  protected repository(context: ContextDeclaration): void {
    const keyword = this.take(Repository);
    const name = this.identifier();
    const repository = newRepository(name, this.uri, this.range(keyword), context.name);
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
  protected service(context: ContextDeclaration): void {
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
}
