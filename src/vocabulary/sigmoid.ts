/**
 * `sigmoid`: a second-order recurrent network in the style of Omlin & Giles
 * (1996, "Constructing deterministic finite-state automata in recurrent
 * neural networks", JACM 43(6)). The state is a vector of n neurons in
 * (0,1)^n, word c is x ↦ σ(H·M_c x − H/2) with M_c the 0/1 transition
 * matrix (the input selects the weight slice: second order) and H the gain.
 *
 * Regions are R_q = {x ∈ [0,1]^n : x_q ≥ 1 − ε, x_p ≤ ε for p ≠ q}, the
 * target T = {x : max_{p∈F} x_p > ½}. Each neuron's pre-activation is a
 * sum of one term per weight, so its range over the box R_q is bounded
 * term by term, and σ is increasing; the certificate evaluates those bounds
 * with outward-rounded interval arithmetic.
 *
 * Choice of ε: with D the largest number of other states one class sends
 * into a state that is not the current target (D ≥ 1), every inclusion
 * reduces to φ(ε) = σ(H(Dε − ½)) ≤ ε (the "high" neuron's condition is the
 * case D = 1 by the symmetry σ(−z) = 1 − σ(z)). φ is convex below its
 * inflection, so ε − φ(ε) is concave there and is largest where
 * φ'(ε) = 1, i.e. σ(1−σ) = 1/(HD): that ε maximises the margin, and the
 * certificate can hold for some ε iff it holds for this one. Its fixed-point
 * picture: ε lies between the low stable fixed point of φ and the unstable
 * one, which merge (saddle-node) at the smallest workable gain.
 */
