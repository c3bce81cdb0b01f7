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
import { nextDown, nextUp } from '../mapexpr/index.js';

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
  if (span / step > 2 ** 40) return undefined;
  // The shift c = d(q_0), quantized well below the budget.
  const shift = D.quantize(d.at(start), Math.max(0, Math.ceil(Math.log2(16 / budget))));
  const c = D.toNumber(shift);
  const scale = Math.max(Math.abs(l), Math.abs(h), Math.abs(c), 1);
  const slack = scale * ROUNDING * 8;
  const tau = budget * 0.7 - slack;
  if (!(tau > 0)) return undefined;
  const phi = (x: number): number => x + d.at(x);
  // ‖d''‖ on 1 024 equal cells of [start, h] (one interval evaluation per cell, not per block).
  const cells = 1024;
  const width = (h - start) / cells;
  const curvature = new Float64Array(cells);
  let curvatureMax = 0;
  for (let cell = 0; cell < cells; cell++) {
    curvature[cell] = d.curvature(start + cell * width, cell === cells - 1 ? h : start + (cell + 1) * width);
    curvatureMax = Math.max(curvatureMax, curvature[cell]!);
  }
  if (!Number.isFinite(curvatureMax)) return undefined;
  const cellOf = (v: number): number => Math.min(cells - 1, Math.max(0, Math.floor((v - start) / width)));
  const curvatureOver = (a: number, b: number): number => {
    let m = 0;
    for (let cell = cellOf(a), lastCell = cellOf(b); cell <= lastCell; cell++) m = Math.max(m, curvature[cell]!);
    return m;
  };
  // Blocks short enough that the curvature term stays ≤ budget/10 (the walk checks at least that often too).
  const blockLength = curvatureMax > 0 ? Math.sqrt((0.8 * budget) / curvatureMax) : Infinity;
  // Segments of K between kinks: from grid index segJ[s] (preimage segX[s]) with exponent segK[s]; K is linear there.
  const segJ: number[] = [0];
  const segX: number[] = [start];
  const segK: number[] = [0];
  const at: number[] = [];
  const change: number[] = [];
  let sx = 0;
  let k = 0;
  // The preimage of grid index i on the current (last) segment, and the staircase's error there.
  const xOf = (i: number): number => segX[segX.length - 1]! + (i - segJ[segJ.length - 1]!) * step * Math.exp(-k);
  const errorAt = (i: number): number => start + i * step + c - phi(xOf(i));
  let j = 0;
  while (xOf(j) < h) {
    if (Math.abs(errorAt(j + 1)) > tau) {
      // The local slope of φ over one step picks the bracketing exponents.
      const x = xOf(j);
      const slope = Math.max((phi(x + step) - phi(x)) / step, 1e-300);
      const kf = Math.floor(Math.log(slope));
      const errorNext = (kk: number): number => start + (j + 1) * step + c - phi(x + step * Math.exp(-kk));
      let best = k;
      let bestErr = Math.abs(errorNext(k));
      for (const kk of [kf, kf + 1, k - 1, k + 1]) {
        const e = Math.abs(errorNext(kk));
        if (e < bestErr) {
          best = kk;
          bestErr = e;
        }
      }
      if (best !== k) {
        segJ.push(j);
        segX.push(x);
        segK.push(best);
        at.push(j);
        change.push(best - k);
        sx += Math.abs(best - k);
        k = best;
      }
      if (at.length > 1 << 22) return undefined;
    }
    // Keep the exponent while the knots stay within τ: gallop (strides at most one block, over which the error can
    // leave the band and come back by at most budget/10), then bisect for the first knot past τ. The bound below is
    // checked independently of the walk.
    const unit = step * Math.exp(-k);
    const last = j + Math.max(1, Math.ceil((h - xOf(j)) / unit));
    const most = Math.max(1, Math.floor(blockLength / unit));
    let good = j + 1;
    let n = 1;
    let bad = last;
    while (good < last) {
      const next = Math.min(good + n, last);
      if (Math.abs(errorAt(next)) > tau) {
        bad = next;
        break;
      }
      good = next;
      n = Math.min(2 * n, most);
    }
    if (good < bad) {
      while (bad - good > 1) {
        const mid = Math.floor((good + bad) / 2);
        if (Math.abs(errorAt(mid)) > tau) bad = mid;
        else good = mid;
      }
    }
    j = good;
  }
  const end = j;
  const xEnd = xOf(end);
  // The proved error: on blocks inside each segment, K is linear and the error is at most the larger of the two end
  // errors (interval arithmetic on d) plus ‖d''‖·(length)²/8, with ‖d''‖ from one interval evaluation per cell.
  const knotError = (i: number, xj: number): number => {
    const yj = start + i * step;
    const [lo, hi] = d.range(xj, xj);
    return Math.max(Math.abs(yj + c - xj - lo), Math.abs(yj + c - xj - hi));
  };
  // The last cell reaches past h to the last knot.
  curvature[cells - 1] = Math.max(curvature[cells - 1]!, d.curvature(start + (cells - 1) * width, Math.max(h, xEnd)));
  let error = 0;
  let blocks = 0;
  for (let s = 0; s < segJ.length; s++) {
    const a = segJ[s]!;
    const b = s + 1 < segJ.length ? segJ[s + 1]! : end;
    const unit = step * Math.exp(-segK[s]!);
    const stride = Math.max(1, Math.min(b - a, Math.floor(blockLength / unit)));
    const x0 = segX[s]!;
    let prev = knotError(a, x0);
    for (let i = a; i < b;) {
      const next = Math.min(b, i + stride);
      const xa = x0 + (i - a) * unit;
      const xb = x0 + (next - a) * unit;
      const err = knotError(next, xb);
      error = Math.max(error, Math.max(prev, err) + (curvatureOver(xa, xb) * (xb - xa) ** 2) / 8);
      prev = err;
      i = next;
      if (++blocks > 1 << 22) return undefined;
    }
  }
  // Each segment's start was computed from the previous one in doubles: a few roundings of its size per segment.
  error += 4 * (segJ.length + 1) * scale * Number.EPSILON * (1 + d.slope(start, xEnd)) + slack;
  if (process.env.DBG) console.error('plan', J, end, at.length, blocks, error, budget, tau);
  if (!(error <= budget) || !Number.isFinite(error)) return undefined;
  let estimate = sx + moveCost(0);
  let prev = 0;
  for (const i of at) {
    estimate += moveCost(i - prev);
    prev = i;
  }
  return { J, q0, shift, at, change, pieces: end, error, estimate };
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
  // A bump one grid step long moves the staircase by (e − 1)·2^-J, which must fit in the band ±0.7·budget of a
  // plan (coarser grids cannot meet the budget: start at the coarsest that can).
  const J0 = Math.max(-4, Math.ceil(Math.log2((Math.E - 1) / (1.4 * budget))));
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

