/**
 * `approximateMap`: a target map of the plane → one sentence over V* within
 * ε on a box, with a proved bound where the construction gives one. Targets
 * are affine maps with det > 0, coupling maps (x, y + g(x)) and
 * (x + h(y), y), time-T maps of separable fields (x' = a(y), y' = b(x), by
 * Strang or Yoshida splitting into coupling maps), and compositions of these
 * (first applied first). Everything becomes one list of elementary steps,
 * so a composition shares one error budget and one frame bookkeeping. Fitted
 * fields and general maps (isotopies) are built alone; a composition with a
 * general map is built piece by piece, its ε shared through the Lipschitz
 * constants of the pieces after each (`compositionBudget`).
 */
import { OutOfTime, TimeBudget } from './budget.js';
import { type Axis } from './frames.js';
import { frozenFieldSteps, ridgeSplittingSteps } from './field.js';
import {
  affineSteps,
  type BuiltPlan,
  buildMeasuredPlan,
  buildPlan,
  imageBoxes,
  type Matrix2,
  modelledWords,
} from './plan.js';
import { type RidgeField } from './ridge.js';
import { compileSentence, invertSentence, runCompiledSentenceMany, type Sentence, sentenceLength } from './sentence.js';
import {
  applyStep,
  type Box,
  type Function1,
  inflate,
  linearPart,
  lipschitz,
  norm2,
  SentenceTooLong,
  type Step,
  type StepReport,
} from './steps.js';

/** A separable vector field x' = a(y), y' = b(x) (Hamiltonian when a, b come from H = T(y) + V(x)). */
export interface SeparableField {
  /** x' as a function of y. */
  readonly a: Function1;
  /** y' as a function of x. */
  readonly b: Function1;
}

/** What `approximateMap` can approximate. */
export type MapTarget =
  /** z ↦ M·z + (cx, cy), det M > 0. */
  | { readonly kind: 'affine'; readonly matrix: Matrix2; readonly offset: readonly [number, number] }
  /** axis += g(other coordinate): (x, y + g(x)) for axis 'y', (x + g(y), y) for axis 'x'. */
  | { readonly kind: 'coupling'; readonly axis: Axis; readonly g: Function1 }
  /**
   * The time-T map of a separable field. `split` fixes the splitting
   * (default: whichever of Strang and Yoshida gives the shorter sentence),
   * `steps` its number of steps (default: chosen from ε by measuring the
   * splitting against `reference`).
   */
  | {
      readonly kind: 'flow';
      readonly field: SeparableField;
      readonly time: number;
      readonly split?: 'strang' | 'yoshida';
      readonly steps?: number;
    }
  /** The parts applied in order, first part first. */
  | { readonly kind: 'compose'; readonly parts: readonly MapTarget[] }
  /**
   * The time-T map of a ridge-fitted field (any field: the fit is judged by
   * the reference, which must be the true flow), split over its terms.
   */
  | {
      readonly kind: 'ridgeFlow';
      /**
       * The field fitted to within a tolerance (the fit's error is part of the measured splitting error); the
       * fit checks the time budget, if given, as it goes.
       */
      readonly fit: (tolerance: number, time?: TimeBudget) => RidgeField;
      readonly time: number;
      readonly split?: 'strang' | 'yoshida';
      readonly steps?: number;
    }
  /**
   * A diffeomorphism f as the time-1 map of its straight-line isotopy
   * f_t = (1 − t)·id + t·f: `frozen(t, tol)` is the isotopy's velocity field
   * at time t, fitted to within tol where it can be; step k flows the field frozen at its midpoint. With
   * `backward`, the isotopy is run from 1 to 0 (the inverse f⁻¹). Inside a
   * composition it needs `map` (f itself, and the target on other boxes).
   */
  | {
      readonly kind: 'isotopy';
      readonly frozen: (t: number, tolerance: number, time?: TimeBudget) => RidgeField;
      readonly backward?: boolean;
      readonly split?: 'strang' | 'yoshida';
      readonly steps?: number;
      readonly map?: GeneralMap;
    };

/**
 * A general map f inside a composition: what the composition's error budget
 * needs to know of it, and its isotopy target on the box it must be built on
 * (the image of the parts before it, grown by their error).
 */
export interface GeneralMap {
  /** f at a point (the reference its sentence is measured against). */
  readonly at: (x: number, y: number) => readonly [number, number];
  /** A box containing f's image of a box (proved, e.g. by interval arithmetic). */
  readonly imageBox: (box: Box) => Box;
  /** A Lipschitz constant (Euclidean) of f on a box (proved, e.g. by interval bounds on its Jacobian). */
  readonly lipschitz: (box: Box) => number;
  /** f's isotopy target on another box (proved and fitted there), or a refusal saying why not. */
  readonly on: (box: Box) => Extract<MapTarget, { kind: 'isotopy' }>;
}

