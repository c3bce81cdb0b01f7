/**
 * `approximateMap`: a target map of the plane → one sentence over V* within
 * ε on a box, with a proved bound where the construction gives one. Targets
 * are affine maps with det > 0, coupling maps (x, y + g(x)) and
 * (x + h(y), y), time-T maps of separable fields (x' = a(y), y' = b(x), by
 * Strang or Yoshida splitting into coupling maps), and compositions of these
 * (first applied first). Everything becomes one list of elementary steps,
 * so a composition shares one error budget and one frame bookkeeping.
 */
import { type Axis } from './frames.js';
import { frozenFieldSteps, ridgeSplittingSteps } from './field.js';
import { affineSteps, type BuiltPlan, buildMeasuredPlan, buildPlan, type Matrix2, modelledWords } from './plan.js';
import { type RidgeField } from './ridge.js';
import { compileSentence, invertSentence, runCompiledSentenceMany, type Sentence, sentenceLength } from './sentence.js';
import { applyStep, type Box, type Function1, SentenceTooLong, type Step, type StepReport } from './steps.js';

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
      /** The field fitted to within a tolerance (the fit's error is part of the measured splitting error). */
      readonly fit: (tolerance: number) => RidgeField;
      readonly time: number;
      readonly split?: 'strang' | 'yoshida';
      readonly steps?: number;
    }
  /**
   * A diffeomorphism f as the time-1 map of its straight-line isotopy
   * f_t = (1 − t)·id + t·f: `frozen(t, tol)` is the isotopy's velocity field
   * at time t, fitted to within tol where it can be; step k flows the field frozen at its midpoint. With
   * `backward`, the isotopy is run from 1 to 0 (the inverse f⁻¹).
   */
  | {
      readonly kind: 'isotopy';
      readonly frozen: (t: number, tolerance: number) => RidgeField;
      readonly backward?: boolean;
      readonly split?: 'strang' | 'yoshida';
      readonly steps?: number;
    };

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

/** The sup distance between a sentence (evaluated in doubles, all points at once) and `g` on an n×n grid of the box. */
export function sentenceGridDistance(
  sentence: Sentence,
  g: (x: number, y: number) => readonly [number, number],
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
    const [c, d] = g(xs[k]!, ys[k]!);
    const e = Math.hypot(us[k]! - c, vs[k]! - d);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/** The grid on which the splitting error is measured when choosing the number of steps. */
const SPLIT_GRID = 33;

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
): { steps: Step[]; report: SplittingReport } {
  return chooseSteps(
    (n) => splittingSteps(target.field, target.time, method, n),
    target.steps,
    domain,
    share,
    reference,
    method,
  );
}

/**
 * The fewest splitting steps n (doubling, then bisecting) whose steps meet
 * `share` against the reference on the splitting grid; `fixed` overrides.
 */
