/** Event storming boards and their sticky notes. */
import type {
  Sticky,
  StormingBoard,
} from '../../model/elements';
import { placeholderBoard, starts, kinds, expectedMember } from './grammar-support';
import { stickyDenotes, stickyTypes, type StickyType } from '../constructs';
import { SagaGrammar } from './saga-grammar';
import * as T from '../tokens';

export abstract class StormingGrammar extends SagaGrammar {
  // ------------------------------------------------------------------ event storming

  protected storming = this.RULE('storming', () => {
    const keyword = this.CONSUME(T.Storming);
    const name = this.consumeNamed(T.Identifier);
    const board: StormingBoard = { kind: 'storming', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, stickies: [] };
    if (!this.RECORDING_PHASE) this.declarations.push(board);
    this.OPTION(() => (board.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.storming, starts.storming, () =>
      this.SUBRULE(this.sticky, { ARGS: [board] }),
    );
    this.CONSUME(T.RCurly);
    this.close(board.range);
  });

  /** Built once: an OR's alternatives are otherwise allocated for every sticky parsed. */
  private readonly stickyTypeKinds = stickyKeywords.map(([token, type]) => ({ ALT: () => (this.CONSUME(token), type) }));

  protected sticky = this.RULE('sticky', (board: StormingBoard = placeholderBoard) => {
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
          if (!this.RECORDING_PHASE) {
            sticky.type = 'hotspot';
            sticky.text = this.unquote(token.image);
            sticky.textRange = this.tokenRange(token);
            board.stickies.push(sticky);
          }
        },
      },
      {
        ALT: () => {
          const type = this.OR2(this.stickyTypeKinds);
          const name = this.nameOf(this.CONSUME(T.NameReference));
          if (!this.RECORDING_PHASE) {
            sticky.type = type;
            sticky.text = name.text;
            sticky.textRange = name.range;
            const expected = stickyDenotes[type];
            if (expected) sticky.ref = this.reference(name, expected, true);
            board.stickies.push(sticky);
          }
          this.MANY(() => {
            this.OR3([
              { ALT: () => (this.CONSUME(T.By), (sticky.by = this.reference(this.nameOf(this.CONSUME2(T.NameReference)), [], true))) },
              { ALT: () => (this.CONSUME(T.On), (sticky.on = this.reference(this.nameOf(this.CONSUME3(T.NameReference)), kinds.aggregate, true))) },
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

/** The sticky types written `type Name` (a hotspot holds a question in quotes), with their tokens. */
const stickyKeywords = stickyTypes
  .filter((type): type is Exclude<StickyType, 'hotspot'> => type !== 'hotspot')
  .map((type) => [T.keywords[type]!, type] as const);
