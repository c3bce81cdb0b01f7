/**
 * Exact dyadic rationals m·2^e (BigInt mantissa): the numbers the twelve
 * piecewise-linear words keep exact. Sentences over them are evaluated
 * exactly here, and the approximation builders keep their frame origins,
 * slopes and knot values as dyadics so no rounding enters a construction.
 */

/** m·2^e, normalized: m odd, or m = 0 with e = 0. */
export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

/** Zero. */
export const ZERO: Dyadic = { m: 0n, e: 0 };

/** m·2^e in normal form. */
export function dyadic(m: bigint, e = 0): Dyadic {
  if (m === 0n) return ZERO;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m, e };
}

/** The exact value of a finite double. */
export function fromNumber(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  let e = 0;
  // Doubling is exact, and a finite double becomes an integer after at most 1074 doublings.
  while (!Number.isInteger(x)) {
    x *= 2;
    e--;
  }
  return dyadic(BigInt(x), e);
}

/** The nearest multiple of 2^-k to x (ties away from zero). */
export function quantize(x: number, k: number): Dyadic {
  const scaled = x * 2 ** k;
  if (!Number.isFinite(scaled)) throw new RangeError(`cannot quantize ${x} at 2^-${k}`);
  return dyadic(BigInt(Math.round(scaled)), -k);
}

/** The largest multiple of 2^-k that is ≤ x. */
export function floorTo(x: number, k: number): Dyadic {
  return dyadic(BigInt(Math.floor(x * 2 ** k)), -k);
}

/** The smallest multiple of 2^-k that is ≥ x. */
export function ceilTo(x: number, k: number): Dyadic {
  return dyadic(BigInt(Math.ceil(x * 2 ** k)), -k);
}

function align(a: Dyadic, b: Dyadic): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m << BigInt(a.e - e), b.m << BigInt(b.e - e), e];
}

/** a + b. */
export function add(a: Dyadic, b: Dyadic): Dyadic {
  const [x, y, e] = align(a, b);
  return dyadic(x + y, e);
}

/** a − b. */
export function sub(a: Dyadic, b: Dyadic): Dyadic {
  const [x, y, e] = align(a, b);
  return dyadic(x - y, e);
}

/** a·b. */
export function mul(a: Dyadic, b: Dyadic): Dyadic {
  return dyadic(a.m * b.m, a.e + b.e);
}

/** −a. */
export function neg(a: Dyadic): Dyadic {
  return a.m === 0n ? ZERO : { m: -a.m, e: a.e };
}

/** a·2^k. */
export function scale2(a: Dyadic, k: number): Dyadic {
  return a.m === 0n ? ZERO : { m: a.m, e: a.e + k };
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Dyadic, b: Dyadic): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a is an integer. */
export function isInteger(a: Dyadic): boolean {
  return a.e >= 0;
}

/** The integer value of a (a must be an integer). */
export function toBigInt(a: Dyadic): bigint {
  if (a.e < 0) throw new RangeError('not an integer');
  return a.m << BigInt(a.e);
}

/** The double nearest to a (for mantissas beyond 53 bits, within one rounding of it). */
export function toNumber(a: Dyadic): number {
  if (a.m === 0n) return 0;
  const bits = a.m.toString(2).length - (a.m < 0n ? 1 : 0);
  if (bits <= 53) return Number(a.m) * 2 ** a.e;
  const shift = bits - 60;
  return Number(a.m >> BigInt(shift)) * 2 ** (a.e + shift);
}

/** max(a, 0). */
export function relu(a: Dyadic): Dyadic {
  return a.m > 0n ? a : ZERO;
}
