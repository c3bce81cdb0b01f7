/**
 * Why a pair (FX, FY) cannot be approximated by sentences, as proofs. A
 * 65² grid of the domain (in double precision) only raises suspicions — a
 * value that is not finite, two points with the same image, a negative
 * Jacobian determinant; each suspicion is then checked with the rigorous
 * interval arithmetic of `src/mapexpr/interval.ts` (over the symbolic
 * derivatives for determinants), near the suspicious point if not at it.
 * A refusal states only what was proved:
 *
 * - **undefined**: a point where some part of the formula is certainly
 *   undefined (log of an enclosure ≤ 0, division by an enclosure that is
 *   exactly 0, …) or certainly beyond double range;
 * - **orientation**: a box on which det Jf < 0 is proved. Every sentence is
 *   an orientation-preserving homeomorphism; for smooth f the degree of f on
 *   the box around f(c) is −(number of preimages) ≤ −1, an orientation-
 *   preserving homeomorphism's is 0 or 1, and the degree does not change
 *   under perturbations smaller than the distance from f(c) to the image of
 *   the box's boundary — so no sentence comes within that distance, which is
 *   bounded below by interval enclosures of f on pieces of the boundary;
 * - **fold** (not injective): two points whose images are proved equal, or
 *   two boxes with det > 0 and det < 0 proved (an injective continuous map
 *   of a connected domain keeps one orientation). With both boxes, no
 *   injective continuous map comes within the smaller of their two distances
 *   (an injective map preserves or reverses orientation, and either way one
 *   box's degree argument applies).
 *
 * When the check cannot prove a suspicion, the refusal says so (approx
 * cannot show the map is a diffeomorphism there) and names the point.
 */
import type { Span } from '../errors.js';
import {
  boundOnBox,
  compileExpr,
  derivative,
  evaluateInterval,
  type Interval,
  isUndefinedInterval,
  type MapExpr,
  nextDown,
  printMapExpr,
} from '../mapexpr/index.js';
import { sumIsExact } from '../mapexpr/float.js';
import type { Box } from './steps.js';

/** A map of the plane given by two expressions, with their source text (for messages). */
export interface ExprPair {
  readonly fx: MapExpr;
  readonly fy: MapExpr;
  readonly textX: string;
  readonly textY: string;
}

/** A point of the plane. */
export type Point = readonly [number, number];

/**
 * A box on which the sign of det Jf is proved: `det` encloses the
 * determinant on all of `box`. `gap`, for smooth f, is a proved lower bound
 * on |f(z) − f(centre)| for z on the box's boundary (the distance the degree
 * argument needs), or null.
 */
export interface SignBox {
  readonly sign: 1 | -1;
  readonly box: Box;
  readonly det: Interval;
  readonly centre: Point;
  readonly gap: number | null;
}

/** What is wrong with a pair on a box, as proved (or, for `unproved`, as suspected and not proved). */
export type PairProblem =
  | {
      readonly kind: 'undefined';
      readonly at: Point;
      /** Which part of the formula is undefined there, and why (plain words). */
      readonly why: string;
      /** True when the value is defined but proved beyond double range. */
      readonly overflow: boolean;
    }
  | { readonly kind: 'orientation'; readonly negative: SignBox }
  | {
      readonly kind: 'fold';
      /** Two distinct points whose images are proved equal (both enclosures are the same single point). */
      readonly pair: { readonly p: Point; readonly q: Point; readonly image: Point } | null;
      /** Boxes of both signs of det Jf, when proved. */
      readonly positive: SignBox | null;
      readonly negative: SignBox | null;
      /** No injective continuous map comes within this distance (proved), or null. */
      readonly bound: number | null;
    }
  | {
      readonly kind: 'unproved';
      /** What the grid saw, in plain words, with the points. */
      readonly suspicion: string;
      readonly at: readonly Point[];
    };

const GRID = 65;
const at = (v: number): Interval => ({ lo: v, hi: v });
const span = (e: MapExpr): Span => e.span;

/** Significant digits for points and values that are exact or merely located. */
export const fmt = (v: number): string => String(Number(v.toPrecision(4)));

/** A positive bound printed with 3 significant digits, never above the bound. */
export function fmtBelow(v: number): string {
  const [mantissa = '0', exponent = '0'] = v.toExponential(2).split('e');
  const e = Number(exponent) - 2;
  // Three digits m·10^e, stepped down until they are not above v (rounding up can overshoot, even to ∞).
  let m = Math.round(Number(mantissa) * 100);
  while (m > 0 && Number(`${m}e${e}`) > v) m--;
  return String(Number(`${m}e${e}`));
}

