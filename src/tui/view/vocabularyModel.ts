/**
 * The vocabulary of the shown DFA in the selected embedding, as the panes
 * need it: the vocabulary itself (to evaluate prefixes), its description
 * (per-class maps with their parameters) and its certificate. Built in a
 * background job under the live budgets; the trace of a string is cached per
 * vocabulary and extended incrementally, like the DFA run.
 */
import type { Dfa } from '../../automata/dfa.js';
import { WordflowError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import { attempt, type Outcome } from '../analysis.js';
import { transitionMonoid } from '../../automata/monoid.js';
import { certify, vocabulary, type Certificate, type EmbeddingName, type Point, type Vocabulary, type VocabularyJson } from '../../vocabulary/index.js';

export interface VocabularyView {
  readonly embedding: EmbeddingName;
  readonly vocabulary: Vocabulary;
  readonly json: VocabularyJson;
  readonly certificate: Outcome<Certificate>;
  readonly ms: number;
}

/**
 * Most states for which the playground builds a vocabulary live: the maps of
 * a larger DFA do not fit on a screen anyway, and the certificate of every
 * (state, class) pair would hold up typing. Tied to the state budget's flag.
 */
export const LIVE_VOCABULARY_STATES = 2_000;

/** Builds, describes and certifies the vocabulary. */
export function vocabularyView(dfa: Dfa, embedding: EmbeddingName, limits: Limits): Outcome<VocabularyView> {
  return attempt(() => {
    const cap = Math.min(LIVE_VOCABULARY_STATES, limits.maxStates);
    if (dfa.states > cap) {
      throw new WordflowError(
        'limit',
        `vocabulary: ${dfa.states.toLocaleString('en-US')} states is over the playground's live limit of ${cap.toLocaleString('en-US')}; use wordflow compile PATTERN --embedding ${embedding}`,
      );
    }
    const t0 = performance.now();
    const v = vocabulary(dfa, embedding);
    const json = v.describe();
    const certificate = attempt(() => certify(v));
    return { embedding, vocabulary: v, json, certificate, ms: performance.now() - t0 };
  });
}

/** The points x_0 … x_m of the first m letters (m = classes.length, up to the budget). */
export interface Trace {
  readonly classes: Int32Array;
  /** `points[i]`: the point after i letters, for i ≤ points.length − 1. */
  readonly points: readonly Point[];
  /** True when the budget stopped the trace before the end of the string. */
  readonly cut: boolean;
}

/** Letters whose points the live trace computes at most; beyond, the pane says so. */
export const LIVE_TRACE_LETTERS = 20_000;

/** Floats of points a trace keeps at most (about 16 MB). */
const TRACE_FLOATS = 2_000_000;

const traces = new WeakMap<Vocabulary, Trace>();

/**
 * The trace of a string's classes through a vocabulary, reusing the cached
 * trace of the same vocabulary up to the first changed letter.
 */
export function traceOf(vocabulary: Vocabulary, classes: Int32Array): Trace {
  const old = traces.get(vocabulary);
  const cap = Math.max(1, Math.floor(TRACE_FLOATS / Math.max(1, vocabulary.dimension)));
  const upto = Math.min(classes.length, cap);
  let same = 0;
  if (old !== undefined) {
    const limit = Math.min(old.points.length - 1, upto);
    while (same < limit && old.classes[same] === classes[same]) same++;
  }
  const points: Point[] = old === undefined ? [Float64Array.from(vocabulary.start)] : old.points.slice(0, same + 1);
  for (let i = same; i < upto; i++) points.push(vocabulary.apply(classes[i]!, points[i]!));
  const trace = { classes: classes.slice(0, upto), points, cut: upto < classes.length };
  traces.set(vocabulary, trace);
  return trace;
}

/** The monoid's size and aperiodicity, or the bound it went over. */
export type MonoidInfo =
  | { readonly kind: 'size'; readonly size: number; readonly aperiodic: boolean }
  /** `byFlag`: whether --max-monoid (rather than the live work bound) set the bound. */
  | { readonly kind: 'over'; readonly bound: number; readonly byFlag: boolean };

/** Monoid elements × states × classes computed at most live ("when cheap"). */
const MONOID_WORK = 4_000_000;

/** The transition monoid's size when it is cheap to find: within --max-monoid and a live work bound. */
export function monoidSize(dfa: Dfa, limits: Limits): Outcome<MonoidInfo> {
  const work = Math.max(1, dfa.states * dfa.alphabet.classes.length);
  const bound = Math.max(1, Math.min(limits.maxMonoid, Math.floor(MONOID_WORK / work)));
  const r = attempt(() => transitionMonoid(dfa, { ...limits, maxMonoid: bound }));
  if (r.ok) return { ok: true, value: { kind: 'size', size: r.value.size, aperiodic: r.value.aperiodic } };
  return r.error.kind === 'limit' ? { ok: true, value: { kind: 'over', bound, byFlag: bound === limits.maxMonoid } } : r;
}
