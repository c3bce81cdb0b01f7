/**
 * Target + ε → a sentence over a matrix vocabulary whose product is within ε
 * of the target (Frobenius), with the total proved.
 *
 * Route:
 * 1. The determinant. Scaling words reach only determinants s = e^a·2^b
 *    (dyadic: K±, H/D) or e^{a + b√2} (kronecker), so the target A is first
 *    moved to the nearest A′ with det A′ = s: along A⁻ᵀ, the gradient of
 *    ln det, where a change x of ln det costs only |x|/‖A⁻¹‖_F in the
 *    Frobenius norm (Newton on det(A + λA⁻ᵀ) = s). The cheapest (a, b) within
 *    that tolerance comes from `approximants.ts`. This part costs Θ(1/ε), and
 *    no sentence over the vocabulary can do with fewer scaling words than
 *    `determinantLowerBound`, computed for the target from the same
 *    tolerance (three-distance theorem); the construction usually meets it.
 *    Then A′ = B·Δ with Δ = diag(s, 1, …, 1) made exactly by the scaling
 *    words (interleaved, so partial products stay well scaled) and det B = 1.
 * 2. B ∈ SL(d), by elimination into d² − 1 shears (the dimension of SL(d),
 *    so no parameter is wasted): for each k, one shear makes b_kk = 1
 *    (row k += x·row p, pivot p maximizing |b_pk|, after an exact ±row k
 *    added to row p when that pivot is small), then the shears of column k
 *    and of row k clear them. No permutation and no diagonal is left over,
 *    so Whitehead's identity is not needed.
 * 3. Every shear parameter t to a tolerance η: dyadic, by Horner digits
 *    between halvings — E(t) = C^{s₁}·E(c_{s₁})·C⁻¹·E(c_{s₁−1})⋯C⁻¹·E(c_{s₀})·C^{−s₀}
 *    for the signed binary digits c_s of t (C E(x) C⁻¹ = E(2x): C = D_i for a
 *    shear of row i, H_j for one of column j), the shears of one column (or
 *    row) sharing the halvings since they commute; kronecker, by the
 *    cheapest p + q√2 (Θ(1/η) words).
 *
 * The ε budget: ‖A′ − A‖_F takes a share of 0.99·ε (searched over a grid, the
 * shortest sentence wins). For the shears, with the factors F_1⋯F_N of B in
 * matrix order and F̃_k the compiled ones, B̃ − B = Σ_k F̃_1⋯F̃_{k−1}(F̃_k − F_k)F_{k+1}⋯F_N,
 * and each term has rank one: its norm is |t̃_k − t_k|·‖F̃_1⋯F̃_{k−1}e_i‖·‖e_jᵀF_{k+1}⋯F_N‖
 * for a shear I + t·E_ij, where the prefix differs from the exact one by
 * less than ε (the same sum, inductively). So shear k gets the tolerance
 * η_k = share_k / ((‖prefix e_i‖ + ε)·‖e_jᵀ suffix‖): dyadic, equal shares
 * (costs log(1/η)); kronecker, η_k ∝ 1/√w_k (the Lagrange optimum for costs
 * 1/η). Δ is exact, and ‖B̃Δ − BΔ‖ is bounded by the same sum with Δ in the
 * suffix. The product is then computed exactly and its distance to the
 * target bounded with 80-digit balls (`evaluate.ts`): that bound is what is
 * reported, and a sentence whose bound exceeds ε is never returned (the
 * budget is tightened and the compile repeated).
 */
import { WordflowError, limitError } from '../errors.js';
import { DEFAULT_MATRIX_LIMITS, type MatrixLimits } from '../limits.js';
import { cheapestApproximant } from './approximants.js';
import {
  exactProduct,
  frobeniusError,
  matrixValue,
  mergeRuns,
  sentenceLength,
  simplifyRuns,
  type MatrixError,
  type Run,
} from './evaluate.js';
import { Mid, type Ball, type MidValue } from './interval.js';
import type { ExactMatrix } from './ring.js';
import type { MatrixTarget } from './target.js';
import { matrixVocabulary, type MatrixVocabulary, type MatrixVocabularyName } from './vocabulary.js';