/**
 * Two stretches one after the other as one: φ = φ2∘φ1 with φi = id + di, so
 * d(a) = d1(a) + d2(a + d1(a)). Bounds from the parts' (interval arithmetic
 * where they have it): d2 is taken over the image of [a, b] under φ1, and
 * φ' = φ2'(φ1)·φ1', φ'' = φ2''(φ1)·φ1'² + φ2'(φ1)·φ1'' (both φi increasing).
 */
export function composeStretches(d1: Function1, d2: Function1): Function1 {
  const image = (a: number, b: number): [number, number] => {
    const [lo] = d1.range(a, a);
    const [, hi] = d1.range(b, b);
    // φ1 is increasing: the image of [a, b] is [φ1(a), φ1(b)], each end enclosed (rounded outward).
    return [nextDown(a + lo), nextUp(b + hi)];
  };
  return {
    at: (v) => {
      const e = d1.at(v);
      return e + d2.at(v + e);
    },
    range: (a, b) => {
      const [lo1, hi1] = d1.range(a, b);
      const [u, w] = image(a, b);
      const [lo2, hi2] = d2.range(u, w);
      return [nextDown(lo1 + lo2), nextUp(hi1 + hi2)];
    },
    slope: (a, b) => {
      const s1 = d1.slope(a, b);
      const [u, w] = image(a, b);
      const s2 = d2.slope(u, w);
      return nextUp(nextUp(s1 + s2 * (1 + s1)) * (1 + 4 * Number.EPSILON));
    },
    curvature: (a, b) => {
      const s1 = d1.slope(a, b);
      const c1 = d1.curvature(a, b);
      const [u, w] = image(a, b);
      return nextUp((d2.curvature(u, w) * (1 + s1) ** 2 + (1 + d2.slope(u, w)) * c1) * (1 + 8 * Number.EPSILON));
    },
  };
}
