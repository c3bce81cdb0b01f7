/**
 * The tokens of wordflow's expression syntax and the chevrotain lexers that
 * produce them. Two modes: `outside` (the expression proper) and `inClass`
 * (between `[` and `]`), where almost every character is literal. In the
 * `wordflow` syntax `[` inside a class opens a nested class, so the mode stack
 * mirrors class nesting. The `ecma` syntax has its own lexer with the same two
 * modes: there `&` and `~` are literals and `[` inside a class is a literal
 * character, so classes never nest (the parser sees the same token
 * categories, see `EcmaLiteral` and `EcmaClassChar`).
 *
 * Every character of every input lexes to some token: constructs that are not
 * allowed (stray `]`, `{`, lookarounds, …) get tokens of their own so the
 * parser can reject them with a message that names them.
 */
import type { IToken, Lexer as ChevrotainLexer, TokenType } from 'chevrotain';
import { createToken, EOF, Lexer, tokenMatcher } from '../chevrotain.js';
import { WordflowError } from '../../errors.js';
import type { Syntax } from './syntax.js';

/** Tokens that can never start a valid atom; the parser turns each into a specific error. */
export const Stray = createToken({ name: 'Stray', pattern: Lexer.NA });
/** The three ways to open a group that only groups: `(`, `(?:`, `(?<name>`. */
export const GroupOpen = createToken({ name: 'GroupOpen', pattern: Lexer.NA });
/** `[` and `[^`, inside or outside a class. */
export const ClassOpener = createToken({ name: 'ClassOpener', pattern: Lexer.NA });

/**
 * A backslash and what it escapes, taken whole so the escape can be decoded
 * (and rejected) with its full text. A surrogate pair written as two `\u`
 * escapes is one token because JavaScript's `u` mode reads it as one code point.
 */
export const Escape = createToken({
  name: 'Escape',
  pattern:
    /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u\{[0-9a-fA-F]*\}?|u[0-9a-fA-F]{0,4}|x[0-9a-fA-F]{0,2}|c[A-Za-z]?|[pP]\{[^}]*\}?|k<[^>]*>?|[0-9]+|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^])?/,
});

export const Lookaround = createToken({ name: 'Lookaround', pattern: /\(\?<?[=!]/, categories: [Stray] });
export const NonCapture = createToken({ name: 'NonCapture', pattern: /\(\?:/, categories: [GroupOpen] });
/** `(?<name>`; the name is checked by the parser. A missing `>` is caught there too. */
export const Named = createToken({ name: 'Named', pattern: /\(\?<[^>()[\]{}|\\]*>?/, categories: [GroupOpen] });
/** `(?` followed by anything else: inline modifiers and the like. */
export const BadGroup = createToken({ name: 'BadGroup', pattern: /\(\?/, categories: [Stray] });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, categories: [GroupOpen] });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });

export const ClassOpenNeg = createToken({
  name: 'ClassOpenNeg',
  pattern: /\[\^/,
  push_mode: 'inClass',
  categories: [ClassOpener],
});
export const ClassOpen = createToken({
  name: 'ClassOpen',
  pattern: /\[/,
  push_mode: 'inClass',
  categories: [ClassOpener],
});
export const ClassClose = createToken({ name: 'ClassClose', pattern: /]/, pop_mode: true });
export const Dash = createToken({ name: 'Dash', pattern: /-/ });
/** A run of literal class characters; the parser splits it into code points. */
export const ClassChar = createToken({
  name: 'ClassChar',
  pattern: /(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\\[\]-])+/,
});