function chooseSteps(
  make: (n: number) => Step[],
  fixed: number | undefined,
  domain: Box,
  share: number,
  reference: ((x: number, y: number) => readonly [number, number]) | undefined,
  method: 'strang' | 'yoshida',
): { steps: Step[]; report: SplittingReport } {
  if (fixed !== undefined) {
    const steps = make(fixed);
    const measured =
      reference === undefined ? NaN : gridDistance((x, y) => applySteps(steps, x, y), reference, domain, SPLIT_GRID);
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
  for (let n = 1; n <= 1 << 14; n *= 2) {
    const steps = make(n);
    const measured = gridDistance((x, y) => applySteps(steps, x, y), reference, domain, SPLIT_GRID);
    if (measured <= share) {
      // Bisect down between n/2 and n for the fewest steps that still meet the share.
      let lo = Math.max(1, n / 2);
      let best = { n, steps, measured };
      while (lo + 1 < best.n) {
        const mid = Math.floor((lo + best.n) / 2);
        const s = make(mid);
        const m = gridDistance((x, y) => applySteps(s, x, y), reference, domain, SPLIT_GRID);
        if (m <= share) best = { n: mid, steps: s, measured: m };
        else lo = mid;
      }
      return { steps: best.steps, report: { method, steps: best.n, measured: best.measured, grid: SPLIT_GRID } };
    }
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
      const { steps, report } = chooseSplitting(target, domain, eps / 4, reference, target.split ?? method);
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
        const f = flatten(part, domain, eps, reference, method);
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

function build(
  steps: readonly Step[],
  splitting: SplittingReport | null,
  options: ApproximateOptions,
  eps: number,
): Approximation {
  const plan: readonly Step[] = options.inverse ? steps.map(invertStep).reverse() : steps;
  const built: BuiltPlan = buildPlan(plan, options.domain, eps, undefined, options.maxLength);
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

/**
 * A sentence over V* within ε of the target on the domain. For targets
 * other than flows the bound is proved (given the `Function1` bounds); for
 * flows the splitting error is measured against `options.reference` before
 * the words are written, ε/4 of the budget goes to it, and `bound` is null —
 * measure the result against the reference (see `gridDistance`).
 *
 * Throws RangeError for targets outside what is supported (det ≤ 0, a flow
 * without a reference) and `SentenceTooLong` past `maxLength`.
 */
export function approximateMap(target: MapTarget, options: ApproximateOptions): Approximation {
  const { domain, eps } = options;
  if (!(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`ε must be a positive number, got ${eps}`);
  if (target.kind === 'ridgeFlow' || target.kind === 'isotopy') return approximateMeasured(target, options);
  if (!hasFlow(target)) {
    const { steps } = flatten(target, domain, eps, options.reference, 'strang');
    return build(steps, null, options, eps);
  }
  const methods: ('strang' | 'yoshida')[] =
    target.kind === 'flow' && target.split !== undefined ? [target.split] : ['strang', 'yoshida'];
  let best: Approximation | undefined;
  for (const method of methods) {
    // The splitting's share of ε starts at a quarter; if the finished sentence (forward) misses ε on the grid, the
    // splitting gets less and the words are rebuilt — at most three times.
    for (let share = eps / 4, attempt = 0; attempt < 3; attempt++, share /= 3) {
      const { steps, splitting } = flatten(target, domain, share * 4, options.reference, method);
      const measured = splitting?.measured ?? 0;
      // Leave the words what the splitting did not use, with a margin for points between the grid's.
      const left = Math.max(eps - 2 * measured, eps / 3);
      let a: Approximation;
      try {
        a = build(steps, splitting, options, left);
      } catch (e) {
        if (e instanceof SentenceTooLong && (best !== undefined || method !== methods[methods.length - 1])) break;
        throw e;
      }
      const reference = options.reference;
      const check =
        options.inverse || reference === undefined
          ? 0
          : sentenceGridDistance(a.sentence, reference, domain, SPLIT_GRID);
      if (check <= eps * 0.9 || attempt === 2) {
        if (best === undefined || a.length < best.length) best = a;
        break;
      }
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
): Step[] {
  const cached = (t: number, fit: () => RidgeField): RidgeField => {
    let f = fits.get(t);
    if (f === undefined) fits.set(t, (f = fit()));
    return f;
  };
  if (target.kind === 'ridgeFlow')
    return ridgeSplittingSteps(
      cached(-1, () => target.fit(tolerance)),
      target.time,
      method,
      n,
    );
  const frozen = (t: number): RidgeField => cached(t, () => target.frozen(t, tolerance));
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
 * Fitted fields and isotopies: the number of steps is chosen by measuring
 * the steps against `options.reference` (ε/4 of the budget), the words get
 * what the splitting left, and the finished sentence is measured against
 * the reference on the splitting grid; if it misses 0.9·ε, the words are
 * rebuilt with half the budget (at most twice more). No bound is proved.
 */
function approximateMeasured(
  target: Extract<MapTarget, { kind: 'ridgeFlow' | 'isotopy' }>,
  options: ApproximateOptions,
): Approximation {
  const { domain, eps, reference } = options;
  if (reference === undefined) throw new RangeError('a fitted field or an isotopy needs a reference map');
  if (options.inverse) throw new RangeError('build the inverse as its own target (the backward flow or isotopy)');
  const methods: ('strang' | 'yoshida')[] = target.split !== undefined ? [target.split] : ['strang', 'yoshida'];
  const fits = new Map<number, RidgeField>();
  // Each splitting's steps, and the words its cost models predict: only splittings within 15 % of the cheapest
  // prediction are built (a build of a long sentence is most of the time spent).
  const plans = methods
    .map((method) => {
      const { steps, report } = chooseSteps(
        // The fit gets ε/8 of the field (its effect on the map is part of the splitting's measured error).
        (n) => measuredSteps(target, method, n, fits, eps / 8),
        target.steps,
        domain,
        eps / 4,
        reference,
        method,
      );
      const words = Math.max(eps - 2 * report.measured, eps / 3);
      return { steps, report, words, predicted: modelledWords(steps, domain, words) };
    })
    .sort((a, b) => a.predicted - b.predicted);
  let best: Approximation | undefined;
  let tooLong: SentenceTooLong | undefined;
  const attempt = (plan: (typeof plans)[number], words: number): { a: Approximation; check: number } | undefined => {
    let built;
    try {
      built = buildMeasuredPlan(plan.steps, domain, words, options.maxLength);
    } catch (e) {
      if (e instanceof SentenceTooLong) {
        tooLong = e;
        return undefined;
      }
      throw e;
    }
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
    for (let k = 0, words = plan.words; k < 3; k++, words /= 2) {
      const built = attempt(plan, words);
      if (built === undefined) break;
      if (built.check > eps * 0.9) continue;
      keep(built.a);
      // The words' errors rarely add up to their budgets: when the sentence is well inside ε, build once more with
      // the budget scaled towards 0.6·ε (at most 3 times), kept if it measures within 0.7·ε on both grids.
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
  }
  if (best === undefined) {
    if (tooLong !== undefined) throw tooLong;
    throw new RangeError(`no sentence within ε = ${eps} was found for this target (the fit or splitting fell short)`);
  }
  return best;
}