/** Options of `approximateMap`. */
export interface ApproximateOptions {
  /** The box Ω on which the sentence must be within ε. */
  readonly domain: Box;
  /** The tolerance ε (sup of the Euclidean distance on Ω). */
  readonly eps: number;
  /** Refuse (throw `SentenceTooLong`) rather than write a longer sentence. */
  readonly maxLength?: number;
  /**
   * The (forward) target map computed independently (closed form, or an
   * accurate integrator for flows). Needed for flows, where the splitting
   * error is measured against it to choose the number of steps before
   * building — also with `inverse`, whose steps are the forward splitting's
   * steps undone in reverse order.
   */
  readonly reference?: (x: number, y: number) => readonly [number, number];
  /** Approximate the inverse map f⁻¹ on the domain instead (steps reversed, each inverted). */
  readonly inverse?: boolean;
  /**
   * Stop (throw `OutOfTime`, saying how far the build got) once this many
   * seconds have passed. The clock is read between units of work — a fit,
   * a splitting tried, a step of words — so the build stops within about a
   * second of it; nothing is interrupted from outside.
   */
  readonly maxSeconds?: number;
  /** A time budget shared with other builds (the rows of a curve); used instead of `maxSeconds`. */
  readonly budget?: TimeBudget;
}

/** How a flow target was split. */
export interface SplittingReport {
  readonly method: 'strang' | 'yoshida';
  readonly steps: number;
  /** The splitting's own error against the reference, measured on a grid (no words involved). */
  readonly measured: number;
  readonly grid: number;
}

/** A sentence for a target, and where its words went. */
export interface Approximation {
  readonly sentence: Sentence;
  readonly length: number;
  /**
   * A proved bound on the sup distance between the sentence's map (exact
   * arithmetic) and the target on the domain, or null when no proof exists
   * (flows: the splitting error is measured, not proved).
   */
  readonly bound: number | null;
  /**
   * The bound between the sentence and the planned composition of steps (for
   * flows: the splitting, not the flow); null for fitted fields and
   * isotopies, whose words are judged by measurement.
   */
  readonly constructionBound: number | null;
  /** The elementary steps, first applied first, with their words and bounds. */
  readonly steps: readonly StepReport[];
  /** Words spent returning to the identity frame at the end. */
  readonly finishWords: number;
  readonly splitting: SplittingReport | null;
  /** For a composition with a general map: its parts as built, with the error budget that joins them. */
  readonly composition?: readonly CompositionPart[];
}

/**
 * One piece of a composition with a general map: a general map, or a run of
 * affine and coupling parts built as one plan. Its error e reaches the end
 * multiplied by the Lipschitz constants of the pieces after it, so the total
 * is Σ e·weight ≤ ε.
 */
export interface CompositionPart {
  /** The parts of the composition it holds, 0-based, first and last. */
  readonly parts: readonly [number, number];
  readonly kind: 'plain' | 'general';
  /** The box it was built on: the domain, or the previous piece's image box grown by the error reached there. */
  readonly box: Box;
  /** Its share of ε on that box. */
  readonly eps: number;
  /** A Lipschitz constant of its map on its box (proved by interval arithmetic). */
  readonly lipschitz: number;
  /** The product of the later pieces' Lipschitz constants: what its error is multiplied by at the end. */
  readonly weight: number;
  /** A proved bound on its own error on its box (plain pieces), or null (a general map's error is measured). */
  readonly bound: number | null;
  readonly words: number;
  /** A general map's splitting. */
  readonly splitting: SplittingReport | null;
}

function scaled(g: Function1, c: number): Function1 {
  const k = Math.abs(c);
  return {
    at: (v) => c * g.at(v),
    range: (a, b) => {
      const [lo, hi] = g.range(a, b);
      return c >= 0 ? [c * lo, c * hi] : [c * hi, c * lo];
    },
    slope: (a, b) => k * g.slope(a, b),
    curvature: (a, b) => k * g.curvature(a, b),
    ...(g.linear === undefined ? {} : { linear: { slope: c * g.linear.slope, offset: c * g.linear.offset } }),
  };
}

/** A coupling step, or a shear plus a translation when g is known to be affine. */
function couplingSteps(axis: Axis, g: Function1): Step[] {
  if (g.linear === undefined) return [{ kind: 'coupling', axis, g }];
  const out: Step[] = [];
  if (g.linear.slope !== 0) out.push({ kind: 'shear', axis, t: g.linear.slope });
  if (g.linear.offset !== 0)
    out.push({ kind: 'translate', dx: axis === 'x' ? g.linear.offset : 0, dy: axis === 'y' ? g.linear.offset : 0 });
  return out;
}

/** Yoshida's 4th-order coefficients (drift c1..c4, kick d1..d3). */
const CBRT2 = Math.cbrt(2);
const W1 = 1 / (2 - CBRT2);
const W0 = -CBRT2 / (2 - CBRT2);
const YOSHIDA_DRIFT = [W1 / 2, (W0 + W1) / 2, (W0 + W1) / 2, W1 / 2];
const YOSHIDA_KICK = [W1, W0, W1];

