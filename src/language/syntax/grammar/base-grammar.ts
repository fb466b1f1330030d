/**
 * The foundation of the .ddd grammar: parser state, source ranges, references,
 * member-level error recovery, and the rules every part shares (names, types,
 * fields, operations, literals). Each area of the language extends it in its own file.
 */
import { EOF, EmbeddedActionsParser, tokenMatcher, type IToken, type ITokenGrammarPath, type TokenType } from 'chevrotain';
import type {
  Aggregate,
  ElementKind,
  Field,
  Gateway,
  Invariant,
  LifecycleState,
  LiteralValue,
  Name,
  Operation,
  StateTransition,
  Visibility,
  Reference,
  TextRange,
  TopLevelDeclaration,
  TypeReference,
} from '../../model/elements';
import { type Members, MAX_TYPE_NESTING, MEMBERS, type MemberStart, startsMember, starts, kinds, noTypeArguments, unquote } from './grammar-support';
import * as T from '../tokens';
import { tokenEnd, tokenStart } from '../tokens';


/**
 * Whether the common declarations (the direct reader, syntax/direct-reader.ts) and the
 * grammar's most frequent simple forms (`name: Type`, a type without arguments) are read
 * straight from the tokens instead of through the grammar's rules. They give the same
 * model; the tests that hold them equal turn them off to parse the other way.
 */
export const shortcuts = { enabled: true };

/** chevrotain's place in the token vector: methods of every chevrotain parser, missing from its typings. */
interface TokenPosition {
  exportLexerState(): number;
  importLexerState(state: number): void;
}
import { friendlyErrorMessages } from '../error-messages';
import { newField, newReference } from '../element-shapes';
import { LazyLookahead } from './lazy-lookahead';

/** How many tokens the grammar looks ahead to choose between alternatives. */
const MAX_LOOKAHEAD = 3;

/** At most this many grammar paths' follow sets are kept (a few hundred occur in practice). */
const MAX_KEPT_FOLLOWS = 4_096;

export abstract class BaseGrammar extends EmbeddedActionsParser {
  uri = '';
  text = '';
  declarations: TopLevelDeclaration[] = [];
  references: Reference[] = [];
  /** Findings the grammar reports itself (skipped tokens, a missing ':'). */
  problems: { range: TextRange; message: string }[] = [];
  protected scopeContext: string | undefined;
  protected scopeAggregate: Aggregate | undefined;
  protected typeDepth = 0;

  /** The grammar's look-ahead functions, each computed when the parser first needs it (unless `eager`). */
  protected readonly lookahead: LazyLookahead | undefined;

  /**
   * `recovering`: whether chevrotain recovers from errors (slower) or stops at the first one;
   * `eager`: whether every look-ahead function is computed now, as chevrotain does by itself
   * (the tests compare the two).
   */
  constructor(recovering: boolean, eager = false) {
    const lookahead = eager ? undefined : new LazyLookahead(MAX_LOOKAHEAD);
    super(T.allTokens, {
      recoveryEnabled: recovering,
      maxLookahead: MAX_LOOKAHEAD,
      ...(lookahead ? { lookaheadStrategy: lookahead } : {}),
      errorMessageProvider: friendlyErrorMessages,
      skipValidations: !T.grammarChecks,
    });
    this.lookahead = lookahead;
  }

  /** The tokens that may follow a grammar path, by path (see getNextPossibleTokenTypes). */
  private readonly follows = new Map<string, TokenType[]>();

  /**
   * The tokens that may follow a token at a place in the grammar, which error recovery asks at each
   * token it misses. chevrotain walks the rule's grammar anew each time (most of a recovering parse's
   * time on a half-typed line); the answer depends on the path alone, so it is kept. chevrotain only
   * reads the list it gets.
   */
  protected override getNextPossibleTokenTypes(path: ITokenGrammarPath): TokenType[] {
    const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
    let follows = this.follows.get(key);
    if (follows === undefined) {
      follows = super.getNextPossibleTokenTypes(path);
      if (this.follows.size >= MAX_KEPT_FOLLOWS) this.follows.clear();
      this.follows.set(key, follows);
    }
    return follows;
  }

