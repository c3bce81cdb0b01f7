/**
 * The JSON form of an approximation (`wordflow matrix --json`,
 * schemas/matrix.schema.json): every matrix as rows of decimal strings,
 * exact where exact and 50 significant digits otherwise, so a checker can
 * multiply the sentence again from the vocabulary alone.
 */
import type { LengthParts, MatrixApproximation } from './compile.js';
import { ballString, matrixStrings, wordMatrix, type Run } from './evaluate.js';
import { SQRT2, Up, upperNumber } from './interval.js';
import type { MatrixVocabularyName } from './vocabulary.js';

/** One word in JSON. */
export interface MatrixWordJson {
  readonly name: string;
  readonly matrix: string[][];
  readonly field: string;
  /** The flow time as a decimal string: `1`, or √2 to 50 digits. */
  readonly time: string;
}

/** `wordflow matrix --json`. */
export interface MatrixApproximationJson {
  readonly dimension: number;
  readonly vocabularyName: MatrixVocabularyName;
  readonly eps: number;
  readonly vocabulary: MatrixWordJson[];
  readonly sentence: readonly Run[];
  readonly length: number;
  readonly product: string[][];
  readonly target: string[][];
  readonly error: { readonly bound: number; readonly measured: number; readonly norm: 'frobenius' };
  readonly parts: LengthParts;
}

const ROOT2_TEXT = ballString({ mid: SQRT2.mid, rad: new Up(1e-70) });

/** The approximation as the JSON value of the command-line contract. */
export function approximationJson(r: MatrixApproximation): MatrixApproximationJson {
  const v = r.vocabulary;
  return {
    dimension: v.dimension,
    vocabularyName: v.name,
    eps: r.eps,
    vocabulary: v.words.map((w) => ({
      name: w.name,
      matrix: matrixStrings(wordMatrix(v, w.name)),
      field: w.field,
      time: w.time === '1' ? '1' : ROOT2_TEXT,
    })),
    sentence: r.sentence,
    length: r.length,
    product: matrixStrings(r.product),
    target: r.target.entries.map((row) => row.map(ballString)),
    // The bound is rounded up to a double, so it stays a bound.
    error: { bound: upperNumber(r.error.bound), measured: r.error.measured.toNumber(), norm: 'frobenius' },
    parts: r.parts,
  };
}
