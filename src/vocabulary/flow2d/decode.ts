/**
 * Decoding a `flow2d` end point back into its sentence. Every (state,
 * class) pair owns a strip of y, so the last letter is read off y, the step
 * is inverted exactly, and so on back to x0 — as long as y's bits last.
 *
 * Each letter pushes k+1 bits into y and the one rounding step of a word
 * keeps y on the grid 2^−52, so about 52/(k+1) letters survive. Decoding
 * keeps a bound on how far the reconstructed y can be from the true one
 * (each inverted step multiplies it by 2^(k+1) and adds the forward
 * rounding, ≤ 2^−53) and reads a letter only while that bound keeps the
 * strip unambiguous. Reaching x0 is confirmed by re-encoding the decoded
 * sentence exactly (every forward step checked exact), which proves it is
 * the only sentence with this end point.
 */
import { pow2 } from '../../flows/primitives.js';
import { sumError } from '../interval.js';
import { checkPoint } from '../common.js';
import { FOLD_WIDTH, X_SHIFT } from './construct.js';
import type { Flow2dVocabulary } from './index.js';

/** What decoding recovered. */
export interface Decoded {
  /** The recovered classes in reading order (the last `recovered` letters of the sentence). */
  readonly classes: readonly number[];
  /** How many letters were recovered with certainty. */
  readonly recovered: number;
  /** True when the whole sentence was recovered (decoding reached x0, confirmed exactly). */
  readonly complete: boolean;
}

/** Whether encoding `classes` from x0 is exact at every step and ends at `end`. */
function reencodes(v: Flow2dVocabulary, classes: readonly number[], end: Float64Array): boolean {
  const n = v.dfa.states;
  const { folded } = v.params;
  let x = v.start[0]!;
  let y = v.start[1]!;
  for (const c of classes) {
    const q = Math.round(x);
    const at = FOLD_WIDTH * (c * n + q);
    const h = y * folded[at + 2]!;
    const lifted = h + folded[at + 3]!;
    if (sumError(h, folded[at + 3]!, lifted) !== 0 || (y !== 0 && h === 0)) return false;
    x = (x + folded[at]!) * folded[at + 1]!;
    y = lifted + folded[at + 4]!;
  }
  return Object.is(x, end[0]) && Object.is(y, end[1]);
}

/**
 * Reads the sentence back from an end point of `v` (as produced by `run`),
 * newest letter first, for at most `maxLetters` letters.
 */
export function decode(v: Flow2dVocabulary, end: Float64Array, maxLetters = 1024): Decoded {
  checkPoint(end, 2);
  const { dfa, params } = v;
  const n = dfa.states;
  const m = dfa.alphabet.classes.length;
  const { k, folded } = params;
  const scale = pow2(k);
  const slotWidth = pow2(-k);
  let x = end[0]!;
  let y = end[1]!;
  let err = 0;
  const reversed: number[] = [];
  let certain = 0;
  let sure = true;
  const startX = v.start[0]!;
  const startY = v.start[1]!;
  const startGap = pow2(-(2 * k + 2));
  for (let i = 0; i < maxLetters; i++) {
    if (x === startX && Math.abs(y - startY) <= err && err < startGap) {
      const classes = [...reversed].reverse();
      if (reencodes(v, classes, end)) return { classes, recovered: classes.length, complete: true };
    }
    const q1 = Math.round(x);
    if (!(q1 >= 0 && q1 < n) || x !== q1) break;
    const lo = Math.floor((y - err) * scale);
    const hi = Math.floor((y + err) * scale);
    const slot = Math.floor(y * scale);
    if (!(slot >= 1 && slot <= n * m)) break;
    if (lo !== hi) sure = false;
    const q = Math.floor((slot - 1) / m);
    const c = (slot - 1) % m;
    if (dfa.delta[q * m + c] !== q1) break;
    reversed.push(c);
    if (sure) certain++;
    // Invert the step: y = s·2^−k + y_h with y_h = y_prev·2^−(k+1); x = (x_prev + G)/2.
    y = (y - slot * slotWidth) * (2 * scale);
    err = (err + 2 ** -53) * (2 * scale);
    x = 2 * x - folded[FOLD_WIDTH * (c * n + q) + X_SHIFT]!;
    if (err > 1) break;
  }
  const classes = [...reversed].reverse().slice(reversed.length - certain);
  return { classes, recovered: certain, complete: false };
}
