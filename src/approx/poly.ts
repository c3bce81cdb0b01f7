/**
 * Polynomials of one variable in a scaled coordinate t = (u − c)/r, as
 * coefficient arrays (lowest degree first): the ridge profiles of a fitted
 * field and the Taylor polynomials of their flows. Kept numeric (no
 * expression trees) so repeated Lie derivatives stay small; `polyFunction`
 * gives the constructions interval bounds on it and its first two
 * derivatives (interval Horner with outward rounding), `polyExpr` prints it
 * as a map expression.
 */
import { type MapExpr, nextDown, nextUp } from '../mapexpr/index.js';
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

/**
 * The same polynomial in another scaled coordinate t' = (u − c)/r: p(α·t' + β)
 * with α = r/p.r, β = (c − p.c)/p.r, expanded by Horner (exact in reals; in
 * doubles to rounding).
 */
export function polyRecenter(p: ScaledPoly, c: number, r: number): ScaledPoly {
  if (c === p.c && r === p.r) return p;
  const lin = Float64Array.from([(c - p.c) / p.r, r / p.r]);
  let acc: Float64Array = new Float64Array(0);
  for (let k = p.coef.length - 1; k >= 0; k--) acc = polyAdd(polyMul(acc, lin), Float64Array.from([p.coef[k]!]));
  return { coef: acc, c, r };
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

type Enclosure = readonly [number, number];

const down = (v: number): number => nextDown(v);
const up = (v: number): number => nextUp(v);

/** [a]·[b], rounded outward. */
function imul([a, b]: Enclosure, [c, d]: Enclosure): Enclosure {
  const ps = [a * c, a * d, b * c, b * d];
  return [down(Math.min(...ps)), up(Math.max(...ps))];
}

/** Enclosures of the coefficients of d^k/du^k p (in t; each derivative divides by r), rounded outward. */
function derivativeEnclosures(p: ScaledPoly, k: number): Enclosure[] {
  let cs: Enclosure[] = Array.from(p.coef, (v) => [v, v] as const);
  for (let j = 0; j < k; j++) {
    const next: Enclosure[] = [];
    for (let i = 1; i < cs.length; i++) {
      const [lo, hi] = cs[i]!;
      const a = (lo * i) / p.r;
      const b = (hi * i) / p.r;
      // Two roundings (× i, ÷ r): two ulps outward.
      next.push([down(down(Math.min(a, b))), up(up(Math.max(a, b)))]);
    }
    cs = next;
  }
  return cs;
}

/** An enclosure of Σ cs[k]·t^k over t ∈ [u0, u1] mapped to t = (u − c)/r, by interval Horner. */
function hornerEnclosure(cs: readonly Enclosure[], p: ScaledPoly, u0: number, u1: number): Enclosure {
  const t: Enclosure = [down(down(u0 - p.c) / p.r), up(up(u1 - p.c) / p.r)];
  let acc: Enclosure = [0, 0];
  for (let k = cs.length - 1; k >= 0; k--) {
    const m = imul(acc, t);
    acc = [down(m[0] + cs[k]![0]), up(m[1] + cs[k]![1])];
  }
  return acc;
}

/**
 * The polynomial as a `Function1` of u, with bounds by interval Horner on
 * the coefficients (outward rounding after every operation), on the interval
 * split into 8 pieces (interval Horner overestimates less on short pieces).
 */
export function polyFunction(p: ScaledPoly): Function1 {
  const enc = [0, 1, 2].map((k) => derivativeEnclosures(p, k));
  const over = (k: number, a: number, b: number): Enclosure => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo === hi) return hornerEnclosure(enc[k]!, p, lo, hi);
    let out: Enclosure = [Infinity, -Infinity];
    for (let i = 0; i < 8; i++) {
      const e = hornerEnclosure(enc[k]!, p, lo + ((hi - lo) * i) / 8, i === 7 ? hi : lo + ((hi - lo) * (i + 1)) / 8);
      out = [Math.min(out[0], e[0]), Math.max(out[1], e[1])];
    }
    return out;
  };
  const abs = ([lo, hi]: Enclosure): number => Math.max(Math.abs(lo), Math.abs(hi));
  const a = p.coef;
  const linear =
    a.length <= 2 ? { slope: (a[1] ?? 0) / p.r, offset: (a[0] ?? 0) - ((a[1] ?? 0) * p.c) / p.r } : undefined;
  return {
    at: (u) => polyAt(a, (u - p.c) / p.r),
    range: (lo, hi) => over(0, lo, hi),
    slope: (lo, hi) => abs(over(1, lo, hi)),
    curvature: (lo, hi) => abs(over(2, lo, hi)),
    ...(linear === undefined ? {} : { linear }),
  };
}