/** Options of `approximateMatrix`. */
export interface ApproximateMatrixOptions {
  /** The tolerance ε (Frobenius), 1e-30 ≤ ε. */
  readonly eps: number;
  /** Which vocabulary (default `dyadic`). */
  readonly vocabulary?: MatrixVocabularyName;
  /** Add R = diag(−1, 1, …) so targets with det < 0 are reachable. */
  readonly reflection?: boolean;
  readonly limits?: Partial<MatrixLimits>;
}

/** Where the words of a sentence go. */
export interface LengthParts {
  /** Scaling words reaching det A (K±, H/D of Δ; kronecker diagonal words). */
  readonly determinant: number;
  /**
   * No sentence over this vocabulary within ε of the target has fewer scaling
   * words than this (null when ε is too large for the bound to say anything).
   */
  readonly determinantLowerBound: number | null;
  /** Shear words: Horner digits (dyadic) or p + q√2 runs (kronecker). */
  readonly shears: number;
  /** Halvings and doublings between Horner digits (dyadic only). */
  readonly halvings: number;
  /** Fixed words: the quarter turns that move Δ to coordinate 1, the reflection R. */
  readonly fixed: number;
}

/** A compiled sentence with its exact product and its proved error. */
export interface MatrixApproximation {
  readonly vocabulary: MatrixVocabulary;
  readonly target: MatrixTarget;
  readonly eps: number;
  /** Runs `[name, count]`, the first applied first (its matrix is Wn⋯W1). */
  readonly sentence: readonly Run[];
  readonly length: number;
  /** The product, exactly. */
  readonly product: ExactMatrix;
  /** The product's value, as balls. */
  readonly productValue: readonly (readonly Ball[])[];
  /** ‖product − target‖_F: proved bound (≤ ε) and measured value. */
  readonly error: MatrixError;
  readonly parts: LengthParts;
  /** det A ≈ s = e^a·2^b (dyadic) or e^{a + b√2} (kronecker); null when exact by halvings alone. */
  readonly determinantWords: { readonly a: bigint; readonly b: bigint } | null;
}

/** The smallest ε accepted: errors are proved with 80-digit balls, which leave ≈ 60 digits after a long product. */
export const MIN_EPS = 1e-30;

type Category = keyof Omit<LengthParts, 'determinantLowerBound'>;
type Emit = (name: string, count: number, category: Category) => void;

/** One elementary factor in matrix order. */
type Factor = {
  readonly kind: 'shear';
  readonly row: number;
  readonly col: number;
  readonly t: MidValue;
  readonly group: number;
};

interface Group {
  /** The halving coordinate and whether it scales a row (C = D_i) or a column (C = H_j). */
  readonly coordinate: number;
  readonly side: 'row' | 'col';
  readonly members: Factor[];
}

/** Plain doubles for the budget's norms (never for reported numbers). */
type Dense = number[][];

function denseIdentity(d: number): Dense {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
}
function denseMul(a: Dense, b: Dense): Dense {
  const d = a.length;
  const out = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      const x = a[i]![k]!;
      if (x !== 0) for (let j = 0; j < d; j++) out[i]![j]! += x * b[k]![j]!;
    }
  return out;
}

