/**
 * The tokens of map expressions and their chevrotain lexer, built on first
 * use (a command that never reads a formula pays nothing for them). Every
 * character lexes to some token: characters outside the language become
 * `Unknown` tokens that the parser rejects with a message naming them.
 */
import type { IToken, Lexer as LexerType, TokenType } from 'chevrotain';
import { createToken, Lexer } from '../syntax/chevrotain.js';

/** The token types, created together on first use. */
export interface MapTokens {
  readonly Number: TokenType;
  readonly Identifier: TokenType;
  readonly Operator: TokenType;
  readonly LParen: TokenType;
  readonly RParen: TokenType;
  readonly Comma: TokenType;
  /** `**`, rejected with a hint to write `^`. */
  readonly DoubleStar: TokenType;
  readonly Unknown: TokenType;
  readonly all: TokenType[];
}

let tokens: MapTokens | undefined;
let lexer: LexerType | undefined;

/** The token types (created once). */
export function mapTokens(): MapTokens {
  if (tokens !== undefined) return tokens;
  const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
  // Digits with an optional point, or a point and digits; then an optional exponent.
  const Number = createToken({ name: 'Number', pattern: /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/ });
  const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z_0-9]*/ });
  const DoubleStar = createToken({ name: 'DoubleStar', pattern: /\*\*/ });
  const Operator = createToken({ name: 'Operator', pattern: /[-+*/^]/ });
  const LParen = createToken({ name: 'LParen', pattern: /\(/ });
  const RParen = createToken({ name: 'RParen', pattern: /\)/ });
  const Comma = createToken({ name: 'Comma', pattern: /,/ });
  // One code point (a surrogate pair whole), so that messages can name it.
  const Unknown = createToken({ name: 'Unknown', pattern: /[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/ });
  const all = [WhiteSpace, Number, Identifier, DoubleStar, Operator, LParen, RParen, Comma, Unknown];
  tokens = { Number, Identifier, Operator, LParen, RParen, Comma, DoubleStar, Unknown, all };
  return tokens;
}

/**
 * The tokens of `text`. The token set covers every character, so the lexer
 * reports no errors of its own.
 */
export function lexMapExpr(text: string): IToken[] {
  const t = mapTokens();
  lexer ??= new Lexer(t.all, { positionTracking: 'onlyOffset', ensureOptimizations: false });
  return lexer.tokenize(text).tokens;
}

/** Offset just past a token. */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}
