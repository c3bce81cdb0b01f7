/**
 * The cheapest integers (a, b) with |a + b·α − L| ≤ η, cost |a| + |b|: how
 * many scaling words a determinant needs (α = ln 2 for K± and H/D, whose
 * log-dets are ±1 and ∓ln 2), or how many Kronecker words a shear parameter
 * or a log-scaling needs (α = √2).
 *
 * Every solution has ‖bα − L‖ ≤ η (distance to the nearest integer), and by
 * the three-distance theorem the b ∈ [0, N] put N + 1 points on the circle
 * with gaps of at most three lengths, so the first b that lands in a window
 * of width 2η grows like 1/η: the cost is Θ(1/η) for almost every L. We find
 * the exact minimum: α and L are scaled to integers modulo M = 2^240, and
 * the first x ≥ 0 with (A·x + B) mod M in a window is found by a Euclid-like
 * recursion (O(log M) steps); later solutions are found by restarting after
 * the previous one, and the search stops once b alone costs more than the
 * best solution so far.
 */
import { Mid, type MidValue } from './interval.js';

/** The cheapest solution, or null when none has |b| ≤ `maxB`. */
export interface Approximant {
  readonly a: bigint;
  readonly b: bigint;
  /** |a| + |b|. */
  readonly cost: bigint;
  /** a + b·α − L, at 80 digits. */
  readonly error: MidValue;
}

const BITS = 240n;
const MOD = 1n << BITS;

function toScaled(x: MidValue): bigint {
  return BigInt(x.times(new Mid(2).pow(Number(BITS))).toFixed(0));
}

const mod = (x: bigint, m: bigint): bigint => ((x % m) + m) % m;

/** The least x ≥ 0 with l ≤ (a·x) mod m ≤ r (0 ≤ l ≤ r < m), or null. */
export function firstHit(a: bigint, m: bigint, l: bigint, r: bigint): bigint | null {
  if (l === 0n) return 0n;
  a = mod(a, m);
  if (a === 0n) return null;
  const k = (l + a - 1n) / a;
  if (a * k <= r) return k;
  // No multiple of a lies in [l, r]: x exists for the y with m·y + l ≤ a·x ≤ m·y + r,
  // i.e. (m·y) mod a ∈ [a − r mod a, a − l mod a]; the least y gives the least x.
  const y = firstHit(m % a, a, a - (r % a), a - (l % a));
  if (y === null) return null;
  return (m * y + l + a - 1n) / a;
}

/** The least x ≥ 0 with (a·x + shift) mod m ∈ [0, w] (w < m), or null. */
function firstInWindow(a: bigint, shift: bigint, m: bigint, w: bigint): bigint | null {
  const l = mod(-shift, m);
  const r = l + w;
  if (r < m) return firstHit(a, m, l, r);
  const x1 = firstHit(a, m, l, m - 1n);
  const x2 = firstHit(a, m, 0n, r - m);
  if (x1 === null) return x2;
  if (x2 === null) return x1;
  return x1 < x2 ? x1 : x2;
}

/**
 * The integers (a, b) minimizing |a| + |b| subject to |a + b·α − L| ≤ η, with
 * |b| ≤ maxB. `η` below 2^−200 is refused (the scaled arithmetic keeps 240
 * bits). Exact up to the 80-digit values of α and L: the window is widened by
 * `slack` (positive: a superset of solutions, for lower bounds; negative: a
 * subset, for constructions).
 */
export function cheapestApproximant(
  L: MidValue,
  alpha: MidValue,
  eta: MidValue,
  maxB = 10n ** 15n,
  slack = 0,
): Approximant | null {
  if (!(eta.gt(0) && eta.lt(0.5))) throw new RangeError('cheapestApproximant: η must lie in (0, 0.5)');
  const widened = eta.plus(new Mid(2).pow(-200).times(slack));
  const w = toScaled(widened.times(2));
  let best: Approximant | null = null;
  for (const sign of [1n, -1n]) {
    // b = sign·x; the condition is frac(L − b·α + η) ∈ [0, 2η].
    const a = mod(-sign * toScaled(alpha), MOD);
    let shift = mod(toScaled(L.plus(widened)), MOD);
    let base = 0n;
    for (let guard = 0; guard < 100_000; guard++) {
      const x0 = firstInWindow(a, shift, MOD, w);
      if (x0 === null) break;
      const x = base + x0;
      if (x > maxB || (best !== null && x > best.cost)) break;
      const b = sign * x;
      const exactA = BigInt(L.minus(alpha.times(b.toString())).toDecimalPlaces(0, Mid.ROUND_HALF_EVEN).toFixed(0));
      const error = new Mid(exactA.toString()).plus(alpha.times(b.toString())).minus(L);
      const cost = (exactA < 0n ? -exactA : exactA) + x;
      if (error.abs().lte(widened) && (best === null || cost < best.cost)) best = { a: exactA, b, cost, error };
      // Continue after x: substitute x = x + 1 + x'.
      shift = mod(shift + a * (x0 + 1n), MOD);
      base = x + 1n;
    }
  }
  return best;
}