/** det B = 1 elimination into shears (step 2): the factors of B in matrix order, grouped. */
function eliminate(b0: readonly (readonly MidValue[])[]): Group[] {
  const d = b0.length;
  const b = b0.map((r) => [...r]);
  const left: Group[] = [];
  const right: Group[] = [];
  const tiny = new Mid(10).pow(-70);
  const rowAdd = (target: number, source: number, t: MidValue) => {
    for (let j = 0; j < d; j++) b[target]![j] = b[target]![j]!.plus(t.times(b[source]![j]!));
  };
  for (let k = 0; k < d - 1; k++) {
    const pivot = b[k]![k]!;
    if (pivot.minus(1).abs().gt(tiny)) {
      let p = k + 1;
      for (let i = k + 2; i < d; i++) if (b[i]![k]!.abs().gt(b[p]![k]!.abs())) p = i;
      if (b[p]![k]!.abs().lt(pivot.abs().div(4))) {
        // A small pivot would make x large: first add ±row k to row p (an exact shear).
        const sigma = new Mid(b[p]![k]!.isNeg() !== pivot.isNeg() ? -1 : 1);
        rowAdd(p, k, sigma);
        left.push({
          coordinate: p,
          side: 'row',
          members: [{ kind: 'shear', row: p, col: k, t: sigma.neg(), group: 0 }],
        });
      }
      const x = new Mid(1).minus(b[k]![k]!).div(b[p]![k]!);
      rowAdd(k, p, x);
      left.push({ coordinate: k, side: 'row', members: [{ kind: 'shear', row: k, col: p, t: x.neg(), group: 0 }] });
    }
    const column: Factor[] = [];
    for (let i = k + 1; i < d; i++) {
      const t = b[i]![k]!;
      if (t.abs().lte(tiny)) continue;
      rowAdd(i, k, t.neg());
      column.push({ kind: 'shear', row: i, col: k, t, group: 0 });
    }
    if (column.length > 0) left.push({ coordinate: k, side: 'col', members: column });
    const row: Factor[] = [];
    for (let j = k + 1; j < d; j++) {
      const t = b[k]![j]!;
      if (t.abs().lte(tiny)) continue;
      b[k]![j] = new Mid(0);
      row.push({ kind: 'shear', row: k, col: j, t, group: 0 });
    }
    if (row.length > 0) right.unshift({ coordinate: k, side: 'row', members: row });
  }
  return [...left, ...right];
}

/** Non-adjacent-form digits of n (least significant first), each in {−1, 0, 1}. */
function naf(n: bigint): number[] {
  const out: number[] = [];
  let x = n;
  while (x !== 0n) {
    if ((x & 1n) !== 0n) {
      const r = ((x % 4n) + 4n) % 4n === 1n ? 1n : -1n;
      out.push(Number(r));
      x -= r;
    } else out.push(0);
    x /= 2n;
  }
  return out;
}

/** The fewest binary places k with |t − round(t·2^k)/2^k| ≤ η, and that numerator. */
function binaryDigits(t: MidValue, eta: number): { n: bigint; k: number } {
  let scaled = t;
  let window = new Mid(eta);
  for (let k = 0; ; k++) {
    const n = scaled.toDecimalPlaces(0, Mid.ROUND_HALF_EVEN);
    if (scaled.minus(n).abs().lte(window) || k > 400) return { n: BigInt(n.toFixed(0)), k };
    scaled = scaled.times(2);
    window = window.times(2);
  }
}

const idx = (vocabulary: MatrixVocabulary, i: number, j: number) =>
  vocabulary.dimension <= 9 ? `${i + 1}${j + 1}` : `${i + 1},${j + 1}`;