/** The splitting as (drift, kick) coefficients per unit step, drifts first and last (adjacent drifts merged). */
function splittingSchedule(method: 'strang' | 'yoshida', n: number): { kind: 'drift' | 'kick'; c: number }[] {
  const one = method === 'strang' ? { drift: [0.5, 0.5], kick: [1] } : { drift: YOSHIDA_DRIFT, kick: YOSHIDA_KICK };
  const out: { kind: 'drift' | 'kick'; c: number }[] = [];
  for (let s = 0; s < n; s++) {
    one.kick.forEach((k, i) => {
      const d = one.drift[i]!;
      const last = out[out.length - 1];
      if (last !== undefined && last.kind === 'drift') out[out.length - 1] = { kind: 'drift', c: last.c + d };
      else out.push({ kind: 'drift', c: d });
      out.push({ kind: 'kick', c: k });
    });
    out.push({ kind: 'drift', c: one.drift[one.drift.length - 1]! });
  }
  return out;
}

/** The elementary steps of a splitting of the time-T map: drifts x += τ·a(y), kicks y += τ·b(x). */
export function splittingSteps(field: SeparableField, time: number, method: 'strang' | 'yoshida', n: number): Step[] {
  const h = time / n;
  return splittingSchedule(method, n).flatMap(({ kind, c }) =>
    kind === 'drift' ? couplingSteps('x', scaled(field.a, c * h)) : couplingSteps('y', scaled(field.b, c * h)),
  );
}

/** Inverse of one step. */
function invertStep(s: Step): Step {
  switch (s.kind) {
    case 'shear':
      return { ...s, t: -s.t };
    case 'coupling':
      return { ...s, g: scaled(s.g, -1) };
    case 'scale2':
      return { kind: 'scale2', kx: -s.kx, ky: -s.ky };
    case 'scale':
      return { ...s, lambda: 1 / s.lambda };
    case 'translate':
      return { kind: 'translate', dx: -s.dx, dy: -s.dy };
    case 'stretch':
      // Stretches come from fields, whose inverse is the flow run backwards (built as such by the caller).
      throw new RangeError('a stretch step is inverted by building the backward flow, not step by step');
  }
}

/** Applies the steps exactly (in doubles): the plan's own map. */
function applySteps(steps: readonly Step[], x: number, y: number): [number, number] {
  let p: [number, number] = [x, y];
  for (const s of steps) p = applyStep(s, p[0], p[1]);
  return p;
}

/** The sup distance between two maps on an n×n grid of the box. */
export function gridDistance(
  f: (x: number, y: number) => readonly [number, number],
  g: (x: number, y: number) => readonly [number, number],
  box: Box,
  n: number,
): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const x = box.x0 + ((box.x1 - box.x0) * i) / (n - 1);
    for (let j = 0; j < n; j++) {
      const y = box.y0 + ((box.y1 - box.y0) * j) / (n - 1);
      const [a, b] = f(x, y);
      const [c, d] = g(x, y);
      const e = Math.hypot(a - c, b - d);
      if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
    }
  }
  return worst;
}

/**
 * The sup distance between a sentence (evaluated in doubles, all points at
 * once) and `g` on an n×n grid of the box. `g` is also given the sentence's
 * value at the point, for references that start from it (Newton's inverse).
 */
