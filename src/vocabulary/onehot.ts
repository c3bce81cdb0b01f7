/**
 * `onehot`: the compositional matrix-space view. State q is the unit vector
 * e_q of R^n and word c is the linear map x ↦ M_c x with the 0/1 matrix
 * M_c = [e_{δ(0,c)} … e_{δ(n-1,c)}] (one 1 per column), stored sparsely by
 * columns so a letter costs O(n + non-zeros).
 *
 * Regions are L1 balls R_q = {x : ‖x − e_q‖₁ ≤ r} (r = ¼), not boxes: a
 * 0/1 matrix with two columns into the same row doubles a box's width in
 * that row, while a matrix whose columns have L1 norm ≤ 1 never enlarges an
 * L1 ball (‖M u‖₁ ≤ ‖u‖₁). Linear maps do not contract, so the images touch
 * the boundary: the margin is 0, and the inclusion still holds exactly.
 * T = {x : Σ_{q∈F} x_q > ½}.
 */
import type { CompleteDfa } from '../automata/dfa.js';
import { addProduct, entries, type SparseColumns, transitionColumns } from './sparse.js';

export type { SparseColumns } from './sparse.js';
import { acceptingStates, applyVia, runVia, labels, wordName } from './common.js';
import { CertificateBuilder, type Certificate, type VocabularyBase, type VocabularyJson } from './types.js';
import { composedImage, type EmbeddingSpec, fmt, imageOf, list } from './registry.js';

/** The real parameters of an onehot vocabulary. */
export interface OnehotParams {
  /** One matrix per class. */
  readonly matrices: readonly SparseColumns[];
  /** L1 radius of the regions. */
  readonly radius: number;
}

/** An onehot vocabulary. */
export type OnehotVocabulary = VocabularyBase<'onehot', OnehotParams>;

/** M_c with a single 1 per column, at row δ(q, c). */
export function onehotParams(dfa: CompleteDfa, radius = 0.25): OnehotParams {
  return { matrices: dfa.alphabet.classes.map((_, c) => transitionColumns(dfa, c, 1)), radius };
}

/** out = M x (out must not alias x). */
function multiply(m: SparseColumns, x: Float64Array, out: Float64Array): void {
  out.fill(0);
  addProduct(m, x, out);
}

/** The `onehot` vocabulary of a complete DFA. */
export function onehotVocabulary(dfa: CompleteDfa, params: OnehotParams = onehotParams(dfa)): OnehotVocabulary {
  const n = dfa.states;
  const accepting = acceptingStates(dfa);
  const start = new Float64Array(n);
  start[dfa.start] = 1;
  const stateOf = (x: Float64Array): number | null => {
    let best = 0;
    for (let q = 1; q < n; q++) if (x[q]! > x[best]!) best = q;
    let dist = 0;
    for (let q = 0; q < n; q++) dist += Math.abs(x[q]! - (q === best ? 1 : 0));
    return dist <= params.radius ? best : null;
  };
  const wordStep = (word: number, x: Float64Array, out: Float64Array): void => multiply(params.matrices[word]!, x, out);
  return {
    embedding: 'onehot',
    dfa,
    dimension: n,
    start,
    params,
    apply: applyVia(wordStep, dfa, n),
    run: runVia(wordStep, dfa, n, start),
    stateOf,
    inTarget(x) {
      let s = 0;
      for (const q of accepting) s += x[q]!;
      return s > 0.5;
    },
    describe(): VocabularyJson {
      const names = labels(dfa);
      return {
        embedding: 'onehot',
        dimension: n,
        states: n,
        startState: dfa.start,
        accepting,
        start: [...start],
        words: params.matrices.map((m, c) => ({
          class: c,
          label: names[c]!,
          map: { kind: 'onehot', entries: entries(m) },
        })),
        regions: { description: `R_q = {x : ‖x − e_q‖₁ ≤ ${params.radius}}`, norm: 'L1', radius: params.radius },
        target: { description: 'T = {x : Σ_{q∈F} x_q > 1/2}', states: accepting, threshold: 0.5 },
        constants: { radius: params.radius },
      };
    },
  };
}

/**
 * Exact check. The image of the L1 ball B(e_q, r) under M is the convex hull
 * of M(e_q ± r e_j), so it lies in B(e_δ, r) iff every such vertex does. With
 * d = M e_q − e_δ, ‖d ± r M e_j‖₁ = ‖d‖₁ + r‖M e_j‖₁ whenever column j misses
 * the support of d; only the few columns meeting it are summed explicitly
 * (none at all for a correct matrix, where d = 0).
 */
