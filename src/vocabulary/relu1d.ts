/**
 * `relu1d`: continuous piecewise-linear maps of the line. State q sits at
 * the point q with R_q = [q − ¼, q + ¼]; word c is constant δ(q, c) on R_q,
 * linear on the gaps between regions, and constant beyond the outer
 * regions. On every region the map is constant (Lipschitz 0), so images are
 * points and the margin is ¼. Such maps are not injective: different
 * sentences reaching the same state land on the same point.
 *
 * Each word is also written out as a one-hidden-layer ReLU network
 * f(x) = b + Σ_i v_i·relu(x − t_i), one hidden unit per knot where the slope
 * changes; `reluNetwork` derives it from the knots and `evaluateNetwork`
 * computes it, so its equality with the knot form is testable.
 */
import type { CompleteDfa } from '../automata/dfa.js';
import {
  acceptingStates,
  nearAcceptingState,
  checkPoint,
  checkSentence,
  checkWord,
  labels,
  wordName,
} from './common.js';
import { type Interval, add, div, mul, point, sub } from './interval.js';
import {
  CertificateBuilder,
  type Certificate,
  type ReluNetworkJson,
  type VocabularyBase,
  type VocabularyJson,
} from './types.js';
import { composedImage, type EmbeddingSpec, fmt, imageOf, list } from './registry.js';