/** A box as the CLI's --domain spells it. */
export function boxText(b: Box): string {
  return `[${fmt(b.x0)},${fmt(b.x1)}]x[${fmt(b.y0)},${fmt(b.y1)}]`;
}

function binary(op: '+' | '-' | '*', left: MapExpr, right: MapExpr): MapExpr {
  return { kind: 'binary', op, left, right, span: span(left) };
}

/** det Jf = ∂x FX · ∂y FY − ∂y FX · ∂x FY as one expression (for interval evaluation). */
export function determinantExpr(p: ExprPair): MapExpr {
  const a = derivative(p.fx, 'x');
  const b = derivative(p.fx, 'y');
  const c = derivative(p.fy, 'x');
  const d = derivative(p.fy, 'y');
  return binary('-', binary('*', a, d), binary('*', b, c));
}

function uses(e: MapExpr, fns: readonly string[]): boolean {
  switch (e.kind) {
    case 'num':
    case 'var':
    case 'const':
      return false;
    case 'neg':
      return uses(e.arg, fns);
    case 'binary':
      return uses(e.left, fns) || uses(e.right, fns);
    case 'call':
      return fns.includes(e.fn) || e.args.some((a) => uses(a, fns));
  }
}

/** Functions with a jump: a formula using them may be discontinuous, and no argument here applies to it. */
const JUMPS = ['step', 'sign'];
/** Functions with a kink: continuous, but the degree count behind the distance bounds needs C¹. */
const KINKS = ['relu', 'abs', 'min', 'max', ...JUMPS];

/**
 * The reason some part of `e` is certainly undefined at the point (x, y),
 * or null if none can be proved: a node whose arguments are defined there
 * (their enclosures are not NaN) and whose operation is undefined for every
 * value in those enclosures. The language evaluates every part of a formula
 * (no short cut), so an undefined part makes the whole undefined.
 */
export function provedUndefined(e: MapExpr, x: number, y: number): string | null {
  const X = at(x);
  const Y = at(y);
  const enclosure = (a: MapExpr): Interval => evaluateInterval(a, X, Y);
  switch (e.kind) {
    case 'num':
    case 'var':
    case 'const':
      return null;
    case 'neg':
      return provedUndefined(e.arg, x, y);
    case 'binary': {
      const inner = provedUndefined(e.left, x, y) ?? provedUndefined(e.right, x, y);
      if (inner !== null) return inner;
      const a = enclosure(e.left);
      const b = enclosure(e.right);
      if (isUndefinedInterval(a) || isUndefinedInterval(b)) return null;
      if (e.op === '/' && b.lo === 0 && b.hi === 0) return `it divides by ${printMapExpr(e.right)}, which is exactly 0`;
      if (e.op === '^') {
        if (a.lo === 0 && a.hi === 0 && b.hi < 0)
          return `it raises ${printMapExpr(e.left)} = 0 to the negative power ${printMapExpr(e.right)}`;
        if (a.hi < 0 && Math.ceil(b.lo) > b.hi)
          return `it raises ${printMapExpr(e.left)} < 0 to the power ${printMapExpr(e.right)}, which is not an integer`;
      }
      return null;
    }
    case 'call': {
      for (const arg of e.args) {
        const inner = provedUndefined(arg, x, y);
        if (inner !== null) return inner;
      }
      const a = enclosure(e.args[0]!);
      if (isUndefinedInterval(a)) return null;
      if (e.fn === 'log' && a.hi <= 0) return `it takes log of ${printMapExpr(e.args[0]!)}, which is ≤ 0`;
      if (e.fn === 'sqrt' && a.hi < 0) return `it takes sqrt of ${printMapExpr(e.args[0]!)}, which is < 0`;
      return null;
    }
  }
}

/** Why a pair is certainly not a finite number at the point, or null. */
function provedNotFinite(p: ExprPair, x: number, y: number): { why: string; overflow: boolean } | null {
  for (const e of [p.fx, p.fy]) {
    const why = provedUndefined(e, x, y);
    if (why !== null) return { why, overflow: false };
  }
  for (const [name, e] of [
    ['FX', p.fx],
    ['FY', p.fy],
  ] as const) {
    const v = evaluateInterval(e, at(x), at(y));
    // An overflowing library function gives a lower bound two ulps below MAX_VALUE (see interval.ts).
    if (v.lo > 1e308) return { why: `${name} ≥ ${fmtBelow(v.lo)}`, overflow: true };
    if (v.hi < -1e308) return { why: `${name} ≤ -${fmtBelow(-v.hi)}`, overflow: true };
  }
  return null;
}

