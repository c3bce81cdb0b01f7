/**
 * From map expressions to approximation targets: a pair (FX, FY) is read as
 * an affine map, a coupling map (x + h(y), y) or (x, y + g(x)), or refused
 * with the reason; a field (VX, VY) must be separable. The functions of one
 * variable get their bounds from interval arithmetic on the symbolic
 * derivatives, so the bounds the constructions prove rest on enclosures.
 * Also here: the independent references the CLI measures against (the
 * expressions evaluated directly; the reference integrator for fields;
 * Newton's method for inverses).
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
  type MapVariable,
  printMapExpr,
} from '../mapexpr/index.js';
import { type GeneralMap, type MapTarget, type SeparableField } from './approximate.js';
import { isotopyTarget } from './general.js';
import { type Box, type Function1, norm2 } from './steps.js';
import { type ExprPair, findPairProblem, problemMessage } from './witness.js';

export type { ExprPair } from './witness.js';

const point = (v: number): Interval => ({ lo: v, hi: v });

function constant(e: MapExpr): boolean {
  return !dependsOn(e, 'x') && !dependsOn(e, 'y');
}

/** Whether e is affine in x and y (every first derivative constant). */
function isAffine(e: MapExpr): boolean {
  return constant(derivative(e, 'x')) && constant(derivative(e, 'y'));
}

function enclose(e: MapExpr, v: MapVariable, a: number, b: number): Interval {
  const i = { lo: Math.min(a, b), hi: Math.max(a, b) };
  return v === 'x' ? boundOnBox(e, i, point(0), 16) : boundOnBox(e, point(0), i, 16);
}

function absBound(i: Interval): number {
  const m = Math.max(Math.abs(i.lo), Math.abs(i.hi));
  return Number.isNaN(i.lo) || Number.isNaN(i.hi) ? Infinity : m;
}

/** The function v ↦ e(v) of the one variable e depends on (the other set to 0), with interval bounds. */
export function function1(e: MapExpr, v: MapVariable): Function1 {
  const f = compileExpr(e);
  const d1 = derivative(e, v);
  const d2 = derivative(d1, v);
  const at = v === 'x' ? (t: number) => f(t, 0) : (t: number) => f(0, t);
  const linear = constant(d1) ? { slope: evaluate(d1, 0, 0), offset: evaluate(e, 0, 0) } : undefined;
  return {
    at,
    range: (a, b) => {
      const i = enclose(e, v, a, b);
      return [i.lo, i.hi];
    },
    slope: (a, b) => absBound(enclose(d1, v, a, b)),
    curvature: (a, b) => absBound(enclose(d2, v, a, b)),
    ...(linear === undefined ? {} : { linear }),
  };
}

/** The 2×2 Jacobian of a pair at (x, y). */
export function jacobian(p: ExprPair): (x: number, y: number) => [number, number, number, number] {
  const [a, b, c, d] = [derivative(p.fx, 'x'), derivative(p.fx, 'y'), derivative(p.fy, 'x'), derivative(p.fy, 'y')].map(
    compileExpr,
  );
  return (x, y) => [a!(x, y), b!(x, y), c!(x, y), d!(x, y)];
}

