/**
 * The parser of map expressions. chevrotain recognises one flat loop of
 * tokens; precedence and nesting are resolved by a shunting-yard reader that
 * keeps operators and operands on explicit stacks, so no input — however
 * deeply it nests — makes the parser recurse. The nesting depth (open
 * parentheses and calls) and the height of the tree built are bounded by
 * `maxDepth` as they grow, which keeps the recursive passes over the tree
 * (evaluation, printing, derivatives) far from the stack's end. Every failure
 * is a positioned `WordflowError`.
 */
import type { IToken } from 'chevrotain';
import { EmbeddedActionsParser } from '../syntax/chevrotain.js';
import { type Span, WordflowError, asWordflowError, limitError, lineColumn } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import {
  FUNCTION_ARITY,
  FUNCTION_NAMES,
  isMapFunction,
  type MapExpr,
  type MapFunction,
  type MapOperator,
} from './ast.js';
import { decimalIsExact } from './float.js';
import { lexMapExpr, mapTokens, tokenEnd } from './lexer.js';

/** An entry of the operator stack. */
type Pending =
  | { readonly type: 'binary'; readonly op: MapOperator; readonly token: IToken }
  | { readonly type: 'neg'; readonly token: IToken }
  | { readonly type: 'paren'; readonly token: IToken }
  | { readonly type: 'call'; readonly fn: MapFunction; readonly token: IToken; args: number };

/** Binding strength: unary minus binds looser than `^` (−x^2 = −(x²)) and tighter than `*`. */
const PRECEDENCE: { readonly [K in MapOperator | 'neg']: number } = {
  '+': 1,
  '-': 1,
  '*': 2,
  '/': 2,
  neg: 3,
  '^': 4,
};

/** Every name the language knows, for suggestions. */
const NAMES: readonly string[] = ['x', 'y', 'pi', 'e', ...FUNCTION_NAMES];

/** Characters people type for operators the language spells otherwise. */
const HINTS: Readonly<Record<string, string>> = {
  π: "; write 'pi'",
  '−': "; write '-' for minus",
  '×': "; write '*' for products",
  '·': "; write '*' for products",
  '÷': "; write '/' for division",
  '²': "; write '^2' for squares",
};

function span(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}

function quote(token: IToken): string {
  return `'${token.image}'`;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost));
    }
    row = next;
  }
  return row[b.length]!;
}

