/**
 * Sentences over a matrix vocabulary: their exact product, its value with a
 * proved error bound, the inverse sentence, and the distance to a target.
 *
 * A sentence is a list of runs `[name, count]`; its first word is applied
 * first, so its matrix is Wn⋯W1. A run is applied as one power (I + c·E)^n =
 * I + n·c·E, diag(x)^n = diag(x^n), so a run of a million words costs what
 * one word costs.
 */
import * as Q from './dyadic.js';
import {
  add,
  approx,
  exact,
  exp,
  magnitude,
  Mid,
  mul,
  SQRT2,
  sub,
  Up,
  type Ball,
  type MidValue,
  type UpValue,
} from './interval.js';
import { addScaled, dyadicValue, identity, scaleEntry, surdScale, type Entry, type ExactMatrix } from './ring.js';
import { wordOf, type MatrixVocabulary } from './vocabulary.js';

/** A run of one word: `[name, count]` with count ≥ 1. */
export type Run = readonly [name: string, count: number];
/** A sentence: runs, the first applied first. */
export type Sentence = readonly Run[];

/** The number of words of a sentence (runs counted with their multiplicity). */
export function sentenceLength(sentence: Sentence): number {
  let n = 0;
  for (const [, count] of sentence) n += count;
  return n;
}

/** Adjacent runs of the same word merged, empty runs dropped. */
export function mergeRuns(sentence: Sentence): Run[] {
  const out: [string, number][] = [];
  for (const [name, count] of sentence) {
    if (count <= 0) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === name) last[1] += count;
    else out.push([name, count]);
  }
  return out;
}

/**
 * Adjacent runs merged and adjacent inverse runs cancelled (`D1 H1^3` →
 * `H1^2`): the product is unchanged, since W·W⁻¹ = I exactly.
 */
export function simplifyRuns(vocabulary: MatrixVocabulary, sentence: Sentence): Run[] {
  const out: [string, number][] = [];
  for (const [name, count0] of sentence) {
    let count = count0;
    while (count > 0) {
      const last = out[out.length - 1];
      if (last === undefined) break;
      if (last[0] === name) {
        last[1] += count;
        count = 0;
      } else if (wordOf(vocabulary, last[0]).inverse === name && last[0] !== name) {
        const k = Math.min(last[1], count);
        last[1] -= k;
        count -= k;
        if (last[1] === 0) out.pop();
        if (count === 0 || last[1] > 0) break;
      } else break;
    }
    if (count > 0) out.push([name, count]);
  }
  return out;
}

/** The inverse sentence: the runs reversed, each word replaced by its inverse. Its product is the inverse matrix. */
export function invertSentence(vocabulary: MatrixVocabulary, sentence: Sentence): Run[] {
  return [...sentence].reverse().map(([name, count]) => [wordOf(vocabulary, name).inverse, count] as const);
}

/** The sentence's product Wn⋯W1, exactly (see `ring.ts`). */
export function exactProduct(vocabulary: MatrixVocabulary, sentence: Sentence): ExactMatrix {
  const m = identity(vocabulary.dimension);
  for (const [name, count] of sentence) {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`run ${name}^${count}: the count must be a non-negative integer`);
    const { action } = wordOf(vocabulary, name);
    if (count === 0) continue;
    if (action.kind === 'shear') {
      const c = surdScale(action.coefficient, count);
      const target = m[action.row]!;
      const source = m[action.col]!;
      for (let k = 0; k < target.length; k++) target[k] = addScaled(target[k]!, source[k]!, c);
    } else {
      const row = m[action.index]!;
      const sign = action.sign === -1 && count % 2 === 1 ? -1 : 1;
      for (let k = 0; k < row.length; k++)
        row[k] = scaleEntry(row[k]!, sign, action.power2 * count, action.a * count, action.b * count);
    }
  }
  return m;
}

/** The exact matrix of one word (the word applied to I). */
export function wordMatrix(vocabulary: MatrixVocabulary, name: string): ExactMatrix {
  return exactProduct(vocabulary, [[name, 1]]);
}