/** The box [c − rx, c + rx] × [c − ry, c + ry] cut to the domain. */
function around(c: Point, rx: number, ry: number, d: Box): Box {
  return {
    x0: Math.max(d.x0, c[0] - rx),
    x1: Math.min(d.x1, c[0] + rx),
    y0: Math.max(d.y0, c[1] - ry),
    y1: Math.min(d.y1, c[1] + ry),
  };
}

/** a − b rounded down (exact when the subtraction was). */
function minusDown(a: number, b: number): number {
  const s = a - b;
  return sumIsExact(a, -b, s) ? s : nextDown(s);
}

/**
 * A lower bound on |f(z) − f(c)| over the boundary of `box` (c inside):
 * each side cut into pieces, f enclosed on each piece, the distance taken
 * from each enclosure to the enclosure of f(c), rounded down. 0 when
 * nothing positive is proved.
 */
export function boundaryGap(p: ExprPair, box: Box, c: Point, pieces = 16): number {
  const u0 = evaluateInterval(p.fx, at(c[0]), at(c[1]));
  const v0 = evaluateInterval(p.fy, at(c[0]), at(c[1]));
  if (isUndefinedInterval(u0) || isUndefinedInterval(v0)) return 0;
  let gap = Infinity;
  const sides: [Interval, Interval][] = [];
  const xs = (k: number): number => box.x0 + ((box.x1 - box.x0) * k) / pieces;
  const ys = (k: number): number => box.y0 + ((box.y1 - box.y0) * k) / pieces;
  for (let k = 0; k < pieces; k++) {
    const xi = { lo: xs(k), hi: k + 1 === pieces ? box.x1 : xs(k + 1) };
    const yi = { lo: ys(k), hi: k + 1 === pieces ? box.y1 : ys(k + 1) };
    sides.push([xi, at(box.y0)], [xi, at(box.y1)], [at(box.x0), yi], [at(box.x1), yi]);
  }
  for (const [X, Y] of sides) {
    const u = boundOnBox(p.fx, X, Y, 2);
    const v = boundOnBox(p.fy, X, Y, 2);
    if (isUndefinedInterval(u) || isUndefinedInterval(v)) return 0;
    const gu = Math.max(0, minusDown(u.lo, u0.hi), minusDown(u0.lo, u.hi));
    const gv = Math.max(0, minusDown(v.lo, v0.hi), minusDown(v0.lo, v.hi));
    const d = gu === 0 ? gv : gv === 0 ? gu : nextDown(nextDown(nextDown(Math.sqrt(gu * gu + gv * gv))));
    gap = Math.min(gap, Math.max(0, d));
    if (gap === 0) return 0;
  }
  return Number.isFinite(gap) ? gap : 0;
}

/**
 * A box near `c` on which det Jf has the sign `sign`, proved, preferring the
 * one with the largest proved gap (smooth f), else the largest box; null if
 * no box tried proves it. Boxes are c ± (domain half-width)/2^k, k ≤ 8 in
 * each direction (aspect ratio at most 4), cut to the domain, from the
 * largest down to one size below the first that proves the sign.
 */
export function signBox(p: ExprPair, det: MapExpr, c: Point, sign: 1 | -1, domain: Box): SignBox | null {
  const smooth = !uses(p.fx, KINKS) && !uses(p.fy, KINKS);
  const hx = (domain.x1 - domain.x0) / 2;
  const hy = (domain.y1 - domain.y0) / 2;
  let best: SignBox | null = null;
  // Smaller boxes rarely keep f(centre) farther from their boundary: look one size below the first proved.
  let last = 8;
  for (let kx = 0; kx <= last; kx++) {
    for (let ky = Math.max(0, kx - 2); ky <= Math.min(8, kx + 2); ky++) {
      const box = around(c, hx / 2 ** kx, hy / 2 ** ky, domain);
      if (!(box.x0 < box.x1 && box.y0 < box.y1)) continue;
      const X = { lo: box.x0, hi: box.x1 };
      const Y = { lo: box.y0, hi: box.y1 };
      const d = boundOnBox(det, X, Y, 8);
      if (isUndefinedInterval(d) || !(sign < 0 ? d.hi < 0 : d.lo > 0)) continue;
      if (isUndefinedInterval(boundOnBox(p.fx, X, Y, 4)) || isUndefinedInterval(boundOnBox(p.fy, X, Y, 4))) continue;
      const middle: Point = [box.x0 + (box.x1 - box.x0) / 2, box.y0 + (box.y1 - box.y0) / 2];
      const centres: Point[] = [middle];
      if (box.x0 < c[0] && c[0] < box.x1 && box.y0 < c[1] && c[1] < box.y1) centres.push(c);
      for (const centre of centres) {
        const gap = smooth ? boundaryGap(p, box, centre) : null;
        const found: SignBox = { sign, box, det: d, centre, gap: gap === null || gap > 0 ? gap : null };
        if (best === null || (found.gap ?? 0) > (best.gap ?? 0)) best = found;
      }
      if (!smooth) return best;
      last = Math.min(last, kx + 1);
    }
  }
  return best;
}

