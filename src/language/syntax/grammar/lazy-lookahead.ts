/**
 * Chevrotain's LL(k) look-ahead, built on first use instead of when the parser is built.
 *
 * Building the parser computes a look-ahead function for every alternation, option
 * and repetition of the grammar: a third of the parser's construction, paid by every
 * process that parses (`ddd check`, the language server's start), although a model
 * uses only part of the grammar. Here each of them is computed the first time the
 * parser asks for it, with chevrotain's own strategy (`LLkLookaheadStrategy`), and
 * then takes the place of its stand-in in the parser's cache: after that, a parse
 * calls chevrotain's function directly, as it would have without this file.
 */
import { LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError, type IOrAlt, type OptionalProductionType, type Rule, type TokenType } from 'chevrotain';

type Alternation = (this: unknown, alternatives?: IOrAlt<unknown>[]) => number | undefined;
type Optional = (this: unknown) => boolean;

/** The part of chevrotain's parser this file touches: its cache of look-ahead functions, by production key. */
interface LookaheadCache {
  lookAheadFuncsCache: Map<number, Alternation | Optional>;
}

/** How many look-ahead functions were computed (for tests that count work, never time). */
export const lookaheadWork = { built: 0 };

export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;
  /** Each stand-in's key in its parser's cache, known once the parser is built (`register`). */
  private readonly keys = new Map<Alternation | Optional, number>();

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Rule[] }): void {
    this.llk.initialize?.(options);
  }

  buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): Alternation {
    let built: Alternation | undefined;
    const strategy = this;
    const standIn: Alternation = function (alternatives) {
      const lookahead = (built ??= strategy.replace(this, standIn, () => strategy.llk.buildLookaheadForAlternation(options) as Alternation));
      return lookahead.call(this, alternatives);
    };
    return standIn;
  }

  buildLookaheadForOptional(options: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean }): Optional {
    let built: Optional | undefined;
    const strategy = this;
    const standIn: Optional = function () {
      const lookahead = (built ??= strategy.replace(this, standIn, () => strategy.llk.buildLookaheadForOptional(options)));
      return lookahead.call(this);
    };
    return standIn;
  }

  /** Notes where the parser keeps each stand-in: call once its self-analysis is done. */
  register(parser: object): void {
    for (const [key, value] of (parser as LookaheadCache).lookAheadFuncsCache) this.keys.set(value, key);
  }

  /** The look-ahead function `build` makes, put in the stand-in's place in the parser's cache. */
  private replace<T extends Alternation | Optional>(parser: unknown, standIn: T, build: () => T): T {
    const built = build();
    lookaheadWork.built++;
    const key = this.keys.get(standIn);
    if (key !== undefined) (parser as LookaheadCache).lookAheadFuncsCache.set(key, built);
    return built;
  }
}
