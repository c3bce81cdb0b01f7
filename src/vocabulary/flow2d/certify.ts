/**
 * The certificate of a `flow2d` vocabulary, decided exactly on the phrases
 * themselves (not on their folded form). For every class c and state q the
 * corners of R_q are pushed through the phrase step by step: scalings and
 * translations act on the corners; a ridge (`ry±`, `rx±`) is affine on each
 * side of its kink, so a polygon lying on one side stays a polygon, and one
 * straddling the kink is cut there into two. The image f_c(R_q) is the union
 * of the final polygons, so its extent is their vertices' extent. Every
 * operation is checked to be exact (TwoSum / TwoProduct errors are zero);
 * the constants are dyadic, so they are. Finally, where the phrase is
 * affine on R_q, its corner images must equal the folded map's, which
 * certifies the fast path that `run` takes.
 */
import { pow2 } from '../../flows/primitives.js';
import { compilePhrase, type Phrase } from '../../flows/phrase.js';
import { wordName } from '../common.js';
import { productError, sumError } from '../interval.js';
import { CertificateBuilder, type Certificate } from '../types.js';
import { FOLD_WIDTH, X_SCALE, X_SHIFT, Y_AFTER, Y_SCALE, Y_SHIFT } from './construct.js';
import { compiledPhrases, type Flow2dVocabulary } from './index.js';

type Polygon = { xs: number[]; ys: number[] };

const MIN_NORMAL = 2 ** -1022;

/** Why an exact computation could not be carried out, or null. */
interface Exactness {
  inexact: boolean;
}

function exactAdd(a: number, b: number, ex: Exactness): number {
  const s = a + b;
  if (!Number.isFinite(s) || sumError(a, b, s) !== 0) ex.inexact = true;
  return s;
}

function exactMul(a: number, b: number, ex: Exactness): number {
  const p = a * b;
  if (!Number.isFinite(p) || (p !== 0 && Math.abs(p) < MIN_NORMAL) || (p === 0 && a !== 0 && b !== 0))
    ex.inexact = true;
  else if (productError(a, b, p) !== 0) ex.inexact = true;
  return p;
}

/** Cuts a convex polygon at coordinate `axis` = 0 into the parts ≤ 0 and ≥ 0. */
function cut(poly: Polygon, axis: 'x' | 'y', ex: Exactness): [Polygon, Polygon] {
  const read = axis === 'x' ? poly.xs : poly.ys;
  const neg: Polygon = { xs: [], ys: [] };
  const pos: Polygon = { xs: [], ys: [] };
  const n = read.length;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const a = read[i]!;
    const b = read[j]!;
    if (a <= 0) {
      neg.xs.push(poly.xs[i]!);
      neg.ys.push(poly.ys[i]!);
    }
    if (a >= 0) {
      pos.xs.push(poly.xs[i]!);
      pos.ys.push(poly.ys[i]!);
    }
    if ((a < 0 && b > 0) || (a > 0 && b < 0)) {
      // The crossing point, checked exact: t = a/(a − b).
      const t = a / (a - b);
      const back = exactMul(t, a - b, ex);
      if (back !== a) ex.inexact = true;
      const px = exactAdd(poly.xs[i]!, exactMul(t, exactAdd(poly.xs[j]!, -poly.xs[i]!, ex), ex), ex);
      const py = exactAdd(poly.ys[i]!, exactMul(t, exactAdd(poly.ys[j]!, -poly.ys[i]!, ex), ex), ex);
      const cx = axis === 'x' ? 0 : px;
      const cy = axis === 'y' ? 0 : py;
      neg.xs.push(cx);
      neg.ys.push(cy);
      pos.xs.push(cx);
      pos.ys.push(cy);
    }
  }
  return [neg, pos];
}