/** Emits a dyadic group by Horner: the cheaper of all-digit conjugation and integer parts as plain runs. */
function emitHorner(v: MatrixVocabulary, group: Group, tolerance: (f: Factor) => number, emit: Emit): void {
  const shears = group.members.map((f) => {
    if (f.kind !== 'shear') throw new Error('unreachable');
    return { f, ...binaryDigits(f.t, tolerance(f)) };
  });
  const K = Math.max(...shears.map((s) => s.k));
  // digits[s][position + K] for positions −K … top.
  const digits = shears.map((s) => naf(s.n * 2n ** BigInt(K - s.k)));
  const lowest = Math.min(
    ...digits.map((ds) => {
      const i = ds.findIndex((x) => x !== 0);
      return i < 0 ? K : i;
    }),
    K,
  );
  const top = Math.max(K, ...digits.map((ds) => ds.length - 1));
  const sMin = lowest - K; // ≤ 0
  const sMax = top - K; // ≥ 0
  const nnz = (ds: number[], from: number, to: number) => ds.slice(from, to + 1).filter((x) => x !== 0).length;
  const integerPart = (ds: number[]) => ds.slice(K).reduce((acc, x, i) => acc + x * 2 ** i, 0);
  const costAll = 2 * (sMax - sMin) + digits.reduce((acc, ds) => acc + nnz(ds, lowest, top), 0);
  const costInt = 2 * -sMin + digits.reduce((acc, ds) => acc + nnz(ds, lowest, K - 1) + Math.abs(integerPart(ds)), 0);
  const useAll = costAll < costInt;
  const c = group.coordinate + 1;
  const C = group.side === 'row' ? `D${c}` : `H${c}`;
  const Cinv = group.side === 'row' ? `H${c}` : `D${c}`;
  const last = useAll ? sMax : 0;
  emit(C, -sMin, 'halvings');
  for (let s = sMin; s <= last; s++) {
    if (s > sMin) emit(Cinv, 1, 'halvings');
    shears.forEach(({ f }, m) => {
      if (f.kind !== 'shear') return;
      const ds = digits[m]!;
      const digit = !useAll && s === 0 ? integerPart(ds) : (ds[s + K] ?? 0);
      if (digit !== 0) emit(`E${idx(v, f.row, f.col)}${digit > 0 ? '+' : '-'}`, Math.abs(digit), 'shears');
    });
  }
  emit(C, last, 'halvings');
}

/**
 * Two scaling words as alternating runs, so that partial products stay well
 * scaled: a checker that multiplies word by word in fixed precision would
 * overflow on K^{1000} followed by H^{1443}. Each round moves the log-scale
 * by at most about 2 (for long determinants, at most 1000 rounds, so the
 * sentence stays a few thousand runs).
 */
function interleave(
  emit: Emit,
  first: { name: string; count: number; step: number },
  second: { name: string; count: number; step: number },
  category: Category,
): void {
  const swing = Math.max(first.count * Math.abs(first.step), second.count * Math.abs(second.step));
  const rounds = Math.max(1, Math.min(1000, Math.ceil(swing / 2)));
  let i = 0;
  let j = 0;
  for (let r = 1; r <= rounds; r++) {
    const ni = Math.round((first.count * r) / rounds);
    const nj = Math.round((second.count * r) / rounds);
    emit(first.name, ni - i, category);
    emit(second.name, nj - j, category);
    i = ni;
    j = nj;
  }
}

/** Solves X·Y = I by Gauss–Jordan with partial pivoting at 80 digits: X⁻¹, and det X. */
function inverse(x: readonly (readonly MidValue[])[]): { inv: MidValue[][]; det: MidValue } {
  const d = x.length;
  const m = x.map((r, i) => [...r, ...Array.from({ length: d }, (_, j) => new Mid(i === j ? 1 : 0))]);
  let det = new Mid(1);
  for (let k = 0; k < d; k++) {
    let p = k;
    for (let i = k + 1; i < d; i++) if (m[i]![k]!.abs().gt(m[p]![k]!.abs())) p = i;
    if (p !== k) {
      [m[k], m[p]] = [m[p]!, m[k]!];
      det = det.neg();
    }
    const pivot = m[k]![k]!;
    det = det.times(pivot);
    for (let j = 0; j < 2 * d; j++) m[k]![j] = m[k]![j]!.div(pivot);
    for (let i = 0; i < d; i++) {
      if (i === k) continue;
      const f = m[i]![k]!;
      if (f.isZero()) continue;
      for (let j = 0; j < 2 * d; j++) m[i]![j] = m[i]![j]!.minus(f.times(m[k]![j]!));
    }
  }
  return { inv: m.map((r) => r.slice(d)), det };
}