export function certifyOnehot(v: OnehotVocabulary): Certificate {
  const { dfa, params } = v;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const r = params.radius;
  const b = new CertificateBuilder('onehot', n, k, 'exact');
  if (!(r >= 0 && r < 1))
    b.fail({
      condition: 'regions',
      state: 0,
      message: `L1 balls of radius ${r} around unit vectors overlap (need r < 1)`,
    });
  for (let q = 0; q < n; q++) {
    if (v.start[q] !== (q === dfa.start ? 1 : 0)) {
      b.fail({ condition: 'regions', state: dfa.start, message: 'the start point is not e_{q0}' });
      break;
    }
  }
  const anyAccepting = dfa.accepting.includes(1);
  for (let q = 0; q < n; q++) {
    if (dfa.accepting[q] === 1 && !(1 - r > 0.5))
      b.fail({ condition: 'target', state: q, message: `R_${q} leaves T: its points can have Σ_F x = ${1 - r}` });
    if (dfa.accepting[q] === 0 && anyAccepting && !(r <= 0.5))
      b.fail({ condition: 'target', state: q, message: `R_${q} meets T: its points can have Σ_F x = ${r}` });
  }
  for (let c = 0; c < k; c++) {
    const m = params.matrices[c]!;
    const norms = new Float64Array(n);
    const rowCols: number[][] = Array.from({ length: n }, () => []);
    for (let j = 0; j < n; j++) {
      for (let e = m.colStart[j]!; e < m.colStart[j + 1]!; e++) {
        norms[j]! += Math.abs(m.values[e]!);
        rowCols[m.rows[e]!]!.push(j);
      }
    }
    const byNorm = Array.from({ length: n }, (_, j) => j).sort((a, z) => norms[z]! - norms[a]!);
    for (let q = 0; q < n; q++) {
      const target = dfa.delta[q * k + c]!;
      const d = new Map<number, number>([[target, -1]]);
      for (let e = m.colStart[q]!; e < m.colStart[q + 1]!; e++)
        d.set(m.rows[e]!, (d.get(m.rows[e]!) ?? 0) + m.values[e]!);
      for (const [row, val] of [...d]) if (val === 0) d.delete(row);
      let dNorm = 0;
      for (const val of d.values()) dNorm += Math.abs(val);
      const touching = new Set<number>();
      for (const row of d.keys()) for (const j of rowCols[row]!) touching.add(j);
      let worst = dNorm;
      for (const j of byNorm) {
        if (touching.has(j)) continue;
        worst = Math.max(worst, dNorm + r * norms[j]!);
        break;
      }
      for (const j of touching) {
        for (const sign of [1, -1]) {
          const w = new Map(d);
          for (let e = m.colStart[j]!; e < m.colStart[j + 1]!; e++)
            w.set(m.rows[e]!, (w.get(m.rows[e]!) ?? 0) + sign * r * m.values[e]!);
          let s = 0;
          for (const val of w.values()) s += Math.abs(val);
          worst = Math.max(worst, s);
        }
      }
      b.image(
        r - worst,
        q,
        c,
        () => `M_${wordName(dfa, c)} carries R_${q} up to L1 distance ${worst} from e_${target} (radius ${r})`,
      );
    }
  }
  return b.result();
}

/** The registry record of `onehot` (see registry.ts). */
export const onehotEmbedding: EmbeddingSpec<OnehotVocabulary> = {
  name: 'onehot',
  summary: 'ℝ^n; linear, x ↦ M_c x with M_c 0/1; T = {x : Σ_{q∈F} x_q > ½}',
  build: (dfa) => onehotVocabulary(dfa),
  certify: certifyOnehot,
  describeMap: (v, c) =>
    `the 0/1 matrix sending e_q to e_δ(q,c): ${list(imageOf(v.dfa, c).map((s) => `e${s.replace('→', '→e')}`))}`,
  describeComposition: (v, classes) => `: the 0/1 matrix of ${list(composedImage(v.dfa, classes))}`,
  formatWord: (map, label, json) =>
    map.kind === 'onehot'
      ? [
          `word ${label}: x ↦ M x, M a ${json.states}×${json.states} 0/1 matrix (entries row←column)`,
          `  ${map.entries.map(([r, c, v]) => (v === 1 ? `e${c}→e${r}` : `M[${r},${c}]=${fmt(v)}`)).join('  ')}`,
        ]
      : [],
  targetScore: (v, x) => {
    let sum = 0;
    for (let q = 0; q < v.dfa.states; q++) if (v.dfa.accepting[q] === 1) sum += x[q]!;
    return { name: 'Σ', value: sum };
  },
  picture: 'heatmap',
  plot: 'bars',
  live: { build: 60_000, certify: 15_000 },
};
