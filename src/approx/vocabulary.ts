/**
 * The vocabulary V* of `wordflow approx`: flow2d's twelve primitive flows
 * (`src/flows/primitives.ts`, same names and op codes 0–11) plus four relu
 * self-flows, op codes 12–15:
 *
 * | word | field | time-1 map |
 * |---|---|---|
 * | sx+, sx- | x' = ±relu(x) | x ↦ e^{±1}·x for x > 0; unchanged for x ≤ 0 |
 * | sy+, sy- | y' = ±relu(y) | y ↦ e^{±1}·y for y > 0; unchanged for y ≤ 0 |
 *
 * Why the four are needed: each of the twelve multiplies areas by a constant
 * power of two, so sentences over them alone can only approximate maps whose
 * area change is one constant power of two. With sx± the Jacobian varies
 * with the point and the sixteen words are universal for orientation-
 * preserving diffeomorphisms on compact sets (Cai, ICML 2024).
 *
 * `FLOW_NAMES` (the twelve) is left untouched so flow2d's enumerations keep
 * their meaning; `VOCABULARY` is the list of all sixteen.
 */
import * as D from './dyadic.js';
import { type Dyadic } from './dyadic.js';
import { FLOW_NAMES, type FlowName, fieldAt, flowCodeAt, PRIMITIVES } from '../flows/primitives.js';

/** The four relu self-flows added to the twelve. */
export type ScalingWordName = 'sx+' | 'sx-' | 'sy+' | 'sy-';

/** A word of V*: one of the sixteen time-1 flow maps. */
export type WordName = FlowName | ScalingWordName;

/** The sixteen words of V*, in op-code order (the twelve of flow2d first). */
export const VOCABULARY: readonly WordName[] = [...FLOW_NAMES, 'sx+', 'sx-', 'sy+', 'sy-'];

/** A word of V* as a person reads it. */
export interface Word {
  readonly name: WordName;
  /** Op code: the index in `VOCABULARY` (0–11 are flow2d's codes). */
  readonly code: number;
  /** The word that undoes this one (same field, reversed time). */
  readonly inverse: WordName;
  /** The vector field, e.g. `x' = relu(x)`. */
  readonly field: string;
  /** The time-1 map, e.g. `x ↦ e·x for x > 0`. */
  readonly timeOne: string;
  /** Whether the word maps dyadic rationals to dyadic rationals (all but sx±, sy±). */
  readonly dyadic: boolean;
}

const SCALING_WORDS: { readonly [W in ScalingWordName]: Omit<Word, 'name' | 'code'> } = {
  'sx+': { inverse: 'sx-', field: "x' = relu(x)", timeOne: 'x ↦ e·x for x > 0, else x', dyadic: false },
  'sx-': { inverse: 'sx+', field: "x' = -relu(x)", timeOne: 'x ↦ x/e for x > 0, else x', dyadic: false },
  'sy+': { inverse: 'sy-', field: "y' = relu(y)", timeOne: 'y ↦ e·y for y > 0, else y', dyadic: false },
  'sy-': { inverse: 'sy+', field: "y' = -relu(y)", timeOne: 'y ↦ y/e for y > 0, else y', dyadic: false },
};

/** The table of V*, by name. */
export const WORDS: { readonly [W in WordName]: Word } = Object.fromEntries(
  VOCABULARY.map((name, code) => {
    if (code < 12) {
      const p = PRIMITIVES[name as FlowName];
      return [name, { name, code, inverse: p.inverse, field: p.field, timeOne: p.timeOne, dyadic: true }];
    }
    return [name, { name, code, ...SCALING_WORDS[name as ScalingWordName] }];
  }),
) as { readonly [W in WordName]: Word };

/** Op code of each word (index into `VOCABULARY`). */
export const WORD_CODE: { readonly [W in WordName]: number } = Object.fromEntries(VOCABULARY.map((w, i) => [w, i])) as {
  readonly [W in WordName]: number;
};

/** Whether a string names a word of V*. */
export function isWordName(s: string): s is WordName {
  return (VOCABULARY as readonly string[]).includes(s);
}

/** The word that undoes `w`. */
export function inverseWord(w: WordName): WordName {
  return WORDS[w].inverse;
}

