/**
 * Targets beyond affine maps, couplings and separable fields:
 *
 * - linear fields z' = A·z + b: the time-T map is the affine map exp(T·A)
 *   (plus the integrated offset), sent to the affine construction;
 * - any other field: sampled on the region its trajectories from the domain
 *   visit (found with the reference integrator) and ridge-fitted;
 * - diffeomorphisms f outside affine maps and couplings: the straight-line
 *   isotopy f_t = (1 − t)·id + t·f, checked by interval arithmetic (the
 *   symmetric part of Jf positive definite on the domain ⇒ every f_t is an
 *   orientation-preserving injective map of the convex domain), whose
 *   velocity field at time t, v_t(f_t(p)) = f(p) − p, is fitted from samples
 *   at the points f_t(p) — no inverse needed.
 */
import { WordflowError } from '../errors.js';
import { integrate } from '../flows/integrate.js';
import {
  boundOnBox,
  compileExpr,
  dependsOn,
  derivative,
  evaluate,
  type Interval,
  type MapExpr,
} from '../mapexpr/index.js';
import { type MapTarget } from './approximate.js';
import { type TimeBudget } from './budget.js';
import { type FieldSamples, fitRidgeField, type RidgeField } from './ridge.js';
import { type Box } from './steps.js';
import { type ExprPair } from './witness.js';

function constant(e: MapExpr): boolean {
  return !dependsOn(e, 'x') && !dependsOn(e, 'y');
}

function isAffine(e: MapExpr): boolean {
  return constant(derivative(e, 'x')) && constant(derivative(e, 'y'));
}

type M3 = number[];

function mul3(a: M3, b: M3): M3 {
  const out = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) out[3 * i + j]! += a[3 * i + k]! * b[3 * k + j]!;
  return out;
}

/** exp(M) of a 3×3 matrix: scaling and squaring with a Taylor series (30 terms after scaling to norm ≤ 1/2). */
function expm3(m: M3): M3 {
  const norm = Math.max(...m.map(Math.abs)) * 3;
  const s = Math.max(0, Math.ceil(Math.log2(norm)) + 1);
  const a = m.map((v) => v / 2 ** s);
  let term: M3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  let sum = term.slice();
  for (let k = 1; k <= 30; k++) {
    term = mul3(term, a).map((v) => v / k);
    sum = sum.map((v, i) => v + term[i]!);
  }
  for (let k = 0; k < s; k++) sum = mul3(sum, sum);
  return sum;
}

/**
 * The time-T map of an affine field (VX, VY) as an affine target, or
 * undefined when the field is not affine: exp of the augmented matrix
 * [[A, b], [0, 0]]·T gives exp(T·A) and ∫₀ᵀ exp(s·A)·b ds at once.
 */
export function linearFieldTarget(vx: MapExpr, vy: MapExpr, time: number): MapTarget | undefined {
  if (!isAffine(vx) || !isAffine(vy)) return undefined;
  const at = (e: MapExpr): number => evaluate(e, 0, 0);
  const [a, b, c, d] = [derivative(vx, 'x'), derivative(vx, 'y'), derivative(vy, 'x'), derivative(vy, 'y')].map(at);
  const e = expm3([a!, b!, at(vx), c!, d!, at(vy), 0, 0, 0].map((v) => v * time));
  return { kind: 'affine', matrix: { a: e[0]!, b: e[1]!, c: e[3]!, d: e[4]! }, offset: [e[2]!, e[5]!] };
}

/** An n×n grid of the box, interleaved (x, y). */
function grid(box: Box, n: number): Float64Array {
  const out = new Float64Array(2 * n * n);
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      out[k++] = box.x0 + ((box.x1 - box.x0) * i) / (n - 1);
      out[k++] = box.y0 + ((box.y1 - box.y0) * j) / (n - 1);
    }
  return out;
}

function hullOf(points: Float64Array, grow: number): Box {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let k = 0; k < points.length; k += 2) {
    x0 = Math.min(x0, points[k]!);
    x1 = Math.max(x1, points[k]!);
    y0 = Math.min(y0, points[k + 1]!);
    y1 = Math.max(y1, points[k + 1]!);
  }
  const g = grow * Math.max(x1 - x0, y1 - y0);
  return { x0: x0 - g, x1: x1 + g, y0: y0 - g, y1: y1 + g };
}