/** The better of the sign boxes around the domain's centre and around c (the larger proved gap). */
function signBoxNear(p: ExprPair, det: MapExpr, c: Point, sign: 1 | -1, domain: Box): SignBox | null {
  const middle: Point = [domain.x0 + (domain.x1 - domain.x0) / 2, domain.y0 + (domain.y1 - domain.y0) / 2];
  const a = signBox(p, det, middle, sign, domain);
  if (a !== null && a.gap === null) return a;
  const b = signBox(p, det, c, sign, domain);
  const best = a === null || (b !== null && (b.gap ?? 0) > (a.gap ?? 0)) ? b : a;
  return best === null || best.gap === null ? best : (grown(p, det, best, domain) ?? best);
}

/** Whether det Jf has the box's sign on all of `box` (proved), and f is defined there. */
function signHolds(p: ExprPair, det: MapExpr, box: Box, sign: 1 | -1): Interval | null {
  const X = { lo: box.x0, hi: box.x1 };
  const Y = { lo: box.y0, hi: box.y1 };
  const d = boundOnBox(det, X, Y, 8);
  if (isUndefinedInterval(d) || !(sign < 0 ? d.hi < 0 : d.lo > 0)) return null;
  if (isUndefinedInterval(boundOnBox(p.fx, X, Y, 4)) || isUndefinedInterval(boundOnBox(p.fy, X, Y, 4))) return null;
  return d;
}

/**
 * A sign box pushed outward side by side (bisection toward the domain's
 * edge while the sign stays proved), then the centre moved over a 5×5 grid
 * of the grown box: the degree argument's distance grows with the room
 * around f(centre). Null if that finds no larger gap.
 */
function grown(p: ExprPair, det: MapExpr, s: SignBox, domain: Box): SignBox | null {
  let box = s.box;
  const sides = [
    ['x0', domain.x0],
    ['x1', domain.x1],
    ['y0', domain.y0],
    ['y1', domain.y1],
  ] as const;
  for (const [side, edge] of sides) {
    let inside = box[side];
    let outside = edge;
    if (inside === outside) continue;
    if (signHolds(p, det, { ...box, [side]: outside }, s.sign) !== null) {
      box = { ...box, [side]: outside };
      continue;
    }
    for (let step = 0; step < 8; step++) {
      const mid = inside + (outside - inside) / 2;
      if (signHolds(p, det, { ...box, [side]: mid }, s.sign) !== null) inside = mid;
      else outside = mid;
    }
    box = { ...box, [side]: inside };
  }
  const d = signHolds(p, det, box, s.sign);
  if (d === null) return null;
  let best: SignBox | null = null;
  for (let i = 1; i <= 5; i++) {
    for (let j = 1; j <= 5; j++) {
      const centre: Point = [box.x0 + ((box.x1 - box.x0) * i) / 6, box.y0 + ((box.y1 - box.y0) * j) / 6];
      const gap = boundaryGap(p, box, centre);
      if (gap > (best?.gap ?? s.gap ?? 0)) best = { sign: s.sign, box, det: d, centre, gap };
    }
  }
  return best;
}

function gridPoints(box: Box): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++)
      out.push([box.x0 + ((box.x1 - box.x0) * i) / (GRID - 1), box.y0 + ((box.y1 - box.y0) * j) / (GRID - 1)]);
  }
  return out;
}

