/**
 * The two finite vocabularies of d×d matrices (d = 2…8 by default). Every
 * word is elementary — a shear I + c·E_ij or a diagonal matrix that differs
 * from I in one entry — so a word is stored as the row operation it performs
 * when it multiplies a matrix from the left, and its matrix is that
 * operation applied to I.
 *
 * `dyadic` (the default): shears `E{i}{j}±` = I ± E_ij (time-1 flows of
 * x' = ±E_ij·x), halving and doubling `H{i}`, `D{i}` (coordinate i times
 * 2^∓1, flows of x' = ∓ln2·E_ii·x) and `K±` = diag(e^±1, 1, …) (x' = ±E_11·x).
 * `kronecker` (the paper's): exp(±τA) for A ∈ {E_ij, E_ii} and τ ∈ {1, √2};
 * `E12+√2` is exp(√2·E_12) = I + √2·E_12, `E33-` is exp(−E_33).
 * With `reflection`, the word `R` = diag(−1, 1, …) is added: it is no flow
 * (det −1), but it makes targets with det < 0 reachable.
 */
import * as Q from './dyadic.js';
import { surd, type Surd } from './ring.js';

/** What a word does to a matrix it multiplies from the left (0-based indices). */
export type WordAction =
  /** I + c·E_{row,col}: adds c × row `col` to row `row`. */
  | { readonly kind: 'shear'; readonly row: number; readonly col: number; readonly coefficient: Surd }
  /** diag(…, sign·2^power2·e^{a + b√2} at `index`, …): scales row `index`. */
  | {
      readonly kind: 'scale';
      readonly index: number;
      readonly sign: 1 | -1;
      readonly power2: number;
      readonly a: number;
      readonly b: number;
    };

/** One word: its name, its action, the linear field whose flow it is, and the flow's time. */
export interface MatrixWord {
  readonly name: string;
  readonly action: WordAction;
  /** The field, e.g. `x' = E12·x`; for R, why there is none. */
  readonly field: string;
  /** The flow time as written for people: `1` or `√2`. */
  readonly time: '1' | '√2';
  /** The name of the inverse word (also in the vocabulary). */
  readonly inverse: string;
}

/** The names of the two vocabularies. */
export type MatrixVocabularyName = 'dyadic' | 'kronecker';
/** Both vocabulary names, the default first. */
export const MATRIX_VOCABULARIES: readonly MatrixVocabularyName[] = ['dyadic', 'kronecker'];

/** A finite vocabulary of d×d matrices. */
export interface MatrixVocabulary {
  readonly name: MatrixVocabularyName;
  readonly dimension: number;
  /** Whether the reflection R is included. */
  readonly reflection: boolean;
  readonly words: readonly MatrixWord[];
  readonly byName: ReadonlyMap<string, MatrixWord>;
}

/**
 * Largest dimension with word names: single-digit indices serve d ≤ 9;
 * beyond, a comma separates them (`E1,12+`).
 */
export const MAX_NAMED_DIMENSION = 16;

function pair(d: number, i: number, j: number): string {
  return d <= 9 ? `${i + 1}${j + 1}` : `${i + 1},${j + 1}`;
}

const shear = (row: number, col: number, c: Surd): WordAction => ({ kind: 'shear', row, col, coefficient: c });
const scale = (index: number, power2: number, a = 0, b = 0, sign: 1 | -1 = 1): WordAction => ({
  kind: 'scale',
  index,
  sign,
  power2,
  a,
  b,
});

const PLUS_ONE = surd(Q.ONE);
const MINUS_ONE = surd(Q.neg(Q.ONE));
const PLUS_ROOT2 = surd(Q.ZERO, Q.ONE);
const MINUS_ROOT2 = surd(Q.ZERO, Q.neg(Q.ONE));

/**
 * The vocabulary `name` for d×d matrices. Word order: shears by (i, j), then
 * the diagonal words, then R.
 */
export function matrixVocabulary(name: MatrixVocabularyName, dimension: number, reflection = false): MatrixVocabulary {
  if (!Number.isInteger(dimension) || dimension < 2 || dimension > MAX_NAMED_DIMENSION) {
    throw new RangeError(`matrix vocabularies exist for d = 2…${MAX_NAMED_DIMENSION}, not ${dimension}`);
  }
  const d = dimension;
  const words: MatrixWord[] = [];
  const add = (w: MatrixWord) => words.push(w);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      if (i === j) continue;
      const e = `E${pair(d, i, j)}`;
      add({ name: `${e}+`, action: shear(i, j, PLUS_ONE), field: `x' = ${e}·x`, time: '1', inverse: `${e}-` });
      add({ name: `${e}-`, action: shear(i, j, MINUS_ONE), field: `x' = -${e}·x`, time: '1', inverse: `${e}+` });
      if (name === 'kronecker') {
        add({ name: `${e}+√2`, action: shear(i, j, PLUS_ROOT2), field: `x' = ${e}·x`, time: '√2', inverse: `${e}-√2` });
        add({
          name: `${e}-√2`,
          action: shear(i, j, MINUS_ROOT2),
          field: `x' = -${e}·x`,
          time: '√2',
          inverse: `${e}+√2`,
        });
      }
    }
  }
  for (let i = 0; i < d; i++) {
    const e = `E${pair(d, i, i)}`;
    if (name === 'dyadic') {
      add({ name: `H${i + 1}`, action: scale(i, -1), field: `x' = -ln2·${e}·x`, time: '1', inverse: `D${i + 1}` });
      add({ name: `D${i + 1}`, action: scale(i, 1), field: `x' = ln2·${e}·x`, time: '1', inverse: `H${i + 1}` });
    } else {
      add({ name: `${e}+`, action: scale(i, 0, 1), field: `x' = ${e}·x`, time: '1', inverse: `${e}-` });
      add({ name: `${e}-`, action: scale(i, 0, -1), field: `x' = -${e}·x`, time: '1', inverse: `${e}+` });
      add({ name: `${e}+√2`, action: scale(i, 0, 0, 1), field: `x' = ${e}·x`, time: '√2', inverse: `${e}-√2` });
      add({ name: `${e}-√2`, action: scale(i, 0, 0, -1), field: `x' = -${e}·x`, time: '√2', inverse: `${e}+√2` });
    }
  }
  if (name === 'dyadic') {
    add({ name: 'K+', action: scale(0, 0, 1), field: `x' = E${pair(d, 0, 0)}·x`, time: '1', inverse: 'K-' });
    add({ name: 'K-', action: scale(0, 0, -1), field: `x' = -E${pair(d, 0, 0)}·x`, time: '1', inverse: 'K+' });
  }
  if (reflection) {
    add({
      name: 'R',
      action: scale(0, 0, 0, 0, -1),
      field: 'none: det R = -1, and a time-1 flow has det > 0',
      time: '1',
      inverse: 'R',
    });
  }
  return { name, dimension: d, reflection, words, byName: new Map(words.map((w) => [w.name, w])) };
}

/** The vocabulary's word `name`; throws a RangeError naming the vocabulary when it has none. */
export function wordOf(vocabulary: MatrixVocabulary, name: string): MatrixWord {
  const w = vocabulary.byName.get(name);
  if (w === undefined)
    throw new RangeError(`the ${vocabulary.name} vocabulary for d = ${vocabulary.dimension} has no word ${name}`);
  return w;
}
