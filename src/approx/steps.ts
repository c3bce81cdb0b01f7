/**
 * The elementary targets every approximation is planned in, each with its
 * exact map, the image of a box, a Lipschitz constant, and a construction
 * that writes words for it within an error budget:
 *
 * - `shear`: axis += t·other (relu words after moving the other coordinate's
 *   frame origin below the box, t by Horner digits; the constant t·o is
 *   absorbed by the frame);
 * - `coupling`: axis += g(other), g any function with bounds on g, g', g''
 *   (knot sweep, see `buildCoupling`);
 * - `scale2`: coordinates times powers of two (no words: a frame change);
 * - `scale`: one coordinate times λ > 0 (sx/sy words: e^a·2^b ≈ λ);
 * - `translate`: a dyadic-quantized translation (no words until the end);
 * - `stretch`: axis ↦ axis + d(axis), an increasing map of one coordinate
 *   (a staircase of sx/sy kinks, see `stretch.ts`).
 */
import * as D from './dyadic.js';
import { type Dyadic } from './dyadic.js';
import { type Axis, FrameBuilder } from './frames.js';
import { type Function1 } from './function1.js';
import { buildStretch } from './stretch.js';

export type { Function1 } from './function1.js';

/** A closed box [x0, x1] × [y0, y1]. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** An elementary map of the plane. */
export type Step =
  | { readonly kind: 'shear'; readonly axis: Axis; readonly t: number }
  | { readonly kind: 'coupling'; readonly axis: Axis; readonly g: Function1 }
  | { readonly kind: 'scale2'; readonly kx: number; readonly ky: number }
  | { readonly kind: 'scale'; readonly axis: Axis; readonly lambda: number }
  | { readonly kind: 'translate'; readonly dx: number; readonly dy: number }
  | { readonly kind: 'stretch'; readonly axis: Axis; readonly d: Function1 };

const other = (a: Axis): Axis => (a === 'x' ? 'y' : 'x');

/** The step's exact map at (x, y), in doubles. */
export function applyStep(step: Step, x: number, y: number): [number, number] {
  switch (step.kind) {
    case 'shear':
      return step.axis === 'y' ? [x, y + step.t * x] : [x + step.t * y, y];
    case 'coupling':
      return step.axis === 'y' ? [x, y + step.g.at(x)] : [x + step.g.at(y), y];
    case 'scale2':
      return [x * 2 ** step.kx, y * 2 ** step.ky];
    case 'scale':
      return step.axis === 'x' ? [x * step.lambda, y] : [x, y * step.lambda];
    case 'translate':
      return [x + step.dx, y + step.dy];
    case 'stretch':
      return step.axis === 'x' ? [x + step.d.at(x), y] : [x, y + step.d.at(y)];
  }
}

function lo(box: Box, a: Axis): number {
  return a === 'x' ? box.x0 : box.y0;
}
function hi(box: Box, a: Axis): number {
  return a === 'x' ? box.x1 : box.y1;
}
function withAxis(box: Box, a: Axis, l: number, h: number): Box {
  return a === 'x' ? { ...box, x0: l, x1: h } : { ...box, y0: l, y1: h };
}

/** A box enclosing the step's image of `box`. */
export function imageBox(step: Step, box: Box): Box {
  switch (step.kind) {
    case 'shear': {
      const u = other(step.axis);
      const a = step.t * lo(box, u);
      const b = step.t * hi(box, u);
      return withAxis(box, step.axis, lo(box, step.axis) + Math.min(a, b), hi(box, step.axis) + Math.max(a, b));
    }
    case 'coupling': {
      const u = other(step.axis);
      const [gl, gh] = step.g.range(lo(box, u), hi(box, u));
      return withAxis(box, step.axis, lo(box, step.axis) + gl, hi(box, step.axis) + gh);
    }
    case 'scale2':
      return {
        x0: box.x0 * 2 ** step.kx,
        x1: box.x1 * 2 ** step.kx,
        y0: box.y0 * 2 ** step.ky,
        y1: box.y1 * 2 ** step.ky,
      };
    case 'scale':
      return withAxis(box, step.axis, lo(box, step.axis) * step.lambda, hi(box, step.axis) * step.lambda);
    case 'translate':
      return { x0: box.x0 + step.dx, x1: box.x1 + step.dx, y0: box.y0 + step.dy, y1: box.y1 + step.dy };
    case 'stretch': {
      // φ = id + d is increasing: the image of [l, h] is [φ(l), φ(h)].
      const l = lo(box, step.axis);
      const h = hi(box, step.axis);
      return withAxis(box, step.axis, l + step.d.range(l, l)[0], h + step.d.range(h, h)[1]);
    }
  }
}