/** The known name nearest to `name` (case differences count least). */
export function nearestName(name: string): string {
  let best = NAMES[0]!;
  let bestDistance = Infinity;
  for (const candidate of NAMES) {
    const d = candidate === name.toLowerCase() ? 0.5 : distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * The shunting-yard reader: tokens in, one `MapExpr` out. `expectOperand`
 * says whether the next token must start an operand (a number, a name, `(`
 * or a unary minus) or continue after one (an operator, `)` or `,`).
 */
class Reader {
  private readonly operands: MapExpr[] = [];
  private readonly heights: number[] = [];
  private readonly pending: Pending[] = [];
  private expectOperand = true;
  /** A function name waiting for its `(`. */
  private callee: IToken | undefined;
  /** The last token read, for messages about what came before. */
  private previous: IToken | undefined;
  private nesting = 0;

  constructor(
    private readonly text: string,
    private readonly limits: Limits,
  ) {}

  private error(message: string, where: Span): WordflowError {
    return new WordflowError('syntax', message, where, this.text);
  }

  private column(offset: number): string {
    const { line, column } = lineColumn(this.text, offset);
    return this.text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
  }

  /** The error for a token that cannot come where an operand is expected. */
  private missingOperand(token: IToken | undefined): WordflowError {
    const before = this.previous;
    const found = token === undefined ? 'the end of the expression' : quote(token);
    if (before === undefined) {
      return this.error(
        `expected a number, x, y, pi, e, a function call or '(' at the start, but found ${found}`,
        token === undefined ? { start: 0, end: 0 } : span(token),
      );
    }
    if (token === undefined) {
      return this.error(`the expression ends after ${quote(before)}; expected an operand after it`, span(before));
    }
    if (before.tokenType === mapTokens().LParen && token.tokenType === mapTokens().RParen) {
      return this.error("empty parentheses '()'", { start: before.startOffset, end: tokenEnd(token) });
    }
    return this.error(`expected an operand after ${quote(before)}, but found ${found}`, span(token));
  }

  /** The error for an operand where an operator was expected. */
  private missingOperator(token: IToken): WordflowError {
    return this.error(
      `unexpected ${quote(token)} after a complete expression; put an operator before it (products need '*', as in 2*x)`,
      span(token),
    );
  }

  private beforeToken(token: IToken): void {
    if (this.callee !== undefined && token.tokenType !== mapTokens().LParen) {
      const name = this.callee.image;
      throw this.error(`'${name}' is a function: write ${name}(…)`, span(this.callee));
    }
  }

  private pushOperand(node: MapExpr, height: number): void {
    if (height > this.limits.maxDepth) {
      throw limitError('expression depth', 'maxDepth', this.limits.maxDepth, node.span, this.text);
    }
    this.operands.push(node);
    this.heights.push(height);
    this.expectOperand = false;
  }

  private popOperand(): { node: MapExpr; height: number } {
    const node = this.operands.pop();
    const height = this.heights.pop();
    if (node === undefined || height === undefined)
      throw new WordflowError('internal', 'map expression reader lost an operand');
    return { node, height };
  }

  /** Builds the node of the operator on top of the stack. */
  private reduce(): void {
    const top = this.pending.pop();
    if (top === undefined || top.type === 'paren' || top.type === 'call') {
      throw new WordflowError('internal', 'map expression reader reduced a parenthesis');
    }
    if (top.type === 'neg') {
      const { node: arg, height } = this.popOperand();
      this.pushOperand({ kind: 'neg', arg, span: { start: top.token.startOffset, end: arg.span.end } }, height + 1);
      return;
    }
    const right = this.popOperand();
    const left = this.popOperand();
    this.pushOperand(
      {
        kind: 'binary',
        op: top.op,
        left: left.node,
        right: right.node,
        span: { start: left.node.span.start, end: right.node.span.end },
      },
      Math.max(left.height, right.height) + 1,
    );
  }

  /** Reduces operators while they bind at least as tightly as an incoming one of strength `strength`. */
  private reduceWhile(strength: number, leftAssociative: boolean): void {
    for (;;) {
      const top = this.pending[this.pending.length - 1];
      if (top === undefined || top.type === 'paren' || top.type === 'call') return;
      const p = PRECEDENCE[top.type === 'neg' ? 'neg' : top.op];
      if (p > strength || (p === strength && leftAssociative)) this.reduce();
      else return;
    }
  }

  number(token: IToken): void {
    this.beforeToken(token);
    if (!this.expectOperand) throw this.missingOperator(token);
    const value = Number(token.image);
    if (!Number.isFinite(value)) throw this.error(`the number ${quote(token)} is too large for a double`, span(token));
    const exact = decimalIsExact(token.image, value);
    this.pushOperand({ kind: 'num', value, text: token.image, exact, span: span(token) }, 1);
    this.previous = token;
  }

  identifier(token: IToken): void {
    this.beforeToken(token);
    if (!this.expectOperand) throw this.missingOperator(token);
    const name = token.image;
    if (name === 'x' || name === 'y') this.pushOperand({ kind: 'var', name, span: span(token) }, 1);
    else if (name === 'pi' || name === 'e') this.pushOperand({ kind: 'const', name, span: span(token) }, 1);
    else if (isMapFunction(name)) this.callee = token;
    else throw this.error(`unknown name '${name}'; did you mean '${nearestName(name)}'?`, span(token));
    this.previous = token;
  }

  operator(token: IToken): void {
    this.beforeToken(token);
    const op = token.image as MapOperator;
    if (this.expectOperand) {
      if (op !== '-') throw this.missingOperand(token);
      this.pending.push({ type: 'neg', token });
    } else {
      this.reduceWhile(PRECEDENCE[op], op !== '^');
      this.pending.push({ type: 'binary', op, token });
      this.expectOperand = true;
    }
    this.previous = token;
  }

  open(token: IToken): void {
    if (!this.expectOperand) throw this.missingOperator(token);
    this.nesting++;
    if (this.nesting > this.limits.maxDepth) {
      throw limitError('nesting depth', 'maxDepth', this.limits.maxDepth, span(token), this.text);
    }
    const callee = this.callee;
    if (callee !== undefined) {
      const fn = callee.image as MapFunction;
      this.pending.push({ type: 'call', fn, token: callee, args: 0 });
      this.callee = undefined;
    } else {
      this.pending.push({ type: 'paren', token });
    }
    this.previous = token;
  }

  close(token: IToken): void {
    this.beforeToken(token);
    if (this.expectOperand) throw this.missingOperand(token);
    this.reduceWhile(0, true);
    const top = this.pending.pop();
    if (top === undefined) throw this.error("unmatched ')'", span(token));
    this.nesting--;
    if (top.type === 'paren') {
      const { node, height } = this.popOperand();
      this.pushOperand({ ...node, span: { start: top.token.startOffset, end: tokenEnd(token) } }, height);
    } else if (top.type === 'call') {
      const count = top.args + 1;
      const arity = FUNCTION_ARITY[top.fn];
      const where = { start: top.token.startOffset, end: tokenEnd(token) };
      if (count !== arity) {
        throw this.error(
          `${top.fn} takes ${arity} argument${arity === 1 ? '' : 's'}, but ${count} ${count === 1 ? 'was' : 'were'} given`,
          where,
        );
      }
      const args: { node: MapExpr; height: number }[] = [];
      for (let i = 0; i < count; i++) args.unshift(this.popOperand());
      const height = Math.max(...args.map((a) => a.height)) + 1;
      this.pushOperand({ kind: 'call', fn: top.fn, args: args.map((a) => a.node), span: where }, height);
    }
    this.previous = token;
  }

  comma(token: IToken): void {
    this.beforeToken(token);
    if (this.expectOperand) throw this.missingOperand(token);
    this.reduceWhile(0, true);
    const top = this.pending[this.pending.length - 1];
    if (top === undefined || top.type !== 'call') {
      throw this.error("',' is only allowed between the arguments of a function call, as in min(x, y)", span(token));
    }
    top.args++;
    this.expectOperand = true;
    this.previous = token;
  }

  unknown(token: IToken): void {
    this.beforeToken(token);
    if (token.image === '**') throw this.error("'**' is not an operator here; write ^ for powers", span(token));
    throw this.error(`unexpected character '${token.image}'${HINTS[token.image] ?? ''}`, span(token));
  }

  finish(): MapExpr {
    if (this.callee !== undefined) {
      const name = this.callee.image;
      throw this.error(`'${name}' is a function: write ${name}(…)`, span(this.callee));
    }
    if (this.previous === undefined) {
      throw this.error('empty expression; write a formula in x and y, such as x + 0.3*sin(2*pi*y)', {
        start: 0,
        end: this.text.length,
      });
    }
    if (this.expectOperand) throw this.missingOperand(undefined);
    this.reduceWhile(0, true);
    const open = this.pending[this.pending.length - 1];
    if (open !== undefined) {
      const opener = open.type === 'call' ? `'${open.fn}('` : "'('";
      throw this.error(`unclosed ${opener} opened at ${this.column(open.token.startOffset)}`, span(open.token));
    }
    return this.popOperand().node;
  }
}

/** One flat rule: a loop over tokens, each handed to the reader. */
class MapExprParser extends EmbeddedActionsParser {
  reader: Reader = new Reader('', DEFAULT_LIMITS);

  constructor() {
    const t = mapTokens();
    super(t.all, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  private on(token: IToken, act: (token: IToken) => void): void {
    this.ACTION(() => act(token));
  }

  private readonly expression = this.RULE('expression', (): MapExpr => {
    const t = mapTokens();
    this.MANY(() => {
      this.OR([
        { ALT: () => this.on(this.CONSUME(t.Number), (k) => this.reader.number(k)) },
        { ALT: () => this.on(this.CONSUME(t.Identifier), (k) => this.reader.identifier(k)) },
        { ALT: () => this.on(this.CONSUME(t.Operator), (k) => this.reader.operator(k)) },
        { ALT: () => this.on(this.CONSUME(t.LParen), (k) => this.reader.open(k)) },
        { ALT: () => this.on(this.CONSUME(t.RParen), (k) => this.reader.close(k)) },
        { ALT: () => this.on(this.CONSUME(t.Comma), (k) => this.reader.comma(k)) },
        { ALT: () => this.on(this.CONSUME(t.DoubleStar), (k) => this.reader.unknown(k)) },
        { ALT: () => this.on(this.CONSUME(t.Unknown), (k) => this.reader.unknown(k)) },
      ]);
    });
    return this.ACTION(() => this.reader.finish());
  });

  run(tokens: IToken[], text: string, limits: Limits): MapExpr {
    this.reader = new Reader(text, limits);
    this.input = tokens;
    const result = this.expression();
    const error = this.errors[0];
    if (error !== undefined) {
      const at = error.token.startOffset;
      throw new WordflowError('syntax', `unexpected '${error.token.image}'`, { start: at, end: at + 1 }, text);
    }
    return result;
  }
}

let parser: MapExprParser | undefined;

/**
 * Parses a map expression: a formula in `x` and `y` with numbers (`2`, `0.5`,
 * `1e-3`), `pi`, `e`, `+ - * / ^` (`^` right-associative and tighter than
 * unary minus: `-x^2` is −(x²)), parentheses and the functions `sin cos tan
 * exp log sqrt tanh abs relu step sign` (one argument) and `min max` (two).
 * Throws a `WordflowError`: kind `syntax` with the span of the fault (unknown
 * names come with the nearest known one), kind `limit` for `maxLength` and
 * `maxDepth` (nesting of parentheses and calls, and the height of the tree).
 *
 * @example parseMapExpr('x + 0.3*sin(2*pi*y)')
 */
export function parseMapExpr(text: string, limits: Partial<Limits> = {}): MapExpr {
  const bounds: Limits = { ...DEFAULT_LIMITS, ...limits };
  try {
    if (text.length > bounds.maxLength) {
      throw limitError(
        `expression length ${text.length.toLocaleString('en-US')}`,
        'maxLength',
        bounds.maxLength,
        { start: bounds.maxLength, end: text.length },
        text,
      );
    }
    parser ??= new MapExprParser();
    return parser.run(lexMapExpr(text), text, bounds);
  } catch (e) {
    if (e instanceof WordflowError) throw e.source === undefined ? e.withSource(text) : e;
    throw asWordflowError(e).withSource(text);
  }
}
