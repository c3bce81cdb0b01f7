/**
 * Rigorous real arithmetic for the few transcendental numbers of the matrix
 * vocabularies (e^{±1}, √2, e^{±√2}, cos θ): balls `mid ± rad` with a
 * decimal.js midpoint at `PRECISION` significant digits and a radius rounded
 * upward. decimal.js documents every operation used here (+, −, ×, ÷, √,
 * exp, ln, cos, sin) as within one unit in the last place; each result's
 * radius adds ten of those (`ulp`), so the balls contain the true values with
 * a wide margin. Nothing here is used for decisions that need no proof:
 * compile-time choices run on doubles or on plain decimals.
 */
import { Decimal } from 'decimal.js';

/** Significant digits of every midpoint: 80, so a product of thousands of words keeps 60+. */
export const PRECISION = 80;

/** Midpoints: PRECISION digits, round half even, no exponent notation in the middle range. */
export const Mid = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 60,
});
/** Radii and bounds: 20 digits, every operation rounded away from zero (radii are ≥ 0, so upward). */
export const Up = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_UP, toExpNeg: -30, toExpPos: 60 });

/** A decimal.js value of the midpoint class. */
export type MidValue = InstanceType<typeof Mid>;
/** A decimal.js value of the radius class. */
export type UpValue = InstanceType<typeof Up>;

/** The real numbers within `rad` of `mid`. */
export interface Ball {
  readonly mid: MidValue;
  readonly rad: UpValue;
}

/** Relative error charged to every rounded operation: ten units in the last place. */
const ULP = new Up(10).pow(2 - PRECISION);

const UP_ZERO = new Up(0);

function abs(x: MidValue): UpValue {
  return new Up(x.abs());
}

/** An exact ball (radius 0) from a decimal string or a Mid value. Exact: decimal.js keeps every digit given. */
export function exact(value: string | MidValue): Ball {
  return { mid: new Mid(value), rad: UP_ZERO };
}

/** A value known to within one rounding of its own (a decimal.js result): the radius charges it. */
export function approx(mid: MidValue): Ball {
  return rounded(mid, UP_ZERO);
}

/** A rounded result: the midpoint with its own rounding charged to the radius. */
function rounded(mid: MidValue, rad: UpValue): Ball {
  return { mid, rad: rad.plus(abs(mid).times(ULP)) };
}

export function add(a: Ball, b: Ball): Ball {
  return rounded(a.mid.plus(b.mid), a.rad.plus(b.rad));
}

export function sub(a: Ball, b: Ball): Ball {
  return rounded(a.mid.minus(b.mid), a.rad.plus(b.rad));
}

export function mul(a: Ball, b: Ball): Ball {
  const rad = abs(a.mid).times(b.rad).plus(abs(b.mid).times(a.rad)).plus(a.rad.times(b.rad));
  return rounded(a.mid.times(b.mid), rad);
}

/** e^x. For rad ≤ 1: |e^{m+r} − e^m| ≤ e^m·(r + r²). */
export function exp(x: Ball): Ball {
  if (x.rad.gt(1)) throw new RangeError('exp of a ball wider than 1');
  const mid = x.mid.exp();
  return rounded(
    mid,
    abs(mid)
      .times(x.rad.plus(x.rad.pow(2)))
      .times(new Up(1).plus(ULP)),
  );
}

/** √x of an exact non-negative value. */
export function sqrtExact(x: string): Ball {
  const mid = new Mid(x).sqrt();
  return rounded(mid, UP_ZERO);
}

/** cos x and sin x of an exact decimal x (|cos|, |sin| ≤ 1, one rounding each). */
export function cosSin(x: string): { cos: Ball; sin: Ball } {
  const t = new Mid(x);
  return { cos: rounded(t.cos(), UP_ZERO), sin: rounded(t.sin(), UP_ZERO) };
}

/** The ball's largest absolute value, rounded up. */
export function magnitude(x: Ball): UpValue {
  return abs(x.mid).plus(x.rad);
}

/** An upper bound, as a double that is ≥ the decimal (for JSON numbers that must stay true bounds). */
export function upperNumber(x: UpValue): number {
  const n = Number(x.toSignificantDigits(16, Decimal.ROUND_UP).toString());
  return n >= 0 ? n * (1 + 2 ** -50) : n * (1 - 2 ** -50);
}

/** √2 as a ball. */
export const SQRT2: Ball = sqrtExact('2');
