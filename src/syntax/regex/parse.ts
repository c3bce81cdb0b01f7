/**
 * The parser of wordflow's regular expressions (grammar: `grammars/regex.ebnf`).
 *
 * `parseRegex` checks length and nesting depth first (one flat pass), lexes,
 * drops the meaningless whole-string anchors, and runs one reusable chevrotain
 * parser whose actions build the `Regex` AST directly. Every failure leaves as
 * a positioned `WordflowError`; nothing else is ever thrown.
 */
import type { IToken } from 'chevrotain';
import { EmbeddedActionsParser } from '../chevrotain.js';
import { ALL, single } from '../../alphabet/charset.js';
import { WordflowError, asWordflowError } from '../../errors.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from '../../limits.js';
import type { Regex } from './ast.js';
import { stripAnchors } from './anchors.js';
import { classReader, escapeAtom, literalAtoms } from './classset.js';
import { decodeEscape } from './escape.js';
import {
  ALL_TOKENS,
  Amp,
  ClassChar,
  ClassClose,
  ClassOpener,
  Dash,
  Dot,
  Escape,
  GroupOpen,
  Literal,
  Pipe,
  Quantifier,
  RParen,
  Stray,
  Tilde,
  isEof,
  lex,
} from './lexer.js';
import { type GroupReader, groupReader } from './groups.js';
import { fromParserError, strayError, tokenSpan } from './messages.js';
import { chars } from './nodes.js';
import { checkDepth, checkLength } from './prescan.js';
import { DEFAULT_SYNTAX, type Syntax } from './syntax.js';

/**
 * Two rules, each one flat loop: `pattern` reads the tokens outside classes
 * and `charClass` one class with everything nested in it. Precedence and
 * nesting are resolved by the readers in `groups.ts`, `sequence.ts` and
 * `classset.ts`, which keep open groups and classes on explicit stacks; so
 * the parser uses the same few stack frames however deeply a pattern nests.
 */
export class RegexParser extends EmbeddedActionsParser {
  /** The pattern being parsed, for spans and messages. Set before each run. */
  text = '';
  limits: Limits = DEFAULT_LIMITS;
  syntax: Syntax = DEFAULT_SYNTAX;