/** Grid sizes of the fit and of the (different) check grid. */
const FIT_GRID = 33;
const CHECK_GRID = 46;

/**
 * The time-T map of a field (VX, VY) as a fitted-field target: the field is
 * sampled on the region its trajectories from the domain visit within |T|
 * (the reference integrator on a 17² grid at 8 times, the hull grown by
 * 5 %) and fitted, when the construction asks, to within its tolerance
 * where the degrees allow.
 */
export function fieldTarget(vx: MapExpr, vy: MapExpr, time: number, domain: Box): MapTarget {
  const fx = compileExpr(vx);
  const fy = compileExpr(vy);
  const div = compileExpr({
    kind: 'binary',
    op: '+',
    left: derivative(vx, 'x'),
    right: derivative(vy, 'y'),
    span: vx.span,
  });
  const field = (x: number, y: number): readonly [number, number] => [fx(x, y), fy(x, y)];
  const starts = grid(domain, 17);
  const visited: number[] = Array.from(starts);
  for (let k = 0; k < starts.length; k += 2) {
    for (let s = 1; s <= 8; s++) {
      const z = integrate(field, [starts[k]!, starts[k + 1]!], (time * s) / 8, { tol: 1e-9 }).z;
      visited.push(z[0], z[1]);
    }
  }
  const box = hullOf(Float64Array.from(visited), 0.05);
  const samples = (n: number): FieldSamples => {
    const points = grid(box, n);
    const values = new Float64Array(points.length);
    const divergence = new Float64Array(points.length / 2);
    for (let k = 0; k < points.length; k += 2) {
      const [x, y] = [points[k]!, points[k + 1]!];
      values[k] = fx(x, y);
      values[k + 1] = fy(x, y);
      divergence[k / 2] = div(x, y);
    }
    return { points, values, divergence };
  };
  const fit = samples(FIT_GRID);
  const check = samples(CHECK_GRID);
  for (const v of [...fit.values, ...check.values]) {
    if (!Number.isFinite(v))
      throw new WordflowError(
        'usage',
        'the field is not a finite number everywhere its trajectories from the domain go',
      );
  }
  return {
    kind: 'ridgeFlow',
    time,
    fit: (tolerance, budget?: TimeBudget) => fitRidgeField(fit, check, box, tolerance, undefined, budget),
  };
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

/** Where a proof of the isotopy's condition failed: the box and what was found there. */
interface Failure {
  readonly x: number;
  readonly y: number;
  readonly what: string;
}

/**
 * Proves by interval arithmetic that the symmetric part of Jf is positive
 * definite on the box: J11 > 0 and J11·J22 − ((J12 + J21)/2)² > 0 on every
 * piece of an adaptive subdivision (down to 2^-depth of the box's sides).
 * Then for t ∈ [0, 1] the symmetric part of (1 − t)·I + t·Jf is positive
 * definite too, so (f_t(a) − f_t(b))·(a − b) > 0 for a ≠ b on the convex box:
 * f_t is injective, and its Jacobian determinant ≥ det of the symmetric part
 * > 0. Returns the failing point, or null when proved.
 */
export function proveIsotopy(p: ExprPair, box: Box, depth = 9): Failure | null {
  const [j11, j12, j21, j22] = [
    derivative(p.fx, 'x'),
    derivative(p.fx, 'y'),
    derivative(p.fy, 'x'),
    derivative(p.fy, 'y'),
  ];
  const sum: MapExpr = { kind: 'binary', op: '+', left: j12, right: j21, span: p.fx.span };
  const check = (x: Interval, y: Interval): 'yes' | 'no' | 'unknown' => {
    const a = boundOnBox(j11, x, y, 2);
    const d = boundOnBox(j22, x, y, 2);
    const s = boundOnBox(sum, x, y, 2);
    if ([a, d, s].some((i) => Number.isNaN(i.lo) || Number.isNaN(i.hi))) return 'unknown';
    const off = Math.max(Math.abs(s.lo), Math.abs(s.hi)) / 2;
    // a·d − off² > 0 with a, d > 0: a.lo·d.lo > off² (rounded: the margin below covers it).
    if (a.lo > 0 && d.lo > 0 && a.lo * d.lo * (1 - 1e-12) > off * off * (1 + 1e-12)) return 'yes';
    return 'unknown';
  };
  const stack: [Interval, Interval, number][] = [[{ lo: box.x0, hi: box.x1 }, { lo: box.y0, hi: box.y1 }, 0]];
  while (stack.length > 0) {
    const [x, y, k] = stack.pop()!;
    if (check(x, y) === 'yes') continue;
    if (k >= depth) {
      const cx = (x.lo + x.hi) / 2;
      const cy = (y.lo + y.hi) / 2;
      const a = evaluate(j11, cx, cy);
      const d = evaluate(j22, cx, cy);
      const off = (evaluate(j12, cx, cy) + evaluate(j21, cx, cy)) / 2;
      return {
        x: cx,
        y: cy,
        what:
          `the symmetric part of the Jacobian [[${fmt(a)}, ${fmt(off)}], [${fmt(off)}, ${fmt(d)}]] is ` +
          (a > 0 && a * d - off * off > 0
            ? 'not provably positive definite on a small box there'
            : 'not positive definite'),
      };
    }
    const mx = (x.lo + x.hi) / 2;
    const my = (y.lo + y.hi) / 2;
    stack.push(
      [{ lo: x.lo, hi: mx }, { lo: y.lo, hi: my }, k + 1],
      [{ lo: mx, hi: x.hi }, { lo: y.lo, hi: my }, k + 1],
      [{ lo: x.lo, hi: mx }, { lo: my, hi: y.hi }, k + 1],
      [{ lo: mx, hi: x.hi }, { lo: my, hi: y.hi }, k + 1],
    );
  }
  return null;
}

/**
 * A diffeomorphism as an isotopy target, after `proveIsotopy`; a `usage`
 * error naming the point where the proof failed otherwise. The frozen field
 * at time t is fitted from the samples (f_t(p), f(p) − p) over a 33² grid of
 * the domain, checked on a 46² grid, to within `tolerance` where the
 * degrees allow.
 */
export function isotopyTarget(p: ExprPair, domain: Box, describe: string): MapTarget {
  const failure = proveIsotopy(p, domain);
  if (failure !== null) {
    throw new WordflowError(
      'usage',
      `${describe} is outside what approx builds: it builds a general diffeomorphism through its straight-line ` +
        `isotopy (1-t)·id + t·f when the symmetric part of its Jacobian is positive definite on the domain ` +
        `(then every intermediate map is injective), and at (${fmt(failure.x)}, ${fmt(failure.y)}) ${failure.what}. ` +
        `Write the map as a composition of pairs that each pass (e.g. a rotation first, as an affine pair, then a ` +
        `map close to the identity), or shrink --domain`,
    );
  }
  const fx = compileExpr(p.fx);
  const fy = compileExpr(p.fy);
  const jac = [derivative(p.fx, 'x'), derivative(p.fx, 'y'), derivative(p.fy, 'x'), derivative(p.fy, 'y')].map(
    compileExpr,
  );
  const samples = (t: number, n: number): FieldSamples => {
    const base = grid(domain, n);
    const points = new Float64Array(base.length);
    const values = new Float64Array(base.length);
    const divergence = new Float64Array(base.length / 2);
    for (let k = 0; k < base.length; k += 2) {
      const [x, y] = [base[k]!, base[k + 1]!];
      const gx = fx(x, y) - x;
      const gy = fy(x, y) - y;
      points[k] = x + t * gx;
      points[k + 1] = y + t * gy;
      values[k] = gx;
      values[k + 1] = gy;
      // div v_t at f_t(p) = trace(Jg·(Jf_t)⁻¹), Jg = Jf − I, Jf_t = I + t·Jg.
      const [a, b, c, d] = jac.map((j) => j(x, y)) as [number, number, number, number];
      const [ga, gb, gc, gd] = [a - 1, b, c, d - 1];
      const [ta, tb, tc, td] = [1 + t * ga, t * gb, t * gc, 1 + t * gd];
      const det = ta * td - tb * tc;
      divergence[k / 2] = (ga * td - gb * tc - gc * tb + gd * ta) / det;
    }
    return { points, values, divergence };
  };
  const frozen = (t: number, tolerance: number, budget?: TimeBudget): RidgeField => {
    const fit = samples(t, FIT_GRID);
    const check = samples(t, CHECK_GRID);
    const box = hullOf(fit.points, 0.02);
    return fitRidgeField(fit, check, box, tolerance, undefined, budget);
  };
  return { kind: 'isotopy', frozen };
}
