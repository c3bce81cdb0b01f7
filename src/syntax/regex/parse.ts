/**
 * The parser of wordflow's regular expressions (grammar: `grammars/regex.ebnf`).
 *
 * `parseRegex` checks length and nesting depth first (one flat pass), lexes,
 * drops the meaningless whole-string anchors, and runs one reusable chevrotain
 * parser whose actions build the `Regex` AST directly. Every failure leaves as
 * a positioned `WordflowError`; nothing else is ever thrown.
 */
import type { IOrAlt, IToken } from 'chevrotain';
import { EmbeddedActionsParser } from '../chevrotain.js';
import { ALL, single } from '../../alphabet/charset.js';
import { WordflowError, asWordflowError } from '../../errors.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from '../../limits.js';
import type { Regex } from './ast.js';
import { stripAnchors } from './anchors.js';
import { type ClassReader, classReader, escapeAtom, literalAtoms } from './classset.js';
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

  // The readers of the pattern and of the class being parsed, set by the rules before their loops (neither rule
  // calls itself, so one of each is enough). The loops' alternatives are built once, below, as chevrotain's
  // performance guide advises: written in the rules, every token would allocate an array of them, each with its
  // closures (some 25 objects a token, about a quarter of a small pattern's compile).
  private group: GroupReader | undefined;
  private cls: ClassReader | undefined;

  private groupNow(): GroupReader {
    if (this.group === undefined) throw new Error('regex parser: no group reader outside a parse');
    return this.group;
  }

  private classNow(): ClassReader {
    if (this.cls === undefined) throw new Error('regex parser: no class reader outside a class');
    return this.cls;
  }

  private readonly onLiteral = (t: IToken): void => literals(t, this.groupNow());
  private readonly onQuantifier = (t: IToken): void => this.groupNow().quantifier(t);
  private readonly onPipe = (t: IToken): void => this.groupNow().or(t);
  private readonly onAmp = (t: IToken): void => this.groupNow().and(t);
  private readonly onTilde = (t: IToken): void => this.groupNow().tilde(t);
  private readonly onDot = (t: IToken): void => this.groupNow().atom(chars(ALL, tokenSpan(t)));
  private readonly onEscape = (t: IToken): void => this.groupNow().atom(escapeChars(t, this.text, this.syntax));
  private readonly onOpen = (t: IToken): void => this.groupNow().open(t);
  private readonly onClose = (t: IToken): void => this.groupNow().close(t);
  private readonly onStray = (t: IToken): void => {
    throw strayError(t, this.text, this.syntax);
  };

  private readonly patternAlternatives: IOrAlt<void>[] = [
    { ALT: () => this.on(this.CONSUME(Literal), this.onLiteral) },
    { ALT: () => this.on(this.CONSUME(Quantifier), this.onQuantifier) },
    { ALT: () => this.on(this.CONSUME(Pipe), this.onPipe) },
    { ALT: () => this.on(this.CONSUME(Amp), this.onAmp) },
    { ALT: () => this.on(this.CONSUME(Tilde), this.onTilde) },
    { ALT: () => this.on(this.CONSUME(Dot), this.onDot) },
    { ALT: () => this.on(this.CONSUME(Escape), this.onEscape) },
    { ALT: () => this.on(this.CONSUME(GroupOpen), this.onOpen) },
    { ALT: () => this.on(this.CONSUME(RParen), this.onClose) },
    {
      ALT: () => {
        const node = this.SUBRULE(this.charClass);
        this.ACTION(() => this.groupNow().atom(node));
      },
    },
    { ALT: () => this.on(this.CONSUME(Stray), this.onStray) },
  ];

  private readonly onClassChar = (t: IToken): void => literalAtoms(t).forEach(this.classNow().atom);
  private readonly onClassEscape = (t: IToken): void => this.classNow().atom(escapeAtom(t, this.text, this.syntax));
  private readonly onDash = (t: IToken): void => this.classNow().dash(t, this.classEndsNext());
  private readonly onClassOpen = (t: IToken): void => this.classNow().open(t);
  private readonly onClassClose = (t: IToken): void => this.classNow().close(t);

  private readonly classAlternatives: IOrAlt<void>[] = [
    { ALT: () => this.on(this.CONSUME(ClassChar), this.onClassChar) },
    { ALT: () => this.on(this.CONSUME(Escape), this.onClassEscape) },
    { ALT: () => this.on(this.CONSUME(Dash), this.onDash) },
    { ALT: () => this.on(this.CONSUME2(ClassOpener), this.onClassOpen) },
    { ALT: () => this.on(this.CONSUME(ClassClose), this.onClassClose) },
  ];

  private readonly patternStep = (): void => this.OR(this.patternAlternatives);
  private readonly classStep = {
    GATE: (): boolean => this.classNow().isOpen(),
    DEF: (): void => this.OR(this.classAlternatives),
  };

  private readonly pattern = this.RULE('pattern', (): Regex => {
    this.ACTION(() => (this.group = groupReader(this.text, this.limits, this.syntax)));
    this.MANY(this.patternStep);
    return this.ACTION(() => this.groupNow().finish());
  });

  private readonly charClass = this.RULE('charClass', (): Regex => {
    // A class nested in a class is read by the same reader (`open`); the rule itself never recurses.
    this.ACTION(() => (this.cls = classReader(this.text)));
    this.on(this.CONSUME(ClassOpener), this.onClassOpen);
    this.MANY(this.classStep);
    return this.ACTION(() => this.classNow().finish());
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