/** ‖[[1, 0], [t, 1]]‖₂. */
function shearNorm(t: number): number {
  const a = Math.abs(t);
  return (a + Math.sqrt(a * a + 4)) / 2;
}

/** A Lipschitz constant (Euclidean) of the step on the convex box. */
export function lipschitz(step: Step, box: Box): number {
  switch (step.kind) {
    case 'shear':
      return shearNorm(step.t);
    case 'coupling': {
      const u = other(step.axis);
      return shearNorm(step.g.slope(lo(box, u), hi(box, u)));
    }
    case 'scale2':
      return Math.max(2 ** step.kx, 2 ** step.ky);
    case 'scale':
      return Math.max(1, step.lambda);
    case 'translate':
      return 1;
    case 'stretch':
      return Math.max(1, 1 + step.d.slope(lo(box, step.axis), hi(box, step.axis)));
  }
}

/** The linear part [[a, b], [c, d]] of an affine step (null for couplings). */
export function linearPart(step: Step): readonly [number, number, number, number] | null {
  switch (step.kind) {
    case 'shear':
      return step.axis === 'y' ? [1, 0, step.t, 1] : [1, step.t, 0, 1];
    case 'coupling':
      return null;
    case 'scale2':
      return [2 ** step.kx, 0, 0, 2 ** step.ky];
    case 'scale':
      return step.axis === 'x' ? [step.lambda, 0, 0, 1] : [1, 0, 0, step.lambda];
    case 'translate':
      return [1, 0, 0, 1];
    case 'stretch':
      return null;
  }
}

/** The spectral norm of [[a, b], [c, d]] (rounded up slightly). */
export function norm2([a, b, c, d]: readonly [number, number, number, number]): number {
  const s = a * a + b * b + c * c + d * d;
  const det = a * d - b * c;
  const root = Math.sqrt(Math.max(0, s * s - 4 * det * det));
  return Math.sqrt((s + root) / 2) * (1 + 1e-12);
}

/** Whether a step's construction has an error to budget (scale2 is exact). */
export function hasError(step: Step): boolean {
  return step.kind !== 'scale2';
}

/** What one step cost and how close it is. */
export interface StepReport {
  readonly step: Step;
  /** Words the step emitted (frame changes it needed included). */
  readonly words: number;
  /** A proved bound on the distance between the words' map and the step's map on the (inflated) box. */
  readonly error: number;
  /** Where the words go, e.g. `{ knots: 512, slopes: 830, digits: 31 }`. */
  readonly detail: Readonly<Record<string, number>>;
}

/** A construction would need more words than allowed; `what` says which, `limit` the allowance. */
export class SentenceTooLong extends Error {
  constructor(
    readonly what: string,
    readonly limit: number,
  ) {
    super(`${what} needs more than ${limit} words`);
  }
}

/** Relative slack for rounding in the doubles a bound is computed with. */
const ROUNDING = 8 * Number.EPSILON;

/** Bits so that a quantization step 2^-k times `scale` stays ≤ budget. */
function bitsFor(scale: number, budget: number): number {
  if (scale === 0) return 0;
  return Math.max(0, Math.ceil(Math.log2(scale / budget)));
}

/** How far below the box an origin may sit: a few box widths (floorTo(v, −2) is always within 4). */
function originReach(box: Box, a: Axis): number {
  return 4 * Math.max(hi(box, a) - lo(box, a), Math.abs(lo(box, a)), 1);
}

/**
 * A dyadic origin ≤ v with few bits, cheapest to move the frame to (the current origin if it already is ≤ v), at
 * most `reach` below v. The bound keeps the stored value 2^f·(logical − o) small: an origin left far below (an
 * integer shear adds t·o_u to the sheared axis's origin, and frame changes compound that) costs the sentence its
 * precision in doubles — a Van der Pol build whose origins had drifted to 2^41 lost every bit below 2^-11.
 */
