/**
 * Ridge fits of planar vector fields from samples: F(z) ≈ Σ A_i(w_i·z)·e_i +
 * Σ B_j(w_j·z)·w_j⊥ with polynomial profiles A_i, B_j and integer directions
 * w. Each direction has a unimodular integer frame M = [[w1, w2], [m1, m2]]
 * (det 1): in coordinates (u, s) = M·z a term B(w·z)·w⊥ is the shear
 * s' = B(u) (its flow is exact: a coupling map), and A(w·z)·e with
 * e = M⁻¹·(1, 0) is the 1-D flow u' = A(u) (a stretch). Shears carry no
 * divergence, so the stretches are fitted to the divergence first
 * (div F = Σ A_i'(w_i·z)) — separable divergences such as Van der Pol's
 * 1 − x² need one stretch direction — and the divergence-free remainder is
 * fitted with shears. k + 1 directions reproduce every polynomial of degree
 * k, so polynomial fields are fitted exactly; others to the measured error.
 */
import { type TimeBudget } from './budget.js';
import { type Box } from './steps.js';
import { type ScaledPoly } from './poly.js';
import { polyAt, polyIntegral } from './poly.js';

/** An integer direction w with the second row m of its unimodular frame: (u, s) = (w·z, m·z), w1·m2 − w2·m1 = 1. */
export interface RidgeDirection {
  readonly w: readonly [number, number];
  readonly m: readonly [number, number];
}

/** The directions in the order they are tried: k + 1 of them span the polynomials of degree k. */
export const DIRECTIONS: readonly RidgeDirection[] = [
  [1, 0],
  [0, 1],
  [1, 1],
  [1, -1],
  [1, 2],
  [2, 1],
  [1, -2],
  [2, -1],
  [1, 3],
  [3, 1],
  [1, -3],
  [3, -1],
].map(([a, b]) => ({ w: [a!, b!] as const, m: frameRow(a!, b!) }));

/** (m1, m2) with a·m2 − b·m1 = 1 (extended Euclid; a, b coprime). */
function frameRow(a: number, b: number): readonly [number, number] {
  // Solve a·m2 + b·(−m1) = 1.
  let [r0, r1, s0, s1, t0, t1] = [a, b, 1, 0, 0, 1];
  while (r1 !== 0) {
    const q = Math.trunc(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  // a·s0 + b·t0 = r0 = ±1.
  return r0 === 1 ? [-t0 + 0, s0 + 0] : [t0 + 0, -s0 + 0];
}

/** A stretch term A(w·z)·e (e = M⁻¹·(1, 0) = (m2, −m1)). */
export interface StretchTerm {
  readonly dir: RidgeDirection;
  readonly A: ScaledPoly;
}

/** A shear term B(w·z)·w⊥ (w⊥ = (−w2, w1)). */
export interface ShearTerm {
  readonly dir: RidgeDirection;
  readonly B: ScaledPoly;
}

/** A fitted field and how well it fits. */
export interface RidgeField {
  readonly stretches: readonly StretchTerm[];
  readonly shears: readonly ShearTerm[];
  /** Sup of |F − fit| (Euclidean) over the check points. */
  readonly fitError: number;
  /** The number of check points the fit error was measured on. */
  readonly checkPoints: number;
  readonly degree: number;
}

/** Samples of a field: points (x, y), values (vx, vy) and divergences, interleaved where two. */
export interface FieldSamples {
  readonly points: Float64Array;
  readonly values: Float64Array;
  readonly divergence: Float64Array;
}

/**
 * Least squares by modified Gram–Schmidt with column dropping: columns that
 * are (numerically) combinations of earlier ones get coefficient 0, so an
 * over-complete basis (more directions than the degree needs) is fine.
 */
export function leastSquares(columns: readonly Float64Array[], rhs: Float64Array, damping = 0): Float64Array {
  if (damping > 0) {
    // Tikhonov: rows √λ·‖column‖·e_j appended (zero right-hand side) keep coefficients of cancelling terms small.
    const m = rhs.length;
    const n = columns.length;
    columns = columns.map((c, j) => {
      const out = new Float64Array(m + n);
      out.set(c);
      out[m + j] = Math.sqrt(damping) * Math.hypot(...c);
      return out;
    });
    const r = new Float64Array(m + n);
    r.set(rhs);
    rhs = r;
  }
  const n = columns.length;
  const q: Float64Array[] = [];
  const kept: number[] = [];
  const r: number[][] = [];
  for (let j = 0; j < n; j++) {
    const v = columns[j]!.slice();
    const norm0 = Math.hypot(...v);
    const rj: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      q.forEach((qi, i) => {
        let dot = 0;
        for (let k = 0; k < v.length; k++) dot += qi[k]! * v[k]!;
        for (let k = 0; k < v.length; k++) v[k] = v[k]! - dot * qi[k]!;
        rj[i] = (rj[i] ?? 0) + dot;
      });
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * norm0)) continue;
    for (let k = 0; k < v.length; k++) v[k] = v[k]! / norm;
    q.push(v);
    rj[q.length - 1] = norm;
    r.push(rj);
    kept.push(j);
  }
  // Solve R·c = Qᵀ·rhs (R upper triangular over the kept columns).
  const qb = q.map((qi) => {
    let dot = 0;
    for (let k = 0; k < rhs.length; k++) dot += qi[k]! * rhs[k]!;
    return dot;
  });
  const c = new Float64Array(q.length);
  for (let i = q.length - 1; i >= 0; i--) {
    let s = qb[i]!;
    for (let k = i + 1; k < q.length; k++) s -= r[k]![i]! * c[k]!;
    c[i] = s / r[i]![i]!;
  }
  const out = new Float64Array(n);
  kept.forEach((j, i) => (out[j] = c[i]!));
  return out;
}