/** Dyadics with a binary exponent beyond this are not expanded into exact decimals (2^−k has k digits). */
const EXACT_EXPONENT = 400;

function exactlyPrintable(q: Q.Dyadic): boolean {
  return Math.abs(q.exponent) <= EXACT_EXPONENT && q.mantissa.toString(2).length <= 4 * EXACT_EXPONENT;
}

/** A dyadic as a ball: exact when short, else m × 2^e rounded once. */
function dyadicBall(q: Q.Dyadic): Ball {
  if (exactlyPrintable(q)) return exact(Q.toDecimalString(q));
  return mul(exact(q.mantissa.toString()), approx(new Mid(2).pow(q.exponent)));
}

/** An entry's value as a ball: Σ (x + y√2)·e^{a + b√2}, each exponential evaluated once per call. */
export function entryValue(entry: Entry, exps: Map<string, Ball> = new Map()): Ball {
  const q = dyadicValue(entry);
  if (q !== null && exactlyPrintable(q)) return exact(Q.toDecimalString(q));
  let sum = exact('0');
  for (const [key, t] of entry) {
    let c = dyadicBall(t.coefficient.x);
    if (!Q.isZero(t.coefficient.y)) c = add(c, mul(dyadicBall(t.coefficient.y), SQRT2));
    if (t.a !== 0 || t.b !== 0) {
      let e = exps.get(key);
      if (e === undefined) {
        e = exp(add(exact(String(t.a)), mul(exact(String(t.b)), SQRT2)));
        exps.set(key, e);
      }
      c = mul(c, e);
    }
    sum = add(sum, c);
  }
  return sum;
}

/** The matrix's values as balls (midpoint at 80 digits, radius proved). */
export function matrixValue(m: ExactMatrix): Ball[][] {
  const exps = new Map<string, Ball>();
  return m.map((row) => row.map((e) => entryValue(e, exps)));
}

/** The Frobenius distance between two matrices of balls: the proved upper bound, and the value at the midpoints. */
export interface MatrixError {
  /** ‖P − A‖_F ≤ bound, proved (radii included, rounded up). */
  readonly bound: UpValue;
  /** ‖mid P − mid A‖_F at 80 digits (what the evaluation measured). */
  readonly measured: MidValue;
}

/** ‖P − A‖_F: a proved upper bound and the measured value. */
export function frobeniusError(p: readonly (readonly Ball[])[], a: readonly (readonly Ball[])[]): MatrixError {
  let squares = new Up(0);
  let measured = new Mid(0);
  p.forEach((row, i) =>
    row.forEach((x, j) => {
      const diff = sub(x, a[i]![j]!);
      const m = magnitude(diff);
      squares = squares.plus(m.times(m));
      measured = measured.plus(diff.mid.times(diff.mid));
    }),
  );
  return { bound: squares.sqrt(), measured: measured.sqrt() };
}

/** Significant digits of every inexact decimal string printed. */
export const PRINTED_DIGITS = 50;

/** An entry as a decimal string: exact when it is dyadic, else 50 significant digits. */
export function entryString(entry: Entry, exps?: Map<string, Ball>): string {
  const q = dyadicValue(entry);
  if (q !== null && exactlyPrintable(q)) return Q.toDecimalString(q);
  return ballString(entryValue(entry, exps));
}

/** A ball's midpoint as a decimal string: exact when the ball is, else 50 significant digits. */
export function ballString(b: Ball): string {
  if (b.rad.isZero()) return b.mid.toFixed();
  const s = b.mid.toSignificantDigits(PRINTED_DIGITS);
  return s.isZero() ? '0' : s.toFixed();
}

/** A matrix as rows of decimal strings (exact where exact, else 50 significant digits). */
export function matrixStrings(m: ExactMatrix): string[][] {
  const exps = new Map<string, Ball>();
  return m.map((row) => row.map((e) => entryString(e, exps)));
}
