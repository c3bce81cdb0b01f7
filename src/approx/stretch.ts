/**
 * The `stretch` step: one coordinate through an increasing map of itself,
 * φ(a) = a + d(a) with 1 + d' > 0, the other coordinate untouched. The
 * words can only change slopes by factors e^{±1}: `sx+` with the frame's
 * origin at q is the kink a ↦ q + e·(a − q) right of q (identity left of it),
 * `sx-` the kink by 1/e. A composition of kinks at increasing positions is a
 * piecewise-linear increasing map K with slopes e^k (k an integer); with the
 * kinks on a dyadic grid q_j = q_0 + j·2^-J of *image* positions, moving the
 * origin from one kink to the next costs a few words (one `tx-` per grid
 * step, Horner for long gaps) and every kink |Δk| words. Where φ' is close
 * to 1, K is mostly slope 1 with short bumps of slope e or 1/e: a bump shifts
 * everything right of it by (e − 1)·(its length), so a staircase of bumps
 * follows d. The slopes are chosen by error diffusion on the knots, lazily
 * (keep the slope while the error stays under a threshold: fewer kinks).
 *
 * The bound: K and φ − c are compared at the knots' preimages x_j (K(x_j)
 * = q_j exactly), with d enclosed by interval arithmetic; between knots K is
 * linear, so the error there is at most the larger knot error plus
 * ‖d''‖·(x_{j+1} − x_j)²/8.
 */
import * as D from './dyadic.js';
import { type Dyadic } from './dyadic.js';
import { type Axis, type FrameBuilder } from './frames.js';
import { type Function1 } from './function1.js';

/** Relative slack for rounding in the doubles a bound is computed with. */
const ROUNDING = 8 * Number.EPSILON;

/** A planned staircase: exponents per grid piece (run-length encoded) and its proved error. */
interface StretchPlan {
  readonly J: number;
  readonly q0: Dyadic;
  /** The translation applied after the kinks (dyadic, so it costs no words until a frame change). */
  readonly shift: Dyadic;
  /** Grid indices where the exponent changes, and the change there (in e-words). */
  readonly at: readonly number[];
  readonly change: readonly number[];
  readonly pieces: number;
  readonly error: number;
  readonly estimate: number;
}

/** Words to move a frame origin by n grid steps: n `tx` words, or Horner over n's binary digits. */
function moveCost(n: number): number {
  if (n <= 4) return n;
  const bits = Math.ceil(Math.log2(n + 1));
  return Math.min(n, 2 * bits + Math.ceil(bits / 2));
}

