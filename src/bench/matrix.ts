/**
 * The matrix section of `wordflow bench`: compile time and sentence length
 * of `approximateMatrix` for seeded random targets with det > 0 (d = 2, 4,
 * 8) at ε = 1e-4 and 1e-8 — where the words go (determinant, shear digits,
 * halvings) and the determinant's lower bound next to what was built.
 */
import { approximateMatrix } from '../matrix/compile.js';
import { decimalTarget } from '../matrix/target.js';
import { upperNumber } from '../matrix/interval.js';
import { now } from './measure.js';

/** One compile measured. */
export interface MatrixBenchRow {
  readonly dimension: number;
  readonly eps: number;
  readonly ms: number;
  readonly length: number;
  readonly determinant: number;
  readonly determinantLowerBound: number | null;
  readonly shearWords: number;
  /** The proved error bound (≤ ε). */
  readonly bound: number;
}

/** A seeded d×d target with two-decimal entries in [−2, 2] and det > 0 (a row is negated when det < 0). */
export function benchTarget(d: number, seed: number): string[][] {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: d }, () => Array.from({ length: d }, () => (rnd() * 4 - 2).toFixed(2)));
}

/** Compiles each case once after one warm-up compile (JIT), timing each. */
export function matrixBench(
  dimensions: readonly number[] = [2, 4, 8],
  epsilons: readonly number[] = [1e-4, 1e-8],
): MatrixBenchRow[] {
  const rows: MatrixBenchRow[] = [];
  approximateMatrix(decimalTarget(benchTarget(2, 1)), { eps: 1e-3, reflection: true });
  for (const d of dimensions) {
    const target = decimalTarget(benchTarget(d, 7 + d));
    for (const eps of epsilons) {
      const t = now();
      // The reflection keeps the row honest for either sign of det (R costs one word).
      const r = approximateMatrix(target, { eps, reflection: true });
      const ms = (now() - t) / 1e6;
      rows.push({
        dimension: d,
        eps,
        ms,
        length: r.length,
        determinant: r.parts.determinant,
        determinantLowerBound: r.parts.determinantLowerBound,
        shearWords: r.parts.shears + r.parts.halvings,
        bound: upperNumber(r.error.bound),
      });
    }
  }
  return rows;
}
