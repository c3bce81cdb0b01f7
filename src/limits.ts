/**
 * Every limit wordflow enforces, with its default and the flag that raises it.
 * All defaults live here; every construction that can blow up takes a
 * `Limits` and ends in one `limit` error naming the flag (see `limitError`).
 */

export interface Limits {
  /**
   * Longest expression accepted, in UTF-16 units. 100 000 leaves room for
   * machine-generated alternations of a few thousand words.
   * `wordflow check "$(printf 'a%.0s' {1..100001})"` → "pattern length … --max-length".
   */
  readonly maxLength: number;
  /**
   * Deepest nesting of groups, classes, complements and quantifiers. The parser
   * and the AST passes recurse, so this keeps them far from the stack's end:
   * 10 000 `(` gives "nesting depth: over the limit of 500; raise it with --max-depth".
   * Map expressions count open parentheses and calls, and the height of the
   * tree (a sum of 600 terms is 600 deep: "expression depth … --max-depth").
   */
  readonly maxDepth: number;
  /**
   * Largest bound in `{m}`, `{m,}`, `{m,n}`. Counted repetition is unrolled,
   * so `a{1001}` gives "repetition bound … --max-repeat".
   */
  readonly maxRepeat: number;
  /**
   * Most states in any DFA built (subset construction, products, the NFA
   * fragments of `&` and `~`). `(a|b)*a(a|b){30}` needs 2^31 and stops here:
   * "DFA states: over the limit of 100,000; raise it with --max-states".
   */
  readonly maxStates: number;
  /**
   * Most NFA states built from one expression after unrolling repetitions
   * (`(a{1000}){1000}` would need a million): "NFA states … --max-nfa-states".
   */
  readonly maxNfaStates: number;
  /** Most elements of a transition monoid computed: "monoid size … --max-monoid". */
  readonly maxMonoid: number;
  /** Longest member `enum` and `sample` will build: "enumeration length … --max-enum-length". */
  readonly maxEnumLength: number;
  /**
   * Most cells (states × (length + 1)) of the table of completion counts that
   * `count` and `sample` fill. Its numbers grow with the length, so the work
   * grows as states × length²: 2 049 states × length 10 000 takes seconds,
   * ten times that minutes. Sampling counts four cells per cell (it
   * recomputes layers from checkpoints). "counting table … --max-count-cells".
   */
  readonly maxCountCells: number;
  /**
   * Largest expression `regex` builds, in syntax-tree nodes. State
   * elimination can grow an expression exponentially in the states
   * (`(a|b)*a(a|b){5}` has 64): "expression size … --max-regex-size".
   */
  readonly maxRegexSize: number;
  /**
   * Most continuous-time samples per primitive flow that `trace --samples`
   * may ask for; every sample is printed, so the output grows as the
   * string's length × samples: "samples per flow … --max-samples".
   */
  readonly maxSamples: number;
  /**
   * Most DFA states `certify --embedding flow2d` checks: each word's phrase
   * grows with the number of states and is pushed through every state's
   * region, so the work grows as states² (8 193 states take about 20 s):
   * "flow2d certificate states … --max-flow-states".
   */
  readonly maxFlowStates: number;
}

/** The limits in force unless overridden; each default's reason is on its field of `Limits`. */
export const DEFAULT_LIMITS: Limits = {
  maxLength: 100_000,
  maxDepth: 500,
  maxRepeat: 1000,
  maxStates: 100_000,
  maxNfaStates: 1_000_000,
  maxMonoid: 100_000,
  maxEnumLength: 10_000,
  maxCountCells: 25_000_000,
  maxRegexSize: 1_000_000,
  maxSamples: 1_000,
  maxFlowStates: 10_000,
};

/**
 * The budgets of live typing: small enough that one unit of work stays well
 * under a second on a slow machine, so keystrokes are never held up for long.
 * Flags of `wordflow play` raise them.
 */
export const LIVE_LIMITS: Partial<Limits> = {
  maxStates: 20_000,
  maxNfaStates: 200_000,
  maxMonoid: 5_000,
};