/** Where the samples are normalized: t = (w·z − w·center)/radius for each direction. */
interface Normal {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
}

function normalOf(box: Box): Normal {
  return {
    cx: (box.x0 + box.x1) / 2,
    cy: (box.y0 + box.y1) / 2,
    radius: Math.max(box.x1 - box.x0, box.y1 - box.y0) / 2,
  };
}

function ridgeCoordinate(dir: RidgeDirection, nrm: Normal, x: number, y: number): number {
  return (dir.w[0] * (x - nrm.cx) + dir.w[1] * (y - nrm.cy)) / nrm.radius;
}

function scaledOf(dir: RidgeDirection, nrm: Normal, coef: Float64Array): ScaledPoly {
  return { coef, c: dir.w[0] * nrm.cx + dir.w[1] * nrm.cy, r: nrm.radius };
}

/** The fit's field at (x, y). */
export function ridgeFieldAt(f: Pick<RidgeField, 'stretches' | 'shears'>, x: number, y: number): [number, number] {
  let vx = 0;
  let vy = 0;
  for (const { dir, A } of f.stretches) {
    const a = polyAt(A.coef, (dir.w[0] * x + dir.w[1] * y - A.c) / A.r);
    vx += a * dir.m[1];
    vy -= a * dir.m[0];
  }
  for (const { dir, B } of f.shears) {
    const b = polyAt(B.coef, (dir.w[0] * x + dir.w[1] * y - B.c) / B.r);
    vx -= b * dir.w[1];
    vy += b * dir.w[0];
  }
  return [vx, vy];
}

/** Stretch terms fitted to the divergence with `count` directions and degree `degree` (A of degree `degree`). */
function fitDivergence(s: FieldSamples, nrm: Normal, count: number, degree: number): StretchTerm[] {
  const n = s.divergence.length;
  const columns: Float64Array[] = [new Float64Array(n).fill(1)];
  const owner: [number, number][] = [[0, 0]];
  for (let i = 0; i < count; i++) {
    for (let p = 1; p < degree; p++) {
      const col = new Float64Array(n);
      for (let k = 0; k < n; k++)
        col[k] = ridgeCoordinate(DIRECTIONS[i]!, nrm, s.points[2 * k]!, s.points[2 * k + 1]!) ** p;
      columns.push(col);
      owner.push([i, p]);
    }
  }
  const c = leastSquares(columns, s.divergence);
  const out: StretchTerm[] = [];
  for (let i = 0; i < count; i++) {
    // D_i(t) in t; A_i = ∫ D_i du = radius·∫ D_i dt.
    const d = new Float64Array(Math.max(1, degree));
    owner.forEach(([o, p], k) => {
      if (o === i && (p > 0 || i === 0)) d[p] = d[p]! + c[k]!;
    });
    if (d.every((v) => v === 0)) continue;
    const A = polyIntegral(d).map((v) => v * nrm.radius);
    out.push({ dir: DIRECTIONS[i]!, A: scaledOf(DIRECTIONS[i]!, nrm, A) });
  }
  return out;
}

/** Shear terms fitted to the remainder with `count` directions, profiles of degree `degree`. */
function fitShears(
  s: FieldSamples,
  rest: Float64Array,
  nrm: Normal,
  count: number,
  degree: number,
  damping = 0,
): ShearTerm[] {
  const n = s.points.length / 2;
  const columns: Float64Array[] = [];
  const owner: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const dir = DIRECTIONS[i]!;
    for (let p = 0; p <= degree; p++) {
      const col = new Float64Array(2 * n);
      for (let k = 0; k < n; k++) {
        const t = ridgeCoordinate(dir, nrm, s.points[2 * k]!, s.points[2 * k + 1]!) ** p;
        col[2 * k] = -t * dir.w[1];
        col[2 * k + 1] = t * dir.w[0];
      }
      columns.push(col);
      owner.push([i, p]);
    }
  }
  const c = leastSquares(columns, rest, damping);
  const out: ShearTerm[] = [];
  for (let i = 0; i < count; i++) {
    const b = new Float64Array(degree + 1);
    owner.forEach(([o, p], k) => {
      if (o === i) b[p] = c[k]!;
    });
    if (b.every((v) => v === 0)) continue;
    out.push({ dir: DIRECTIONS[i]!, B: scaledOf(DIRECTIONS[i]!, nrm, b) });
  }
  return out;
}

