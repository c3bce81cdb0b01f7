/**
 * Plans: a target map written as a composition of elementary steps (first
 * applied first), built into one sentence with a proved error bound. The
 * budget is fixed before any word is written: step i gets a share of ε
 * divided by the Lipschitz constants of the steps after it, and the error
 * is carried forward exactly as proved — r ← L_i·r + e_i, with each step
 * built on its exact image box grown by the r reached so far.
 */
import { FrameBuilder } from './frames.js';
import { type Sentence } from './sentence.js';
import {
  applyStep,
  type Box,
  buildStep,
  hasError,
  imageBox,
  inflate,
  linearPart,
  lipschitz,
  norm2,
  type Step,
  SentenceTooLong,
  type StepReport,
} from './steps.js';

/** A sentence for a plan, with what each step cost and a proved error bound. */
export interface BuiltPlan {
  readonly sentence: Sentence;
  /**
   * A proved bound on the sup distance (Euclidean) between the sentence's map
   * and the plan's map on the domain, in exact arithmetic.
   */
  readonly bound: number;
  readonly steps: readonly StepReport[];
  /** Words spent returning both coordinates to the identity frame at the end. */
  readonly finishWords: number;
}

/** The plan's exact map at (x, y) (each step in doubles). */
export function applyPlan(steps: readonly Step[], x: number, y: number): [number, number] {
  let p: [number, number] = [x, y];
  for (const s of steps) p = applyStep(s, p[0], p[1]);
  return p;
}

/** Relative weight of each step kind in the budget: the expensive constructions get more of ε. */
function weight(step: Step): number {
  switch (step.kind) {
    case 'coupling':
      return 16;
    case 'scale':
      return 16;
    case 'scale2':
      return 0;
    default:
      return 1;
  }
}

/**
 * Builds a plan on `domain` within `eps` (a proved bound, before floating
 * point). `shares`, if given, overrides the budget weights per step.
 */
export function buildPlan(
  steps: readonly Step[],
  domain: Box,
  eps: number,
  shares?: readonly number[],
  maxLength = Infinity,
): BuiltPlan {
  // Exact image boxes and Lipschitz constants, then the budgets (with the images grown by ε for safety margin).
  const boxes = imageBoxes(steps, domain);
  const lips = steps.map((s, i) => lipschitz(s, inflate(boxes[i]!, eps)));
  const weights = steps.map((s, i) => (hasError(s) ? (shares?.[i] ?? weight(s)) : 0));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const after = lipschitzAfter(steps, lips);
  const b = new FrameBuilder();
  const reports: StepReport[] = [];
  let r = 0;
  steps.forEach((s, i) => {
    const budget = (eps * 0.999 * weights[i]!) / total / after[i + 1]! || eps * 1e-3;
    const box = inflate(boxes[i]!, r);
    const report = buildStep(b, s, box, budget, maxLength);
    if (b.length > maxLength) throw new SentenceTooLong(`step ${i + 1} of ${steps.length} (${s.kind})`, maxLength);
    reports.push(report);
    r = lipschitz(s, box) * r + report.error;
  });
  // The telescoping bound Σ e_i·Lip(steps after i): the boxes above were grown by the cruder r, so they hold every
  // point the sentence visits and the Lipschitz constants are valid there.
  const grownLips = steps.map((s, i) => lipschitz(s, inflate(boxes[i]!, Math.max(eps, r))));
  const grownAfter = lipschitzAfter(steps, grownLips);
  const bound = Math.min(
    r,
    reports.reduce((acc, rep, i) => acc + rep.error * grownAfter[i + 1]!, 0),
  );
  const before = b.length;
  const sentence = b.finish();
  return { sentence, bound, steps: reports, finishWords: b.length - before };
}

/**
 * The box of each intermediate image: affine steps map the corners of a
 * convex polygon to the corners of its image exactly, so runs of shears keep
 * a tight hull (an interval box would grow with every shear); a coupling
 * falls back to the interval image of the polygon's bounding box.
 */