import type { CompleteDfa, Dfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import { acceptingStates, applyVia, runVia, labels, wordName } from './common.js';
import { type Interval, addDown, addUp, mulDown, mulUp, sigmoid as sigmoidInterval } from './interval.js';
import { addProduct, entries, type SparseColumns, transitionColumns } from './sparse.js';
import { CertificateBuilder, type Certificate, type VocabularyBase, type VocabularyJson } from './types.js';
import { type EmbeddingSpec, fmt, imageOf, list } from './registry.js';

/** The real parameters of a sigmoid network. */
export interface SigmoidParams {
  /** The gain H. */
  readonly gain: number;
  /** The region tolerance ε. */
  readonly epsilon: number;
  /** W_c = H·M_c by columns. */
  readonly weights: readonly SparseColumns[];
  /** Per class, the bias of every neuron (−H/2). */
  readonly bias: readonly Float64Array[];
}

/** A sigmoid vocabulary. */
export type SigmoidVocabulary = VocabularyBase<'sigmoid', SigmoidParams>;

/** Options of the sigmoid construction. */
export interface SigmoidOptions {
  /** The gain H; default: the smallest certified gain (to 1e-3) plus 1, rounded up to an integer. */
  readonly gain?: number;
  /** Override ε (default: the margin-maximising ε for the gain). */
  readonly epsilon?: number;
}

/**
 * D of the module comment: max over classes c and states q of the largest
 * in-degree under c of a state other than δ(q, c); at least 1.
 */
export function crowding(dfa: Dfa): number {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  let d = 1;
  const indeg = new Int32Array(n);
  for (let c = 0; c < k; c++) {
    indeg.fill(0);
    for (let q = 0; q < n; q++) indeg[dfa.delta[q * k + c]!]!++;
    let first = -1;
    let second = 0;
    for (let i = 0; i < n; i++) {
      if (first < 0 || indeg[i]! > indeg[first]!) {
        second = first < 0 ? 0 : indeg[first]!;
        first = i;
      } else if (indeg[i]! > second) second = indeg[i]!;
    }
    for (let q = 0; q < n; q++) d = Math.max(d, dfa.delta[q * k + c] === first ? second : indeg[first]!);
  }
  return d;
}

/** The largest number of states one class sends into one state (Omlin–Giles's r). */
export function maxInDegree(dfa: Dfa): number {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  let r = 0;
  const indeg = new Int32Array(n);
  for (let c = 0; c < k; c++) {
    indeg.fill(0);
    for (let q = 0; q < n; q++) r = Math.max(r, ++indeg[dfa.delta[q * k + c]!]!);
  }
  return r;
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The ε maximising ε − σ(H(Dε − ½)) (see the module comment). */
export function bestEpsilon(gain: number, d: number): number {
  const hd = gain * d;
  if (!(hd > 4)) return 1 / (4 * d);
  const s = (1 - Math.sqrt(1 - 4 / hd)) / 2;
  const z = Math.log(s / (1 - s));
  return Math.min(1 / (2 * d), Math.max(0, (z / gain + 0.5) / d));
}

/** The network of a complete DFA at gain H. */
export function sigmoidParams(
  dfa: CompleteDfa,
  gain: number,
  epsilon = bestEpsilon(gain, crowding(dfa)),
): SigmoidParams {
  if (!(gain > 0 && Number.isFinite(gain)))
    throw new WordflowError('usage', `the sigmoid gain must be a positive number, got ${gain}`);
  const n = dfa.states;
  const weights = dfa.alphabet.classes.map((_, c) => transitionColumns(dfa, c, gain));
  const bias = dfa.alphabet.classes.map(() => new Float64Array(n).fill(-gain / 2));
  return { gain, epsilon, weights, bias };
}

/** out = σ(W x + b) (out must not alias x). */
function step(w: SparseColumns, b: Float64Array, x: Float64Array, out: Float64Array): void {
  out.set(b);
  addProduct(w, x, out);
  for (let i = 0; i < out.length; i++) out[i] = logistic(out[i]!);
}

/** The `sigmoid` vocabulary with explicit parameters. */
export function sigmoidVocabulary(dfa: CompleteDfa, params: SigmoidParams): SigmoidVocabulary {
  const n = dfa.states;
  const eps = params.epsilon;
  const accepting = acceptingStates(dfa);
  const start = new Float64Array(n);
  start[dfa.start] = 1;
  const stateOf = (x: Float64Array): number | null => {
    let best = 0;
    for (let q = 1; q < n; q++) if (x[q]! > x[best]!) best = q;
    if (!(x[best]! >= 1 - eps && x[best]! <= 1)) return null;
    for (let q = 0; q < n; q++) if (q !== best && !(x[q]! <= eps && x[q]! >= 0)) return null;
    return best;
  };
  const wordStep = (word: number, x: Float64Array, out: Float64Array): void =>
    step(params.weights[word]!, params.bias[word]!, x, out);
  return {
    embedding: 'sigmoid',
    dfa,
    dimension: n,
    start,
    params,
    apply: applyVia(wordStep, dfa, n),
    run: runVia(wordStep, dfa, n, start),
    stateOf,
    inTarget(x) {
      for (const q of accepting) if (x[q]! > 0.5) return true;
      return false;
    },
    describe(): VocabularyJson {
      const names = labels(dfa);
      return {
        embedding: 'sigmoid',
        dimension: n,
        states: n,
        startState: dfa.start,
        accepting,
        start: [...start],
        words: params.weights.map((w, c) => ({
          class: c,
          label: names[c]!,
          map: { kind: 'sigmoid', gain: params.gain, entries: entries(w), bias: [...params.bias[c]!] },
        })),
        regions: { description: `R_q = {x : x_q ≥ 1 − ε, x_p ≤ ε (p ≠ q)}, ε = ${eps}`, epsilon: eps },
        target: { description: 'T = {x : max_{q∈F} x_q > 1/2}', states: accepting },
        constants: { gain: params.gain, epsilon: eps },
      };
    },
  };
}

/**
 * Bounds on both ends of the exact range {w·x : x ∈ range}: the low end lies
 * in [loDown, loUp] and the high end in [hiDown, hiUp]. Both sides are
 * needed to take a term back out of an outward-rounded sum.
 */
function termBounds(w: number, range: Interval): { loDown: number; loUp: number; hiDown: number; hiUp: number } {
  const a = [mulDown(w, range.lo), mulUp(w, range.lo)];
  const b = [mulDown(w, range.hi), mulUp(w, range.hi)];
  const first = w >= 0 ? a : b;
  const second = w >= 0 ? b : a;
  return { loDown: first[0]!, loUp: first[1]!, hiDown: second[0]!, hiUp: second[1]! };
}

/**
 * Conditions 1–3 with outward-rounded intervals. For R_q and class c, every
 * neuron's pre-activation is bounded by putting x_q ∈ [1 − ε, 1] and every
 * other x_j ∈ [0, ε] (weights of either sign are handled per entry). Rows
 * that column q does not touch keep their baseline bounds, of which only
 * the few largest are needed; in the rows it touches, column q's term is
 * swapped, so each (q, c) costs O(entries of column q).
 */
export function certifySigmoid(v: SigmoidVocabulary): Certificate {
  const { dfa, params } = v;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const eps = params.epsilon;
  const b = new CertificateBuilder('sigmoid', n, k, 'interval');
  if (!(eps >= 0 && eps < 0.5))
    b.fail({
      condition: 'regions',
      state: 0,
      message: `with ε = ${eps} the regions overlap or leave T (need 0 ≤ ε < 1/2)`,
    });
  for (let q = 0; q < n; q++) {
    if (v.start[q] !== (q === dfa.start ? 1 : 0)) {
      b.fail({ condition: 'regions', state: dfa.start, message: 'the start point is not e_{q0}' });
      break;
    }
  }
  const low: Interval = { lo: 0, hi: eps };
  const high: Interval = { lo: 1 - eps, hi: 1 };
  for (let c = 0; c < k; c++) {
    const w = params.weights[c]!;
    const bias = params.bias[c]!;
    // Baseline bounds of every row with every x_j ∈ [0, ε]; raising column q to
    // [1 − ε, 1] swaps its terms, bounded outward: lo − up(term_low) + down(term_high).
    const baseLo = Float64Array.from(bias);
    const baseHi = Float64Array.from(bias);
    let maxColumn = 0;
    for (let j = 0; j < n; j++) {
      maxColumn = Math.max(maxColumn, w.colStart[j + 1]! - w.colStart[j]!);
      for (let e = w.colStart[j]!; e < w.colStart[j + 1]!; e++) {
        const t = termBounds(w.values[e]!, low);
        const i = w.rows[e]!;
        baseLo[i] = addDown(baseLo[i]!, t.loDown);
        baseHi[i] = addUp(baseHi[i]!, t.hiUp);
      }
    }
    const keep = Math.min(n, maxColumn + 2);
    const top = Array.from({ length: n }, (_, i) => i)
      .sort((a, z) => baseHi[z]! - baseHi[a]!)
      .slice(0, keep);
    for (let q = 0; q < n; q++) {
      const target = dfa.delta[q * k + c]!;
      const raised = new Map<number, Interval>([[target, { lo: baseLo[target]!, hi: baseHi[target]! }]]);
      for (let e = w.colStart[q]!; e < w.colStart[q + 1]!; e++) {
        const i = w.rows[e]!;
        const was = raised.get(i) ?? { lo: baseLo[i]!, hi: baseHi[i]! };
        const tLow = termBounds(w.values[e]!, low);
        const tHigh = termBounds(w.values[e]!, high);
        raised.set(i, {
          lo: addDown(addDown(was.lo, -tLow.loUp), tHigh.loDown),
          hi: addUp(addUp(was.hi, -tLow.hiDown), tHigh.hiUp),
        });
      }
      let highLo = Infinity;
      let lowHi = -Infinity;
      let worstRow = -1;
      for (const [i, z] of raised) {
        const s = sigmoidInterval(z);
        if (i === target) highLo = s.lo;
        else if (s.hi > lowHi) {
          lowHi = s.hi;
          worstRow = i;
        }
      }
      for (const i of top) {
        if (raised.has(i)) continue;
        const s = sigmoidInterval({ lo: baseLo[i]!, hi: baseHi[i]! });
        if (s.hi > lowHi) {
          lowHi = s.hi;
          worstRow = i;
        }
        break;
      }
      const inside = Math.min(highLo - (1 - eps), n > 1 ? eps - lowHi : Infinity);
      b.image(inside, q, c, () =>
        highLo < 1 - eps
          ? `word ${wordName(dfa, c)} leaves neuron ${target} as low as ${highLo} on R_${q} (needs ≥ 1 − ε = ${1 - eps})`
          : `word ${wordName(dfa, c)} raises neuron ${worstRow} to ${lowHi} on R_${q} (needs ≤ ε = ${eps})`,
      );
    }
  }
  return b.result();
}

/** The smallest certified gain and how it compares with the classical bound. */
export interface GainReport {
  /** Smallest H on the 1e-3 grid whose certificate holds (it fails at H − 0.001). */
  readonly minimal: number;
  /** ε used at that gain. */
  readonly epsilon: number;
  /** D of the module comment. */
  readonly crowding: number;
  /** Omlin–Giles's r: the largest in-degree under one class. */
  readonly inDegree: number;
  /** The Omlin–Giles fixed-point bound for r = inDegree (see `omlinGilesBound`). */
  readonly omlinGiles: number;
  /** The same bound for r = n: their guarantee for every DFA with this many states. */
  readonly omlinGilesWorstCase: number;
  /** Certificates evaluated by the bisection. */
  readonly evaluations: number;
}

const GRID = 1000;

/**
 * The smallest gain (to 1e-3) at which the certificate holds, by bisection
 * on the certificate itself over the grid of multiples of 0.001. The margin
 * grows with H for fixed ε (σ(H(Dε − ½)) falls when Dε < ½), so whether it
 * holds is monotone in H and bisection is sound.
 */
export function minimalGain(dfa: CompleteDfa): GainReport {
  const d = crowding(dfa);
  let evaluations = 0;
  const holds = (h: number): boolean => {
    evaluations++;
    const gain = h / GRID;
    return certifySigmoid(sigmoidVocabulary(dfa, sigmoidParams(dfa, gain))).holds;
  };
  let lo = 0;
  let hi = GRID;
  while (!holds(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > GRID * 2 ** 20) throw new WordflowError('internal', 'no sigmoid gain up to 2^20 certifies this DFA');
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  const minimal = hi / GRID;
  const r = maxInDegree(dfa);
  return {
    minimal,
    epsilon: bestEpsilon(minimal, d),
    crowding: d,
    inDegree: r,
    omlinGiles: omlinGilesBound(r),
    omlinGilesWorstCase: omlinGilesBound(dfa.states),
    evaluations,
  };
}

/** min over x ∈ [0, 1/(2r)] of σ(H(r x − ½)) − x (convex there: the minimum is where the slope is 1, or an end). */
function lowGap(gain: number, r: number): number {
  const f = (x: number): number => logistic(gain * (r * x - 0.5)) - x;
  const end = f(1 / (2 * r));
  if (!(gain * r > 4)) return Math.min(f(0), end);
  const s = (1 - Math.sqrt(1 - 4 / (gain * r))) / 2;
  const x = (Math.log(s / (1 - s)) / gain + 0.5) / r;
  return x <= 0 ? Math.min(f(0), end) : Math.min(f(x), end);
}

/** max over x ∈ [c, 1] of σ(H(x − c)) − x (concave there). */
function highGap(gain: number, c: number): number {
  const f = (x: number): number => logistic(gain * (x - c)) - x;
  let best = Math.max(f(c), f(1));
  if (gain > 4) {
    const s = (1 + Math.sqrt(1 - 4 / gain)) / 2;
    const x = Math.log(s / (1 - s)) / gain + c;
    if (x > c && x < 1) best = Math.max(best, f(x));
  }
  return best;
}

/**
 * The classical sufficient gain of Omlin & Giles's fixed-point analysis, as
 * we read it. Their network also gives each state neuron a −H self-weight
 * for the inputs that leave its state, so a neuron that must go high can be
 * pulled down by one low signal, and one that must stay low sums r low
 * signals. Their two conditions, at gain H:
 *   low:  φ⁻ = σ(H(rφ⁻ − ½)) has a solution (a low fixed point exists);
 *   high: σ(H(x − ½ − φ⁻)) ≥ x for some x (a high fixed point exists),
 * with φ⁻ the smallest low fixed point. The bound is the smallest H (to
 * 1e-3) meeting both. Our certificate needs only the low condition, with the
 * smaller D in place of r, and no self-inhibition, so its minimal gain is at
 * most this bound; both grow with the number of states a class funnels into
 * one state, which is why a worst-case DFA of n states needs H growing with n.
 */
export function omlinGilesBound(r: number): number {
  const rr = Math.max(1, r);
  const ok = (gain: number): boolean => {
    if (lowGap(gain, rr) > 0) return false;
    // The smallest low fixed point φ⁻, by bisection: f > 0 left of it.
    const f = (x: number): number => logistic(gain * (rr * x - 0.5)) - x;
    let lo = 0;
    let hi = 1 / (2 * rr);
    if (gain * rr > 4) {
      const s = (1 - Math.sqrt(1 - 4 / (gain * rr))) / 2;
      hi = Math.min(hi, Math.max(0, (Math.log(s / (1 - s)) / gain + 0.5) / rr));
    }
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    return highGap(gain, 0.5 + hi) >= 0;
  };
  let lo = 0;
  let hi = GRID;
  while (!ok(hi / GRID)) {
    lo = hi;
    hi *= 2;
    // The bound grows like log r; a doubling that never ends would be a bug, not a long wait.
    if (hi > GRID * 2 ** 30)
      throw new WordflowError('internal', `no gain up to 2^30 meets the Omlin–Giles conditions for in-degree ${rr}`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid / GRID)) hi = mid;
    else lo = mid;
  }
  return hi / GRID;
}

/** The default gain: the smallest certified gain plus 1, rounded up to an integer (a comfortable margin). */
export function defaultGain(dfa: CompleteDfa): number {
  return Math.ceil(minimalGain(dfa).minimal + 1);
}

/** The registry record of `sigmoid` (see registry.ts). */
export const sigmoidEmbedding: EmbeddingSpec<SigmoidVocabulary> = {
  name: 'sigmoid',
  summary: '(0,1)^n; x ↦ σ(H·M_c x − H/2), a second-order recurrent net certified for all lengths',
  build: (dfa, options) => {
    const gain = options.sigmoid?.gain ?? defaultGain(dfa);
    return sigmoidVocabulary(dfa, sigmoidParams(dfa, gain, options.sigmoid?.epsilon));
  },
  certify: certifySigmoid,
  describeMap: (v, c) =>
    `x ↦ σ(${fmt(v.params.gain)}·M_c x − ${fmt(v.params.gain / 2)}), M_c the 0/1 matrix of ${list(imageOf(v.dfa, c))}`,
  describeComposition: () => '',
  formatWord: (map, label) =>
    map.kind === 'sigmoid'
      ? [
          `word ${label}: x ↦ σ(W x + b), gain H = ${fmt(map.gain)}`,
          `  W: ${map.entries.map(([r, c, v]) => `W[${r},${c}]=${fmt(v)}`).join('  ')}`,
          `  b: ${new Set(map.bias).size === 1 ? `${fmt(map.bias[0]!)} for every neuron` : map.bias.map(fmt).join(' ')}`,
        ]
      : [],
  targetScore: (v, x) => {
    let max = 0;
    for (let q = 0; q < v.dfa.states; q++) if (v.dfa.accepting[q] === 1) max = Math.max(max, x[q]!);
    return { name: 'max', value: max };
  },
  picture: 'heatmap',
  plot: 'bars',
  live: { build: 400, certify: 400 },
};