export function sentenceGridDistance(
  sentence: Sentence,
  g: (x: number, y: number, sentenceValue: readonly [number, number]) => readonly [number, number],
  box: Box,
  n: number,
): number {
  const xs = new Float64Array(n * n);
  const ys = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      xs[i * n + j] = box.x0 + ((box.x1 - box.x0) * i) / (n - 1);
      ys[i * n + j] = box.y0 + ((box.y1 - box.y0) * j) / (n - 1);
    }
  const us = xs.slice();
  const vs = ys.slice();
  runCompiledSentenceMany(compileSentence(sentence), us, vs);
  let worst = 0;
  for (let k = 0; k < n * n; k++) {
    const [c, d] = g(xs[k]!, ys[k]!, [us[k]!, vs[k]!]);
    const e = Math.hypot(us[k]! - c, vs[k]! - d);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/** The grid on which the splitting error is measured when choosing the number of steps. */
const SPLIT_GRID = 33;

const sci = (v: number): string => (v === 0 ? '0' : v.toExponential(2));
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The finer grid a fitted sentence built with a relaxed budget must also pass. */
const RELAXED_GRID = 65;

interface Flattened {
  readonly steps: Step[];
  /** Tolerance left for the construction after the measured splitting errors. */
  readonly splitting: SplittingReport | null;
}

function chooseSplitting(
  target: Extract<MapTarget, { kind: 'flow' }>,
  domain: Box,
  share: number,
  reference: ((x: number, y: number) => readonly [number, number]) | undefined,
  method: 'strang' | 'yoshida',
  time: TimeBudget | undefined,
): { steps: Step[]; report: SplittingReport } {
  return chooseSteps(
    (n) => splittingSteps(target.field, target.time, method, n),
    target.steps,
    domain,
    share,
    reference,
    method,
    time,
  );
}

/**
 * Called with a number of splitting steps that misses its share of ε, before
 * more are tried, with the error of half as many steps (Infinity for n = 1):
 * may refuse early by throwing.
 */
type TooFewSteps = (n: number, steps: readonly Step[], measured: number, previous: number) => void;

/**
 * The fewest splitting steps n (doubling, then bisecting) whose steps meet
 * `share` against the reference on the splitting grid; `fixed` overrides.
 * The time budget is checked before each n is made and measured, and says
 * which n were tried with what error.
 */
function chooseSteps(
  make: (n: number) => Step[],
  fixed: number | undefined,
  domain: Box,
  share: number,
  reference: ((x: number, y: number) => readonly [number, number]) | undefined,
  method: 'strang' | 'yoshida',
  time?: TimeBudget,
  tooFew?: TooFewSteps,
): { steps: Step[]; report: SplittingReport } {
  const tried: string[] = [];
  const attempt = (n: number): { steps: Step[]; measured: number } => {
    time?.detail(`trying ${plural(n, 'step')}${tried.length === 0 ? '' : ` (tried: ${tried.join(', ')})`}`);
    time?.check();
    const steps = make(n);
    time?.check();
    const measured =
      reference === undefined ? NaN : gridDistance((x, y) => applySteps(steps, x, y), reference, domain, SPLIT_GRID);
    tried.push(`${n} → ${sci(measured)}`);
    return { steps, measured };
  };
  if (fixed !== undefined) {
    const { steps, measured } = attempt(fixed);
    return { steps, report: { method, steps: fixed, measured, grid: SPLIT_GRID } };
  }
  if (reference === undefined) throw new RangeError('a flow needs a reference map to choose its number of steps');
  // The reference is the expensive side (an accurate integrator): evaluate it once per grid point.
  const cache = new Map<string, readonly [number, number]>();
  const cached = reference;
  reference = (x, y) => {
    const key = `${x},${y}`;
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = cached(x, y)));
    return v;
  };
  let previous = Infinity;
  for (let n = 1; n <= 1 << 14; n *= 2) {
    const { steps, measured } = attempt(n);
    if (measured <= share) {
      // Bisect down between n/2 and n for the fewest steps that still meet the share.
      let lo = Math.max(1, n / 2);
      let best = { n, steps, measured };
      while (lo + 1 < best.n) {
        const mid = Math.floor((lo + best.n) / 2);
        const s = attempt(mid);
        if (s.measured <= share) best = { n: mid, steps: s.steps, measured: s.measured };
        else lo = mid;
      }
      return { steps: best.steps, report: { method, steps: best.n, measured: best.measured, grid: SPLIT_GRID } };
    }
    tooFew?.(n, steps, measured, previous);
    previous = measured;
  }
  throw new RangeError('the splitting did not converge within 16 384 steps');
}

/** The steps of a target (flows need the reference and a share of ε for their splitting). */
function flatten(
  target: MapTarget,
  domain: Box,
  eps: number,
  reference: ((x: number, y: number) => readonly [number, number]) | undefined,
  method: 'strang' | 'yoshida',
  time: TimeBudget | undefined,
): Flattened {
  switch (target.kind) {
    case 'affine': {
      const det = target.matrix.a * target.matrix.d - target.matrix.b * target.matrix.c;
      if (!(det > 0)) throw new RangeError('an affine target needs det > 0');
      return { steps: affineSteps(target.matrix, target.offset[0], target.offset[1]), splitting: null };
    }
    case 'coupling':
      return { steps: couplingSteps(target.axis, target.g), splitting: null };
    case 'flow': {
      // A third of ε (with a margin for the grid) for the splitting, the rest for the words.
      time?.stage(`choosing the number of steps of the ${methodName(target.split ?? method)} splitting`);
      const { steps, report } = chooseSplitting(target, domain, eps / 4, reference, target.split ?? method, time);
      return { steps, splitting: report };
    }
    case 'ridgeFlow':
    case 'isotopy':
      throw new RangeError('a fitted field or an isotopy can only be approximated on its own');
    case 'compose': {
      const steps: Step[] = [];
      let splitting: SplittingReport | null = null;
      if (target.parts.some((p) => p.kind === 'flow') && target.parts.length > 1)
        throw new RangeError('a flow can only be approximated on its own, not inside a composition');
      for (const part of target.parts) {
        const f = flatten(part, domain, eps, reference, method, time);
        steps.push(...f.steps);
        splitting = f.splitting ?? splitting;
      }
      return { steps, splitting };
    }
  }
}

function hasFlow(t: MapTarget): boolean {
  return t.kind === 'flow' || (t.kind === 'compose' && t.parts.some(hasFlow));
}

const methodName = (m: 'strang' | 'yoshida'): string => (m === 'strang' ? 'Strang' : 'Yoshida');

function build(
  steps: readonly Step[],
  splitting: SplittingReport | null,
  options: ApproximateOptions,
  eps: number,
  time: TimeBudget | undefined,
): Approximation {
  const plan: readonly Step[] = options.inverse ? steps.map(invertStep).reverse() : steps;
  time?.stage(`writing the words of ${plural(plan.length, 'elementary step')}`);
  const built: BuiltPlan = buildPlan(plan, options.domain, eps, undefined, options.maxLength, time);
  const length = sentenceLength(built.sentence);
  if (options.maxLength !== undefined && length > options.maxLength)
    throw new SentenceTooLong('this target at this ε', options.maxLength);
  return {
    sentence: built.sentence,
    length,
    bound: splitting === null ? built.bound : null,
    constructionBound: built.bound,
    steps: built.steps,
    finishWords: built.finishWords,
    splitting,
  };
}

