/**
 * The tree of a map expression: a formula in `x` and `y` that names one
 * coordinate of a map of the plane (or of a vector field). Every node keeps
 * the span of the source text it came from, so that later passes (interval
 * checks, the approximation compiler) can point at the part of a formula at
 * fault; nodes built by `derivative` carry the span of the node they were
 * derived from.
 */
import type { Span } from '../errors.js';

/** The two coordinates. */
export type MapVariable = 'x' | 'y';

/** The named constants: π and Euler's number. */
export type MapConstant = 'pi' | 'e';

/** The binary operators; `^` is the power, right-associative. */
export type MapOperator = '+' | '-' | '*' | '/' | '^';

/**
 * The functions of the language. `step` (Heaviside, step(0) = 0) and `sign`
 * (sign(0) = 0) are there so that the derivatives of `relu` and `abs` can be
 * written in the language (and printed and parsed back).
 */
export type MapFunction =
  'sin' | 'cos' | 'tan' | 'exp' | 'log' | 'sqrt' | 'tanh' | 'abs' | 'relu' | 'step' | 'sign' | 'min' | 'max';

/** How many arguments each function takes. */
export const FUNCTION_ARITY: { readonly [F in MapFunction]: number } = {
  sin: 1,
  cos: 1,
  tan: 1,
  exp: 1,
  log: 1,
  sqrt: 1,
  tanh: 1,
  abs: 1,
  relu: 1,
  step: 1,
  sign: 1,
  min: 2,
  max: 2,
};

/** The function names, in the order messages list them. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as readonly MapFunction[];

/** Whether `name` is a function of the language. */
export function isMapFunction(name: string): name is MapFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name);
}

/**
 * A literal number, never negative (a minus sign is a `neg` node). `text` is
 * how it is printed; `exact` says whether `value` is exactly the number the
 * text denotes (`0.5` is, `0.1` is not), which interval evaluation needs.
 */
export interface MapNumber {
  readonly kind: 'num';
  readonly value: number;
  readonly text: string;
  readonly exact: boolean;
  readonly span: Span;
}

/** `x` or `y`. */
export interface MapVar {
  readonly kind: 'var';
  readonly name: MapVariable;
  readonly span: Span;
}

/** `pi` or `e`. */
export interface MapConst {
  readonly kind: 'const';
  readonly name: MapConstant;
  readonly span: Span;
}

/** Unary minus. */
export interface MapNeg {
  readonly kind: 'neg';
  readonly arg: MapExpr;
  readonly span: Span;
}

/** `left op right`. */
export interface MapBinary {
  readonly kind: 'binary';
  readonly op: MapOperator;
  readonly left: MapExpr;
  readonly right: MapExpr;
  readonly span: Span;
}

/** A function applied to its arguments (`FUNCTION_ARITY[fn]` of them). */
export interface MapCall {
  readonly kind: 'call';
  readonly fn: MapFunction;
  readonly args: readonly MapExpr[];
  readonly span: Span;
}

/** A map expression: a real function of `x` and `y`, as a tree with source spans. */
export type MapExpr = MapNumber | MapVar | MapConst | MapNeg | MapBinary | MapCall;

/** Whether the expression mentions the variable `v`. */
export function dependsOn(e: MapExpr, v: MapVariable): boolean {
  switch (e.kind) {
    case 'num':
    case 'const':
      return false;
    case 'var':
      return e.name === v;
    case 'neg':
      return dependsOn(e.arg, v);
    case 'binary':
      return dependsOn(e.left, v) || dependsOn(e.right, v);
    case 'call':
      return e.args.some((a) => dependsOn(a, v));
  }
}

/** The height of the tree (a leaf has height 1). */
export function exprHeight(e: MapExpr): number {
  switch (e.kind) {
    case 'num':
    case 'const':
    case 'var':
      return 1;
    case 'neg':
      return 1 + exprHeight(e.arg);
    case 'binary':
      return 1 + Math.max(exprHeight(e.left), exprHeight(e.right));
    case 'call':
      return 1 + Math.max(...e.args.map(exprHeight));
  }
}

/** Whether two trees are the same formula (spans and number spellings ignored). */
export function sameExpr(a: MapExpr, b: MapExpr): boolean {
  switch (a.kind) {
    case 'num':
      return b.kind === 'num' && Object.is(a.value, b.value) && a.exact === b.exact;
    case 'var':
    case 'const':
      return b.kind === a.kind && b.name === a.name;
    case 'neg':
      return b.kind === 'neg' && sameExpr(a.arg, b.arg);
    case 'binary':
      return b.kind === 'binary' && a.op === b.op && sameExpr(a.left, b.left) && sameExpr(a.right, b.right);
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && a.args.every((arg, i) => sameExpr(arg, b.args[i]!));
  }
}
