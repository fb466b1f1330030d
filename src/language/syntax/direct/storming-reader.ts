/**
 * The direct reader's event storming boards and their sticky notes, as the rules of
 * the same name in storming-grammar.ts build them.
 */
import type { ElementKind, Reference, Sticky, StormingBoard } from '../../model/elements';
import { stickyDenotes, stickyTypes, type StickyType } from '../constructs';
import { kinds } from '../grammar/grammar-support';
import * as T from '../tokens';
import { abandon, idx, isNameReference, LCurly, RCurly, StringLiteral } from './direct-base';
import { SagaReader } from './saga-reader';

export const StormingKeyword = idx(T.Storming);
const Hotspot = idx(T.Hotspot);
/** The sticky types written `type Name`, by their keyword (a hotspot holds a question in quotes). */
const stickyTypeOf = new Map<number, Exclude<StickyType, 'hotspot'>>(
  stickyTypes.filter((type): type is Exclude<StickyType, 'hotspot'> => type !== 'hotspot').map((type) => [idx(T.keywords[type]!), type]),
);
/** What may follow a sticky's name, and the list each fills. */
const By = idx(T.By);
const On = idx(T.On);
const lists = new Map<number, { key: 'when' | 'then' | 'from'; expected: readonly ElementKind[] }>([
  [idx(T.When), { key: 'when', expected: kinds.event }],
  [idx(T.Then), { key: 'then', expected: kinds.command }],
  [idx(T.From), { key: 'from', expected: kinds.event }],
]);

export class StormingReader extends SagaReader {
  storming(): StormingBoard {
    const keyword = this.take(StormingKeyword);
    const name = this.identifier();
    const board: StormingBoard = { kind: 'storming', name: name.text, uri: this.uri, range: this.range(keyword), nameRange: name.range, stickies: [] };
    if (this.type() === StringLiteral) board.description = this.string();
    this.take(LCurly);
    while (this.type() !== RCurly) this.sticky(board);
    this.at++;
    this.close(board.range);
    return board;
  }

  private sticky(board: StormingBoard): void {
    const start = this.at;
    const sticky: Sticky = { kind: 'sticky', type: 'event', uri: this.uri, range: this.range(start), text: '', textRange: this.range(start), when: [], then: [], from: [] };
    if (this.type() === Hotspot) {
      this.at++;
      const token = this.at;
      const text = this.string();
      sticky.type = 'hotspot';
      sticky.text = text;
      sticky.textRange = this.range(token);
      board.stickies.push(sticky);
    } else {
      const type = stickyTypeOf.get(this.type());
      if (type === undefined) throw abandon;
      this.at++;
      if (!isNameReference(this.type())) throw abandon;
      const name = this.name(this.at++);
      sticky.type = type;
      sticky.text = name.text;
      sticky.textRange = name.range;
      const expected = stickyDenotes[type];
      if (expected) sticky.ref = this.referenceAt(name.text, name.range, expected, true);
      board.stickies.push(sticky);
      for (;;) {
        const next = this.type();
        if (next === By || next === On) {
          this.at++;
          if (!isNameReference(this.type())) throw abandon;
          const target = this.name(this.at++);
          const reference: Reference = this.referenceAt(target.text, target.range, next === By ? [] : kinds.aggregate, true);
          if (next === By) sticky.by = reference;
          else sticky.on = reference;
          continue;
        }
        const list = lists.get(next);
        if (!list) break;
        this.at++;
        this.nameList(list.expected, sticky[list.key], true);
      }
    }
    if (this.type() === StringLiteral) sticky.description = this.string();
    this.close(sticky.range);
  }
}