const frobeniusMid = (m: readonly (readonly MidValue[])[]): number =>
  Math.sqrt(m.flat().reduce((s, x) => s + x.toNumber() ** 2, 0));

/**
 * The matrix A + λ·A⁻ᵀ with determinant exactly s (to 80 digits): A moved
 * along the gradient of ln det, the cheapest direction in the Frobenius
 * norm — a change x of ln det costs |x|/‖A⁻¹‖_F to first order. Newton on λ.
 */
function withDeterminant(a: readonly (readonly MidValue[])[], s: MidValue): MidValue[][] | null {
  const d = a.length;
  const { inv } = inverse(a);
  const dir = a.map((_, i) => a.map((__, j) => inv[j]![i]!)); // A⁻ᵀ
  let lambda = new Mid(0);
  const at = (l: MidValue) => a.map((r, i) => r.map((x, j) => x.plus(l.times(dir[i]![j]!))));
  const tiny = s.times(new Mid(10).pow(-75));
  for (let it = 0; it < 60; it++) {
    const x = at(lambda);
    const { inv: xi, det } = inverse(x);
    if (!det.gt(0)) return null;
    const f = det.minus(s);
    if (f.abs().lt(tiny)) return x;
    // d/dλ det(A + λM) = det·tr((A + λM)⁻¹ M) (Jacobi's formula).
    let trace = new Mid(0);
    for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) trace = trace.plus(xi[i]![k]!.times(dir[k]![i]!));
    lambda = lambda.minus(f.div(det.times(trace)));
  }
  return null;
}

/** The factors of B in matrix order, grouped, each shear with the norm that weights its error. */
function plan(
  b: readonly (readonly MidValue[])[],
  eps: number,
  scale: number,
): { groups: Group[]; weights: Map<Factor, number> } {
  const d = b.length;
  const groups = eliminate(b);
  const flat: Factor[] = groups.flatMap((g) => g.members);
  const dense = flat.map((f) => {
    const m = denseIdentity(d);
    if (f.kind === 'shear') m[f.row]![f.col] = f.t.toNumber();
    return m;
  });
  const prefix: Dense[] = [denseIdentity(d)];
  for (const m of dense) prefix.push(denseMul(prefix[prefix.length - 1]!, m));
  // A′ = B·Δ: every suffix ends with Δ = diag(s, 1, …, 1).
  const delta = denseIdentity(d);
  delta[0]![0] = scale;
  const suffix: Dense[] = [delta];
  for (let k = dense.length - 1; k >= 0; k--) suffix.unshift(denseMul(dense[k]!, suffix[0]!));
  // The first-order term of factor k is prefix·(F̃_k − F_k)·suffix, of rank one: its Frobenius norm is
  // |t̃ − t|·‖prefix e_i‖·‖e_jᵀ suffix‖ for a shear I + t·E_ij.
  const column = (m: Dense, i: number) => Math.sqrt(m.reduce((s, r) => s + r[i]! ** 2, 0));
  const row = (m: Dense, j: number) => Math.sqrt(m[j]!.reduce((s, x) => s + x ** 2, 0));
  const weights = new Map<Factor, number>();
  flat.forEach((f, k) => {
    if (f.kind === 'shear') weights.set(f, (column(prefix[k]!, f.row) + eps) * row(suffix[k + 1]!, f.col));
  });
  return { groups, weights };
}

