/**
 * The chevrotain parser of one line of an automaton file. Lines are
 * independent statements, so the file is parsed a line at a time: errors come
 * out in file order and no rule ever recurses, however long the file.
 *
 * The parser only recognizes the shape of a line and hands back its tokens;
 * what the names and labels mean is decided in `parse.ts`.
 */
import type { IOrAlt, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { EmbeddedActionsParser, EOF } from '../chevrotain.js';
import {
  Accept,
  allTokens,
  Arrow,
  BareArrow,
  ClassLabel,
  Comma,
  EdgeOpen,
  EscapeLabel,
  Name,
  Quoted,
  Start,
  State,
  WordLabel,
} from './tokens.js';

/** One `-LABELS-> TARGET` step of an edge line. */
export interface RawEdge {
  /** The `-` that opens the label, or the bare `->` of an edge with no label. */
  readonly open: IToken;
  /** The label tokens between `-` and `->`, without the commas. */
  readonly labels: readonly IToken[];
  /** The `->` that closes the label (the bare `->` itself when there is no label). */
  readonly close: IToken;
  /** False for `q -> r`, which lacks its label. */
  readonly hasLabel: boolean;
  readonly to: IToken;
}

/** The shape of one non-empty line. */
export type RawLine =
  | { readonly kind: 'start'; readonly keyword: IToken; readonly name: IToken }
  | { readonly kind: 'accept' | 'state'; readonly keyword: IToken; readonly names: readonly IToken[] }
  | { readonly kind: 'edges'; readonly from: IToken; readonly edges: readonly RawEdge[] };

/** How a token reads in a message. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the line';
  return `'${token.image}'`;
}

function expectedLabel(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function alternatives(paths: readonly (readonly TokenType[])[]): string {
  const firsts = [...new Set(paths.map((p) => (p[0] === undefined ? 'the end of the line' : expectedLabel(p[0]))))];
  return firsts.length <= 1
    ? (firsts[0] ?? 'more')
    : `${firsts.slice(0, -1).join(', ')} or ${firsts[firsts.length - 1]}`;
}

const LINE_SHAPES = "a line is 'start NAME', 'accept NAME …', 'state NAME …' or an edge 'FROM -LABEL-> TO'";

/** Plain-words messages in place of chevrotain's defaults. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    const after = previous.tokenType === EOF || previous.image === '' ? '' : ` after '${previous.image}'`;
    return `expected ${expectedLabel(expected)}${after}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (
      firstRedundant.tokenType === Start ||
      firstRedundant.tokenType === Accept ||
      firstRedundant.tokenType === State
    ) {
      return `expected the end of the line, found ${describeToken(firstRedundant)}: each statement goes on a line of its own`;
    }
    return `expected the end of the line, found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const found = actual[0] === undefined ? 'the end of the line' : describeToken(actual[0]);
    const after = previous.tokenType === EOF || previous.image === '' ? '' : ` after '${previous.image}'`;
    if (ruleName === 'line') return `${LINE_SHAPES}; found ${found}`;
    if (ruleName === 'label') {
      return `expected a label (a symbol, a class such as [0-9], '.' or ε)${after}, found ${found}`;
    }
    return `expected ${alternatives(expectedPathsPerAlt.flat())}${after}, found ${found}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    const found = actual[0] === undefined ? 'the end of the line' : describeToken(actual[0]);
    if (ruleName === 'line') {
      return `expected an edge '-LABEL-> TARGET' after '${previous.image}', found ${found}; to declare a state on its own, write 'state ${previous.image}'`;
    }
    return `expected more after '${previous.image}', found ${found}`;
  },
};

export class FaLineParser extends EmbeddedActionsParser {
  /** `validate`: run chevrotain's grammar checks (a test does; at run time they only cost start-up time). */
  constructor(validate = false) {
    super(allTokens, {
      recoveryEnabled: false,
      maxLookahead: 2,
      errorMessageProvider: messages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  // The alternatives of each OR are built once and reused (chevrotain's
  // advice for speed): their closures use nothing but `this`.
  private nameAlts: IOrAlt<IToken>[] | undefined;
  private labelAlts: IOrAlt<IToken>[] | undefined;
  private edgeAlts: IOrAlt<RawEdge>[] | undefined;
  private lineAlts: IOrAlt<RawLine>[] | undefined;

  readonly name = this.RULE('name', (): IToken =>
    this.OR((this.nameAlts ??= [{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(Quoted) }])),
  );

  readonly label = this.RULE('label', (): IToken =>
    this.OR(
      (this.labelAlts ??= [
        { ALT: () => this.CONSUME(WordLabel) },
        { ALT: () => this.CONSUME(EscapeLabel) },
        { ALT: () => this.CONSUME(ClassLabel) },
      ]),
    ),
  );

  private labelled(): RawEdge {
    const open = this.CONSUME(EdgeOpen);
    const labels: IToken[] = [];
    this.OPTION(() => {
      labels.push(this.SUBRULE(this.label));
      this.MANY(() => {
        this.CONSUME(Comma);
        labels.push(this.SUBRULE2(this.label));
      });
    });
    const close = this.CONSUME(Arrow);
    const to = this.SUBRULE(this.name);
    return { open, labels, close, hasLabel: true, to };
  }

  private unlabelled(): RawEdge {
    const open = this.CONSUME(BareArrow);
    const to = this.SUBRULE2(this.name);
    return { open, labels: [], close: open, hasLabel: false, to };
  }

  readonly edge = this.RULE('edge', (): RawEdge =>
    this.OR((this.edgeAlts ??= [{ ALT: () => this.labelled() }, { ALT: () => this.unlabelled() }])),
  );

  private readonly nameList = this.RULE('nameList', (): IToken[] => {
    const names = [this.SUBRULE(this.name)];
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(Comma));
      names.push(this.SUBRULE2(this.name));
    });
    return names;
  });

  private edges(): RawLine {
    const from = this.SUBRULE2(this.name);
    const edges: RawEdge[] = [];
    this.AT_LEAST_ONE(() => edges.push(this.SUBRULE(this.edge)));
    return { kind: 'edges', from, edges };
  }

  readonly line = this.RULE('line', (): RawLine =>
    this.OR(
      (this.lineAlts ??= [
        { ALT: () => ({ kind: 'start', keyword: this.CONSUME(Start), name: this.SUBRULE(this.name) }) },
        { ALT: () => ({ kind: 'accept', keyword: this.CONSUME(Accept), names: this.SUBRULE(this.nameList) }) },
        { ALT: () => ({ kind: 'state', keyword: this.CONSUME(State), names: this.SUBRULE2(this.nameList) }) },
        { ALT: () => this.edges() },
      ]),
    ),
  );
}

/** The one parser, built on the first `.fa` line (its grammar analysis is not free, and most runs read no `.fa` file). */
let parser: FaLineParser | undefined;

/** A parse failure: the message and the token it points at (EOF = end of line). */
export interface LineSyntaxError {
  readonly message: string;
  readonly token: IToken;
}

/** Parses the tokens of one non-empty line (no newline tokens). */
export function parseLine(tokens: IToken[]): RawLine | LineSyntaxError {
  parser ??= new FaLineParser();
  parser.input = tokens;
  const line = parser.line();
  const error = parser.errors[0];
  if (error !== undefined) return { message: error.message, token: error.token };
  return line;
}