  /** `validate`: run chevrotain's grammar checks (a test does; see `buildRegexLexer`). */
  constructor(validate = false) {
    super(ALL_TOKENS, { recoveryEnabled: false, maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** Runs `act` on a consumed token, outside chevrotain's recording phase. */
  private on(token: IToken, act: (token: IToken) => void): void {
    this.ACTION(() => act(token));
  }

  private readonly pattern = this.RULE('pattern', (): Regex => {
    const g = this.ACTION(() => groupReader(this.text, this.limits, this.syntax));
    this.MANY(() => {
      this.OR([
        { ALT: () => this.on(this.CONSUME(Literal), (t) => literals(t, g)) },
        { ALT: () => this.on(this.CONSUME(Quantifier), (t) => g.quantifier(t)) },
        { ALT: () => this.on(this.CONSUME(Pipe), (t) => g.or(t)) },
        { ALT: () => this.on(this.CONSUME(Amp), (t) => g.and(t)) },
        { ALT: () => this.on(this.CONSUME(Tilde), (t) => g.tilde(t)) },
        { ALT: () => this.on(this.CONSUME(Dot), (t) => g.atom(chars(ALL, tokenSpan(t)))) },
        { ALT: () => this.on(this.CONSUME(Escape), (t) => g.atom(escapeChars(t, this.text, this.syntax))) },
        { ALT: () => this.on(this.CONSUME(GroupOpen), (t) => g.open(t)) },
        { ALT: () => this.on(this.CONSUME(RParen), (t) => g.close(t)) },
        {
          ALT: () => {
            const node = this.SUBRULE(this.charClass);
            this.ACTION(() => g.atom(node));
          },
        },
        {
          ALT: () =>
            this.on(this.CONSUME(Stray), (t) => {
              throw strayError(t, this.text, this.syntax);
            }),
        },
      ]);
    });
    return this.ACTION(() => g.finish());
  });

  private readonly charClass = this.RULE('charClass', (): Regex => {
    const cls = this.ACTION(() => classReader(this.text));
    this.on(this.CONSUME(ClassOpener), (t) => cls.open(t));
    this.MANY({
      GATE: () => cls.isOpen(),
      DEF: () => {
        this.OR([
          { ALT: () => this.on(this.CONSUME(ClassChar), (t) => literalAtoms(t).forEach(cls.atom)) },
          { ALT: () => this.on(this.CONSUME(Escape), (t) => cls.atom(escapeAtom(t, this.text, this.syntax))) },
          { ALT: () => this.on(this.CONSUME(Dash), (t) => cls.dash(t, this.classEndsNext())) },
          { ALT: () => this.on(this.CONSUME2(ClassOpener), (t) => cls.open(t)) },
          { ALT: () => this.on(this.CONSUME(ClassClose), (t) => cls.close(t)) },
        ]);
      },
    });
    return this.ACTION(() => cls.finish());
  });

  /** Whether the next token ends the class (or the input). */
  private classEndsNext(): boolean {
    const next = this.LA(1);
    return isEof(next) || next.tokenType === ClassClose;
  }

  /** Parses tokens of `text`; recognition errors come back translated. */
  run(tokens: IToken[], text: string, limits: Limits, syntax: Syntax): Regex {
    this.text = text;
    this.limits = limits;
    this.syntax = syntax;
    this.input = tokens;
    const result = this.pattern();
    const error = this.errors[0];
    if (error !== undefined) throw fromParserError(error, text);
    return result;
  }
}

/** One atom per code point of a run of literals. */
function literals(token: IToken, g: GroupReader): void {
  let offset = token.startOffset;
  for (const ch of token.image) {
    const cp = ch.codePointAt(0)!;
    g.atom(chars(single(cp), { start: offset, end: offset + ch.length }));
    offset += ch.length;
  }
}

/** The set an escape outside a class stands for. */
function escapeChars(token: IToken, text: string, syntax: Syntax): Regex {
  const decoded = decodeEscape(token.image, token.startOffset, text, false, syntax);
  return decoded.kind === 'set'
    ? chars(decoded.set, tokenSpan(token), decoded.property)
    : chars(single(decoded.cp), tokenSpan(token));
}

let parser: RegexParser | undefined;

/** The one parser instance; chevrotain's grammar analysis is too costly to repeat per call. */
function theParser(): RegexParser {
  parser ??= new RegexParser();
  return parser;
}

/** A stack overflow (which the depth pre-scan should prevent) as a `--max-depth` limit error. */
function overflowError(text: string): WordflowError {
  return new WordflowError(
    'limit',
    `the pattern is nested too deeply to parse; lower its nesting (the limit is set with ${LIMIT_FLAGS.maxDepth})`,
    { start: 0, end: text.length },
    text,
    undefined,
    'maxDepth',
  );
}

/**
 * Parses `text` as a wordflow regular expression (see `grammars/regex.md`),
 * or with `syntax: 'ecma'` as JavaScript's `new RegExp(text, 'su')` reads it
 * (see `syntax.ts`). Throws only `WordflowError`: kind `syntax` for malformed
 * input, kind `limit` for `--max-length`, `--max-depth` and `--max-repeat`;
 * spans are UTF-16 offsets into `text`.
 *
 * @example parseRegex('(a|b)*abb') // concat of a repeat and three chars
 * @example parseRegex('a=1&b=2', DEFAULT_LIMITS, 'ecma') // seven literal characters
 */
export function parseRegex(text: string, limits: Limits = DEFAULT_LIMITS, syntax: Syntax = DEFAULT_SYNTAX): Regex {
  try {
    checkLength(text, limits);
    checkDepth(text, limits, syntax);
    return theParser().run(stripAnchors(lex(text, syntax)), text, limits, syntax);
  } catch (e) {
    if (e instanceof WordflowError) throw e.source === undefined ? e.withSource(text) : e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw overflowError(text);
    throw asWordflowError(e).withSource(text);
  }
}
