/**
 * The direct reader's event sourcing and CQRS: event streams and read models, as
 * the rules of the same name in event-sourcing-grammar.ts build them.
 */
import type { ContextDeclaration, EventStream, Field, Reference } from '../../model/elements';
import { kinds } from '../grammar/grammar-support';
import * as T from '../tokens';
import { abandon, Colon, Comma, idx, isAnyName, isNameReference, LCurly, LParen, RCurly, RParen, StringLiteral } from './direct-base';
import { TacticalReader } from './tactical-reader';

const Stream = idx(T.Stream);
const Of = idx(T.Of);
const Expect = idx(T.Expect);
const Assign = idx(T.Assign);
const Readmodel = idx(T.Readmodel);
const From = idx(T.From);

export class EventSourcingReader extends TacticalReader {
  /** `stream Sample of Account { Opened(initial: 0) … expect balance = 0 }`. */
  protected stream(context: ContextDeclaration): void {
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

  protected readModel(context: ContextDeclaration): void {
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
    if (this.type() === LCurly) readModel.fields = this.structureBody(undefined);
    this.close(readModel.range);
  }
}