/** The command-line flag of each limit, for error messages and help. */
export const LIMIT_FLAGS: { readonly [K in keyof Limits]: string } = {
  maxLength: '--max-length',
  maxDepth: '--max-depth',
  maxRepeat: '--max-repeat',
  maxStates: '--max-states',
  maxNfaStates: '--max-nfa-states',
  maxMonoid: '--max-monoid',
  maxEnumLength: '--max-enum-length',
  maxCountCells: '--max-count-cells',
  maxRegexSize: '--max-regex-size',
  maxSamples: '--max-samples',
  maxFlowStates: '--max-flow-states',
};

/** Defaults overridden by whichever fields are given. */
export function limits(overrides: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * Longest sentence `wordflow approx` writes, in words, unless `--max-length`
 * raises it. The hardest target (the pendulum's time-1 map at 1e-3)
 * is allowed 300 000 words; a million leaves room above that while a
 * sentence still evaluates in milliseconds per point.
 */
export const APPROX_MAX_LENGTH = 1_000_000;

/**
 * Limits of `wordflow matrix` (and `approximateMatrix`), kept apart from
 * `Limits` because `--max-length` means the sentence's length there, not a
 * pattern's.
 */
export interface MatrixLimits {
  /**
   * Longest sentence built, in words (runs counted with multiplicity). Runs
   * are stored as counts, so long sentences are cheap to hold; the limit
   * keeps Kronecker sentences — Θ(1/ε) words per parameter — within reason:
   * `wordflow matrix '[[2,1],[1,1]]' --vocabulary kronecker --eps 1e-12` →
   * "a sentence of … words …: over the limit of 1,000,000,000; raise it with --max-length".
   */
  readonly maxSentenceLength: number;
  /**
   * Largest dimension d of a target. The vocabularies' word names use
   * one-digit indices up to 9; 8 keeps every human-readable listing short:
   * a 9×9 target gives "dimension 9: over the limit of 8; raise it with --max-dimension" (at most 16).
   */
  readonly maxDimension: number;
}

/** The matrix limits in force unless overridden. */
export const DEFAULT_MATRIX_LIMITS: MatrixLimits = {
  maxSentenceLength: 1_000_000_000,
  maxDimension: 8,
};

/** The command-line flag of each matrix limit. */
export const MATRIX_LIMIT_FLAGS: { readonly [K in keyof MatrixLimits]: string } = {
  maxSentenceLength: '--max-length',
  maxDimension: '--max-dimension',
};

/**
 * Limits of `wordflow approx` (and `approximateMap`): the sentence's length
 * and the time a build may take.
 */
export interface ApproxLimits {
  /** Longest sentence written, in words (see `APPROX_MAX_LENGTH`): "sentence length … --max-length". */
  readonly maxSentenceLength: number;
  /**
   * Seconds a build may take. Fitted targets (a general diffeomorphism's
   * isotopy, a field that is neither linear nor separable) fit a field per
   * splitting step and double the steps until the splitting meets its share
   * of ε, each fit taking about a second: `wordflow approx 'x +
   * 0.3*sin(2*pi*y)' 'e*y' --eps 1e-2` ran for minutes before its length was
   * known. A minute covers every target the README's table lists (seconds
   * each); the loops check the clock between fits and steps, so a build
   * stops within about a second of it: "build time … --max-seconds".
   */
  readonly maxSeconds: number;
}

/** The approx limits in force unless overridden. */
export const DEFAULT_APPROX_LIMITS: ApproxLimits = {
  maxSentenceLength: APPROX_MAX_LENGTH,
  maxSeconds: 60,
};

/** The command-line flag of each approx limit. */
export const APPROX_LIMIT_FLAGS: { readonly [K in keyof ApproxLimits]: string } = {
  maxSentenceLength: '--max-length',
  maxSeconds: '--max-seconds',
};

/** Any limit's key: a field of `Limits`, `MatrixLimits` or `ApproxLimits` (a limit error carries one). */
export type LimitKey = keyof Limits | keyof MatrixLimits | keyof ApproxLimits;

/** The flag of any limit, by key. */
export function limitFlag(key: LimitKey): string {
  if (key in LIMIT_FLAGS) return LIMIT_FLAGS[key as keyof Limits];
  if (key in MATRIX_LIMIT_FLAGS) return MATRIX_LIMIT_FLAGS[key as keyof MatrixLimits];
  return APPROX_LIMIT_FLAGS[key as keyof ApproxLimits];
}
