/**
 * Length against ε for both vocabularies: the lesson of the matrix version.
 * Dyadic shears cost O(log 1/ε) words (Horner digits between halvings);
 * Kronecker shears, like any determinant not reachable exactly, cost Θ(1/ε)
 * (a parameter p + q√2 within η needs |q| ≈ 1/η: three-distance theorem).
 */
import { WordflowError } from '../errors.js';
import { upperNumber } from './interval.js';
import { approximateMatrix, type ApproximateMatrixOptions } from './compile.js';
import type { MatrixTarget } from './target.js';
import type { MatrixVocabularyName } from './vocabulary.js';

/** The tolerances of `--curve`: 1e-1 … 1e-8. */
export const CURVE_EPSILONS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

/** One cell: a sentence's length and its proved error, or why there is none (a limit). */
export type CurveCell =
  | { readonly length: number; readonly bound: number; readonly measured: number; readonly determinant: number }
  | { readonly limit: string };

/** One ε with both vocabularies' cells. */
export interface CurvePoint {
  readonly eps: number;
  readonly dyadic: CurveCell;
  readonly kronecker: CurveCell;
}

/**
 * Compiles the target at every ε for both vocabularies. A sentence over the
 * length limit becomes a `limit` cell (its message), so the curve still shows
 * where the other vocabulary goes; any other error is thrown.
 */
export function matrixCurve(
  target: MatrixTarget,
  options: Omit<ApproximateMatrixOptions, 'eps' | 'vocabulary'> & { readonly epsilons?: readonly number[] } = {},
): CurvePoint[] {
  const cell = (eps: number, vocabulary: MatrixVocabularyName): CurveCell => {
    try {
      const r = approximateMatrix(target, { ...options, eps, vocabulary });
      return {
        length: r.length,
        bound: upperNumber(r.error.bound),
        measured: r.error.measured.toNumber(),
        determinant: r.parts.determinant,
      };
    } catch (e) {
      if (e instanceof WordflowError && e.kind === 'limit') return { limit: e.message };
      throw e;
    }
  };
  return (options.epsilons ?? CURVE_EPSILONS).map((eps) => ({
    eps,
    dyadic: cell(eps, 'dyadic'),
    kronecker: cell(eps, 'kronecker'),
  }));
}