function originBelow(b: FrameBuilder, axis: Axis, v: number, reach: number): Dyadic {
  const current = b.frame(axis);
  const below = (o: Dyadic): boolean => {
    const n = D.toNumber(o);
    return n <= v - Math.abs(v) * ROUNDING && n >= v - reach;
  };
  if (below(current.o)) return current.o;
  let best: Dyadic | undefined;
  let bestCost = Infinity;
  // Candidates: short dyadics below v, and the current origin moved down by a few units of a power of two (which
  // keeps its long tail of bits for the one translation at the end).
  const need = D.toNumber(current.o) - v + Math.abs(v) * ROUNDING + 2 ** -60;
  const candidates: Dyadic[] = [];
  for (let k = -2; k <= 8; k++) candidates.push(D.floorTo(v - Math.abs(v) * ROUNDING - 2 ** -60, k));
  if (need > 0)
    for (let k = Math.floor(Math.log2(need)) - 2; k <= Math.ceil(Math.log2(need)) + 1; k++) {
      const units = Math.ceil(need / 2 ** k);
      if (units <= 8) candidates.push(D.sub(current.o, D.dyadic(BigInt(units), k)));
    }
  for (const o of candidates) {
    if (!below(o)) continue;
    const cost = Math.min(b.frameCost(axis, current.f, o), b.frameCost(axis, 0, o) + Math.abs(current.f));
    if (cost < bestCost) {
      best = o;
      bestCost = cost;
    }
  }
  return best!;
}

/** The dyadic with fewest bits within `tolerance` of o (o itself when it has few bits already). */
function roundOffset(o: Dyadic, tolerance: number): Dyadic {
  const k = Math.max(0, Math.ceil(-Math.log2(tolerance)));
  if (o.e >= -k) return o;
  return D.dyadic(
    o.m >> BigInt(-o.e - k - 1) === 0n ? 0n : (o.m + (1n << BigInt(-o.e - k - 1))) >> BigInt(-o.e - k),
    -k,
  );
}

/** axis += t·other on the box, within `budget`. */
function buildShear(b: FrameBuilder, axis: Axis, t: number, box: Box, budget: number): StepReport {
  const u = other(axis);
  const start = b.length;
  const reach = Math.max(Math.abs(lo(box, u)), Math.abs(hi(box, u)));
  // Half the budget for the slope's digits, half for rounding the constant t·o that the frame absorbs.
  const k = bitsFor(reach, budget / 2) - 1;
  let tq = D.quantize(t, Math.max(k, 0));
  // Keep t exact when it has few bits anyway.
  const exact = D.fromNumber(t);
  if (exact.e >= -Math.max(k, 0) - 8) tq = exact;
  const origin = originBelow(b, u, lo(box, u), originReach(box, u));
  b.moveOrigin(u, origin);
  const before = b.length;
  const oa = b.frame(axis).o;
  b.addLinear(axis, tq);
  const shifted = D.add(oa, D.mul(tq, origin));
  const rounded = roundOffset(shifted, budget / 2);
  b.declare(axis, { f: b.frame(axis).f, o: rounded });
  const error =
    Math.abs(t - D.toNumber(tq)) * reach * (1 + ROUNDING) +
    Math.abs(t) * reach * ROUNDING +
    Math.abs(D.toNumber(D.sub(rounded, shifted)));
  return {
    step: { kind: 'shear', axis, t },
    words: b.length - start,
    error,
    detail: { frame: before - start, digits: b.length - before },
  };
}

/** The integer slope counts of a coupling sweep (error diffusion with a lazy slope). */
interface Sweep {
  readonly J: number;
  readonly s: number;
  readonly xi0: Dyadic;
  readonly pieces: number;
  /** P_0: the value at the first knot in units of 2^-s. */
  readonly p0: number;
  /** S_j, the slope of piece j in units of 2^-s per knot step. */
  readonly slopes: Float64Array;
  readonly error: number;
  readonly estimate: number;
}