/** The smallest number of scaling words any sentence within ε of A needs (see `LengthParts`). */
function determinantLowerBound(inverseNorm: number, lnDelta: MidValue, alpha: MidValue, eps: number): number | null {
  // If ‖P − A‖_F ≤ ε then |ln det P − ln |det A|| ≤ fε/(1 − fε), f = ‖A⁻¹‖_F: with E = P − A,
  // ln det P − ln det A = Σ ln(1 + λ_i(A⁻¹E)) and Σ|λ_i| ≤ ‖A⁻¹E‖_* ≤ ‖A⁻¹‖_F·‖E‖_F (Weyl, Hölder).
  const x = inverseNorm * (1 + 1e-9) * eps;
  if (!(x < 0.2)) return null;
  const eta = new Mid(x / (1 - x)).times(1 + 1e-9);
  const r = cheapestApproximant(lnDelta, alpha, eta, 10n ** 15n, 1);
  return r === null ? null : Number(r.cost);
}

const LN2 = new Mid(2).ln();
const SQRT2_MID = new Mid(2).sqrt();

interface Compiled {
  readonly runs: Run[];
  readonly parts: Omit<LengthParts, 'determinantLowerBound'>;
  readonly determinantWords: { a: bigint; b: bigint } | null;
}

/**
 * One compile at a budget: `share` of it for moving A to the nearest matrix
 * A′ whose determinant the scaling words reach, the rest for the shears.
 * A′ = B·Δ with Δ = diag(s, 1, …, 1) exactly (the scaling words act on
 * coordinate 1), B ∈ SL(d). Null when this share cannot work.
 */