/** Pushes polygons through steps `from..` of a compiled phrase. */
function pushPolygons(
  codes: Uint8Array,
  times: Float64Array,
  from: number,
  start: Polygon[],
  ex: Exactness,
): { polygons: Polygon[]; split: boolean } {
  let polys = start;
  let split = false;
  for (let i = from; i < codes.length; i++) {
    const code = codes[i]!;
    const t = times[i]!;
    const next: Polygon[] = [];
    for (const p of polys) {
      const { xs, ys } = p;
      const len = xs.length;
      switch (code) {
        case 0:
        case 1: {
          const f = pow2(code === 0 ? -t : t);
          for (let v = 0; v < len; v++) xs[v] = exactMul(xs[v]!, f, ex);
          next.push(p);
          break;
        }
        case 2:
        case 3: {
          const f = pow2(code === 2 ? -t : t);
          for (let v = 0; v < len; v++) ys[v] = exactMul(ys[v]!, f, ex);
          next.push(p);
          break;
        }
        case 4:
        case 5: {
          const d = code === 4 ? t : -t;
          for (let v = 0; v < len; v++) xs[v] = exactAdd(xs[v]!, d, ex);
          next.push(p);
          break;
        }
        case 6:
        case 7: {
          const d = code === 6 ? t : -t;
          for (let v = 0; v < len; v++) ys[v] = exactAdd(ys[v]!, d, ex);
          next.push(p);
          break;
        }
        default: {
          // 8, 9: y ± t·relu(x); 10, 11: x ± t·relu(y).
          const readX = code === 8 || code === 9;
          const sign = code === 8 || code === 10 ? t : -t;
          const read = readX ? xs : ys;
          let anyPos = false;
          let anyNeg = false;
          for (let v = 0; v < len; v++) {
            if (read[v]! > 0) anyPos = true;
            else if (read[v]! < 0) anyNeg = true;
          }
          const parts: Polygon[] = anyPos && anyNeg ? cut(p, readX ? 'x' : 'y', ex) : [p];
          if (parts.length > 1) split = true;
          for (const part of parts) {
            const r = readX ? part.xs : part.ys;
            const w = readX ? part.ys : part.xs;
            for (let v = 0; v < r.length; v++) if (r[v]! > 0) w[v] = exactAdd(w[v]!, exactMul(sign, r[v]!, ex), ex);
            next.push(part);
          }
        }
      }
    }
    polys = next;
  }
  return { polygons: polys, split };
}

/**
 * The corners of every R_q pushed through one class's phrase at once (runs
 * outer, corners inner: flat typed arrays, no allocation). A state whose
 * polygon straddles a ridge's kink leaves the fast path with its polygon as
 * it is at that step, and `pushPolygons` finishes it with cutting.
 */
function pushAllCorners(
  codes: Uint8Array,
  times: Float64Array,
  n: number,
  w: number,
): {
  xs: Float64Array;
  ys: Float64Array;
  inexact: Uint8Array;
  slow: Map<number, { polygons: Polygon[]; split: boolean }>;
} {
  const xs = new Float64Array(4 * n);
  const ys = new Float64Array(4 * n);
  for (let q = 0; q < n; q++) {
    xs.set([q - w, q + w, q + w, q - w], 4 * q);
    ys.set([0, 0, 1, 1], 4 * q);
  }
  const inexact = new Uint8Array(n);
  const leftAt = new Int32Array(n).fill(-1);
  const saved = new Map<number, Polygon>();
  const scale = (arr: Float64Array, f: number): void => {
    for (let v = 0; v < arr.length; v++) {
      const r = arr[v]! * f;
      if ((r !== 0 && Math.abs(r) < MIN_NORMAL) || !Number.isFinite(r) || (r === 0 && arr[v] !== 0))
        inexact[v >> 2] = 1;
      arr[v] = r;
    }
  };
  const shift = (arr: Float64Array, d: number): void => {
    for (let v = 0; v < arr.length; v++) {
      const a = arr[v]!;
      const r = a + d;
      const bb = r - a;
      if (a - (r - bb) + (d - bb) !== 0) inexact[v >> 2] = 1;
      arr[v] = r;
    }
  };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const t = times[i]!;
    switch (code) {
      case 0:
        scale(xs, pow2(-t));
        break;
      case 1:
        scale(xs, pow2(t));
        break;
      case 2:
        scale(ys, pow2(-t));
        break;
      case 3:
        scale(ys, pow2(t));
        break;
      case 4:
        shift(xs, t);
        break;
      case 5:
        shift(xs, -t);
        break;
      case 6:
        shift(ys, t);
        break;
      case 7:
        shift(ys, -t);
        break;
      default: {
        const readX = code === 8 || code === 9;
        const gain = code === 8 || code === 10 ? t : -t;
        const read = readX ? xs : ys;
        const write = readX ? ys : xs;
        for (let q = 0; q < n; q++) {
          if (leftAt[q]! >= 0) continue;
          const at = 4 * q;
          let pos = false;
          let neg = false;
          for (let v = at; v < at + 4; v++) {
            if (read[v]! > 0) pos = true;
            else if (read[v]! < 0) neg = true;
          }
          if (pos && neg) {
            leftAt[q] = i;
            saved.set(q, { xs: Array.from(xs.subarray(at, at + 4)), ys: Array.from(ys.subarray(at, at + 4)) });
            continue;
          }
          if (!pos) continue;
          for (let v = at; v < at + 4; v++) {
            const r = read[v]!;
            if (r <= 0) continue;
            const p = gain * r;
            if (gain !== 1 && gain !== -1 && productError(gain, r, p) !== 0) inexact[q] = 1;
            const a = write[v]!;
            const sum = a + p;
            const bb = sum - a;
            if (a - (sum - bb) + (p - bb) !== 0) inexact[q] = 1;
            write[v] = sum;
          }
        }
      }
    }
  }
  const slow = new Map<number, { polygons: Polygon[]; split: boolean }>();
  for (const [q, polygon] of saved) {
    const ex: Exactness = { inexact: false };
    const pushed = pushPolygons(codes, times, leftAt[q]!, [polygon], ex);
    if (ex.inexact) inexact[q] = 1;
    slow.set(q, pushed);
  }
  return { xs, ys, inexact, slow };
}