/** e^k for an integer |k| ≤ 700 is a finite, normal double; longer runs are applied in pieces of this size. */
const EXP_PIECE = 700;

/** x ↦ e^{n}·x on x > 0 (n any real), applied in pieces so that e^n never overflows on its own. */
function reluScale(x: number, n: number): number {
  if (!(x > 0)) return x;
  let rest = n;
  while (Math.abs(rest) > EXP_PIECE) {
    const piece = Math.sign(rest) * EXP_PIECE;
    x *= Math.exp(piece);
    rest -= piece;
  }
  return x * Math.exp(rest);
}

/**
 * The closed form of word `code` run for time `n` (n time-1 words in a row;
 * any real n ≥ 0 for the path between words), written into `out[0..1]`.
 * One floating-point evaluation per run for the twelve (exact powers of two
 * for the scalings), at most one per 700 words for sx±, sy±.
 */
export function wordCodeAt(code: number, n: number, x: number, y: number, out: Float64Array | number[]): void {
  switch (code) {
    case 12:
      out[0] = reluScale(x, n);
      out[1] = y;
      return;
    case 13:
      out[0] = reluScale(x, -n);
      out[1] = y;
      return;
    case 14:
      out[0] = x;
      out[1] = reluScale(y, n);
      return;
    case 15:
      out[0] = x;
      out[1] = reluScale(y, -n);
      return;
    default:
      flowCodeAt(code, n, x, y, out);
  }
}

/** The closed form of `n` words `w` in a row at (x, y). */
export function wordAt(w: WordName, n: number, x: number, y: number): [number, number] {
  const out: [number, number] = [0, 0];
  wordCodeAt(WORD_CODE[w], n, x, y, out);
  return out;
}

/** The vector field of a word at (x, y): the twelve primitive flows' own fields, and relu(x) or relu(y) for s. */
export function wordFieldAt(w: WordName, x: number, y: number): [number, number] {
  switch (w) {
    case 'sx+':
      return [Math.max(x, 0), 0];
    case 'sx-':
      return [-Math.max(x, 0), 0];
    case 'sy+':
      return [0, Math.max(y, 0)];
    case 'sy-':
      return [0, -Math.max(y, 0)];
    default:
      return fieldAt(w, x, y);
  }
}

/** A point with exact dyadic coordinates. */
export type DyadicPoint = readonly [Dyadic, Dyadic];

/**
 * `n` words `w` applied to a dyadic point, exactly. Defined for the twelve
 * dyadic words; sx±, sy± throw (e is irrational), unless the coordinate
 * they act on is ≤ 0 (then they fix it).
 */
export function wordExact(w: WordName, n: bigint, p: DyadicPoint): DyadicPoint {
  const [x, y] = p;
  const k = Number(n);
  const nd = D.dyadic(n);
  switch (w) {
    case 'hx':
      return [D.scale2(x, -k), y];
    case 'dx':
      return [D.scale2(x, k), y];
    case 'hy':
      return [x, D.scale2(y, -k)];
    case 'dy':
      return [x, D.scale2(y, k)];
    case 'tx+':
      return [D.add(x, nd), y];
    case 'tx-':
      return [D.sub(x, nd), y];
    case 'ty+':
      return [x, D.add(y, nd)];
    case 'ty-':
      return [x, D.sub(y, nd)];
    case 'ry+':
      return [x, D.add(y, D.mul(nd, D.relu(x)))];
    case 'ry-':
      return [x, D.sub(y, D.mul(nd, D.relu(x)))];
    case 'rx+':
      return [D.add(x, D.mul(nd, D.relu(y))), y];
    case 'rx-':
      return [D.sub(x, D.mul(nd, D.relu(y))), y];
    case 'sx+':
    case 'sx-':
      if (x.m <= 0n) return p;
      throw new RangeError(`${w} maps x = ${D.toNumber(x)} > 0 outside the dyadic rationals`);
    case 'sy+':
    case 'sy-':
      if (y.m <= 0n) return p;
      throw new RangeError(`${w} maps y = ${D.toNumber(y)} > 0 outside the dyadic rationals`);
  }
}
