/**
 * Symbolic partial derivatives of map expressions, simplified as they are
 * built: 0 and 1 fold away (0 + a → a, 1·a → a, a^1 → a, 0·a → 0, −(−a) → a)
 * and arithmetic on two numbers folds when the result is exact. Each new
 * node carries the span of the node it was derived from.
 *
 * The non-smooth functions get their usual one-sided conventions:
 * relu′(u) = step(u) with step(0) = 0; abs′(u) = sign(u) with sign(0) = 0;
 * min(a, b)′ = a′ where a < b and b′ elsewhere (ties take b′); max(a, b)′ =
 * a′ where a > b and b′ elsewhere; step′ = sign′ = 0 (away from the jump).
 */
import type { Span } from '../errors.js';
import { type MapBinary, type MapCall, type MapExpr, type MapFunction, type MapVariable, dependsOn } from './ast.js';
import { productIsExact, sumIsExact } from './float.js';

/** The value of a number node, or of the negation of one. */
function numeric(e: MapExpr): number | undefined {
  if (e.kind === 'num' && e.exact) return e.value;
  if (e.kind === 'neg' && e.arg.kind === 'num' && e.arg.exact) return -e.arg.value;
  return undefined;
}

/** A number node (a negative value becomes the negation of one). */
function num(value: number, span: Span): MapExpr {
  const node: MapExpr = { kind: 'num', value: Math.abs(value), text: String(Math.abs(value)), exact: true, span };
  return value < 0 || Object.is(value, -0) ? neg(node, span) : node;
}

function neg(a: MapExpr, span: Span): MapExpr {
  if (a.kind === 'neg') return a.arg;
  if (a.kind === 'num' && a.value === 0) return a;
  return { kind: 'neg', arg: a, span };
}

function isValue(e: MapExpr, v: number): boolean {
  return numeric(e) === v;
}

function add(a: MapExpr, b: MapExpr, span: Span): MapExpr {
  if (isValue(a, 0)) return b;
  if (isValue(b, 0)) return a;
  const [p, q] = [numeric(a), numeric(b)];
  if (p !== undefined && q !== undefined && sumIsExact(p, q, p + q)) return num(p + q, span);
  if (b.kind === 'neg') return sub(a, b.arg, span);
  return { kind: 'binary', op: '+', left: a, right: b, span };
}

function sub(a: MapExpr, b: MapExpr, span: Span): MapExpr {
  if (isValue(b, 0)) return a;
  if (isValue(a, 0)) return neg(b, span);
  const [p, q] = [numeric(a), numeric(b)];
  if (p !== undefined && q !== undefined && sumIsExact(p, -q, p - q)) return num(p - q, span);
  return { kind: 'binary', op: '-', left: a, right: b, span };
}

function mul(a: MapExpr, b: MapExpr, span: Span): MapExpr {
  if (isValue(a, 0) || isValue(b, 0)) return num(0, span);
  if (isValue(a, 1)) return b;
  if (isValue(b, 1)) return a;
  if (isValue(a, -1)) return neg(b, span);
  if (isValue(b, -1)) return neg(a, span);
  const [p, q] = [numeric(a), numeric(b)];
  if (p !== undefined && q !== undefined && productIsExact(p, q, p * q)) return num(p * q, span);
  if (a.kind === 'neg') return neg(mul(a.arg, b, span), span);
  if (b.kind === 'neg') return neg(mul(a, b.arg, span), span);
  return { kind: 'binary', op: '*', left: a, right: b, span };
}

function div(a: MapExpr, b: MapExpr, span: Span): MapExpr {
  if (isValue(a, 0)) return num(0, span);
  if (isValue(b, 1)) return a;
  if (a.kind === 'neg') return neg(div(a.arg, b, span), span);
  return { kind: 'binary', op: '/', left: a, right: b, span };
}

function pow(a: MapExpr, b: MapExpr, span: Span): MapExpr {
  if (isValue(b, 0)) return num(1, span);
  if (isValue(b, 1)) return a;
  return { kind: 'binary', op: '^', left: a, right: b, span };
}

function call(fn: MapFunction, args: MapExpr[], span: Span): MapExpr {
  return { kind: 'call', fn, args, span };
}

/**
 * The partial derivative ∂e/∂v as a new expression, simplified (see the
 * module comment for the conventions at kinks: relu′(0) = 0, abs′(0) = 0,
 * ties of min and max take the second argument's derivative).
 *
 * @example printMapExpr(derivative(parseMapExpr('x^3 + sin(y)*x'), 'x')) // '3*x^2 + sin(y)'
 */
export function derivative(e: MapExpr, v: MapVariable): MapExpr {
  const s = e.span;
  if (!dependsOn(e, v)) return num(0, s);
  switch (e.kind) {
    case 'num':
    case 'const':
      return num(0, s);
    case 'var':
      return num(1, s);
    case 'neg':
      return neg(derivative(e.arg, v), s);
    case 'binary':
      return derivativeBinary(e, v);
    case 'call':
      return derivativeCall(e, v);
  }
}

function derivativeBinary(e: MapBinary, v: MapVariable): MapExpr {
  const { left: a, right: b, span: s } = e;
  const [da, db] = [derivative(a, v), derivative(b, v)];
  switch (e.op) {
    case '+':
      return add(da, db, s);
    case '-':
      return sub(da, db, s);
    case '*':
      return add(mul(da, b, s), mul(a, db, s), s);
    case '/':
      if (!dependsOn(b, v)) return div(da, b, s);
      return div(sub(mul(da, b, s), mul(a, db, s), s), pow(b, num(2, s), s), s);
    case '^':
      // Constant exponent: b·a^(b−1)·a′; constant base: a^b·log(a)·b′; both vary: a^b·(b′·log a + b·a′/a).
      if (!dependsOn(b, v)) return mul(mul(b, pow(a, sub(b, num(1, s), s), s), s), da, s);
      if (!dependsOn(a, v)) return mul(mul(e, call('log', [a], s), s), db, s);
      return mul(e, add(mul(db, call('log', [a], s), s), div(mul(b, da, s), a, s), s), s);
  }
}

function derivativeCall(e: MapCall, v: MapVariable): MapExpr {
  const s = e.span;
  const u = e.args[0]!;
  const du = derivative(u, v);
  switch (e.fn) {
    case 'sin':
      return mul(call('cos', [u], s), du, s);
    case 'cos':
      return neg(mul(call('sin', [u], s), du, s), s);
    case 'tan':
      return div(du, pow(call('cos', [u], s), num(2, s), s), s);
    case 'exp':
      return mul(e, du, s);
    case 'log':
      return div(du, u, s);
    case 'sqrt':
      return div(du, mul(num(2, s), e, s), s);
    case 'tanh':
      return mul(sub(num(1, s), pow(e, num(2, s), s), s), du, s);
    case 'abs':
      return mul(call('sign', [u], s), du, s);
    case 'relu':
      return mul(call('step', [u], s), du, s);
    case 'step':
    case 'sign':
      return num(0, s);
    case 'min':
    case 'max': {
      const w = e.args[1]!;
      const dw = derivative(w, v);
      // min: a′ where a < b, i.e. step(b − a) = 1; max: a′ where a > b.
      const first = call('step', [e.fn === 'min' ? sub(w, u, s) : sub(u, w, s)], s);
      return add(mul(first, du, s), mul(sub(num(1, s), first, s), dw, s), s);
    }
  }
}