/** A continuous piecewise-linear map: strictly increasing knot abscissae, values at them; constant outside. */
export interface Knots {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** The real parameters of a relu1d vocabulary: the knots of every word. */
export interface Relu1dParams {
  readonly words: readonly Knots[];
  /** Half-width of the regions. */
  readonly radius: number;
}

/** A relu1d vocabulary. */
export type Relu1dVocabulary = VocabularyBase<'relu1d', Relu1dParams>;

/** Knots at q ± ¼ with value δ(q, c), for every state q and class c. */
export function relu1dParams(dfa: CompleteDfa): Relu1dParams {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const words = dfa.alphabet.classes.map((_, c) => {
    const xs = new Float64Array(2 * n);
    const ys = new Float64Array(2 * n);
    for (let q = 0; q < n; q++) {
      xs[2 * q] = q - 0.25;
      xs[2 * q + 1] = q + 0.25;
      ys[2 * q] = ys[2 * q + 1] = dfa.delta[q * k + c]!;
    }
    return { xs, ys };
  });
  return { words, radius: 0.25 };
}

/** The index i with xs[i] ≤ x < xs[i+1] (−1 left of all knots, last index right of all). */
function segment(xs: Float64Array, x: number): number {
  if (!(x >= xs[0]!)) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The knot form evaluated at x: linear interpolation, constant outside. */
export function evaluateKnots(w: Knots, x: number): number {
  const { xs, ys } = w;
  const i = segment(xs, x);
  if (i < 0) return ys[0]!;
  if (i >= xs.length - 1) return ys[xs.length - 1]!;
  const y0 = ys[i]!;
  const y1 = ys[i + 1]!;
  if (y0 === y1) return y0;
  return y0 + ((x - xs[i]!) * (y1 - y0)) / (xs[i + 1]! - xs[i]!);
}

/**
 * The one-hidden-layer ReLU network equal to the knot form: hidden unit i is
 * relu(x − t_i) at a knot t_i where the slope changes by v_i ≠ 0, and the
 * output bias is the value left of the first knot.
 */
export function reluNetwork(w: Knots): ReluNetworkJson {
  const { xs, ys } = w;
  const hiddenWeights: number[] = [];
  const hiddenBiases: number[] = [];
  const outputWeights: number[] = [];
  let before = 0;
  for (let i = 0; i < xs.length; i++) {
    const after = i + 1 < xs.length ? (ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!) : 0;
    if (after !== before) {
      hiddenWeights.push(1);
      hiddenBiases.push(-xs[i]!);
      outputWeights.push(after - before);
    }
    before = after;
  }
  return { width: outputWeights.length, hiddenWeights, hiddenBiases, outputWeights, outputBias: ys[0]! };
}

/** A one-hidden-layer ReLU network at x. */
export function evaluateNetwork(net: ReluNetworkJson, x: number): number {
  let s = net.outputBias;
  for (let i = 0; i < net.width; i++) {
    const h = net.hiddenWeights[i]! * x + net.hiddenBiases[i]!;
    if (h > 0) s += net.outputWeights[i]! * h;
  }
  return s;
}

/** The `relu1d` vocabulary of a complete DFA. */
export function relu1dVocabulary(dfa: CompleteDfa, params: Relu1dParams = relu1dParams(dfa)): Relu1dVocabulary {
  const n = dfa.states;
  const r = params.radius;
  const stateOf = (x: Float64Array): number | null => {
    const q = Math.round(x[0]!) + 0; // + 0: Math.round(−0.1) is −0
    return q >= 0 && q < n && Math.abs(x[0]! - q) <= r ? q : null;
  };
  return {
    embedding: 'relu1d',
    dfa,
    dimension: 1,
    start: Float64Array.of(dfa.start),
    params,
    apply(word, x, out = new Float64Array(1)) {
      checkWord(dfa, word);
      checkPoint(x, 1);
      out[0] = evaluateKnots(params.words[word]!, x[0]!);
      return out;
    },
    run(classes, from) {
      checkSentence(dfa, classes);
      let x = from === undefined ? dfa.start : from[0]!;
      for (let i = 0; i < classes.length; i++) x = evaluateKnots(params.words[classes[i]!]!, x);
      return Float64Array.of(x);
    },
    stateOf,
    inTarget: (x) => nearAcceptingState(dfa, x[0]!),
    describe(): VocabularyJson {
      const names = labels(dfa);
      return {
        embedding: 'relu1d',
        dimension: 1,
        states: n,
        startState: dfa.start,
        accepting: acceptingStates(dfa),
        start: [dfa.start],
        words: params.words.map((w, c) => ({
          class: c,
          label: names[c]!,
          map: { kind: 'relu1d', knots: [...w.xs].map((x, i) => [x, w.ys[i]!] as const), network: reluNetwork(w) },
        })),
        regions: { description: `R_q = [q − ${r}, q + ${r}]`, radius: r },
        target: { description: 'T = ⋃_{q∈F} (q − 1/2, q + 1/2)', states: acceptingStates(dfa) },
        constants: { radius: r },
      };
    },
  };
}

/** The knot form at x with outward rounding (a point when the arithmetic is exact). */
function evaluateInterval(w: Knots, x: number): Interval {
  const { xs, ys } = w;
  const i = segment(xs, x);
  if (i < 0) return point(ys[0]!);
  if (i >= xs.length - 1) return point(ys[xs.length - 1]!);
  if (ys[i] === ys[i + 1]) return point(ys[i]!);
  const t = sub(point(x), point(xs[i]!));
  const rise = sub(point(ys[i + 1]!), point(ys[i]!));
  const run = sub(point(xs[i + 1]!), point(xs[i]!));
  return add(point(ys[i]!), div(mul(t, rise), run));
}

/**
 * The image of R_q = [q − r, q + r] under a continuous piecewise-linear map
 * is [min, max] of its values at the two ends and at the knots between, so
 * the check splits the region at every knot inside it. Values are computed
 * with outward rounding (exact for the dyadic knots built here).
 */
export function certifyRelu1d(v: Relu1dVocabulary): Certificate {
  const { dfa, params } = v;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const r = params.radius;
  const b = new CertificateBuilder('relu1d', n, k, 'interval');
  if (!(r >= 0 && r < 0.5))
    b.fail({
      condition: 'regions',
      state: 0,
      message: `regions of half-width ${r} around consecutive integers overlap (need r < 1/2)`,
    });
  if (v.start[0] !== dfa.start)
    b.fail({ condition: 'regions', state: dfa.start, message: 'the start point is not q0' });
  // T = ⋃_{q∈F} (q − ½, q + ½) contains R_q for q ∈ F and misses it otherwise as soon as r < ½.
  for (let c = 0; c < k; c++) {
    const w = params.words[c]!;
    for (let q = 0; q < n; q++) {
      const lo = q - r;
      const hi = q + r;
      let min = Infinity;
      let max = -Infinity;
      const visit = (x: number): void => {
        const y = evaluateInterval(w, x);
        if (y.lo < min) min = y.lo;
        if (y.hi > max) max = y.hi;
      };
      visit(lo);
      visit(hi);
      for (let i = Math.max(0, segment(w.xs, lo)); i < w.xs.length && w.xs[i]! < hi; i++)
        if (w.xs[i]! > lo) visit(w.xs[i]!);
      const target = dfa.delta[q * k + c]!;
      const inside = Math.min(min - (target - r), target + r - max);
      b.image(
        inside,
        q,
        c,
        () =>
          `word ${wordName(dfa, c)} maps R_${q} onto [${min}, ${max}], outside R_${target} = [${target - r}, ${target + r}]`,
      );
    }
  }
  return b.result();
}

/** The registry record of `relu1d` (see registry.ts). */
export const relu1dEmbedding: EmbeddingSpec<Relu1dVocabulary> = {
  name: 'relu1d',
  summary: 'ℝ; continuous piecewise-linear, state q at the point q, one hidden ReLU layer',
  build: (dfa) => relu1dVocabulary(dfa),
  certify: certifyRelu1d,
  describeMap: (v, c) => {
    const map = v.describe().words[c]!.map;
    const width = map.kind === 'relu1d' ? map.network.width : 0;
    return `piecewise linear, constant δ(q, c) on [q−¼, q+¼]: ${list(imageOf(v.dfa, c))}; a ReLU network of width ${width}`;
  },
  // The empty composition is the identity, which is not constant on a region; every word is.
  describeComposition: (v, classes) =>
    classes.length === 0
      ? ': every point stays where it is'
      : `: constant on each R_q, sending ${list(composedImage(v.dfa, classes))}`,
  formatWord: (map, label) => {
    if (map.kind !== 'relu1d') return [];
    const net = map.network;
    const terms = net.outputWeights
      .map((w, i) => {
        const a = net.hiddenWeights[i]!;
        const b = net.hiddenBiases[i]!;
        return ` ${w < 0 ? '−' : '+'} ${fmt(Math.abs(w))}·relu(${a === 1 ? 'x' : `${fmt(a)}x`} ${b < 0 ? '−' : '+'} ${fmt(Math.abs(b))})`;
      })
      .join('');
    return [
      `word ${label}: piecewise linear, constant outside the knots`,
      `  knots ${map.knots.map(([x, y]) => `(${fmt(x)}, ${fmt(y)})`).join(' ')}`,
      `  ReLU network, width ${net.width}: ${fmt(net.outputBias)}${terms}`,
    ];
  },
  targetScore: () => null,
  picture: 'cobweb',
  plot: 'line',
  live: { build: 60_000, certify: 15_000 },
};
