/**
 * Every error the expression parser reports, in plain words. Chevrotain's own
 * messages ("Expecting token of type …") never reach a person: the grammar is
 * shaped so that almost every mistake is caught by a semantic action here, and
 * the few recognition exceptions left are translated by `fromParserError`.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import { type Span, WordflowError, lineColumn } from '../../errors.js';
import { isEof, tokenEnd } from './lexer.js';
import type { Syntax } from './syntax.js';

/** A positioned `syntax` error in `text`. */
export function syntaxError(message: string, span: Span, text: string): WordflowError {
  return new WordflowError('syntax', message, span, text);
}

/** The span a token covers. */
export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}

/** "column 3", or "line 2, column 3" when the pattern spans several lines. */
export function place(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

/** The error for a `(` whose `)` never came. */
export function unclosedGroup(open: IToken, text: string): WordflowError {
  return syntaxError(`unclosed group opened at ${place(text, open.startOffset)}`, tokenSpan(open), text);
}

/** The error for a `[` whose `]` never came; `nested` adds the hint about `[` inside classes. */
export function unclosedClass(open: IToken, text: string, nested: boolean): WordflowError {
  const hint = nested ? "; a '[' inside a class opens a nested class, write \\[ for a literal '['" : '';
  return syntaxError(
    `unclosed character class opened at ${place(text, open.startOffset)}${hint}`,
    tokenSpan(open),
    text,
  );
}

const LOOKAROUNDS: Readonly<Record<string, string>> = {
  '(?=': 'lookahead',
  '(?!': 'negative lookahead',
  '(?<=': 'lookbehind',
  '(?<!': 'negative lookbehind',
};

/** The message of a `(?` that is not `(?:`, `(?<name>` or a lookaround. */
function badGroupMessage(token: IToken, text: string): { message: string; span: Span } {
  const next = String.fromCodePoint(text.codePointAt(tokenEnd(token)) ?? 0);
  const span = { start: token.startOffset, end: tokenEnd(token) + (tokenEnd(token) < text.length ? next.length : 0) };
  if (/^[a-zA-Z-]$/.test(next)) {
    return { message: `inline modifiers like (?${next} are not supported`, span };
  }
  const shown = tokenEnd(token) < text.length ? `(?${next}` : '(?';
  return { message: `unknown group syntax '${shown}'; groups are (…), (?:…) and (?<name>…)`, span };
}

/** The message for a token that cannot start an atom (see `Stray` in the lexer). */
function strayMessage(token: IToken, text: string, syntax: Syntax): { message: string; span: Span } {
  const span = tokenSpan(token);
  const image = token.image;
  switch (token.tokenType.name) {
    case 'Quantifier':
      return { message: `nothing to repeat before '${image}'`, span };
    case 'Lookaround':
      return {
        message:
          `${LOOKAROUNDS[image] ?? 'lookaround'} ${image} is not supported (lookarounds are not part of this syntax); ` +
          (syntax === 'ecma'
            ? 'the wordflow syntax combines languages with & and ~ instead'
            : 'combine languages with & and ~ instead'),
        span,
      };
    case 'BadGroup':
      return badGroupMessage(token, text);
    case 'StrayClose':
      return { message: "unmatched ']'; write \\] for a literal ']'", span };
    case 'LBrace':
      return { message: "'{' does not start a quantifier {m}, {m,} or {m,n}; write \\{ for a literal '{'", span };
    case 'RBrace':
      return { message: "unmatched '}'; write \\} for a literal '}'", span };
    case 'Caret':
      return {
        message:
          "'^' is only allowed at the start of the pattern or of a top-level alternative; write \\^ for a literal '^'",
        span,
      };
    case 'Dollar':
      return {
        message:
          "'$' is only allowed at the end of the pattern or of a top-level alternative; write \\$ for a literal '$'",
        span,
      };
    default:
      return { message: `unexpected '${image}'`, span };
  }
}

/** The error for a token that cannot start an atom. */
export function strayError(token: IToken, text: string, syntax: Syntax = 'wordflow'): WordflowError {
  const { message, span } = strayMessage(token, text, syntax);
  return syntaxError(message, span, text);
}

/** Describes a token for a generic message. */
function describe(token: IToken): string {
  return isEof(token) ? 'end of the pattern' : `'${token.image}'`;
}

/**
 * A chevrotain recognition exception in our words. The grammar leaves few
 * ways to reach this; the message is generic but always names the token.
 */
export function fromParserError(error: IRecognitionException, text: string): WordflowError {
  const token = error.token;
  const at = isEof(token) ? text.length : token.startOffset;
  const span = { start: at, end: isEof(token) ? at : tokenEnd(token) };
  return syntaxError(`unexpected ${describe(token)}`, span, text);
}