function planSweep(
  g: { at(v: number): number; curvature(a: number, b: number): number },
  u0: number,
  u1: number,
  J: number,
  budget: number,
  scale: number,
): Sweep | undefined {
  const h = 2 ** -J;
  const m2 = g.curvature(u0, u1);
  const interp = (m2 * h * h) / 8;
  const slack = scale * ROUNDING * 4 + 2 ** -60;
  const tau = budget - interp - slack;
  if (!(tau > 0)) return undefined;
  const s = Math.max(-60, Math.ceil(-Math.log2(2 * tau)));
  const xi0 = D.floorTo(u0, J);
  const start = D.toNumber(xi0);
  const pieces = Math.max(1, Math.ceil((u1 - start) / h));
  if (pieces > 1 << 22) return undefined;
  const unit = 2 ** s;
  const values = new Float64Array(pieces + 1);
  for (let j = 0; j <= pieces; j++) values[j] = g.at(start + j * h);
  const p0 = Math.round(values[0]! * unit);
  if (!Number.isSafeInteger(p0) || Math.abs(p0) > 2 ** 50) return undefined;
  const slopes = new Float64Array(pieces);
  let p = p0;
  let prev = NaN;
  let changes = 0;
  let worstKnot = Math.abs(p0 / unit - values[0]!);
  for (let j = 0; j < pieces; j++) {
    const target = values[j + 1]!;
    const loS = Math.ceil((target - tau) * unit - p);
    const hiS = Math.floor((target + tau) * unit - p);
    const want = Number.isNaN(prev) ? Math.round(target * unit - p) : prev;
    let sj = Math.min(Math.max(want, loS), hiS);
    if (loS > hiS) sj = Math.round(target * unit - p);
    slopes[j] = sj;
    if (!Number.isNaN(prev)) changes += Math.abs(sj - prev);
    prev = sj;
    p += sj;
    worstKnot = Math.max(worstKnot, Math.abs(p / unit - target));
  }
  // Per piece: the larger knot error plus the interpolation error of g there.
  let error = 0;
  let knotErr = Math.abs(p0 / unit - values[0]!);
  p = p0;
  for (let j = 0; j < pieces; j++) {
    p += slopes[j]!;
    const nextErr = Math.abs(p / unit - values[j + 1]!);
    const a = start + j * h;
    const piece = (g.curvature(a, a + h) * h * h) / 8;
    error = Math.max(error, Math.max(knotErr, nextErr) + piece);
    knotErr = nextErr;
  }
  error += slack;
  if (!(error <= budget) || !Number.isFinite(worstKnot)) return undefined;
  const first = Math.abs(slopes[0]!);
  const estimate = pieces + changes + 2 * Math.log2(first + 1) + Math.abs(J) + Math.abs(s);
  return { J, s, xi0, pieces, p0, slopes, error, estimate };
}

/**
 * axis += g(other) on the box, within `budget`, by the knot sweep: the swept
 * coordinate u lives in the frame 2^J·(u − ξ_j), so the knots ξ_j = ξ_0 + j·2^-J
 * are one translation word apart; the other in the frame 2^s, so each relu
 * word adds slope 2^{J−s}. The slopes are integers chosen by error diffusion
 * on the values at the knots, keeping a slope while the knot stays within τ
 * of g (fewer words) — the knot error is ≤ τ, and between knots the error is
 * at most the larger knot error plus ‖g''‖h²/8 on that piece.
 */
function buildCoupling(b: FrameBuilder, axis: Axis, g: Function1, box: Box, budget: number): StepReport {
  const u = other(axis);
  const u0 = lo(box, u);
  const u1 = hi(box, u);
  const [gl, gh] = g.range(u0, u1);
  const scale = Math.max(Math.abs(gl), Math.abs(gh), Math.abs(lo(box, axis)), Math.abs(hi(box, axis)), 1);
  let best: Sweep | undefined;
  for (let J = -4; J <= 24; J++) {
    // A sweep spends at least one word per knot: finer knots cannot beat the best found.
    if (best !== undefined && (u1 - u0) * 2 ** J > best.estimate) break;
    const plan = planSweep(g, u0, u1, J, budget, scale);
    if (plan !== undefined && (best === undefined || plan.estimate < best.estimate)) best = plan;
    if (best !== undefined && plan === undefined && J > best.J + 3) break;
  }
  if (best === undefined)
    throw new RangeError(`no knot sweep meets the budget ${budget} (the function may be unbounded)`);
  const { J, s, xi0, pieces, p0, slopes } = best;
  const start = b.length;
  const oa = b.frame(axis).o;
  b.setFrame(u, J, xi0);
  const afterFrame = b.length;
  b.addLinear(axis, D.dyadic(BigInt(slopes[0]!), J - s));
  b.setFrame(axis, s, oa);
  const afterFirst = b.length;
  let slopeWords = 0;
  for (let j = 1; j < pieces; j++) {
    b.setFrame(u, J, D.add(xi0, D.dyadic(BigInt(j), -J)));
    const m = slopes[j]! - slopes[j - 1]!;
    b.relu(axis, m);
    slopeWords += Math.abs(m);
  }
  b.declare(axis, { f: s, o: D.add(oa, D.dyadic(BigInt(p0), -s)) });
  return {
    step: { kind: 'coupling', axis, g },
    words: b.length - start,
    error: best.error,
    detail: {
      knots: pieces - 1,
      slopes: slopeWords,
      frame: afterFirst - start - 0,
      firstSlope: afterFirst - afterFrame,
      knotSpacingLog2: -J,
    },
  };
}

/** The cheapest e^a·2^b within `relTol` of λ: |a| as small as it can be. */
export function expPow2(
  lambda: number,
  tolerance: (mu: number) => boolean,
  maxA = 4_000_000,
): { a: number; b: number; mu: number } | undefined {
  const l = Math.log(lambda);
  for (let n = 0; n <= maxA; n++) {
    for (const a of n === 0 ? [0] : [n, -n]) {
      const b = Math.round((l - a) / Math.LN2);
      // e^a·2^b as one exponential: each factor alone overflows past |a| ≈ 709.
      const mu = Math.exp(a + b * Math.LN2);
      if (tolerance(mu)) return { a, b, mu };
    }
  }
  return undefined;
}

