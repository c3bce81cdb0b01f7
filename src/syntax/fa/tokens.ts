/**
 * Tokens of the automaton-file format (`grammars/fa.ebnf`).
 *
 * The lexer has two modes because the same characters mean different things
 * in and out of an edge label: outside, `-` opens a label and letters make
 * state names; inside (between `-` and `->`), letters are symbols and `-` must
 * be escaped. A newline always ends the label mode, so an unclosed label
 * cannot swallow the following lines.
 *
 * Lexical faults that have a clear cause (an unterminated class or quoted
 * name) are tokens of their own, so the parser can report them in plain words
 * instead of chevrotain's generic "unexpected character".
 */
import type { Lexer as ChevrotainLexer, TokenType } from 'chevrotain';
import { createToken, Lexer } from '../chevrotain.js';

/** Spaces, tabs and carriage returns (so CRLF files read like LF files). */
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

/** `#` to the end of the line, in either mode. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: Lexer.SKIPPED });

/** Ends a line (and so a statement). */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true, label: 'the end of the line' });

/** A newline met inside an unclosed label: ends the line and leaves label mode. */
export const LabelNewline = createToken({
  name: 'LabelNewline',
  pattern: /\n/,
  line_breaks: true,
  pop_mode: true,
  categories: [Newline],
  label: 'the end of the line',
});

/** The keyword of the start line. */
export const Start = createToken({ name: 'Start', pattern: /start/, label: "'start'" });
/** The keyword of an accept line. */
export const Accept = createToken({ name: 'Accept', pattern: /accept/, label: "'accept'" });
/** The keyword of a state line (declares states without edges). */
export const State = createToken({ name: 'State', pattern: /state/, label: "'state'" });

// chevrotain rebuilds regex patterns without the `u` flag, which `\p{…}`
// needs, so names are matched by hand with a sticky Unicode regex. It is made
// on first use: V8 reads a `\p{…}` class from ICU's tables when the regex is
// created, millions of instructions, and most runs read no .fa file.
let namePattern: RegExp | undefined;

function matchName(text: string, offset: number): RegExpExecArray | null {
  namePattern ??= /[\p{L}\p{N}_'.][\p{L}\p{M}\p{N}_'.]*/uy;
  namePattern.lastIndex = offset;
  return namePattern.exec(text);
}

// Every UTF-16 unit a name can start with, a superset: ASCII name characters and every unit above
// ASCII. Without a hint chevrotain turns its first-char optimization off for the whole mode. The
// list (like the word label's) is made when the lexer is built: 65 536 numbers cost start-up time.
function nameStartUnits(): number[] {
  return [..."_'.0123456789"]
    .map((c) => c.charCodeAt(0))
    .concat(
      Array.from({ length: 26 }, (_, i) => 0x41 + i),
      Array.from({ length: 26 }, (_, i) => 0x61 + i),
    )
    .concat(Array.from({ length: 0x10000 - 0x80 }, (_, i) => 0x80 + i));
}

/**
 * A plain state name: letters, marks, digits, `_`, `'` and `.` (any script).
 * Keywords are tried first and fall back to this when the word goes on
 * (`started` is a name).
 */
export const Name = createToken({
  name: 'Name',
  pattern: { exec: matchName },
  // start_chars_hint: nameStartUnits(), set by buildFaLexer
  line_breaks: false,
  label: 'a state name',
});
for (const keyword of [Start, Accept, State]) keyword.LONGER_ALT = Name;

/** A double-quoted state name; a backslash makes the next character literal. */
export const Quoted = createToken({ name: 'Quoted', pattern: /"(?:[^"\\\n]|\\[^\n])*"/, label: 'a state name' });

/** A quote with no closing quote on its line. */
export const UnterminatedQuoted = createToken({ name: 'UnterminatedQuoted', pattern: /"(?:[^"\\\n]|\\[^\n])*\\?/ });

/** `->` with no `-` label before it: `q -> r`, an edge missing its label. */
export const BareArrow = createToken({ name: 'BareArrow', pattern: /->/, label: "'-LABEL->'" });

/** `-` opens an edge label. */
export const EdgeOpen = createToken({
  name: 'EdgeOpen',
  pattern: /-/,
  push_mode: 'label',
  label: "an edge '-LABEL-> TARGET'",
});

/** `,` separates names in `accept`/`state` lines and labels in an edge. */
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });

/** `->` closes an edge label. */
export const Arrow = createToken({ name: 'Arrow', pattern: /->/, pop_mode: true, label: "'->'" });