function imageBoxes(steps: readonly Step[], domain: Box): Box[] {
  let corners: [number, number][] = [
    [domain.x0, domain.y0],
    [domain.x1, domain.y0],
    [domain.x1, domain.y1],
    [domain.x0, domain.y1],
  ];
  const boxOf = (ps: readonly (readonly [number, number])[]): Box => {
    const xs = ps.map((p) => p[0]);
    const ys = ps.map((p) => p[1]);
    // Rounding in the corner images: grow by a few ulps of the extent.
    const grow = 16 * Number.EPSILON * Math.max(...xs.map(Math.abs), ...ys.map(Math.abs), 1);
    return {
      x0: Math.min(...xs) - grow,
      x1: Math.max(...xs) + grow,
      y0: Math.min(...ys) - grow,
      y1: Math.max(...ys) + grow,
    };
  };
  const out: Box[] = [domain];
  for (const s of steps) {
    if (linearPart(s) !== null) corners = corners.map(([x, y]) => applyStep(s, x, y));
    else {
      const b = imageBox(s, boxOf(corners));
      corners = [
        [b.x0, b.y0],
        [b.x1, b.y0],
        [b.x1, b.y1],
        [b.x0, b.y1],
      ];
    }
    out.push(boxOf(corners));
  }
  return out;
}

type M = readonly [number, number, number, number];
const mul = ([a, b, c, d]: M, [e, f, g, h]: M): M => [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h];

/**
 * after[i] = a Lipschitz constant of steps i, i+1, … composed: runs of affine
 * steps are multiplied out (the norm of the product, not the product of
 * norms), couplings contribute their own constant.
 */
function lipschitzAfter(steps: readonly Step[], lips: readonly number[]): Float64Array {
  const after = new Float64Array(steps.length + 1);
  after[steps.length] = 1;
  let k = 1;
  let m: M = [1, 0, 0, 1];
  for (let i = steps.length - 1; i >= 0; i--) {
    const lin = linearPart(steps[i]!);
    if (lin === null) {
      k = k * norm2(m) * lips[i]!;
      m = [1, 0, 0, 1];
      after[i] = k;
    } else {
      m = mul(m, lin);
      after[i] = k * norm2(m);
    }
  }
  return after;
}

