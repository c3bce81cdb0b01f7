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
  if (!Number.isFinite(p) || (p !== 0 && Math.abs(p) < MIN_NORMAL) || (p === 0 && a !== 0 && b !== 0)) ex.inexact = true;
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
function pushPolygons(codes: Uint8Array, times: Float64Array, from: number, start: Polygon[], ex: Exactness): { polygons: Polygon[]; split: boolean } {
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
        case 0: case 1: {
          const f = pow2(code === 0 ? -t : t);
          for (let v = 0; v < len; v++) xs[v] = exactMul(xs[v]!, f, ex);
          next.push(p);
          break;
        }
        case 2: case 3: {
          const f = pow2(code === 2 ? -t : t);
          for (let v = 0; v < len; v++) ys[v] = exactMul(ys[v]!, f, ex);
          next.push(p);
          break;
        }
        case 4: case 5: {
          const d = code === 4 ? t : -t;
          for (let v = 0; v < len; v++) xs[v] = exactAdd(xs[v]!, d, ex);
          next.push(p);
          break;
        }
        case 6: case 7: {
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

/** Checks conditions 1–3 of DESIGN.md on the phrases, and the folded maps against them. */
export function certifyFlow2d(v: Flow2dVocabulary): Certificate {
  const { dfa, params } = v;
  const n = dfa.states;
  const m = dfa.alphabet.classes.length;
  const w = params.radius;
  const b = new CertificateBuilder('flow2d', n, m, 'exact');
  if (!(w >= 0 && w < 0.5)) b.fail({ condition: 'regions', state: 0, message: `columns of half-width ${w} around consecutive integers overlap (need W < 1/2)` });
  if (!(v.start[0] === dfa.start && v.start[1]! >= 0 && v.start[1]! <= 1)) b.fail({ condition: 'regions', state: dfa.start, message: 'the start point is not in R_{q0}' });
  const compiled = compiledPhrases(params);
  for (let c = 0; c < m; c++) {
    const { codes, times } = compiled[c]!;
    for (let q = 0; q < n; q++) {
      const ex: Exactness = { inexact: false };
      const cornersX = [q - w, q + w, q + w, q - w];
      const cornersY = [0, 0, 1, 1];
      const { polygons, split } = pushPolygons(codes, times, 0, [{ xs: [...cornersX], ys: [...cornersY] }], ex);
      const target = dfa.delta[q * m + c]!;
      if (ex.inexact) {
        b.fail({ condition: 'transition', state: q, class: c, message: `the phrase of word ${wordName(dfa, c)} needs more than 53 bits on R_${q}: the certificate cannot decide it exactly` });
        continue;
      }
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
      const inside = Math.min(xmin - (target - w), target + w - xmax, ymin, 1 - ymax);
      b.image(inside, q, c, () => `word ${wordName(dfa, c)} maps R_${q} into [${xmin}, ${xmax}] × [${ymin}, ${ymax}], not inside R_${target} = [${target - w}, ${target + w}] × [0, 1]`);
      // The folded map must be this same affine map on R_q.
      const at = FOLD_WIDTH * (c * n + q);
      const f = params.folded;
      let agrees = !split && polygons.length === 1 && polygons[0]!.xs.length === 4;
      for (let i = 0; agrees && i < 4; i++) {
        const fx = (cornersX[i]! + f[at + X_SHIFT]!) * f[at + X_SCALE]!;
        const fy = cornersY[i]! * f[at + Y_SCALE]! + f[at + Y_SHIFT]! + f[at + Y_AFTER]!;
        agrees = fx === polygons[0]!.xs[i] && fy === polygons[0]!.ys[i];
      }
      if (!agrees) b.fail({ condition: 'transition', state: q, class: c, message: `the folded map of word ${wordName(dfa, c)} on R_${q} differs from its phrase` });
    }
  }
  return b.result();
}