/** Points near c (c itself first), for when the suspicious grid point itself cannot be settled. */
function nearby(c: Point, box: Box): Point[] {
  const sx = (box.x1 - box.x0) / (GRID - 1);
  const sy = (box.y1 - box.y0) / (GRID - 1);
  const out: Point[] = [c];
  for (const f of [1, 1 / 2, 1 / 4, 1 / 16]) {
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
      [1, 1],
      [-1, -1],
      [1, -1],
      [-1, 1],
    ] as const) {
      const q: Point = [c[0] + dx * f * sx, c[1] + dy * f * sy];
      if (q[0] >= box.x0 && q[0] <= box.x1 && q[1] >= box.y0 && q[1] <= box.y1) out.push(q);
    }
  }
  return out;
}

/** The image of a point if interval arithmetic pins it to one exact point, else null. */
function exactImage(p: ExprPair, q: Point): Point | null {
  const u = evaluateInterval(p.fx, at(q[0]), at(q[1]));
  const v = evaluateInterval(p.fy, at(q[0]), at(q[1]));
  return u.lo === u.hi && v.lo === v.hi && !isUndefinedInterval(u) && !isUndefinedInterval(v) ? [u.lo, v.lo] : null;
}

/** The smaller of two boxes' gaps: the distance within which no injective continuous map comes. */
function foldBound(positive: SignBox | null, negative: SignBox | null): number | null {
  if (positive?.gap == null || negative?.gap == null) return null;
  return Math.min(positive.gap, negative.gap);
}

const pt = (q: Point): string => `(${fmt(q[0])}, ${fmt(q[1])})`;

/**
 * The first thing wrong with the pair on `box`, proved; `unproved` when the
 * grid saw a problem that interval arithmetic could not confirm; null when
 * the grid saw nothing (which proves nothing either: the constructions and
 * their bounds are checked on their own).
 */
export function findPairProblem(p: ExprPair, box: Box): PairProblem | null {
  const fx = compileExpr(p.fx);
  const fy = compileExpr(p.fy);
  const pts = gridPoints(box);
  const images = pts.map(([x, y]) => [fx(x, y), fy(x, y)] as const);

  // Values that are not finite.
  const bad = pts.findIndex((_, i) => !images[i]!.every(Number.isFinite));
  if (bad >= 0) {
    const c = pts[bad]!;
    for (const q of nearby(c, box)) {
      const found = provedNotFinite(p, q[0], q[1]);
      if (found !== null) return { kind: 'undefined', at: q, ...found };
    }
    const [u, v] = images[bad]!;
    return {
      kind: 'unproved',
      suspicion: `in double precision it is not a finite number at ${pt(c)} (${fmt(u)}, ${fmt(v)})`,
      at: [c],
    };
  }

  // The determinant's sign on the grid, in double precision: where it is most negative and most positive.
  const det = determinantExpr(p);
  const detAt = compileExpr(det);
  let low: { at: Point; det: number } | null = null;
  let high: { at: Point; det: number } | null = null;
  for (const q of pts) {
    const d = detAt(q[0], q[1]);
    if (d < 0 && (low === null || d < low.det)) low = { at: q, det: d };
    if (d > 0 && (high === null || d > high.det)) high = { at: q, det: d };
  }
  const continuous = !uses(p.fx, JUMPS) && !uses(p.fy, JUMPS);
  const negative = low !== null && continuous ? signBoxNear(p, det, low.at, -1, box) : null;
  const positive = negative !== null && high !== null ? signBoxNear(p, det, high.at, 1, box) : null;

  // Points with the same image: suspected to 12 digits, proved when both images are the same exact point.
  const seen = new Map<string, number>();
  let suspect: [Point, Point] | null = null;
  let proved: { p: Point; q: Point; image: Point } | null = null;
  let provedDistance = -1;
  let tried = 0;
  for (let i = 0; i < pts.length; i++) {
    const [u, v] = images[i]!;
    const key = `${u.toPrecision(12)},${v.toPrecision(12)}`;
    const j = seen.get(key);
    if (j === undefined) {
      seen.set(key, i);
      continue;
    }
    const a = pts[j]!;
    const b = pts[i]!;
    suspect ??= [a, b];
    // The farthest pair proved is the clearest example; a few hundred attempts find it on any grid.
    const distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
    if (distance <= provedDistance || tried >= 400) continue;
    tried++;
    const ia = exactImage(p, a);
    const ib = exactImage(p, b);
    if (ia !== null && ib !== null && ia[0] === ib[0] && ia[1] === ib[1]) {
      proved = { p: a, q: b, image: ia };
      provedDistance = distance;
    }
  }
  if (proved !== null || (positive !== null && negative !== null)) {
    return { kind: 'fold', pair: proved, positive, negative, bound: foldBound(positive, negative) };
  }
  if (negative !== null) return { kind: 'orientation', negative };
  if (suspect !== null) {
    const [a, b] = suspect;
    const [u, v] = images[pts.indexOf(b)]!;
    return {
      kind: 'unproved',
      suspicion: `in double precision ${pt(a)} and ${pt(b)} map to the same point (${fmt(u)}, ${fmt(v)}) to 12 digits`,
      at: [a, b],
    };
  }
  if (low !== null) {
    return {
      kind: 'unproved',
      suspicion:
        `in double precision its Jacobian determinant is ${fmt(low.det)} < 0 at ${pt(low.at)}` +
        (continuous ? '' : ' (and the formula has jumps: step or sign)'),
      at: [low.at],
    };
  }
  return null;
}