/** A 2×2 matrix [[a, b], [c, d]] acting on column vectors (x, y). */
export interface Matrix2 {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** The three shears of a rotation by |θ| ≤ π/2 (x += −tan(θ/2)·y, y += sin θ·x, x += −tan(θ/2)·y). */
function rotationSteps(theta: number): Step[] {
  if (theta === 0) return [];
  if (Math.abs(theta) > Math.PI / 2) return [...rotationSteps(theta / 2), ...rotationSteps(theta / 2)];
  const t = -Math.tan(theta / 2);
  return [
    { kind: 'shear', axis: 'x', t },
    { kind: 'shear', axis: 'y', t: Math.sin(theta) },
    { kind: 'shear', axis: 'x', t },
  ];
}

/**
 * diag(1/a, a) as six shears (Whitehead's lemma), first applied first:
 * x += a·y, y −= x/a, x += a·y, then x −= y, y += x, x −= y.
 */
function squeezeSteps(a: number): Step[] {
  return [
    { kind: 'shear', axis: 'x', t: a },
    { kind: 'shear', axis: 'y', t: -1 / a },
    { kind: 'shear', axis: 'x', t: a },
    { kind: 'shear', axis: 'x', t: -1 },
    { kind: 'shear', axis: 'y', t: 1 },
    { kind: 'shear', axis: 'x', t: -1 },
  ];
}

/**
 * z ↦ A·z + c with det A > 0 as steps: A = R(θ)·diag(p, r)·[[1, q/p], [0, 1]]
 * (QR), diag(p, r) = diag(2^i, 2^j)·diag(λ, 1)·diag(1/a, a) with a = r/2^j
 * near 1 and λ ∈ [1, 2) (λ = 1 exactly when det is a power of two, then no
 * sx word is needed).
 */
export function affineSteps(m: Matrix2, cx: number, cy: number): Step[] {
  const det = m.a * m.d - m.b * m.c;
  if (!(det > 0)) throw new RangeError('affine steps need det > 0');
  const p = Math.hypot(m.a, m.c);
  const theta = Math.atan2(m.c, m.a);
  // R(−θ)·A = [[p, q], [0, r]].
  const q = (m.a * m.b + m.c * m.d) / p;
  const r = det / p;
  const steps: Step[] = [];
  const shear = q / p;
  if (shear !== 0) steps.push({ kind: 'shear', axis: 'x', t: shear });
  const j = Math.round(Math.log2(r));
  const a = r / 2 ** j;
  let i = Math.floor(Math.log2(det / 2 ** j));
  let lambda = det / 2 ** j / 2 ** i;
  if (lambda >= 2) {
    lambda /= 2;
    i++;
  }
  // The diagonal factors commute; the sx scaling goes first, on the smallest box (its cost grows with the box).
  if (Math.abs(lambda - 1) > 8 * Number.EPSILON) steps.push({ kind: 'scale', axis: 'x', lambda });
  if (Math.abs(a - 1) > 4 * Number.EPSILON) steps.push(...squeezeSteps(a));
  if (i !== 0 || j !== 0) steps.push({ kind: 'scale2', kx: i, ky: j });
  steps.push(...rotationSteps(theta));
  if (cx !== 0 || cy !== 0) steps.push({ kind: 'translate', dx: cx, dy: cy });
  return steps;
}

/**
 * A model of the words a step costs as a function of its budget β, for
 * sharing ε where it is cheapest: a stretch spends about one bump of kinks
 * per (e − 1)·β of its displacement's variation (words ≈ C/β), a coupling
 * one knot per √(8β/‖g''‖) of its interval (words ≈ C/√β), a shear or a
 * translation a few words per bit of its parameter (words ≈ C·log₂(1/β)).
 */
interface CostModel {
  readonly power: 1 | 0.5 | 0;
  readonly c: number;
}

function costModel(step: Step, box: Box): CostModel | null {
  const span = (a: 'x' | 'y'): [number, number] => (a === 'x' ? [box.x0, box.x1] : [box.y0, box.y1]);
  switch (step.kind) {
    case 'stretch': {
      const [l, h] = span(step.axis);
      // Two kinks and about two moves per bump; a bump shifts by (e − 1)·(its length) ≤ 1.4·β.
      return { power: 1, c: Math.max((4 * step.d.slope(l, h) * (h - l)) / 1.4, 1e-12) };
    }
    case 'coupling': {
      const [l, h] = span(step.axis === 'x' ? 'y' : 'x');
      // A knot and a slope change per piece; the knots are √(8β/‖g''‖) apart when half the budget is interpolation.
      return { power: 0.5, c: Math.max(2 * (h - l) * Math.sqrt(step.g.curvature(l, h) / 4), 1e-12) };
    }
    case 'scale2':
      return null;
    case 'scale':
      return { power: 1, c: 2 * Math.abs(Math.log(step.lambda)) + 1 };
    default:
      return { power: 0, c: 3 };
  }
}

/**
 * Budgets β_i with Σ β_i = ε minimizing the modelled words Σ cost_i(β_i)
 * (Lagrange: C/β² = λ, C/(2β^{3/2}) = λ, C/(β·ln 2) = λ; λ by bisection).
 */
export function measuredBudgets(steps: readonly Step[], boxes: readonly Box[], eps: number): Float64Array {
  const models = steps.map((s, i) => costModel(s, boxes[i]!));
  const at = (lambda: number): Float64Array =>
    Float64Array.from(models, (m) => {
      if (m === null) return 0;
      if (m.power === 1) return Math.sqrt(m.c / lambda);
      if (m.power === 0.5) return (m.c / (2 * lambda)) ** (2 / 3);
      return m.c / (lambda * Math.LN2);
    });
  const total = (lambda: number): number => at(lambda).reduce((a, b) => a + b, 0);
  let lo = -200;
  let hi = 200;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (total(Math.exp(mid)) > eps) lo = mid;
    else hi = mid;
  }
  return at(Math.exp(hi));
}