/** The pair evaluated directly from the expressions: the independent reference for maps. */
export function pairMap(p: ExprPair): (x: number, y: number) => [number, number] {
  const fx = compileExpr(p.fx);
  const fy = compileExpr(p.fy);
  return (x, y) => [fx(x, y), fy(x, y)];
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

function describe(p: ExprPair): string {
  return `(x, y) ↦ (${p.textX}, ${p.textY})`;
}

/**
 * Refusals that hold for any pair, each a proof (`witness.ts`): a point
 * where the map is undefined, a box where it reverses orientation, two
 * points with one image or boxes of both orientations (not injective) — or,
 * when the grid's suspicion cannot be proved, a refusal that says so.
 */
function refuseBadPair(p: ExprPair, box: Box, which: string): void {
  const problem = findPairProblem(p, box);
  if (problem !== null) throw new WordflowError('usage', problemMessage(problem, p, box, which));
}

/** The image box of a pair on a box (interval enclosure, subdivided). */
export function pairImageBox(p: ExprPair, box: Box): Box {
  const x = { lo: box.x0, hi: box.x1 };
  const y = { lo: box.y0, hi: box.y1 };
  const u = boundOnBox(p.fx, x, y, 16);
  const v = boundOnBox(p.fy, x, y, 16);
  if (![u.lo, u.hi, v.lo, v.hi].every(Number.isFinite)) {
    throw new WordflowError(
      'usage',
      `cannot bound the image of ${describe(p)} on [${fmt(box.x0)}, ${fmt(box.x1)}]x[${fmt(box.y0)}, ` +
        `${fmt(box.y1)}]: interval arithmetic finds it may be undefined or unbounded there`,
    );
  }
  return { x0: u.lo, x1: u.hi, y0: v.lo, y1: v.hi };
}

/** One pair as a target, or a `usage` error that says why not and what is supported. */
export function pairTarget(p: ExprPair, box: Box, index = 0, count = 1): MapTarget {
  const which = count > 1 ? `map ${index + 1} of ${count}, ` : '';
  refuseBadPair(p, box, which);
  if (isAffine(p.fx) && isAffine(p.fy)) {
    const [a, b, c, d] = [
      derivative(p.fx, 'x'),
      derivative(p.fx, 'y'),
      derivative(p.fy, 'x'),
      derivative(p.fy, 'y'),
    ].map((e) => evaluate(e, 0, 0));
    const det = a! * d! - b! * c!;
    if (!(det > 0)) {
      throw new WordflowError(
        'usage',
        det === 0
          ? `${which}${describe(p)} is affine with determinant 0: it collapses the plane onto a line, so ` +
              `it is not injective and no sentence (a homeomorphism) comes uniformly close`
          : `${which}${describe(p)} is affine with determinant ${fmt(det)} < 0: it reverses orientation, ` +
              `every sentence preserves it, and by a degree argument no orientation-preserving map comes ` +
              `within σ_min·r of it (r = half the domain's shorter side; ε < 1 for (-x, y) on [-1,1]x[-1,1])`,
      );
    }
    return {
      kind: 'affine',
      matrix: { a: a!, b: b!, c: c!, d: d! },
      offset: [evaluate(p.fx, 0, 0), evaluate(p.fy, 0, 0)],
    };
  }
  const dxx = derivative(p.fx, 'x');
  const dyy = derivative(p.fy, 'y');
  const isOne = (e: MapExpr): boolean => constant(e) && evaluate(e, 0, 0) === 1;
  // (x + h(y), y): FY is y, FX − x depends on y only.
  if (
    isOne(dxx) &&
    !dependsOn(derivative(p.fx, 'y'), 'x') &&
    isAffine(p.fy) &&
    isOne(dyy) &&
    constant(derivative(p.fy, 'x')) &&
    evaluate(derivative(p.fy, 'x'), 0, 0) === 0 &&
    evaluate(p.fy, 0, 0) === 0
  ) {
    return { kind: 'coupling', axis: 'x', g: function1(minusVar(p.fx, 'x'), 'y') };
  }
  if (
    isOne(dyy) &&
    !dependsOn(derivative(p.fy, 'x'), 'y') &&
    isAffine(p.fx) &&
    isOne(dxx) &&
    constant(derivative(p.fx, 'y')) &&
    evaluate(derivative(p.fx, 'y'), 0, 0) === 0 &&
    evaluate(p.fx, 0, 0) === 0
  ) {
    return { kind: 'coupling', axis: 'y', g: function1(minusVar(p.fy, 'y'), 'x') };
  }
  if (count > 1) return generalTarget(p, box, which);
  return isotopyTarget(p, box, describe(p));
}

type M4 = readonly [number, number, number, number];
const m4 = (v: readonly number[]): M4 => [v[0]!, v[1]!, v[2]!, v[3]!];

const boxText = (b: Box): string => `[${fmt(b.x0)}, ${fmt(b.x1)}]x[${fmt(b.y0)}, ${fmt(b.y1)}]`;

/**
 * A general pair inside a composition: its isotopy target on `box` (proved
 * there) with the map itself, its image boxes and Lipschitz constants by
 * interval arithmetic, and the same target on the box the composition's
 * budget asks for (the image of the maps before it, grown by their error).
 */
function generalTarget(p: ExprPair, box: Box, which: string, grown = false): Extract<MapTarget, { kind: 'isotopy' }> {
  const where = grown
    ? ` on its input box ${boxText(box)} (the image of the maps before it, grown by their error)`
    : '';
  const target = isotopyTarget(p, box, `${which}${describe(p)}${where}`);
  if (target.kind !== 'isotopy') throw new RangeError('a general pair is built through its isotopy');
  const map: GeneralMap = {
    at: pairMap(p),
    imageBox: (b) => pairImageBox(p, b),
    lipschitz: (b) => pairLipschitz(p, b),
    on: (b) => generalTarget(p, b, which, true),
  };
  return { ...target, map };
}

/**
 * A Lipschitz constant (Euclidean) of the pair on the box, proved: on each
 * of pieces × pieces sub-boxes, interval bounds of the Jacobian's entries,
 * written as midpoint C plus a radius R ≥ 0, give ‖J‖₂ ≤ ‖C‖₂ + ‖R‖₂ (for
 * |E| ≤ R entrywise, ‖E‖₂ ≤ ‖|E|‖₂ ≤ ‖R‖₂); the largest over the pieces
 * holds on the convex box. Exact up to rounding for affine maps (R = 0);
 * Infinity where the Jacobian may be undefined.
 */
export function pairLipschitz(p: ExprPair, box: Box, pieces = 16): number {
  const jac = [derivative(p.fx, 'x'), derivative(p.fx, 'y'), derivative(p.fy, 'x'), derivative(p.fy, 'y')];
  // Cut k of n of [lo, hi]: neighbours share their rounded ends, and the outer ends are the box's own.
  const cut = (lo: number, hi: number, k: number): number => (k === pieces ? hi : lo + ((hi - lo) * k) / pieces);
  let worst = 0;
  for (let i = 0; i < pieces; i++) {
    const x = { lo: cut(box.x0, box.x1, i), hi: cut(box.x0, box.x1, i + 1) };
    for (let j = 0; j < pieces; j++) {
      const y = { lo: cut(box.y0, box.y1, j), hi: cut(box.y0, box.y1, j + 1) };
      const entries = jac.map((e) => boundOnBox(e, x, y, 1));
      if (entries.some((i) => !Number.isFinite(i.lo) || !Number.isFinite(i.hi))) return Infinity;
      const mid = entries.map((i) => (i.lo + i.hi) / 2);
      // The radius covers both ends, with an ulp of slack for the rounding of the midpoint.
      const rad = entries.map(
        (i, k) => Math.max(i.hi - mid[k]!, mid[k]! - i.lo) + Number.EPSILON * Math.max(Math.abs(i.lo), Math.abs(i.hi)),
      );
      worst = Math.max(worst, norm2(m4(mid)) + norm2(m4(rad)));
    }
  }
  return worst;
}

/** e − v as an expression (e.g. FX − x, the h of a coupling (x + h(y), y)). */
function minusVar(e: MapExpr, v: MapVariable): MapExpr {
  return { kind: 'binary', op: '-', left: e, right: { kind: 'var', name: v, span: e.span }, span: e.span };
}

/** Whether a field (VX, VY) is separable: x' = a(y), y' = b(x). */
export function isSeparable(vx: MapExpr, vy: MapExpr): boolean {
  return !dependsOn(vx, 'x') && !dependsOn(vy, 'y');
}

/** A field (VX, VY) as a separable field x' = a(y), y' = b(x), or a `usage` error. */
export function separableField(vx: MapExpr, vy: MapExpr, textX: string, textY: string): SeparableField {
  if (!isSeparable(vx, vy)) {
    throw new WordflowError(
      'usage',
      `the field (${textX}, ${textY}) is not separable (x' = a(y), y' = b(x)); approx builds other fields ` +
        `as linear fields (an affine map) or by a ridge fit (fieldTarget)`,
    );
  }
  return { a: function1(vx, 'y'), b: function1(vy, 'x') };
}

/** The time-T map of a field by the reference integrator (DOP853 at tolerance 1e-13). */
export function flowReference(vx: MapExpr, vy: MapExpr, time: number): (x: number, y: number) => [number, number] {
  const fx = compileExpr(vx);
  const fy = compileExpr(vy);
  const field = (x: number, y: number): readonly [number, number] => [fx(x, y), fy(x, y)];
  return (x, y) => integrate(field, [x, y], time, { tol: 1e-13 }).z;
}

/**
 * The inverse of a pair at w by Newton's method on the expressions and their
 * Jacobian, started from `guess`: independent of any sentence once it has
 * converged (the map is injective, so the preimage is unique).
 */
export function newtonInverse(
  p: ExprPair,
): (w: readonly [number, number], guess: readonly [number, number]) => [number, number] {
  const map = pairMap(p);
  const jac = jacobian(p);
  return (w, guess) => {
    let [x, y] = guess;
    for (let k = 0; k < 60; k++) {
      const [u, v] = map(x, y);
      const [a, b, c, d] = jac(x, y);
      const det = a * d - b * c;
      const ru = u - w[0];
      const rv = v - w[1];
      const dx = (d * ru - b * rv) / det;
      const dy = (-c * ru + a * rv) / det;
      x -= dx;
      y -= dy;
      if (Math.hypot(dx, dy) <= 1e-15 * Math.max(1, Math.hypot(x, y))) break;
    }
    return [x, y];
  };
}

/** The printed form of an expression (for JSON and messages). */
export function exprText(e: MapExpr): string {
  return printMapExpr(e);
}