/** `]` outside any class. */
export const StrayClose = createToken({ name: 'StrayClose', pattern: /]/, categories: [Stray] });
/** `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`, each optionally followed by a lazy `?`. */
export const Quantifier = createToken({
  name: 'Quantifier',
  pattern: /(?:[*+?]|\{[0-9]+(?:,[0-9]*)?\})\??/,
});
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, categories: [Stray] });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, categories: [Stray] });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, categories: [Stray] });
export const Dollar = createToken({ name: 'Dollar', pattern: /\$/, categories: [Stray] });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });
export const Amp = createToken({ name: 'Amp', pattern: /&/ });
export const Tilde = createToken({ name: 'Tilde', pattern: /~/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
/**
 * A run of literal characters, taken as one token because long literal
 * stretches are common and chevrotain's cost is per token; the parser splits
 * the run into one atom per code point.
 */
export const Literal = createToken({
  name: 'Literal',
  pattern: /(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\\.|&~*+?()[\]{}^$])+/,
});

/** A run of literals in the `ecma` syntax: `&` and `~` included. The parser reads it as a `Literal`. */
export const EcmaLiteral = createToken({
  name: 'EcmaLiteral',
  pattern: /(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\\.|*+?()[\]{}^$])+/,
  categories: [Literal],
});
/** A run of class characters in the `ecma` syntax: `[` included (classes do not nest). */
export const EcmaClassChar = createToken({
  name: 'EcmaClassChar',
  pattern: /(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\\\]-])+/,
  categories: [ClassChar],
});

const OUTSIDE: TokenType[] = [
  Escape,
  Lookaround,
  NonCapture,
  Named,
  BadGroup,
  LParen,
  RParen,
  ClassOpenNeg,
  ClassOpen,
  StrayClose,
  Quantifier,
  LBrace,
  RBrace,
  Pipe,
  Amp,
  Tilde,
  Dot,
  Caret,
  Dollar,
  Literal,
];
const IN_CLASS: TokenType[] = [Escape, ClassOpenNeg, ClassOpen, ClassClose, Dash, ClassChar];
const OUTSIDE_ECMA: TokenType[] = OUTSIDE.filter((t) => t !== Amp && t !== Tilde && t !== Literal).concat(EcmaLiteral);
const IN_CLASS_ECMA: TokenType[] = [Escape, ClassClose, Dash, EcmaClassChar];

/** Every token type, for the parser's vocabulary (categories included). */
export const ALL_TOKENS: TokenType[] = [
  Stray,
  GroupOpen,
  ClassOpener,
  ...OUTSIDE,
  ClassClose,
  Dash,
  ClassChar,
  EcmaLiteral,
  EcmaClassChar,
];

/**
 * A lexer for one expression syntax. chevrotain's checks of the token
 * definitions (`validate`) cost start-up time on every call and can only fail
 * if the definitions above are wrong, so they run in a test
 * (`test/syntax/grammars.test.ts`), not at run time. So does its search for
 * each token's first characters: the negated classes of the literal tokens
 * defeat it, so no mode can dispatch on the first character and the lexer
 * tries the tokens in order whatever it finds. Safe mode skips the search and
 * lexes the same way; the test checks that the search still fails, so safe
 * mode loses nothing. Each lexer is built on first use.
 */
export function buildRegexLexer(syntax: Syntax = 'wordflow', validate = false): ChevrotainLexer {
  const modes =
    syntax === 'wordflow' ? { outside: OUTSIDE, inClass: IN_CLASS } : { outside: OUTSIDE_ECMA, inClass: IN_CLASS_ECMA };
  return new Lexer(
    { modes, defaultMode: 'outside' },
    { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: !validate, safeMode: !validate },
  );
}
const lexers: Partial<Record<Syntax, ChevrotainLexer>> = {};

/** Offset just past a token (chevrotain's `endOffset` is inclusive and absent for EOF). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Whether the token is chevrotain's end-of-input marker. */
export function isEof(token: IToken): boolean {
  return tokenMatcher(token, EOF);
}

/**
 * The tokens of `text` read in `syntax`. The token set covers every
 * character, so a lexer error means a bug here; it is still reported as a
 * positioned syntax error.
 */
export function lex(text: string, syntax: Syntax = 'wordflow'): IToken[] {
  const result = (lexers[syntax] ??= buildRegexLexer(syntax)).tokenize(text);
  const error = result.errors[0];
  if (error !== undefined) {
    const ch = String.fromCodePoint(text.codePointAt(error.offset) ?? 0xfffd);
    throw new WordflowError(
      'syntax',
      `unexpected character '${ch}'`,
      { start: error.offset, end: error.offset + Math.max(1, error.length) },
      text,
    );
  }
  return result.tokens;
}
