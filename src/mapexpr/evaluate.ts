/**
 * Evaluating a map expression in double precision: `evaluate` walks the tree,
 * `compileExpr` turns it into a tree of closures once (no `eval`) for the
 * many evaluations of a grid. Both use the same operations below, so they
 * agree to the bit. Where the real function is undefined — division by zero,
 * `log` of a non-positive number, `sqrt` of a negative one, a negative base
 * with a non-integer exponent, `0^` a negative exponent — the result is NaN;
 * overflow gives ±∞ as usual.
 */
import type { MapExpr, MapFunction, MapOperator } from './ast.js';

/**
 * base^n for an integer n by binary powering (square and multiply), the same
 * sequence of operations as the interval version in `interval.ts`, so that a
 * double result always lies in the interval computed for its inputs.
 */
export function integerPower(base: number, n: number): number {
  if (Number.isNaN(base)) return NaN;
  if (n < 0) {
    // 0^−n is undefined; a power that merely underflowed gives ±∞ like any overflow.
    return base === 0 ? NaN : 1 / integerPower(base, -n);
  }
  let result = 1;
  let square = base;
  let rest = n;
  while (rest > 0) {
    const bit = rest % 2;
    if (bit === 1) result *= square;
    rest = (rest - bit) / 2;
    if (rest > 0) square *= square;
  }
  return result;
}

/** a^b on the reals: integer exponents by repeated multiplication, others only for a positive base (or 0^b, b > 0). */
export function power(a: number, b: number): number {
  if (Number.isInteger(b)) return integerPower(a, b);
  if (a > 0) return Math.pow(a, b);
  if (a === 0 && b > 0) return 0;
  return NaN;
}

/** Division, undefined (NaN) by zero. */
export function divide(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

/** The binary operators on doubles. */
export function binary(op: MapOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return divide(a, b);
    case '^':
      return power(a, b);
  }
}

/** The one-argument functions on doubles; NaN in gives NaN out. */
export function unary(fn: Exclude<MapFunction, 'min' | 'max'>, a: number): number {
  switch (fn) {
    case 'sin':
      return Math.sin(a);
    case 'cos':
      return Math.cos(a);
    case 'tan':
      return Math.tan(a);
    case 'exp':
      return Math.exp(a);
    case 'log':
      return a > 0 ? Math.log(a) : NaN;
    case 'sqrt':
      return a >= 0 ? Math.sqrt(a) : NaN;
    case 'tanh':
      return Math.tanh(a);
    case 'abs':
      return Math.abs(a);
    case 'relu':
      return a > 0 ? a : a <= 0 ? 0 : NaN;
    case 'step':
      return a > 0 ? 1 : a <= 0 ? 0 : NaN;
    case 'sign':
      return a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN;
  }
}

/** The value of a constant as the nearest double (π and e lie just above these). */
export const CONSTANT_VALUE = { pi: Math.PI, e: Math.E } as const;

/** The value of `e` at the point (x, y), in double precision; NaN where the expression is undefined. */
export function evaluate(e: MapExpr, x: number, y: number): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
      return e.name === 'x' ? x : y;
    case 'const':
      return CONSTANT_VALUE[e.name];
    case 'neg':
      return -evaluate(e.arg, x, y);
    case 'binary':
      return binary(e.op, evaluate(e.left, x, y), evaluate(e.right, x, y));
    case 'call': {
      const a = evaluate(e.args[0]!, x, y);
      if (e.fn === 'min' || e.fn === 'max') {
        const b = evaluate(e.args[1]!, x, y);
        return e.fn === 'min' ? Math.min(a, b) : Math.max(a, b);
      }
      return unary(e.fn, a);
    }
  }
}

/** A compiled expression: the value at (x, y). */
type Compiled = (x: number, y: number) => number;

/**
 * The expression as a function of (x, y): a tree of closures built once,
 * giving exactly `evaluate`'s results (the same operations in the same order)
 * several times faster, for evaluating on grids.
 */
export function compileExpr(e: MapExpr): Compiled {
  switch (e.kind) {
    case 'num': {
      const value = e.value;
      return () => value;
    }
    case 'var':
      return e.name === 'x' ? (x) => x : (_x, y) => y;
    case 'const': {
      const value = CONSTANT_VALUE[e.name];
      return () => value;
    }
    case 'neg': {
      const arg = compileExpr(e.arg);
      return (x, y) => -arg(x, y);
    }
    case 'binary':
      return compileBinary(e.op, compileExpr(e.left), compileExpr(e.right));
    case 'call': {
      const a = compileExpr(e.args[0]!);
      switch (e.fn) {
        case 'min': {
          const b = compileExpr(e.args[1]!);
          return (x, y) => Math.min(a(x, y), b(x, y));
        }
        case 'max': {
          const b = compileExpr(e.args[1]!);
          return (x, y) => Math.max(a(x, y), b(x, y));
        }
        case 'sin':
          return (x, y) => Math.sin(a(x, y));
        case 'cos':
          return (x, y) => Math.cos(a(x, y));
        case 'exp':
          return (x, y) => Math.exp(a(x, y));
        case 'tanh':
          return (x, y) => Math.tanh(a(x, y));
        default: {
          const fn = e.fn;
          return (x, y) => unary(fn, a(x, y));
        }
      }
    }
  }
}

function compileBinary(op: MapOperator, a: Compiled, b: Compiled): Compiled {
  switch (op) {
    case '+':
      return (x, y) => a(x, y) + b(x, y);
    case '-':
      return (x, y) => a(x, y) - b(x, y);
    case '*':
      return (x, y) => a(x, y) * b(x, y);
    case '/':
      return (x, y) => divide(a(x, y), b(x, y));
    case '^':
      return (x, y) => power(a(x, y), b(x, y));
  }
}
