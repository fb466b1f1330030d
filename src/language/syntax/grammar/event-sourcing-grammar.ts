/** Event streams and CQRS read models. */
import type {
  ContextDeclaration,
  EventStream,
  Field,
  Reference,
} from '../../model/elements';
import { placeholderContext, starts, kinds } from './grammar-support';
import { ApplicationGrammar } from './application-grammar';
import * as T from '../tokens';
import { tokenEnd } from '../tokens';

export abstract class EventSourcingGrammar extends ApplicationGrammar {
  // ------------------------------------------------------------------ event sourcing and CQRS

  protected stream = this.RULE('stream', (context: ContextDeclaration = placeholderContext) => {
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
    if (!this.RECORDING_PHASE) context.streams.push(stream);
    this.CONSUME(T.Of);
    stream.aggregate = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.streamOf);
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
                if (!this.RECORDING_PHASE) stream.expectations.push({ field, value, range: { start: field.range.start, end: tokenEnd(this.LA(0)) } });
              },
            });
          },
        },
        {
          ALT: () => {
            const eventName = this.nameOf(this.CONSUME2(T.NameReference));
            const entry = { event: this.reference(eventName, kinds.event), arguments: [] as EventStream['events'][number]['arguments'], range: { ...eventName.range } };
            if (!this.RECORDING_PHASE) stream.events.push(entry);
            this.CONSUME(T.LParen);
            this.MANY_SEP({
              SEP: T.Comma,
              DEF: () => {
                const argument = this.consumeNamed(T.AnyName, 2);
                this.CONSUME2(T.Colon);
                const value = this.SUBRULE2(this.literal);
                if (!this.RECORDING_PHASE) entry.arguments.push({ name: argument, value, range: { start: argument.range.start, end: tokenEnd(this.LA(0)) } });
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

  protected readModel = this.RULE('readModel', (context: ContextDeclaration = placeholderContext) => {
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
    if (!this.RECORDING_PHASE) context.readModels.push(readModel);
    this.OPTION(() => (readModel as { description?: string }).description = this.SUBRULE(this.stringValue));
    this.OPTION2(() => {
      this.CONSUME(T.From);
      this.SUBRULE(this.nameList, { ARGS: [kinds.readModelSource, false, readModel.sources] });
    });
    this.OPTION3(() => this.simpleBlock(readModel.fields) || this.SUBRULE(this.fieldBlock, { ARGS: [readModel.fields] }));
    this.close(readModel.range);
  });
}