function compileAt(
  v: MatrixVocabulary,
  a: readonly (readonly MidValue[])[],
  lnDelta: MidValue,
  exactLog2: number | null,
  inverseNorm: number,
  budget: number,
  share: number,
  cache: Map<string, MidValue[][] | null>,
): Compiled | null {
  const kron = v.name === 'kronecker';
  const detExact = exactLog2 !== null && (!kron || exactLog2 === 0);
  const parts = { determinant: 0, shears: 0, halvings: 0, fixed: 0 };
  const detRuns: Run[] = [];
  const emitDet: Emit = (name, count, category) => {
    if (count <= 0) return;
    detRuns.push([name, count]);
    parts[category] += count;
  };
  let determinantWords: { a: bigint; b: bigint } | null = null;
  let target = a;
  let lnS: MidValue;
  if (detExact) {
    lnS = LN2.times(exactLog2);
    if (!kron) emitDet(exactLog2 >= 0 ? 'D1' : 'H1', Math.abs(exactLog2), 'determinant');
  } else {
    // |ln s − ln δ| ≤ η moves A by about η/‖A⁻¹‖_F.
    const eta = Math.min(share * budget * inverseNorm * 0.999, 0.05);
    const alpha = kron ? SQRT2_MID : LN2;
    const r = cheapestApproximant(lnDelta, alpha, new Mid(eta), 10n ** 15n, -1);
    if (r === null) return null;
    determinantWords = { a: r.a, b: r.b };
    lnS = new Mid(r.a.toString()).plus(alpha.times(r.b.toString()));
    const key = `${r.a},${r.b}`;
    let moved = cache.get(key);
    if (moved === undefined) {
      moved = withDeterminant(a, lnS.exp());
      cache.set(key, moved);
    }
    if (moved === null) return null;
    const distance = frobeniusMid(moved.map((row, i) => row.map((x, j) => x.minus(a[i]![j]!))));
    if (distance > share * budget) return null;
    target = moved;
    const A = Number(r.a);
    const B = Number(r.b);
    if (kron) {
      interleave(
        emitDet,
        { name: `E${idx(v, 0, 0)}${A >= 0 ? '+' : '-'}`, count: Math.abs(A), step: Math.sign(A) },
        { name: `E${idx(v, 0, 0)}${B >= 0 ? '+' : '-'}√2`, count: Math.abs(B), step: Math.sign(B) * Math.SQRT2 },
        'determinant',
      );
    } else {
      interleave(
        emitDet,
        { name: A >= 0 ? 'K+' : 'K-', count: Math.abs(A), step: Math.sign(A) },
        { name: B >= 0 ? 'D1' : 'H1', count: Math.abs(B), step: Math.sign(B) * Math.LN2 },
        'determinant',
      );
    }
  }
  const s = lnS.exp();
  const b = target.map((row) => row.map((x, j) => (j === 0 ? x.div(s) : x)));
  const { groups, weights } = plan(b, budget, s.toNumber());
  const rest = detExact ? budget : (1 - share) * budget;
  const inexact = [...weights].filter(([f]) => f.kind === 'shear' && !f.t.isInteger());
  const tol = new Map<Factor, number>();
  if (kron) {
    // Costs ∝ 1/η: η_k = λ/√w_k with Σ w_k·η_k = rest (Lagrange).
    const sum = inexact.reduce((acc, [, w]) => acc + Math.sqrt(w), 0);
    for (const [f, w] of inexact) tol.set(f, rest / sum / Math.sqrt(w));
  } else {
    for (const [f, w] of inexact) tol.set(f, rest / inexact.length / w);
  }
  const tolerance = (f: Factor) => tol.get(f) ?? 0;

  let failed = false;
  const groupRuns: Run[][] = groups.map((g) => {
    const out: Run[] = [];
    const emitGroup: Emit = (name, count, category) => {
      if (count <= 0) return;
      out.push([name, count]);
      parts[category] += count;
    };
    if (!kron) emitHorner(v, g, tolerance, emitGroup);
    else {
      for (const f of g.members) {
        if (f.kind !== 'shear') continue;
        const e = `E${idx(v, f.row, f.col)}`;
        if (f.t.isInteger()) {
          const n = f.t.toNumber();
          emitGroup(`${e}${n > 0 ? '+' : '-'}`, Math.abs(n), 'shears');
          continue;
        }
        const r = cheapestApproximant(f.t, SQRT2_MID, new Mid(tolerance(f)).times(1 - 1e-12), 10n ** 15n, -1);
        if (r === null) {
          failed = true;
          continue;
        }
        emitGroup(`${e}${r.a >= 0n ? '+' : '-'}`, Math.abs(Number(r.a)), 'shears');
        emitGroup(`${e}${r.b >= 0n ? '+' : '-'}√2`, Math.abs(Number(r.b)), 'shears');
      }
    }
    return out;
  });
  if (failed) return null;
  // A′ = B·Δ: Δ's words come first; B's groups are in matrix order, so the sentence reads them backwards.
  const runs = simplifyRuns(v, [...detRuns, ...groupRuns.reverse().flat()]);
  // Cancelled pairs are halvings next to halvings or to the determinant's doublings: count them off the halvings.
  parts.halvings = Math.max(
    0,
    parts.halvings - (sentenceLength([...detRuns, ...groupRuns.flat()]) - sentenceLength(runs)),
  );
  return { runs, parts, determinantWords };
}

/**
 * A sentence over the `dyadic` (default) or `kronecker` vocabulary whose
 * product is within ε of the target in the Frobenius norm — proved: the
 * product is computed exactly and its distance bounded with 80-digit balls.
 * Throws a `WordflowError` for det A = 0, for det A < 0 without
 * `reflection`, for ε out of range, and when the sentence would be longer
 * than `limits.maxSentenceLength` (flag `--max-length`).
 */
