/**
 * Exact dyadic rationals (n·2^e with BigInt n), an oracle independent of
 * floating point for checking that flow2d's arithmetic is exact.
 */
import { FLOW_CODE } from '../../src/flows/primitives.js';
import type { Phrase } from '../../src/flows/phrase.js';

export interface Dyadic {
  readonly n: bigint;
  readonly e: number;
}

export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError('not finite');
  let e = 0;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    e--;
  }
  return { n: BigInt(v), e };
}

function align(a: Dyadic, e: number): bigint {
  return a.n << BigInt(a.e - e);
}

export function plus(a: Dyadic, b: Dyadic): Dyadic {
  const e = Math.min(a.e, b.e);
  return { n: align(a, e) + align(b, e), e };
}

export function times(a: Dyadic, k: bigint): Dyadic {
  return { n: a.n * k, e: a.e };
}

export function shift(a: Dyadic, t: number): Dyadic {
  return { n: a.n, e: a.e + t };
}

export function positive(a: Dyadic): boolean {
  return a.n > 0n;
}

/** The double equal to `a`, or null when `a` is not a double. */
export function toDouble(a: Dyadic): number | null {
  let { n, e } = a;
  if (n === 0n) return 0;
  while ((n & 1n) === 0n) {
    n >>= 1n;
    e++;
  }
  const abs = n < 0n ? -n : n;
  if (abs >= 1n << 53n) return null;
  const v = Number(n) * 2 ** e;
  return Number.isFinite(v) && dyadicEquals(dyadic(v), { n, e }) ? v : null;
}

function dyadicEquals(a: Dyadic, b: Dyadic): boolean {
  const e = Math.min(a.e, b.e);
  return align(a, e) === align(b, e);
}

/** A phrase evaluated exactly. */
export function applyExact(p: Phrase, x: Dyadic, y: Dyadic): [Dyadic, Dyadic] {
  for (const s of p) {
    const t = s.times;
    const bt = BigInt(t);
    switch (FLOW_CODE[s.flow]) {
      case 0:
        x = shift(x, -t);
        break;
      case 1:
        x = shift(x, t);
        break;
      case 2:
        y = shift(y, -t);
        break;
      case 3:
        y = shift(y, t);
        break;
      case 4:
        x = plus(x, { n: bt, e: 0 });
        break;
      case 5:
        x = plus(x, { n: -bt, e: 0 });
        break;
      case 6:
        y = plus(y, { n: bt, e: 0 });
        break;
      case 7:
        y = plus(y, { n: -bt, e: 0 });
        break;
      case 8:
        if (positive(x)) y = plus(y, times(x, bt));
        break;
      case 9:
        if (positive(x)) y = plus(y, times(x, -bt));
        break;
      case 10:
        if (positive(y)) x = plus(x, times(y, bt));
        break;
      case 11:
        if (positive(y)) x = plus(x, times(y, -bt));
        break;
    }
  }
  return [x, y];
}