function planStretch(d: Function1, l: number, h: number, J: number, budget: number): StretchPlan | undefined {
  const step = 2 ** -J;
  const q0 = D.floorTo(l, J);
  const start = D.toNumber(q0);
  const span = h - start;
  if (span / step > 1 << 22) return undefined;
  // The shift c = d(q_0), quantized well below the budget.
  const shift = D.quantize(d.at(start), Math.max(0, Math.ceil(Math.log2(16 / budget))));
  const c = D.toNumber(shift);
  const scale = Math.max(Math.abs(l), Math.abs(h), Math.abs(c), 1);
  const slack = scale * ROUNDING * 8;
  const tau = budget * 0.7 - slack;
  if (!(tau > step * 0)) return undefined;
  const phi = (x: number): number => x + d.at(x);
  const at: number[] = [];
  const change: number[] = [];
  const xs: number[] = [start];
  let x = start;
  let y = start;
  let k = 0;
  let j = 0;
  let sx = 0;
  while (x < h) {
    const yn = y + step;
    const errorWith = (kk: number): number => yn + c - phi(x + step * Math.exp(-kk));
    let best = k;
    let bestErr = errorWith(k);
    if (Math.abs(bestErr) > tau) {
      // The local slope of φ over one step picks the bracketing exponents.
      const slope = Math.max((phi(x + step) - phi(x)) / step, 1e-300);
      const kf = Math.floor(Math.log(slope));
      for (const kk of [kf, kf + 1, k - 1, k + 1]) {
        const e = errorWith(kk);
        if (Math.abs(e) < Math.abs(bestErr)) {
          best = kk;
          bestErr = e;
        }
      }
    }
    if (best !== k) {
      at.push(j);
      change.push(best - k);
      sx += Math.abs(best - k);
      k = best;
    }
    x += step * Math.exp(-k);
    y = yn;
    xs.push(x);
    j++;
    if (j > 1 << 22) return undefined;
  }
  // The proved error: K is linear between checked points (every 16th knot and every kink), where the error is at
  // most the larger of the two end errors (interval arithmetic on d) plus ‖d''‖·(length)²/8 (curvature per block).
  const knotError = (i: number): number => {
    const xj = xs[i]!;
    const yj = start + i * step;
    const [lo, hi] = d.range(xj, xj);
    return Math.max(Math.abs(yj + c - xj - lo), Math.abs(yj + c - xj - hi));
  };
  const checked: number[] = [];
  let next = 0;
  for (const i of [...at, j + 1]) {
    for (; next < i; next += 16) checked.push(next);
    if (i <= j && checked[checked.length - 1] !== i) checked.push(i);
    next = i + 16;
  }
  if (checked[checked.length - 1] !== j) checked.push(j);
  let error = 0;
  let prevErr = knotError(0);
  for (let n = 1; n < checked.length; n++) {
    const a = checked[n - 1]!;
    const b = checked[n]!;
    const err = knotError(b);
    const len = xs[b]! - xs[a]!;
    error = Math.max(error, Math.max(prevErr, err) + (d.curvature(xs[a]!, xs[b]!) * len * len) / 8);
    prevErr = err;
  }
  // The knots x_j were accumulated in doubles: each carries at most j roundings of its size, moved through φ.
  error += j * scale * Number.EPSILON * (1 + d.slope(start, x)) + slack;
  if (!(error <= budget) || !Number.isFinite(error)) return undefined;
  let estimate = sx + moveCost(0);
  let prev = 0;
  for (const i of at) {
    estimate += moveCost(i - prev);
    prev = i;
  }
  return { J, q0, shift, at, change, pieces: j, error, estimate };
}

/** What `buildStretch` wrote. */
export interface StretchReport {
  readonly words: number;
  readonly error: number;
  readonly detail: Readonly<Record<string, number>>;
}

/**
 * axis ↦ axis + d(axis) on [l, h] within `budget` (a proved bound given d's
 * interval bounds): the cheapest staircase over a range of grid spacings.
 */
export function buildStretch(
  b: FrameBuilder,
  axis: Axis,
  d: Function1,
  l: number,
  h: number,
  budget: number,
): StretchReport {
  if (!Number.isFinite(d.slope(l, h)) || !Number.isFinite(d.curvature(l, h)))
    throw new RangeError('a stretch needs bounds on d′ and d″ over its interval');
  let best: StretchPlan | undefined;
  const J0 = Math.max(-4, Math.floor(Math.log2(1 / budget)) - 1);
  // Finer grids cost more to plan and, past the best one, more words (every bump is at least one grid step).
  for (let J = J0; J <= J0 + 4; J++) {
    const plan = planStretch(d, l, h, J, budget);
    if (best !== undefined && plan !== undefined && plan.estimate >= best.estimate) break;
    if (plan !== undefined) best = plan;
  }
  if (best === undefined) throw new RangeError(`no staircase of sx kinks meets the budget ${budget}`);
  const { J, q0, shift, at, change } = best;
  const start = b.length;
  const grid = (i: number): Dyadic => D.add(q0, D.dyadic(BigInt(i), -J));
  b.setFrame(axis, J, q0);
  const afterFrame = b.length;
  let exp = 0;
  at.forEach((i, n) => {
    b.setFrame(axis, J, grid(i));
    b.exp(axis, change[n]!);
    exp += Math.abs(change[n]!);
  });
  b.relabel(axis, 0, shift);
  return {
    words: b.length - start,
    error: best.error,
    detail: {
      kinks: at.length,
      exp,
      moves: b.length - afterFrame - exp,
      frame: afterFrame - start,
      gridLog2: -J,
    },
  };
}