/** axis ↦ λ·axis on the box, within `budget`: e^a·2^b ≈ λ, with the stored value kept ≥ 0 while sx/sy act. */
function buildScale(
  b: FrameBuilder,
  axis: Axis,
  lambda: number,
  box: Box,
  budget: number,
  maxWords: number,
): StepReport {
  const l0 = lo(box, axis);
  const l1 = hi(box, axis);
  const mid = (l0 + l1) / 2;
  const half = (l1 - l0) / 2;
  const start = b.length;
  const origin = originBelow(b, axis, l0, originReach(box, axis));
  const o = D.toNumber(origin);
  const reach = Math.max(Math.abs(l0), Math.abs(l1), Math.abs(o)) * lambda * 2 + 1;
  const found = expPow2(lambda, (mu) => Math.abs(lambda - mu) * half + reach * ROUNDING * 4 < budget * 0.75, maxWords);
  if (found === undefined)
    throw new SentenceTooLong(`scaling by ${lambda} within ${budget.toExponential(2)}`, maxWords);
  const { a, b: p, mu } = found;
  const k = bitsFor(1, budget * 0.25 - reach * ROUNDING) + 1;
  const target = mu * o + (lambda - mu) * mid;
  const o2 = D.quantize(target, k);
  b.moveOrigin(axis, origin);
  // Interleave the powers of two with the sx/sy words so the stored value stays near its size (e^a alone overflows
  // past a ≈ 709); the powers of two are needed anyway, since e^a·2^p ≈ λ.
  const f0 = b.frame(axis).f;
  let applied = 0;
  for (let done = 0; done < Math.abs(a);) {
    const c = Math.min(20, Math.abs(a) - done);
    b.exp(axis, Math.sign(a) * c);
    done += c;
    const k = -Math.round(Math.sign(a) * c * Math.LOG2E);
    b.scaleWords(axis, k);
    applied += k;
  }
  b.declare(axis, { f: f0 + applied - p, o: o2 });
  // Rounding: one per sx/sy run of ≤ 20 words and per halving run, in the doubles that evaluate the sentence.
  const error =
    Math.abs(lambda - mu) * half + Math.abs(D.toNumber(o2) - target) + reach * ROUNDING * (4 + Math.abs(a) / 10);
  return {
    step: { kind: 'scale', axis, lambda },
    words: b.length - start,
    error,
    detail: { exp: Math.abs(a), pow2: p },
  };
}

/** Translation by (dx, dy), quantized; no words until a frame change needs them. */
function buildTranslate(b: FrameBuilder, dx: number, dy: number, budget: number): StepReport {
  const k = bitsFor(1, budget / 2) + 1;
  const qx = D.fromNumber(dx).e >= -k - 8 ? D.fromNumber(dx) : D.quantize(dx, k);
  const qy = D.fromNumber(dy).e >= -k - 8 ? D.fromNumber(dy) : D.quantize(dy, k);
  b.relabel('x', 0, qx);
  b.relabel('y', 0, qy);
  const error = Math.hypot(dx - D.toNumber(qx), dy - D.toNumber(qy)) * (1 + ROUNDING);
  return { step: { kind: 'translate', dx, dy }, words: 0, error, detail: {} };
}

/** Writes words for one step on the box within the budget. */
export function buildStep(b: FrameBuilder, step: Step, box: Box, budget: number, maxWords = Infinity): StepReport {
  switch (step.kind) {
    case 'shear':
      return buildShear(b, step.axis, step.t, box, budget);
    case 'coupling':
      return buildCoupling(b, step.axis, step.g, box, budget);
    case 'scale2':
      b.relabel('x', step.kx, D.ZERO);
      b.relabel('y', step.ky, D.ZERO);
      return { step, words: 0, error: 0, detail: {} };
    case 'scale':
      return buildScale(b, step.axis, step.lambda, box, budget, maxWords);
    case 'translate':
      return buildTranslate(b, step.dx, step.dy, budget);
    case 'stretch': {
      const r = buildStretch(b, step.axis, step.d, lo(box, step.axis), hi(box, step.axis), budget);
      return { step, ...r };
    }
  }
}

/** The box grown by r on every side. */
export function inflate(box: Box, r: number): Box {
  return { x0: box.x0 - r, x1: box.x1 + r, y0: box.y0 - r, y1: box.y1 + r };
}