export function approximateMatrix(target: MatrixTarget, options: ApproximateMatrixOptions): MatrixApproximation {
  const { eps } = options;
  const limits = { ...DEFAULT_MATRIX_LIMITS, ...options.limits };
  const name = options.vocabulary ?? 'dyadic';
  const d = target.dimension;
  if (d > limits.maxDimension) throw limitError(`dimension ${d}`, 'maxDimension', limits.maxDimension);
  if (d < 2)
    throw new WordflowError(
      'usage',
      `the target is ${d}×${d}: the matrix vocabularies start at d = 2 (for a number x, use [[x, 0], [0, 1]])`,
    );
  if (!(eps > 0) || !Number.isFinite(eps)) throw new WordflowError('usage', `ε must be a positive number, got ${eps}`);
  if (eps < MIN_EPS)
    throw new WordflowError(
      'usage',
      `ε = ${eps} is below ${MIN_EPS}: errors are proved with 80-digit arithmetic, which cannot certify less`,
    );
  const det = target.determinant;
  if (det.sign === 0 || det.ln === null) {
    throw new WordflowError(
      'usage',
      'the target is singular (det = 0): every word is invertible, so every product has det ≠ 0 ' +
        'and no sentence equals it. ' +
        'Sentences only approach it as their determinant δ → 0: that takes about log2(1/δ) halvings, ' +
        'and a δ that is not ' +
        'a power of two costs Θ(1/ε) more scaling words. Give a nearby invertible target instead',
    );
  }
  const reflect = det.sign < 0;
  if (reflect && options.reflection !== true) {
    throw new WordflowError(
      'usage',
      `det of the target is ${det.text} < 0, but every word has det > 0, so every product does, ` +
        'and no sentence comes closer than the ' +
        "target's smallest singular value: add the reflection R = diag(-1, 1, …) with --reflection",
    );
  }
  const v = matrixVocabulary(name, d, options.reflection === true);
  // With R: P = R·P′ and ‖R·P′ − A‖ = ‖P′ − R·A‖ (R is orthogonal), so compile R·A.
  const a = target.entries.map((row, i) => row.map((x) => (reflect && i === 0 ? x.mid.neg() : x.mid)));
  const kron = name === 'kronecker';
  const exactLog2 = det.log2;
  const lnDelta = exactLog2 !== null ? LN2.times(exactLog2) : det.ln;
  const detExact = exactLog2 !== null && (!kron || exactLog2 === 0);
  const inverseNorm = frobeniusMid(inverse(a).inv);
  const lower = determinantLowerBound(inverseNorm, det.ln, kron ? SQRT2_MID : LN2, eps);
  const shares = detExact ? [0] : [0.3, 0.5, 0.7, 0.85, 0.93, 0.97, 0.99, 0.998];
  // A′ for each determinant reached (several shares often pick the same e^a·2^b).
  const cache = new Map<string, MidValue[][] | null>();
  for (let attempt = 0, budget = 0.99 * eps; attempt < 6; attempt++, budget /= 4) {
    let best: Compiled | null = null;
    for (const share of shares) {
      const c = compileAt(v, a, lnDelta, exactLog2, inverseNorm, budget, share, cache);
      if (c !== null && (best === null || sentenceLength(c.runs) < sentenceLength(best.runs))) best = c;
    }
    if (best === null) continue;
    const runs = reflect ? mergeRuns([...best.runs, ['R', 1]]) : best.runs;
    const parts = { ...best.parts, fixed: best.parts.fixed + (reflect ? 1 : 0), determinantLowerBound: lower };
    const length = sentenceLength(runs);
    if (length > limits.maxSentenceLength) {
      throw limitError(
        `a sentence of ${length.toLocaleString('en-US')} words (ε = ${eps}, ${name})`,
        'maxSentenceLength',
        limits.maxSentenceLength,
      );
    }
    const product = exactProduct(v, runs);
    const productValue = matrixValue(product);
    const error = frobeniusError(productValue, target.entries);
    if (error.bound.lte(eps)) {
      return {
        vocabulary: v,
        target,
        eps,
        sentence: runs,
        length,
        product,
        productValue,
        error,
        parts,
        determinantWords: best.determinantWords,
      };
    }
  }
  throw new WordflowError(
    'internal',
    `no sentence within ε = ${eps} could be proved for ${target.description}; ` +
      'the target may be too ill-conditioned for 80-digit arithmetic',
  );
}
