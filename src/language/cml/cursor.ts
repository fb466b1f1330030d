/**
 * The CML parser's reading head: looks at tokens, consumes the expected ones
 * and stops the parse at the first one it cannot use, with a message that says
 * what was expected and what was found (CmlSyntaxError, caught by parseCml).
 */
import type { CmlRef, CmlSetting, Located } from './ast';
import type { CmlToken } from './lexer';

export class CmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly token: CmlToken,
  ) {
    super(message);
  }
}

function describe(token: CmlToken): string {
  if (token.kind === 'eof') return 'the end of the file';
  if (token.kind === 'string') return `the string "${token.text.length > 30 ? token.text.slice(0, 29) + '…' : token.text}"`;
  if (token.kind === 'keyword') return `the keyword '${token.text}'`;
  return `'${token.text}'`;
}

export class Cursor {
  private index = 0;

  constructor(private readonly tokens: readonly CmlToken[]) {}

  peek(ahead = 0): CmlToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  get position(): number {
    return this.index;
  }

  reset(position: number): void {
    this.index = position;
  }

  next(): CmlToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** Where the next token starts. */
  here(): Located {
    const token = this.peek();
    return { at: token.at, line: token.line };
  }

  /** The end offset of the token just consumed. */
  lastEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1]!.end : 0;
  }

  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'keyword' && token.text === word;
  }

  isSymbol(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'symbol' && token.text === symbol;
  }

  isName(ahead = 0): boolean {
    return this.peek(ahead).kind === 'name';
  }

  isString(ahead = 0): boolean {
    return this.peek(ahead).kind === 'string';
  }

  /** Consumes the keyword if it is next. */
  acceptKeyword(...words: string[]): string | undefined {
    const token = this.peek();
    if (token.kind === 'keyword' && words.includes(token.text)) return this.next().text;
    return undefined;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.next();
    return true;
  }

  fail(expected: string, token: CmlToken = this.peek()): never {
    const escape = token.kind === 'keyword' && /^[A-Za-z_]\w*$/.test(token.text) && /name/.test(expected) ? ` ('${token.text}' is a CML keyword: write ^${token.text} to use it as a name)` : '';
    throw new CmlSyntaxError(`expected ${expected}, found ${describe(token)}${escape}`, token);
  }

  /** Stops the parse with a message of its own (not "expected … found …"). */
  refuse(message: string, token: CmlToken = this.peek()): never {
    throw new CmlSyntaxError(message, token);
  }

  keyword(...words: string[]): string {
    return this.acceptKeyword(...words) ?? this.fail(words.map((word) => `'${word}'`).join(' or '));
  }

  symbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(`'${symbol}'`);
  }

  name(what = 'a name'): string {
    if (!this.isName()) this.fail(what);
    return this.next().text;
  }

  ref(what = 'a name'): CmlRef {
    const token = this.peek();
    if (token.kind !== 'name') this.fail(what);
    this.next();
    return { name: token.text, at: token.at, line: token.line };
  }

  refList(what = 'a name'): CmlRef[] {
    const refs = [this.ref(what)];
    while (this.acceptSymbol(',')) refs.push(this.ref(what));
    return refs;
  }

  string(what = 'a string'): string {
    if (!this.isString()) this.fail(what);
    return this.next().text;
  }

  optionalString(): string | undefined {
    return this.isString() ? this.next().text : undefined;
  }

  /** `key ('=')? "text"` */
  stringSetting(key: string): CmlSetting {
    const at = this.here();
    this.keyword(key);
    this.acceptSymbol('=');
    return { key, values: [this.string(`a string after ${key}`)], quoted: true, ...at };
  }

  /** `key ('=')? "a", "b"` */
  stringListSetting(key: string): CmlSetting {
    const at = this.here();
    this.keyword(key);
    this.acceptSymbol('=');
    const values = [this.string(`a string after ${key}`)];
    while (this.acceptSymbol(',')) values.push(this.string());
    return { key, values, quoted: true, ...at };
  }

  /** `key ('=')? LITERAL` where the literal is one of `literals`. */
  enumSetting(key: string, literals: readonly string[]): CmlSetting {
    const at = this.here();
    this.keyword(key);
    this.acceptSymbol('=');
    const value = this.acceptKeyword(...literals) ?? this.fail(`one of ${literals.join(', ')} after ${key}`);
    return { key, values: [value], quoted: false, ...at };
  }

  /** `key ('=')? Name, Name` */
  refSetting(key: string, many: boolean): CmlSetting & { refs: CmlRef[] } {
    const at = this.here();
    this.keyword(key);
    this.acceptSymbol('=');
    const refs = many ? this.refList(`a name after ${key}`) : [this.ref(`a name after ${key}`)];
    return { key, values: refs.map((ref) => ref.name), quoted: false, refs, ...at };
  }

  /** A Java-style dotted name: `com.example.Type`. */
  dottedName(what = 'a name'): string {
    let text = this.name(what);
    while (this.isSymbol('.') && this.isName(1)) {
      this.next();
      text += '.' + this.next().text;
    }
    return text;
  }
}