  /** Prepares the parser for one top-level declaration's tokens. */
  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.scopeContext = undefined;
    this.scopeAggregate = undefined;
    this.typeDepth = 0;
  }

  /**
   * Lets go of the document parsed last. The parsers live as long as the process, and the
   * last document's references lead (once linked) to the whole workspace model.
   */
  release(): void {
    this.input = [];
    this.uri = '';
    this.text = '';
    this.declarations = [];
    this.references = [];
    this.problems = [];
    this.scopeAggregate = undefined;
    this.structure = { fields: [] };
  }

  // ------------------------------------------------------------------ helpers

  protected tokenRange(token: IToken): TextRange {
    if (Number.isNaN(token.startOffset)) return this.endRange();
    return { start: tokenStart(token), end: tokenEnd(token) };
  }

  /** A zero-width range after the last consumed token (for inserted or missing tokens). */
  protected endRange(): TextRange {
    const previous = this.LA(0);
    const end = previous && !Number.isNaN(previous.startOffset) ? tokenEnd(previous) : 0;
    return { start: end, end };
  }

  /** Ends `range` at the last consumed token. */
  protected close(range: TextRange): void {
    if (!this.RECORDING_PHASE) {
      const last = this.LA(0);
      if (last && !Number.isNaN(last.startOffset)) range.end = Math.max(range.start, tokenEnd(last));
    }
  }

  protected nameOf(token: IToken): Name {
    return { text: token.image, range: this.tokenRange(token) };
  }

  protected reference(name: Name, expected: readonly ElementKind[], soft = false): Reference {
    return this.referenceAt(name.text, name.range, expected, soft);
  }

  protected referenceAt(text: string, range: TextRange, expected: readonly ElementKind[], soft = false): Reference {
    // every property set here, even when undefined: one object shape for all references keeps linking fast
    const ref = newReference(text, range, this.uri, expected, soft, this.scopeContext, this.scopeAggregate);
    if (!this.RECORDING_PHASE) this.references.push(ref);
    return ref;
  }

  protected unquote(image: string): string {
    return unquote(image);
  }

  protected consumeNamed(token: TokenType, occurrence = 0): Name {
    return this.nameOf(this.consume(occurrence, token));
  }

  /**
   * The members of a `{ … }` block. Before each member, tokens that cannot
   * start one are skipped (a nested `{ … }` as a whole) and reported once per
   * run, so a typo costs one finding and the members after it still parse.
   * The skipping is done here rather than in the grammar: a catch-all
   * alternative would leak into every follow set and blow up chevrotain's
   * lookahead analysis.
   */
  protected members(where: string, starts: MemberStart, member: () => void): void {
    this.many(MEMBERS, { GATE: () => this.skipToMember(where, starts), DEF: member });
  }

  /** Skips what cannot start a member; true when a member follows (not `}` or the end). */
  protected skipToMember(where: string, starts: MemberStart): boolean {
    let token = this.LA(1);
    let problem: { range: TextRange; message: string } | undefined;
    let depth = 0;
    while (token.tokenType !== EOF) {
      if (depth === 0 && (token.tokenType === T.RCurly || startsMember(token, starts))) break;
      if (token.tokenType === T.LCurly) depth++;
      else if (token.tokenType === T.RCurly) depth--;
      if (problem) problem.range.end = tokenEnd(token);
      else {
        const image = token.image.length > 30 ? token.image.slice(0, 27) + '…' : token.image;
        problem = { range: this.tokenRange(token), message: `Unexpected '${image}' in ${where}.` };
        this.problems.push(problem);
      }
      this.SKIP_TOKEN();
      token = this.LA(1);
    }
    return token.tokenType !== T.RCurly && token.tokenType !== EOF;
  }

  // ------------------------------------------------------------------ shared rules

  /** `A, B.C, D`: references to declarations of the expected kinds. */
  protected nameList = this.RULE('nameList', (expected: readonly ElementKind[] = [], soft = false, into: Reference[] = []) => {
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.nameOf(this.CONSUME(T.NameReference));
        into.push(this.reference(name, expected, soft));
      },
    });
  });

  protected stringValue = this.RULE('stringValue', (): string => this.unquote(this.CONSUME(T.StringLiteral).image));

  /*
   * Types and fields are the most frequent rules: their optional parts use
   * closures built once here rather than one per parse of a field.
   */
  private readonly consumeColon = () => this.CONSUME(T.Colon);
  private readonly consumeComma = () => this.CONSUME(T.Comma);
  private readonly consumeQuestion = () => this.CONSUME(T.Question);
  // no GATE here: chevrotain allocates a closure for every gated OPTION it runs; typeArguments guards the depth
  private readonly typeArgumentsOption = () => this.SUBRULE(this.typeArguments);

  protected typeReference = this.RULE('typeReference', (): TypeReference => {
    const token = this.CONSUME(T.NameReference);
    const range = this.tokenRange(token);
    // most types are a bare name: they share the name's range and text
    const type: TypeReference = { text: token.image, range, name: this.referenceAt(token.image, range, kinds.type), args: noTypeArguments, optional: false };
    const name = type.name;
    // most types are followed by neither `<` nor `?`: their two options are then decided without asking the parser
    const next = this.RECORDING_PHASE || !shortcuts.enabled ? undefined : this.LA(1).tokenType;
    if (next !== undefined && next !== T.LAngle && next !== T.Question) return type;
    const args = this.OPTION(this.typeArgumentsOption);
    const question = this.OPTION2(this.consumeQuestion);
    if (!this.RECORDING_PHASE && (args !== undefined || question !== undefined)) {
      type.args = (args ?? []).filter((arg) => arg && typeof arg.text === 'string');
      type.optional = question !== undefined;
      type.range = { start: name.range.start, end: name.range.end };
      this.close(type.range);
      type.text = name.text + (type.args.length ? `<${type.args.map((arg) => arg.text).join(', ')}>` : '') + (type.optional ? '?' : '');
    }
    return type;
  });

  /** `<A, B>` after a type name. */
  protected typeArguments = this.RULE('typeArguments', (): TypeReference[] => {
    const args: TypeReference[] = [];
    this.CONSUME(T.LAngle);
    if (!this.RECORDING_PHASE) this.typeDepth++;
    // nesting is bounded, so that `List<List<…>>` thousands deep cannot overflow the stack
    this.OPTION({
      GATE: () => this.typeDepth <= MAX_TYPE_NESTING,
      DEF: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.typeReference)) }),
    });
    if (!this.RECORDING_PHASE) this.typeDepth--;
    this.CONSUME(T.RAngle);
    return args;
  });

  /** `key vin: String` marks the identity (`key: String` is a field named key: the lexer makes that `key` a name). */
  private readonly keyOption = () => this.CONSUME(T.Key);

  /**
   * `name: Type` with nothing more (the most frequent member of a model), read straight from the
   * tokens: the very field the `field` rule builds, without its rule calls and options. Undefined,
   * having read nothing, when the tokens ahead are anything else (then the rule reads them).
   */
  protected simpleField(): Field | undefined {
    if (this.RECORDING_PHASE || !shortcuts.enabled) return undefined;
    const nameToken = this.LA(1);
    const typeToken = this.LA(3);
    if (this.LA(2).tokenType !== T.Colon || nameToken.tokenType === T.Key || !tokenMatcher(nameToken, T.AnyName) || !tokenMatcher(typeToken, T.NameReference)) return undefined;
    const after = this.LA(4).tokenType;
    if (after === T.LAngle || after === T.Question) return undefined;
    this.SKIP_TOKEN();
    this.SKIP_TOKEN();
    this.SKIP_TOKEN();
    if (after === T.Comma) this.SKIP_TOKEN();
    // the objects the rule makes, and no others: a model holds tens of thousands of fields
    const start = tokenStart(nameToken);
    const range: TextRange = { start: tokenStart(typeToken), end: tokenEnd(typeToken) };
    const type: TypeReference = { text: typeToken.image, range, name: this.referenceAt(typeToken.image, range, kinds.type), args: noTypeArguments, optional: false };
    const end = after === T.Comma ? tokenEnd(this.LA(0)) : range.end;
    return newField(nameToken.image, { start, end: tokenEnd(nameToken) }, this.uri, end, type);
  }

  /**
   * `{ … }` whose members are all simple fields (and, for a structure, `invariant "…"`), read
   * straight from the tokens: the members the `structureBody` or `fieldBlock` rule adds, without
   * a rule call or a turn of its member loop for each. False, having read and added nothing,
   * when the block holds anything else (then the rule reads it).
   */
  protected simpleBlock(fields: Field[], invariants?: Invariant[]): boolean {
    if (this.RECORDING_PHASE || !shortcuts.enabled || this.LA(1).tokenType !== T.LCurly) return false;
    const position = this as unknown as TokenPosition;
    const state = position.exportLexerState();
    const references = this.references.length;
    const fieldCount = fields.length;
    const invariantCount = invariants?.length ?? 0;
    this.SKIP_TOKEN();
    for (;;) {
      const next = this.LA(1);
      if (next.tokenType === T.RCurly) {
        this.SKIP_TOKEN();
        return true;
      }
      if (invariants && next.tokenType === T.Invariant && this.LA(2).tokenType === T.StringLiteral) {
        const text = this.LA(2);
        this.SKIP_TOKEN();
        this.SKIP_TOKEN();
        invariants.push({ text: this.unquote(text.image), range: { start: tokenStart(next), end: tokenEnd(text) } });
        continue;
      }
      const field = this.simpleField();
      if (field) {
        fields.push(field);
        continue;
      }
      position.importLexerState(state);
      this.references.length = references;
      fields.length = fieldCount;
      if (invariants) invariants.length = invariantCount;
      return false;
    }
  }

  protected field = this.RULE('field', (): Field => {
    const key = this.OPTION4(this.keyOption);
    const name = this.consumeNamed(T.AnyName);
    const colon = this.OPTION3(this.consumeColon) !== undefined;
    if (!this.RECORDING_PHASE && !colon) {
      this.problems.push({ range: { start: name.range.end, end: name.range.end }, message: `Expected ':' between the field ${name.text} and its type.` });
    }
    const type = this.SUBRULE(this.typeReference);
    this.OPTION(this.consumeComma);
    const field = newField(name.text, name.range, this.uri, name.range.end, type);
    if (key !== undefined && !this.RECORDING_PHASE) {
      field.key = true;
      field.range.start = this.tokenRange(key).start;
    }
    this.close(field.range);
    return field;
  });

  protected visibility = this.RULE('visibility', (): Visibility => {
    return this.OR([
      { ALT: () => (this.CONSUME(T.Public), 'public' as const) },
      { ALT: () => (this.CONSUME(T.Protected), 'protected' as const) },
      { ALT: () => (this.CONSUME(T.Private), 'private' as const) },
      { ALT: () => (this.CONSUME(T.Internal), 'internal' as const) },
    ]);
  });

  private readonly visibilityOption = () => this.SUBRULE(this.visibility);

  protected operation = this.RULE('operation', (into: Operation[] = []) => {
    const start = this.LA(1);
    // `public park()` (`public()` is an operation named public: the lexer makes that `public` a name)
    const visibility = this.OPTION2(this.visibilityOption);
    const name = this.consumeNamed(T.AnyName);
    const operation: Operation = {
      kind: 'operation',
      name: name.text,
      uri: this.uri,
      range: visibility ? this.tokenRange(start) : { ...name.range },
      nameRange: name.range,
      parameters: [],
    };
    if (!this.RECORDING_PHASE) {
      if (visibility) operation.visibility = visibility;
      into.push(operation);
    }
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const parameter = this.consumeNamed(T.AnyName, 2);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeReference);
        operation.parameters.push(newField(parameter.text, parameter.range, this.uri, type?.range?.end ?? parameter.range.end, type));
      },
    });
    this.CONSUME(T.RParen);
    this.OPTION(() => {
      this.CONSUME2(T.Colon);
      operation.returns = this.SUBRULE2(this.typeReference);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Throws);
      const throws: Name[] = [];
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => throws.push(this.consumeNamed(T.NameReference, 3)) });
      operation.throws = throws;
    });
    this.OPTION4(() =>
      this.OR([
        { ALT: () => (this.CONSUME(T.Reads), (operation.access = 'reads')) },
        {
          ALT: () => {
            this.CONSUME(T.Writes);
            operation.access = 'writes';
            this.OPTION5(() => (operation.writes = this.SUBRULE(this.stateTransition)));
          },
        },
      ]),
    );
    this.close(operation.range);
  });

  /** Whether the next token is a gateway marker (`X`, `O`; `+` too when `plus`) followed by a name. */
  protected atGateway(plus: boolean): boolean {
    const next = this.LA(2).tokenType;
    if (next !== T.Identifier && next !== T.QualifiedName) return false;
    const marker = this.LA(1);
    if (marker.tokenType === T.Plus) return plus;
    return marker.tokenType === T.Identifier && (marker.image === 'X' || marker.image === 'O');
  }

  protected lifecycleState(token: IToken): LifecycleState {
    return { text: token.image, range: this.tokenRange(token) };
  }

  /** `[PARKED, MOVING -> SCRAPPED X PARKED]`, `[-> CREATED]`: a lifecycle transition. */
  protected stateTransition = this.RULE('stateTransition', (): StateTransition => {
    const open = this.CONSUME(T.LBracket);
    const transition: StateTransition = { from: [], to: [], range: this.tokenRange(open) };
    this.MANY_SEP({ SEP: T.Comma, DEF: () => transition.from.push(this.lifecycleState(this.CONSUME(T.AnyName))) });
    this.CONSUME(T.RightArrow);
    transition.to.push(this.lifecycleState(this.CONSUME2(T.AnyName)));
    this.MANY({
      GATE: () => this.atGateway(false),
      DEF: () => {
        const marker = this.CONSUME3(T.AnyName);
        transition.to.push(this.lifecycleState(this.CONSUME4(T.AnyName)));
        if (!this.RECORDING_PHASE) transition.gateway = marker.image as Gateway;
      },
    });
    this.CONSUME(T.RBracket);
    this.close(transition.range);
    return transition;
  });

  /** `{ field* invariant* operation* }` of an entity or value object. */
  /** The structure whose body is being parsed (bodies do not nest). */
  private structure: Members = { fields: [] };

  /**
   * The alternatives of a structure member, built once: an OR's array of
   * alternatives is otherwise allocated anew for every member parsed.
   */
  private readonly structureMember = [
    {
      ALT: () => {
        const keyword = this.CONSUME(T.Invariant);
        const text = this.SUBRULE(this.stringValue);
        if (!this.RECORDING_PHASE) this.structure.invariants?.push({ text, range: { start: tokenStart(keyword), end: tokenEnd(this.LA(0)) } });
      },
    },
    { ALT: () => this.SUBRULE(this.operation, { ARGS: [this.structure.operations ?? []] }) },
    {
      ALT: () => {
        const field = this.SUBRULE(this.field);
        // recovery may abandon the field: nothing to add then
        if (!this.RECORDING_PHASE && field) this.structure.fields.push(field);
      },
    },
  ];

  protected structureBody = this.RULE('structureBody', (target: Members = { fields: [] }) => {
    this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) this.structure = target;
    this.members('a structure: expected fields (name: Type), operations (name(…)) or invariant "…"', starts.names, this.structureMemberOr);
    this.CONSUME(T.RCurly);
  });

  private readonly structureMemberOr = () => {
    const field = this.simpleField();
    if (field) this.structure.fields.push(field);
    else this.OR(this.structureMember);
  };

  protected fieldBlock = this.RULE('fieldBlock', (fields: Field[] = []) => {
    this.CONSUME(T.LCurly);
    this.members('a block of fields: expected name: Type', starts.names, () => {
      const field = this.simpleField() ?? this.SUBRULE(this.field);
      if (!this.RECORDING_PHASE && field) fields.push(field);
    });
    this.CONSUME(T.RCurly);
  });

  protected literal = this.RULE('literal', (): LiteralValue => {
    return this.OR([
      { ALT: () => Number(this.CONSUME(T.NumberLiteral).image) },
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          return -Number(this.CONSUME2(T.NumberLiteral).image);
        },
      },
      { ALT: () => this.SUBRULE(this.stringValue) },
      { ALT: () => (this.CONSUME(T.True), true) },
      { ALT: () => (this.CONSUME(T.False), false) },
    ]);
  });
}
