/**
 * The `flow2d` construction (docs/ARCHITECTURE.md, "flow2d"): every word
 * is a phrase over the fixed base vocabulary V of primitive plane flows.
 *
 * Layout: n states, m classes, W = ¼, R_q = [q − W, q + W] × [0, 1],
 * x0 = (q0, ½), k = ⌈log2(n·m + 1)⌉. The pair (state q, class c) owns the
 * slot s = q·m + c + 1 ∈ [1, n·m] — shifted by one from the plain q·m + c
 * so that no image touches y = 0: every image then sits strictly inside its
 * region (margin 2^−(k+1) in y, ⅛ in x) and y never underflows towards the
 * subnormals on long runs of slot 0.
 *
 * For class c, f_c on R_q is
 *   x ↦ x/2 + δ(q,c) − q/2,     y ↦ y·2^−(k+1) + s·2^−k,
 * so f_c(R_q) = [δ ± ⅛] × [s·2^−k, s·2^−k + 2^−(k+1)] ⊆ R_δ. The phrase:
 *   1. `hy^(k+1)`: squeeze y into [0, 2^−(k+1)].
 *   2. `ty+`: y ∈ [1, 2). This is the one step that may round: the history
 *      in y loses its bits below 2^−52 here, on the same grid for every
 *      state, and every later step is exact.
 *   3. vertical shear y += h(x), h = s·2^−k on column q, ramps of height
 *      m·2^−k on the gaps [p + ¼, p + ¾]; in coordinates x₄ = 4x and
 *      y₂ = 2^(k+1)·y each ramp is `tx-` to its right end, `ry-^m`, `tx+^2`,
 *      `ry+^m` (the falling ridge first keeps every intermediate y in
 *      (−1, 2), where the grid 2^−52 holds it exactly); then `ty-`.
 *   4. horizontal shear x += G(y), G = 2δ(q,c) − q on the strip of q, ramps
 *      of slope 1 in y_E = 2^E·y placed at the start of each gap between
 *      strips: `ty-` to the ramp, `rx±`, `ty-^|ΔG|`, `rx∓`. E is chosen so
 *      every ramp fits in its gap.
 *   5. `hx`: x ↦ (x + G)/2.
 * Every constant is dyadic. On points whose x is a multiple of 2^(E−52)
 * (every reachable point: there x is an integer) and any y ∈ [0, 1], all
 * intermediate values are representable, so the phrase computes
 *   x' = fl(x + G)·½,   y' = fl(y·2^−(k+1) + (1 + s·2^−k)) − 1
 * bit for bit — which is what the folded map evaluates.
 */
import type { CompleteDfa } from '../../automata/dfa.js';
import { type FlowName, pow2 } from '../../flows/primitives.js';
import { type Phrase, type PhraseStep, pushStep } from '../../flows/phrase.js';

/** Folded maps: per (class c, state q), 5 numbers at index 5·(c·n + q). */
export const FOLD_WIDTH = 5;
/** Offset of the x shift in a folded entry: x' = (x + X_SHIFT)·X_SCALE, y' = (y·Y_SCALE + Y_SHIFT) + Y_AFTER. */
export const X_SHIFT = 0;
/** Offset of the x scale in a folded entry. */
export const X_SCALE = 1;
/** Offset of the y scale in a folded entry. */
export const Y_SCALE = 2;
/** Offset of the y shift (1 + slot·2^−k) in a folded entry. */
export const Y_SHIFT = 3;
/** Offset of the shift applied after the rounding step (−1) in a folded entry. */
export const Y_AFTER = 4;

/** The real parameters of a flow2d vocabulary: its phrases and their folded forms. */
export interface Flow2dParams {
  /** Slot bits: slots 1..n·m live in [1, 2^k). */
  readonly k: number;
  /** Scale exponent of the horizontal shear's ramps. */
  readonly e: number;
  /** Half-width W of the columns R_q. */
  readonly radius: number;
  /** The phrase of every class. */
  readonly phrases: readonly Phrase[];
  /** Folded affine maps (see FOLD_WIDTH). */
  readonly folded: Float64Array;
}

