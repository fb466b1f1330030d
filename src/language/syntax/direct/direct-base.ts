/**
 * What the direct reader's parts share (see direct-reader.ts): the position in the
 * lexed tokens, names, references, and the forms every part reads (types, fields,
 * operations, literals), each building what the grammar's rule of the same name
 * builds (base-grammar.ts). A form it does not take abandons the declaration.
 */
import type { Aggregate, ElementKind, Field, LiteralValue, Name, Operation, Reference, TextRange, TypeReference } from '../../model/elements';
import { kinds, MAX_TYPE_NESTING, noTypeArguments, type Owner, unquote } from '../grammar/grammar-support';
import { imageAt, type LexedText } from '../lexer';
import { newField, newReference } from '../element-shapes';
import * as T from '../tokens';

/** Thrown to abandon a declaration the reader does not take: the grammar reads it. */
export const abandon = Symbol('abandon');

/** A token type's index, as the lexed tokens hold it. */
export const idx = (type: { tokenTypeIdx?: number }) => type.tokenTypeIdx!;

/** Whether a token type index matches `category` as chevrotain's `tokenMatcher` decides. */
function matcher(category: { tokenTypeIdx?: number; categoryMatchesMap?: Record<number, boolean> }): (type: number) => boolean {
  const own = category.tokenTypeIdx!;
  const members = category.categoryMatchesMap ?? {};
  return (type) => type === own || members[type] === true;
}
export const isAnyName = matcher(T.AnyName);
export const isNameReference = matcher(T.NameReference);
export const isIdentifier = matcher(T.Identifier);

export const StringLiteral = idx(T.StringLiteral);
export const LCurly = idx(T.LCurly);
export const RCurly = idx(T.RCurly);
export const Colon = idx(T.Colon);
export const Comma = idx(T.Comma);
export const LParen = idx(T.LParen);
export const RParen = idx(T.RParen);
export const Invariant = idx(T.Invariant);
export const Minus = idx(T.Minus);
const LAngle = idx(T.LAngle);
const RAngle = idx(T.RAngle);
const Question = idx(T.Question);
const Key = idx(T.Key);
export const NumberLiteral = idx(T.NumberLiteral);
export const True = idx(T.True);
export const False = idx(T.False);
/** What may follow an operation's return type: its `throws`, `reads` or `writes` (the grammar's). */
const afterOperation = new Set([idx(T.Throws), idx(T.Reads), idx(T.Writes)]);

export class DirectBase {
  /** The next token. */
  protected at: number;
  protected scopeContext: string | undefined;
  protected scopeAggregate: Aggregate | undefined;
  protected typeDepth = 0;
  /** Where structureBody collects the fields it reads before it copies them to a list of their exact length. */
  private readonly fieldScratch: Field[] = [];
  /** The owner spread into each building block, kept while it stays the same (as the grammar's is). */
  protected owner: Owner = { contextName: '' };

  constructor(
    protected readonly lexed: LexedText,
    from: number,
    protected readonly to: number,
    protected readonly uri: string,
    protected readonly references: Reference[],
  ) {
    this.at = from;
  }

  atEnd(): boolean {
    return this.at === this.to;
  }

  // ------------------------------------------------------------------ tokens

  /** The type index of the token `ahead` tokens on (0: the next), -1 past the declaration. */
  protected type(ahead = 0): number {
    const at = this.at + ahead;
    return at < this.to ? this.lexed.types[at]! : -1;
  }

  /** Takes the next token when it is of `type` (its index), else abandons. */
  protected take(type: number): number {
    if (this.type() !== type) throw abandon;
    return this.at++;
  }

  protected range(token: number): TextRange {
    return { start: this.lexed.starts[token]!, end: this.lexed.ends[token]! };
  }

  protected name(token: number): Name {
    return { text: imageAt(this.lexed, token), range: this.range(token) };
  }

  /** Takes an identifier (a declaration's name). */
  protected identifier(): Name {
    if (!isIdentifier(this.type())) throw abandon;
    return this.name(this.at++);
  }

  /** Ends `range` at the last token taken. */
  protected close(range: TextRange): void {
    range.end = Math.max(range.start, this.lexed.ends[this.at - 1]!);
  }

  protected string(): string {
    return unquote(imageAt(this.lexed, this.take(StringLiteral)));
  }

  protected referenceAt(text: string, range: TextRange, expected: readonly ElementKind[], soft = false): Reference {
    const reference = newReference(text, range, this.uri, expected, soft, this.scopeContext, this.scopeAggregate);
    this.references.push(reference);
    return reference;
  }

  /** `A, B.C`: references to declarations of the expected kinds, into `into`. */
  protected nameList(expected: readonly ElementKind[], into: Reference[], soft = false): void {
    for (;;) {
      if (!isNameReference(this.type())) throw abandon;
      const name = this.name(this.at++);
      into.push(this.referenceAt(name.text, name.range, expected, soft));
      if (this.type() !== Comma) return;
      this.at++;
    }
  }

  /** A number, a negative number, a string, true or false. */
  protected literal(): LiteralValue {
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

  /** `{ find(id: OrderId): Order … }`: operations with parameters and a return type (visibility, throws, reads and writes are the grammar's). */
  protected operationBlock(operations: Operation[]): void {
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
        operation.parameters.push(newField(parameter.text, parameter.range, this.uri, type.range.end, type));
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

  /** `{ name: Type … }`, and `invariant "…"` lines when `invariants` is given: the fields, in a list of their exact length. */
  protected structureBody(invariants: { text: string; range: TextRange }[] | undefined): Field[] {
    this.take(LCurly);
    const scratch = this.fieldScratch;
    let count = 0;
    while (this.type() !== RCurly) {
      if (invariants && this.type() === Invariant && this.type(1) === StringLiteral) {
        const start = this.lexed.starts[this.at++]!;
        const text = this.string();
        invariants.push({ text, range: { start, end: this.lexed.ends[this.at - 1]! } });
      } else scratch[count++] = this.field();
    }
    this.at++;
    return scratch.slice(0, count);
  }

  /** `name: Type`, `name: List<Type>`, `name: Type?`, and a comma after it. */
  protected field(): Field {
    const nameType = this.type();
    // `key name: Type` and anything that is no field are the grammar's
    if (nameType === Key || !isAnyName(nameType) || this.type(1) !== Colon) throw abandon;
    const name = this.name(this.at);
    this.at += 2;
    const type = this.typeReference();
    if (this.type() === Comma) this.at++;
    const field = newField(name.text, name.range, this.uri, name.range.end, type);
    this.close(field.range);
    return field;
  }

  protected typeReference(): TypeReference {
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
  protected typeArguments(): TypeReference[] {
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