function supDistance(f: Pick<RidgeField, 'stretches' | 'shears'>, s: FieldSamples): number {
  let worst = 0;
  for (let k = 0; k < s.points.length / 2; k++) {
    const [vx, vy] = ridgeFieldAt(f, s.points[2 * k]!, s.points[2 * k + 1]!);
    const e = Math.hypot(vx - s.values[2 * k]!, vy - s.values[2 * k + 1]!);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/**
 * Fits the field from `fit` samples and measures the fit on `check` samples:
 * for degrees 1, 2, …, `maxDegree`, the fewest stretch directions that fit
 * the divergence and the fewest shear directions that fit the rest, until
 * the fit error is ≤ `tolerance` (else the best fit found).
 */
export function fitRidgeField(
  fit: FieldSamples,
  check: FieldSamples,
  box: Box,
  tolerance: number,
  maxDegree = 9,
  time?: TimeBudget,
): RidgeField {
  const nrm = normalOf(box);
  const scale = Math.max(...fit.values.map(Math.abs), 1e-300);
  let best: RidgeField | undefined;
  for (let degree = 1; degree <= maxDegree; degree++) {
    time?.check();
    // The divergence, of degree − 1, within a small fraction of the tolerance (it only decides the stretches).
    let stretches: StretchTerm[] = [];
    const divScale = Math.max(...fit.divergence.map(Math.abs), 0);
    if (divScale > 1e-12 * scale) {
      for (let count = 1; count <= Math.min(degree, DIRECTIONS.length); count++) {
        stretches = fitDivergence(fit, nrm, count, degree);
        const fitted = { stretches, shears: [] };
        let worst = 0;
        for (let k = 0; k < fit.divergence.length; k++) {
          // The divergence of A(w·z)·e is A'(w·z).
          const x = fit.points[2 * k]!;
          const y = fit.points[2 * k + 1]!;
          let dv = 0;
          for (const { dir, A } of fitted.stretches) {
            const h = 1e-6;
            const u = (dir.w[0] * x + dir.w[1] * y - A.c) / A.r;
            dv += (polyAt(A.coef, u + h) - polyAt(A.coef, u - h)) / (2 * h * A.r);
          }
          worst = Math.max(worst, Math.abs(dv - fit.divergence[k]!));
        }
        if (worst <= 1e-6 * divScale + tolerance * 0.01) break;
      }
    }
    const rest = fit.values.slice();
    for (let k = 0; k < rest.length / 2; k++) {
      const [vx, vy] = ridgeFieldAt({ stretches, shears: [] }, fit.points[2 * k]!, fit.points[2 * k + 1]!);
      rest[2 * k] = rest[2 * k]! - vx;
      rest[2 * k + 1] = rest[2 * k + 1]! - vy;
    }
    for (let count = 2; count <= Math.min(degree + 2, DIRECTIONS.length); count++) {
      time?.check();
      const shears = fitShears(fit, rest, nrm, count, degree);
      const fitted = { stretches, shears };
      const fitError = supDistance(fitted, check);
      const candidate: RidgeField = { ...fitted, fitError, checkPoints: check.points.length / 2, degree };
      if (best === undefined || fitError < best.fitError * 0.5) best = candidate;
      if (fitError <= tolerance) return tame(candidate, fit, check, rest, nrm, tolerance);
    }
  }
  return best!;
}

/** The size of the shear terms: the sum of their profiles' sups on the sample points (what splitting error grows with). */
function size(f: Pick<RidgeField, 'shears'>, s: FieldSamples): number {
  let total = 0;
  for (const { dir, B } of f.shears) {
    let m = 0;
    for (let k = 0; k < s.points.length / 2; k++)
      m = Math.max(
        m,
        Math.abs(polyAt(B.coef, (dir.w[0] * s.points[2 * k]! + dir.w[1] * s.points[2 * k + 1]! - B.c) / B.r)),
      );
    total += m;
  }
  return total;
}

/**
 * Exact ridge decompositions can be made of large terms that cancel (for
 * Van der Pol's remainder, profiles five times the field's size), and the
 * splitting error grows with the terms' commutators. With up to three more
 * directions and damped least squares, keep the fit within tolerance and
 * take the decomposition with the smallest terms.
 */
function tame(
  found: RidgeField,
  fit: FieldSamples,
  check: FieldSamples,
  rest: Float64Array,
  nrm: Normal,
  tolerance: number,
): RidgeField {
  let best = found;
  let bestSize = size(found, fit);
  const count0 = new Set(found.shears.map((s) => s.dir.w.join(','))).size;
  for (let count = count0; count <= Math.min(count0 + 5, DIRECTIONS.length); count++) {
    for (const damping of [1e-8, 1e-6, 1e-4, 1e-2]) {
      const shears = fitShears(fit, rest, nrm, count, found.degree, damping);
      const fitted = { stretches: found.stretches, shears };
      const fitError = supDistance(fitted, check);
      if (!(fitError <= tolerance)) break;
      const sz = size(fitted, fit);
      if (sz < bestSize * 0.9) {
        best = { ...fitted, fitError, checkPoints: found.checkPoints, degree: found.degree };
        bestSize = sz;
      }
    }
  }
  return best;
}