// Brackets are counted so a nested class stays one token; a backslash hides
// the character after it. Fails (leaving the text to `UnterminatedClass`)
// when the line ends first.
function matchClass(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== 0x5b) return null;
  let depth = 0;
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return null;
    if (c === 0x5c) {
      if (i + 1 >= text.length || text.charCodeAt(i + 1) === 0x0a) return null;
      i++;
    } else if (c === 0x5b) {
      depth++;
    } else if (c === 0x5d && --depth === 0) {
      return [text.slice(offset, i + 1)];
    }
  }
  return null;
}

/** A bracketed class, `[0-9]`, `[^a-z]`, `[\]]`, nested `[a[^b]]`: handed to the expression parser. */
export const ClassLabel = createToken({
  name: 'ClassLabel',
  pattern: { exec: matchClass },
  start_chars_hint: ['['],
  line_breaks: false,
  label: 'a label',
});

/** A `[` whose class does not close on its line. */
export const UnterminatedClass = createToken({ name: 'UnterminatedClass', pattern: /\[[^\n]*/ });

/**
 * A backslash escape. After a letter or digit the escape runs on over the
 * characters escapes are made of (`\x41`, `\u{1F600}`, `\p{L}`) and is handed
 * to the expression parser, so escapes mean the same in both syntaxes; after
 * anything else (`\-`, `\ `, `\,`) it is that character, taken literally.
 * A surrogate pair written as two `\u` escapes stays one token, one code point.
 */
export const EscapeLabel = createToken({
  name: 'EscapeLabel',
  pattern:
    /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|[0-9A-Za-z][0-9A-Za-z_{}=]*|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n])/,
  label: 'a label',
});

// The units a word label cannot start with: JavaScript's `\s` and `\ [ ] , # -`, listed rather than
// found by testing the pattern on all 65 536 units, which cost start-up time
// (`test/syntax/grammars.test.ts` checks the list against the pattern).
const NOT_WORD_START = [
  0x09,
  0x0a,
  0x0b,
  0x0c,
  0x0d,
  0x20,
  0x23,
  0x2c,
  0x2d,
  0x5b,
  0x5c,
  0x5d,
  0xa0,
  0x1680,
  ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
  0xfeff,
];

/** Every UTF-16 unit but the given ones, ascending. */
function unitsExcept(excluded: readonly number[]): number[] {
  const skip = new Uint8Array(0x10000);
  for (const u of excluded) skip[u] = 1;
  const units: number[] = [];
  for (let u = 0; u < 0x10000; u++) if (skip[u] === 0) units.push(u);
  return units;
}

/**
 * A run of ordinary characters inside a label. One code point is that
 * symbol, `.` is any code point, `ε` and `eps` are the empty string; longer
 * runs are reported as an error (a label is one symbol).
 */
export const WordLabel = createToken({
  name: 'WordLabel',
  pattern: /[^\s\\[\],#-]+/,
  // chevrotain cannot read the start characters of a negated class itself:
  // start_chars_hint: unitsExcept(NOT_WORD_START), set by buildFaLexer
  label: 'a label',
});

const mainMode: TokenType[] = [
  Whitespace,
  Comment,
  Newline,
  BareArrow,
  EdgeOpen,
  Comma,
  Quoted,
  UnterminatedQuoted,
  Start,
  Accept,
  State,
  Name,
];

const labelMode: TokenType[] = [
  Whitespace,
  Comment,
  LabelNewline,
  Arrow,
  Comma,
  ClassLabel,
  UnterminatedClass,
  EscapeLabel,
  WordLabel,
];

/** Every token type, for the parser's vocabulary. */
export const allTokens: TokenType[] = [...new Set([...mainMode, ...labelMode])];

/**
 * The lexer, built on first use (most runs read no `.fa` file). Tokens carry
 * only their UTF-16 offsets: lines are found from the newline tokens, and
 * leaving out chevrotain's line and column tracking makes the many small
 * tokens of a large file markedly cheaper.
 */
export function faLexer(): ChevrotainLexer {
  lexer ??= buildFaLexer();
  return lexer;
}

/** A fresh lexer; `validate` runs chevrotain's checks of the token definitions (a test does, see `faLexer`). */
export function buildFaLexer(validate = false): ChevrotainLexer {
  Name.START_CHARS_HINT ??= nameStartUnits();
  WordLabel.START_CHARS_HINT ??= unitsExcept(NOT_WORD_START);
  return new Lexer(
    { modes: { main: mainMode, label: labelMode }, defaultMode: 'main' },
    { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: !validate },
  );
}
let lexer: ChevrotainLexer | undefined;
