/**
 * Questions about tokens that navigation asks in several places. A qualified
 * name (`Sales.Order`) may be lexed as one token or as names and dots; both are
 * understood here, by the token type's name, so that navigation does not depend
 * on which the lexer does.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { AnyName } from '../syntax/tokens';

export function isQualifiedNameToken(token: IToken): boolean {
  return token.tokenType.name === 'QualifiedName';
}

/** A name: an identifier, a keyword used as a name, or a qualified name. */
export function isNameToken(token: IToken): boolean {
  return tokenMatcher(token, AnyName) || isQualifiedNameToken(token);
}
