/**
 * Attribute lines (issue 13, Context Mapper parity): `evolution custom`,
 * `vision "…"`, `responsibilities "A", "B"`, `owner CustomerTeam`, and an
 * aggregate's `features`, `changes` and `qualities { … }`. Enumerated values are
 * any name here; model/attribute-values.ts and the `attribute-value` rule judge them.
 */
import type { IToken } from 'chevrotain';
import type { Aggregate, AttributeSetting, Name, Reference, StrategicAttributes } from '../../model/elements';
import { attributeKey, type AttributePlace } from '../../model/attribute-values';
import { BaseGrammar } from './base-grammar';
import { kinds, starts, expectedMember } from './grammar-support';
import * as T from '../tokens';

/** What an `owner` line names: a string, or a team (a reference). */
interface OwnerHolder {
  owner?: Name;
  ownerTeam?: Reference;
}

const nobody: StrategicAttributes = {};

export abstract class AttributeGrammar extends BaseGrammar {
  /** `keyword value`: an enumerated attribute, recorded on `into`. */
  protected setting(into: { attributes?: AttributeSetting[] }, place: AttributePlace, keyword: IToken, value: IToken): void {
    if (this.RECORDING_PHASE) return;
    const written = this.nameOf(value);
    (into.attributes ??= []).push({ attribute: attributeKey(place, keyword.image), keyword: this.nameOf(keyword), value: written });
  }

  /** `"A", "B"` after `responsibilities`. */
  protected stringList = this.RULE('stringList', (into: string[] = []) => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => into.push(this.SUBRULE(this.stringValue)) });
  });

  /** `owner "Checkout team"` or `owner CheckoutTeam` (a team). */
  protected ownerLine = this.RULE('ownerLine', (holder: OwnerHolder = {}) => {
    this.CONSUME(T.Owner);
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(T.StringLiteral);
          if (!this.RECORDING_PHASE) holder.owner = { text: this.unquote(token.image), range: this.tokenRange(token) };
        },
      },
      {
        ALT: () => {
          const name = this.nameOf(this.CONSUME(T.NameReference));
          if (!this.RECORDING_PHASE) {
            holder.owner = name;
            holder.ownerTeam = this.reference(name, kinds.team);
          }
        },
      },
    ]);
  });

  /** The lines a bounded context and a team share: vision, responsibilities, technology, knowledge, businessmodel, evolution. */
  protected sharedAttributeLine = this.RULE('sharedAttributeLine', (target: StrategicAttributes = nobody) => {
    this.OR([
      { ALT: () => (this.CONSUME(T.Vision), (target.vision = this.SUBRULE(this.stringValue))) },
      {
        ALT: () => {
          this.CONSUME(T.Responsibilities);
          this.SUBRULE(this.stringList, { ARGS: [(target.responsibilities ??= [])] });
        },
      },
      { ALT: () => (this.CONSUME(T.Technology), (target.technology = this.SUBRULE2(this.stringValue))) },
      { ALT: () => this.setting(target, 'context', this.CONSUME(T.Knowledge), this.CONSUME(T.AnyName)) },
      { ALT: () => (this.CONSUME(T.Businessmodel), (target.businessModel = this.SUBRULE3(this.stringValue))) },
      { ALT: () => this.setting(target, 'context', this.CONSUME(T.Evolution), this.CONSUME2(T.AnyName)) },
    ]);
  });

  /** An aggregate's attribute lines: owner, responsibilities, features, changes, qualities. */
  protected aggregateAttributeLine = this.RULE('aggregateAttributeLine', (aggregate: Partial<Aggregate> = {}) => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ownerLine, { ARGS: [aggregate] }) },
      {
        ALT: () => {
          this.CONSUME(T.Responsibilities);
          this.SUBRULE(this.stringList, { ARGS: [(aggregate.responsibilities ??= [])] });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Features);
          this.SUBRULE(this.nameList, { ARGS: [kinds.requirement, false, (aggregate.features ??= [])] });
        },
      },
      { ALT: () => this.setting(aggregate, 'aggregate', this.CONSUME(T.Changes), this.CONSUME(T.AnyName)) },
      { ALT: () => this.SUBRULE(this.qualities, { ARGS: [aggregate] }) },
    ]);
  });

  /** `qualities { security high  zone "Internal" … }`: enumerated lines, and `zone`/`access` strings. */
  protected qualities = this.RULE('qualities', (aggregate: Partial<Aggregate> = {}) => {
    this.CONSUME(T.Qualities);
    this.CONSUME(T.LCurly);
    this.members(expectedMember.qualities, starts.qualities, () => {
      const keyword = this.CONSUME(T.AnyName);
      this.OR([
        { ALT: () => this.setting(aggregate, 'qualities', keyword, this.CONSUME2(T.AnyName)) },
        {
          ALT: () => {
            const text = this.SUBRULE(this.stringValue);
            if (!this.RECORDING_PHASE) (aggregate.qualityNotes ??= []).push({ keyword: this.nameOf(keyword), text });
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });
}