function describe(p: ExprPair): string {
  return `(x, y) ↦ (${p.textX}, ${p.textY})`;
}

function signBoxText(s: SignBox): string {
  const bound = s.sign < 0 ? `≤ ${fmt(s.det.hi)} < 0` : `≥ ${fmt(s.det.lo)} > 0`;
  return `det Jf ${bound} on ${boxText(s.box)}`;
}

/** The refusal's text: what was proved, where, and what it rules out. */
export function problemMessage(problem: PairProblem, p: ExprPair, box: Box, which: string): string {
  const f = `${which}${describe(p)}`;
  const on = boxText(box);
  switch (problem.kind) {
    case 'undefined':
      if (problem.overflow) {
        return (
          `${f} is not a finite number in double precision at ${pt(problem.at)} of ${on}: ${problem.why} there ` +
          `(proved with interval arithmetic), beyond the largest double. approx builds and checks sentences in ` +
          `double precision, so it cannot approximate maps that overflow it`
        );
      }
      return (
        `${f} is not defined at ${pt(problem.at)} of ${on}: ${problem.why} there (proved with interval ` +
        `arithmetic). A sentence is a map defined everywhere on the domain, so it can only approximate maps that are`
      );
    case 'orientation': {
      const s = problem.negative;
      const near =
        s.gap === null
          ? 'no orientation-preserving map comes arbitrarily close to f there (approx proves no distance for ' +
            'formulas with relu, abs, min or max)'
          : `no orientation-preserving map comes within ${fmtBelow(s.gap)} of f there`;
      const degree =
        s.gap === null
          ? 'by a degree argument'
          : `by a degree argument (f winds the box's boundary the other way around f${pt(s.centre)}, at distance ` +
            `≥ ${fmtBelow(s.gap)} from it)`;
      return (
        `${f} reverses orientation: interval arithmetic on its derivatives proves ${signBoxText(s)}. Every word ` +
        `is a flow, so every sentence preserves orientation; ${degree}, ${near}`
      );
    }
    case 'fold': {
      const why: string[] = [];
      if (problem.pair !== null) {
        const { p: a, q: b, image } = problem.pair;
        why.push(`${pt(a)} and ${pt(b)} both map to ${pt(image)} (exactly, by interval arithmetic)`);
      }
      if (problem.positive !== null && problem.negative !== null) {
        why.push(
          `interval arithmetic on its derivatives proves ${signBoxText(problem.positive)} and ` +
            `${signBoxText(problem.negative)}, and an injective continuous map keeps one orientation on a connected ` +
            `domain`,
        );
      }
      const both = problem.positive !== null && problem.negative !== null;
      const near =
        problem.bound !== null
          ? `by a degree argument on both boxes no injective continuous map comes within ${fmtBelow(problem.bound)} ` +
            `of f on ${on}; such maps are reachable only in the Lp sense, which approx does not offer`
          : both
            ? 'by a degree argument on both boxes no injective continuous map comes arbitrarily close to f (approx ' +
              'proves no distance for formulas with relu, abs, min or max)'
            : 'approx builds sentences for injective maps only (whether some sentence comes close to this one, as ' +
              'injective maps can come close to a map that only collapses, is not decided here)';
      return `${f} is not injective on ${on}: ${why.join('; ')}. Every sentence is a homeomorphism, and ${near}`;
    }
    case 'unproved':
      return (
        `${which}approx cannot prove that ${describe(p)} is a diffeomorphism of ${on}: ${problem.suspicion}, ` +
        `but interval arithmetic neither confirms this at or near ${problem.at.map(pt).join(' and ')} nor rules ` +
        `it out (it may be rounding error). approx builds only maps it can check; a formula with exact constants ` +
        `and fewer cancellations may let the check go through`
      );
  }
}