/** ⌈log2 v⌉ for v ≥ 1. */
function ceilLog2(v: number): number {
  let e = 0;
  while (2 ** e < v) e++;
  return e;
}

function translate(steps: PhraseStep[], plus: FlowName, minus: FlowName, amount: number): void {
  if (amount > 0) pushStep(steps, plus, amount);
  else if (amount < 0) pushStep(steps, minus, -amount);
}

/** The phrases and folded maps of a complete DFA. */
export function flow2dParams(dfa: CompleteDfa): Flow2dParams {
  const n = dfa.states;
  const m = dfa.alphabet.classes.length;
  const delta = dfa.delta;
  const k = Math.max(1, ceilLog2(n * m + 1));
  let maxJump = 1;
  for (let c = 0; c < m; c++) {
    for (let q = 0; q + 1 < n; q++) {
      maxJump = Math.max(maxJump, Math.abs(2 * delta[(q + 1) * m + c]! - (q + 1) - (2 * delta[q * m + c]! - q)));
    }
  }
  const e = k + 1 + ceilLog2(maxJump);
  const phrases: Phrase[] = [];
  const folded = new Float64Array(FOLD_WIDTH * m * n);
  for (let c = 0; c < m; c++) {
    const steps: PhraseStep[] = [];
    const g = (q: number): number => 2 * delta[q * m + c]! - q;
    // 1–2: squeeze y, then lift it into [1, 2).
    pushStep(steps, 'hy', k + 1);
    pushStep(steps, 'ty+', 1);
    // 3: vertical shear in x₄ = 4x − cursor, y₂ = 2^(k+1)·y.
    pushStep(steps, 'dy', k + 1);
    pushStep(steps, 'dx', 2);
    pushStep(steps, 'ty+', 2 * (c + 1));
    let cursor = 0;
    for (let p = 0; p + 1 < n; p++) {
      const right = 4 * p + 3;
      const left = 4 * p + 1;
      translate(steps, 'tx+', 'tx-', cursor - right);
      pushStep(steps, 'ry-', m);
      translate(steps, 'tx+', 'tx-', right - left);
      pushStep(steps, 'ry+', m);
      cursor = left;
    }
    translate(steps, 'tx+', 'tx-', cursor);
    pushStep(steps, 'hx', 2);
    pushStep(steps, 'hy', k + 1);
    pushStep(steps, 'ty-', 1);
    // 4: horizontal shear in y_E = 2^e·y − cursor.
    translate(steps, 'tx+', 'tx-', g(0));
    pushStep(steps, 'dy', e);
    cursor = 0;
    const unit = 2 ** (e - k);
    for (let q = 0; q + 1 < n; q++) {
      const slot = q * m + c + 1;
      const rampStart = (slot + 0.5) * unit;
      const jump = g(q + 1) - g(q);
      translate(steps, 'ty+', 'ty-', cursor - rampStart);
      pushStep(steps, jump > 0 ? 'rx+' : 'rx-', 1);
      pushStep(steps, 'ty-', Math.abs(jump));
      pushStep(steps, jump > 0 ? 'rx-' : 'rx+', 1);
      cursor = rampStart + Math.abs(jump);
    }
    translate(steps, 'ty+', 'ty-', cursor);
    pushStep(steps, 'hy', e);
    // 5.
    pushStep(steps, 'hx', 1);
    phrases.push(steps);
    for (let q = 0; q < n; q++) {
      const at = FOLD_WIDTH * (c * n + q);
      folded[at + X_SHIFT] = g(q);
      folded[at + X_SCALE] = 0.5;
      folded[at + Y_SCALE] = pow2(-(k + 1));
      folded[at + Y_SHIFT] = 1 + (q * m + c + 1) * pow2(-k);
      folded[at + Y_AFTER] = -1;
    }
  }
  return { k, e, radius: 0.25, phrases, folded };
}

/**
 * Fractional bits of x for which folded and unfolded evaluation agree bit
 * for bit on R_q (y arbitrary in [0, 1]): x must be a multiple of 2^(e−52).
 */
export function exactBits(params: Flow2dParams): number {
  return 52 - params.e;
}
