/**
 * Why a certificate that holds proves agreement with the DFA on sentences of
 * every length, and whether evaluation in binary64 (what `run` and `trace`
 * compute) is covered too. The certificate is a statement about real
 * points; a float run is covered only by one of two arguments, named here
 * per embedding:
 *
 * - *exact reachable points*: every point a float run reaches from x0 is
 *   computed without rounding, so the float run is the real run (transform,
 *   onehot, relu1d);
 * - *regions closed under the float map*: every float point of R_q is sent by
 *   the float map into R_δ(q,c), so the induction runs on float points
 *   (flow2d by monotone rounding between exact corner images; sigmoid by a
 *   margin larger than a bound on one step's rounding error).
 */
import { maxInDegree } from './sigmoid.js';
import type { Vocabulary } from './embeddings.js';
import type { Certificate } from './types.js';

/** The two halves of the argument, in words, plus the rounding bound where one is used. */
export interface Soundness {
  /** Why conditions 1–3 give agreement on sentences of every length (an induction on the length). */
  readonly everyLength: string;
  /** Whether a binary64 run provably agrees with the DFA, whatever the sentence's length. */
  readonly floatSound: boolean;
  /** Why (or why not). */
  readonly floats: string;
  /** sigmoid: a bound on one word's rounding error per coordinate (max norm); null elsewhere. */
  readonly roundingBound: number | null;
}

/** Why each inclusion f_c(R_q) ⊆ R_δ(q,c) holds, per embedding: what the certificate checked. */
const WHY_INCLUDED: { readonly [E in Vocabulary['embedding']]: string } = {
  transform: 'Here each R_q is the state q itself and f_c is δ(·,c), checked entry by entry',
  onehot:
    'Here M_c has one 1 per column, so ‖M_c u‖₁ ≤ ‖u‖₁ and the L1 ball around e_q goes into ' +
    'the ball around ' +
    'e_δ(q,c), checked exactly at the ball’s vertices',
  relu1d:
    'Here each word is constant on each region, so f_c(R_q) is the single point δ(q,c), checked with outward rounding',
  sigmoid:
    'Here each neuron’s pre-activation over the box R_q is bounded term by term and σ is increasing, ' +
    'checked with outward-rounded intervals',
  flow2d:
    'Here the corners of R_q are pushed through the word’s spelling exactly (cut at ridge kinks), ' +
    'and the images’ extent checked against R_δ(q,c)',
};

/** The unit roundoff of binary64. */
const U = 2 ** -53;

/**
 * A bound on |σ̃ − σ| per neuron for one sigmoid word evaluated in binary64
 * at any point of [0, 1]^n, with r the largest in-degree under one class:
 * the pre-activation −H/2 + Σ H·x_j sums at most r + 1 terms of total
 * magnitude ≤ H(r + ½), so its error is at most γ_{r+1}·H(r + ½) (γ_m =
 * mu/(1 − mu), the classical bound for recursive summation of rounded
 * products); σ is ¼-Lipschitz; and 1/(1 + exp(−z)) adds at most 2 ulp for
 * Math.exp (the same allowance as the interval module's expUp/expDown) and
 * one rounding each for the sum and the quotient: under 8u in all, as σ ≤ 1.
 */
export function sigmoidRoundingBound(gain: number, inDegree: number): number {
  const m = inDegree + 1;
  const gamma = (m * U) / (1 - m * U);
  return (gamma * gain * (inDegree + 0.5)) / 4 + 8 * U;
}

/** The float-soundness argument for a vocabulary whose certificate is `c`. */
export function soundness(v: Vocabulary, c: Certificate): Soundness {
  const induction =
    'x0 lies in R_q0 and every word maps R_q into R_δ(q,c), so by induction on the length the point after any ' +
    'sentence w lies in R_δ(q0,w); it is in T exactly when δ(q0,w) accepts';
  const everyLength = c.holds
    ? `${induction}: the embedding agrees with the DFA on sentences of every length. ${WHY_INCLUDED[v.embedding]}`
    : `the certificate fails, so nothing is proved: ${induction} would need every inclusion`;
  switch (v.embedding) {
    case 'transform':
      return {
        everyLength,
        floatSound: c.holds,
        floats: 'points are state numbers (small integers): every step is a table look-up, nothing is rounded',
        roundingBound: null,
      };
    case 'onehot':
      return {
        everyLength,
        floatSound: c.holds,
        floats:
          'every reachable point is exact: x0 = e_q0, and M_c e_q = e_δ(q,c) only adds products 1·x_j ' +
          'with x_j ∈ {0, 1}, at most one of them 1, which binary64 computes without rounding, so a float ' +
          'run is the real run. The regions themselves are not ' +
          'closed under float evaluation (margin 0: a float point just inside the L1 ball can round out of it)',
        roundingBound: null,
      };
    case 'relu1d':
      return {
        everyLength,
        floatSound: c.holds,
        floats:
          'every reachable point is exact: x0 = q0 is an integer, and on each region a word is the constant δ(q,c), ' +
          'which the knot form returns without arithmetic',
        roundingBound: null,
      };
    case 'flow2d':
      return {
        everyLength,
        floatSound: c.holds,
        floats: c.holds
          ? 'regions are closed under the float map: on R_q a word is x ↦ (x + s)·h, y ↦ y·g + t + u, ' +
            'each operation ' +
            'rounds monotonically, and its values at the corners of R_q are exact (checked), so every float point of ' +
            'R_q lands between exact corner images, inside R_δ(q,c)'
          : 'not proved: the certificate fails',
        roundingBound: null,
      };
    case 'sigmoid': {
      const bound = sigmoidRoundingBound(v.params.gain, maxInDegree(v.dfa));
      const sound = c.holds && c.margin > bound;
      return {
        everyLength,
        floatSound: sound,
        floats: sound
          ? `regions are closed under the float map: one word's rounding error is at most ${bound.toExponential(2)} ` +
            `per neuron, less than the margin ${Number(c.margin.toPrecision(6))}, ` +
            'so a float point of R_q still lands in R_δ(q,c)'
          : c.holds
            ? `not proved: the margin ${c.margin} does not exceed the rounding bound ${bound.toExponential(2)}`
            : 'not proved: the certificate fails',
        roundingBound: bound,
      };
    }
    default:
      // An embedding registered from outside: its certificate is all that is known.
      return {
        everyLength,
        floatSound: false,
        floats: 'no floating-point argument is recorded for this embedding',
        roundingBound: null,
      };
  }
}