/**
 * The words the cost models predict for the steps on the domain within ε
 * (budgets shared as `buildMeasuredPlan` shares them): for choosing between
 * splittings before building either.
 */
export function modelledWords(steps: readonly Step[], domain: Box, eps: number): number {
  const boxes = sampledBoxes(steps, domain, 4 * eps);
  const budgets = measuredBudgets(steps, boxes, eps);
  let words = 0;
  steps.forEach((s, i) => {
    const m = costModel(s, boxes[i]!);
    const b = budgets[i]!;
    if (m === null || !(b > 0)) return;
    words += m.power === 0 ? m.c * Math.max(1, Math.log2(1 / b)) : m.c / b ** m.power;
  });
  return words;
}

/**
 * The hull of the images of sample points of the domain (its boundary
 * densely, the inside on a grid) after each step. Not a proof: the maps are
 * homeomorphisms close to the identity frame by frame, and the hull is grown
 * by a margin.
 */
export function sampledBoxes(steps: readonly Step[], domain: Box, margin: number): Box[] {
  const pts: [number, number][] = [];
  const side = 256;
  for (let i = 0; i <= side; i++) {
    const s = i / side;
    const x = domain.x0 + (domain.x1 - domain.x0) * s;
    const y = domain.y0 + (domain.y1 - domain.y0) * s;
    pts.push([x, domain.y0], [x, domain.y1], [domain.x0, y], [domain.x1, y]);
  }
  for (let i = 1; i < 16; i++)
    for (let j = 1; j < 16; j++)
      pts.push([domain.x0 + ((domain.x1 - domain.x0) * i) / 16, domain.y0 + ((domain.y1 - domain.y0) * j) / 16]);
  const hull = (): Box => {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [x, y] of pts) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    const grow = margin + 0.05 * Math.max(x1 - x0, y1 - y0);
    return { x0: x0 - grow, x1: x1 + grow, y0: y0 - grow, y1: y1 + grow };
  };
  const out: Box[] = [];
  for (const s of steps) {
    out.push(hull());
    for (const p of pts) {
      const [x, y] = applyStep(s, p[0], p[1]);
      p[0] = x;
      p[1] = y;
    }
  }
  out.push(hull());
  return out;
}

/**
 * Builds a plan whose total error is judged by measurement, not proof (the
 * fitted-field and isotopy targets: hundreds of steps in changing integer
 * frames, where a Lipschitz product would be far too pessimistic). Each
 * step gets ε·w/Σw and is built on the sampled hull of
 * the images; every step's own error is still proved on its box, but the
 * composition's error is the caller's to measure. `bound` is null.
 */
export function buildMeasuredPlan(
  steps: readonly Step[],
  domain: Box,
  eps: number,
  maxLength = Infinity,
): Omit<BuiltPlan, 'bound'> & { bound: null } {
  const boxes = sampledBoxes(steps, domain, 4 * eps);
  // The steps' errors were measured to add up coherently (a budget of ε/√N let 90 steps reach 90·ε/√N), so each gets
  // its share of a sum, shared where words are cheapest.
  const budgets = measuredBudgets(steps, boxes, eps);
  const b = new FrameBuilder();
  const reports: StepReport[] = [];
  steps.forEach((s, i) => {
    const budget = budgets[i]! || eps * 1e-3;
    const report = buildStep(b, s, boxes[i]!, budget, maxLength);
    if (b.length > maxLength) throw new SentenceTooLong(`step ${i + 1} of ${steps.length} (${s.kind})`, maxLength);
    reports.push(report);
  });
  const before = b.length;
  const sentence = b.finish();
  return { sentence, bound: null, steps: reports, finishWords: b.length - before };
}
