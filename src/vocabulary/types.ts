/**
 * One interface for every embedding of a DFA as a vocabulary of maps (the
 * regex-automata habit: many engines, one interface). A vocabulary holds,
 * for one embedding of a complete DFA: the dimension d, the start point x0,
 * one map per alphabet class (a *word*), the state regions R_q and the
 * target region T; a string's meaning is the composition of its words'
 * maps applied to x0, and it is accepted iff that point lies in T.
 *
 * Invariant of every vocabulary built here: when `certify` holds, the
 * composition lands in R_q exactly when the DFA reaches q, for every length.
 */
import type { CompleteDfa } from '../automata/dfa.js';

/**
 * A point of the embedding's space R^d. For `transform` (d = 1) it holds a
 * state id. Vocabularies never keep a reference to a point they are given.
 */
export type Point = Float64Array;

/** What every embedding provides; `params` holds its real parameters. */
export interface VocabularyBase<E extends string, P> {
  readonly embedding: E;
  /** The complete DFA this vocabulary embeds. */
  readonly dfa: CompleteDfa;
  readonly dimension: number;
  /** x0 (a fresh copy each time it is read is not promised: do not mutate). */
  readonly start: Point;
  /** The maps' parameters, exactly as evaluated (see each embedding). */
  readonly params: P;
  /** One word's map f_c at x, written into `out` (a new point if omitted; may alias x). */
  apply(word: number, x: Point, out?: Point): Point;
  /**
   * The sentence's meaning applied to `from` (default x0): f_{c_n}(…f_{c_1}(x)).
   * Allocates only the result.
   */
  run(classes: ArrayLike<number>, from?: Point): Point;
  /** The state q whose region R_q contains x, or null. */
  stateOf(x: Point): number | null;
  /** Whether x lies in the target region T. */
  inTarget(x: Point): boolean;
  /** Serialisable description: every map with its real parameters. */
  describe(): VocabularyJson;
}

/** One word of a described vocabulary. */
export interface WordJson {
  readonly class: number;
  readonly label: string;
  readonly map: MapJson;
}

/** A word's map, per embedding. */
export type MapJson =
  | { readonly kind: 'transform'; readonly image: readonly number[] }
  | {
      readonly kind: 'onehot';
      /** Sparse 0/1 matrix: [row, column, value] for every non-zero entry. */
      readonly entries: readonly (readonly [number, number, number])[];
    }
  | {
      readonly kind: 'relu1d';
      /** Knots (x, f(x)); f is linear between knots and constant outside. */
      readonly knots: readonly (readonly [number, number])[];
      readonly network: ReluNetworkJson;
    }
  | {
      readonly kind: 'sigmoid';
      readonly gain: number;
      /** Sparse weights [row, column, weight] and the bias of every neuron. */
      readonly entries: readonly (readonly [number, number, number])[];
      readonly bias: readonly number[];
    }
  | {
      readonly kind: 'flow2d';
      /** The phrase over the base vocabulary V, e.g. `hy^3 ty+ dy^3 …`. */
      readonly phrase: string;
      /** Runs in the phrase. */
      readonly steps: number;
      /** Time-1 primitive flows in the phrase. */
      readonly length: number;
      /** Per state q: the folded affine map on R_q, x ↦ (x + shift)·scale, y ↦ (y·scale + shift) + after. */
      readonly folded: readonly {
        readonly state: number;
        readonly x: { readonly shift: number; readonly scale: number };
        readonly y: { readonly scale: number; readonly shift: number; readonly after: number };
      }[];
    };

/** A one-hidden-layer ReLU network x ↦ Σ_i out_i·relu(w_i·x + b_i) + outBias. */
export interface ReluNetworkJson {
  readonly width: number;
  readonly hiddenWeights: readonly number[];
  readonly hiddenBiases: readonly number[];
  readonly outputWeights: readonly number[];
  readonly outputBias: number;
}

/** A serialisable vocabulary. */
export interface VocabularyJson {
  readonly embedding: string;
  readonly dimension: number;
  readonly states: number;
  readonly startState: number;
  readonly accepting: readonly number[];
  readonly start: readonly number[];
  readonly words: readonly WordJson[];
  /** The state regions R_q, in words and numbers. */
  readonly regions: { readonly description: string } & Readonly<Record<string, unknown>>;
  /** The target region T. */
  readonly target: { readonly description: string } & Readonly<Record<string, unknown>>;
  /** Scalar constants of the construction (gain, ε, k, …). */
  readonly constants: Readonly<Record<string, number>>;
}

/** Which of the three region conditions (docs/ARCHITECTURE.md, "Embeddings") a failure breaks. */
export type CertificateCondition = 'regions' | 'transition' | 'target';

/** One violated condition, with where. */
export interface CertificateFailure {
  readonly condition: CertificateCondition;
  readonly state: number;
  readonly class?: number;
  readonly message: string;
}

/**
 * The result of checking conditions 1–3 (docs/ARCHITECTURE.md). `margin` is the
 * smallest distance (in the embedding's norm, see each embedding) from an
 * image f_c(R_q) to the outside of R_{δ(q,c)}; negative when some image
 * sticks out.
 */
export interface Certificate {
  readonly embedding: string;
  readonly holds: boolean;
  readonly margin: number;
  readonly states: number;
  readonly classes: number;
  /** The first few failures (at most `MAX_FAILURES`). */
  readonly failures: readonly CertificateFailure[];
  /** How many failures there were in all. */
  readonly failureCount: number;
  /** How the inclusions were decided. */
  readonly method: 'exact' | 'interval';
}

/** Failures reported at most, so a broken vocabulary of 1000 states prints briefly. */
export const MAX_FAILURES = 20;

/** Collects failures and the margin while a certificate is checked. */
export class CertificateBuilder {
  private readonly list: CertificateFailure[] = [];
  private count = 0;
  margin = Infinity;

  constructor(
    private readonly embedding: string,
    private readonly states: number,
    private readonly classes: number,
    private readonly method: 'exact' | 'interval',
  ) {}

  fail(failure: CertificateFailure): void {
    this.count++;
    if (this.list.length < MAX_FAILURES) this.list.push(failure);
  }

  /** Records the inside-distance of one image; negative fails condition 2. */
  image(distance: number, state: number, cls: number, what: () => string): void {
    if (distance < this.margin) this.margin = distance;
    if (!(distance >= 0)) this.fail({ condition: 'transition', state, class: cls, message: what() });
  }

  get failed(): boolean {
    return this.count > 0;
  }

  result(): Certificate {
    return {
      embedding: this.embedding,
      holds: this.count === 0,
      margin: this.margin === Infinity ? 0 : this.margin,
      states: this.states,
      classes: this.classes,
      failures: this.list,
      failureCount: this.count,
      method: this.method,
    };
  }
}