/** Checks conditions 1–3 (docs/ARCHITECTURE.md, "Embeddings") on the phrases, and the folded maps against them. */
export function certifyFlow2d(v: Flow2dVocabulary): Certificate {
  const { dfa, params } = v;
  const n = dfa.states;
  const m = dfa.alphabet.classes.length;
  const w = params.radius;
  const b = new CertificateBuilder('flow2d', n, m, 'exact');
  if (!(w >= 0 && w < 0.5))
    b.fail({
      condition: 'regions',
      state: 0,
      message: `columns of half-width ${w} around consecutive integers overlap (need W < 1/2)`,
    });
  if (!(v.start[0] === dfa.start && v.start[1]! >= 0 && v.start[1]! <= 1))
    b.fail({ condition: 'regions', state: dfa.start, message: 'the start point is not in R_{q0}' });
  const compiled = compiledPhrases(params);
  const f = params.folded;
  for (let c = 0; c < m; c++) {
    const { codes, times } = compiled[c]!;
    const pushed = pushAllCorners(codes, times, n, w);
    for (let q = 0; q < n; q++) {
      if (pushed.inexact[q] === 1) {
        b.fail({
          condition: 'transition',
          state: q,
          class: c,
          message: `the spelling of word ${wordName(dfa, c)} needs more than 53 bits on R_${q}: the certificate cannot decide it exactly`,
        });
        continue;
      }
      const slow = pushed.slow.get(q);
      const polygons: Polygon[] = slow?.polygons ?? [
        { xs: Array.from(pushed.xs.subarray(4 * q, 4 * q + 4)), ys: Array.from(pushed.ys.subarray(4 * q, 4 * q + 4)) },
      ];
      const { xmin, xmax, ymin, ymax } = extent(polygons);
      const target = dfa.delta[q * m + c]!;
      const inside = Math.min(xmin - (target - w), target + w - xmax, ymin, 1 - ymax);
      b.image(
        inside,
        q,
        c,
        () =>
          `word ${wordName(dfa, c)} maps R_${q} into [${xmin}, ${xmax}] × [${ymin}, ${ymax}], not inside R_${target} = [${target - w}, ${target + w}] × [0, 1]`,
      );
      // Where the phrase is affine on R_q (no cut), its corner images must be the folded map's.
      const at = FOLD_WIDTH * (c * n + q);
      const cornersX = [q - w, q + w, q + w, q - w];
      const cornersY = [0, 0, 1, 1];
      let agrees = slow === undefined;
      for (let i = 0; agrees && i < 4; i++) {
        const fx = (cornersX[i]! + f[at + X_SHIFT]!) * f[at + X_SCALE]!;
        const fy = cornersY[i]! * f[at + Y_SCALE]! + f[at + Y_SHIFT]! + f[at + Y_AFTER]!;
        agrees = fx === polygons[0]!.xs[i] && fy === polygons[0]!.ys[i];
      }
      if (!agrees)
        b.fail({
          condition: 'transition',
          state: q,
          class: c,
          message: `the folded map of word ${wordName(dfa, c)} on R_${q} differs from its spelling`,
        });
    }
  }
  return b.result();
}

/** The exact extent of the image of a box under a phrase, as the certificate computes it. */
export interface RegionImage {
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
  /** False when some ridge cut the region: the phrase is not affine on it. */
  readonly affine: boolean;
  /** False when some step was not exact in binary64 (then the extent is not decided). */
  readonly exact: boolean;
}

/** The image of the box [x0, x1] × [y0, y1] under `phrase`, by exact polygon pushing with cuts at ridge kinks. */
export function regionImage(phrase: Phrase, x0: number, x1: number, y0: number, y1: number): RegionImage {
  const { codes, times } = compilePhrase(phrase);
  const ex: Exactness = { inexact: false };
  const { polygons, split } = pushPolygons(codes, times, 0, [{ xs: [x0, x1, x1, x0], ys: [y0, y0, y1, y1] }], ex);
  const { xmin, xmax, ymin, ymax } = extent(polygons);
  return { xmin, xmax, ymin, ymax, affine: !split, exact: !ex.inexact };
}

/** The bounding box of polygons' corners (the exact extent of an image made of them). */
function extent(polygons: readonly Polygon[]): { xmin: number; xmax: number; ymin: number; ymax: number } {
  let xmin = Infinity;
  let xmax = -Infinity;
  let ymin = Infinity;
  let ymax = -Infinity;
  for (const p of polygons) {
    for (const x of p.xs) {
      xmin = Math.min(xmin, x);
      xmax = Math.max(xmax, x);
    }
    for (const y of p.ys) {
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
  }
  return { xmin, xmax, ymin, ymax };
}