/** The time budget of a call: the shared one, a new one of `maxSeconds`, or none. */
function timeBudgetOf(options: ApproximateOptions): TimeBudget | undefined {
  if (options.budget !== undefined) return options.budget;
  return options.maxSeconds === undefined ? undefined : new TimeBudget(options.maxSeconds);
}

/**
 * A sentence over V* within ε of the target on the domain. For targets
 * other than flows the bound is proved (given the `Function1` bounds); for
 * flows the splitting error is measured against `options.reference` before
 * the words are written, ε/4 of the budget goes to it, and `bound` is null —
 * measure the result against the reference (see `gridDistance`).
 *
 * Throws RangeError for targets outside what is supported (det ≤ 0, a flow
 * without a reference), `SentenceTooLong` past `maxLength` (for fitted
 * targets possibly before the words are written, from the words of a part
 * of a splitting that is still too coarse) and `OutOfTime` past the time
 * budget, saying how far the build got.
 */
export function approximateMap(target: MapTarget, options: ApproximateOptions): Approximation {
  const { domain, eps } = options;
  if (!(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`ε must be a positive number, got ${eps}`);
  const time = timeBudgetOf(options);
  time?.check();
  if (target.kind === 'ridgeFlow' || target.kind === 'isotopy') return approximateMeasured(target, options, time);
  if (target.kind === 'compose' && target.parts.some((p) => p.kind === 'isotopy'))
    return approximateComposition(target.parts, options, time);
  if (!hasFlow(target)) {
    const { steps } = flatten(target, domain, eps, options.reference, 'strang', time);
    return build(steps, null, options, eps, time);
  }
  const methods: ('strang' | 'yoshida')[] =
    target.kind === 'flow' && target.split !== undefined ? [target.split] : ['strang', 'yoshida'];
  let best: Approximation | undefined;
  for (const method of methods) {
    // A later method past the time budget leaves the sentence an earlier one found.
    try {
      // The splitting's share of ε starts at a quarter; if the finished sentence (forward) misses ε on the grid, the
      // splitting gets less and the words are rebuilt — at most three times.
      for (let share = eps / 4, attempt = 0; attempt < 3; attempt++, share /= 3) {
        const { steps, splitting } = flatten(target, domain, share * 4, options.reference, method, time);
        const measured = splitting?.measured ?? 0;
        // Leave the words what the splitting did not use, with a margin for points between the grid's.
        const left = Math.max(eps - 2 * measured, eps / 3);
        let a: Approximation;
        try {
          a = build(steps, splitting, options, left, time);
        } catch (e) {
          if (e instanceof SentenceTooLong && (best !== undefined || method !== methods[methods.length - 1])) break;
          throw e;
        }
        const reference = options.reference;
        time?.stage('measuring the sentence against the reference');
        const check =
          options.inverse || reference === undefined
            ? 0
            : sentenceGridDistance(a.sentence, reference, domain, SPLIT_GRID);
        if (check <= eps * 0.9 || attempt === 2) {
          if (best === undefined || a.length < best.length) best = a;
          break;
        }
      }
    } catch (e) {
      if (e instanceof OutOfTime && best !== undefined) break;
      throw e;
    }
  }
  if (best === undefined) throw new SentenceTooLong('this flow at this ε', options.maxLength ?? Infinity);
  return best;
}

/**
 * The inverse sentence of an approximation (each word undone, in reverse
 * order): f⁻¹ on f's image of the domain, approximately.
 */
export function inverseOf(a: Approximation): Sentence {
  return invertSentence(a.sentence);
}

/** The steps of a fitted-field or isotopy target with n splitting steps (fits of frozen fields cached by time). */
function measuredSteps(
  target: Extract<MapTarget, { kind: 'ridgeFlow' | 'isotopy' }>,
  method: 'strang' | 'yoshida',
  n: number,
  fits: Map<number, RidgeField>,
  tolerance: number,
  time: TimeBudget | undefined,
): Step[] {
  const cached = (t: number, fit: () => RidgeField): RidgeField => {
    let f = fits.get(t);
    if (f === undefined) {
      time?.item(`fitting a field (${plural(fits.size, 'field')} fitted so far)`);
      fits.set(t, (f = fit()));
    }
    return f;
  };
  if (target.kind === 'ridgeFlow')
    return ridgeSplittingSteps(
      cached(-1, () => target.fit(tolerance, time)),
      target.time,
      method,
      n,
    );
  const frozen = (t: number): RidgeField => cached(t, () => target.frozen(t, tolerance, time));
  const fields: { field: RidgeField; time: number }[] = [];
  for (let k = 0; k < n; k++) fields.push({ field: frozen((k + 0.5) / n), time: 1 / n });
  if (target.backward)
    return frozenFieldSteps(
      fields.reverse().map((f) => ({ ...f, time: -f.time })),
      method,
    );
  return frozenFieldSteps(fields, method);
}

/**
 * Refuses a fitted target early, before more fields are fitted or words
 * written, when a splitting that is still too coarse (n steps, missing its
 * share) already needs more than `maxLength` words: the first 1/n of its
 * elementary steps are written with the budgets they have in the whole plan
 * (given the whole of ε, the most the words can get), and their words times
 * n estimate the whole. A finer splitting has more steps, each with less of
 * ε, and has taken more words in every case measured (1.6–2.4 times as many
 * per doubling) — once the splitting converges: a splitting whose error did
 * not fall from half as many steps is far from the map, and its words say
 * nothing about the final sentence's.
 */
function refuseEarly(
  steps: readonly Step[],
  n: number,
  measured: number,
  previous: number,
  share: number,
  domain: Box,
  eps: number,
  maxLength: number,
  time: TimeBudget | undefined,
): void {
  if (!Number.isFinite(maxLength) || steps.length === 0 || !(measured < previous)) return;
  const first = Math.ceil(steps.length / n);
  time?.item(`estimating the length from the words of the first ${plural(first, 'elementary step')}`);
  let words: number;
  try {
    const part = buildMeasuredPlan(steps, domain, eps, maxLength, { firstSteps: first, ...(time ? { time } : {}) });
    words = part.steps.reduce((acc, r) => acc + r.words, 0);
  } catch (e) {
    if (!(e instanceof SentenceTooLong)) throw e;
    words = maxLength + 1;
  }
  const estimate = Math.round((words * steps.length) / first);
  if (estimate <= maxLength) return;
  const count = (v: number): string => v.toLocaleString('en-US');
  throw new SentenceTooLong(
    `estimated before the words were written: ${plural(n, 'splitting step')} erred ${sci(measured)}, more than ` +
      `the ${sci(share)} they may, and the first ${plural(first, 'elementary step')} of their ${count(steps.length)} ` +
      (words > maxLength
        ? `alone take more than ${count(maxLength)} words`
        : `take ${count(words)} words, about ${count(estimate)} for all`) +
      '; more steps take more words',
    maxLength,
  );
}

/**
 * Fitted fields and isotopies: the number of steps is chosen by measuring
 * the steps against `options.reference` (ε/4 of the budget), the words get
 * what the splitting left, and the finished sentence is measured against
 * the reference on the splitting grid; if it misses 0.9·ε, the words are
 * rebuilt with half the budget (at most twice more). No bound is proved.
 */
function approximateMeasured(
  target: Extract<MapTarget, { kind: 'ridgeFlow' | 'isotopy' }>,
  options: ApproximateOptions,
  time: TimeBudget | undefined,
): Approximation {
  const { domain, eps, reference } = options;
  const maxLength = options.maxLength ?? Infinity;
  if (reference === undefined) throw new RangeError('a fitted field or an isotopy needs a reference map');
  if (options.inverse) throw new RangeError('build the inverse as its own target (the backward flow or isotopy)');
  const methods: ('strang' | 'yoshida')[] = target.split !== undefined ? [target.split] : ['strang', 'yoshida'];
  const fits = new Map<number, RidgeField>();
  const what = target.kind === 'isotopy' ? "the isotopy's frozen fields" : 'the fitted field';
  const share = eps / 4;
  let tooLong: SentenceTooLong | undefined;
  // The fewest splitting steps whose words were estimated past maxLength (by the first method to be refused early).
  let refusedAt: number | undefined;
  // Each splitting's steps, and the words its cost models predict: only splittings within 15 % of the cheapest
  // prediction are built (a build of a long sentence is most of the time spent).
  const plans: { steps: Step[]; report: SplittingReport; words: number; predicted: number }[] = [];
  for (const method of methods) {
    time?.stage(
      `choosing the number of steps of the ${methodName(method)} splitting of ${what} (within ${sci(share)})`,
    );
    let chosen;
    try {
      chosen = chooseSteps(
        // The fit gets ε/8 of the field (its effect on the map is part of the splitting's measured error).
        (n) => measuredSteps(target, method, n, fits, eps / 8, time),
        target.steps,
        domain,
        share,
        reference,
        method,
        time,
        (n, steps, measured, previous) => {
          // A Yoshida step is three Strang steps whose times add up to 4.4 times its own: from as many steps as
          // a Strang splitting estimated past the limit, it takes more words still.
          if (method === 'yoshida' && refusedAt !== undefined && tooLong !== undefined && 2 * n >= refusedAt)
            throw new SentenceTooLong(
              `${tooLong.what}; nor did the Yoshida splitting meet its share with up to ${plural(n, 'step')}`,
              maxLength,
            );
          try {
            refuseEarly(steps, n, measured, previous, share, domain, eps, maxLength, time);
          } catch (e) {
            refusedAt ??= n;
            throw e;
          }
        },
      );
    } catch (e) {
      if (e instanceof SentenceTooLong) {
        tooLong = e;
        continue;
      }
      throw e;
    }
    const words = Math.max(eps - 2 * chosen.report.measured, eps / 3);
    plans.push({ ...chosen, words, predicted: modelledWords(chosen.steps, domain, words) });
  }
  plans.sort((x, y) => x.predicted - y.predicted);
  let best: Approximation | undefined;
  const attempt = (plan: (typeof plans)[number], words: number): { a: Approximation; check: number } | undefined => {
    time?.stage(
      `writing the words of the ${methodName(plan.report.method)} splitting (${plural(plan.report.steps, 'step')}, ` +
        `${plural(plan.steps.length, 'elementary step')})`,
    );
    let built;
    try {
      built = buildMeasuredPlan(plan.steps, domain, words, options.maxLength, time === undefined ? {} : { time });
    } catch (e) {
      if (e instanceof SentenceTooLong) {
        tooLong = e;
        return undefined;
      }
      throw e;
    }
    time?.stage('measuring the sentence against the reference');
    const check = sentenceGridDistance(built.sentence, reference, domain, SPLIT_GRID);
    const a: Approximation = {
      sentence: built.sentence,
      length: sentenceLength(built.sentence),
      bound: null,
      constructionBound: null,
      steps: built.steps,
      finishWords: built.finishWords,
      splitting: plan.report,
    };
    return { a, check };
  };
  const keep = (a: Approximation): void => {
    if (best === undefined || a.length < best.length) best = a;
  };
  for (const plan of plans) {
    if (plan.predicted > plans[0]!.predicted * 1.15) break;
    const split = plan.report.measured;
    // A build past the time budget leaves the sentence an earlier one found.
    try {
      for (let k = 0, words = plan.words; k < 3; k++, words /= 2) {
        const built = attempt(plan, words);
        if (built === undefined) break;
        if (built.check > eps * 0.9) continue;
        keep(built.a);
        // The words' errors rarely add up to their budgets: when the sentence is well inside ε, build once more
        // with the budget scaled towards 0.6·ε (at most 3 times), kept if it measures within 0.7·ε on both grids.
        const room = (0.6 * eps - split) / Math.max(built.check - split, eps * 1e-3);
        if (k === 0 && room > 1.3) {
          const relaxed = attempt(plan, words * Math.min(3, room));
          // Judged on a finer grid too: a sentence this close to ε must not pass on the coarse grid by luck.
          if (
            relaxed !== undefined &&
            relaxed.check <= eps * 0.7 &&
            sentenceGridDistance(relaxed.a.sentence, reference, domain, RELAXED_GRID) <= eps * 0.7
          )
            keep(relaxed.a);
        }
        break;
      }
    } catch (e) {
      if (e instanceof OutOfTime && best !== undefined) break;
      throw e;
    }
  }
  if (best === undefined) {
    if (tooLong !== undefined) throw tooLong;
    throw new RangeError(`no sentence within ε = ${eps} was found for this target (the fit or splitting fell short)`);
  }
  return best;
}

type M2 = readonly [number, number, number, number];
const mul2 = ([a, b, c, d]: M2, [e, f, g, h]: M2): M2 => [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h];

/**
 * A box containing the steps' image of `box` (affine runs map the corners of
 * a polygon exactly, see `imageBoxes`) and a Lipschitz constant of their
 * composition on it: runs of affine steps multiplied out, each coupling's
 * constant on its own input box.
 */
function stepsImageAndLipschitz(steps: readonly Step[], box: Box): { image: Box; lipschitz: number } {
  const boxes = imageBoxes(steps, box);
  let k = 1;
  let m: M2 = [1, 0, 0, 1];
  steps.forEach((s, i) => {
    const lin = linearPart(s);
    if (lin === null) {
      k *= norm2(m) * lipschitz(s, boxes[i]!);
      m = [1, 0, 0, 1];
    } else m = mul2(lin, m);
  });
  return { image: boxes[boxes.length - 1]!, lipschitz: k * norm2(m) };
}

/** A piece of a composition: a general map, or a run of plain parts with their steps. */
type Piece =
  | { readonly kind: 'general'; readonly first: number; readonly last: number; readonly map: GeneralMap }
  | { readonly kind: 'plain'; readonly first: number; last: number; readonly steps: Step[] };

/** ε's share of a general map against a run of plain parts (whose words cost far less per halving of ε). */
const PIECE_WEIGHT = { general: 1, plain: 0.25 } as const;

/**
 * The boxes, Lipschitz constants and shares of ε of the pieces: piece i is
 * built within e_i on B_i, where B_1 is the domain and B_{i+1} the image box
 * of B_i grown by r_i, the error reached after piece i (r_i = L_i·r_{i−1} +
 * e_i, L_i a Lipschitz constant on B_i, which holds the exact and the
 * approximate point alike). Shares e_i = w_i·ε / Π_{j>i} L_j make the total
 * r_k = ε. The boxes need the r_i and the r_i the boxes' constants: start
 * from margins of ε and grow the margins until each holds its r_i.
 */
function compositionBudget(
  pieces: readonly Piece[],
  domain: Box,
  eps: number,
): { boxes: Box[]; lips: number[]; shares: number[]; weights: number[] } {
  const total = pieces.reduce((acc, p) => acc + PIECE_WEIGHT[p.kind], 0);
  const margins = pieces.map(() => eps);
  for (let round = 0; round < 40; round++) {
    const boxes: Box[] = [domain];
    const lips: number[] = [];
    pieces.forEach((p, i) => {
      const box = boxes[i]!;
      const { image, lipschitz: l } =
        p.kind === 'general'
          ? { image: p.map.imageBox(box), lipschitz: p.map.lipschitz(box) }
          : stepsImageAndLipschitz(p.steps, box);
      if (!Number.isFinite(l) || ![image.x0, image.x1, image.y0, image.y1].every(Number.isFinite))
        throw new RangeError(
          `part ${p.first + 1} of the composition has no finite image box or Lipschitz constant on its input box`,
        );
      lips.push(l);
      if (i + 1 < pieces.length) {
        // Rounding in the image box: grow by a few ulps of its extent besides the error margin.
        const ulps = 64 * Number.EPSILON * Math.max(1, ...[image.x0, image.x1, image.y0, image.y1].map(Math.abs));
        boxes.push(inflate(image, margins[i]! + ulps));
      }
    });
    const weights = pieces.map(() => 1);
    for (let i = pieces.length - 2; i >= 0; i--) weights[i] = weights[i + 1]! * lips[i + 1]!;
    const shares = pieces.map((p, i) => (PIECE_WEIGHT[p.kind] * eps) / total / weights[i]!);
    let r = 0;
    let settled = true;
    pieces.forEach((_, i) => {
      r = lips[i]! * r + shares[i]!;
      if (i + 1 < pieces.length && r > margins[i]!) {
        settled = false;
        margins[i] = r * 1.25;
      }
    });
    if (settled) return { boxes, lips, shares, weights };
  }
  throw new RangeError(
    "the composition's error budget does not settle: its maps expand errors so much that the boxes they need keep " +
      'growing; approximate the maps separately',
  );
}

/**
 * A composition with one or more general maps: each general map is built
 * alone (its isotopy, on the image of the parts before it grown by their
 * error, measured against the map itself), each run of affine and coupling
 * parts as one plan with a proved bound, and the sentences are joined. The
 * shares of ε come from `compositionBudget`; the general maps' errors are
 * measured, so `bound` is null — measure the result against the exact
 * composition.
 */
function approximateComposition(
  parts: readonly MapTarget[],
  options: ApproximateOptions,
  time: TimeBudget | undefined,
): Approximation {
  const { domain, eps } = options;
  if (options.inverse)
    throw new RangeError(
      'the inverse of a composition with a general map is not built: give the inverse maps in reverse order ' +
        'instead, or approximate the general map alone with --inverse',
    );
  const pieces: Piece[] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'flow' || part.kind === 'ridgeFlow' || part.kind === 'compose')
      throw new RangeError('a flow can only be approximated on its own, not inside a composition');
    if (part.kind === 'isotopy') {
      if (part.map === undefined)
        throw new RangeError('a general map inside a composition needs its map (the `map` of its isotopy target)');
      pieces.push({ kind: 'general', first: i, last: i, map: part.map });
      return;
    }
    const steps = flatten(part, domain, eps, undefined, 'strang', time).steps;
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'plain') {
      last.steps.push(...steps);
      last.last = i;
    } else pieces.push({ kind: 'plain', first: i, last: i, steps });
  });
  time?.stage("fixing the composition's error budget");
  const { boxes, lips, shares, weights } = compositionBudget(pieces, domain, eps);
  const maxLength = options.maxLength ?? Infinity;
  const sentence: Sentence[number][] = [];
  const reports: StepReport[] = [];
  const composition: CompositionPart[] = [];
  let finishWords = 0;
  let length = 0;
  pieces.forEach((piece, i) => {
    const box = boxes[i]!;
    const left = maxLength - length;
    let a: Approximation;
    if (piece.kind === 'general') {
      const target = piece.map.on(box);
      time?.stage(`building part ${piece.first + 1} of ${parts.length} (a general map)`);
      a = approximateMeasured(target, { domain: box, eps: shares[i]!, reference: piece.map.at, maxLength: left }, time);
    } else {
      a = build(piece.steps, null, { domain: box, eps: shares[i]!, maxLength: left }, shares[i]!, time);
    }
    sentence.push(...a.sentence);
    reports.push(...a.steps);
    finishWords += a.finishWords;
    length += a.length;
    if (length > maxLength) throw new SentenceTooLong(`the composition's parts 1 to ${piece.last + 1}`, maxLength);
    composition.push({
      parts: [piece.first, piece.last],
      kind: piece.kind,
      box,
      eps: shares[i]!,
      lipschitz: lips[i]!,
      weight: weights[i]!,
      bound: piece.kind === 'plain' ? a.bound : null,
      words: a.length,
      splitting: a.splitting,
    });
  });
  return {
    sentence,
    length,
    bound: null,
    constructionBound: null,
    steps: reports,
    finishWords,
    splitting: null,
    composition,
  };
}
