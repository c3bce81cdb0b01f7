/**
 * Exact dyadic rationals m·2^e on BigInt. Every word of the `dyadic`
 * vocabulary except K± has dyadic entries, so most products are computed
 * here without any rounding; the few transcendental factors (e, √2) are kept
 * symbolic by `ring.ts` and evaluated only at the very end.
 *
 * Invariant: the mantissa is odd, or the value is zero with exponent 0, so
 * equal values have equal representations.
 */

/** The value `mantissa · 2^exponent`. */
export interface Dyadic {
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** Zero. */
export const ZERO: Dyadic = { mantissa: 0n, exponent: 0 };
/** One. */
export const ONE: Dyadic = { mantissa: 1n, exponent: 0 };

/** `m · 2^e`, normalized (odd mantissa). */
export function dyadic(mantissa: bigint, exponent = 0): Dyadic {
  if (mantissa === 0n) return ZERO;
  let m = mantissa;
  let e = exponent;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { mantissa: m, exponent: e };
}

/** An integer as a dyadic. */
export function fromInt(n: number | bigint): Dyadic {
  return dyadic(BigInt(n));
}

export function isZero(a: Dyadic): boolean {
  return a.mantissa === 0n;
}

export function neg(a: Dyadic): Dyadic {
  return a.mantissa === 0n ? ZERO : { mantissa: -a.mantissa, exponent: a.exponent };
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.mantissa === 0n) return b;
  if (b.mantissa === 0n) return a;
  const e = Math.min(a.exponent, b.exponent);
  return dyadic((a.mantissa << BigInt(a.exponent - e)) + (b.mantissa << BigInt(b.exponent - e)), e);
}

export function sub(a: Dyadic, b: Dyadic): Dyadic {
  return add(a, neg(b));
}

export function mul(a: Dyadic, b: Dyadic): Dyadic {
  if (a.mantissa === 0n || b.mantissa === 0n) return ZERO;
  // Odd times odd is odd: already normalized.
  return { mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent };
}

/** `a · 2^k`. */
export function shift(a: Dyadic, k: number): Dyadic {
  return a.mantissa === 0n ? ZERO : { mantissa: a.mantissa, exponent: a.exponent + k };
}

export function equals(a: Dyadic, b: Dyadic): boolean {
  return a.mantissa === b.mantissa && a.exponent === b.exponent;
}

/**
 * The exact decimal expansion (every dyadic has a finite one):
 * m·2^−k = m·5^k / 10^k. `-0.375`, `12`, `0.5`.
 */
export function toDecimalString(a: Dyadic): string {
  if (a.mantissa === 0n) return '0';
  if (a.exponent >= 0) return (a.mantissa << BigInt(a.exponent)).toString();
  const k = -a.exponent;
  const negative = a.mantissa < 0n;
  const digits = ((negative ? -a.mantissa : a.mantissa) * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  const int = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac === '' ? '' : '.' + frac}`;
}

/** The nearest double (for scaling decisions only, never for reported numbers). */
export function toNumber(a: Dyadic): number {
  if (a.mantissa === 0n) return 0;
  const bits = a.mantissa.toString(2).length - (a.mantissa < 0n ? 1 : 0);
  // Keep 60 significant bits so Number() does not overflow for huge mantissas.
  const drop = Math.max(0, bits - 60);
  return Number(a.mantissa >> BigInt(drop)) * 2 ** (a.exponent + drop);
}
