/**
 * Polynomials of one variable in a scaled coordinate t = (u − c)/r, as
 * coefficient arrays (lowest degree first): the ridge profiles of a fitted
 * field and the Taylor polynomials of their flows. Kept numeric (no
 * expression trees) so repeated Lie derivatives stay small; `polyExpr` turns
 * one into a map expression in Horner form, so the constructions get
 * interval bounds on it and its derivatives like any other function.
 */
import { type MapExpr } from '../mapexpr/index.js';
import { function1 } from './targets.js';
import { type Function1 } from './steps.js';

/** p(t) = Σ coef[k]·t^k with t = (u − c)/r. */
export interface ScaledPoly {
  readonly coef: Float64Array;
  readonly c: number;
  readonly r: number;
}

/** Σ a[k]·b-style helpers work on plain coefficient arrays of the same t. */
export function polyAdd(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(a.length, b.length));
  a.forEach((v, i) => (out[i] = v));
  b.forEach((v, i) => (out[i] = out[i]! + v));
  return out;
}

/** c·a. */
export function polyScale(a: Float64Array, c: number): Float64Array {
  return a.map((v) => v * c);
}

/** a·b. */
export function polyMul(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0 || b.length === 0) return new Float64Array(0);
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]! + a[i]! * b[j]!;
  return out;
}

/** d/dt. */
export function polyDeriv(a: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(0, a.length - 1));
  for (let k = 1; k < a.length; k++) out[k - 1] = k * a[k]!;
  return out;
}

/** ∫₀ᵗ. */
export function polyIntegral(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length + 1);
  for (let k = 0; k < a.length; k++) out[k + 1] = a[k]! / (k + 1);
  return out;
}

/** p(t) by Horner. */
export function polyAt(a: Float64Array, t: number): number {
  let s = 0;
  for (let k = a.length - 1; k >= 0; k--) s = s * t + a[k]!;
  return s;
}

/**
 * The time-τ map of the 1-D field u' = A(u) minus the identity, as its
 * Taylor polynomial of order `order` in τ: Σ_{k≥1} τ^k/k!·L^k(u), L g = A·dg/du
 * (du = r·dt). Truncation leaves O(τ^{order+1}) per step, which the
 * splitting error (measured against the reference integrator) includes.
 */
export function flowDisplacement(A: ScaledPoly, tau: number, order: number): ScaledPoly {
  // L^1(u) = A; L^{k+1} = A·(L^k)'/r.
  let term: Float64Array = A.coef.slice();
  let out: Float64Array = polyScale(term, tau);
  let factor = tau;
  for (let k = 2; k <= order; k++) {
    term = polyScale(polyMul(A.coef, polyDeriv(term)), 1 / A.r);
    factor *= tau / k;
    out = polyAdd(out, polyScale(term, factor));
  }
  return { coef: trim(out), c: A.c, r: A.r };
}

/** Drops trailing coefficients that are exactly zero or negligible against the largest. */
function trim(a: Float64Array): Float64Array {
  const big = a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let n = a.length;
  while (n > 0 && Math.abs(a[n - 1]!) <= big * 1e-17) n--;
  return a.slice(0, n);
}

const SPAN = { start: 0, end: 0 };

function num(v: number): MapExpr {
  if (v < 0 || Object.is(v, -0)) return { kind: 'neg', arg: num(-v), span: SPAN };
  return { kind: 'num', value: v, text: String(v), exact: true, span: SPAN };
}

function bin(op: '+' | '-' | '*' | '/', left: MapExpr, right: MapExpr): MapExpr {
  return { kind: 'binary', op, left, right, span: SPAN };
}

/** The polynomial as an expression in `x`, Horner form in t = (x − c)/r (every literal an exact double). */
export function polyExpr(p: ScaledPoly): MapExpr {
  const x: MapExpr = { kind: 'var', name: 'x', span: SPAN };
  const t = bin('/', p.c === 0 ? x : bin('-', x, num(p.c)), num(p.r));
  const a = p.coef;
  if (a.length === 0) return num(0);
  let e = num(a[a.length - 1]!);
  for (let k = a.length - 2; k >= 0; k--) e = bin('+', bin('*', e, t), num(a[k]!));
  return e;
}

/** The polynomial as a `Function1` of x, with interval bounds on it and its first two derivatives. */
export function polyFunction(p: ScaledPoly): Function1 {
  const f = function1(polyExpr(p), 'x');
  // A fast `at` (the expression interpreter is slower than Horner on the coefficients).
  return { ...f, at: (u) => polyAt(p.coef, (u - p.c) / p.r) };
}
