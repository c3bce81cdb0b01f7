/**
 * A tiny interval type with outward rounding, tight when the float result
 * is exact. Each operation computes the rounded result and, with an
 * error-free transformation (TwoSum, Dekker's TwoProduct), the sign of the
 * rounding error: an exact result stays a point, an inexact one widens by
 * one ulp (nextUp/nextDown) on the side the true value lies. The exact real
 * result therefore always lies inside. Used where maps are not dyadic
 * (sigmoid) and to evaluate piecewise-linear maps soundly.
 */

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The next double above x (x itself for +Infinity and NaN). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = x > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0];
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A closed interval [lo, hi] of reals. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The degenerate interval [x, x]. */
export function point(x: number): Interval {
  return { lo: x, hi: x };
}

/** The exact error of fl(a + b): a + b = s + err (TwoSum). */
export function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)

/** The exact error of p = fl(a·b): a·b = p + err (Dekker), when no overflow/underflow. */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/**
 * Whether Dekker's TwoProduct may be invalid for a·b = p: the partial
 * products can underflow when |p| is near the subnormals (or p flushed to
 * 0), and Veltkamp's split overflows for huge operands.
 */
function risky(a: number, b: number, p: number): boolean {
  if (a === 0 || b === 0) return false;
  const ap = Math.abs(p);
  return ap < 2 ** -900 || ap > 2 ** 995 || Math.abs(a) > 2 ** 995 || Math.abs(b) > 2 ** 995;
}

/** Lower bound of the exact a + b. */
export function addDown(a: number, b: number): number {
  const s = a + b;
  if (!Number.isFinite(s)) return s;
  return sumError(a, b, s) < 0 ? nextDown(s) : s;
}
/** Upper bound of the exact a + b. */
export function addUp(a: number, b: number): number {
  const s = a + b;
  if (!Number.isFinite(s)) return s;
  return sumError(a, b, s) > 0 ? nextUp(s) : s;
}

/** Lower bound of the exact a·b. */
export function mulDown(a: number, b: number): number {
  const p = a * b;
  if (!Number.isFinite(p)) return p;
  if (risky(a, b, p)) return nextDown(p);
  return productError(a, b, p) < 0 ? nextDown(p) : p;
}
/** Upper bound of the exact a·b. */
export function mulUp(a: number, b: number): number {
  const p = a * b;
  if (!Number.isFinite(p)) return p;
  if (risky(a, b, p)) return nextUp(p);
  return productError(a, b, p) > 0 ? nextUp(p) : p;
}

/** Bounds of the exact a/b (b ≠ 0): the sign of a − q·b says which side q rounded to. */
function quotient(a: number, b: number): [number, number] {
  const q = a / b;
  const p = q * b;
  if (!Number.isFinite(q) || (a !== 0 && (risky(q, b, p) || Math.abs(a) < 2 ** -900))) return [nextDown(q), nextUp(q)];
  const rem = a - p - productError(q, b, p);
  const side = rem === 0 ? 0 : Math.sign(rem) * Math.sign(b);
  return side === 0 ? [q, q] : side > 0 ? [q, nextUp(q)] : [nextDown(q), q];
}

/** a + b, outward. */
export function add(a: Interval, b: Interval): Interval {
  return { lo: addDown(a.lo, b.lo), hi: addUp(a.hi, b.hi) };
}

/** a − b, outward. */
export function sub(a: Interval, b: Interval): Interval {
  return { lo: addDown(a.lo, -b.hi), hi: addUp(a.hi, -b.lo) };
}

/** a·b, outward. */
export function mul(a: Interval, b: Interval): Interval {
  const los = [mulDown(a.lo, b.lo), mulDown(a.lo, b.hi), mulDown(a.hi, b.lo), mulDown(a.hi, b.hi)];
  const his = [mulUp(a.lo, b.lo), mulUp(a.lo, b.hi), mulUp(a.hi, b.lo), mulUp(a.hi, b.hi)];
  return { lo: Math.min(...los), hi: Math.max(...his) };
}

/** a / b for an interval b that does not contain 0. */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return { lo: -Infinity, hi: Infinity };
  const qs = [quotient(a.lo, b.lo), quotient(a.lo, b.hi), quotient(a.hi, b.lo), quotient(a.hi, b.hi)];
  return { lo: Math.min(...qs.map((q) => q[0])), hi: Math.max(...qs.map((q) => q[1])) };
}

/** Two ulps each way: V8's Math.exp is within one ulp of the true value. */
function expDown(x: number): number {
  return Math.max(0, nextDown(nextDown(Math.exp(x))));
}
function expUp(x: number): number {
  return nextUp(nextUp(Math.exp(x)));
}

/** σ(z) = 1/(1 + e^(−z)) on an interval (σ is increasing). */
export function sigmoid(z: Interval): Interval {
  const denHi = addUp(1, expUp(-z.lo));
  const denLo = addDown(1, expDown(-z.hi));
  return { lo: Math.max(0, quotient(1, denHi)[0]), hi: Math.min(1, quotient(1, denLo)[1]) };
}
